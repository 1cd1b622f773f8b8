/**
 * A laptop with 10,000 articles, against an empty library and a library of 100, in the same run.
 *
 * - Start to the first editable article: opening the data folder (createBackend: lock, database,
 *   migrations check, services) and the calls the window makes before a person can type: settings,
 *   the article list (newest 1,000) and the newest article. The baseline is the same start on an
 *   empty data folder (already made once, so both are restarts), where the first editable article is
 *   a new one ("Naskah baru"). Starts alternate between the two folders. Target ratio <= 1.5.
 * - The article list (newest 1,000), one-word search (top 20) and the editor's queue (150 articles in
 *   it) with 10,000 articles, against the same calls with 1,000 articles, interleaved.
 */
import path from 'node:path';
import { createBackend, DATABASE_FILE_NAME } from '../../src/core/backend';
import { silentLogger } from '../../src/core/logger';
import { openDatabase } from '../../src/core/storage/database';
import { countWords, lexicalToPlainText } from '../../src/shared/lexical-document';
import { buildVocabulary, createRandom, documentFromParagraphs, generateArticle, type Vocabulary } from '../corpus';
import { nowMs, percentile, round, scaled, type Benchmark, type BenchContext } from '../harness';

const LARGE = scaled(10_000, 2_000);
// The list shows the newest 1,000: a library of 1,000 fills it as well, so the ratio shows what the rest costs.
const SMALL = scaled(1_000, 200);
const STARTS = scaled(30, 8);
const CALLS = scaled(60, 15);
/** Articles submitted, approved or scheduled, the same number in both libraries: what the rest of the library costs the queue. */
const QUEUED = scaled(150, 40);

type Backend = ReturnType<typeof createBackend>;
const open = (dataDir: string): Backend => createBackend({ dataDir, appVersion: 'bench', transport: 'web', logger: silentLogger, backgroundSync: false });

async function call<T>(backend: Backend, name: string, args: unknown = {}): Promise<T> {
  const r = await backend.invoke(name as never, args as never);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/**
 * A data folder with `count` generated articles (250-800 words), search index caught up: drafts,
 * published ones and QUEUED in the queue, or only drafts (which a writer may edit).
 */
export function seedLibrary(ctx: BenchContext, vocab: Vocabulary, count: number, onlyDrafts = false): string {
  const dir = ctx.tempDir(`library-${count}`);
  open(dir).close(); // the schema
  const db = openDatabase(path.join(dir, DATABASE_FILE_NAME));
  db.pragma('synchronous = OFF'); // setup only
  const random = createRandom(count);
  const insert = db.prepare(
    `INSERT INTO articles (id, status, version, word_count, created_at, updated_at, status_changed_at, publish_at, author, title, excerpt, body_text, body_json)
     VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const first = Date.UTC(2024, 0, 1);
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const article = generateArticle(vocab, random);
      const body = documentFromParagraphs(article.paragraphs);
      const text = lexicalToPlainText(body);
      const queued = !onlyDrafts && i % Math.floor(count / QUEUED) === 0;
      const status = queued ? (['submitted', 'approved', 'scheduled'] as const)[i % 3] : onlyDrafts ? 'draft' : (['draft', 'published'] as const)[i % 2];
      const at = first + i * 20 * 60_000;
      insert.run(crypto.randomUUID(), status, countWords(text), at, at, at, status === 'scheduled' ? at + 86_400_000 : null, `Wartawan ${(i % 30) + 1}`, article.title, article.excerpt, text, JSON.stringify(body));
    }
  })();
  db.close();
  const backend = open(dir);
  backend.articles.catchUpSearchIndex();
  backend.close();
  return dir;
}

/** From opening the folder to an article a person can type in, and the part before the article list; ms. */
async function startToEditable(dir: string): Promise<{ total: number; beforeList: number }> {
  const t0 = nowMs();
  const backend = open(dir);
  try {
    await call(backend, 'settings-get');
    const beforeList = nowMs() - t0;
    const list = await call<{ id: string }[]>(backend, 'articles-list', { scope: 'active', limit: 1000 });
    if (list[0]) await call(backend, 'articles-get', { id: list[0].id });
    else await call(backend, 'articles-create', { id: crypto.randomUUID() });
    return { total: nowMs() - t0, beforeList };
  } finally {
    backend.close();
  }
}

export const libraryBenchmark: Benchmark = {
  name: 'library',
  description: `a laptop with ${LARGE.toLocaleString('en')} articles: start to the first editable article against an empty folder; list, search, queue against ${SMALL.toLocaleString('en')} articles`,
  async run(ctx) {
    const vocab = buildVocabulary();
    const t = nowMs();
    const large = seedLibrary(ctx, vocab, LARGE);
    const small = seedLibrary(ctx, vocab, SMALL);
    const empty = ctx.tempDir('library-empty');
    open(empty).close();
    ctx.log(`seeded ${LARGE} and ${SMALL} articles in ${((nowMs() - t) / 1000).toFixed(1)} s`);

    // Each start adds an article to the empty folder ("Naskah baru"); that keeps it near empty.
    await startToEditable(large);
    await startToEditable(empty);
    const starts = { large: [] as number[], empty: [] as number[] };
    const ready = { large: [] as number[], empty: [] as number[] };
    for (let i = 0; i < STARTS; i++) {
      for (const which of i % 2 === 0 ? (['large', 'empty'] as const) : (['empty', 'large'] as const)) {
        const { total, beforeList } = await startToEditable(which === 'large' ? large : empty);
        starts[which].push(total);
        ready[which].push(beforeList);
      }
    }
    const startLarge = percentile(starts.large, 50);
    const startEmpty = percentile(starts.empty, 50);
    const readyLarge = percentile(ready.large, 50);
    const readyEmpty = percentile(ready.empty, 50);
    ctx.log(`of which opening the folder and the settings: ${readyLarge.toFixed(1)} ms against ${readyEmpty.toFixed(1)} ms; the rest is the list of the newest 1,000 and the article`);
    ctx.log(`start to first editable article: ${LARGE} articles p50 ${startLarge.toFixed(1)} ms, empty folder p50 ${startEmpty.toFixed(1)} ms`);
    ctx.report({
      bench: `library-${LARGE}-start-to-editable.p50`,
      value: round(startLarge, 1),
      unit: 'ms',
      baseline: 'same start on an empty data folder (first editable article: a new one), alternating',
      ratio: round(startLarge / startEmpty, 2),
      n: STARTS,
    });
    ctx.report({
      bench: `library-${LARGE}-open-folder.p50`,
      value: round(readyLarge, 1),
      unit: 'ms',
      baseline: 'the same (createBackend + settings-get, before the article list) on an empty data folder, alternating',
      ratio: round(readyLarge / readyEmpty, 2),
      n: STARTS,
    });

    // The list, search and queue, the large library against the small one, interleaved.
    const backends = { large: open(large), small: open(small) };
    try {
      const random = createRandom(99);
      const lowest = vocab.functionWordCount;
      const highest = Math.min(10_000, vocab.words.length - 1);
      const terms = Array.from({ length: CALLS }, () => vocab.words[Math.floor(Math.exp(Math.log(lowest) + random() * (Math.log(highest) - Math.log(lowest))))]!);
      const figures = [
        { name: 'list', label: 'articles-list (newest 1,000)', run: (b: Backend) => call(b, 'articles-list', { scope: 'active', limit: 1000 }) },
        { name: 'search', label: 'articles-search, one word, top 20', run: (b: Backend, i: number) => call(b, 'articles-search', { query: terms[i]!, limit: 20 }) },
        { name: 'queue', label: `queue-list (${QUEUED} submitted, approved or scheduled)`, run: (b: Backend) => call(b, 'queue-list', {}) },
      ];
      for (const figure of figures) {
        const times = { large: [] as number[], small: [] as number[] };
        for (const which of ['large', 'small'] as const) await figure.run(backends[which], 0); // warm-up
        for (let i = 0; i < CALLS; i++) {
          for (const which of i % 2 === 0 ? (['large', 'small'] as const) : (['small', 'large'] as const)) {
            const t0 = nowMs();
            await figure.run(backends[which], i);
            times[which].push(nowMs() - t0);
          }
        }
        const value = percentile(times.large, 50);
        const base = percentile(times.small, 50);
        ctx.log(`${figure.label}: ${LARGE} articles p50 ${value.toFixed(2)} ms, ${SMALL} articles p50 ${base.toFixed(2)} ms`);
        ctx.report({ bench: `library-${LARGE}-${figure.name}.p50`, value: round(value), unit: 'ms', baseline: `same call with ${SMALL} articles, interleaved`, ratio: round(value / base, 2), n: CALLS });
      }
    } finally {
      backends.large.close();
      backends.small.close();
    }
  },
};
