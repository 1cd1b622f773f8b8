/**
 * An ApiClient for renderer tests: each handler answers from a function the test sets (or fails with
 * 'unsupported', as a backend without that handler would), every call is recorded, and push events
 * can be sent as the backend would send them.
 */
import type { EventName, Events, HandlerInput, HandlerName, HandlerOutput } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/errors';
import { ClientError, type ApiClient, type Connection } from '../api/client';

type Answer<K extends HandlerName> = (args: HandlerInput<K>) => HandlerOutput<K> | Promise<HandlerOutput<K>>;

export interface Call {
  name: HandlerName;
  args: unknown;
}

export interface FakeClient extends ApiClient {
  readonly calls: Call[];
  answer<K extends HandlerName>(name: K, answer: Answer<K>): void;
  /** The handler fails with this error until answered otherwise. */
  fail(name: HandlerName, error: AppErrorShape): void;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  setConnection(connection: Connection): void;
  callsOf(name: HandlerName): unknown[];
}

export const notAvailable: AppErrorShape = { kind: 'unsupported', code: 'sync.notAvailable', message: 'Sync is not available yet.', retryable: false };

export function fakeClient({ transport = 'web' }: { transport?: ApiClient['transport'] } = {}): FakeClient {
  const answers = new Map<HandlerName, (args: unknown) => unknown>();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const connectionListeners = new Set<(c: Connection) => void>();
  const calls: Call[] = [];
  let connection: Connection = 'online';

  return {
    transport,
    calls,
    async invoke<K extends HandlerName>(name: K, args: HandlerInput<K>): Promise<HandlerOutput<K>> {
      calls.push({ name, args });
      const answer = answers.get(name);
      if (!answer) throw new ClientError(notAvailable);
      return structuredClone(await answer(args)) as HandlerOutput<K>;
    },
    answer(name, answer) {
      answers.set(name, answer as (args: unknown) => unknown);
    },
    fail(name, error) {
      answers.set(name, () => {
        throw new ClientError(error);
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
    emit(event, payload) {
      for (const l of [...(listeners.get(event) ?? [])]) (l as (p: typeof payload) => void)(payload);
    },
    connection: () => connection,
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    setConnection(next) {
      connection = next;
      for (const l of [...connectionListeners]) l(next);
    },
    callsOf: (name) => calls.filter((c) => c.name === name).map((c) => c.args),
    mediaUrl: (variant, hash) => `/media/${variant}/${hash}`,
  };
}
