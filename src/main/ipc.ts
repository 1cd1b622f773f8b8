/**
 * The Electron transport: one IPC channel carries every handler of the contract. Only frames that
 * show the app's own renderer may call it; anything else gets an auth error and reaches nothing.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { EVENT_NAMES, type EventName, type Events, type InvokeResult } from '../shared/contract';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/transport';

export type BackendInvoke = (name: string, rawArgs: unknown) => Promise<InvokeResult<unknown>>;
export type BackendSubscribe = <E extends EventName>(event: E, listener: (payload: Events[E]) => void) => () => void;

const refused: InvokeResult<never> = {
  ok: false,
  error: { kind: 'auth', code: 'transport.untrustedSender', message: 'This page may not call the app', retryable: false },
};

export function registerInvokeChannel(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  invoke: BackendInvoke,
  isTrustedSenderUrl: (url: string) => boolean,
  onRefused: (url: string) => void = () => undefined,
): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, args: unknown) => {
    // senderFrame is null when the frame navigated away or was destroyed before the message arrived;
    // sub-frames never belong to the app (its CSP forbids frames), so only a top-level frame may call.
    const frame = event.senderFrame;
    const url = frame?.url ?? '';
    if (!frame || frame.parent !== null || !isTrustedSenderUrl(url)) {
      onRefused(url);
      return refused;
    }
    return invoke(typeof name === 'string' ? name : '', args);
  });
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
}

/** Something that can receive pushed events (a window's webContents). */
export interface EventTarget {
  isDestroyed(): boolean;
  getURL(): string;
  send(channel: string, ...args: unknown[]): void;
}

/** Forwards every backend event to the windows showing the app's renderer. */
export function forwardBackendEvents(
  on: BackendSubscribe,
  targets: () => EventTarget[],
  isTrustedSenderUrl: (url: string) => boolean,
): () => void {
  const unsubscribes = EVENT_NAMES.map((name) =>
    on(name, (payload) => {
      for (const target of targets()) {
        if (!target.isDestroyed() && isTrustedSenderUrl(target.getURL())) target.send(IPC_EVENT_CHANNEL, name, payload);
      }
    }),
  );
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
