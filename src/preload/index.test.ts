import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RedaksiBridge } from '../shared/transport';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/transport';

const exposed = new Map<string, unknown>();
const ipcListeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'answer' }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => ipcListeners.set(channel, listener),
  },
}));

async function loadBridge(): Promise<RedaksiBridge> {
  vi.resetModules();
  exposed.clear();
  await import('./index');
  return exposed.get('redaksi') as RedaksiBridge;
}

describe('preload bridge', () => {
  beforeEach(() => invoke.mockClear());

  it('exposes only invoke and on as window.redaksi', async () => {
    const bridge = await loadBridge();
    expect([...exposed.keys()]).toEqual(['redaksi']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('sends known handlers over the invoke channel', async () => {
    const bridge = await loadBridge();
    await expect(bridge.invoke('articles-list', { scope: 'active' })).resolves.toEqual({ ok: true, value: 'answer' });
    expect(invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'articles-list', { scope: 'active' });
  });

  it('answers unknown handler names itself, without sending them', async () => {
    const bridge = await loadBridge();
    const answer = await bridge.invoke('shell-exec' as never, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'unknownHandler' } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('delivers known events to their listeners until unsubscribed, without the IPC event object', async () => {
    const bridge = await loadBridge();
    const listener = vi.fn();
    const unsubscribe = bridge.on('articles-changed', listener);
    const fromMain = ipcListeners.get(IPC_EVENT_CHANNEL)!;
    fromMain({ sender: 'ipc internals' }, 'articles-changed', { ids: ['a'] });
    fromMain({}, 'settings-changed', { language: 'en' });
    fromMain({}, 'not-an-event', {});
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({ ids: ['a'] });
    unsubscribe();
    fromMain({}, 'articles-changed', { ids: ['b'] });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('refuses subscriptions to unknown events', async () => {
    const bridge = await loadBridge();
    expect(() => bridge.on('everything' as never, () => undefined)).toThrow(/Unknown event/);
  });
});
