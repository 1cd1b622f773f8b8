/**
 * The hostile-input table over the Electron IPC loop of src/main/ipc.ts, driven through a stand-in
 * ipcMain (Electron cannot run on build machines). Arguments are structured-cloned on the way, as
 * Electron's IPC does. Also what only IPC can carry: names that are not strings, and calls from
 * frames that are not the app's own, for every handler.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineHostileSuite, describeProblems, runCases, seedHostileWorld, snapshotStore, type HostileWorld, type Send } from '../core/testing/hostile-harness';
import { HANDLER_SPECS, type HostileCase } from '../core/testing/hostile-inputs';
import { HANDLER_NAMES } from '../shared/contract';
import { IPC_INVOKE_CHANNEL } from '../shared/transport';
import { registerInvokeChannel } from './ipc';
import { APP_ENTRY_URL, isAppRendererUrl } from './window-options';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

interface Frame {
  url: string;
  parent: unknown;
}

/** ipcMain as src/main/index.ts wires it, and a renderer-side invoke that clones like Electron. */
function ipcLoop(world: HostileWorld) {
  const handlers = new Map<string, Listener>();
  const ipcMain = { handle: (channel: string, listener: Listener) => void handlers.set(channel, listener), removeHandler: (channel: string) => void handlers.delete(channel) };
  const refused: string[] = [];
  const unregister = registerInvokeChannel(ipcMain as never, world.t.backend.invoke, (url) => isAppRendererUrl(url, {}), (url) => refused.push(url));
  const invoke = async (frame: Frame | null, ...args: unknown[]) => {
    const listener = handlers.get(IPC_INVOKE_CHANNEL);
    if (!listener) throw new Error('no handler on the invoke channel');
    return listener({ senderFrame: frame } as unknown as IpcMainInvokeEvent, ...structuredClone(args));
  };
  return { handlers, refused, unregister, invoke };
}

const APP_FRAME: Frame = { url: APP_ENTRY_URL, parent: null };

defineHostileSuite('Electron IPC loop', async (world) => {
  const loop = ipcLoop(world);
  return {
    send: async (name, input) => ({ envelope: await loop.invoke(APP_FRAME, name, input) }),
    close: () => loop.unregister(),
  };
});

describe('hostile IPC calls', () => {
  let world: HostileWorld;
  let loop: ReturnType<typeof ipcLoop>;
  beforeAll(async () => {
    world = await seedHostileWorld();
    loop = ipcLoop(world);
  });
  afterAll(() => {
    loop?.unregister();
    world?.t.dispose();
  });

  it('answers handler names that are not strings with unknownHandler', async () => {
    const names: unknown[] = [42, null, undefined, true, {}, ['app-info'], { toString: 'app-info' }, new Uint8Array([97])];
    const cases: HostileCase[] = names.map((name, i) => ({ handler: String(i), label: `name ${JSON.stringify(name) ?? String(name)}`, input: name, expect: ['not-found'] }));
    const send: Send = async (_name, input) => ({ envelope: await loop.invoke(APP_FRAME, input, {}) });
    expect(describeProblems(await runCases(cases, send))).toEqual([]);
  });

  it('refuses every handler to frames that are not the app, even with valid input, reaching nothing', async () => {
    const before = snapshotStore(world.t.dataDir);
    const frames: [string, Frame | null][] = [
      ['a foreign page', { url: 'https://evil.example/', parent: null }],
      ['a look-alike host', { url: 'app://renderer.evil.example/index.html', parent: null }],
      ['another app:// host', { url: 'app://other/index.html', parent: null }],
      ['a file page', { url: 'file:///tmp/index.html', parent: null }],
      ['a data: page', { url: 'data:text/html,<script>1</script>', parent: null }],
      ['the dev server address in a built app', { url: 'http://localhost:5173/', parent: null }],
      ['a sub-frame of the app', { url: APP_ENTRY_URL, parent: { url: APP_ENTRY_URL } }],
      ['a destroyed frame', null],
      ['a frame with no url', { url: '', parent: null }],
    ];
    const cases: HostileCase[] = [];
    const frameOf = new Map<HostileCase, Frame | null>();
    for (const name of HANDLER_NAMES) {
      const spec = HANDLER_SPECS[name];
      expect(spec, `no example input for "${name}"`).toBeDefined();
      for (const [what, frame] of frames) {
        const c: HostileCase = { handler: name, label: `valid input from ${what}`, input: spec!.example(world.ctx), expect: ['auth'] };
        frameOf.set(c, frame);
        cases.push(c);
      }
    }
    const refusedBefore = loop.refused.length;
    const send: Send = async (name, input, c) => ({ envelope: await loop.invoke(frameOf.get(c!)!, name, input) });
    expect(describeProblems(await runCases(cases, send))).toEqual([]);
    expect(loop.refused.length - refusedBefore).toBe(cases.length);
    expect(snapshotStore(world.t.dataDir)).toEqual(before);
  });
});
