import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { EventName, Events, InvokeResult } from '../shared/contract';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/transport';
import { forwardBackendEvents, registerInvokeChannel, type EventTarget } from './ipc';
import { isAppRendererUrl } from './window-options';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle: (channel: string, listener: Listener) => void handlers.set(channel, listener),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

const frameEvent = (url: string | null, parent: unknown = null) =>
  ({ senderFrame: url === null ? null : { url, parent } }) as unknown as IpcMainInvokeEvent;

const isApp = (url: string) => isAppRendererUrl(url, {});

describe('IPC invoke channel', () => {
  it('passes calls from the app renderer to the backend', async () => {
    const ipc = fakeIpcMain();
    const invoke = vi.fn(async (): Promise<InvokeResult<unknown>> => ({ ok: true, value: 42 }));
    registerInvokeChannel(ipc as never, invoke, isApp);
    const handler = ipc.handlers.get(IPC_INVOKE_CHANNEL)!;
    await expect(handler(frameEvent('app://renderer/index.html'), 'app-info', {})).resolves.toEqual({ ok: true, value: 42 });
    expect(invoke).toHaveBeenCalledWith('app-info', {});
  });

  it.each([
    ['a foreign page', frameEvent('https://evil.example/')],
    ['a file page', frameEvent('file:///tmp/x.html')],
    ['a destroyed frame', frameEvent(null)],
    ['a sub-frame of the app', frameEvent('app://renderer/index.html', { url: 'app://renderer/index.html' })],
  ])('refuses calls from %s without reaching the backend', async (_what, event) => {
    const ipc = fakeIpcMain();
    const invoke = vi.fn();
    const refused = vi.fn();
    registerInvokeChannel(ipc as never, invoke, isApp, refused);
    const answer = await ipc.handlers.get(IPC_INVOKE_CHANNEL)!(event, 'articles-list', {});
    expect(answer).toMatchObject({ ok: false, error: { kind: 'auth', code: 'transport.untrustedSender' } });
    expect(invoke).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledOnce();
  });

  it('can be unregistered', () => {
    const ipc = fakeIpcMain();
    const unregister = registerInvokeChannel(ipc as never, vi.fn(), isApp);
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });
});

describe('backend events to windows', () => {
  it('sends events to app windows only', () => {
    const emitter = new EventEmitter();
    const on = <E extends EventName>(event: E, listener: (payload: Events[E]) => void) => {
      emitter.on(event, listener);
      return () => void emitter.off(event, listener);
    };
    const target = (url: string, destroyed = false): EventTarget & { sent: unknown[][] } => {
      const sent: unknown[][] = [];
      return { sent, isDestroyed: () => destroyed, getURL: () => url, send: (...args: unknown[]) => void sent.push(args) };
    };
    const app = target('app://renderer/index.html');
    const foreign = target('https://evil.example/');
    const closed = target('app://renderer/index.html', true);
    const stop = forwardBackendEvents(on, () => [app, foreign, closed], isApp);
    emitter.emit('articles-changed', { ids: ['x'] });
    expect(app.sent).toEqual([[IPC_EVENT_CHANNEL, 'articles-changed', { ids: ['x'] }]]);
    expect(foreign.sent).toEqual([]);
    expect(closed.sent).toEqual([]);
    stop();
    expect(emitter.listenerCount('articles-changed')).toBe(0);
  });
});
