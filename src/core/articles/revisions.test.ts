import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article, Revision, RevisionSummary } from '../../shared/domain';
import { openDatabase } from '../storage/database';
import { doc, makeTempDir, manualClock, openTestBackend, removeDir, type TestBackend } from '../testing/fixtures';
import { ArticlesService, DEFAULT_REVISION_INTERVAL_MS } from './articles-service';
import { REVISION_RETENTION } from './revisions';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const open: TestBackend[] = [];
function start(overrides: Parameters<typeof openTestBackend>[0] = {}): TestBackend {
  const t = openTestBackend(overrides);
  open.push(t);
  return t;
}
afterEach(() => {
  while (open.length > 0) open.pop()!.dispose();
});

async function setup(intervalMs?: number) {
  const clock = manualClock();
  const t = start({ clock, ...(intervalMs === undefined ? {} : { revisionIntervalMs: intervalMs }) });
  const { id } = await t.call<Article>('articles-create', {});
  let version = 1;
  const save = async (title: string, body = `Isi ${title}`) => {
    const result = await t.call<{ version: number }>('articles-save', { id, baseVersion: version, title, excerpt: '', body: doc(body) });
    version = result.version;
    return result;
  };
  const revisions = () => t.call<RevisionSummary[]>('revisions-list', { articleId: id });
  return { t, clock, id, save, revisions, version: () => version };
}

describe('revisions on save', () => {
  it('defaults to a 5-minute interval', () => {
    expect(DEFAULT_REVISION_INTERVAL_MS).toBe(5 * MINUTE);
  });

  it('snapshots the first save with content, then only after the interval and only when the content changed', async () => {
    const { clock, save, revisions } = await setup();
    await save('', ''); // nothing written yet: nothing to keep
    expect(await revisions()).toEqual([]);

    await save('Draf satu');
    expect((await revisions()).map((r) => [r.reason, r.title])).toEqual([['interval', 'Draf satu']]);

    clock.advance(4 * MINUTE);
    await save('Draf dua');
    expect(await revisions()).toHaveLength(1);

    clock.advance(2 * MINUTE); // 6 minutes after the first snapshot
    await save('Draf tiga');
    expect((await revisions()).map((r) => r.title)).toEqual(['Draf tiga', 'Draf satu']);

    clock.advance(10 * MINUTE);
    await save('Draf tiga'); // same content as the newest snapshot
    expect(await revisions()).toHaveLength(2);
  });

  it('takes the interval from the backend options', async () => {
    const { clock, save, revisions } = await setup(1000);
    await save('A');
    clock.advance(999);
    await save('B');
    clock.advance(1);
    await save('C');
    expect((await revisions()).map((r) => r.title)).toEqual(['C', 'A']);
  });

  it('returns a revision in full', async () => {
    const { t, save, revisions } = await setup();
    await save('Judul', 'Isi lengkap revisi.');
    const [summary] = await revisions();
    const revision = await t.call<Revision>('revisions-get', { id: summary!.id });
    expect(revision).toMatchObject({ title: 'Judul', excerpt: '', wordCount: 3, reason: 'interval' });
    expect(revision.body).toEqual(doc('Isi lengkap revisi.'));
  });
});

describe('revisions-restore', () => {
  it('snapshots the current content first, restores the revision, and can be undone', async () => {
    const { t, clock, id, save, revisions, version } = await setup();
    await save('Versi lama', 'Kalimat lama.');
    clock.advance(6 * MINUTE);
    await save('Versi baru', 'Kalimat baru yang lebih panjang.');
    const old = (await revisions()).find((r) => r.title === 'Versi lama')!;

    clock.advance(MINUTE);
    const restored = await t.call<Article>('revisions-restore', { articleId: id, revisionId: old.id, baseVersion: version() });
    expect(restored).toMatchObject({ title: 'Versi lama', version: version() + 1, wordCount: 2, updatedAt: clock() });
    expect(restored.body).toEqual(doc('Kalimat lama.'));

    const after = await revisions();
    expect(after[0]).toMatchObject({ reason: 'before-restore', title: 'Versi baru', createdAt: clock() });
    // The restored content is searchable as the article's content.
    expect((await t.call<{ id: string }[]>('articles-search', { query: 'kalimat lama' })).map((h) => h.id)).toEqual([id]);

    const undone = await t.call<Article>('revisions-restore', { articleId: id, revisionId: after[0]!.id, baseVersion: restored.version });
    expect(undone).toMatchObject({ title: 'Versi baru', version: restored.version + 1 });
    expect(undone.body).toEqual(doc('Kalimat baru yang lebih panjang.'));
  });

  it('checks baseVersion like a save and changes nothing when it is stale', async () => {
    const { t, id, save, revisions, version } = await setup();
    await save('Satu');
    await save('Dua');
    const [only] = await revisions();
    const error = await t.fail('revisions-restore', { articleId: id, revisionId: only!.id, baseVersion: version() - 1 });
    expect(error).toMatchObject({ kind: 'conflict', code: 'article.versionConflict' });
    expect(await revisions()).toHaveLength(1);
    expect(await t.call<Article>('articles-get', { id })).toMatchObject({ title: 'Dua', version: version() });
  });

  it("refuses another article's revision, an unknown revision, and a trashed article", async () => {
    const { t, id, save, revisions, version } = await setup();
    await save('Milik A');
    const other = await t.call<Article>('articles-create', {});
    await t.call('articles-save', { id: other.id, baseVersion: 1, title: 'Milik B', excerpt: '', body: doc('b') });
    const [otherRevision] = await t.call<RevisionSummary[]>('revisions-list', { articleId: other.id });
    expect(await t.fail('revisions-restore', { articleId: id, revisionId: otherRevision!.id, baseVersion: version() })).toMatchObject({
      kind: 'not-found',
      code: 'notFound.revision',
    });
    expect(await t.fail('revisions-restore', { articleId: id, revisionId: randomUUID(), baseVersion: version() })).toMatchObject({
      kind: 'not-found',
    });
    const [mine] = await revisions();
    await t.call('articles-trash', { id });
    expect(await t.fail('revisions-restore', { articleId: id, revisionId: mine!.id, baseVersion: version() })).toMatchObject({
      kind: 'conflict',
      code: 'article.trashed',
    });
  });
});

describe('snapshots for a reason', () => {
  it('keeps the current content under the given reason, even when unchanged', async () => {
    const { t, id, save, revisions } = await setup();
    await save('Siap kirim');
    const manual = t.backend.articles.snapshot(id, 'manual');
    const beforeSubmit = t.backend.articles.snapshot(id, 'before-submit');
    expect(manual).toMatchObject({ articleId: id, reason: 'manual', title: 'Siap kirim' });
    expect((await revisions()).map((r) => r.reason).sort()).toEqual(['before-submit', 'interval', 'manual']);
    expect(beforeSubmit.id).not.toBe(manual.id);
  });
});

describe('revision retention', () => {
  function withService(run: (service: ArticlesService, db: ReturnType<typeof openDatabase>, articleId: string) => void) {
    const dir = makeTempDir('retention');
    const db = openDatabase(path.join(dir, 'r.sqlite3'));
    try {
      const service = new ArticlesService({ db, clock: () => 0 });
      run(service, db, service.create('Panjang umur').id);
    } finally {
      db.close();
      removeDir(dir);
    }
  }

  function insertRevisions(db: ReturnType<typeof openDatabase>, articleId: string, times: number[], reason = 'interval') {
    const insert = db.prepare(
      `INSERT INTO article_revisions (id, article_id, created_at, reason, word_count, content_hash, title, excerpt, body_json)
       VALUES (?, ?, ?, ?, 0, ?, 't', '', '{}')`,
    );
    db.transaction(() => times.forEach((at, i) => insert.run(randomUUID(), articleId, at, reason, `h${i}`)))();
  }

  it('keeps all recent snapshots, one an hour for a week, then one a day; reasoned snapshots are kept', () => {
    withService((service, db, articleId) => {
      const now = 40 * DAY;
      const times = Array.from({ length: 30 * 48 }, (_, i) => now - i * 30 * MINUTE); // every 30 min for 30 days
      insertRevisions(db, articleId, times);
      insertRevisions(db, articleId, [now - 20 * DAY - 5 * MINUTE, now - 20 * DAY - 7 * MINUTE], 'before-submit');
      service.revisions.thin(articleId, now);

      const kept = db
        .prepare(`SELECT created_at AS at, reason FROM article_revisions WHERE article_id = ? ORDER BY created_at DESC`)
        .all(articleId) as { at: number; reason: string }[];
      const interval = kept.filter((r) => r.reason === 'interval').map((r) => now - r.at);
      expect(interval.filter((age) => age < DAY)).toHaveLength(48);
      const hourly = interval.filter((age) => age >= DAY && age < 7 * DAY);
      expect(hourly.length).toBeGreaterThanOrEqual(6 * 24 - 1);
      expect(hourly.length).toBeLessThanOrEqual(6 * 24 + 1);
      const daily = interval.filter((age) => age >= 7 * DAY);
      expect(daily.length).toBeGreaterThanOrEqual(22);
      expect(daily.length).toBeLessThanOrEqual(24);
      expect(kept.filter((r) => r.reason === 'before-submit')).toHaveLength(2);
      // Thinning again changes nothing.
      expect(service.revisions.thin(articleId, now)).toBe(0);
    });
  });

  it(`caps an article at ${REVISION_RETENTION.maxPerArticle} snapshots, dropping the oldest interval ones first`, () => {
    withService((service, db, articleId) => {
      const now = 10 * DAY;
      insertRevisions(db, articleId, [now - 2 * HOUR], 'manual');
      const times = Array.from({ length: REVISION_RETENTION.maxPerArticle + 20 }, (_, i) => now - i * 1000);
      insertRevisions(db, articleId, times);
      service.revisions.thin(articleId, now);
      const count = db.prepare('SELECT count(*) FROM article_revisions WHERE article_id = ?').pluck().get(articleId);
      expect(count).toBe(REVISION_RETENTION.maxPerArticle);
      expect(db.prepare(`SELECT count(*) FROM article_revisions WHERE reason = 'manual'`).pluck().get()).toBe(1);
      const oldest = db.prepare(`SELECT min(created_at) FROM article_revisions WHERE reason = 'interval'`).pluck().get() as number;
      expect(now - oldest).toBe((REVISION_RETENTION.maxPerArticle - 2) * 1000);
    });
  });
});
