/**
 * The Electron shell: app lifecycle, one hardened window, the IPC transport over the backend and
 * nothing else. All product logic lives in src/core.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell, type WebContents } from 'electron';
import { createBackend, type Backend } from '../core/backend';
import type { CommandId } from '../shared/commands';
import type { Settings } from '../shared/domain';
import { IPC_EVENT_CHANNEL } from '../shared/transport';
import { appMenuTemplate } from './app-menu';
import { registerAppScheme, serveMediaFiles, serveRendererFiles } from './app-protocol';
import { forwardBackendEvents, registerInvokeChannel } from './ipc';
import { safeStorageSecretStore } from './secret-store';
import { contextMenuTemplate, newsroomDictionaryPath, setUpSpelling, USER_WORDS_FILE, UserWords } from './spelling';
import { describeStartupFailure } from './startup-failure';
import {
  ALLOWED_PERMISSIONS,
  APP_ENTRY_URL,
  externalUrlToOpen,
  isAppRendererUrl,
  mainWindowOptions,
  rendererContentSecurityPolicy,
  type RendererLocation,
} from './window-options';

// electron-vite sets this only for `electron-vite dev`; a packaged app always loads its own files.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererLocation: RendererLocation = devServerUrl ? { devServerUrl } : {};
const isAppUrl = (url: string): boolean => isAppRendererUrl(url, rendererLocation);

let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;
/** The settings the menus are built for (language, role); kept current from 'settings-changed'. */
let menuSettings: Pick<Settings, 'language' | 'role'> = { language: 'id', role: 'writer' }; // the settings' defaults
let userWords: UserWords | null = null;

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another Redaksi already has the database open; it brings its window forward (second-instance).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start, (err: unknown) => fatal(err));
}

function fatal(err: unknown): void {
  const { title, message } = describeStartupFailure(err, app.getPath('userData'), app.getLocale());
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function start(): void {
  try {
    const dataDir = app.getPath('userData');
    backend = createBackend({ dataDir, appVersion: app.getVersion(), transport: 'electron', secrets: safeStorageSecretStore(safeStorage, dataDir) });
  } catch (err) {
    fatal(err);
    return;
  }
  hardenSession(backend);
  registerInvokeChannel(ipcMain, backend.invoke, isAppUrl, (url) => console.warn(`[redaksi] refused a call from ${url || 'an unknown frame'}`));
  forwardBackendEvents(
    backend.on,
    () => BrowserWindow.getAllWindows().map((window) => window.webContents),
    isAppUrl,
  );
  setUpMenus(backend);
  createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
}

function hardenSession(running: Backend): void {
  const ses = session.defaultSession;
  if (!devServerUrl) serveRendererFiles(ses, path.join(__dirname, '../renderer'));
  serveMediaFiles(ses, (variant, hash) => running.media.resolveFile(variant, hash));
  const csp = rendererContentSecurityPolicy(devServerUrl);
  // The dev server's answers get the policy here; app:// answers carry it from the protocol handler.
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-security-policy') delete headers[key];
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(ALLOWED_PERMISSIONS.includes(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.includes(permission));
  ses.on('will-download', (event) => event.preventDefault());
  userWords = new UserWords(path.join(app.getPath('userData'), USER_WORDS_FILE));
  let dictionaryText = '';
  try {
    dictionaryText = fs.readFileSync(newsroomDictionaryPath({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() }), 'utf8');
  } catch (err) {
    // Spelling still works without the newsroom's words; say so in the log rather than fail to start.
    console.warn(`[redaksi] newsroom dictionary not loaded: ${err instanceof Error ? err.message : String(err)}`);
  }
  setUpSpelling(ses, { platform: process.platform, dictionaryText, userWords });
}

/** Asks the app's own windows to run a command (as its shortcut would). */
function sendCommand(command: CommandId): void {
  for (const window of BrowserWindow.getAllWindows()) {
    const contents = window.webContents;
    if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(IPC_EVENT_CHANNEL, 'menu-command', { command });
  }
}

function buildAppMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ ...menuSettings, platform: process.platform, send: sendCommand })));
}

/** The menu speaks the UI language and shows the queue to editors: rebuilt when either changes. */
function setUpMenus(running: Backend): void {
  buildAppMenu();
  running.on('settings-changed', (settings) => {
    if (settings.language === menuSettings.language && settings.role === menuSettings.role) return;
    menuSettings = { language: settings.language, role: settings.role };
    buildAppMenu();
  });
  void running.invoke('settings-get', {}).then((result) => {
    if (!result.ok) return;
    const { language, role } = result.value as Settings;
    menuSettings = { language, role };
    buildAppMenu();
  });
}

function showContextMenu(contents: WebContents, params: Electron.ContextMenuParams): void {
  const template = contextMenuTemplate(params, menuSettings.language, {
    replace: (suggestion) => contents.replaceMisspelling(suggestion),
    addToDictionary: (word) => {
      contents.session.addWordToSpellCheckerDictionary(word);
      userWords?.add(word);
    },
  });
  if (template.length === 0) return;
  const window = BrowserWindow.fromWebContents(contents);
  Menu.buildFromTemplate(template).popup(window ? { window } : {});
}

function openExternally(url: string): void {
  const safe = externalUrlToOpen(url);
  if (safe) void shell.openExternal(safe);
}

function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openExternally(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('context-menu', (_event, params) => {
    if (isAppUrl(contents.getURL())) showContextMenu(contents, params);
  });
}

app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

function createMainWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(path.join(__dirname, '../preload/index.js')));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  backend?.close();
  backend = null;
});
