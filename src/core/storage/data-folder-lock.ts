/**
 * One Redaksi at a time on a data folder. Two processes on one folder (the desktop app and browser
 * mode, or browser mode started twice) would both run the outbox: each could find no post for an
 * article yet and create one, a duplicate on the portal.
 *
 * The lock is SQLite's own lock on a small file beside the database, held by a transaction that is
 * never committed. The operating system drops it when the process ends, however it ends, so a crash
 * or a power cut never leaves the folder locked (a pid file with a staleness timeout would, for a
 * while). SQLite takes the same care within one process, so a second backend there is refused too.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';

export const LOCK_FILE_NAME = 'redaksi.lock';

export interface DataFolderLock {
  /** Safe to call more than once. */
  release(): void;
}

function inUse(dataDir: string): AppError {
  return new AppError({
    kind: 'conflict',
    code: 'dataFolder.inUse',
    message: `Another Redaksi is already using the data folder ${dataDir}.`,
    params: { dir: dataDir },
  });
}

/** Anything but "held by another": the folder cannot be locked at all (read-only, no such place). */
function cannotLock(file: string, err: unknown): AppError {
  const code = typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : 'unknown error';
  return Object.assign(
    new AppError({
      kind: 'internal',
      code: 'database.cannotOpen',
      message: `The data folder's lock file cannot be opened (${code}): ${file}`,
      params: { file },
    }),
    { cause: err },
  );
}

/** Takes the folder's lock, or throws `dataFolder.inUse` at once (no waiting) when another holds it. */
export function lockDataFolder(dataDir: string): DataFolderLock {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: 0 });
    // Nothing is ever written here: the journal stays in memory, so the folder gets this one empty
    // file and nothing else.
    db.pragma('journal_mode = MEMORY');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db?.close();
    const code = (err as { code?: unknown }).code;
    // Also what SQLite reports where the file system has no locks at all (some network shares).
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) throw inUse(dataDir);
    throw cannotLock(file, err);
  }
  const held = db;
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      held.close();
    },
  };
}
