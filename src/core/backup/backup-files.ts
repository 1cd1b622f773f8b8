/**
 * A backup on disk: `<location>/<name>/redaksi.sqlite3` (a consistent copy made by SQLite itself,
 * never a file copy of the live WAL database) and `manifest.json`; photos in `<location>/media/`,
 * named by their sha256 like the data folder's own, so each is copied once for all backups.
 *
 * A backup is written under a hidden `.partial` name, checked, and only then renamed: a backup
 * cut off by an unplugged disk is never offered.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_NAME_PATTERN, type BackupEntry, type BackupReason } from '../../shared/backup';
import { AppError } from '../../shared/errors';
import { REDAKSI_APPLICATION_ID, type SqliteDatabase } from '../storage/database';

export const BACKUP_DB_FILE = 'redaksi.sqlite3';
export const MANIFEST_FILE = 'manifest.json';

interface Manifest {
  format: 1;
  app: 'redaksi';
  name: string;
  createdAt: number;
  reason: BackupReason;
  sourceId: string;
  schemaVersion: number;
  articles: number;
  revisions: number;
  /** The photo files (sha256) the database refers to, all in `<location>/media`. */
  files: string[];
}

export interface BackupTarget {
  location: string;
  sourceId: string;
  reason: BackupReason;
  now: number;
  /** The newest schema this app knows: a backup from a newer app is not offered. */
  supported: number;
}

export function backupName(now: number, sourceId: string): string {
  return `${new Date(now).toISOString().replace(/[-:.]/g, '')}-${sourceId.slice(0, 8)}`;
}

const mediaPath = (root: string, hash: string) => path.join(root, 'media', hash.slice(0, 2), hash);

function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes a file whole (temporary name, fsync, rename). */
function writeWhole(file: string, data: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

interface Contents {
  schemaVersion: number;
  applicationId: number;
  articles: number;
  revisions: number;
  files: string[];
}

function readContents(db: SqliteDatabase): Contents {
  // Any schema version this app ever wrote (an old one is backed up before its migration).
  const has = (table: string) => db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !== undefined;
  const count = (table: string) => (has(table) ? (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) : 0);
  const rows = has('media') ? (db.prepare('SELECT file_hash, thumb_hash FROM media').all() as { file_hash: string; thumb_hash: string }[]) : [];
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    applicationId: db.pragma('application_id', { simple: true }) as number,
    articles: count('articles'),
    revisions: count('article_revisions'),
    files: [...new Set(rows.flatMap((r) => [r.file_hash, r.thumb_hash]))].filter((h) => /^[0-9a-f]{64}$/.test(h)).sort(),
  };
}

/** Why the copy of a database cannot be used, as an i18n code; null when it is sound. */
function problemOf(file: string, supported: number, expectFiles?: (hash: string) => boolean): { problem: string | null; contents?: Contents } {
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') return { problem: 'backup.damaged' };
    const contents = readContents(db);
    if (contents.applicationId !== REDAKSI_APPLICATION_ID) return { problem: 'backup.notRedaksi' };
    if (contents.schemaVersion > supported) return { problem: 'backup.tooNew', contents };
    if (expectFiles && contents.files.some((h) => !expectFiles(h))) return { problem: 'backup.photosMissing', contents };
    return { problem: null, contents };
  } catch {
    return { problem: 'backup.damaged' };
  } finally {
    db?.close();
  }
}

/** Why a database file cannot be restored (an i18n code), or null. */
export function databaseProblem(file: string, supported: number): string | null {
  return problemOf(file, supported).problem;
}

/** The copy is checked in its own right and switched out of WAL, so opening it read-only writes nothing beside it. */
function sealCopy(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

interface Started {
  name: string;
  partial: string;
  dbFile: string;
}

function begin(target: BackupTarget): Started {
  const name = backupName(target.now, target.sourceId);
  const partial = path.join(target.location, `.${name}.partial`);
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  return { name, partial, dbFile: path.join(partial, BACKUP_DB_FILE) };
}

function checkedContents(started: Started, target: BackupTarget): Contents {
  sealCopy(started.dbFile);
  const { problem, contents } = problemOf(started.dbFile, target.supported);
  if (problem || !contents) throw new AppError({ kind: 'internal', code: 'backup.failed', message: `The new backup did not pass its check (${problem}).`, params: { name: started.name } });
  return contents;
}

function finish(started: Started, target: BackupTarget, contents: Contents): BackupEntry {
  const manifest: Manifest = {
    format: 1,
    app: 'redaksi',
    name: started.name,
    createdAt: target.now,
    reason: target.reason,
    sourceId: target.sourceId,
    schemaVersion: contents.schemaVersion,
    articles: contents.articles,
    revisions: contents.revisions,
    files: contents.files,
  };
  writeWhole(path.join(started.partial, MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
  fsyncDir(started.partial);
  const final = path.join(target.location, started.name);
  fs.renameSync(started.partial, final);
  fsyncDir(target.location);
  return entryOf(manifest, target.sourceId, null);
}

function entryOf(m: Manifest, sourceId: string, problem: string | null): BackupEntry {
  return {
    name: m.name,
    createdAt: m.createdAt,
    reason: m.reason,
    schemaVersion: m.schemaVersion,
    articles: m.articles,
    revisions: m.revisions,
    photos: m.files.length,
    fromThisFolder: m.sourceId === sourceId,
    ok: problem === null,
    problem,
  };
}

function missingPhotoError(hash: string): AppError {
  return new AppError({ kind: 'internal', code: 'backup.failed', message: `A photo file of the library is missing: ${hash}` });
}

/** Copies the photos the backup location lacks (temporary name, fsync, rename), one at a time. */
async function copyPhotos(dataDir: string, location: string, files: string[]): Promise<void> {
  await fs.promises.mkdir(path.join(location, 'media', 'tmp'), { recursive: true });
  for (const hash of files) {
    const target = mediaPath(location, hash);
    if (fs.existsSync(target)) continue;
    const source = mediaPath(dataDir, hash);
    if (!fs.existsSync(source)) throw missingPhotoError(hash);
    const tmp = path.join(location, 'media', 'tmp', `${hash}.${process.pid}`);
    await fs.promises.copyFile(source, tmp);
    const handle = await fs.promises.open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.rename(tmp, target);
  }
}

function copyPhotosSync(fromDir: string, toDir: string, files: string[]): void {
  fs.mkdirSync(path.join(toDir, 'media', 'tmp'), { recursive: true });
  for (const hash of files) {
    const target = mediaPath(toDir, hash);
    if (fs.existsSync(target)) continue;
    const source = mediaPath(fromDir, hash);
    if (!fs.existsSync(source)) throw missingPhotoError(hash);
    const tmp = path.join(toDir, 'media', 'tmp', `${hash}.${process.pid}`);
    fs.copyFileSync(source, tmp);
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(tmp, target);
  }
}
export { copyPhotosSync };

/**
 * Backs up the running database with SQLite's online backup: saves may go on meanwhile, and every
 * save acknowledged before this resolves is in the copy (a change made through the same connection
 * is carried into the copy being made).
 */
export async function backupLiveDatabase(db: SqliteDatabase, dataDir: string, target: BackupTarget): Promise<BackupEntry> {
  const started = begin(target);
  try {
    await db.backup(started.dbFile);
    const contents = checkedContents(started, target);
    await copyPhotos(dataDir, target.location, contents.files);
    return finish(started, target, contents);
  } catch (err) {
    fs.rmSync(started.partial, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Backs up a database file nobody is writing to (at start, before a migration or a restore): SQLite
 * writes a consistent copy through a read-only connection (`VACUUM INTO`), WAL included.
 */
export function backupClosedDatabase(file: string, dataDir: string, target: BackupTarget): BackupEntry {
  const started = begin(target);
  try {
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      source.prepare('VACUUM INTO ?').run(started.dbFile);
    } finally {
      source.close();
    }
    const contents = checkedContents(started, target);
    copyPhotosSync(dataDir, target.location, contents.files);
    return finish(started, target, contents);
  } catch (err) {
    fs.rmSync(started.partial, { recursive: true, force: true });
    throw err;
  }
}

function readManifest(dir: string): Manifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
    const valid =
      m.format === 1 &&
      m.app === 'redaksi' &&
      typeof m.createdAt === 'number' &&
      typeof m.sourceId === 'string' &&
      Array.isArray(m.files) &&
      m.files.every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h));
    return valid ? m : null;
  } catch {
    return null;
  }
}

/** The backups in a location, newest first, each opened and checked; damaged ones are listed as such. */
export function listBackups(location: string, sourceId: string, supported: number): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(location).filter((n) => BACKUP_NAME_PATTERN.test(n));
  } catch {
    return [];
  }
  return names
    .map((name) => inspectBackup(location, name, sourceId, supported))
    .sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
}

/** One backup, opened and checked: integrity, Redaksi's own file, a schema this app knows, every photo present. */
export function inspectBackup(location: string, name: string, sourceId: string, supported: number): BackupEntry {
  const dir = path.join(location, name);
  const manifest = readManifest(dir);
  const fallback: Manifest = {
    format: 1,
    app: 'redaksi',
    name,
    createdAt: nameInstant(name),
    reason: 'manual',
    sourceId: '',
    schemaVersion: 0,
    articles: 0,
    revisions: 0,
    files: [],
  };
  if (!manifest) return entryOf(fallback, sourceId, 'backup.damaged');
  const { problem, contents } = problemOf(path.join(dir, BACKUP_DB_FILE), supported, (h) => fs.existsSync(mediaPath(location, h)));
  const described = contents ? { ...manifest, name, schemaVersion: contents.schemaVersion, articles: contents.articles, revisions: contents.revisions, files: contents.files } : { ...manifest, name };
  return entryOf(described, sourceId, problem);
}

function nameInstant(name: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z/.exec(name);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +m[7]!) : 0;
}

/**
 * Keeps the newest `keep` backups made from this data folder (another computer's on the same disk
 * are left alone), then removes photo files no remaining backup refers to. When any backup's
 * manifest cannot be read, no photo is removed: it might be one of that backup's.
 */
export function rotateBackups(location: string, sourceId: string, keep: number): string[] {
  const all = fs.readdirSync(location);
  // Left by a backup cut off (the app quit, the disk was pulled); only this folder's, which this process alone writes.
  for (const n of all.filter((n) => n.startsWith('.') && n.endsWith(`-${sourceId.slice(0, 8)}.partial`))) fs.rmSync(path.join(location, n), { recursive: true, force: true });
  const names = all.filter((n) => BACKUP_NAME_PATTERN.test(n));
  const manifests = new Map(names.map((n) => [n, readManifest(path.join(location, n))]));
  const ours = names.filter((n) => manifests.get(n)?.sourceId === sourceId).sort((a, b) => nameInstant(b) - nameInstant(a) || b.localeCompare(a));
  const removed = ours.slice(keep);
  for (const name of removed) {
    fs.rmSync(path.join(location, name), { recursive: true, force: true });
    manifests.delete(name);
  }
  if ([...manifests.values()].some((m) => m === null)) return removed;
  const referenced = new Set([...manifests.values()].flatMap((m) => m!.files));
  const media = path.join(location, 'media');
  for (const sub of fs.existsSync(media) ? fs.readdirSync(media) : []) {
    if (!/^[0-9a-f]{2}$/.test(sub)) continue;
    for (const file of fs.readdirSync(path.join(media, sub))) {
      if (/^[0-9a-f]{64}$/.test(file) && !referenced.has(file)) fs.rmSync(path.join(media, sub, file), { force: true });
    }
  }
  return removed;
}
