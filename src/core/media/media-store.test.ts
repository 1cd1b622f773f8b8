import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeFakeJpeg, makePhonePhoto } from '../../../test-support/photos';
import { closeDatabase, openDatabase, type SqliteDatabase } from '../storage/database';
import { initialSchema } from '../storage/migrations/001-initial';
import { mediaSchema } from '../storage/migrations/002-media';
import { makeTempDir, removeDir } from '../testing/fixtures';
import { cleanFileName } from '../../shared/file-name';
import { MediaStore } from './media-store';
import { DEFAULT_PRESET } from './prepare-photo';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

describe('MediaStore', () => {
  let photo: Buffer;
  let dir: string;
  let db: SqliteDatabase;
  let store: MediaStore;
  beforeAll(async () => {
    photo = await makePhonePhoto({ width: 1800, height: 1200, orientation: 1 });
  });
  const open = () => {
    dir = makeTempDir('media');
    db = openDatabase(path.join(dir, 'db.sqlite3'), { migrations: [initialSchema, mediaSchema] });
    store = new MediaStore({ db, dir: path.join(dir, 'media'), clock: () => 1_700_000_000_000 });
  };
  afterEach(() => {
    closeDatabase(db);
    removeDir(dir);
  });

  it('stores a photo once however often it is imported', async () => {
    open();
    const first = await store.import('banjir tenggarong.jpg', photo, DEFAULT_PRESET);
    const again = await store.import('copy of banjir.jpg', Buffer.from(photo), DEFAULT_PRESET);
    expect(first.deduplicated).toBe(false);
    expect(again).toEqual({ ...first, deduplicated: true });
    expect(db.prepare('SELECT count(*) AS n FROM media').get()).toEqual({ n: 1 });
    expect(filesUnder(path.join(dir, 'media')).sort()).toEqual([first.fileHash, first.thumbHash].sort());
    const resolved = store.resolveFile('full', first.fileHash);
    expect(resolved?.mime).toBe('image/jpeg');
    expect(fs.readFileSync(resolved!.path).length).toBe(first.bytes);
    expect(store.resolveFile('thumb', first.thumbHash)?.mime).toBe('image/jpeg');
  });

  it('keeps one row when the same photo is imported twice at once', async () => {
    open();
    const [a, b] = await Promise.all([store.import('a.jpg', photo, DEFAULT_PRESET), store.import('b.jpg', photo, DEFAULT_PRESET)]);
    expect(a.id).toBe(b.id);
    expect(db.prepare('SELECT count(*) AS n FROM media').get()).toEqual({ n: 1 });
  });

  it('stores nothing when a file is refused', async () => {
    open();
    await expect(store.import('virus.jpg', makeFakeJpeg(), DEFAULT_PRESET)).rejects.toMatchObject({ code: 'media.notImage' });
    expect(db.prepare('SELECT count(*) AS n FROM media').get()).toEqual({ n: 0 });
    expect(filesUnder(path.join(dir, 'media'))).toEqual([]);
  });

  it('serves only its own hashes', async () => {
    open();
    expect(store.resolveFile('full', '../../etc/passwd')).toBeNull();
    expect(store.resolveFile('full', 'a'.repeat(64))).toBeNull();
  });

  it('serves no symbolic link in its folder, to a file or to a subfolder outside it', async () => {
    open();
    const stored = await store.import('banjir.jpg', photo, DEFAULT_PRESET);
    const secret = path.join(dir, 'rahasia.txt');
    fs.writeFileSync(secret, 'kata sandi');
    // The photo's file replaced by a link to another file.
    const file = path.join(dir, 'media', stored.fileHash.slice(0, 2), stored.fileHash);
    fs.rmSync(file);
    fs.symlinkSync(secret, file);
    expect(store.resolveFile('full', stored.fileHash)).toBeNull();
    // The thumbnail's subfolder replaced by a link to a folder outside, holding a file of that name.
    const sub = path.join(dir, 'media', stored.thumbHash.slice(0, 2));
    const outside = path.join(dir, 'outside');
    fs.mkdirSync(outside);
    fs.copyFileSync(secret, path.join(outside, stored.thumbHash));
    fs.rmSync(sub, { recursive: true, force: true });
    fs.symlinkSync(outside, sub);
    expect(store.resolveFile('thumb', stored.thumbHash)).toBeNull();
  });

  it('removes files a crash left without a row', async () => {
    open();
    const kept = await store.import('a.jpg', photo, DEFAULT_PRESET);
    const orphan = path.join(dir, 'media', 'ab', 'ab' + 'c'.repeat(62));
    fs.mkdirSync(path.dirname(orphan), { recursive: true });
    fs.writeFileSync(orphan, 'half a photo');
    fs.writeFileSync(path.join(dir, 'media', 'tmp', 'partial'), 'x');
    expect(store.removeOrphanFiles()).toBe(2);
    expect(filesUnder(path.join(dir, 'media')).sort()).toEqual([kept.fileHash, kept.thumbHash].sort());
  });

  it('cleans file names for display', () => {
    expect(cleanFileName('C:\\Users\\budi\\Foto\\IMG_0001.JPG')).toBe('IMG_0001.JPG');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('...')).toBe('foto');
    expect(cleanFileName('a\u0000b<>.jpg')).toBe('ab.jpg');
    expect(cleanFileName('foto\u202Egpj.exe')).toBe('fotogpj.exe');
    expect(cleanFileName('\u2067foto\u2069\u200f.jpg\u0085')).toBe('foto.jpg');
    expect(cleanFileName('a\uD800b😀.jpg')).toBe('ab😀.jpg');
    expect(cleanFileName(`${'x'.repeat(119)}😀😀`)).toBe('x'.repeat(119));
  });
});
