import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HANDLER_NAMES } from '../shared/contract';
import type { AppInfo, Article } from '../shared/domain';
import { CHECKPOINT_EVERY_MUTATIONS, createBackend, DATABASE_FILE_NAME, IDLE_MAINTENANCE_DELAY_MS, IDLE_MAINTENANCE_MAX_WAIT_MS } from './backend';
import { silentLogger } from './logger';
import { LATEST_SCHEMA_VERSION } from './storage/migrations';
import { doc, makeTempDir, openTestBackend, removeDir, type TestBackend } from './testing/fixtures';

const open: TestBackend[] = [];
const dirs: string[] = [];
afterEach(() => {
  while (open.length > 0) open.pop()!.dispose();
  while (dirs.length > 0) removeDir(dirs.pop()!);
});

describe('createBackend', () => {
  it('creates the data directory and database, and implements every handler of the contract', async () => {
    const parent = makeTempDir('backend');
    dirs.push(parent);
    const dataDir = path.join(parent, 'nested', 'data');
    const backend = createBackend({ dataDir, appVersion: '1.2.3', transport: 'electron', logger: silentLogger });
    try {
      expect(fs.existsSync(path.join(dataDir, DATABASE_FILE_NAME))).toBe(true);
      expect(Object.keys(backend.handlers).sort()).toEqual([...HANDLER_NAMES].sort());
      const info = await backend.invoke('app-info', {});
      expect(info).toEqual({ ok: true, value: { version: '1.2.3', schemaVersion: LATEST_SCHEMA_VERSION, transport: 'electron' } satisfies AppInfo });
    } finally {
      backend.close();
    }
  });

  it('refuses a second backend on the same data folder without touching it, and allows one once the first is closed', async () => {
    const t = openTestBackend();
    dirs.push(t.dataDir);
    const { id } = await t.call<Article>('articles-create', {});
    const before = fs.readdirSync(t.dataDir).sort();
    expect(() => createBackend({ dataDir: t.dataDir, appVersion: 'x', transport: 'web', logger: silentLogger })).toThrow(
      expect.objectContaining({ code: 'dataFolder.inUse' }),
    );
    expect(fs.readdirSync(t.dataDir).sort()).toEqual(before);
    // The first one goes on as if nothing happened.
    await t.call('articles-save', { id, baseVersion: 1, title: 'Tetap jalan', excerpt: '', body: doc('isi') });
    t.backend.close();
    const next = createBackend({ dataDir: t.dataDir, appVersion: 'x', transport: 'web', logger: silentLogger });
    try {
      expect(await next.invoke('articles-get', { id })).toMatchObject({ ok: true, value: { title: 'Tetap jalan' } });
    } finally {
      next.close();
    }
  });

  it('closes safely twice, leaves a complete database file, and refuses calls afterwards', async () => {
    const t = openTestBackend();
    dirs.push(t.dataDir);
    const { id } = await t.call<Article>('articles-create', {});
    await t.call('articles-save', { id, baseVersion: 1, title: 'Ditutup rapi', excerpt: '', body: doc('isi') });
    t.backend.close();
    t.backend.close();
    const after = await t.backend.invoke('articles-list', {});
    expect(after).toMatchObject({ ok: false, error: { code: 'backend.closed' } });

    // Everything is in the main file: the WAL was checkpointed and is empty (or gone).
    const file = path.join(t.dataDir, DATABASE_FILE_NAME);
    const wal = `${file}-wal`;
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
    const copy = path.join(t.dataDir, 'copy.sqlite3');
    fs.copyFileSync(file, copy);
    const check = new Database(copy, { readonly: true });
    try {
      expect(check.prepare('SELECT title FROM articles WHERE id = ?').pluck().get(id)).toBe('Ditutup rapi');
      expect(check.prepare('SELECT count(*) FROM search_index_pending').pluck().get()).toBe(0);
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      check.close();
    }
  });

  it('refuses to start on a database from a newer version with a clear error', () => {
    const dataDir = makeTempDir('newer');
    dirs.push(dataDir);
    const db = new Database(path.join(dataDir, DATABASE_FILE_NAME));
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => createBackend({ dataDir, appVersion: 'x', transport: 'web', logger: silentLogger })).toThrow(
      expect.objectContaining({ kind: 'unsupported', code: 'database.tooNew' }),
    );
  });

  it('keeps working when an event listener throws', async () => {
    const errors: string[] = [];
    const t = openTestBackend({ logger: { ...silentLogger, error: (message) => errors.push(message) } });
    open.push(t);
    t.backend.on('articles-changed', () => {
      throw new Error('listener broke');
    });
    const received: string[][] = [];
    t.backend.on('articles-changed', ({ ids }) => received.push(ids));
    const { id } = await t.call<Article>('articles-create', {});
    expect(received).toEqual([[id]]);
    expect(errors).toEqual(['event listener failed']);
  });

  it('brings the search index up to date when idle, and during long autosave stretches', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const t = openTestBackend();
      open.push(t);
      const { id } = await t.call<Article>('articles-create', {});
      let version = 1;
      const save = async (words: string) => {
        version = (await t.call<{ version: number }>('articles-save', { id, baseVersion: version, title: 'T', excerpt: '', body: doc(words) })).version;
      };
      await save('satu');
      expect(t.backend.articles.pendingSearchIndexCount()).toBe(1);
      vi.advanceTimersByTime(IDLE_MAINTENANCE_DELAY_MS - 1);
      expect(t.backend.articles.pendingSearchIndexCount()).toBe(1);
      vi.advanceTimersByTime(1);
      expect(t.backend.articles.pendingSearchIndexCount()).toBe(0);

      // Saves every second never leave the backend idle for the full delay...
      let caughtUpAt: number | undefined;
      for (let second = 1; second <= 15 && caughtUpAt === undefined; second++) {
        await save(`kata ${second}`);
        vi.advanceTimersByTime(1000);
        if (t.backend.articles.pendingSearchIndexCount() === 0) caughtUpAt = second * 1000;
      }
      // ...but the index still catches up within the maximum wait.
      expect(caughtUpAt).toBeDefined();
      expect(caughtUpAt!).toBeLessThanOrEqual(IDLE_MAINTENANCE_MAX_WAIT_MS + 1000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('checkpoints the WAL between bursts of saves, so it is reused instead of growing', async () => {
    const t = openTestBackend();
    open.push(t);
    const wal = path.join(t.dataDir, `${DATABASE_FILE_NAME}-wal`);
    const { id } = await t.call<Article>('articles-create', {});
    let version = 1;
    const paragraphs = Array.from({ length: 60 }, (_, i) => `Paragraf ${i} tentang banjir di Tenggarong dan sekitarnya.`);
    const burst = async (saves: number) => {
      for (let i = 0; i < saves; i++) {
        paragraphs[i] += ' lagi';
        version = (await t.call<{ version: number }>('articles-save', { id, baseVersion: version, title: 'T', excerpt: '', body: doc(...paragraphs) })).version;
      }
      // Let the checkpoint queued after the burst's last mutation run.
      await new Promise((resolve) => setImmediate(resolve));
    };
    await burst(CHECKPOINT_EVERY_MUTATIONS - 1); // with the create, one full round of mutations
    const afterFirst = fs.statSync(wal).size;
    await burst(CHECKPOINT_EVERY_MUTATIONS);
    await burst(CHECKPOINT_EVERY_MUTATIONS);
    // Without checkpoints between bursts the WAL would be about three times as large by now.
    expect(fs.statSync(wal).size).toBeLessThan(afterFirst * 1.5);
  });
});
