/**
 * Every security-relevant setting of the Electron shell in one place, free of Electron at run time,
 * so tests can assert them without launching Electron.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { contentSecurityPolicy } from '../shared/content-security-policy';

/** The built renderer is served from this privileged scheme instead of file:// (no access to other local files). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    devTools: true,
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Redaksi',
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    show: false,
    backgroundColor: '#f4f1ea',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** The policy for the renderer's documents: strict for built files, widened only for Vite's dev server. */
export function rendererContentSecurityPolicy(devServerUrl?: string): string {
  return contentSecurityPolicy(devServerUrl ? { devServerOrigin: new URL(devServerUrl).origin } : {});
}

/** Where the renderer is loaded from: the Vite dev server while developing, the app:// scheme otherwise. */
export interface RendererLocation {
  devServerUrl?: string;
}

/** True when `url` is a page of the app's own renderer (the only frames that may call the backend). */
export function isAppRendererUrl(url: string, location: RendererLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.devServerUrl) {
    return parsed.origin === new URL(location.devServerUrl).origin;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * Links the user may open in the system browser: plain http(s) with a host and no credentials.
 * Everything else (file:, javascript:, custom schemes, user:pass@) is refused.
 */
export function externalUrlToOpen(url: string): string | null {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (!parsed.hostname || parsed.username || parsed.password) return null;
  return parsed.href;
}

/** Permissions the renderer may be granted. None: the app needs no camera, location, notifications... */
export const ALLOWED_PERMISSIONS: readonly string[] = [];
