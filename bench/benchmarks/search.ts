/**
 * Search over 100,000 generated Indonesian-like articles (250-800 words each): a single typed word,
 * ranked top 20, through the real handler path. The baseline, measured in the same run over the
 * same data, is what search would be without the index: a LIKE '%term%' scan of title, excerpt and
 * body collecting every match (what any ranking of the matches needs).
 *
 * Query words are drawn at random (log-uniform over frequency ranks) from the generator's
 * vocabulary, from just after the function words (yang, dan, di...: nobody searches for those
 * alone) to rank 10,000: the kind of words people look for (places, names, topics), common and rare.
 */
import path from 'node:path';
import { createBackend, DATABASE_FILE_NAME } from '../../src/core/backend';
import { silentLogger } from '../../src/core/logger';
import { openDatabase } from '../../src/core/storage/database';
import { lexicalToPlainText, countWords } from '../../src/shared/lexical-document';
import { buildVocabulary, createRandom, documentFromParagraphs, generateArticle } from '../corpus';
import { nowMs, percentile, round, scaled, type Benchmark } from '../harness';

const ARTICLES = Number(process.env.REDAKSI_BENCH_ARTICLES ?? scaled(100_000, 5_000));
const SIZE_LABEL = ARTICLES === 100_000 ? '100k' : String(ARTICLES);
const QUERIES = 60;
const BASELINE_QUERIES = 8;
const BATCH = 2_000;

export const searchBenchmark: Benchmark = {
  name: 'search',
  description: `single-word ranked search, top 20, over ${ARTICLES.toLocaleString('en')} articles (p50; target <= 25 ms) vs a LIKE scan`,
  async run(ctx) {
    const dataDir = ctx.tempDir('search');
    const vocab = buildVocabulary();
    const random = createRandom(2024);

    // Bulk load: plain inserts in large transactions with synchronous=OFF (setup only; the
    // measured search runs on the normally opened database below).
    let started = nowMs();
    const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
    db.pragma('synchronous = OFF');
    const insert = db.prepare(
      `INSERT INTO articles (id, status, version, word_count, created_at, updated_at, title, excerpt, body_text, body_json)
       VALUES (?, 'draft', 1, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const firstInstant = Date.UTC(2019, 0, 1);
    let words = 0;
    for (let done = 0; done < ARTICLES; done += BATCH) {
      db.transaction(() => {
        for (let i = done; i < Math.min(ARTICLES, done + BATCH); i++) {
          const article = generateArticle(vocab, random);
          const body = documentFromParagraphs(article.paragraphs);
          const bodyText = lexicalToPlainText(body);
          const wordCount = countWords(bodyText);
          words += wordCount;
          const at = firstInstant + i * 30 * 60_000;
          insert.run(crypto.randomUUID(), wordCount, at, at, article.title, article.excerpt, bodyText, JSON.stringify(body));
        }
      })();
      if ((done / BATCH) % 10 === 0) ctx.log(`generated ${done + BATCH} articles`);
    }
    const generatedMs = nowMs() - started;
    db.close();
    ctx.log(`generated ${ARTICLES} articles (${words.toLocaleString('en')} words) in ${(generatedMs / 1000).toFixed(1)} s`);

    const backend = createBackend({ dataDir, appVersion: 'bench', transport: 'web', logger: silentLogger });
    try {
      started = nowMs();
      const indexed = backend.articles.catchUpSearchIndex();
      ctx.log(`indexed ${indexed} articles in ${((nowMs() - started) / 1000).toFixed(1)} s`);

      const lowest = vocab.functionWordCount;
      const highest = Math.min(10_000, vocab.words.length - 1);
      const terms = Array.from({ length: QUERIES }, () => {
        const rank = Math.floor(Math.exp(Math.log(lowest) + random() * (Math.log(highest) - Math.log(lowest))));
        return vocab.words[rank]!;
      });

      const ftsSamples: number[] = [];
      let totalHits = 0;
      for (const term of terms.slice(0, 5)) await backend.invoke('articles-search', { query: term, limit: 20 }); // warm-up
      for (const term of terms) {
        const t0 = nowMs();
        const result = await backend.invoke('articles-search', { query: term, limit: 20 });
        ftsSamples.push(nowMs() - t0);
        if (!result.ok) throw new Error(result.error.message);
        totalHits += (result.value as unknown[]).length;
      }
      // While typing: the first 3, 4 and 5 letters of a word, each a prefix query of its own.
      const typingSamples: number[] = [];
      for (const term of terms.filter((t) => t.length >= 6).slice(0, 20)) {
        for (const length of [3, 4, 5]) {
          const t0 = nowMs();
          const result = await backend.invoke('articles-search', { query: term.slice(0, length), limit: 20 });
          typingSamples.push(nowMs() - t0);
          if (!result.ok) throw new Error(result.error.message);
        }
      }
      const ftsP50 = percentile(ftsSamples, 50);
      ctx.log(`whole words: p50 ${ftsP50.toFixed(2)} ms, p90 ${percentile(ftsSamples, 90).toFixed(2)} ms, max ${Math.max(...ftsSamples).toFixed(2)} ms; ${totalHits} hits for ${terms.length} queries`);

      // Baseline on its own read-only connection to the same file.
      const reader = openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
      try {
        // Every matching row, as ranking them needs (an early exit after 20 newest rows could not rank).
        const like = reader.prepare(
          `SELECT seq FROM articles
           WHERE trashed_at IS NULL AND (title LIKE @pattern OR excerpt LIKE @pattern OR body_text LIKE @pattern)`,
        );
        const likeSamples: number[] = [];
        for (const term of terms.slice(0, BASELINE_QUERIES)) {
          const t0 = nowMs();
          like.all({ pattern: `%${term}%` });
          likeSamples.push(nowMs() - t0);
        }
        const likeP50 = percentile(likeSamples, 50);
        ctx.log(`LIKE scan: p50 ${likeP50.toFixed(1)} ms over ${BASELINE_QUERIES} queries`);
        ctx.report({ bench: `search-${SIZE_LABEL}.p50`, value: round(ftsP50), unit: 'ms', baseline: "LIKE '%term%' scan of title+excerpt+body (all matches), same data, same run", ratio: round(ftsP50 / likeP50, 5), n: ftsSamples.length });
        ctx.log(`typing prefixes (3-5 letters): p50 ${percentile(typingSamples, 50).toFixed(2)} ms, p90 ${percentile(typingSamples, 90).toFixed(2)} ms`);
        ctx.report({ bench: `search-${SIZE_LABEL}.typing-prefix.p50`, value: round(percentile(typingSamples, 50)), unit: 'ms', baseline: null, ratio: null, n: typingSamples.length });
        ctx.report({ bench: `search-${SIZE_LABEL}.like-scan.p50`, value: round(likeP50), unit: 'ms', baseline: null, ratio: null, n: likeSamples.length });
        if (ftsP50 > 25) ctx.log('p50 is above the 25 ms target');
      } finally {
        reader.close();
      }
    } finally {
      backend.close();
    }
  },
};
