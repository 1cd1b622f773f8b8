/**
 * Browser mode: the same handlers over HTTP to the host on 127.0.0.1 (see src/shared/transport.ts).
 * The access token arrives once in the page address; it is kept in sessionStorage (so a reload
 * still works) and removed from the address bar so it does not end up in screenshots, bookmarks or a
 * copied address. The browser's history still holds the address as it was opened (README, browser mode).
 */
import type { EventName, Events, HandlerName, InvokeResult } from '../../../shared/contract';
import { isAppErrorShape, type AppErrorShape } from '../../../shared/errors';
import { API_EVENTS_PATH, API_INVOKE_PATH, MEDIA_PATH, TOKEN_HEADER, TOKEN_QUERY, type MediaVariant } from '../../../shared/transport';
import { FRAMED_CONTENT_TYPE, needsFraming, splitBlobs } from '../../../shared/wire';
import { ClientError, networkError, type ChannelState, type Transport } from './client';

export const TOKEN_STORAGE_KEY = 'redaksi.token';
/** Long enough for a 100,000-word save on a slow laptop; short enough that a hung host shows as offline. */
export const REQUEST_TIMEOUT_MS = 30_000;
/**
 * Calls that carry a photo: up to 40 MB to send, then decoding and resizing a phone photo of up to
 * 100 MP on a slow laptop. Still bounded, so a hung host shows as offline eventually.
 */
export const UPLOAD_TIMEOUT_MS = 180_000;
const EVENTS_RECONNECT_MS = 5_000;

interface PageEnvironment {
  href: string;
  replaceUrl(url: string): void;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

/** Reads the token from `?token=` (then hides it) or from the session's storage. */
export function takeToken(env: PageEnvironment): string | null {
  const url = new URL(env.href);
  const fromUrl = url.searchParams.get(TOKEN_QUERY);
  if (fromUrl) {
    try {
      env.storage?.setItem(TOKEN_STORAGE_KEY, fromUrl);
    } catch {
      // Storage can be disabled; the token still works for this page's lifetime.
    }
    url.searchParams.delete(TOKEN_QUERY);
    env.replaceUrl(url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return env.storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function errorForStatus(status: number): AppErrorShape {
  if (status === 401 || status === 403) {
    return { kind: 'auth', code: 'auth.session', message: `The host refused the session token (HTTP ${status})`, retryable: false };
  }
  if (status === 404) return { kind: 'not-found', code: 'unknownHandler', message: 'Unknown handler (HTTP 404)', retryable: false };
  if (status === 413) return { kind: 'validation', code: 'request.tooLarge', message: 'Request too large (HTTP 413)', retryable: false };
  // The host could not read the body (broken JSON or framing): a refusal of this request, not a fault.
  if (status === 400) return { kind: 'validation', code: 'transport.invalidBody', message: 'The host could not read the request (HTTP 400)', retryable: false };
  if (status === 405) return { kind: 'validation', code: 'transport.methodNotAllowed', message: 'Method not allowed (HTTP 405)', retryable: false };
  return { kind: 'internal', code: 'internal', message: `Unexpected answer from the host (HTTP ${status})`, retryable: status >= 500 };
}

export interface HttpTransportOptions {
  token: string | null;
  fetch: typeof fetch;
  /** Absent in environments without server-sent events; push events are then simply not delivered. */
  EventSource?: typeof EventSource;
  timeoutMs?: number;
  /** For arguments carrying bytes (photos); defaults to UPLOAD_TIMEOUT_MS. */
  uploadTimeoutMs?: number;
}

/**
 * The framed binary format of src/shared/wire.ts (u32 JSON length | JSON | per blob: u32 length |
 * bytes), built as a Blob from parts so the photo's bytes are copied once and streamed by the
 * browser: an ArrayBuffer body is copied on the page's thread, about a second per phone photo,
 * and the editor stalls meanwhile.
 */
export function encodeFramedBlob(args: unknown): Blob {
  const { json, blobs } = splitBlobs(args);
  const length = (n: number): ArrayBuffer => {
    const bytes = new ArrayBuffer(4);
    new DataView(bytes).setUint32(0, n);
    return bytes;
  };
  const jsonBytes = new TextEncoder().encode(json);
  const parts: BlobPart[] = [length(jsonBytes.byteLength), jsonBytes];
  for (const blob of blobs) parts.push(length(blob.byteLength), blob as Uint8Array<ArrayBuffer>);
  return new Blob(parts, { type: FRAMED_CONTENT_TYPE });
}

/** JSON for ordinary arguments; the framed format when they carry bytes (JSON would spell out every byte). */
export function encodeRequestBody(args: unknown): { body: string | Blob; contentType: string; carriesBytes: boolean } {
  const value = args ?? {};
  if (needsFraming(value)) return { body: encodeFramedBlob(value), contentType: FRAMED_CONTENT_TYPE, carriesBytes: true };
  return { body: JSON.stringify(value), contentType: 'application/json', carriesBytes: false };
}

export function createHttpTransport(options: HttpTransportOptions): Transport {
  const { token, fetch: doFetch } = options;
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const uploadTimeoutMs = options.uploadTimeoutMs ?? Math.max(UPLOAD_TIMEOUT_MS, timeoutMs);

  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const channelListeners = new Set<(c: ChannelState) => void>();
  let source: EventSource | null = null;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  const dispatch = (event: EventName, data: string): void => {
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const l of [...(listeners.get(event) ?? [])]) l(payload);
  };
  const reportChannel = (c: ChannelState): void => {
    for (const l of [...channelListeners]) l(c);
  };

  const openEvents = (): void => {
    const ES = options.EventSource;
    if (!ES || source || token === null) return;
    const es = new ES(`${API_EVENTS_PATH}?${TOKEN_QUERY}=${encodeURIComponent(token)}`);
    source = es;
    for (const name of listeners.keys()) es.addEventListener(name, (e) => dispatch(name, (e as MessageEvent<string>).data));
    es.addEventListener('open', () => reportChannel('online'));
    es.addEventListener('error', () => {
      reportChannel('offline');
      // The browser retries by itself unless the answer was fatal (e.g. 401); then try again later.
      if (es.readyState === ES.CLOSED && source === es) {
        source = null;
        reconnectTimer ??= setTimeout(() => {
          reconnectTimer = null;
          openEvents();
        }, EVENTS_RECONNECT_MS);
      }
    });
  };

  return {
    name: 'web',
    async call(name: HandlerName, args: unknown): Promise<InvokeResult<unknown>> {
      const { body: requestBody, contentType, carriesBytes } = encodeRequestBody(args);
      const limitMs = carriesBytes ? uploadTimeoutMs : timeoutMs;
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, limitMs);
      let response: Response;
      try {
        response = await doFetch(`${API_INVOKE_PATH}/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': contentType, [TOKEN_HEADER]: token ?? '' },
          body: requestBody,
          signal: controller.signal,
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch (err) {
        throw new ClientError(
          timedOut
            ? networkError('network.timeout', `No answer from the host within ${limitMs} ms`)
            : networkError('network.offline', err instanceof Error ? err.message : 'The host is unreachable'),
        );
      } finally {
        clearTimeout(timer);
      }
      if (response.status !== 200) throw new ClientError(errorForStatus(response.status));
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new ClientError({ kind: 'internal', code: 'internal', message: 'The host sent an unreadable answer', retryable: true });
      }
      if (typeof body === 'object' && body !== null && 'ok' in body) {
        const result = body as InvokeResult<unknown>;
        if (result.ok || isAppErrorShape(result.error)) return result;
      }
      throw new ClientError({ kind: 'internal', code: 'internal', message: 'The host sent an unexpected answer', retryable: false });
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        source?.addEventListener(event, (e) => dispatch(event, (e as MessageEvent<string>).data));
      }
      set.add(listener as (payload: unknown) => void);
      openEvents();
      return () => {
        set.delete(listener as (payload: unknown) => void);
      };
    },
    // <img src> cannot send headers: the media route takes the same token in the query.
    mediaUrl: (variant: MediaVariant, hash: string) =>
      `${MEDIA_PATH}/${variant}/${hash}?${TOKEN_QUERY}=${encodeURIComponent(token ?? '')}`,
    onChannelState(listener) {
      channelListeners.add(listener);
      return () => channelListeners.delete(listener);
    },
  };
}
