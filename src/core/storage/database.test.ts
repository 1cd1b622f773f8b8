import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { makeTempDir, removeDir } from '../testing/fixtures';
import { openDatabase, REDAKSI_APPLICATION_ID } from './database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

const dirs: string[] = [];
function tempFile(name = 'redaksi.sqlite3'): string {
  const dir = makeTempDir('db');
  dirs.push(dir);
  return path.join(dir, name);
}
afterEach(() => {
  while (dirs.length > 0) removeDir(dirs.pop()!);
});

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function expectAppError(fn: () => unknown, shape: Partial<AppError>): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject(shape);
    return err as AppError;
  }
  throw new Error('expected an AppError');
}

describe('openDatabase', () => {
  it('creates a fresh database at the latest schema with durable settings', () => {
    const file = tempFile();
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.pragma('application_id', { simple: true })).toBe(REDAKSI_APPLICATION_ID);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
      const tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[]).sort();
      expect(tables).toEqual(expect.arrayContaining(['articles', 'article_revisions', 'settings', 'articles_fts', 'search_index_pending']));
    } finally {
      db.close();
    }
  });

  it('re-opens an existing database without re-running migrations and keeps its data', () => {
    const file = tempFile();
    const first = openDatabase(file);
    first.prepare(`INSERT INTO settings (key, value) VALUES ('language', '"en"')`).run();
    first.close();
    let ran = 0;
    const counting: Migration[] = MIGRATIONS.map((m) => ({ ...m, up: (db) => (ran++, m.up(db)) }));
    const again = openDatabase(file, { migrations: counting });
    try {
      expect(ran).toBe(0);
      expect(again.prepare(`SELECT value FROM settings WHERE key = 'language'`).pluck().get()).toBe('"en"');
    } finally {
      again.close();
    }
  });

  it('applies a new migration to an older database, and rolls a failing one back completely', () => {
    const file = tempFile();
    openDatabase(file).close();
    const failing: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x)');
        throw new Error('boom');
      },
    };
    expect(() => openDatabase(file, { migrations: [...MIGRATIONS, failing] })).toThrow();
    const check = new Database(file, { readonly: true });
    try {
      expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(check.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'`).pluck().get()).toBe(0);
    } finally {
      check.close();
    }

    const next: Migration = { version: LATEST_SCHEMA_VERSION + 1, name: 'add', up: (db) => db.exec('CREATE TABLE extra (x)') };
    const upgraded = openDatabase(file, { migrations: [...MIGRATIONS, next] });
    try {
      expect(upgraded.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    } finally {
      upgraded.close();
    }
  });

  it.each(['delete', 'wal'])('refuses a database from a newer version (%s journal) and leaves it byte for byte', (journal) => {
    const file = tempFile();
    const newer = new Database(file);
    newer.pragma(`journal_mode = ${journal}`);
    newer.exec('CREATE TABLE future (x); INSERT INTO future VALUES (1);');
    newer.pragma(`application_id = ${REDAKSI_APPLICATION_ID}`);
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    newer.close();
    const before = sha256(file);
    const filesBefore = fs.readdirSync(path.dirname(file)).sort();

    const err = expectAppError(() => openDatabase(file), { kind: 'unsupported', code: 'database.tooNew' });
    expect(err.params).toEqual({ found: LATEST_SCHEMA_VERSION + 5, supported: LATEST_SCHEMA_VERSION });
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(filesBefore);
  });

  it('refuses a newer database that a crash left with an unfinished WAL, without checkpointing it', () => {
    const source = tempFile();
    const newer = new Database(source);
    newer.pragma('journal_mode = wal');
    newer.pragma('wal_autocheckpoint = 0');
    newer.exec('CREATE TABLE future (x)');
    newer.pragma(`application_id = ${REDAKSI_APPLICATION_ID}`);
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    // Copy the files while the connection is still open: what a power cut leaves behind.
    const file = tempFile();
    fs.copyFileSync(source, file);
    fs.copyFileSync(`${source}-wal`, `${file}-wal`);
    newer.close();
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const before = [sha256(file), sha256(`${file}-wal`)];

    expectAppError(() => openDatabase(file), { kind: 'unsupported', code: 'database.tooNew' });
    expect([sha256(file), sha256(`${file}-wal`)]).toEqual(before);
  });

  it('refuses a file that is not a database and leaves it untouched', () => {
    const file = tempFile();
    fs.writeFileSync(file, 'Ini bukan basis data, hanya catatan liputan banjir di Tenggarong.\n'.repeat(200));
    const before = sha256(file);
    expectAppError(() => openDatabase(file), { kind: 'unsupported', code: 'database.notADatabase' });
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });

  it('refuses a file with a SQLite header but garbage after it', () => {
    const file = tempFile();
    const bytes = Buffer.alloc(8192, 0xab);
    Buffer.from('SQLite format 3\u0000', 'latin1').copy(bytes);
    fs.writeFileSync(file, bytes);
    const before = sha256(file);
    expectAppError(() => openDatabase(file), { kind: 'unsupported', code: 'database.notADatabase' });
    expect(sha256(file)).toBe(before);
  });

  it("refuses another program's SQLite database instead of adding tables to it", () => {
    const file = tempFile();
    const other = new Database(file);
    other.exec('CREATE TABLE contacts (name TEXT)');
    other.close();
    const before = sha256(file);
    expectAppError(() => openDatabase(file), { kind: 'unsupported', code: 'database.foreign' });
    expect(sha256(file)).toBe(before);
  });

  it('accepts an empty file as a new database', () => {
    const file = tempFile();
    fs.writeFileSync(file, '');
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    } finally {
      db.close();
    }
  });

  it('reports a path that cannot be a database file clearly', () => {
    const dir = makeTempDir('db');
    dirs.push(dir);
    expectAppError(() => openDatabase(dir), { code: 'database.cannotOpen' });
  });
});
