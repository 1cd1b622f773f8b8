import { EventEmitter } from 'node:events';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInvoke } from '../core/dispatch';
import { LIMITS, type EventName, type Events, type Handlers } from '../shared/contract';
import { API_EVENTS_PATH, API_INVOKE_PATH, TOKEN_HEADER } from '../shared/transport';
import { FRAMED_CONTENT_TYPE, encodeFramed } from '../shared/wire';
import { createWebHost, isLoopbackAddress, tokensMatch, type WebHost } from './host';
import { HOST_PROOF_PATH, isHostProof, newProofNonce } from './host-proof';

// The real timingSafeEqual, observed: the token check must go through it with equal-length inputs.
const crypto = vi.hoisted(() => ({ compared: [] as [number, number][] }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  const timingSafeEqual = (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
    crypto.compared.push([a.byteLength, b.byteLength]);
    return actual.timingSafeEqual(a, b);
  };
  return { ...actual, default: { ...actual, timingSafeEqual }, timingSafeEqual };
});

const TOKEN = 'test-token-0123456789abcdefghijklmnop';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw requests: fetch() would refuse to send a foreign Host header or an un-normalised path. */
function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function invoke(port: number, name: string, args: unknown, headers: Record<string, string> = { [TOKEN_HEADER]: TOKEN }) {
  return request(port, {
    method: 'POST',
    path: `${API_INVOKE_PATH}/${name}`,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(args),
  });
}

describe('browser-mode host', () => {
  let root: string;
  let host: WebHost;
  let events: EventEmitter;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'redaksi-host-'));
    const staticDir = path.join(root, 'renderer');
    await mkdir(path.join(staticDir, 'assets'), { recursive: true });
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Redaksi</title>');
    await writeFile(path.join(staticDir, 'assets', 'app.js'), 'console.log("app");');
    await writeFile(path.join(staticDir, 'assets', 'app.css'), 'body{}');
    await writeFile(path.join(root, 'secret.txt'), 'outside the renderer');
    await symlink(path.join(root, 'secret.txt'), path.join(staticDir, 'assets', 'link.txt'));

    events = new EventEmitter();
    const handlers = {
      'app-info': () => ({ version: '1.2.3', schemaVersion: 1, transport: 'web' as const }),
    } as unknown as Handlers;
    host = await createWebHost({
      invoke: createInvoke(handlers),
      on: <E extends EventName>(event: E, listener: (payload: Events[E]) => void) => {
        events.on(event, listener);
        return () => events.off(event, listener);
      },
      staticDir,
      token: TOKEN,
      port: 0,
    });
  });

  afterEach(async () => {
    await host.close();
    await rm(root, { recursive: true, force: true });
  });

  it('prints an address on 127.0.0.1 carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('serves index.html for / with the document security headers and no CORS grant', async () => {
    const res = await request(host.port, { path: '/' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<title>Redaksi</title>');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self';");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves assets with their content types', async () => {
    const js = await request(host.port, { path: '/assets/app.js' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const css = await request(host.port, { path: '/assets/app.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await request(host.port, { method: 'HEAD', path: '/assets/app.js' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('lists no directories and answers unknown files with 404', async () => {
    expect((await request(host.port, { path: '/assets/' })).status).toBe(404);
    expect((await request(host.port, { path: '/assets' })).status).toBe(404);
    expect((await request(host.port, { path: '/missing.js' })).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/link.txt',
    '/%00index.html',
    '/%E0%A4%A',
  ])('refuses the path traversal %s with 404', async (attempt) => {
    const res = await request(host.port, { path: attempt });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside the renderer');
  });

  it('refuses API calls without the token or with a wrong one (401)', async () => {
    const missing = await invoke(host.port, 'app-info', {}, {});
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { kind: 'auth', code: 'transport.unauthorized' } });
    const wrong = await invoke(host.port, 'app-info', {}, { [TOKEN_HEADER]: `${TOKEN.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
    const shorter = await invoke(host.port, 'app-info', {}, { [TOKEN_HEADER]: TOKEN.slice(0, 8) });
    expect(shorter.status).toBe(401);
  });

  it.each([
    // (Spaces around a header value are not part of it in HTTP; one inside is.)
    ['with a space and more after it', { [TOKEN_HEADER]: `${TOKEN} x` }],
    ['in upper case', { [TOKEN_HEADER]: TOKEN.toUpperCase() }],
    ['with a NUL byte appended', { [TOKEN_HEADER]: `${TOKEN}%00` }],
    ['as a prefix of a longer value', { [TOKEN_HEADER]: `${TOKEN}${TOKEN}` }],
    ['in another header', { authorization: `Bearer ${TOKEN}` }],
    ['in a cookie', { cookie: `token=${TOKEN}` }],
  ])('refuses the token %s (401)', async (_what, headers) => {
    const res = await invoke(host.port, 'app-info', {}, headers);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'transport.unauthorized' } });
  });

  it('proves it knows the token for a nonce, bound to its port, without being sent the token', async () => {
    const nonce = newProofNonce();
    const res = await request(host.port, { path: `${HOST_PROOF_PATH}?nonce=${nonce}` });
    expect(res.status).toBe(200);
    const { proof } = JSON.parse(res.body) as { proof: string };
    expect(isHostProof(proof, TOKEN, nonce, host.port)).toBe(true);
    expect(isHostProof(proof, TOKEN, nonce, host.port + 1)).toBe(false);
    expect(isHostProof(proof, 'another-token', nonce, host.port)).toBe(false);
    expect(isHostProof(proof, TOKEN, newProofNonce(), host.port)).toBe(false);
    expect(res.body).not.toContain(TOKEN);
    for (const bad of ['', '?nonce=short', `?nonce=${nonce}%00`]) {
      expect((await request(host.port, { path: `${HOST_PROOF_PATH}${bad}` })).status, bad).toBe(400);
    }
    expect((await request(host.port, { method: 'POST', path: `${HOST_PROOF_PATH}?nonce=${nonce}` })).status).toBe(400);
  });

  it('refuses a wrong header token even when the query carries the right one', async () => {
    const res = await request(host.port, {
      method: 'POST',
      path: `${API_INVOKE_PATH}/app-info?token=${TOKEN}`,
      headers: { [TOKEN_HEADER]: 'wrong-token', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
  });

  it('compares tokens in constant time: equal-length digests whatever the length presented', async () => {
    crypto.compared.length = 0;
    for (const presented of ['x', TOKEN.slice(0, 8), `${TOKEN}x`, 'y'.repeat(4096), TOKEN]) {
      await invoke(host.port, 'app-info', {}, { [TOKEN_HEADER]: presented });
    }
    expect(crypto.compared).toEqual(new Array(5).fill([32, 32]));
  });

  it('never grants another origin access, and every answer carries the base security headers', async () => {
    const answers = [
      await request(host.port, { path: '/' }),
      await request(host.port, { path: '/assets/app.js' }),
      await request(host.port, { path: '/missing' }),
      await invoke(host.port, 'app-info', {}),
      await invoke(host.port, 'app-info', {}, {}),
      await invoke(host.port, 'articles-explode', {}),
      await invoke(host.port, 'app-info', {}, { origin: 'http://evil.example', [TOKEN_HEADER]: TOKEN }),
      await request(host.port, { path: '/', headers: { host: 'evil.example' } }),
      await request(host.port, { path: `/media/full/${'a'.repeat(64)}?token=${TOKEN}` }),
      await request(host.port, { method: 'OPTIONS', path: '/', headers: { origin: `http://127.0.0.1:${host.port}`, 'access-control-request-method': 'POST' } }),
    ];
    for (const res of answers) {
      expect(Object.keys(res.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    }
    const page = answers[0]!;
    const csp = String(page.headers['content-security-policy']);
    for (const directive of ["default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'", "frame-src 'none'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|http:|https:/);
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('is bound to 127.0.0.1 and unreachable through any other interface of this computer', async () => {
    expect(host.address).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port: host.port });
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((info) => info !== undefined && !info.internal)
      .map((info) => info!.address);
    for (const address of others) {
      const outcome = await new Promise<string>((resolve) => {
        const req = http.request({ host: address, port: host.port, path: '/', timeout: 2_000 }, (res) => {
          res.resume();
          resolve(`answered ${res.statusCode}`);
        });
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
        req.end();
      });
      expect(outcome, address).not.toMatch(/^answered/);
    }
  });

  it('refuses a peer that is not on the loopback interface, even with the token (defence in depth)', async () => {
    // Pretend the next accepted connection comes from the LAN: the check must use the socket's peer.
    const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
    const spy = vi.spyOn(http.Server.prototype, 'emit').mockImplementation(function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === 'connection') Object.defineProperty(args[0] as object, 'remoteAddress', { value: '192.168.1.20' });
      return emit.call(this, event, ...args);
    });
    try {
      const res = await invoke(host.port, 'app-info', {}, { [TOKEN_HEADER]: TOKEN, connection: 'close' });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { kind: 'auth', code: 'transport.notLoopback' } });
    } finally {
      spy.mockRestore();
    }
    expect((await invoke(host.port, 'app-info', {})).status).toBe(200);
  });

  it('runs a handler with the right token and answers with the envelope', async () => {
    const res = await invoke(host.port, 'app-info', {});
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { version: '1.2.3', schemaVersion: 1, transport: 'web' } });
  });

  it('answers an unknown handler with the error envelope', async () => {
    const res = await invoke(host.port, 'articles-explode', {});
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { kind: 'not-found', code: 'unknownHandler' } });
    const oddName = await invoke(host.port, '..%2Fapp-info', {});
    expect(oddName.status).toBe(404);
    expect(JSON.parse(oddName.body)).toMatchObject({ ok: false, error: { code: 'unknownHandler' } });
  });

  it('answers invalid input with a validation envelope and broken JSON with 400', async () => {
    const invalid = await invoke(host.port, 'app-info', { unexpected: true });
    expect(invalid.status).toBe(200);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const broken = await request(host.port, {
      method: 'POST',
      path: `${API_INVOKE_PATH}/app-info`,
      headers: { [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json' },
      body: '{"unterminated',
    });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'transport.invalidJson' } });
  });

  it('decodes framed bodies that carry bytes', async () => {
    const received: unknown[] = [];
    await host.close();
    host = await createWebHost({
      invoke: async (name, args) => {
        received.push(args);
        return { ok: true, value: name };
      },
      on: () => () => undefined,
      staticDir: path.join(root, 'renderer'),
      token: TOKEN,
      port: 0,
    });
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0x10]);
    const res = await request(host.port, {
      method: 'POST',
      path: `${API_INVOKE_PATH}/app-info`,
      headers: { [TOKEN_HEADER]: TOKEN, 'content-type': FRAMED_CONTENT_TYPE },
      body: Buffer.from(encodeFramed({ name: 'foto.jpg', bytes })),
    });
    expect(res.status).toBe(200);
    expect(received).toHaveLength(1);
    const args = received[0] as { name: string; bytes: Uint8Array };
    expect(args.name).toBe('foto.jpg');
    expect([...args.bytes]).toEqual([...bytes]);

    const broken = await request(host.port, {
      method: 'POST',
      path: `${API_INVOKE_PATH}/app-info`,
      headers: { [TOKEN_HEADER]: TOKEN, 'content-type': FRAMED_CONTENT_TYPE },
      body: Buffer.from([0, 0, 0, 99, 1]),
    });
    expect(broken.status).toBe(400);
    expect(received).toHaveLength(1);
  });

  it('serves stored photos by hash, with the token, and nothing else under /media', async () => {
    const photo = path.join(root, 'photo.jpg');
    await writeFile(photo, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    const hash = 'a'.repeat(64);
    const lookups: string[] = [];
    await host.close();
    host = await createWebHost({
      invoke: async () => ({ ok: true, value: null }),
      on: () => () => undefined,
      resolveMedia: (variant, wanted) => {
        lookups.push(`${variant}/${wanted}`);
        return wanted === hash ? { path: photo, mime: 'image/jpeg' } : null;
      },
      staticDir: path.join(root, 'renderer'),
      token: TOKEN,
      port: 0,
    });
    const ok = await request(host.port, { path: `/media/full/${hash}?token=${TOKEN}` });
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('image/jpeg');
    expect(ok.headers['content-length']).toBe('7');
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect((await request(host.port, { path: `/media/full/${hash}` })).status).toBe(401);
    expect((await request(host.port, { path: `/media/full/${hash}?token=wrong-${TOKEN}` })).status).toBe(401);
    expect((await request(host.port, { path: `/media/thumb/${'b'.repeat(64)}?token=${TOKEN}` })).status).toBe(404);
    for (const bad of [
      `/media/original/${hash}`,
      `/media/full/${hash.toUpperCase()}`,
      `/media/full/${hash}.jpg`,
      `/media/full/${hash}/`,
      `/media/full/${hash.slice(1)}`,
      `/media/full/x/../${hash}x`,
      '/media/full/../../secret.txt',
      '/media/full/%2e%2e%2fsecret.txt',
      '/media/full/%252e%252e%252fsecret.txt',
      '/media/full/..%5c..%5csecret.txt',
      `/media/full/${hash.slice(0, 63)}%00`,
      '/media',
      '/media/',
    ]) {
      const res = await request(host.port, { path: `${bad}?token=${TOKEN}` });
      expect(res.status, bad).toBe(404);
      expect(res.body).not.toContain('outside the renderer');
    }
    // Only well-formed names ever reach the media store.
    expect(lookups).toEqual([`full/${hash}`, `thumb/${'b'.repeat(64)}`]);
  });

  it('refuses handler calls that are not POST', async () => {
    const res = await request(host.port, { path: `${API_INVOKE_PATH}/app-info`, headers: { [TOKEN_HEADER]: TOKEN } });
    expect(res.status).toBe(405);
  });

  it.each([
    'evil.example',
    'evil.example:PORT',
    '127.0.0.1.evil.example:PORT',
    'localhost.evil.example:PORT',
    'localhost',
    'localhost:OTHER',
    '127.0.0.1:1',
    '127.0.0.1:OTHER',
    '127.0.0.2',
    '[::1]:PORT',
    'user@127.0.0.1:PORT',
    'LOCALHOST.:PORT',
  ])(
    'refuses the foreign Host header %s (403) on pages and API',
    async (foreignHost) => {
      const headers = { host: foreignHost.replace('PORT', String(host.port)).replace('OTHER', String(host.port + 1)) };
      const page = await request(host.port, { path: '/', headers });
      expect(page.status).toBe(403);
      const api = await invoke(host.port, 'app-info', {}, { ...headers, [TOKEN_HEADER]: TOKEN });
      expect(api.status).toBe(403);
      expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'transport.badHost' } });
    },
  );

  it('refuses a request without a Host header (HTTP/1.0)', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(host.port, '127.0.0.1', () => socket.end(`POST ${API_INVOKE_PATH}/app-info HTTP/1.0\r\n${TOKEN_HEADER}: ${TOKEN}\r\nContent-Length: 2\r\n\r\n{}`));
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 403 /);
    expect(answer).toContain('transport.badHost');
  });

  it('accepts localhost:<port> as Host', async () => {
    const res = await invoke(host.port, 'app-info', {}, { host: `localhost:${host.port}`, [TOKEN_HEADER]: TOKEN });
    expect(res.status).toBe(200);
  });

  it('refuses a foreign Origin (403) and accepts its own', async () => {
    for (const origin of [
      'http://evil.example',
      `http://127.0.0.1:${host.port + 1}`,
      `http://localhost:${host.port + 1}`,
      `http://127.0.0.1.evil.example:${host.port}`,
      'null',
      `https://127.0.0.1:${host.port}`,
      'file://',
      'app://renderer',
      '',
    ]) {
      const res = await invoke(host.port, 'app-info', {}, { origin, [TOKEN_HEADER]: TOKEN });
      expect(res.status, origin).toBe(403);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
    const own = await invoke(host.port, 'app-info', {}, { origin: `http://127.0.0.1:${host.port}`, [TOKEN_HEADER]: TOKEN });
    expect(own.status).toBe(200);
    expect(own.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a CORS preflight without granting anything', async () => {
    const res = await request(host.port, {
      method: 'OPTIONS',
      path: `${API_INVOKE_PATH}/app-info`,
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-headers']).toBeUndefined();
  });

  it('refuses a declared oversize body with 413 and a JSON error', async () => {
    const res = await new Promise<RawResponse>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: `${API_INVOKE_PATH}/app-info`,
          headers: {
            host: `127.0.0.1:${host.port}`,
            [TOKEN_HEADER]: TOKEN,
            'content-type': 'application/json',
            'content-length': String(LIMITS.requestBytes + 1),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() }));
        },
      );
      req.on('error', reject);
      // Only the header announces the size; the answer must come without the body being sent.
      req.write('{');
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'transport.tooLarge' } });
  });

  it('refuses a streamed oversize body with 413', async () => {
    const res = await new Promise<RawResponse>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: `${API_INVOKE_PATH}/app-info`,
          headers: { host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: TOKEN, 'transfer-encoding': 'chunked' },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() }));
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let sent = 0; sent <= LIMITS.requestBytes; sent += chunk.length) req.write(chunk);
      req.end();
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'transport.tooLarge' } });
  });

  it('delivers backend events over server-sent events', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: host.port, path: `${API_EVENTS_PATH}?token=${TOKEN}`, headers: { host: `127.0.0.1:${host.port}` } },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          let text = '';
          let emitted = false;
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            // Emit only once the stream is subscribed, i.e. after its opening comment arrived.
            if (!emitted && text.includes(': connected\n\n')) {
              emitted = true;
              events.emit('articles-changed', { ids: ['a1'] });
            }
            if (/event: articles-changed\ndata: .*\n\n/.test(text)) {
              resolve(text);
              req.destroy();
            }
          });
        },
      );
      req.on('error', reject);
    });
    expect(received).toContain('event: articles-changed\ndata: {"ids":["a1"]}\n\n');
  });

  it('stops sending events to a closed stream', async () => {
    const before = events.listenerCount('articles-changed');
    await new Promise<void>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: host.port, path: `${API_EVENTS_PATH}?token=${TOKEN}`, headers: { host: `127.0.0.1:${host.port}` } },
        (res) => {
          res.once('data', () => {
            expect(events.listenerCount('articles-changed')).toBe(before + 1);
            req.destroy();
            setTimeout(resolve, 50);
          });
        },
      );
      req.on('error', () => undefined);
      setTimeout(() => reject(new Error('no event stream')), 2_000);
    });
    expect(events.listenerCount('articles-changed')).toBe(before);
  });

  it('ends event streams on close, dropping events emitted while closing', async () => {
    const ended = new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: host.port, path: `${API_EVENTS_PATH}?token=${TOKEN}`, headers: { host: `127.0.0.1:${host.port}` } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes(': connected')) {
              const closing = host.close();
              // Emitted after the stream was ended but before it reported 'close': must not throw.
              events.emit('articles-changed', { ids: ['late'] });
              void closing;
            }
          });
          res.on('end', () => resolve(text));
        },
      );
      req.on('error', reject);
    });
    const text = await ended;
    expect(text).not.toContain('late');
  });

  it('refuses the event stream without the token', async () => {
    const res = await request(host.port, { path: API_EVENTS_PATH });
    expect(res.status).toBe(401);
    expect(events.listenerCount('articles-changed')).toBe(0);
  });

  it('requires the token on every /api path', async () => {
    expect((await request(host.port, { path: '/api/other' })).status).toBe(401);
    expect((await request(host.port, { path: `/api/other?token=${TOKEN}` })).status).toBe(404);
  });
});

describe('host safeguards', () => {
  it('refuses to listen on anything but loopback', async () => {
    await expect(
      createWebHost({ invoke: async () => ({ ok: true, value: null }), on: () => () => undefined, staticDir: os.tmpdir(), token: TOKEN, port: 0, host: '0.0.0.0' }),
    ).rejects.toThrow(/loopback/);
  });

  it('recognises loopback peers only', () => {
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('192.168.1.20')).toBe(false);
    expect(isLoopbackAddress('::ffff:10.0.0.1')).toBe(false);
    expect(isLoopbackAddress(undefined)).toBe(false);
  });

  it('compares tokens exactly', () => {
    expect(tokensMatch(TOKEN, TOKEN)).toBe(true);
    expect(tokensMatch(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokensMatch('', TOKEN)).toBe(false);
    expect(tokensMatch(undefined, TOKEN)).toBe(false);
  });
});
