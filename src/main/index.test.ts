/**
 * The Electron shell's wiring, checked against a stand-in for Electron (its binary cannot run on
 * build machines): the backend opens in userData and closes on quit, the window gets the secure
 * settings, navigation and pop-ups are contained, permissions are refused, the renderer is served
 * from app:// with its CSP, and IPC answers only the app's own frames.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE_NAME } from '../core/backend';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/transport';

type Handler = (...args: unknown[]) => unknown;

type MenuTemplate = { id?: string; label?: string; role?: string; accelerator?: string; submenu?: MenuTemplate; click?: () => void }[];

const fake = vi.hoisted(() => {
  class FakeEmitter {
    readonly listeners = new Map<string, ((...args: unknown[]) => unknown)[]>();
    on(event: string, fn: (...args: unknown[]) => unknown) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
      return this;
    }
    once(event: string, fn: (...args: unknown[]) => unknown) {
      return this.on(event, fn);
    }
    emit(event: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(event) ?? []) fn(...args);
    }
  }
  class FakeWebContents extends FakeEmitter {
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    url = '';
    sent: unknown[][] = [];
    replaced: string[] = [];
    get session() {
      return session.defaultSession;
    }
    replaceMisspelling(word: string) {
      this.replaced.push(word);
    }
    setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = fn;
    }
    isDestroyed() {
      return false;
    }
    getURL() {
      return this.url;
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
  }
  const state = {
    userData: '',
    readyResolve: null as null | (() => void),
    order: [] as string[],
    windows: [] as { options: Record<string, unknown>; webContents: FakeWebContents; loaded: string[] }[],
    ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    /** Channels registered any other way than ipcMain.handle (each would need its own sender check). */
    otherIpcListeners: [] as string[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    headersHandler: null as null | ((details: unknown, callback: (result: unknown) => void) => void),
    permissionRequest: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: null as null | ((wc: unknown, permission: string) => boolean),
    opened: [] as string[],
    errorBoxes: [] as string[][],
    exitCode: null as number | null,
    /** Every application menu set, newest last (as templates). */
    appMenus: [] as MenuTemplate[],
    popups: [] as MenuTemplate[],
    spellLanguages: null as string[] | null,
    spellWords: [] as string[],
  };
  const app = new (class extends FakeEmitter {
    isPackaged = true;
    enableSandbox = () => state.order.push('enableSandbox');
    requestSingleInstanceLock = () => true;
    whenReady = () => new Promise<void>((resolve) => (state.readyResolve = resolve));
    getPath = (name: string) => (name === 'userData' ? state.userData : '/nonexistent');
    getVersion = () => '9.9.9';
    getLocale = () => 'id';
    getAppPath = () => '/nonexistent';
    quit = () => undefined;
    exit = (code: number) => {
      state.exitCode = code;
    };
  })();
  class BrowserWindow extends FakeEmitter {
    readonly webContents = new FakeWebContents();
    readonly record: { options: Record<string, unknown>; webContents: FakeWebContents; loaded: string[] };
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options, webContents: this.webContents, loaded: [] };
      state.windows.push(this.record);
      app.emit('web-contents-created', {}, this.webContents);
    }
    static getAllWindows() {
      return state.windows.map((w) => ({ webContents: w.webContents }));
    }
    static fromWebContents() {
      return null;
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      this.webContents.url = url;
      return Promise.resolve();
    }
    show() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
  }
  const session = {
    defaultSession: Object.assign(new FakeEmitter(), {
      protocol: { handle: (scheme: string, fn: (request: Request) => Promise<Response>) => state.protocolHandlers.set(scheme, fn) },
      webRequest: { onHeadersReceived: (fn: typeof state.headersHandler) => (state.headersHandler = fn) },
      setPermissionRequestHandler: (fn: typeof state.permissionRequest) => (state.permissionRequest = fn),
      setPermissionCheckHandler: (fn: typeof state.permissionCheck) => (state.permissionCheck = fn),
      availableSpellCheckerLanguages: ['en-US', 'id', 'de'],
      setSpellCheckerLanguages: (languages: string[]) => (state.spellLanguages = languages),
      addWordToSpellCheckerDictionary: (word: string) => (state.spellWords.push(word), true),
    }),
  };
  const Menu = {
    buildFromTemplate: (template: MenuTemplate) => ({ template, popup: () => state.popups.push(template) }),
    setApplicationMenu: (menu: { template: MenuTemplate }) => state.appMenus.push(menu.template),
  };
  return { state, app, BrowserWindow, session, Menu, FakeWebContents };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.BrowserWindow,
  Menu: fake.Menu,
  session: fake.session,
  dialog: { showErrorBox: (title: string, message: string) => fake.state.errorBoxes.push([title, message]) },
  ipcMain: {
    handle: (channel: string, fn: Handler) => fake.state.ipcHandlers.set(channel, fn),
    removeHandler: (channel: string) => fake.state.ipcHandlers.delete(channel),
    handleOnce: (channel: string) => fake.state.otherIpcListeners.push(`handleOnce ${channel}`),
    on: (channel: string) => fake.state.otherIpcListeners.push(`on ${channel}`),
    once: (channel: string) => fake.state.otherIpcListeners.push(`once ${channel}`),
    addListener: (channel: string) => fake.state.otherIpcListeners.push(`addListener ${channel}`),
  },
  shell: { openExternal: (url: string) => (fake.state.opened.push(url), Promise.resolve()) },
  protocol: { registerSchemesAsPrivileged: () => fake.state.order.push('registerSchemes') },
  safeStorage: {
    isAsyncEncryptionAvailable: async () => true,
    encryptStringAsync: async (text: string) => Buffer.from(`sealed:${text}`),
    decryptStringAsync: async (data: Buffer) => ({ result: data.toString().replace(/^sealed:/, ''), shouldReEncrypt: false }),
  },
}));

async function startShell(): Promise<void> {
  await import('./index');
  // Both must happen before the app is ready.
  expect(fake.state.order).toEqual(['enableSandbox', 'registerSchemes']);
  fake.state.readyResolve!();
}

// Electron sets this for a packaged app; the repository's resources/ stands in for it.
const processWithResources = process as { resourcesPath?: string };
const nodeResourcesPath = processWithResources.resourcesPath;

describe('Electron shell', () => {
  beforeEach(async () => {
    processWithResources.resourcesPath = path.resolve(__dirname, '../../resources');
    vi.resetModules();
    Object.assign(fake.state, { order: [], windows: [], opened: [], errorBoxes: [], exitCode: null, otherIpcListeners: [], appMenus: [], popups: [], spellLanguages: null, spellWords: [] });
    fake.state.ipcHandlers.clear();
    fake.state.protocolHandlers.clear();
    fake.app.listeners.clear();
    fake.state.userData = await mkdtemp(path.join(os.tmpdir(), 'redaksi-shell-'));
  });

  afterEach(async () => {
    processWithResources.resourcesPath = nodeResourcesPath;
    fake.app.emit('will-quit');
    await rm(fake.state.userData, { recursive: true, force: true });
  });

  it('opens one secured window on the app:// renderer with the backend behind IPC', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await startShell();
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
    const [window] = fake.state.windows;
    const prefs = window!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(prefs.preload)).toMatch(/preload[/\\]index\.js$/);
    expect(window!.loaded).toEqual(['app://renderer/index.html']);

    // IPC: the app's frame reaches the backend (opened in userData); a foreign frame does not.
    const invoke = fake.state.ipcHandlers.get(IPC_INVOKE_CHANNEL)!;
    const appFrame = { senderFrame: { url: 'app://renderer/index.html', parent: null } };
    await expect(invoke(appFrame, 'app-info', {})).resolves.toEqual({
      ok: true,
      value: expect.objectContaining({ version: '9.9.9', transport: 'electron' }),
    });
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
    await expect(invoke(foreign, 'articles-list', {})).resolves.toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('https://evil.example/'));
    // The checked invoke channel is the only way in: no other IPC listener exists to forget the check.
    expect([...fake.state.ipcHandlers.keys()]).toEqual([IPC_INVOKE_CHANNEL]);
    expect(fake.state.otherIpcListeners).toEqual([]);

    // Navigation stays inside the app; web links go to the system browser, other schemes nowhere.
    const contents = window!.webContents;
    /** Whether the shell's listener for `event` cancelled it. */
    const prevents = (target: InstanceType<typeof fake.FakeWebContents>, event: string, ...args: unknown[]) => {
      let prevented = false;
      target.emit(event, { preventDefault: () => (prevented = true) }, ...args);
      return prevented;
    };
    const navigate = (url: string) => prevents(contents, 'will-navigate', url);
    expect(navigate('app://renderer/index.html#x')).toBe(false);
    expect(navigate('https://kukarnews.id/berita')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://portal.example/a' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(fake.state.opened).toEqual(['https://kukarnews.id/berita', 'https://portal.example/a']);
    expect(prevents(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(prevents(contents, 'will-redirect', 'app://renderer/index.html')).toBe(false);
    expect(prevents(contents, 'will-attach-webview')).toBe(true);
    // Any other web contents (a devtools or a future window) is locked down the same way.
    const other = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', {}, other);
    expect(other.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(prevents(other, 'will-navigate', 'https://evil.example/')).toBe(true);

    // Permissions: refused.
    const granted: boolean[] = [];
    fake.state.permissionRequest!(contents, 'media', (g) => granted.push(g));
    fake.state.permissionRequest!(contents, 'notifications', (g) => granted.push(g));
    expect(granted).toEqual([false, false]);
    expect(fake.state.permissionCheck!(contents, 'geolocation')).toBe(false);

    // The renderer's files come with the strict CSP; paths outside the renderer folder do not resolve.
    const serveApp = fake.state.protocolHandlers.get('app')!;
    const page = await serveApp(new Request('app://renderer/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const outside = await serveApp(new Request('app://renderer/%2e%2e/%2e%2e/package.json'));
    expect(outside.status).toBe(404);
    const otherHost = await serveApp(new Request('app://elsewhere/index.html'));
    expect(otherHost.status).toBe(404);

    // Photos come only from the media store, by hash.
    const serveMedia = fake.state.protocolHandlers.get('redaksi-media')!;
    const unknown = await serveMedia(new Request(`redaksi-media://full/${'a'.repeat(64)}`));
    expect(unknown.status).toBe(404);
    expect((await serveMedia(new Request('redaksi-media://full/..%2f..%2fpackage.json'))).status).toBe(404);
    expect((await serveMedia(new Request(`redaksi-media://original/${'a'.repeat(64)}`))).status).toBe(404);
    const sharp = (await import('sharp')).default;
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0f4c5c' } }).jpeg().toBuffer();
    const imported = (await invoke(appFrame, 'media-import', { fileName: 'foto.jpg', data: new Uint8Array(jpeg) })) as {
      ok: true;
      value: { fileHash: string; thumbHash: string };
    };
    expect(imported.ok).toBe(true);
    const stored = await serveMedia(new Request(`redaksi-media://full/${imported.value.fileHash}`));
    expect(stored.status).toBe(200);
    expect(stored.headers.get('content-type')).toBe('image/jpeg');
    expect((await serveMedia(new Request(`redaksi-media://thumb/${imported.value.thumbHash}`))).status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain('img-src \'self\' data: blob: redaksi-media:');

    // Responses loaded over the network (the dev server) get the CSP header as well.
    let headers: Record<string, string[]> = {};
    fake.state.headersHandler!({ responseHeaders: { 'content-security-policy': ['default-src *'] } }, (result) => {
      headers = (result as { responseHeaders: Record<string, string[]> }).responseHeaders;
    });
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Security-Policy']![0]).toContain("default-src 'self'");

    // Quitting closes the backend: later calls are refused politely.
    fake.app.emit('will-quit');
    await expect(invoke(appFrame, 'app-info', {})).resolves.toMatchObject({ ok: false, error: { code: 'backend.closed' } });
    expect(fake.state.errorBoxes).toEqual([]);
  });

  it('builds the menu in the UI language, rebuilds it on a change and sends its commands to the page', async () => {
    await startShell();
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
    const invoke = fake.state.ipcHandlers.get(IPC_INVOKE_CHANNEL)!;
    const appFrame = { senderFrame: { url: 'app://renderer/index.html', parent: null } };
    const topLabels = () => fake.state.appMenus.at(-1)!.map((menu) => menu.label);
    await vi.waitFor(() => expect(topLabels()).toEqual(['Berkas', 'Sunting', 'Tampilan', 'Naskah', 'Bantuan']));

    await invoke(appFrame, 'settings-update', { language: 'en', role: 'editor' });
    expect(topLabels()).toEqual(['File', 'Edit', 'View', 'Article', 'Help']);
    const view = fake.state.appMenus.at(-1)!.find((menu) => menu.id === 'view')!;
    expect(view.submenu!.map((item) => item.label)).toContain('Publish queue');
    const built = fake.state.appMenus.length;
    await invoke(appFrame, 'settings-update', { theme: 'dark' });
    expect(fake.state.appMenus, 'other settings leave the menu alone').toHaveLength(built);

    const file = fake.state.appMenus.at(-1)!.find((menu) => menu.id === 'file')!;
    file.submenu!.find((item) => item.id === 'new-article')!.click!();
    expect(fake.state.windows[0]!.webContents.sent).toContainEqual([IPC_EVENT_CHANNEL, 'menu-command', { command: 'new-article' }]);
  });

  it('checks spelling in Indonesian and English with the newsroom words, and keeps the words added from the menu', async () => {
    await startShell();
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
    expect(fake.state.spellLanguages).toEqual(['id', 'en-US']);
    expect(fake.state.spellWords).toEqual(expect.arrayContaining(['Tenggarong', 'Kukar', 'Sangasanga', 'DPRD']));

    const contents = fake.state.windows[0]!.webContents;
    const editFlags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
    contents.emit('context-menu', {}, { misspelledWord: 'Anggana', dictionarySuggestions: ['Anggaran'], isEditable: true, selectionText: '', editFlags });
    const popup = fake.state.popups.at(-1)!;
    popup[0]!.click!();
    expect(contents.replaced).toEqual(['Anggaran']);
    popup.find((item) => item.label === 'Tambahkan ke kamus')!.click!();
    expect(fake.state.spellWords.at(-1)).toBe('Anggana');
    expect(JSON.parse(await readFile(path.join(fake.state.userData, 'spelling-words.json'), 'utf8'))).toEqual(['Anggana']);

    // The next start teaches the checker the added word again.
    fake.app.emit('will-quit');
    vi.resetModules();
    Object.assign(fake.state, { order: [], windows: [], spellWords: [] });
    fake.state.ipcHandlers.clear();
    fake.app.listeners.clear();
    await startShell();
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
    expect(fake.state.spellWords).toContain('Anggana');
  });

  it('explains a refused database in a dialog and exits without a window', async () => {
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(fake.state.userData, DATABASE_FILE_NAME));
    db.pragma('user_version = 9999');
    db.close();
    await startShell();
    await vi.waitFor(() => expect(fake.state.exitCode).toBe(1));
    expect(fake.state.windows).toHaveLength(0);
    expect(fake.state.errorBoxes).toHaveLength(1);
    const [title, message] = fake.state.errorBoxes[0]!;
    expect(title).toBe('Redaksi tidak dapat dibuka');
    expect(message).toContain('versi Redaksi yang lebih baru');
    expect(message).toContain(fake.state.userData);
  });
});
