/**
 * Exactly once through a bad link: 200 articles with photos delivered through the fault proxy with
 * about 30% of requests failing (dropped before or after WordPress acted, 502/503, 429 with
 * Retry-After, delays past the timeout, a captive portal). Counted through the REST API afterwards:
 * exactly 200 posts, each with its own photo, no duplicate post or attachment, outbox empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededFaults, startFaultProxy, type FaultProxy } from '../../../../test-support/fault-proxy';
import type { Article, MediaItem } from '../../../shared/domain';
import type { SyncItem } from '../../../shared/sync';
import { clientFor, testSite } from './site';
import {
  distinctPhoto,
  ensurePortalCategory,
  imageIdsIn,
  newsroomComputer,
  portalPostsWith,
  runToken,
  syncUntilDelivered,
  writeArticle,
  type Newsroom,
} from './sync-helpers';

const ARTICLES = Number(process.env.REDAKSI_FAULT_ARTICLES ?? 200);
const CATEGORY = 'Kutai Kartanegara';

let proxy: FaultProxy;
let writer: Newsroom;
let token: string;
const created: Article[] = [];

beforeAll(async () => {
  token = runToken();
  await ensurePortalCategory(CATEGORY);
  proxy = await startFaultProxy({ target: testSite().url });
  // Short timeouts so a delayed answer counts as a timeout (outcome unknown) without slowing the suite.
  writer = await newsroomComputer('AUTHOR', { base: proxy.url, backend: { portalTimeoutMs: 1_500 } });
  // Photos unique to this run: content-addressed lookups must not meet a previous run's uploads.
  const runSeed = parseInt(token.slice(3, 9), 16) * 1000;
  for (let i = 0; i < ARTICLES; i++) {
    const article = await writeArticle(writer, {
      title: `Laporan ${i + 1} dari Kukar ${token}`,
      paragraphs: [`SAMARINDA – Laporan warga nomor ${i + 1} tentang jalan rusak di Kutai Kartanegara.`],
      photos: [await distinctPhoto(runSeed + i, { width: 96, height: 64 })],
      category: CATEGORY,
    });
    await writer.call('workflow-transition', { id: article.id, action: 'submit' });
    created.push(article);
  }
}, 180_000);

afterAll(async () => {
  // Keep the shared WordPress small for the suites after this one.
  const admin = clientFor('ADMIN');
  for (const post of await portalPostsWith(token).catch(() => [])) {
    await admin.request(`/wp/v2/posts/${post.id}`, { method: 'DELETE', query: { force: 'true' } }).catch(() => undefined);
    for (const id of imageIdsIn(post.content)) {
      await admin.request(`/wp/v2/media/${id}`, { method: 'DELETE', query: { force: 'true' } }).catch(() => undefined);
    }
  }
  writer?.dispose();
  await proxy?.close();
}, 180_000);

describe(`${ARTICLES} articles with photos through a link failing about 30% of requests`, () => {
  it('reach the portal exactly once each', async () => {
    proxy.setRule(
      seededFaults(20261201, 0.3, [
        { kind: 'drop-before' },
        { kind: 'drop-after' },
        { kind: 'drop-after' },
        { kind: 'status', status: 502 },
        { kind: 'status', status: 503 },
        { kind: 'rate-limit', retryAfter: '1' },
        { kind: 'delay', ms: 2_000 },
        { kind: 'captive-portal' },
      ]),
    );
    const started = Date.now();
    const { runs, status } = await syncUntilDelivered(writer, 400_000);
    const elapsed = Date.now() - started;
    proxy.setRule(undefined);
    const faults = Object.entries(proxy.counts).filter(([kind]) => kind !== 'pass');
    const faulted = faults.reduce((sum, [, n]) => sum + n, 0);
    const total = faulted + proxy.counts.pass;
    console.info(
      `[sync-faults] ${ARTICLES} articles: ${runs} runs, ${(elapsed / 1000).toFixed(1)} s, ${total} requests, ` +
        `${faulted} faulted (${((faulted / total) * 100).toFixed(1)}%): ${faults.map(([k, n]) => `${k} ${n}`).join(', ')}`,
    );
    expect(faulted / total).toBeGreaterThan(0.2);
    expect(status.pending).toBe(0);
    expect(status.parked).toBe(0);
    expect(await writer.call<SyncItem[]>('sync-items')).toEqual([]);

    // Counted on the portal.
    const posts = await portalPostsWith(token);
    expect(posts).toHaveLength(ARTICLES);
    expect(new Set(posts.map((p) => p.title)).size).toBe(ARTICLES);
    const editor = clientFor('EDITOR');
    const attachmentIds = new Set<number>();
    for (const article of created) {
      const post = posts.find((p) => p.title === article.title);
      expect(post, article.title).toBeDefined();
      expect(post!.status).toBe('pending');
      const ids = imageIdsIn(post!.content);
      expect(ids).toHaveLength(1);
      attachmentIds.add(ids[0]!);
      // One attachment on the portal per photo: the retried uploads found the first one.
      const imageId = (article.body.root.children.find((n) => n.type === 'image') as unknown as { mediaId: string }).mediaId;
      const item = await writer.call<MediaItem>('media-get', { id: imageId });
      const onPortal = await editor.findMediaByContentHash(item.fileHash);
      expect(onPortal.map((m) => m.id)).toEqual([ids[0]]);
    }
    expect(attachmentIds.size).toBe(ARTICLES);
  }, 600_000);
});
