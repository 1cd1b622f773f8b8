import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secureDataFolder } from './data-folder-permissions';

const mode = (p: string): number => fs.lstatSync(p).mode & 0o777;

describe.skipIf(process.platform === 'win32')('data folder permissions', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'redaksi-perms-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('creates a missing folder 0700', () => {
    const dir = path.join(root, 'baru', 'data');
    expect(secureDataFolder(dir)).toEqual([]);
    expect(mode(dir)).toBe(0o700);
  });

  it('tightens a folder readable by others (folders 0700, files 0600), says which, and leaves symlinks and their targets alone', () => {
    const dir = path.join(root, 'data');
    fs.mkdirSync(path.join(dir, 'media', 'ab'), { recursive: true, mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'media'), 0o775);
    fs.chmodSync(path.join(dir, 'media', 'ab'), 0o755);
    for (const name of ['redaksi.db', 'redaksi.db-wal', 'redaksi.db-shm', 'media/ab/foto.jpg']) fs.writeFileSync(path.join(dir, name), 'x', { mode: 0o644 });
    fs.writeFileSync(path.join(dir, 'secrets.json'), '{}', { mode: 0o600 });
    const outside = path.join(root, 'elsewhere.txt');
    fs.writeFileSync(outside, 'x', { mode: 0o644 });
    fs.symlinkSync(outside, path.join(dir, 'media', 'link.jpg'));

    expect(secureDataFolder(dir).sort()).toEqual(['.', 'media', 'media/ab', 'media/ab/foto.jpg', 'redaksi.db', 'redaksi.db-shm', 'redaksi.db-wal']);
    expect([dir, path.join(dir, 'media'), path.join(dir, 'media', 'ab')].map(mode)).toEqual([0o700, 0o700, 0o700]);
    expect(['redaksi.db', 'redaksi.db-wal', 'redaksi.db-shm', 'media/ab/foto.jpg', 'secrets.json'].map((n) => mode(path.join(dir, n)))).toEqual([0o600, 0o600, 0o600, 0o600, 0o600]);
    expect(mode(outside)).toBe(0o644);
    expect(secureDataFolder(dir)).toEqual([]);
  });
});
