import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { parseRetryAfter } from './errors';
import { rejectionOf } from '../../../test-support/errors';
import {
  mapNewsroomRole,
  mediaFilenameForHash,
  normaliseSiteAddress,
  restRootFromLink,
  restUrl,
  safeFilename,
  toWpGmt,
  WordPressClient,
  type HttpPort,
} from './wordpress-client';

const SECRET = 'abcd EFGH ijkl MNOP qrst UVWX';

function clientAnswering(respond: HttpPort): WordPressClient {
  return new WordPressClient({ apiRoot: 'https://portal.test/wp-json/', username: 'editor', appPassword: SECRET, fetch: respond });
}


describe('restUrl', () => {
  it('builds pretty and ?rest_route= URLs through one function', () => {
    expect(restUrl('https://p.test/wp-json/', '/wp/v2/posts', { status: 'pending,future', per_page: 100 })).toBe(
      'https://p.test/wp-json/wp/v2/posts?status=pending%2Cfuture&per_page=100',
    );
    expect(restUrl('https://p.test/index.php?rest_route=/', '/wp/v2/posts', { search: 'a b' })).toBe(
      'https://p.test/index.php?rest_route=%2Fwp%2Fv2%2Fposts&search=a+b',
    );
    expect(restUrl('https://p.test/sub/wp-json', '/', {})).toBe('https://p.test/sub/wp-json/');
  });

  it('reads the api.w.org Link among others', () => {
    const link = '<https://p.test/wp-json/>; rel="https://api.w.org/", <https://p.test/?p=1>; rel=shortlink';
    expect(restRootFromLink(link)).toBe('https://p.test/wp-json/');
    expect(restRootFromLink('<https://p.test/?p=1>; rel=shortlink')).toBeUndefined();
  });

  it('normalises addresses and strips credentials', () => {
    expect(normaliseSiteAddress(' kaltim.example ').toString()).toBe('https://kaltim.example/');
    expect(normaliseSiteAddress('http://u:pw@k.example/news#x').toString()).toBe('http://k.example/news');
    expect(() => normaliseSiteAddress('ftp://k.example')).toThrow(AppError);
    expect(() => normaliseSiteAddress('')).toThrow(AppError);
  });
});

describe('mapping', () => {
  it('maps roles and capabilities', () => {
    expect(mapNewsroomRole(['contributor'], { edit_posts: true })).toBe('writer');
    expect(mapNewsroomRole(['author'], {})).toBe('writer');
    expect(mapNewsroomRole(['editor'], {})).toBe('editor');
    expect(mapNewsroomRole(['administrator'], {})).toBe('editor');
    expect(mapNewsroomRole(['subscriber'], { read: true })).toBeNull();
  });

  it('makes safe ASCII file names with the hash token', () => {
    expect(safeFilename('Banjir "Tenggarong"/é 1.JPG')).toBe('Banjir-Tenggarong-e-1.jpg');
    expect(safeFilename('???')).toBe('foto.jpg');
    expect(mediaFilenameForHash('ab'.repeat(32), 'Banjir di Tenggarong', 'jpg')).toBe('Banjir-di-Tenggarong-redaksi-abababababababababababab.jpg');
  });

  it('formats date_gmt in UTC whatever the process time zone', () => {
    expect(toWpGmt(Date.UTC(2026, 10, 26, 1, 0, 0, 999))).toBe('2026-11-26T01:00:00');
  });

  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    const now = Date.UTC(2026, 0, 1);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('errors', () => {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

  it('maps 401/403/429/5xx/4xx to kinds and codes with WordPress code in params', async () => {
    const e401 = await rejectionOf(clientAnswering(async () => json(401, { code: 'rest_not_logged_in', message: 'x' })).currentUser());
    expect([e401.kind, e401.code, e401.params?.wpCode, e401.retryable]).toEqual(['auth', 'portal.badCredentials', 'rest_not_logged_in', false]);

    const e403 = await rejectionOf(clientAnswering(async () => json(403, { code: 'rest_cannot_publish', message: 'Sorry' })).createPost({ status: 'publish' }));
    expect([e403.kind, e403.code, e403.params?.wpCode]).toEqual(['auth', 'portal.forbidden', 'rest_cannot_publish']);

    const e429 = await rejectionOf(clientAnswering(async () => json(429, {}, { 'Retry-After': '30' })).getPost(1));
    expect([e429.kind, e429.code, e429.retryable, e429.params?.retryAfterMs]).toEqual(['portal', 'portal.rateLimited', true, 30_000]);

    const e502 = await rejectionOf(clientAnswering(async () => new Response('<h1>Bad gateway</h1>', { status: 502 })).getPost(1));
    expect([e502.kind, e502.code, e502.retryable]).toEqual(['portal', 'portal.serverError', true]);

    const e400 = await rejectionOf(clientAnswering(async () => json(400, { code: 'rest_invalid_param', message: '<b>Bad</b>' })).getPost(1));
    expect([e400.kind, e400.code, e400.retryable, e400.params?.wpCode, e400.params?.wpMessage]).toEqual(['portal', 'portal.rejected', false, 'rest_invalid_param', 'Bad']);
  });

  it('maps network failures; POST outcomes are unknown', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const e1 = await rejectionOf(clientAnswering(async () => Promise.reject(refused)).getPost(1));
    expect([e1.kind, e1.code, e1.retryable]).toEqual(['network', 'portal.unreachable', true]);

    const reset = Object.assign(new TypeError('fetch failed'), { cause: { code: 'UND_ERR_SOCKET' } });
    const e2 = await rejectionOf(clientAnswering(async () => Promise.reject(reset)).createPost({ title: 'x' }));
    expect([e2.code, e2.params?.outcome]).toEqual(['portal.connectionLost', 'unknown']);
  });

  it('times out per request', async () => {
    const hang: HttpPort = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const client = new WordPressClient({ apiRoot: 'https://p.test/wp-json/', fetch: hang, timeoutMs: 50 });
    const err = await rejectionOf(client.getPost(1));
    expect([err.kind, err.code, err.retryable]).toEqual(['network', 'portal.timeout', true]);
  });

  it('never puts the password in an error or a dump', async () => {
    const seen: string[] = [];
    const client = clientAnswering(async (_url, init) => {
      seen.push(String((init.headers as Record<string, string>).Authorization));
      return json(401, { code: 'rest_not_logged_in', message: 'You are not currently logged in.' });
    });
    const err = await rejectionOf(client.currentUser());
    const dump = JSON.stringify([err, err.toShape(), err.message, client, String(client)]);
    expect(dump).not.toContain(SECRET);
    expect(dump).not.toContain(Buffer.from(`editor:${SECRET}`).toString('base64'));
    expect(seen[0]).toBe(`Basic ${Buffer.from(`editor:${SECRET}`).toString('base64')}`);
  });
});

describe('conflict base', () => {
  it('uses version-history count, else the revisions endpoint total', async () => {
    const withLinks = clientAnswering(async () =>
      Response.json({ id: 5, modified_gmt: '2026-11-25T01:02:03', _links: { 'version-history': [{ count: 3, href: 'x' }] } }),
    );
    expect(await withLinks.conflictBase(5)).toEqual({ modifiedGmt: '2026-11-25T01:02:03', revisionCount: 3 });

    const urls: string[] = [];
    const withoutLinks = clientAnswering(async (url) => {
      urls.push(url);
      if (url.includes('/revisions')) return Response.json([{ id: 9 }], { headers: { 'X-WP-Total': '4' } });
      return Response.json({ id: 5, modified_gmt: '2026-11-25T01:02:03' });
    });
    expect(await withoutLinks.conflictBase(5)).toEqual({ modifiedGmt: '2026-11-25T01:02:03', revisionCount: 4 });
    expect(urls[1]).toBe('https://portal.test/wp-json/wp/v2/posts/5/revisions?per_page=1&context=edit');
  });
});

describe('titles and excerpts', () => {
  it('go to WordPress escaped like the body text and come back as the same plain text', async () => {
    const sent: Record<string, unknown>[] = [];
    const client = clientAnswering(async (_url, init) => {
      const body = JSON.parse(String(init.body)) as Record<string, string>;
      sent.push(body);
      // WordPress keeps the raw value as sent (kses only normalises it) and answers with it.
      return Response.json({ id: 7, title: { raw: body.title, rendered: body.title }, excerpt: { raw: body.excerpt, rendered: `<p>${body.excerpt}</p>` }, content: { raw: '' } });
    });
    const title = 'Banjir & Longsor <Kukar> <script>alert(1)</script>';
    const excerpt = 'A &amp; B <img src=x onerror=alert(1)>';
    const post = await client.createPost({ title, excerpt, content: '<p>x</p>' });
    expect(sent[0]).toMatchObject({
      title: 'Banjir &amp; Longsor &lt;Kukar&gt; &lt;script&gt;alert(1)&lt;/script&gt;',
      excerpt: 'A &amp;amp; B &lt;img src=x onerror=alert(1)&gt;',
    });
    expect([post.title, post.excerpt]).toEqual([title, excerpt]);
  });

  it('read from the portal: entities decoded, markup typed there reduced to its words', async () => {
    const client = clientAnswering(async () =>
      Response.json({ id: 8, title: { rendered: 'Kabar&#8217;s &#8220;Kukar&#8221; &amp; <em>Samarinda</em>' }, excerpt: { raw: 'Air &lt;naik&gt;' }, content: { raw: '' } }),
    );
    const post = await client.getPost(8);
    expect([post.title, post.excerpt]).toEqual(['Kabar\u2019s \u201cKukar\u201d & Samarinda', 'Air <naik>']);
  });
});
