/**
 * Backups of the data folder: a consistent copy made while saves go on, checked before it is
 * offered, rotated, and restored onto a fresh data folder at the next start.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { BackupEntry, BackupStatus } from '../../shared/backup';
import type { Article, MediaImportResult, RevisionSummary, SaveResult } from '../../shared/domain';
import { DATABASE_FILE_NAME } from '../backend';
import { doc, manualClock, openTestBackend, type TestBackend } from '../testing/fixtures';
import { tempDirsRemovedAfterEach } from '../testing/temp-dirs';
import { openDatabase, closeDatabase } from '../storage/database';
import { MIGRATIONS } from '../storage/migrations';
import { BACKUP_CONFIG_FILE, BACKUP_SUBFOLDER } from './backup-config';
import { BACKUP_DB_FILE } from './backup-files';

const tempDir = tempDirsRemovedAfterEach('backup');

async function photo(color: string): Promise<Uint8Array> {
  return new Uint8Array(await sharp({ create: { width: 64, height: 48, channels: 3, background: color } }).jpeg().toBuffer());
}

/** A backend with a chosen backup folder, an article with a photo and a revision. */
async function world(clock = manualClock()) {
  const t = openTestBackend({ clock, backupSchedule: false }, tempDir());
  const folder = tempDir();
  await t.call<BackupStatus>('backup-configure', { folder });
  const media = { item: await t.call<MediaImportResult>('media-import', { fileName: 'banjir.jpg', data: await photo('#0f4c5c') }) };
  const article = await t.call<Article>('articles-create', { title: 'Banjir di Samarinda' });
  const body = {
    root: {
      ...doc('Air naik setinggi pinggang.').root,
      children: [...doc('Air naik setinggi pinggang.').root.children, { type: 'image', version: 1, mediaId: media.item.id, altText: 'Banjir', caption: '', credit: '' }],
    },
  };
  const saved = await t.call<SaveResult>('articles-save', { id: article.id, baseVersion: article.version, title: article.title, excerpt: '', body });
  t.backend.articles.snapshot(article.id, 'manual');
  return { t, folder, location: path.join(folder, BACKUP_SUBFOLDER), article, media: media.item, version: saved.version, clock };
}

function openCopy(location: string, name: string) {
  return new Database(path.join(location, name, BACKUP_DB_FILE), { readonly: true, fileMustExist: true });
}

describe('backups', () => {
  it('holds every save acknowledged before the copy finished, with saves going on during it', async () => {
    const { t, location, article, version: firstVersion } = await world();
    // Big enough that SQLite copies it in many steps, with saves between them.
    const filler = Array.from({ length: 4000 }, (_, i) => `Paragraf ${i} tentang banjir yang merendam permukiman warga.`);
    let version = (await t.call<SaveResult>('articles-save', { id: article.id, baseVersion: firstVersion, title: 't0', excerpt: '', body: doc(...filler) })).version;
    const acknowledged = new Map<number, string>();
    let done = false;
    const backup = t.call<BackupEntry>('backup-now').finally(() => {
      done = true;
    });
    const startVersion = version;
    for (let i = 1; !done && i < 5000; i++) {
      const result = await t.call<SaveResult>('articles-save', { id: article.id, baseVersion: version, title: `t${i}`, excerpt: '', body: doc(...filler, `ketik ${i}`) });
      version = result.version;
      acknowledged.set(version, `t${i}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const entry = await backup;
    expect(entry.ok).toBe(true);
    const copy = openCopy(location, entry.name);
    const row = copy.prepare('SELECT title, version FROM articles WHERE id = ?').get(article.id) as { title: string; version: number };
    copy.close();
    // Saves went on during the copy and the copy carries them: a consistent state, never older than its start.
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(row.version).toBeGreaterThan(startVersion);
    expect(row.title).toBe(acknowledged.get(row.version));
    t.dispose();
  });

  it('is listed only after it opens and passes its check; a damaged one is refused by name', async () => {
    const { t, location, clock, article } = await world();
    const revisions = (await t.call<RevisionSummary[]>('revisions-list', { articleId: article.id })).length;
    const good = await t.call<BackupEntry>('backup-now');
    clock.advance(60_000);
    const damaged = await t.call<BackupEntry>('backup-now');
    clock.advance(60_000);
    const truncated = await t.call<BackupEntry>('backup-now');
    // Pages in the middle of the copy overwritten, as a failing USB stick would.
    const file = path.join(location, damaged.name, BACKUP_DB_FILE);
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    for (let page = 2; page * pageSize < bytes.length - pageSize; page += 2) bytes.fill(0xa5, page * pageSize + 8, (page + 1) * pageSize);
    fs.writeFileSync(file, bytes);
    const full = fs.readFileSync(path.join(location, truncated.name, BACKUP_DB_FILE));
    fs.writeFileSync(path.join(location, truncated.name, BACKUP_DB_FILE), full.subarray(0, full.length / 2));

    const list = await t.call<BackupEntry[]>('backup-list');
    expect(list.map((e) => [e.name, e.ok, e.problem])).toEqual([
      [truncated.name, false, 'backup.damaged'],
      [damaged.name, false, 'backup.damaged'],
      [good.name, true, null],
    ]);
    expect(list[2]).toMatchObject({ articles: 1, revisions, photos: 2, fromThisFolder: true });
    for (const name of [damaged.name, truncated.name]) {
      expect(await t.fail('backup-restore', { name })).toMatchObject({ kind: 'validation', code: 'backup.damaged', params: { name } });
    }
    expect((await t.call<BackupStatus>('backup-status')).pendingRestore).toBeNull();
    t.dispose();
  });

  it('refuses a backup whose photos are gone, another program\'s file, and one from a newer Redaksi', async () => {
    const { t, location, clock, media } = await world();
    const noPhotos = await t.call<BackupEntry>('backup-now');
    fs.rmSync(path.join(location, 'media', media.fileHash.slice(0, 2), media.fileHash));
    clock.advance(60_000);
    const foreign = await t.call<BackupEntry>('backup-now'); // copies the photo back
    const other = new Database(path.join(location, foreign.name, BACKUP_DB_FILE));
    other.pragma('application_id = 1');
    other.close();
    clock.advance(60_000);
    const newer = await t.call<BackupEntry>('backup-now');
    const future = new Database(path.join(location, newer.name, BACKUP_DB_FILE));
    future.pragma('user_version = 999');
    future.close();
    fs.rmSync(path.join(location, 'media', media.fileHash.slice(0, 2), media.fileHash));
    const problems = Object.fromEntries((await t.call<BackupEntry[]>('backup-list')).map((e) => [e.name, e.problem]));
    expect(problems).toEqual({ [noPhotos.name]: 'backup.photosMissing', [foreign.name]: 'backup.notRedaksi', [newer.name]: 'backup.tooNew' });
    expect(await t.fail('backup-restore', { name: newer.name })).toMatchObject({ code: 'backup.tooNew', params: { name: newer.name } });
    t.dispose();
  });

  it('keeps the newest few of this data folder, leaves other computers\' alone, and removes photos no backup needs', async () => {
    const { t, location, clock, article, version } = await world();
    await t.call('backup-configure', { keep: 3 });
    // Another computer's backup on the same disk.
    const otherDir = tempDir();
    const other = openTestBackend({ clock, backupSchedule: false }, otherDir);
    await other.call('backup-configure', { folder: path.dirname(location) });
    const theirs = await other.call<BackupEntry>('backup-now');
    other.dispose();

    const made: BackupEntry[] = [];
    for (let i = 0; i < 5; i++) {
      clock.advance(3_600_000);
      made.push(await t.call<BackupEntry>('backup-now'));
    }
    // The photo leaves the article and the library: the last backups no longer need its files.
    const before = await t.call<BackupEntry[]>('backup-list');
    expect(before.filter((e) => e.fromThisFolder)).toHaveLength(3);
    await t.call('articles-save', { id: article.id, baseVersion: version, title: 'x', excerpt: '', body: doc('tanpa foto') });
    const names = fs.readdirSync(location).sort();
    expect(names).toEqual(['media', ...made.slice(2).map((e) => e.name), theirs.name].sort());
    expect(fs.readdirSync(path.join(location, 'media')).filter((n) => n !== 'tmp').length).toBeGreaterThan(0);
    t.dispose();
  });

  it('restores onto a fresh data folder at the next start: articles, revisions and photos, and keeps a copy of what was there', async () => {
    const { t, folder, article, media } = await world();
    const entry = await t.call<BackupEntry>('backup-now');
    t.dispose();

    let fresh: TestBackend = openTestBackend({ backupSchedule: false }, tempDir());
    const scratch = await fresh.call<Article>('articles-create', { title: 'Catatan di laptop baru' });
    await fresh.call('backup-configure', { folder });
    const listed = await fresh.call<BackupEntry[]>('backup-list');
    expect(listed.find((e) => e.name === entry.name)).toMatchObject({ ok: true, fromThisFolder: false });
    const status = await fresh.call<BackupStatus>('backup-restore', { name: entry.name });
    expect(status.pendingRestore).toEqual({ name: entry.name, createdAt: entry.createdAt });
    // Nothing changes under the running backend.
    expect((await fresh.call<Article>('articles-get', { id: scratch.id })).title).toBe('Catatan di laptop baru');

    fresh = fresh.reopen();
    const restored = await fresh.call<Article>('articles-get', { id: article.id });
    expect(restored.title).toBe('Banjir di Samarinda');
    expect(JSON.stringify(restored.body)).toContain('Air naik setinggi pinggang.');
    expect((await fresh.call<RevisionSummary[]>('revisions-list', { articleId: article.id })).length).toBeGreaterThanOrEqual(1);
    const file = fresh.backend.media.resolveFile('full', media.fileHash);
    expect(file && fs.existsSync(file.path)).toBe(true);
    expect((await fresh.call<BackupStatus>('backup-status')).pendingRestore).toBeNull();
    // What the fresh folder held before is kept as a backup of its own.
    const after = await fresh.call<BackupEntry[]>('backup-list');
    const safety = after.find((e) => e.reason === 'before-restore');
    expect(safety).toMatchObject({ ok: true, fromThisFolder: true, articles: 1 });
    fresh.dispose();
  });

  it('a backup cut off by closing the app is never offered, and its leftovers go with the next backup', async () => {
    const { t, location } = await world();
    const cut = t.backend.backup.backupNow('manual');
    t.backend.close();
    await expect(cut).rejects.toThrow();
    const again = t.reopen({ backupSchedule: false });
    const made = await again.call<BackupEntry>('backup-now');
    expect((await again.call<BackupEntry[]>('backup-list')).map((e) => [e.name, e.ok])).toEqual([[made.name, true]]);
    expect(fs.readdirSync(location).filter((n) => n.startsWith('.'))).toEqual([]);
    again.dispose();
  });

  it('backs up a database before migrating it', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    const old = openDatabase(path.join(dataDir, DATABASE_FILE_NAME), { migrations: MIGRATIONS.slice(0, -1) });
    closeDatabase(old);
    fs.writeFileSync(path.join(dataDir, BACKUP_CONFIG_FILE), JSON.stringify({ folder }));
    const t = openTestBackend({ backupSchedule: false }, dataDir);
    const list = await t.call<BackupEntry[]>('backup-list');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ reason: 'before-migration', schemaVersion: MIGRATIONS.at(-2)!.version, ok: true });
    t.dispose();
  });

  it('makes an automatic backup only when the last one is older than the interval', async () => {
    const { t, clock } = await world();
    await t.call('backup-configure', { intervalHours: 4 });
    expect(await t.backend.backup.runDue()).not.toBeNull();
    clock.advance(3 * 3_600_000);
    expect(await t.backend.backup.runDue()).toBeNull();
    clock.advance(3_600_000);
    expect((await t.backend.backup.runDue())?.reason).toBe('schedule');
    t.dispose();
  });

  it('remembers why an automatic backup failed (the disk was unplugged) without stopping anything', async () => {
    const { t, folder } = await world();
    fs.rmSync(folder, { recursive: true, force: true });
    expect(await t.backend.backup.runDue()).toBeNull();
    expect((await t.call<BackupStatus>('backup-status')).lastError).toMatchObject({ code: 'backup.folderMissing' });
    t.dispose();
  });
});

describe('the backup folder from the window is untrusted', () => {
  it.each([
    ['a relative path', 'cadangan'],
    ['a path with ..', '/tmp/../etc'],
    ['a NUL byte', '/tmp/cad\u0000angan'],
    ['a newline', '/tmp/cad\nangan'],
    ['a folder that does not exist', '/tidak/ada/folder/ini'],
    ['a file, not a folder', '/etc/hostname'],
  ])('refuses %s', async (_label, folder) => {
    const t = openTestBackend({ backupSchedule: false }, tempDir());
    const before = fs.readFileSync(path.join(t.dataDir, BACKUP_CONFIG_FILE), 'utf8');
    const error = await t.fail('backup-configure', { folder });
    expect(error.kind).toBe('validation');
    expect(error.code).toMatch(/^backup\.folder(Invalid|Missing)$/);
    expect(fs.readFileSync(path.join(t.dataDir, BACKUP_CONFIG_FILE), 'utf8')).toBe(before);
    t.dispose();
  });

  it('refuses the data folder itself and anything inside it, also through a symbolic link', async () => {
    const t = openTestBackend({ backupSchedule: false }, tempDir());
    const link = path.join(tempDir(), 'tautan');
    fs.symlinkSync(path.join(t.dataDir, 'media'), link);
    for (const folder of [t.dataDir, path.join(t.dataDir, 'media'), link]) {
      expect(await t.fail('backup-configure', { folder })).toMatchObject({ code: 'backup.folderInsideData' });
    }
    t.dispose();
  });

  it('asks for a folder before backing up, and restores only a backup by its name in the chosen folder', async () => {
    const t = openTestBackend({ backupSchedule: false }, tempDir());
    expect(await t.fail('backup-now')).toMatchObject({ code: 'backup.noFolder' });
    expect(await t.fail('backup-restore', { name: '20261207T233000000Z-0123abcd' })).toMatchObject({ code: 'backup.noFolder' });
    await t.call('backup-configure', { folder: tempDir() });
    expect(await t.fail('backup-restore', { name: '20261207T233000000Z-0123abcd' })).toMatchObject({ kind: 'not-found', code: 'backup.notFound' });
    for (const name of ['../../etc', '/etc/passwd', '20261207T233000000Z-0123abcd/../x', '.20261207T233000000Z-0123abcd.partial']) {
      expect((await t.fail('backup-restore', { name })).kind).toBe('validation');
    }
    t.dispose();
  });
});
