import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { once, startFaultProxy, type FaultProxy, type ProxiedRequest } from '../../../../test-support/fault-proxy';
import { createPostOnce, uploadMediaOnce } from '../exactly-once';
import { sha256 } from '../../media/prepare-photo';
import { mediaToken } from '../wordpress-client';
import { clientFor, testSite, uniqueId, type TestRole } from './site';
import sharp from 'sharp';

let proxy: FaultProxy;
beforeAll(async () => {
  proxy = await startFaultProxy({ target: testSite().url });
});
afterAll(async () => {
  await proxy.close();
});

const isCreate = (route: string) => (r: ProxiedRequest) => r.method === 'POST' && new URL(r.url, 'http://x').pathname === route;

/** Counted through the REST API as the editor, who sees every post. */
async function postsCarrying(clientId: string): Promise<number> {
  const { body } = await clientFor('EDITOR').request('/wp/v2/posts', {
    query: { search: `redaksi-id-${clientId}`, status: 'draft,pending,future,publish,private', context: 'edit', per_page: 100 },
  });
  return Array.isArray(body) ? body.length : -1;
}

async function uniqueJpeg(): Promise<Buffer> {
  const seed = parseInt(uniqueId().slice(0, 6), 16);
  return sharp({ create: { width: 40, height: 30, channels: 3, background: { r: seed & 255, g: (seed >> 8) & 255, b: (seed >> 16) & 255 } } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

describe('exactly once through a connection that drops after the server acted', () => {
  it.each<[TestRole, 'pending' | 'draft']>([
    ['CONTRIBUTOR', 'pending'],
    ['AUTHOR', 'draft'],
    ['EDITOR', 'draft'],
  ])('%s: the retried create finds the first post', async (role, status) => {
    const client = clientFor(role, { base: proxy.url });
    const clientId = uniqueId();
    const before = proxy.counts['drop-after'];
    proxy.setRule(once(isCreate('/wp-json/wp/v2/posts'), { kind: 'drop-after' }));
    try {
      const result = await createPostOnce(client, clientId, { title: `Sekali saja ${role}`, content: '<p>Isi</p>', status });
      expect(proxy.counts['drop-after']).toBe(before + 1);
      expect(result.found).toBe(true);
      expect(result.attempts).toBe(2);
      expect(result.item.title).toBe(`Sekali saja ${role}`);
    } finally {
      proxy.setRule(undefined);
    }
    expect(await postsCarrying(clientId)).toBe(1);
    // The outbox tries again later (e.g. after a crash): still one.
    const later = await createPostOnce(client, clientId, { title: 'x', status }, { mayExist: true });
    expect(later.found).toBe(true);
    expect(await postsCarrying(clientId)).toBe(1);
  });

  it('the raw failure says the outcome is unknown, and a drop before forwarding creates nothing', async () => {
    const client = clientFor('AUTHOR', { base: proxy.url });
    const clientId = uniqueId();
    proxy.setRule(once(isCreate('/wp-json/wp/v2/posts'), { kind: 'drop-after' }));
    let lost: unknown;
    try {
      await client.createPost({ title: 'Hilang jawabannya', status: 'draft', clientId });
    } catch (err) {
      lost = err;
    } finally {
      proxy.setRule(undefined);
    }
    expect(lost).toBeInstanceOf(AppError);
    expect([(lost as AppError).code, (lost as AppError).params?.outcome]).toEqual(['portal.connectionLost', 'unknown']);
    expect((await client.findPostByClientId(clientId)).length).toBe(1);

    const other = uniqueId();
    proxy.setRule(once(isCreate('/wp-json/wp/v2/posts'), { kind: 'drop-before' }));
    try {
      const result = await createPostOnce(client, other, { title: 'Dicoba lagi', status: 'draft' });
      expect([result.found, result.attempts]).toEqual([false, 2]);
    } finally {
      proxy.setRule(undefined);
    }
    expect(await postsCarrying(other)).toBe(1);
  });

  it.each<TestRole>(['AUTHOR', 'EDITOR'])('%s: a retried upload finds the first media item', async (role) => {
    const client = clientFor(role, { base: proxy.url });
    const data = await uniqueJpeg();
    const contentHash = sha256(data);
    proxy.setRule(once(isCreate('/wp-json/wp/v2/media'), { kind: 'drop-after' }));
    try {
      const result = await uploadMediaOnce(client, { data, mime: 'image/jpeg', contentHash, name: 'Banjir pagi' });
      expect([result.found, result.attempts]).toEqual([true, 2]);
    } finally {
      proxy.setRule(undefined);
    }
    const { body } = await clientFor('EDITOR').request('/wp/v2/media', { query: { search: mediaToken(contentHash), per_page: 100 } });
    expect(Array.isArray(body) ? body.length : -1).toBe(1);
  });

  it('retries through a 503 without duplicates and hands a 429 back with its Retry-After', async () => {
    const client = clientFor('EDITOR', { base: proxy.url });
    const clientId = uniqueId();
    let creates = 0;
    proxy.setRule((r) => {
      if (!isCreate('/wp-json/wp/v2/posts')(r)) return undefined;
      creates++;
      if (creates === 1) return { kind: 'rate-limit', retryAfter: '7' };
      if (creates === 2) return { kind: 'status', status: 503 };
      return undefined;
    });
    try {
      const limited = await createPostOnce(client, clientId, { title: 'Sabar', status: 'draft' }).catch((err: unknown) => err);
      expect(limited).toBeInstanceOf(AppError);
      expect([(limited as AppError).code, (limited as AppError).retryable, (limited as AppError).params?.retryAfterMs]).toEqual(['portal.rateLimited', true, 7000]);
      expect(await postsCarrying(clientId)).toBe(0);
      // The outbox's next try: 503 (outcome unknown: looked up, nothing there), then created.
      const result = await createPostOnce(client, clientId, { title: 'Sabar', status: 'draft' }, { mayExist: true });
      expect([result.found, result.attempts]).toEqual([false, 2]);
    } finally {
      proxy.setRule(undefined);
    }
    expect(await postsCarrying(clientId)).toBe(1);
  });
});
