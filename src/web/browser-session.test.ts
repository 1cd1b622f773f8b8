import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirsRemovedAfterEach } from '../core/testing/temp-dirs';
import { BROWSER_SESSION_FILE_NAME, loadBrowserSession, newToken, removeStaleSessionTempFiles, saveBrowserSession } from './browser-session';

const tempDir = tempDirsRemovedAfterEach('browser-session');
const fileIn = (dir: string) => path.join(dir, BROWSER_SESSION_FILE_NAME);

describe('browser-mode access token kept per data folder', () => {
  it('makes a new token when there is no file, and saves it readable by its owner only', () => {
    const dir = tempDir();
    const first = loadBrowserSession(dir);
    expect(first.origin).toBe('new');
    expect(first.session.port).toBeNull();
    expect(first.session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const previousUmask = process.umask(0o000);
    try {
      saveBrowserSession(dir, { token: first.session.token, port: 41234 });
    } finally {
      process.umask(previousUmask);
    }
    expect(fs.statSync(fileIn(dir)).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual([BROWSER_SESSION_FILE_NAME]);
  });

  it('gives the same token and port back on the next start, so open tabs stay valid', () => {
    const dir = tempDir();
    const token = newToken();
    saveBrowserSession(dir, { token, port: 5180 });
    expect(loadBrowserSession(dir)).toEqual({ session: { token, port: 5180 }, origin: 'reused' });
    expect(loadBrowserSession(dir)).toEqual({ session: { token, port: 5180 }, origin: 'reused' });
  });

  it('tightens an existing file back to 0600 when saving over it', () => {
    const dir = tempDir();
    fs.writeFileSync(fileIn(dir), '{}', { mode: 0o644 });
    fs.chmodSync(fileIn(dir), 0o644);
    saveBrowserSession(dir, { token: newToken(), port: null });
    expect(fs.statSync(fileIn(dir)).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['not JSON', '{"version":1,"token":'],
    ['an array', '[1,2]'],
    ['no token', '{"version":1,"port":5180}'],
    ['a short token', '{"version":1,"token":"abc","port":5180}'],
    ['a token with other characters', `{"version":1,"token":"${'a'.repeat(42)}/","port":5180}`],
    ['another format version', `{"version":2,"token":"${'a'.repeat(43)}","port":5180}`],
    ['empty', ''],
  ])('makes a new token when the file is damaged (%s)', (_label, content) => {
    const dir = tempDir();
    fs.writeFileSync(fileIn(dir), content, { mode: 0o600 });
    const { session, origin } = loadBrowserSession(dir);
    expect(origin).toBe('replaced-damaged');
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.token).not.toBe('a'.repeat(43));
  });

  it('keeps the remembered port of a file whose token is damaged', () => {
    const dir = tempDir();
    fs.writeFileSync(fileIn(dir), '{"version":1,"token":"short","port":5180}', { mode: 0o600 });
    expect(loadBrowserSession(dir).session.port).toBe(5180);
  });

  it('ignores a port that is not one', () => {
    const dir = tempDir();
    const token = newToken();
    for (const port of [0, 70_000, 1.5, '5180', -1]) {
      fs.writeFileSync(fileIn(dir), JSON.stringify({ version: 1, token, port }), { mode: 0o600 });
      expect(loadBrowserSession(dir).session).toEqual({ token, port: null });
    }
  });

  it('makes a new token when other accounts could read the file (the old one may have leaked)', () => {
    const dir = tempDir();
    const token = newToken();
    saveBrowserSession(dir, { token, port: 5180 });
    fs.chmodSync(fileIn(dir), 0o644);
    const { session, origin } = loadBrowserSession(dir);
    expect(origin).toBe('replaced-unsafe');
    expect(session.token).not.toBe(token);
    expect(session.port).toBe(5180);
  });

  it('makes a new token when the name is not a regular file', () => {
    const dir = tempDir();
    fs.mkdirSync(fileIn(dir));
    expect(loadBrowserSession(dir).origin).toBe('replaced-damaged');
  });

  it('replaces the kept token when asked (--new-token)', () => {
    const dir = tempDir();
    const token = newToken();
    saveBrowserSession(dir, { token, port: 5180 });
    const { session, origin } = loadBrowserSession(dir, { fresh: true });
    expect(origin).toBe('new');
    expect(session.token).not.toBe(token);
    expect(session.port).toBe(5180);
  });

  it('removes the temporary copy a crash left mid-write (it holds a token), and nothing else', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, `${BROWSER_SESSION_FILE_NAME}.4242.tmp`), 'x', { mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'redaksi.sqlite3'), 'other files stay');
    removeStaleSessionTempFiles(dir);
    expect(fs.readdirSync(dir)).toEqual(['redaksi.sqlite3']);
  });
});
