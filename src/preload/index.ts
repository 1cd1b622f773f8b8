/**
 * The only thing the sandboxed renderer gets from Electron: `window.redaksi`, a typed invoke for the
 * contract's handlers and a subscription to its push events. No ipcRenderer, no Node, no event
 * objects cross the bridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_NAMES, isHandlerName, type EventName, type Events, type HandlerName, type InvokeResult } from '../shared/contract';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type RedaksiBridge } from '../shared/transport';

type AnyListener = (payload: unknown) => void;
const listeners = new Map<EventName, Set<AnyListener>>();

function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as string[]).includes(value);
}

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (!isEventName(name)) return;
  for (const listener of [...(listeners.get(name) ?? [])]) {
    try {
      listener(payload);
    } catch (err) {
      console.error(`Listener for ${name} failed`, err);
    }
  }
});

const bridge: RedaksiBridge = {
  invoke(name: HandlerName, args: unknown): Promise<InvokeResult<unknown>> {
    if (!isHandlerName(name)) {
      return Promise.resolve({
        ok: false,
        error: { kind: 'not-found', code: 'unknownHandler', message: 'Unknown handler', retryable: false },
      });
    }
    return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, name, args) as Promise<InvokeResult<unknown>>;
  },
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    if (!isEventName(event) || typeof listener !== 'function') {
      throw new TypeError(`Unknown event: ${String(event)}`);
    }
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const entry = listener as AnyListener;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  },
};

contextBridge.exposeInMainWorld('redaksi', bridge);
