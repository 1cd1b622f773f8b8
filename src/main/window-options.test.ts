import { describe, expect, it } from 'vitest';
import {
  ALLOWED_PERMISSIONS,
  APP_ENTRY_URL,
  externalUrlToOpen,
  isAppRendererUrl,
  mainWindowOptions,
  rendererContentSecurityPolicy,
} from './window-options';
import { describeStartupFailure } from './startup-failure';
import { AppError } from '../shared/errors';

describe('window security settings', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.js').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
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
    });
  });

  it('grants no permission', () => {
    expect(ALLOWED_PERMISSIONS).toEqual([]);
  });

  it('sends a strict policy for built files and widens it only for the dev server', () => {
    const built = rendererContentSecurityPolicy();
    expect(built).toContain("default-src 'self'");
    expect(built).toContain("script-src 'self';");
    expect(built).toContain("object-src 'none'");
    expect(built).not.toContain('unsafe-inline');
    expect(built).not.toContain('unsafe-eval');
    const dev = rendererContentSecurityPolicy('http://localhost:5173/');
    expect(dev).toContain('http://localhost:5173');
    expect(dev).toContain('ws://localhost:5173');
    expect(dev).not.toContain('unsafe-eval');
  });
});

describe('which pages are the app', () => {
  it('accepts only app://renderer pages for built files', () => {
    expect(isAppRendererUrl(APP_ENTRY_URL, {})).toBe(true);
    expect(isAppRendererUrl('app://renderer/index.html#/articles', {})).toBe(true);
    expect(isAppRendererUrl('app://other/index.html', {})).toBe(false);
    expect(isAppRendererUrl('file:///app/out/renderer/index.html', {})).toBe(false);
    expect(isAppRendererUrl('https://evil.example/', {})).toBe(false);
    expect(isAppRendererUrl('', {})).toBe(false);
    expect(isAppRendererUrl('http://localhost:5173/', {})).toBe(false);
  });

  it('accepts only the dev server origin while developing', () => {
    const dev = { devServerUrl: 'http://localhost:5173/' };
    expect(isAppRendererUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppRendererUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppRendererUrl('http://localhost.evil.example:5173/', dev)).toBe(false);
    expect(isAppRendererUrl(APP_ENTRY_URL, dev)).toBe(false);
  });
});

describe('links opened in the system browser', () => {
  it.each(['https://kukarnews.id/berita/1', 'http://portal.example/a?b=c#d'])('opens %s', (url) => {
    expect(externalUrlToOpen(url)).toBe(new URL(url).href);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://renderer/index.html',
    'smb://server/share',
    'https://user:secret@portal.example/',
    'not a url',
    `https://example.com/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(externalUrlToOpen(url)).toBeNull();
  });
});

describe('startup failure dialog', () => {
  it('explains a newer database in the system language first, then the other', () => {
    const err = new AppError({ kind: 'unsupported', code: 'database.tooNew', message: 'schema 9 > 2' });
    const id = describeStartupFailure(err, '/home/ayu/.config/Redaksi', 'id-ID');
    expect(id.title).toBe('Redaksi tidak dapat dibuka');
    expect(id.message.indexOf('versi Redaksi yang lebih baru')).toBeLessThan(id.message.indexOf('newer version of Redaksi'));
    const en = describeStartupFailure(err, '/home/ayu/.config/Redaksi', 'en-US');
    expect(en.title).toBe('Redaksi cannot open');
    expect(en.message.indexOf('newer version of Redaksi')).toBeLessThan(en.message.indexOf('versi Redaksi yang lebih baru'));
  });

  it('says which folder is in use by another Redaksi and what to do, in both languages', () => {
    const err = new AppError({ kind: 'conflict', code: 'dataFolder.inUse', message: 'in use' });
    const { message } = describeStartupFailure(err, '/home/ayu/.config/Redaksi', 'id-ID');
    expect(message).toContain('Folder data /home/ayu/.config/Redaksi sedang dipakai Redaksi lain');
    expect(message).toContain('Close that one first');
    expect(message).not.toContain('tidak dapat dibuka:');
  });
});
