/**
 * Photo downloads of pulled posts: where they may go (blind SSRF) and how much they may read. The
 * portal here is on 127.0.0.1 like the test WordPress, so "loopback" alone decides nothing: the
 * rule is the portal's own origin, or the uploads origin its REST API states when that resolves to
 * public addresses only.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { rejectionOf } from '../../../test-support/errors';
import { LIMITS } from '../../shared/contract';
import { isNonPublicAddress } from './download';
import { WordPressClient, type HttpPort } from './wordpress-client';

const PORTAL = 'http://127.0.0.1:8091';
const CDN = 'https://cdn.kabarkukar.example';
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);

/** A portal whose media list names `uploads` as source_url, answering every photo with JPEG bytes. */
function fakePortal(uploads: string[], extra: Record<string, (url: URL) => Response> = {}) {
  const requested: string[] = [];
  const fetchPort: HttpPort = async (url) => {
    requested.push(url);
    const target = new URL(url);
    const special = extra[target.origin + target.pathname];
    if (special) return special(target);
    if (target.pathname.endsWith('/wp/v2/media')) return Response.json(uploads.map((u) => ({ source_url: `${u}/wp-content/uploads/2026/12/x.jpg` })));
    return new Response(JPEG, { headers: { 'Content-Type': 'image/jpeg' } });
  };
  const lookups: Record<string, string[]> = {
    'cdn.kabarkukar.example': ['203.0.113.7'],
    'cdn-internal.kabarkukar.example': ['10.0.0.5'],
    'cdn-split.kabarkukar.example': ['203.0.113.8', '127.0.0.1'],
  };
  const client = new WordPressClient({
    apiRoot: `${PORTAL}/wp-json/`,
    siteAddress: PORTAL,
    username: 'editor',
    appPassword: 'abcd EFGH ijkl MNOP qrst UVWX',
    fetch: fetchPort,
    lookup: async (host) => lookups[host] ?? ['198.51.100.1'],
  });
  const photoRequests = () => requested.filter((u) => !u.includes('/wp/v2/media'));
  return { client, requested, photoRequests };
}

describe('which photo addresses are downloaded', () => {
  it('the portal origin and the uploads origin the REST API states', async () => {
    const { client, photoRequests } = fakePortal([CDN]);
    await client.download(`${PORTAL}/wp-content/uploads/2026/12/banjir.jpg`, LIMITS.photoBytes);
    await client.download(`${CDN}/wp-content/uploads/2026/12/banjir.jpg`, LIMITS.photoBytes);
    expect(photoRequests()).toEqual([`${PORTAL}/wp-content/uploads/2026/12/banjir.jpg`, `${CDN}/wp-content/uploads/2026/12/banjir.jpg`]);
  });

  // Each refused without any request to it.
  const REFUSED: [string, string, string][] = [
    ['another port of the portal host', 'http://127.0.0.1:8092/x.jpg', 'portal.downloadElsewhere'],
    ['the portal host by another name', 'http://localhost:8091/wp-content/uploads/x.jpg', 'portal.downloadElsewhere'],
    ['the portal over https when it is http', 'https://127.0.0.1:8091/x.jpg', 'portal.downloadElsewhere'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/iam/', 'portal.downloadElsewhere'],
    ['a private network router', 'http://192.168.1.1/reboot', 'portal.downloadElsewhere'],
    ['10/8', 'http://10.1.2.3/x.jpg', 'portal.downloadElsewhere'],
    ['172.16/12', 'http://172.20.0.1/x.jpg', 'portal.downloadElsewhere'],
    ['CGNAT 100.64/10', 'http://100.64.0.1/x.jpg', 'portal.downloadElsewhere'],
    ['IPv6 loopback', 'http://[::1]:8091/x.jpg', 'portal.downloadElsewhere'],
    ['IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]:8091/x.jpg', 'portal.downloadElsewhere'],
    ['IPv6 unique local', 'http://[fd00::1]/x.jpg', 'portal.downloadElsewhere'],
    ['0.0.0.0', 'http://0.0.0.0:8091/x.jpg', 'portal.downloadElsewhere'],
    ['loopback as a decimal number', 'http://2130706433:6379/', 'portal.downloadElsewhere'],
    ['a public host the API does not state', 'https://evil.example/x.jpg', 'portal.downloadElsewhere'],
    ['the portal address with credentials', 'http://admin:pw@127.0.0.1:8091/x.jpg', 'portal.downloadElsewhere'],
    ['a file: address', 'file:///etc/passwd', 'portal.badUrl'],
    ['a data: address', 'data:image/jpeg;base64,/9j/2Q==', 'portal.badUrl'],
  ];
  it.each(REFUSED)('refuses %s', async (_, url, code) => {
    const { client, photoRequests } = fakePortal([CDN]);
    const err = await rejectionOf(client.download(url, LIMITS.photoBytes));
    expect([err.kind, err.code]).toEqual(['validation', code]);
    expect(photoRequests()).toEqual([]);
  });

  it('refuses an uploads origin the API states when it resolves to a private or loopback address', async () => {
    const { client, photoRequests } = fakePortal(['https://cdn-internal.kabarkukar.example', 'https://cdn-split.kabarkukar.example', 'http://127.0.0.1:9000']);
    for (const origin of ['https://cdn-internal.kabarkukar.example', 'https://cdn-split.kabarkukar.example', 'http://127.0.0.1:9000']) {
      expect((await rejectionOf(client.download(`${origin}/x.jpg`, LIMITS.photoBytes))).code, origin).toBe('portal.downloadPrivate');
    }
    expect(photoRequests()).toEqual([]);
  });

  it('checks every redirect like the first address, and never goes from https to http', async () => {
    const redirect = (to: string) => () => new Response(null, { status: 302, headers: { Location: to } });
    const { client, photoRequests } = fakePortal([CDN], {
      [`${PORTAL}/same.jpg`]: redirect('/wp-content/uploads/same.jpg'),
      [`${PORTAL}/metadata.jpg`]: redirect('http://169.254.169.254/latest/meta-data/'),
      [`${PORTAL}/elsewhere.jpg`]: redirect('http://127.0.0.1:6379/'),
      [`${CDN}/down.jpg`]: redirect(`${PORTAL}/x.jpg`),
      [`${PORTAL}/loop.jpg`]: redirect('/loop.jpg'),
    });
    expect(new Uint8Array(await client.download(`${PORTAL}/same.jpg`, LIMITS.photoBytes))).toEqual(JPEG);
    expect((await rejectionOf(client.download(`${PORTAL}/metadata.jpg`, LIMITS.photoBytes))).code).toBe('portal.downloadElsewhere');
    expect((await rejectionOf(client.download(`${PORTAL}/elsewhere.jpg`, LIMITS.photoBytes))).code).toBe('portal.downloadElsewhere');
    expect((await rejectionOf(client.download(`${CDN}/down.jpg`, LIMITS.photoBytes))).code).toBe('portal.insecureRedirect');
    expect((await rejectionOf(client.download(`${PORTAL}/loop.jpg`, LIMITS.photoBytes))).code).toBe('portal.tooManyRedirects');
    expect(photoRequests().filter((u) => !u.startsWith(PORTAL) && !u.startsWith(CDN))).toEqual([]);
  });

  it('classifies addresses', () => {
    for (const a of ['127.0.0.1', '10.0.0.1', '172.31.255.255', '192.168.0.10', '169.254.169.254', '100.100.100.100', '0.0.0.0', '::1', '::', 'fe80::1', 'fd12::3', '::ffff:10.0.0.1', '::ffff:127.0.0.1', '224.0.0.1', 'not-an-ip']) {
      expect(isNonPublicAddress(a), a).toBe(true);
    }
    for (const a of ['203.0.113.7', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) expect(isNonPublicAddress(a), a).toBe(false);
  });
});

describe('how much a download reads', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    server = undefined;
  });

  /** A local server answering every request with `write`; resolves with its origin and what it sent. */
  async function serve(write: (res: import('node:http').ServerResponse, sent: { bytes: number }) => void) {
    const sent = { bytes: 0, closed: Promise.resolve() };
    let closed!: () => void;
    sent.closed = new Promise<void>((r) => (closed = r));
    server = createServer((req, res) => {
      res.on('close', closed);
      write(res, sent);
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent };
  }

  it('stops a 400 MB chunked answer at the 40 MB limit while reading, holding little memory', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    const { origin, sent } = await serve((res, sent) => {
      res.writeHead(200, { 'Content-Type': 'image/jpeg' }); // no Content-Length: chunked
      const pump = () => {
        while (sent.bytes < 400 * chunk.length) {
          sent.bytes += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const client = new WordPressClient({ apiRoot: `${origin}/wp-json/`, siteAddress: origin });
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      const err = await rejectionOf(client.download(`${origin}/wp-content/uploads/besar.jpg`, LIMITS.photoBytes));
      expect([err.kind, err.code, err.params?.limit]).toEqual(['validation', 'media.fileTooLarge', 40]);
    } finally {
      clearInterval(sampler);
    }
    await sent.closed;
    // The server could send the limit plus what sat in socket buffers, not the 400 MB.
    expect(sent.bytes).toBeLessThan(LIMITS.photoBytes + 16 * chunk.length);
    // Reading the whole answer first grew the process by more than 800 MB.
    expect(peak - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('a trickling answer ends at the download time limit', async () => {
    const { origin } = await serve((res) => {
      res.writeHead(200, { 'Content-Type': 'image/jpeg' });
      const timer = setInterval(() => res.write(Buffer.alloc(10, 0x41)), 50);
      res.on('close', () => clearInterval(timer));
    });
    const client = new WordPressClient({ apiRoot: `${origin}/wp-json/`, siteAddress: origin });
    const started = Date.now();
    const err = await rejectionOf(client.download(`${origin}/x.jpg`, LIMITS.photoBytes, { timeoutMs: 600 }));
    expect([err.kind, err.code, err.retryable]).toEqual(['network', 'portal.timeout', true]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
