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

/** Takes the folder's lock, or throws `dataFolder.inUse` at once (no waiting) when another holds it. */
export function lockDataFolder(dataDir: string): DataFolderLock {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const db = new Database(file, { timeout: 0 });
  try {
    // Nothing is ever written here: no journal, so the folder gets this one empty file and nothing else.
    db.pragma('journal_mode = MEMORY');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db.close();
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) throw inUse(dataDir);
    throw err;
  }
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      db.close();
    },
  };
}
