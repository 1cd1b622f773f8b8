import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../../../test-support/fault-proxy';
import { discoverRestRoot } from '../discovery';
import { testConnection } from '../test-connection';
import { WordPressClient, type HttpPort } from '../wordpress-client';
import { clientFor, testSite } from './site';
import { rejectionOf } from '../../../../test-support/errors';


/** What a site without pretty permalinks looks like: /wp-json/ is not routed, Link points at ?rest_route=. */
const withoutPrettyPermalinks: HttpPort = async (url, init) => {
  if (new URL(url).pathname.startsWith('/wp-json')) return new Response('<html>Not found</html>', { status: 404, headers: { 'Content-Type': 'text/html' } });
  const res = await fetch(url, init);
  const headers = new Headers(res.headers);
  headers.delete('link');
  return new Response(res.body, { status: res.status, headers });
};

let proxy: FaultProxy;
let notWordPress: Server;
let notWordPressUrl: string;

beforeAll(async () => {
  proxy = await startFaultProxy({ target: testSite().url });
  notWordPress = createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><body>Toko online</body></html>');
    } else {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<html>404</html>');
    }
  });
  await new Promise<void>((r) => notWordPress.listen(0, '127.0.0.1', r));
  notWordPressUrl = `http://127.0.0.1:${(notWordPress.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await proxy.close();
  notWordPress.closeAllConnections();
  await new Promise<void>((r) => notWordPress.close(() => r()));
});

describe('discovery', () => {
  it('finds /wp-json/ from the Link header of a site with pretty permalinks', async () => {
    const found = await discoverRestRoot(testSite().url);
    expect(found.via).toBe('link');
    expect(found.apiRoot).toBe(`${testSite().url}/wp-json/`);
    expect(found.index.namespaces).toContain('wp/v2');
    expect(found.index.applicationPasswords).toBe(true);
  });

  it('falls back to ?rest_route= and the whole client works through it', async () => {
    const found = await discoverRestRoot(testSite().url, { fetch: withoutPrettyPermalinks });
    expect(found.via).toBe('rest_route');
    expect(found.apiRoot).toBe(`${testSite().url}/?rest_route=/`);
    const client = clientFor('AUTHOR', { restRoute: true, fetch: withoutPrettyPermalinks });
    const post = await client.createPost({ title: 'Lewat rest_route', content: '<p>isi</p>', status: 'draft' });
    expect((await client.getPost(post.id)).title).toBe('Lewat rest_route');
    expect((await client.currentUser()).username).toBe(testSite().users.AUTHOR.username);
  });

  it('tells a server that is not WordPress and an unreachable one apart', async () => {
    expect((await rejectionOf(discoverRestRoot(notWordPressUrl))).code).toBe('portal.notWordPress');
    // A port that was just free: connection refused.
    const spare = createServer();
    await new Promise<void>((r) => spare.listen(0, '127.0.0.1', r));
    const freePort = (spare.address() as AddressInfo).port;
    await new Promise<void>((r) => spare.close(() => r()));
    const closed = await rejectionOf(discoverRestRoot(`http://127.0.0.1:${freePort}`, { timeoutMs: 2000 }));
    expect([closed.kind, closed.code, closed.retryable]).toEqual(['network', 'portal.unreachable', true]);
  });

  it('a captive portal (200 HTML) is not the portal, in discovery and in the probe', async () => {
    proxy.setRule(() => ({ kind: 'captive-portal' }));
    try {
      expect((await rejectionOf(discoverRestRoot(proxy.url))).code).toBe('portal.captivePortal');
      const client = new WordPressClient({ apiRoot: `${proxy.url}/wp-json/` });
      expect((await rejectionOf(client.probe())).code).toBe('portal.captivePortal');
      // JSON that is not a REST index counts the same
      const jsonNotIndex = new WordPressClient({ apiRoot: `${testSite().url}/wp-json/`, fetch: async () => Response.json({ status: 'login required' }) });
      expect((await rejectionOf(jsonNotIndex.probe())).code).toBe('portal.captivePortal');
    } finally {
      proxy.setRule(undefined);
    }
    expect((await new WordPressClient({ apiRoot: `${proxy.url}/wp-json/` }).probe()).index.timezoneString).toBe('Asia/Makassar');
  });
});

describe('a Link header naming another host', () => {
  it('is not taken as the REST root, and the password never goes there', async () => {
    const { url, users } = testSite();
    const seen: { path: string; authorization: string | undefined }[] = [];
    const elsewhere = createServer((req, res) => {
      seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
      // Pretends to be the portal's REST index, so a client that trusted the Link would send the password.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ name: 'Palsu', namespaces: ['wp/v2'], authentication: { 'application-passwords': {} } }));
    });
    await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', r));
    const other = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    const linkElsewhere: HttpPort = async (target, init) => {
      const res = await fetch(target, init);
      if (new URL(target).pathname !== '/' || init.method !== 'HEAD') return res;
      const headers = new Headers(res.headers);
      headers.set('link', `<${other}/wp-json/>; rel="https://api.w.org/"`);
      return new Response(res.body, { status: res.status, headers });
    };
    try {
      const report = await testConnection(url, users.EDITOR.username, users.EDITOR.appPassword, 'Asia/Makassar', { fetch: linkElsewhere });
      expect(report.ok).toBe(true);
      expect(report.apiRoot).toBe(`${url}/wp-json/`);
      expect(seen).toEqual([]);
    } finally {
      elsewhere.closeAllConnections();
      await new Promise<void>((r) => elsewhere.close(() => r()));
    }
  });
});

describe('credentials and roles', () => {
  it('bad credentials fail on users/me although public reads still answer', async () => {
    const bad = new WordPressClient({ apiRoot: `${testSite().url}/wp-json/`, username: 'editor', appPassword: 'xxxx xxxx xxxx xxxx xxxx xxxx' });
    expect((await bad.probe()).index.name).not.toBe(''); // public: bad credentials ignored
    const err = await rejectionOf(bad.currentUser());
    expect([err.kind, err.code, err.params?.status, err.params?.wpCode]).toEqual(['auth', 'portal.badCredentials', 401, 'rest_not_logged_in']);
    expect(JSON.stringify(err.toShape())).not.toContain('xxxx');
  });

  it('maps the three roles and reads capabilities', async () => {
    const contributor = await clientFor('CONTRIBUTOR').currentUser();
    const author = await clientFor('AUTHOR').currentUser();
    const editor = await clientFor('EDITOR').currentUser();
    expect([contributor.newsroomRole, author.newsroomRole, editor.newsroomRole]).toEqual(['writer', 'writer', 'editor']);
    expect([contributor.capabilities.publish_posts ?? false, author.capabilities.publish_posts, editor.capabilities.publish_posts]).toEqual([false, true, true]);
    expect([contributor.capabilities.upload_files ?? false, author.capabilities.upload_files]).toEqual([false, true]);
    expect(editor.capabilities.edit_others_posts).toBe(true);
  });
});

describe('testConnection (Uji koneksi)', () => {
  const statusOf = (report: Awaited<ReturnType<typeof testConnection>>) => Object.fromEntries(report.steps.map((s) => [s.id, s.status]));

  it('explains a good editor account step by step', async () => {
    const { url, users } = testSite();
    const report = await testConnection(url, users.EDITOR.username, users.EDITOR.appPassword, 'Asia/Makassar');
    expect(report.ok).toBe(true);
    expect(report.newsroomRole).toBe('editor');
    expect(statusOf(report)).toEqual({ reachable: 'ok', wordpress: 'ok', credentials: 'ok', role: 'ok', timezone: 'ok', uploadLimit: 'warn', clock: 'ok' });
    const role = report.steps.find((s) => s.id === 'role');
    expect(role?.params).toMatchObject({ publish: true, uploadMedia: true, createTags: true });
    expect(report.steps.find((s) => s.id === 'uploadLimit')?.params.limit).toBe('unknown');
    expect(JSON.stringify(report)).not.toContain(users.EDITOR.appPassword);
  });

  it('warns about a contributor who cannot upload and a zone that differs', async () => {
    const { url, users } = testSite();
    const report = await testConnection(url, users.CONTRIBUTOR.username, users.CONTRIBUTOR.appPassword, 'Asia/Jakarta');
    expect(report.ok).toBe(true);
    const steps = Object.fromEntries(report.steps.map((s) => [s.id, s]));
    expect(steps.role).toMatchObject({ status: 'warn', code: 'portal.check.roleNoUpload', params: { publish: false, uploadMedia: false, createTags: true } });
    expect(steps.timezone).toMatchObject({ status: 'warn', params: { siteZone: 'Asia/Makassar', newsroomZone: 'Asia/Jakarta' } });
  });

  it('stops at the failing step: bad password, captive portal, clock skew', async () => {
    const { url, users } = testSite();
    const bad = await testConnection(url, users.AUTHOR.username, 'abcd abcd abcd abcd abcd abcd', 'Asia/Makassar');
    expect(bad.ok).toBe(false);
    expect(statusOf(bad)).toMatchObject({ reachable: 'ok', wordpress: 'ok', credentials: 'fail', role: 'skipped' });
    expect(bad.steps.find((s) => s.id === 'credentials')?.code).toBe('portal.badCredentials');

    proxy.setRule(() => ({ kind: 'captive-portal' }));
    try {
      const captive = await testConnection(proxy.url, users.AUTHOR.username, users.AUTHOR.appPassword, 'Asia/Makassar');
      expect(captive.steps.find((s) => s.id === 'wordpress')).toMatchObject({ status: 'fail', code: 'portal.captivePortal' });
    } finally {
      proxy.setRule(undefined);
    }

    const tenMinutesSlow = () => Date.now() - 10 * 60 * 1000;
    const skewed = await testConnection(url, users.AUTHOR.username, users.AUTHOR.appPassword, 'Asia/Makassar', { now: tenMinutesSlow });
    const clock = skewed.steps.find((s) => s.id === 'clock');
    expect(clock?.status).toBe('warn');
    expect(Number(clock?.params.skewSeconds)).toBeGreaterThan(590);
  });
});

describe('slow networks', () => {
  it('a delayed answer times out per request; a throttled upload still arrives whole', async () => {
    proxy.setRule(() => ({ kind: 'delay', ms: 1500 }));
    try {
      const impatient = clientFor('EDITOR', { base: proxy.url, timeoutMs: 300 });
      const err = await rejectionOf(impatient.getPost(1));
      expect([err.kind, err.code, err.retryable, err.params?.outcome]).toEqual(['network', 'portal.timeout', true, 'none']);
    } finally {
      proxy.setRule(undefined);
    }
    proxy.setBandwidth(64 * 1024);
    try {
      const data = await sharp({ create: { width: 160, height: 160, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
        .jpeg({ quality: 95 })
        .toBuffer();
      const started = Date.now();
      const media = await clientFor('AUTHOR', { base: proxy.url }).uploadMedia({ data, mime: 'image/jpeg', filename: 'lambat.jpg' });
      const seconds = (Date.now() - started) / 1000;
      expect(seconds).toBeGreaterThanOrEqual((data.length / (64 * 1024)) * 0.8);
      const served = Buffer.from(await (await fetch(media.sourceUrl)).arrayBuffer());
      expect(served.equals(data)).toBe(true);
    } finally {
      proxy.setBandwidth(undefined);
    }
  });
});
