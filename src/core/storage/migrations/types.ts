import type BetterSqlite3 from 'better-sqlite3';

/** One step of the schema. `up` runs inside the migration transaction; it must not change pragmas that cannot run in one. */
export interface Migration {
  /** 1, 2, 3...: the PRAGMA user_version the database has after this step. */
  version: number;
  name: string;
  up: (db: BetterSqlite3.Database) => void;
}
