/**
 * Opening a 10,000-word article in the backend: articles-get through the real handler path
 * (reading the row and parsing the stored Lexical JSON), on a database on disk.
 */
import { createBackend } from '../../src/core/backend';
import { silentLogger } from '../../src/core/logger';
import { buildVocabulary, createRandom, documentFromParagraphs, generateParagraphs } from '../corpus';
import { nowMs, percentile, round, type Benchmark } from '../harness';

const WORDS = 10_000;
const SAMPLES = 200;

export const openArticleBenchmark: Benchmark = {
  name: 'open-article',
  description: `articles-get of a ${WORDS.toLocaleString('en')}-word article (p50)`,
  async run(ctx) {
    const backend = createBackend({ dataDir: ctx.tempDir('open'), appVersion: 'bench', transport: 'web', logger: silentLogger });
    try {
      const vocab = buildVocabulary();
      const random = createRandom(11);
      const created = await backend.invoke('articles-create', { title: 'Laporan Panjang' });
      if (!created.ok) throw new Error(created.error.message);
      const id = (created.value as { id: string }).id;
      const saved = await backend.invoke('articles-save', {
        id,
        baseVersion: 1,
        title: 'Laporan Panjang',
        excerpt: 'Laporan khusus.',
        body: documentFromParagraphs(generateParagraphs(vocab, random, WORDS)),
      });
      if (!saved.ok) throw new Error(saved.error.message);
      // Some other articles around it, as in a real library.
      for (let i = 0; i < 50; i++) await backend.invoke('articles-create', { title: `Naskah ${i}` });

      for (let i = 0; i < 10; i++) await backend.invoke('articles-get', { id });
      const samples: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const t0 = nowMs();
        const result = await backend.invoke('articles-get', { id });
        samples.push(nowMs() - t0);
        if (!result.ok || (result.value as { wordCount: number }).wordCount < WORDS * 0.99) throw new Error('unexpected article');
      }
      const p50 = percentile(samples, 50);
      ctx.log(`p50 ${p50.toFixed(2)} ms, p99 ${percentile(samples, 99).toFixed(2)} ms`);
      ctx.report({ bench: 'open-article-10k-words.p50', value: round(p50), unit: 'ms', baseline: null, ratio: null, n: SAMPLES });
    } finally {
      backend.close();
    }
  },
};
