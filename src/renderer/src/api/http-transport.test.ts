import { describe, expect, it, vi } from 'vitest';
import { decodeFramed, encodeFramed, FRAMED_CONTENT_TYPE } from '../../../shared/wire';
import { ClientError, createClient } from './client';
import { createElectronTransport } from './electron-transport';
import { createHttpTransport, encodeFramedBlob, encodeRequestBody, takeToken, TOKEN_STORAGE_KEY } from './http-transport';

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

  it('tells a window the host no longer accepts from one that cannot reach it, whatever the push channel says', async () => {
    let accepted = false;
    const fetch = async (): Promise<Response> => (accepted ? json({ ok: true, value: [] }) : new Response('no', { status: 401 }));
    // The push channel cannot see the 401 (EventSource hides it) and reports a drop.
    class FakeEventSource {
      static readonly CLOSED = 2;
      static last: FakeEventSource | null = null;
      readyState = 0;
      private readonly handlers = new Map<string, (() => void)[]>();
      constructor() {
        FakeEventSource.last = this;
      }
      addEventListener(name: string, handler: () => void): void {
        this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
      }
      fire(name: string): void {
        for (const handler of this.handlers.get(name) ?? []) handler();
      }
    }
    const client = createClient(
      createHttpTransport({ token: 't', fetch, EventSource: FakeEventSource as unknown as typeof EventSource }),
    );
    client.on('articles-changed', () => undefined);
    await client.invoke('articles-list', {}).catch(() => undefined);
    expect(client.connection()).toBe('refused');
    FakeEventSource.last!.fire('error');
    expect(client.connection()).toBe('refused');
    accepted = true;
    await client.invoke('articles-list', {});
    expect(client.connection()).toBe('online');
    FakeEventSource.last!.fire('error');
    expect(client.connection()).toBe('offline');
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
      [400, 'transport.invalidBody'],
      [404, 'unknownHandler'],
      [405, 'transport.methodNotAllowed'],
      [413, 'request.tooLarge'],
      [500, 'internal'],
    ] as const) {
      const client = createClient(createHttpTransport({ token: 't', fetch: async () => new Response('no', { status }) }));
      const failure = (await client.invoke('settings-get', {}).catch((e: unknown) => e)) as ClientError;
      expect(failure.code, `HTTP ${status}`).toBe(code);
    }
  });
});

describe('HTTP transport with photos', () => {
  const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 0xff, 0xd9]);

  it('sends arguments carrying bytes as one framed binary body, not JSON', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => json({ ok: true, value: { id: 'm1' } }));
    const client = createClient(createHttpTransport({ token: 't0k', fetch: fetch as typeof globalThis.fetch }));
    await client.invoke('media-import', { fileName: 'banjir tenggarong.jpg', data: photo });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/invoke/media-import');
    const headers = init?.headers as Record<string, string>;
    expect(headers['content-type']).toBe(FRAMED_CONTENT_TYPE);
    expect(headers['x-redaksi-token']).toBe('t0k');
    expect(init?.body).toBeInstanceOf(Blob);
    const sent = new Uint8Array(await (init?.body as Blob).arrayBuffer());
    const decoded = decodeFramed(sent) as { fileName: string; data: Uint8Array };
    expect(decoded.fileName).toBe('banjir tenggarong.jpg');
    expect(Array.from(decoded.data)).toEqual(Array.from(photo));
    // The bytes travel raw: the body is the JSON header plus the photo and two length prefixes.
    const header = JSON.stringify({ fileName: 'banjir tenggarong.jpg', data: { $blob: 0 } });
    expect(sent.byteLength).toBe(4 + new TextEncoder().encode(header).length + 4 + photo.length);
  });

  it('frames exactly as the shared wire format does, several blobs and non-ASCII names included', async () => {
    const args = { fileName: 'Foto Jembatan Kukar – Ré.jpg', data: photo, more: { bytes: new Uint8Array([1, 2, 3]) }, list: [new Uint8Array(0)] };
    const fromBlob = new Uint8Array(await encodeFramedBlob(args).arrayBuffer());
    expect(Array.from(fromBlob)).toEqual(Array.from(encodeFramed(args)));
  });

  it('keeps plain JSON for arguments without bytes', () => {
    expect(encodeRequestBody({ id: 'x' })).toEqual({ body: '{"id":"x"}', contentType: 'application/json', carriesBytes: false });
    expect(encodeRequestBody(undefined)).toEqual({ body: '{}', contentType: 'application/json', carriesBytes: false });
    expect(encodeRequestBody({ data: photo }).carriesBytes).toBe(true);
  });

  it('gives a photo upload longer than an ordinary call before calling the host unreachable', async () => {
    vi.useFakeTimers();
    try {
      const hang = (_url: unknown, init?: RequestInit): Promise<Response> =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      const client = createClient(
        createHttpTransport({ token: 't', fetch: hang as typeof globalThis.fetch, timeoutMs: 1000, uploadTimeoutMs: 60_000 }),
      );
      let settled = false;
      const pending = client.invoke('media-import', { fileName: 'a.jpg', data: photo }).catch((e: unknown) => {
        settled = true;
        return e;
      });
      await vi.advanceTimersByTimeAsync(1000);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(59_000);
      expect(((await pending) as ClientError).shape).toMatchObject({ kind: 'network', code: 'network.timeout' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('addresses stored photos through the token-checked media route', () => {
    const hash = 'a'.repeat(64);
    const client = createClient(createHttpTransport({ token: 'k/y+z', fetch: async () => json({}) }));
    expect(client.mediaUrl('full', hash)).toBe(`/media/full/${hash}?token=k%2Fy%2Bz`);
    expect(client.mediaUrl('thumb', hash)).toBe(`/media/thumb/${hash}?token=k%2Fy%2Bz`);
    // Anything that is not a file hash never becomes part of an address.
    expect(() => client.mediaUrl('full', '../../etc/passwd')).toThrow();
  });

  it('addresses stored photos through the privileged scheme in Electron', () => {
    const bridge = { invoke: vi.fn(), on: vi.fn() };
    const client = createClient(createElectronTransport(bridge));
    const hash = 'b'.repeat(64);
    expect(client.mediaUrl('thumb', hash)).toBe(`redaksi-media://thumb/${hash}`);
  });
});
