/**
 * Browser mode: a small HTTP host on the loopback interface that serves the built renderer and
 * carries the backend's handler table over HTTP (POST /api/invoke/<name>) with push events as
 * server-sent events (GET /api/events). The wire format is fixed in src/shared/transport.ts.
 *
 * Any page in the user's browser can send requests to 127.0.0.1, so every API call needs the
 * access token (kept per data folder, see browser-session.ts), Host must name this host (DNS rebinding), a foreign Origin is refused, and no
 * CORS header ever grants another origin access.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { LIMITS, EVENT_NAMES, type EventName, type Events, type InvokeResult } from '../shared/contract';
import { documentSecurityHeaders } from '../shared/content-security-policy';
import type { AppErrorShape } from '../shared/errors';
import { API_EVENTS_PATH, API_INVOKE_PATH, MEDIA_PATH, TOKEN_HEADER, TOKEN_QUERY, type MediaVariant } from '../shared/transport';
import { FRAMED_CONTENT_TYPE, decodeFramed } from '../shared/wire';
import { HOST_PROOF_PATH, hostProof, isProofNonce } from './host-proof';
import { contentTypeFor, resolveStaticFile } from './static-files';

export type HostInvoke = (name: string, rawArgs: unknown) => Promise<InvokeResult<unknown>>;
export type HostSubscribe = <E extends EventName>(event: E, listener: (payload: Events[E]) => void) => () => void;
/** Where a stored photo is on disk, or null for anything that is not one of the media store's files. */
export type ResolveMedia = (variant: MediaVariant, hash: string) => { path: string; mime: string } | null;

export interface WebHostOptions {
  invoke: HostInvoke;
  on: HostSubscribe;
  /** Serves `GET {MEDIA_PATH}/<full|thumb>/<sha256>`; without it that route answers 404. */
  resolveMedia?: ResolveMedia;
  /** Folder holding the built renderer (index.html + assets). */
  staticDir: string;
  /** The access secret (see browser-session.ts); every API call must present it. */
  token: string;
  /** 0 picks any free port. */
  port: number;
  /** Only loopback addresses are accepted; defaults to 127.0.0.1. */
  host?: string;
  /** Where transport problems are reported (never request bodies or the token). */
  log?: (message: string) => void;
  /** Interval of SSE keep-alive comments; tests shorten it. */
  heartbeatMs?: number;
}

export interface WebHost {
  /** The address to open, token included. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  /** Where the server is bound, as the operating system reports it (always a loopback address). */
  readonly address: AddressInfo;
  close(): Promise<void>;
}

const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

const HANDLER_NAME_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;
const MEDIA_ROUTE = new RegExp(`^${MEDIA_PATH}/(full|thumb)/([a-f0-9]{64})$`);

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  if (address === '::1') return true;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time: both sides are hashed first so lengths never leak through timing either. */
export function tokensMatch(presented: string | undefined, expected: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}

function transportError(kind: AppErrorShape['kind'], code: string, message: string): InvokeResult<never> {
  return { ok: false, error: { kind, code, message, retryable: false } };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  res.end(text);
}

function sendRefusal(res: http.ServerResponse, status: number, kind: AppErrorShape['kind'], code: string, message: string): void {
  sendJson(res, status, transportError(kind, code, message), status === 413 ? { Connection: 'close' } : {});
}

function sendPlain(res: http.ServerResponse, status: number, text: string, extraHeaders: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  res.end(text);
}

/**
 * Collects the body up to `limit` bytes. Past the limit the rest is read and dropped rather than the
 * socket being destroyed, so the client still receives the 413 answer.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) resolve(Buffer.concat(chunks, size));
    });
    req.on('error', reject);
  });
}

export async function createWebHost(options: WebHostOptions): Promise<WebHost> {
  const bindHost = options.host ?? '127.0.0.1';
  if (!isLoopbackAddress(bindHost)) {
    throw new Error(`Browser mode only listens on the loopback interface, not on ${bindHost}`);
  }
  if (options.token.length < 16) throw new Error('The access token is too short');
  const log = options.log ?? (() => undefined);
  const heartbeatMs = options.heartbeatMs ?? 20_000;
  const staticRoot = await fs.realpath(path.resolve(options.staticDir));
  const eventStreams = new Set<http.ServerResponse>();
  let port = 0;
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, urlPath: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendPlain(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    const file = await resolveStaticFile(staticRoot, urlPath);
    if (!file) {
      sendPlain(res, 404, 'Not found');
      return;
    }
    const type = contentTypeFor(file);
    const stat = await fs.stat(file);
    const headers: Record<string, string | number> = {
      ...BASE_HEADERS,
      'Content-Type': type,
      'Content-Length': stat.size,
      'Cache-Control': 'no-cache',
    };
    if (file.endsWith('.html')) Object.assign(headers, documentSecurityHeaders());
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  async function handleInvoke(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      sendRefusal(res, 405, 'validation', 'transport.methodNotAllowed', 'Use POST for handler calls');
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (Number.isFinite(declared) && declared > LIMITS.requestBytes) {
      sendRefusal(res, 413, 'validation', 'transport.tooLarge', `Request body larger than ${LIMITS.requestBytes} bytes`);
      req.resume();
      return;
    }
    const body = await readBody(req, LIMITS.requestBytes);
    if (body === 'too-large') {
      sendRefusal(res, 413, 'validation', 'transport.tooLarge', `Request body larger than ${LIMITS.requestBytes} bytes`);
      req.resume();
      return;
    }
    let args: unknown = undefined;
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (contentType === FRAMED_CONTENT_TYPE) {
      // Arguments carrying bytes (photos): JSON plus binary blobs, see src/shared/wire.ts.
      try {
        args = decodeFramed(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
      } catch {
        sendRefusal(res, 400, 'validation', 'transport.invalidBody', 'Request body is not a valid framed message');
        return;
      }
    } else if (body.length > 0) {
      try {
        args = JSON.parse(body.toString('utf8'));
      } catch {
        sendRefusal(res, 400, 'validation', 'transport.invalidJson', 'Request body is not valid JSON');
        return;
      }
    }
    const result = await options.invoke(name, args);
    // The handler table answers unknown names itself (an error envelope); the status says so too.
    const unknownHandler = !result.ok && result.error.code === 'unknownHandler';
    sendJson(res, unknownHandler ? 404 : 200, result);
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      sendRefusal(res, 405, 'validation', 'transport.methodNotAllowed', 'Use GET for the event stream');
      return;
    }
    res.writeHead(200, {
      ...BASE_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    // A stream ended by close() stays subscribed until its 'close' event; never write after the end.
    const send = (text: string): void => {
      if (!res.writableEnded && !res.destroyed) res.write(text);
    };
    res.on('error', () => undefined);
    send('retry: 1000\n: connected\n\n');
    eventStreams.add(res);
    const unsubscribes = EVENT_NAMES.map((event) =>
      options.on(event, (payload) => send(`event: ${event}\ndata: ${JSON.stringify(payload ?? null)}\n\n`)),
    );
    const heartbeat = setInterval(() => send(': keep-alive\n\n'), heartbeatMs);
    heartbeat.unref();
    const cleanUp = (): void => {
      clearInterval(heartbeat);
      for (const unsubscribe of unsubscribes) unsubscribe();
      eventStreams.delete(res);
    };
    res.on('close', cleanUp);
    req.on('close', cleanUp);
  }

  async function serveMedia(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendPlain(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    const match = MEDIA_ROUTE.exec(pathname);
    const found = match && options.resolveMedia ? options.resolveMedia(match[1] as MediaVariant, match[2]!) : null;
    const stat = found ? await fs.stat(found.path).catch(() => null) : null;
    if (!found || !stat?.isFile()) {
      sendPlain(res, 404, 'Not found');
      return;
    }
    res.writeHead(200, {
      ...BASE_HEADERS,
      'Content-Type': found.mime,
      'Content-Length': stat.size,
      // Named by the hash of their bytes: a name never comes to mean other content.
      'Cache-Control': 'private, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(found.path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  function presentedToken(req: http.IncomingMessage, url: URL): string | undefined {
    const header = req.headers[TOKEN_HEADER];
    if (typeof header === 'string') return header;
    return url.searchParams.get(TOKEN_QUERY) ?? undefined;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isLoopbackAddress(req.socket.remoteAddress)) {
      sendRefusal(res, 403, 'auth', 'transport.notLoopback', 'Only this computer may connect');
      return;
    }
    const hostHeader = (req.headers.host ?? '').toLowerCase();
    if (!allowedHosts.has(hostHeader)) {
      sendRefusal(res, 403, 'auth', 'transport.badHost', 'Unexpected Host header');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin.toLowerCase())) {
      sendRefusal(res, 403, 'auth', 'transport.badOrigin', 'Requests from other sites are refused');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${hostHeader}`);
    } catch {
      sendPlain(res, 400, 'Bad request');
      return;
    }
    const pathname = url.pathname;
    const isInvoke = pathname.startsWith(`${API_INVOKE_PATH}/`);
    const isEvents = pathname === API_EVENTS_PATH;
    if (pathname === MEDIA_PATH || pathname.startsWith(`${MEDIA_PATH}/`)) {
      // Photos are the user's material: the same token as the API (in the query, for <img src>).
      if (!tokensMatch(presentedToken(req, url), options.token)) {
        sendRefusal(res, 401, 'auth', 'transport.unauthorized', 'Missing or wrong access token');
        return;
      }
      await serveMedia(req, res, pathname);
      return;
    }
    if (pathname === HOST_PROOF_PATH) {
      // No token here: this is how a second start finds out, without sending one, that this host runs.
      const nonce = url.searchParams.get('nonce');
      if (req.method !== 'GET' || !isProofNonce(nonce)) {
        sendRefusal(res, 400, 'validation', 'transport.invalidBody', 'Expected GET with a nonce');
        req.resume();
        return;
      }
      sendJson(res, 200, { proof: hostProof(options.token, nonce, port) });
      return;
    }
    if (isInvoke || isEvents || pathname.startsWith('/api/') || pathname === '/api') {
      if (!tokensMatch(presentedToken(req, url), options.token)) {
        sendRefusal(res, 401, 'auth', 'transport.unauthorized', 'Missing or wrong access token');
        req.resume();
        return;
      }
      if (isEvents) {
        handleEvents(req, res);
        return;
      }
      const name = isInvoke ? pathname.slice(API_INVOKE_PATH.length + 1) : '';
      if (!isInvoke || !HANDLER_NAME_PATTERN.test(name)) {
        sendRefusal(res, 404, 'not-found', 'unknownHandler', 'Unknown handler');
        req.resume();
        return;
      }
      await handleInvoke(req, res, name);
      return;
    }
    await serveStatic(req, res, pathname);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`Request failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) {
        sendRefusal(res, 500, 'internal', 'internal', 'An unexpected error occurred.');
      } else {
        res.destroy();
      }
    });
  });
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, bindHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  port = address.port;
  const hostNames = bindHost === '::1' ? ['[::1]', 'localhost'] : [bindHost, 'localhost'];
  allowedHosts = new Set(hostNames.map((name) => `${name}:${port}`));
  allowedOrigins = new Set(hostNames.map((name) => `http://${name}:${port}`));
  const origin = `http://${hostNames[0]}:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/?${TOKEN_QUERY}=${encodeURIComponent(options.token)}`,
    origin,
    port,
    address: { ...address },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const stream of eventStreams) stream.end();
        eventStreams.clear();
        server.close(() => resolve());
        server.closeIdleConnections();
        // Event streams and slow clients must not hold the shutdown open.
        setTimeout(() => server.closeAllConnections(), 1_000).unref();
      });
      return closing;
    },
  };
}
