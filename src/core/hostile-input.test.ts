/**
 * The hostile-input table through the dispatcher itself (the layer both transports call), plus
 * the checks that keep the table honest: every handler has a valid example, every example passes
 * its schema. The same table over HTTP and IPC: src/web and src/main hostile-input tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { contract, HANDLER_NAMES, isHandlerName } from '../shared/contract';
import type { Article, MediaImportResult, SearchHit, Term, WorkflowEvent } from '../shared/domain';
import { doc } from './testing/fixtures';
import { defineHostileSuite, describeProblems, MIN_CASES_PER_HANDLER, runCases, seedHostileWorld, snapshotStore } from './testing/hostile-harness';
import { HANDLER_SPECS, hostileCasesFor, UNKNOWN_ID, type HostileCase } from './testing/hostile-inputs';

describe('hostile-input table', () => {
  it('has a valid example for every handler of the contract, and none for handlers that do not exist', async () => {
    const world = await seedHostileWorld();
    try {
      expect(HANDLER_NAMES.filter((name) => !HANDLER_SPECS[name]), 'handlers without an example in HANDLER_SPECS').toEqual([]);
      expect(Object.keys(HANDLER_SPECS).filter((name) => !isHandlerName(name))).toEqual([]);
      for (const name of HANDLER_NAMES) {
        const spec = HANDLER_SPECS[name]!;
        const example = spec.example(world.ctx);
        expect(Object.keys(example).sort(), `${name}: fields must name the example's keys`).toEqual(Object.keys(spec.fields).sort());
        const parsed = contract[name].input.safeParse(example);
        expect(parsed.success, `${name}: its example must pass its schema (${parsed.error?.message})`).toBe(true);
        expect(hostileCasesFor(name, spec, world.ctx).length, name).toBeGreaterThanOrEqual(MIN_CASES_PER_HANDLER);
      }
    } finally {
      world.t.dispose();
    }
  });
});

defineHostileSuite('dispatcher', async (world) => ({
  send: async (name, input) => ({ envelope: await world.t.backend.invoke(name, input) }),
  close: () => undefined,
}));

/**
 * Markup in titles, notes and names is text a journalist may well write (an article about an
 * attack quotes it): it is stored and answered exactly as sent, never interpreted or half-cleaned.
 * Escaping is the job of whatever renders it.
 */
describe('hostile text that is honest input', () => {
  const SCRIPT = '<script>alert(document.cookie)</script>';
  const IMG = '<img src=x onerror="alert(1)">';

  it('keeps markup in titles, bodies, notes and term names verbatim', async () => {
    const world = await seedHostileWorld();
    const { t, ctx } = world;
    try {
      const title = `${SCRIPT} \u202Eevil ${IMG}`;
      const created = await t.call<Article>('articles-create', { title });
      expect(created.title).toBe(title);
      await t.call('articles-save', { id: created.id, baseVersion: created.version, title, excerpt: IMG, body: doc(`Kutipan: ${SCRIPT}`) });
      const stored = await t.call<Article>('articles-get', { id: created.id });
      expect(stored).toMatchObject({ title, excerpt: IMG });
      expect(JSON.stringify(stored.body)).toContain(JSON.stringify(`Kutipan: ${SCRIPT}`).slice(1, -1));
      const hits = await t.call<SearchHit[]>('articles-search', { query: 'kutipan' });
      expect(hits.map((h) => h.id)).toEqual([created.id]);

      const term = await t.call<Term>('terms-create', { taxonomy: 'tag', name: `${IMG}x` });
      expect(term.name).toBe(`${IMG}x`);
      await t.call('articles-set-terms', { id: created.id, categoryId: ctx.categoryId, tags: [SCRIPT.slice(0, 60)] });
      const tags = await t.call<Term[]>('terms-list', { taxonomy: 'tag' });
      expect(tags.map((x) => x.name)).toEqual(expect.arrayContaining([`${IMG}x`, SCRIPT.slice(0, 60)]));

      await t.call('workflow-transition', { id: created.id, action: 'submit', note: SCRIPT });
      const history = await t.call<WorkflowEvent[]>('workflow-history', { id: created.id });
      expect(history.at(-1)).toMatchObject({ action: 'submit', note: SCRIPT });
    } finally {
      t.dispose();
    }
  });

  it('imports real photos under hostile file names without writing outside the media folder', async () => {
    const world = await seedHostileWorld();
    const { t } = world;
    try {
      const names = ['../../etc/passwd', '..\\..\\win.ini', '/etc/shadow', 'foto.jpg\u0000.exe', 'foto\u202Egpj.exe', 'x'.repeat(255), '..', 'CON'];
      for (const [i, fileName] of names.entries()) {
        const bytes = await sharp({ create: { width: 8 + i, height: 8, channels: 3, background: '#336699' } }).png().toBuffer();
        const result = await t.call<MediaImportResult>('media-import', { fileName, data: new Uint8Array(bytes) });
        expect(result.deduplicated, fileName).toBe(false);
        // eslint-disable-next-line no-control-regex
        expect(result.originalName, fileName).not.toMatch(/[\\/\u0000-\u001f\u202a-\u202e]|^\./);
        expect(result.originalName.length).toBeLessThanOrEqual(120);
      }
      // Only hash-named files in two-letter folders (and the empty tmp folder) under media/.
      const entries = fs.readdirSync(path.join(t.dataDir, 'media'), { recursive: true, withFileTypes: true });
      for (const entry of entries) {
        const rel = path.relative(path.join(t.dataDir, 'media'), path.join(entry.parentPath, entry.name));
        expect(rel, rel).toMatch(entry.isDirectory() ? /^(tmp|[0-9a-f]{2})$/ : /^[0-9a-f]{2}[\\/][0-9a-f]{64}$/);
      }
      expect(fs.readdirSync(path.join(t.dataDir, 'media', 'tmp'))).toEqual([]);
      for (const name of ['passwd', 'shadow', 'win.ini', 'etc', 'CON']) {
        expect(fs.existsSync(path.join(path.dirname(t.dataDir), name)), name).toBe(false);
      }
      expect(fs.readdirSync(t.dataDir).sort()).toEqual(['backup.json', 'media', 'redaksi.lock', 'redaksi.sqlite3', 'redaksi.sqlite3-shm', 'redaksi.sqlite3-wal']);
    } finally {
      t.dispose();
    }
  });
});

describe('valid inputs the backend refuses', () => {
  it('answer with honest, translatable refusals and store nothing', async () => {
    const { t, ctx } = await seedHostileWorld();
    try {
      const trashed = await t.call<Article>('articles-create', { title: 'Dibuang' });
      await t.call('articles-trash', { id: trashed.id });
      const other = await t.call<Article>('articles-create', { title: 'Lain' });
      const [queued] = await t.call<{ id: string }[]>('queue-list', {});
      const inQueue = await t.call<Article>('articles-get', { id: queued!.id });
      const [queuedRevision] = await t.call<{ id: string }[]>('revisions-list', { articleId: inQueue.id });
      await t.call('articles-search', { query: 'x' });
      const before = snapshotStore(t.dataDir);
      const emptyBody = { root: { type: 'root', children: [] } };
      const cases: HostileCase[] = (
        [
          ['delete an article that is not in the trash', 'articles-delete-forever', { id: ctx.articleId }, 'conflict'],
          ['save on a stale version', 'articles-save', { id: ctx.articleId, baseVersion: 0, title: 'x', excerpt: '', body: emptyBody }, 'conflict'],
          ['restore on a stale version', 'revisions-restore', { articleId: ctx.articleId, revisionId: ctx.revisionId, baseVersion: 0 }, 'conflict'],
          ['save a trashed article', 'articles-save', { id: trashed.id, baseVersion: trashed.version, title: 'x', excerpt: '', body: emptyBody }, 'conflict'],
          ['set terms of a trashed article', 'articles-set-terms', { id: trashed.id, categoryId: null, tags: [] }, 'conflict'],
          ['submit a trashed article', 'workflow-transition', { id: trashed.id, action: 'submit' }, 'conflict'],
          ['approve as a writer', 'workflow-transition', { id: ctx.articleId, action: 'approve' }, 'validation'],
          ['withdraw a draft', 'workflow-transition', { id: ctx.articleId, action: 'withdraw' }, 'conflict'],
          ['trash a submitted article', 'articles-trash', { id: inQueue.id }, 'conflict'],
          ['restore a revision of a submitted article as a writer', 'revisions-restore', { articleId: inQueue.id, revisionId: queuedRevision!.id, baseVersion: inQueue.version }, 'conflict'],
          ['feature a photo that is not in the library', 'articles-set-featured-image', { id: ctx.articleId, mediaId: UNKNOWN_ID }, 'validation'],
          ['a category that is a tag', 'articles-set-terms', { id: ctx.articleId, categoryId: UNKNOWN_ID, tags: [] }, 'not-found'],
          ['restore a revision of another article', 'revisions-restore', { articleId: other.id, revisionId: ctx.revisionId, baseVersion: other.version }, 'not-found'],
        ] as const
      ).map(([label, handler, input, kind]) => ({ handler, label, input, expect: [kind] }));
      const send = async (name: string, input: unknown) => ({ envelope: await t.backend.invoke(name, input) });
      expect(describeProblems(await runCases(cases, send))).toEqual([]);
      expect(snapshotStore(t.dataDir)).toEqual(before);
    } finally {
      t.dispose();
    }
  });
});
