/**
 * The hostile-input table over the real browser-mode host: HTTP on 127.0.0.1 with the token, JSON
 * bodies, framed bodies for arguments carrying bytes, one host and one backend for every case.
 * Also what only HTTP can carry: broken JSON, broken framing, wrong content types and methods.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineHostileSuite, describeProblems, runCases, seedHostileWorld, snapshotStore, type HostileWorld, type Send } from '../core/testing/hostile-harness';
import { HANDLER_SPECS, type HostileCase } from '../core/testing/hostile-inputs';
import { HANDLER_NAMES } from '../shared/contract';
import { API_INVOKE_PATH, TOKEN_HEADER } from '../shared/transport';
import { FRAMED_CONTENT_TYPE, encodeFramed, needsFraming } from '../shared/wire';
import { createWebHost, type WebHost } from './host';

const TOKEN = 'hostile-suite-token-0123456789abcdef';

interface RawRequest {
  method?: string;
  name: string;
  body: Buffer | string;
  contentType?: string;
}

async function openHost(world: HostileWorld): Promise<{ host: WebHost; agent: http.Agent; root: string; raw: (r: RawRequest) => Promise<{ status: number; body: string }> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'redaksi-hostile-host-'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Redaksi</title>');
  const { backend } = world.t;
  const host = await createWebHost({
    invoke: backend.invoke,
    on: backend.on,
    resolveMedia: (variant, hash) => backend.media.resolveFile(variant, hash),
    staticDir: root,
    token: TOKEN,
    port: 0,
  });
  // One kept-alive connection pool for thousands of requests.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const raw = (r: RawRequest) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: '127.0.0.1',
          port: host.port,
          method: r.method ?? 'POST',
          path: `${API_INVOKE_PATH}/${encodeURIComponent(r.name)}`,
          headers: { [TOKEN_HEADER]: TOKEN, 'content-type': r.contentType ?? 'application/json' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(r.body);
    });
  return { host, agent, root, raw };
}

const parseEnvelope = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return `unparseable answer: ${text.slice(0, 100)}`;
  }
};

/** What the renderer's HTTP transport sends: framed when the arguments carry bytes, JSON otherwise. */
function sender(raw: (r: RawRequest) => Promise<{ status: number; body: string }>): Send {
  return async (name, input) => {
    const framed = needsFraming(input);
    const body = framed ? Buffer.from(encodeFramed(input)) : JSON.stringify(input);
    const answer = await raw({ name, body, contentType: framed ? FRAMED_CONTENT_TYPE : 'application/json' });
    return { status: answer.status, envelope: parseEnvelope(answer.body) };
  };
}

defineHostileSuite(
  'browser-mode host over HTTP',
  async (world) => {
    const { host, agent, root, raw } = await openHost(world);
    return {
      send: sender(raw),
      close: async () => {
        agent.destroy();
        await host.close();
        await rm(root, { recursive: true, force: true });
      },
    };
  },
  { concurrency: 4 },
);

/** A framed body from its parts: u32 JSON length | JSON bytes | (u32 length | bytes)*. */
function frame(json: Uint8Array | string, ...blobs: { declared?: number; bytes: Uint8Array }[]): Buffer {
  const jsonBytes = typeof json === 'string' ? Buffer.from(json, 'utf8') : Buffer.from(json);
  const parts: Buffer[] = [Buffer.alloc(4), jsonBytes];
  parts[0]!.writeUInt32BE(jsonBytes.length);
  for (const blob of blobs) {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(blob.declared ?? blob.bytes.length);
    parts.push(head, Buffer.from(blob.bytes));
  }
  return Buffer.concat(parts);
}

interface BodyCase {
  label: string;
  request: Omit<RawRequest, 'name'>;
}

/** Bodies that are broken as HTTP messages, before any schema sees them. */
function transportBodyCases(example: Record<string, unknown>): BodyCase[] {
  const withExtra = JSON.stringify({ ...example, extra: '<script>alert(1)</script>' }, (_k, v: unknown) => (v instanceof Uint8Array ? [...v.subarray(0, 4)] : v));
  const bytes = new Uint8Array([1, 2, 3]);
  const framed = (body: Buffer): Omit<RawRequest, 'name'> => ({ body, contentType: FRAMED_CONTENT_TYPE });
  return [
    { label: 'unterminated JSON', request: { body: '{"unterminated' } },
    { label: 'JSON after a byte-order mark', request: { body: `\uFEFF${withExtra}` } },
    { label: 'bytes that are not UTF-8', request: { body: Buffer.from([0xff, 0xfe, 0x7b, 0x7d, 0xc0]) } },
    { label: 'JSON nested 100,000 arrays deep', request: { body: `{"extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}` } },
    { label: 'unterminated JSON nested 100,000 arrays deep', request: { body: '['.repeat(100_000) } },
    { label: 'trailing garbage after JSON', request: { body: `${withExtra}}}` } },
    { label: 'a form post', request: { body: 'id=1&title=%3Cscript%3E', contentType: 'application/x-www-form-urlencoded' } },
    { label: 'a multipart body', request: { body: '--x\r\nContent-Disposition: form-data; name="id"\r\n\r\n1\r\n--x--', contentType: 'multipart/form-data; boundary=x' } },
    { label: 'JSON sent as text/plain with an extra field', request: { body: withExtra, contentType: 'text/plain' } },
    { label: 'JSON with no content type and an extra field', request: { body: withExtra, contentType: '' } },
    { label: 'JSON text under the framed content type', request: framed(Buffer.from(withExtra)) },
    { label: 'a framed body of three bytes', request: framed(Buffer.from([0, 0, 1])) },
    { label: 'a framed body declaring 4 GB of JSON', request: framed(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x7b, 0x7d])) },
    { label: 'a framed body with an empty JSON part', request: framed(frame('')) },
    { label: 'a framed body whose JSON is not UTF-8', request: framed(frame(new Uint8Array([0x7b, 0xff, 0x7d]))) },
    { label: 'a framed body with a truncated blob header', request: framed(Buffer.concat([frame('{}'), Buffer.from([0, 0])])) },
    { label: 'a framed body with a blob longer than the body', request: framed(frame('{"data":{"$blob":0}}', { declared: 1000, bytes })) },
    { label: 'a framed body referring to a missing blob', request: framed(frame('{"data":{"$blob":3}}', { bytes })) },
    { label: 'a framed body with a negative blob index', request: framed(frame('{"data":{"$blob":-1}}', { bytes })) },
    { label: 'a framed body with a fractional blob index', request: framed(frame('{"data":{"$blob":0.5}}', { bytes })) },
    { label: 'a framed body with a blob index as text', request: framed(frame('{"data":{"$blob":"0"}}', { bytes })) },
    { label: 'a framed body with a __proto__ blob reference', request: framed(frame('{"__proto__":{"$blob":0}}', { bytes })) },
    { label: 'a framed body carrying an extra field', request: framed(frame(withExtra, { bytes })) },
    ...(Object.keys(example).length === 0
      ? []
      : [{ label: 'a framed body putting bytes in every field', request: framed(frame(JSON.stringify(Object.fromEntries(Object.keys(example).map((k) => [k, { $blob: 0 }]))), { bytes })) }]),
    { label: 'a GET', request: { method: 'GET', body: '' } },
    { label: 'a PUT', request: { method: 'PUT', body: withExtra } },
    { label: 'a DELETE', request: { method: 'DELETE', body: '' } },
  ];
}

describe('hostile HTTP bodies (browser-mode host)', () => {
  let world: HostileWorld;
  let opened: Awaited<ReturnType<typeof openHost>>;
  beforeAll(async () => {
    world = await seedHostileWorld();
    opened = await openHost(world);
  });
  afterAll(async () => {
    opened?.agent.destroy();
    await opened?.host.close();
    if (opened) await rm(opened.root, { recursive: true, force: true });
    world?.t.dispose();
  });

  it('refuses broken bodies, framing, content types and methods for every handler, storing nothing', async () => {
    const before = snapshotStore(world.t.dataDir);
    const bodies = new Map<HostileCase, Omit<RawRequest, 'name'>>();
    const cases: HostileCase[] = [];
    for (const name of HANDLER_NAMES) {
      const spec = HANDLER_SPECS[name];
      expect(spec, `no example input for "${name}"`).toBeDefined();
      for (const { label, request } of transportBodyCases(spec!.example(world.ctx))) {
        const c: HostileCase = { handler: name, label, input: undefined, expect: ['validation'] };
        bodies.set(c, request);
        cases.push(c);
      }
    }
    const send: Send = async (name, _input, c) => {
      const answer = await opened.raw({ name, ...bodies.get(c!)! });
      return { status: answer.status, envelope: parseEnvelope(answer.body) };
    };
    const problems = await runCases(cases, send, { concurrency: 4 });
    expect(describeProblems(problems)).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(25 * HANDLER_NAMES.length);
    expect(snapshotStore(world.t.dataDir)).toEqual(before);
  });
});
