/**
 * The Electron shell: app lifecycle, one hardened window, the IPC transport over the backend and
 * nothing else. All product logic lives in src/core.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, shell, type WebContents } from 'electron';
import { createBackend, type Backend } from '../core/backend';
import { registerAppScheme, serveMediaFiles, serveRendererFiles } from './app-protocol';
import { forwardBackendEvents, registerInvokeChannel } from './ipc';
import { safeStorageSecretStore } from './secret-store';
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
