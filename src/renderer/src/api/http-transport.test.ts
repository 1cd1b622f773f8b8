import { describe, expect, it, vi } from 'vitest';
import { ClientError, createClient } from './client';
import { createHttpTransport, takeToken, TOKEN_STORAGE_KEY } from './http-transport';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('takeToken', () => {
  it('takes the token from the address, keeps it and hides it from the address bar', () => {
    const storage = memoryStorage();
    const replaceUrl = vi.fn();
    const token = takeToken({ href: 'http://127.0.0.1:4321/?token=abc123&x=1#naskah', replaceUrl, storage });
    expect(token).toBe('abc123');
    expect(storage.data.get(TOKEN_STORAGE_KEY)).toBe('abc123');
    expect(replaceUrl).toHaveBeenCalledWith('/?x=1#naskah');
  });

  it('falls back to the stored token after a reload', () => {
    const replaceUrl = vi.fn();
    const token = takeToken({ href: 'http://127.0.0.1:4321/', replaceUrl, storage: memoryStorage({ [TOKEN_STORAGE_KEY]: 'kept' }) });
    expect(token).toBe('kept');
    expect(replaceUrl).not.toHaveBeenCalled();
  });
});

const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('HTTP transport', () => {
  it('posts the input with the token header and returns the value', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => json({ ok: true, value: { language: 'id' } }));
    const client = createClient(createHttpTransport({ token: 't0k', fetch: fetch as typeof globalThis.fetch }));
    const settings = await client.invoke('settings-get', {});
    expect(settings).toEqual({ language: 'id' });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/invoke/settings-get');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>)['x-redaksi-token']).toBe('t0k');
    expect(init?.body).toBe('{}');
  });

  it('throws a ClientError carrying the backend error shape', async () => {
    const error = { kind: 'not-found', code: 'notFound.article', message: 'nope', retryable: false };
    const fetch = async (): Promise<Response> => json({ ok: false, error });
    const client = createClient(createHttpTransport({ token: 't', fetch }));
    const failure = await client.invoke('articles-get', { id: '00000000-0000-4000-8000-000000000000' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ClientError);
    expect((failure as ClientError).shape).toEqual(error);
  });

  it('turns an unreachable host into a retryable network error and reports offline', async () => {
    let up = false;
    const fetch = async (): Promise<Response> => {
      if (!up) throw new TypeError('Failed to fetch');
      return json({ ok: true, value: [] });
    };
    const client = createClient(createHttpTransport({ token: 't', fetch }));
    const seen: string[] = [];
    client.onConnection((c) => seen.push(c));
    const failure = (await client.invoke('articles-list', {}).catch((e: unknown) => e)) as ClientError;
    expect(failure.shape).toMatchObject({ kind: 'network', code: 'network.offline', retryable: true });
    expect(client.connection()).toBe('offline');
    up = true;
    await client.invoke('articles-list', {});
    expect(seen).toEqual(['offline', 'online']);
  });

  it('gives up on a hung host after the timeout', async () => {
    vi.useFakeTimers();
    try {
      const fetch = (_url: unknown, init?: RequestInit): Promise<Response> =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      const client = createClient(createHttpTransport({ token: 't', fetch: fetch as typeof globalThis.fetch, timeoutMs: 5000 }));
      const pending = client.invoke('settings-get', {}).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(5000);
      expect(((await pending) as ClientError).shape).toMatchObject({ kind: 'network', code: 'network.timeout', retryable: true });
    } finally {
      vi.useRealTimers();
    }
  });

  it('maps transport refusals to error shapes', async () => {
    for (const [status, code] of [
      [401, 'auth.session'],
      [403, 'auth.session'],
      [404, 'unknownHandler'],
      [413, 'request.tooLarge'],
      [500, 'internal'],
    ] as const) {
      const client = createClient(createHttpTransport({ token: 't', fetch: async () => new Response('no', { status }) }));
      const failure = (await client.invoke('settings-get', {}).catch((e: unknown) => e)) as ClientError;
      expect(failure.code, `HTTP ${status}`).toBe(code);
    }
  });
});
