/**
 * The renderer's only door to the backend. Components call `invoke` and `on`; which wire carries
 * the call (Electron IPC or HTTP to the browser-mode host) is decided once at start.
 */
import type { EventName, Events, HandlerInput, HandlerName, HandlerOutput, InvokeResult } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/errors';
import type { MediaVariant } from '../../../shared/transport';

/** A failed call, carrying the serialisable error shape the backend (or the transport) produced. */
export class ClientError extends Error {
  readonly shape: AppErrorShape;

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ClientError';
    this.shape = shape;
  }

  get kind(): AppErrorShape['kind'] {
    return this.shape.kind;
  }

  get code(): string {
    return this.shape.code;
  }

  get retryable(): boolean {
    return this.shape.retryable;
  }
}

/** Whatever was thrown, as an AppErrorShape (never leaking internals). */
export function errorShapeOf(err: unknown): AppErrorShape {
  if (err instanceof ClientError) return err.shape;
  return { kind: 'internal', code: 'internal', message: err instanceof Error ? err.message : 'Unexpected error', retryable: false };
}

export function networkError(code: 'network.offline' | 'network.timeout', message: string): AppErrorShape {
  return { kind: 'network', code, message, retryable: true };
}

/**
 * 'refused': the backend answers but no longer accepts this window (browser mode restarted with a
 * new token). Unlike 'offline', waiting does not help; it lasts until a call is accepted again.
 */
export type Connection = 'online' | 'offline' | 'refused';

/** What a push channel can tell by itself. */
export type ChannelState = 'online' | 'offline';

/** What a wire must provide: one raw call and a push-event subscription. */
export interface Transport {
  readonly name: 'electron' | 'web';
  call(name: HandlerName, args: unknown): Promise<InvokeResult<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** Optional: the push channel reports when it drops or comes back. */
  onChannelState?(listener: (state: ChannelState) => void): () => void;
  /** Where the page loads a stored photo from (the wire decides the scheme and any token). */
  mediaUrl(variant: MediaVariant, hash: string): string;
}

export interface ApiClient {
  readonly transport: 'electron' | 'web';
  invoke<K extends HandlerName>(name: K, args: HandlerInput<K>): Promise<HandlerOutput<K>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** 'offline' after a call failed because the backend was unreachable, 'refused' after it refused this window, 'online' after the next success. */
  connection(): Connection;
  onConnection(listener: (connection: Connection) => void): () => void;
  /** The address of a stored photo for <img src>; components never build these themselves. */
  mediaUrl(variant: MediaVariant, hash: string): string;
}

/** Files are addressed by a sha256; anything else never becomes part of an address. */
const MEDIA_HASH = /^[0-9a-f]{64}$/;

export function isMediaHash(hash: string): boolean {
  return MEDIA_HASH.test(hash);
}

export function createClient(transport: Transport): ApiClient {
  let connection: Connection = 'online';
  const listeners = new Set<(c: Connection) => void>();
  const setConnection = (next: Connection): void => {
    if (next === connection) return;
    connection = next;
    for (const l of [...listeners]) l(next);
  };
  // A refused push channel only looks dropped (EventSource hides the status): the calls know better.
  transport.onChannelState?.((channel) => {
    if (channel === 'offline' && connection === 'refused') return;
    setConnection(channel);
  });

  return {
    transport: transport.name,
    async invoke<K extends HandlerName>(name: K, args: HandlerInput<K>): Promise<HandlerOutput<K>> {
      let result: InvokeResult<unknown>;
      try {
        result = await transport.call(name, args);
      } catch (err) {
        const shape = err instanceof ClientError ? err.shape : errorShapeOf(err);
        if (shape.kind === 'network') setConnection('offline');
        else if (shape.code === 'auth.session') setConnection('refused');
        throw new ClientError(shape);
      }
      setConnection('online');
      if (result.ok) return result.value as HandlerOutput<K>;
      throw new ClientError(result.error);
    },
    on: (event, listener) => transport.on(event, listener),
    connection: () => connection,
    mediaUrl(variant, hash) {
      if (!isMediaHash(hash)) throw new Error('Not a media file hash');
      return transport.mediaUrl(variant, hash);
    },
    onConnection(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
