import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CAPTIVE_PORTAL_PAGE, once, seededFaults, startFaultProxy, type FaultProxy } from '../../../test-support/fault-proxy';

let origin: Server;
let originUrl: string;
let received: { method: string; url: string; body: string }[];
let proxy: FaultProxy | undefined;

beforeEach(async () => {
  received = [];
  origin = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', body });
      res.writeHead(200, { 'Content-Type': 'application/json', Link: `<${originUrl}/wp-json/>; rel="https://api.w.org/"` });
      res.end(JSON.stringify({ ok: true, echo: body.length }));
    });
  });
  await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
  originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  origin.closeAllConnections();
  await new Promise<void>((r) => origin.close(() => r()));
});

describe('fault proxy', () => {
  it('passes requests through and rewrites Link headers to itself', async () => {
    proxy = await startFaultProxy({ target: originUrl });
    const res = await fetch(`${proxy.url}/a?b=1`, { method: 'POST', body: 'hello' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, echo: 5 });
    expect(res.headers.get('link')).toBe(`<${proxy.url}/wp-json/>; rel="https://api.w.org/"`);
    expect(received).toEqual([{ method: 'POST', url: '/a?b=1', body: 'hello' }]);
    expect(proxy.counts.pass).toBe(1);
  });

  it('drop-before: the client fails and the server never sees the request', async () => {
    proxy = await startFaultProxy({ target: originUrl, rule: () => ({ kind: 'drop-before' }) });
    await expect(fetch(`${proxy.url}/x`, { method: 'POST', body: 'a' })).rejects.toThrow();
    expect(received).toHaveLength(0);
    expect(proxy.counts['drop-before']).toBe(1);
  });

  it('drop-after: the server acts, the client fails', async () => {
    proxy = await startFaultProxy({ target: originUrl, rule: once(() => true, { kind: 'drop-after' }) });
    await expect(fetch(`${proxy.url}/x`, { method: 'POST', body: 'abc' })).rejects.toThrow();
    expect(received).toEqual([{ method: 'POST', url: '/x', body: 'abc' }]);
    // once(): the next request passes
    expect((await fetch(`${proxy.url}/y`)).status).toBe(200);
    expect(proxy.counts).toMatchObject({ 'drop-after': 1, pass: 1 });
  });

  it('answers 503, 429 with Retry-After and a captive-portal page without forwarding', async () => {
    const faults = [
      { kind: 'status', status: 503 } as const,
      { kind: 'rate-limit', retryAfter: '7' } as const,
      { kind: 'captive-portal' } as const,
    ];
    proxy = await startFaultProxy({ target: originUrl, rule: (r) => faults[r.index] });
    const a = await fetch(`${proxy.url}/1`);
    expect(a.status).toBe(503);
    const b = await fetch(`${proxy.url}/2`);
    expect([b.status, b.headers.get('retry-after')]).toEqual([429, '7']);
    const c = await fetch(`${proxy.url}/3`);
    expect([c.status, await c.text()]).toEqual([200, CAPTIVE_PORTAL_PAGE]);
    expect(received).toHaveLength(0);
    expect(proxy.counts).toMatchObject({ status: 1, 'rate-limit': 1, 'captive-portal': 1 });
  });

  it('delays and throttles', async () => {
    proxy = await startFaultProxy({ target: originUrl, rule: () => ({ kind: 'delay', ms: 150 }) });
    let started = Date.now();
    await (await fetch(`${proxy.url}/d`)).text();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    proxy.setRule(undefined);
    proxy.setBandwidth(20_000);
    started = Date.now();
    const res = await fetch(`${proxy.url}/t`, { method: 'POST', body: 'x'.repeat(10_000) });
    expect(await res.json()).toEqual({ ok: true, echo: 10_000 });
    // 10 kB at 20 kB/s takes about half a second
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('seeded random faults are reproducible', () => {
    const draw = (seed: number): string[] => {
      const rule = seededFaults(seed, 0.5, [{ kind: 'drop-before' }, { kind: 'status', status: 502 }]);
      return Array.from({ length: 20 }, (_, i) => rule({ index: i, method: 'GET', url: '/', headers: {} })?.kind ?? 'none');
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(42)).toContain('pass');
  });
});
