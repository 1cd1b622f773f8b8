/**
 * better-sqlite3 loads its native binary at the first `new Database()`. That first call is the data
 * folder's lock, so a binary that does not fit (built for another Node or Electron, another
 * architecture, missing from the package) used to read as "the lock file cannot be opened". It is
 * tried here first, on an in-memory database, and reported as what it is, with the real cause.
 */
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';

export function assertSqliteLoads(): void {
  try {
    new Database(':memory:').close();
  } catch (err) {
    const cause = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 500);
    throw Object.assign(
      new AppError({
        kind: 'unsupported',
        code: 'native.sqliteUnavailable',
        message: `Redaksi's database engine (better-sqlite3) could not be loaded: ${cause}`,
        params: { cause },
      }),
      { cause: err },
    );
  }
}
