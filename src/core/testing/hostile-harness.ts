/**
 * Runs the hostile-input table (hostile-inputs.ts) through one transport: a seeded backend, a
 * snapshot of everything it stores before and after, and the checks every answer must pass.
 * Used by the dispatcher, browser-mode (HTTP) and Electron IPC suites alike.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDLER_NAMES, type InvokeResult } from '../../shared/contract';
import type { Article, MediaImportResult, RevisionSummary, Term } from '../../shared/domain';
import { DATABASE_FILE_NAME } from '../backend';
import { HANDLER_SPECS, hostileCasesFor, UNKNOWN_HANDLER_NAMES, type HostileCase, type SeededContext } from './hostile-inputs';
import { openTestBackend, type TestBackend } from './fixtures';

/** What a transport answered: the envelope, and for HTTP the status. */
export interface TransportAnswer {
  status?: number;
  envelope: unknown;
}
/** Sends one input to a handler; `c` is the case it comes from, for transports that need more of it. */
export type Send = (name: string, input: unknown, c?: HostileCase) => Promise<TransportAnswer>;

export interface HostileWorld {
  t: TestBackend;
  ctx: SeededContext;
}

/** A backend holding one of everything the examples refer to (article, revision, photo, category, workflow event). */
export async function seedHostileWorld(): Promise<HostileWorld> {
  const t = openTestBackend();
  const photo = new Uint8Array(await sharp({ create: { width: 32, height: 24, channels: 3, background: '#0f4c5c' } }).jpeg().toBuffer());
  const media = await t.call<MediaImportResult>('media-import', { fileName: 'banjir.jpg', data: photo });
  const category = await t.call<Term>('terms-create', { taxonomy: 'category', name: 'Daerah' });
  const body = (words: string) => ({
    root: {
      type: 'root',
      version: 1,
      children: [
        { type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: words }] },
        { type: 'image', version: 1, mediaId: media.id, altText: 'Air setinggi lutut', caption: 'Banjir', credit: 'Ayu' },
      ],
    },
  });
  const draft = await t.call<Article>('articles-create', { title: 'Banjir di Tenggarong' });
  await t.call('articles-save', { id: draft.id, baseVersion: draft.version, title: 'Banjir di Tenggarong', excerpt: 'Air naik', body: body('Air naik sejak pagi.') });
  await t.call('articles-set-terms', { id: draft.id, categoryId: category.id, tags: ['Banjir'] });
  await t.call('articles-set-featured-image', { id: draft.id, mediaId: media.id });
  const revision: RevisionSummary = t.backend.articles.snapshot(draft.id, 'manual');
  const current = await t.call<Article>('articles-get', { id: draft.id });

  // A second article in the editor's queue, so workflow events and the queue are not empty.
  const queued = await t.call<Article>('articles-create', { title: 'Jalan rusak' });
  await t.call('articles-save', { id: queued.id, baseVersion: queued.version, title: 'Jalan rusak', excerpt: '', body: body('Jalan berlubang.') });
  await t.call('articles-set-terms', { id: queued.id, categoryId: category.id, tags: [] });
  await t.call('workflow-transition', { id: queued.id, action: 'submit', note: 'Siap' });
  // Brings the search index up to date, so the snapshots compare settled states.
  await t.call('articles-search', { query: 'banjir' });

  return {
    t,
    ctx: { articleId: draft.id, version: current.version, revisionId: revision.id, mediaId: media.id, categoryId: category.id, photo, dataDir: t.dataDir },
  };
}

/** Every case for every handler of the contract; throws when a handler has no spec. */
export function allHostileCases(ctx: SeededContext): HostileCase[] {
  return HANDLER_NAMES.flatMap((name) => {
    const spec = HANDLER_SPECS[name];
    if (!spec) throw new Error(`No example input for handler "${name}" in HANDLER_SPECS (src/core/testing/hostile-inputs.ts)`);
    return hostileCasesFor(name, spec, ctx);
  });
}

export function unknownHandlerCases(): HostileCase[] {
  return UNKNOWN_HANDLER_NAMES.map((name) => ({ handler: name, label: 'unknown handler', input: {}, expect: ['not-found'] }));
}

export interface StoreSnapshot {
  /** Rows of every table (search-index internals aside), each row as JSON, sorted. */
  tables: Record<string, string[]>;
  /** Every path under media/ with its size. */
  media: string[];
  /** Everything else in the data folder besides the database files. */
  dataDir: string[];
}

export function snapshotStore(dataDir: string): StoreSnapshot {
  const db = new Database(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true, fileMustExist: true });
  try {
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[])
      .map((r) => r.name)
      .filter((name) => !name.startsWith('articles_fts') && name !== 'search_index_pending' && !name.startsWith('sqlite_'));
    const tables: Record<string, string[]> = {};
    for (const name of names) {
      tables[name] = (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort();
    }
    return { tables, media: listFiles(path.join(dataDir, 'media')), dataDir: fs.readdirSync(dataDir).filter((n) => !n.startsWith(DATABASE_FILE_NAME)).sort() };
  } finally {
    db.close();
  }
}

function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const rel = `${prefix}${entry.name}`;
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? [`${rel}/`, ...listFiles(full, `${rel}/`)] : [`${rel} ${fs.statSync(full).size}`];
    })
    .sort();
}

function leafKeys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [];
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leafKeys(v, `${prefix}${k}.`)));
}

/** Error codes the renderer can put into words: `errors.<code>` is a sentence in both languages. */
export function translatableCodes(): Set<string> {
  const dir = fileURLToPath(new URL('../../renderer/src/i18n/locales/', import.meta.url));
  const [id, en] = ['id.json', 'en.json'].map((file) => new Set(leafKeys(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')))));
  return new Set([...id!].filter((key) => en!.has(key) && key.startsWith('errors.')).map((key) => key.slice('errors.'.length)));
}

export interface CaseOutcome {
  case: HostileCase;
  problem: string;
}

const ALLOWED_HTTP_STATUSES = new Set([200, 400, 404, 405, 413]);

/** The problem with one answer, or null when it is an honest, translatable refusal. */
export function judgeAnswer(c: HostileCase, answer: TransportAnswer, codes: Set<string>): string | null {
  if (answer.status !== undefined && !ALLOWED_HTTP_STATUSES.has(answer.status)) return `HTTP status ${answer.status}`;
  const envelope = answer.envelope as InvokeResult<unknown> | undefined;
  if (typeof envelope !== 'object' || envelope === null || typeof envelope.ok !== 'boolean') return `not an envelope: ${String(envelope)}`;
  if (envelope.ok) return `accepted, answering ${JSON.stringify(envelope.value)?.slice(0, 120)}`;
  const { kind, code, message, retryable } = envelope.error;
  if (typeof message !== 'string' || typeof retryable !== 'boolean') return `malformed error ${JSON.stringify(envelope.error).slice(0, 200)}`;
  if (!c.expect.includes(kind)) return `answered ${kind}/${code} (${message.slice(0, 160)}), expected ${c.expect.join(' or ')}`;
  if (!codes.has(code)) return `code "${code}" has no translation`;
  return null;
}

/**
 * Sends every case, a few at a time, and returns the answers that fail judgement. A case that does
 * not answer within `timeoutMs` counts as hung.
 */
export async function runCases(cases: HostileCase[], send: Send, options: { concurrency?: number; timeoutMs?: number } = {}): Promise<CaseOutcome[]> {
  const codes = translatableCodes();
  const problems: CaseOutcome[] = [];
  const timeoutMs = options.timeoutMs ?? 10_000;
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      let timer: NodeJS.Timeout | undefined;
      try {
        const answer = await Promise.race([
          send(c.handler, c.input, c),
          new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))),
        ]);
        const problem = judgeAnswer(c, answer, codes);
        if (problem) problems.push({ case: c, problem });
      } catch (err) {
        problems.push({ case: c, problem: `threw ${err instanceof Error ? err.message : String(err)}` });
      } finally {
        clearTimeout(timer);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 1 }, worker));
  return problems;
}

/** One line per problem, for a readable failure. */
export function describeProblems(problems: CaseOutcome[]): string[] {
  return problems.map((p) => `${p.case.handler.slice(0, 40)}: ${p.case.label}: ${p.problem}`);
}

/** Keys added to Object.prototype by a pollution that got through (should stay empty). */
export function prototypePollution(): string[] {
  const probe = {} as Record<string, unknown>;
  return [...Object.getOwnPropertyNames(Object.prototype).filter((k) => !BASELINE_PROTOTYPE_KEYS.has(k)), ...('polluted' in probe ? ['polluted'] : [])];
}
const BASELINE_PROTOTYPE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

export interface TransportUnderTest {
  send: Send;
  close(): Promise<void> | void;
}

/**
 * The suite every transport runs: each handler's hostile cases (one test per handler), unknown
 * handler names, and afterwards the proof that nothing was stored and nothing polluted.
 */
export function defineHostileSuite(label: string, connect: (world: HostileWorld) => Promise<TransportUnderTest>, options: { concurrency?: number } = {}): void {
  describe(`hostile input: ${label}`, () => {
    let world: HostileWorld;
    let transport: TransportUnderTest;
    let before: StoreSnapshot;
    let sent = 0;

    beforeAll(async () => {
      world = await seedHostileWorld();
      transport = await connect(world);
      before = snapshotStore(world.t.dataDir);
    });
    afterAll(async () => {
      await transport?.close();
      world?.t.dispose();
    });

    it.each(HANDLER_NAMES)('refuses every hostile input to %s honestly', async (name) => {
      const spec = HANDLER_SPECS[name];
      expect(spec, `no example input for "${name}" in HANDLER_SPECS (src/core/testing/hostile-inputs.ts)`).toBeDefined();
      const cases = hostileCasesFor(name, spec!, world.ctx);
      expect(cases.length).toBeGreaterThanOrEqual(MIN_CASES_PER_HANDLER);
      sent += cases.length;
      expect(describeProblems(await runCases(cases, transport.send, options))).toEqual([]);
    });

    it('answers unknown handler names with not-found', async () => {
      const cases = unknownHandlerCases();
      sent += cases.length;
      expect(describeProblems(await runCases(cases, transport.send, options))).toEqual([]);
    });

    it('stored nothing, polluted nothing, and still works', async () => {
      expect(sent).toBeGreaterThanOrEqual(MIN_CASES_PER_HANDLER * HANDLER_NAMES.length);
      // The backend is alive and answers a valid call through the same transport.
      const answer = await transport.send('articles-get', { id: world.ctx.articleId });
      expect(answer.envelope).toMatchObject({ ok: true, value: { id: world.ctx.articleId, version: world.ctx.version } });
      await world.t.call('articles-search', { query: 'banjir' });
      expect(snapshotStore(world.t.dataDir)).toEqual(before);
      expect(prototypePollution()).toEqual([]);
    });
  });
}

/** Every handler gets at least this many hostile inputs. */
export const MIN_CASES_PER_HANDLER = 50;
