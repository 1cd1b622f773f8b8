import type { EventName, Events } from '../shared/contract';
import type { Logger } from './logger';

export type EventListener<E extends EventName> = (payload: Events[E]) => void;

export interface EventHub {
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  clear(): void;
}

/** Synchronous fan-out. A failing listener is logged and does not stop the others or the handler that emitted. */
export function createEventHub(logger: Logger): EventHub {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  return {
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          listener(payload);
        } catch (err) {
          logger.error('event listener failed', { event, error: err instanceof Error ? err.message : String(err) });
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}
