/**
 * Run by the day benchmark in a fresh process (with --expose-gc), so nothing else counts: a
 * reporter's day without a restart. Opens every article of the data folder one after another
 * (articles-get, then an autosave after a small edit), importing a photo read from disk after every
 * second article, and prints the process's memory after the first 10 articles and at the end (after
 * a garbage collection each time), as JSON on the last line.
 *
 *     node --expose-gc --import tsx bench/day-probe.ts <dataDir> <photoDir>
 */
import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../src/core/backend';
import { silentLogger } from '../src/core/logger';
import type { Article } from '../src/shared/domain';
import type { LexicalDocument } from '../src/shared/lexical-document';

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function main(): Promise<void> {
  const [dataDir, photoDir] = process.argv.slice(2) as [string, string];
  const photos = fs.readdirSync(photoDir).sort();
  const backend = createBackend({ dataDir, appVersion: 'bench', transport: 'web', logger: silentLogger, backgroundSync: false });
  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const r = await backend.invoke(name as never, args as never);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  const snapshot = () => {
    global.gc?.();
    const m = process.memoryUsage();
    return { rssMb: mb(m.rss), heapMb: mb(m.heapUsed), externalMb: mb(m.external + m.arrayBuffers) };
  };
  try {
    const list = await call<{ id: string }[]>('articles-list', { scope: 'active', limit: 1000 });
    const perPhoto = Math.max(1, Math.floor(list.length / Math.max(1, photos.length)));
    let imported = 0;
    let afterTen: ReturnType<typeof snapshot> | undefined;
    let peakRss = 0;
    const trace: number[] = [];
    const every = Math.max(10, Math.floor(list.length / 10));
    for (const [i, { id }] of list.entries()) {
      const article = await call<Article>('articles-get', { id });
      const body = article.body as LexicalDocument;
      const first = body.root.children[0] as { children?: { text?: string }[] } | undefined;
      const text = first?.children?.[0];
      if (text && typeof text.text === 'string') text.text += ' Diperbarui.';
      await call('articles-save', { id, baseVersion: article.version, title: article.title, excerpt: article.excerpt, body });
      if (i % perPhoto === perPhoto - 1 && imported < photos.length) {
        const data = new Uint8Array(fs.readFileSync(path.join(photoDir, photos[imported]!)));
        await call('media-import', { fileName: photos[imported], data });
        imported++;
      }
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (i === 9) afterTen = snapshot();
      if ((i + 1) % every === 0) trace.push(snapshot().rssMb);
    }
    const end = snapshot();
    process.stdout.write(`${JSON.stringify({ articles: list.length, photos: imported, afterTen, end, peakRssMb: mb(peakRss), trace })}\n`);
  } finally {
    backend.close();
  }
}

void main();
