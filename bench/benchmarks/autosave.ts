/**
 * Autosave through the real handler path (validation, plain-text derivation, the transaction, fsync
 * of the WAL with synchronous=FULL), on a database in a temporary directory on disk. Each save
 * changes a few words in one paragraph, as a person typing between two autosaves does.
 *
 * Three saves are interleaved in every round, in a rotating order, so the machine's load falls on
 * all three alike: the 10,000-word article; the same save of a 100-word article (what the length
 * costs: target p99 ratio <= 3); and the physical floor, a bare better-sqlite3 UPDATE of the same
 * bytes (the body's JSON and plain text) in a database of its own with WAL and synchronous=FULL.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBackend } from '../../src/core/backend';
import { silentLogger } from '../../src/core/logger';
import { lexicalToPlainText, type LexicalDocument } from '../../src/shared/lexical-document';
import { buildVocabulary, createRandom, documentFromParagraphs, generateParagraphs, type Vocabulary } from '../corpus';
import { nowMs, percentile, round, scaled, type Benchmark, type BenchContext } from '../harness';

const WORDS = 10_000;
const SHORT_WORDS = 100;
const WARMUP = scaled(20, 5);
const SAMPLES = scaled(1_000, 100);
const TITLE = 'Banjir Rendam Tiga Kecamatan di Kutai Kartanegara';
const EXCERPT = 'Hujan deras sejak Senin malam membuat Sungai Mahakam meluap.';

type Backend = ReturnType<typeof createBackend>;

/** One article being edited: each `next()` is the document after a small edit, as a transport delivers it. */
async function editedArticle(backend: Backend, vocab: Vocabulary, random: () => number, words: number) {
  const paragraphs = generateParagraphs(vocab, random, words);
  const created = await backend.invoke('articles-create', { title: TITLE });
  if (!created.ok) throw new Error(created.error.message);
  const id = (created.value as { id: string }).id;
  let version = (created.value as { version: number }).version;
  const next = (): LexicalDocument => {
    const i = Math.floor(random() * paragraphs.length);
    const w = paragraphs[i]!.split(' ');
    w.splice(Math.floor(random() * w.length), random() < 0.5 ? 1 : 0, vocab.pick(random), vocab.pick(random), vocab.pick(random));
    paragraphs[i] = w.join(' ');
    // A freshly deserialised document (IPC's structured clone, or JSON.parse of the HTTP body).
    return JSON.parse(JSON.stringify(documentFromParagraphs(paragraphs))) as LexicalDocument;
  };
  const save = async (doc: LexicalDocument): Promise<number> => {
    const started = nowMs();
    const result = await backend.invoke('articles-save', { id, baseVersion: version, title: TITLE, excerpt: EXCERPT, body: doc });
    const elapsed = nowMs() - started;
    if (!result.ok) throw new Error(result.error.message);
    version = (result.value as { version: number }).version;
    return elapsed;
  };
  await save(next());
  return { next, save };
}

/** The floor: the same bytes written by a bare UPDATE, WAL, synchronous=FULL. */
function bareWriter(ctx: BenchContext) {
  const db = new Database(path.join(ctx.tempDir('autosave-floor'), 'floor.sqlite3'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, title TEXT, excerpt TEXT, body_text TEXT, body_json TEXT)');
  db.prepare('INSERT INTO t (id) VALUES (1)').run();
  const update = db.prepare('UPDATE t SET title = ?, excerpt = ?, body_text = ?, body_json = ? WHERE id = 1');
  return {
    write(doc: LexicalDocument): number {
      const json = JSON.stringify(doc);
      const text = lexicalToPlainText(doc);
      const started = nowMs();
      update.run(TITLE, EXCERPT, text, json);
      return nowMs() - started;
    },
    close: () => db.close(),
  };
}

export const autosaveBenchmark: Benchmark = {
  name: 'autosave',
  description: `save of a ${WORDS.toLocaleString('en')}-word article after a small edit (p50, p99) against a ${SHORT_WORDS}-word article and a bare SQLite write of the same bytes, interleaved`,
  async run(ctx) {
    const backend = createBackend({ dataDir: ctx.tempDir('autosave'), appVersion: 'bench', transport: 'web', logger: silentLogger });
    const floor = bareWriter(ctx);
    try {
      const vocab = buildVocabulary();
      const random = createRandom(7);
      const long = await editedArticle(backend, vocab, random, WORDS);
      const short = await editedArticle(backend, vocab, random, SHORT_WORDS);
      for (let i = 0; i < WARMUP; i++) {
        await long.save(long.next());
        await short.save(short.next());
        floor.write(long.next());
      }
      const samples = { long: [] as number[], short: [] as number[], floor: [] as number[] };
      for (let i = 0; i < SAMPLES; i++) {
        // Building the next documents is the editor's work, not the save's.
        const docs = { long: long.next(), short: short.next(), floor: long.next() };
        const order = (['long', 'short', 'floor'] as const).map((_, k, all) => all[(i + k) % 3]!);
        for (const which of order) {
          // Let pending I/O callbacks and timers run between saves, as they would between keystrokes.
          await new Promise((resolve) => setImmediate(resolve));
          if (which === 'long') samples.long.push(await long.save(docs.long));
          else if (which === 'short') samples.short.push(await short.save(docs.short));
          else samples.floor.push(floor.write(docs.floor));
        }
      }
      const p = (xs: number[], q: number) => percentile(xs, q);
      for (const [name, xs] of Object.entries(samples)) {
        ctx.log(`${name}: p50 ${p(xs, 50).toFixed(2)} ms, p99 ${p(xs, 99).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms over ${xs.length} saves`);
      }
      const shortLabel = `same save of a ${SHORT_WORDS}-word article, interleaved`;
      const floorLabel = 'bare better-sqlite3 UPDATE of the same bytes (WAL, synchronous=FULL), interleaved';
      for (const q of [50, 99]) {
        const value = p(samples.long, q);
        ctx.report({ bench: `autosave-10k-words.p${q}`, value: round(value), unit: 'ms', baseline: shortLabel, ratio: round(value / p(samples.short, q), 2), n: SAMPLES });
        ctx.report({ bench: `autosave-10k-words-vs-floor.p${q}`, value: round(value), unit: 'ms', baseline: floorLabel, ratio: round(value / p(samples.floor, q), 2), n: SAMPLES });
      }
      ctx.report({ bench: 'autosave-100-words.p99', value: round(p(samples.short, 99)), unit: 'ms', baseline: null, ratio: null, n: SAMPLES });
      ctx.report({ bench: 'autosave-floor-10k-words.p99', value: round(p(samples.floor, 99)), unit: 'ms', baseline: null, ratio: null, n: SAMPLES });
      const ratio = p(samples.long, 99) / p(samples.short, 99);
      if (ratio > 3) ctx.log(`p99 ratio ${ratio.toFixed(2)} is above the target of 3`);
    } finally {
      floor.close();
      backend.close();
    }
  },
};
