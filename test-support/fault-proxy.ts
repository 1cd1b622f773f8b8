/**
 * An HTTP proxy on 127.0.0.1 that sits between the sync client and WordPress and misbehaves on
 * purpose: drops connections before or after forwarding (the server acted, the client never hears),
 * delays, throttles, answers 502/503/429 or a captive-portal login page. A rule decides per request;
 * `seededFaults` gives a reproducible random mix. Counts what it did.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Transform, type TransformCallback } from 'node:stream';

export type Fault =
  | { kind: 'pass' }
  /** Close the client's connection without forwarding anything: the server never sees the request. */
  | { kind: 'drop-before' }
  /** Forward, let the server answer in full, then close the client's connection before any byte of the answer. */
  | { kind: 'drop-after' }
  | { kind: 'delay'; ms: number }
  | { kind: 'status'; status: 502 | 503 | 500 | 504 }
  | { kind: 'rate-limit'; retryAfter: string }
  | { kind: 'captive-portal' };

export interface ProxiedRequest {
  index: number;
  method: string;
  /** Path and query as the client sent them. */
  url: string;
  headers: IncomingMessage['headers'];
}

export type FaultRule = (request: ProxiedRequest) => Fault | undefined;

export interface FaultProxyOptions {
  /** Where to forward, e.g. `http://127.0.0.1:8088`. */
  target: string;
  rule?: FaultRule;
  /** Bytes per second in each direction; undefined = full speed. */
  bytesPerSecond?: number;
}

export type FaultCounts = Record<Fault['kind'], number>;

export const CAPTIVE_PORTAL_PAGE = `<!doctype html><html><head><title>Login Wi-Fi Hotel</title></head>
<body><h1>Selamat datang</h1><form method="post" action="/login"><input name="room"><button>Masuk</button></form></body></html>`;

export interface FaultProxy {
  /** `http://127.0.0.1:PORT` */
  url: string;
  counts: FaultCounts;
  log: { request: ProxiedRequest; fault: Fault['kind'] }[];
  /** Bytes that crossed the proxy's client-side sockets (headers included), both directions. */
  wireBytes(): { fromClient: number; toClient: number };
  setRule(rule: FaultRule | undefined): void;
  setBandwidth(bytesPerSecond: number | undefined): void;
  close(): Promise<void>;
}

/** Paces a stream to a byte rate: pushes slices on a timer instead of all at once. */
class Throttle extends Transform {
  constructor(private readonly bytesPerSecond: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const slice = Math.max(1, Math.floor(this.bytesPerSecond / 20)); // 50 ms slices
    let offset = 0;
    const pushNext = (): void => {
      if (offset >= chunk.length) return done();
      const part = chunk.subarray(offset, offset + slice);
      offset += part.length;
      this.push(part);
      setTimeout(pushNext, (part.length / this.bytesPerSecond) * 1000);
    };
    pushNext();
  }
}

/** Each request independently: `probability` of a fault drawn from `faults`, else pass. Deterministic per seed. */
export function seededFaults(seed: number, probability: number, faults: Fault[]): FaultRule {
  let a = seed >>> 0;
  const random = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => {
    if (random() >= probability) return { kind: 'pass' };
    return faults[Math.floor(random() * faults.length)] ?? { kind: 'pass' };
  };
}

/** Applies `fault` to the first request matching `match`, then passes everything. */
export function once(match: (request: ProxiedRequest) => boolean, fault: Fault): FaultRule {
  let used = false;
  return (request) => {
    if (used || !match(request)) return undefined;
    used = true;
    return fault;
  };
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  let rule = options.rule;
  let bytesPerSecond = options.bytesPerSecond;
  let index = 0;
  const counts: FaultCounts = { pass: 0, 'drop-before': 0, 'drop-after': 0, delay: 0, status: 0, 'rate-limit': 0, 'captive-portal': 0 };
  const log: FaultProxy['log'] = [];
  const sockets = new Set<Socket>();
  const closedBytes = { fromClient: 0, toClient: 0 };
  let ownOrigin = '';

  const throttled = <T extends NodeJS.ReadableStream>(stream: T): NodeJS.ReadableStream =>
    bytesPerSecond ? stream.pipe(new Throttle(bytesPerSecond)) : stream;

  // Links WordPress builds point at itself; rewritten so discovery keeps going through the proxy.
  const rewrite = (value: string): string => value.split(target.origin).join(ownOrigin);

  const forward = (req: IncomingMessage, res: ServerResponse, dropAfter: boolean): void => {
    const headers = { ...req.headers, host: target.host };
    const upstream = httpRequest(
      { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (upstreamRes) => {
        if (dropAfter) {
          // Read the whole answer (the server has acted), then cut the client off.
          upstreamRes.resume();
          upstreamRes.on('end', () => req.socket.destroy());
          return;
        }
        const outHeaders: Record<string, string | string[]> = {};
        for (const [key, value] of Object.entries(upstreamRes.headers)) {
          if (value === undefined) continue;
          outHeaders[key] = key === 'link' || key === 'location' ? (Array.isArray(value) ? value.map(rewrite) : rewrite(value)) : value;
        }
        res.writeHead(upstreamRes.statusCode ?? 502, outHeaders);
        throttled(upstreamRes).pipe(res);
      },
    );
    upstream.on('error', () => req.socket.destroy());
    throttled(req).pipe(upstream);
  };

  const server: Server = createServer((req, res) => {
    const request: ProxiedRequest = { index: index++, method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
    const fault = rule?.(request) ?? { kind: 'pass' };
    counts[fault.kind]++;
    log.push({ request, fault: fault.kind });
    switch (fault.kind) {
      case 'drop-before':
        req.socket.destroy();
        return;
      case 'drop-after':
        forward(req, res, true);
        return;
      case 'delay':
        setTimeout(() => {
          if (!req.socket.destroyed) forward(req, res, false);
        }, fault.ms);
        return;
      case 'status':
        req.resume();
        res.writeHead(fault.status, { 'Content-Type': 'text/html', Connection: 'close' });
        res.end(`<html><body><h1>${fault.status} Bad Gateway</h1></body></html>`);
        return;
      case 'rate-limit':
        req.resume();
        res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': fault.retryAfter });
        res.end(JSON.stringify({ code: 'too_many_requests', message: 'Too many requests', data: { status: 429 } }));
        return;
      case 'captive-portal':
        req.resume();
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(CAPTIVE_PORTAL_PAGE);
        return;
      default:
        forward(req, res, false);
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      closedBytes.fromClient += socket.bytesRead;
      closedBytes.toClient += socket.bytesWritten;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  ownOrigin = `http://127.0.0.1:${port}`;

  return {
    url: ownOrigin,
    counts,
    log,
    wireBytes: () => {
      const live = [...sockets].reduce((sum, s) => ({ fromClient: sum.fromClient + s.bytesRead, toClient: sum.toClient + s.bytesWritten }), { fromClient: 0, toClient: 0 });
      return { fromClient: closedBytes.fromClient + live.fromClient, toClient: closedBytes.toClient + live.toClient };
    },
    setRule: (next) => {
      rule = next;
    },
    setBandwidth: (next) => {
      bytesPerSecond = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
