/**
 * Publishing over a slow link: a 1,500-word article with 5 phone photos (12 MP, EXIF with GPS)
 * published by an editor account through the fault proxy throttled to 1 Mbit/s in each direction,
 * against a real WordPress on 127.0.0.1. Reports the time from "Sinkronkan sekarang" to delivered
 * and the bytes on the wire, against uploading the original photos with the same post through the
 * same link in the same run.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startFaultProxy } from '../../test-support/fault-proxy';
import { makePhonePhoto } from '../../test-support/photos';
import { createBackend } from '../../src/core/backend';
import { silentLogger } from '../../src/core/logger';
import { memorySecretStore } from '../../src/core/secrets/secret-store';
import { clientFor, testSite } from '../../src/core/portal/portal-tests/site';
import type { Article, MediaImportResult, Term } from '../../src/shared/domain';
import type { LexicalNode } from '../../src/shared/lexical-document';
import type { SyncStatus } from '../../src/shared/sync';
import { nowMs, round, type Benchmark } from '../harness';

const ONE_MBIT = 125_000; // bytes per second
const PHOTOS = 5;
const WORDS = 1500;

const SENTENCES = [
  'TENGGARONG – Banjir kembali merendam sejumlah kawasan di Kecamatan Tenggarong, Kutai Kartanegara.',
  'Kepala BPBD Kukar mengatakan ratusan rumah terdampak dan warga mulai mengungsi ke posko kelurahan.',
  'Pemkab Kukar menyiapkan dapur umum serta perahu karet untuk mengevakuasi warga lanjut usia.',
  'Warga berharap normalisasi anak sungai Mahakam segera dikerjakan sebelum puncak musim hujan.',
];

function paragraphs(words: number): string[] {
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = [SENTENCES[i % 4], SENTENCES[(i + 1) % 4], SENTENCES[(i + 2) % 4]].join(' ');
    out.push(p);
    count += p.split(/\s+/).length;
  }
  return out;
}

/** Whether the WordPress named by wp-up.sh's credentials.env answers its REST index within 3 s. */
async function wordPressAnswers(): Promise<boolean> {
  try {
    const response = await fetch(`${testSite().url}/wp-json/`, { signal: AbortSignal.timeout(3000) });
    return response.ok;
  } catch {
    return false;
  }
}

export const syncBenchmark: Benchmark = {
  name: 'sync',
  description: `publish a ${WORDS}-word article with ${PHOTOS} photos through a 1 Mbit/s link to a real WordPress, vs the original photos`,
  async run(ctx) {
    // In a run of every benchmark, only against a WordPress that is already up: starting one (and
    // installing its packages) is for `npm run bench -- sync`.
    if (!ctx.named && !(await wordPressAnswers())) {
      ctx.skip('no WordPress answers on 127.0.0.1 (start one with scripts/wordpress/wp-up.sh, or run `npm run bench -- sync`, which starts it)');
      return;
    }
    const up = spawnSync('bash', [path.resolve(__dirname, '../../scripts/wordpress/wp-up.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (up.status !== 0) throw new Error('WordPress did not start (scripts/wordpress/wp-up.sh)');
    const site = testSite();
    const originals: Buffer[] = [];
    for (let i = 0; i < PHOTOS; i++) originals.push(await makePhonePhoto({ width: 4000, height: 3000, seed: 100 + i, quality: 92 }));
    const originalBytes = originals.reduce((s, b) => s + b.length, 0);
    ctx.log(`${PHOTOS} originals: ${(originalBytes / 1e6).toFixed(1)} MB`);

    const proxy = await startFaultProxy({ target: site.url, bytesPerSecond: ONE_MBIT });
    const backend = createBackend({
      dataDir: ctx.tempDir('sync'),
      appVersion: 'bench',
      transport: 'web',
      logger: silentLogger,
      secrets: memorySecretStore(),
      backgroundSync: false,
      portalTimeoutMs: 300_000,
    });
    const call = async <T>(name: string, args: unknown = {}): Promise<T> => {
      const r = await backend.invoke(name as never, args as never);
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    };
    const createdPosts: number[] = [];
    const createdMedia: number[] = [];
    try {
      await call('portal-save', { address: proxy.url, username: site.users.EDITOR.username, appPassword: site.users.EDITOR.appPassword });
      await call('sync-run'); // brings the portal's categories in
      const article = await call<Article>('articles-create');
      const images: LexicalNode[] = [];
      for (const [i, photo] of originals.entries()) {
        const m = await call<MediaImportResult>('media-import', { fileName: `banjir-${i + 1}.jpg`, data: new Uint8Array(photo) });
        images.push({ type: 'image', version: 1, mediaId: m.id, altText: `Banjir ${i + 1}`, caption: `Banjir di Tenggarong ${i + 1}`, credit: 'Redaksi' } as LexicalNode);
      }
      const children: LexicalNode[] = [];
      paragraphs(WORDS).forEach((p, i) => {
        children.push({ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, children: [{ type: 'text', version: 1, text: p, format: 0, style: '', mode: 'normal', detail: 0 }] } as LexicalNode);
        if (i % 3 === 1 && images.length > 0) children.push(images.shift()!);
      });
      children.push(...images);
      await call('articles-save', {
        id: article.id,
        baseVersion: article.version,
        title: `Banjir rendam Tenggarong (bench ${Date.now()})`,
        excerpt: 'Banjir merendam Tenggarong.',
        body: { root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children } },
      });
      const cat = await call<Term>('terms-create', { taxonomy: 'category', name: 'Uncategorized' });
      await call('articles-set-terms', { id: article.id, categoryId: cat.id, tags: [] });
      await call('workflow-transition', { id: article.id, action: 'submit' });
      await call('workflow-transition', { id: article.id, action: 'publish-now' });

      const before = proxy.wireBytes();
      const started = nowMs();
      const status = await call<SyncStatus>('sync-run');
      const seconds = (nowMs() - started) / 1000;
      const after = proxy.wireBytes();
      if (status.pending !== 0 || status.parked !== 0) throw new Error(`not delivered: ${JSON.stringify(status)}`);
      const wire = after.fromClient - before.fromClient + (after.toClient - before.toClient);
      const state = await call<{ postId: number }>('sync-article', { id: article.id });
      createdPosts.push(state.postId);

      // Baseline: the same post with the original photos, through the same link.
      const client = clientFor('EDITOR', { base: proxy.url, timeoutMs: 600_000 });
      const b0 = proxy.wireBytes();
      const t0 = nowMs();
      const ids: number[] = [];
      for (const [i, photo] of originals.entries()) {
        const media = await client.uploadMedia({ data: photo, mime: 'image/jpeg', filename: `asli-${Date.now()}-${i}.jpg` });
        ids.push(media.id);
        createdMedia.push(media.id);
      }
      const post = await client.createPost({ title: 'Bench: original photos', content: ids.map((id) => `<p>x</p><img class="wp-image-${id}">`).join(''), status: 'publish' });
      createdPosts.push(post.id);
      const baselineSeconds = (nowMs() - t0) / 1000;
      const b1 = proxy.wireBytes();
      const baselineWire = b1.fromClient - b0.fromClient + (b1.toClient - b0.toClient);

      const baseline = `same post with the ${PHOTOS} original photos (${(originalBytes / 1e6).toFixed(1)} MB) through the same 1 Mbit/s link`;
      ctx.report({ bench: 'sync-publish-1mbit.seconds', value: round(seconds, 2), unit: 's', baseline, ratio: round(seconds / baselineSeconds, 4), n: 1 });
      ctx.report({ bench: 'sync-publish-1mbit.wire', value: round(wire / 1e6, 3), unit: 'MB', baseline, ratio: round(wire / baselineWire, 4), n: 1 });
      ctx.log(`prepared: ${seconds.toFixed(1)} s, ${(wire / 1e6).toFixed(2)} MB on the wire; originals: ${baselineSeconds.toFixed(1)} s, ${(baselineWire / 1e6).toFixed(2)} MB`);
    } finally {
      backend.close();
      await proxy.close();
      const admin = clientFor('ADMIN');
      for (const id of createdPosts) await admin.request(`/wp/v2/posts/${id}`, { method: 'DELETE', query: { force: 'true' } }).catch(() => undefined);
      for (const id of createdMedia) await admin.request(`/wp/v2/media/${id}`, { method: 'DELETE', query: { force: 'true' } }).catch(() => undefined);
    }
  },
};
