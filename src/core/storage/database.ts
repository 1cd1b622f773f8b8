/**
 * Opens the one SQLite file the app keeps everything in, and brings its schema up to date.
 *
 * Durability: WAL with synchronous=FULL, so a save is on disk (the WAL is fsynced) before it is
 * acknowledged; power cuts are common where the app is used. The schema version lives in
 * PRAGMA user_version; a file from a newer app, or a file that is not ours, is refused before
 * anything is written to it (switching the journal mode to WAL alone rewrites the file header).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { MIGRATIONS, type Migration } from './migrations';

export type SqliteDatabase = Database.Database;

/** Written into the file header by the first migration ("Rdks"), so another program's SQLite file is recognised as foreign. */
export const REDAKSI_APPLICATION_ID = 0x52646b73;

/** About 32 MB of WAL at the default 4 KiB page size; the backend normally checkpoints long before. */
const WAL_AUTOCHECKPOINT_PAGES = 8000;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1');

export interface OpenDatabaseOptions {
  /** The migrations to apply; the app's own list unless a test supplies another. */
  migrations?: readonly Migration[];
  busyTimeoutMs?: number;
}

function sqliteCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string'
    ? (err as { code: string }).code
    : undefined;
}

function openFailure(file: string, err: unknown): AppError {
  if (err instanceof AppError) return err;
  // The original error stays attached for the log; it never crosses to the renderer.
  return Object.assign(describeOpenFailure(file, err), { cause: err });
}

function describeOpenFailure(file: string, err: unknown): AppError {
  const code = sqliteCode(err) ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT')) {
    return new AppError({
      kind: 'unsupported',
      code: 'database.notADatabase',
      message: `The data file is not a readable Redaksi database: ${file}`,
      params: { file },
    });
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY')) {
    return new AppError({
      kind: 'internal',
      code: 'database.busy',
      message: `The data file is in use by another program: ${file}`,
      params: { file },
      retryable: true,
    });
  }
  return new AppError({
    kind: 'internal',
    code: 'database.cannotOpen',
    message: `The data file cannot be opened (${code || 'unknown error'}): ${file}`,
    params: { file },
  });
}

function tooNew(found: number, supported: number): AppError {
  return new AppError({
    kind: 'unsupported',
    code: 'database.tooNew',
    message: `The data file was written by a newer version of Redaksi (schema ${found}; this version knows up to ${supported}). Update Redaksi to open it.`,
    params: { found, supported },
  });
}

function foreignDatabase(file: string): AppError {
  return new AppError({
    kind: 'unsupported',
    code: 'database.foreign',
    message: `The data file belongs to another program, not Redaksi: ${file}`,
    params: { file },
  });
}

interface FileIdentity {
  userVersion: number;
  applicationId: number;
  objectCount: number;
}

function readHeader(file: string): Buffer {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  return header;
}

/** The fixed parts of a SQLite header (magic, a power-of-two page size, the payload fractions 64/32/32). */
function looksLikeSqliteHeader(header: Buffer): boolean {
  if (!header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) return false;
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const powerOfTwo = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
  return powerOfTwo && header[21] === 64 && header[22] === 32 && header[23] === 32;
}

/** Asks SQLite itself through a read-only connection, which never writes the main file (not even a checkpoint on close). */
function probeWithSqlite(file: string): FileIdentity {
  let probe: SqliteDatabase | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    const userVersion = probe.pragma('user_version', { simple: true }) as number;
    const applicationId = probe.pragma('application_id', { simple: true }) as number;
    const objectCount = probe.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
    return { userVersion, applicationId, objectCount };
  } catch (err) {
    throw openFailure(file, err);
  } finally {
    probe?.close();
  }
}

/**
 * Reads what an existing file says about itself without writing anything. With no WAL beside it,
 * the header is the whole truth and is read directly: opening a WAL-mode file with SQLite, even
 * read-only, would create -wal and -shm files next to it. With a WAL (a newer app that did not
 * close cleanly), SQLite reads it through a read-only connection.
 */
function probeExistingFile(file: string): FileIdentity | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw openFailure(file, err);
  }
  if (!stat.isFile()) throw openFailure(file, Object.assign(new Error('not a file'), { code: 'SQLITE_CANTOPEN' }));
  if (stat.size === 0) return null; // SQLite treats an empty file as an empty database.
  if (stat.size < 512 || !looksLikeSqliteHeader(readHeader(file))) {
    throw openFailure(file, Object.assign(new Error('bad header'), { code: 'SQLITE_NOTADB' }));
  }
  let walSize = 0;
  try {
    walSize = fs.statSync(`${file}-wal`).size;
  } catch {
    // No WAL: the header is current.
  }
  if (walSize > 0) return probeWithSqlite(file);
  const header = readHeader(file);
  const identity = { userVersion: header.readInt32BE(60), applicationId: header.readInt32BE(68), objectCount: -1 };
  // Only a file without a schema version needs a look inside: is it empty, or another program's?
  if (identity.userVersion === 0 && identity.applicationId === 0) return probeWithSqlite(file);
  return identity;
}

function checkIdentity(file: string, identity: FileIdentity, supported: number): void {
  if (identity.userVersion > supported) throw tooNew(identity.userVersion, supported);
  if (identity.userVersion < 0) throw foreignDatabase(file);
  if (identity.applicationId !== 0 && identity.applicationId !== REDAKSI_APPLICATION_ID) throw foreignDatabase(file);
  // Tables but no schema version: some other program's database, which migrations would clutter.
  if (identity.userVersion === 0 && identity.applicationId === 0 && identity.objectCount > 0) throw foreignDatabase(file);
}

/** Applies the pending migrations in one transaction; a failure leaves the file as it was. */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[] = MIGRATIONS): number {
  const supported = migrations.at(-1)?.version ?? 0;
  const run = db.transaction(() => {
    // Checked again under the write lock: another process may have migrated since the probe.
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > supported) throw tooNew(current, supported);
    if (current === 0) db.pragma(`application_id = ${REDAKSI_APPLICATION_ID}`);
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
    return db.pragma('user_version', { simple: true }) as number;
  });
  return run.immediate();
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): SqliteDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  const supported = migrations.at(-1)?.version ?? 0;

  const identity = probeExistingFile(file);
  if (identity) checkIdentity(file, identity, supported);

  let db: SqliteDatabase;
  try {
    db = new Database(file);
  } catch (err) {
    throw openFailure(file, err);
  }
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    db.pragma('foreign_keys = ON');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // Keep the WAL file from staying large after a burst of writes has been checkpointed.
    db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
    db.pragma('temp_store = MEMORY');
    // The backend checkpoints between saves (see backend.ts); SQLite's automatic checkpoint, which
    // runs inside a committing transaction, is only the backstop for bulk writes.
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    migrate(db, migrations);
    return db;
  } catch (err) {
    db.close();
    throw openFailure(file, err);
  }
}

/** Copies the WAL into the main file and closes; the file on disk is then complete on its own. */
export function closeDatabase(db: SqliteDatabase): void {
  if (!db.open) return;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** Copies what it can of the WAL into the main file without waiting for readers or writers. */
export function checkpointPassive(db: SqliteDatabase): void {
  if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
}

export function schemaVersion(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}
