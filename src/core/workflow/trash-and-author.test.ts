import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article, ArticleSummary, QueueItem, Term } from '../../shared/domain';
import type { SyncItem } from '../../shared/sync';
import { DATABASE_FILE_NAME } from '../backend';
import { closeDatabase, openDatabase } from '../storage/database';
import { MIGRATIONS } from '../storage/migrations';
import { doc, makeTempDir, manualClock, openTestBackend, removeDir, type TestBackend } from '../testing/fixtures';

const clock = manualClock(Date.UTC(2026, 10, 25, 6, 0)); // 14:00 WITA
const HOUR = 60 * 60 * 1000;

let t: TestBackend;
afterEach(() => t?.dispose());

const asRole = (role: 'writer' | 'editor', displayName?: string) => t.call('settings-update', displayName === undefined ? { role } : { role, displayName });

/** Runs SQL on the backend's own database file (for what only the sync engine would write). */
function sql<T = unknown>(statement: string, ...params: unknown[]): T {
  const db = new Database(path.join(t.dataDir, DATABASE_FILE_NAME));
  try {
    const stmt = db.prepare(statement);
    return (stmt.reader ? stmt.all(...params) : stmt.run(...params)) as T;
  } finally {
    db.close();
  }
}

async function readyArticle(title = 'Banjir Rendam Tiga Kecamatan'): Promise<Article> {
  const article = await t.call<Article>('articles-create', { title });
  await t.call('articles-save', { id: article.id, baseVersion: article.version, title, excerpt: '', body: doc('Sungai Mahakam meluap sejak Senin malam.') });
  const category = await t.call<Term>('terms-create', { taxonomy: 'category', name: 'Peristiwa' });
  await t.call('articles-set-terms', { id: article.id, categoryId: category.id, tags: [] });
  return t.call<Article>('articles-get', { id: article.id });
}

const act = (id: string, action: string, extra: object = {}) => t.call('workflow-transition', { id, action, ...extra });
const outbox = () => t.call<SyncItem[]>('sync-items');

describe('the trash and the workflow', () => {
  it('refuses to trash what is submitted, approved or scheduled, saying what to do first', async () => {
    t = openTestBackend({ clock });
    await asRole('writer', 'Rina');
    const article = await readyArticle();
    await act(article.id, 'submit');
    expect(await t.fail('articles-trash', { id: article.id })).toMatchObject({ kind: 'conflict', code: 'trash.withdrawFirst', params: { status: 'submitted' } });

    await asRole('editor', 'Budi');
    await act(article.id, 'approve');
    expect((await t.fail('articles-trash', { id: article.id })).code).toBe('trash.rejectFirst');
    await act(article.id, 'schedule', { publishAt: clock() + 3 * HOUR });
    expect((await t.fail('articles-trash', { id: article.id })).code).toBe('trash.rejectFirst');
    await asRole('writer');
    expect(await t.fail('articles-trash', { id: article.id })).toMatchObject({ code: 'trash.askEditor', params: { status: 'scheduled', role: 'writer' } });

    // Nothing changed: still in the editor's queue and still waiting in the outbox.
    expect((await t.call<QueueItem[]>('queue-list', {})).map((q) => q.id)).toEqual([article.id]);
    expect((await t.call<Article>('articles-get', { id: article.id })).trashedAt).toBeNull();
    expect(await outbox()).toMatchObject([{ articleId: article.id, state: 'pending', trashed: false }]);
  });

  it('allows it once the article has left the workflow', async () => {
    t = openTestBackend({ clock });
    await asRole('writer', 'Rina');
    const article = await readyArticle();
    await act(article.id, 'submit');
    await act(article.id, 'withdraw');
    expect((await t.call<ArticleSummary>('articles-trash', { id: article.id })).trashedAt).toBe(clock());
  });

  it('a rejected article that never reached the portal leaves the outbox with the trash, and comes back with it', async () => {
    t = openTestBackend({ clock });
    await asRole('editor', 'Budi');
    const article = await readyArticle();
    await act(article.id, 'submit');
    await act(article.id, 'reject', { note: 'Kurang narasumber' });
    expect((await outbox()).map((i) => i.articleId)).toEqual([article.id]);

    await t.call('articles-trash', { id: article.id });
    expect(await outbox()).toEqual([]);
    await t.call('articles-untrash', { id: article.id });
    expect(await outbox()).toMatchObject([{ articleId: article.id, state: 'pending', trashed: false }]);
  });

  it('a published article may be trashed here: the change already queued for its post still goes, and it is kept until then', async () => {
    t = openTestBackend({ clock });
    await asRole('editor', 'Budi');
    const article = await readyArticle();
    await act(article.id, 'submit');
    await act(article.id, 'publish-now');
    // As the sync engine records a delivered post.
    sql(`INSERT INTO portal_posts (article_id, client_id, post_id, remote_status) VALUES (?, ?, 41, 'publish')`, article.id, article.id);

    const trashed = await t.call<ArticleSummary>('articles-trash', { id: article.id });
    expect(trashed).toMatchObject({ status: 'published' });
    expect(await outbox()).toMatchObject([{ articleId: article.id, state: 'pending', trashed: true }]);
    expect(await t.fail('articles-delete-forever', { id: article.id })).toMatchObject({ kind: 'conflict', code: 'article.deliveryPending' });
    // Not even the 30-day purge takes it while the delivery waits.
    clock.advance(31 * 24 * HOUR);
    t = t.reopen();
    expect((await t.call<ArticleSummary[]>('articles-list', { scope: 'trash', limit: 10 })).map((a) => a.id)).toEqual([article.id]);

    sql(`DELETE FROM outbox WHERE article_id = ?`, article.id); // delivered
    await t.call('articles-delete-forever', { id: article.id });
    expect(await t.fail('articles-get', { id: article.id })).toMatchObject({ kind: 'not-found' });
  });

  it('puts back, when upgrading, articles that were trashed while in the workflow', () => {
    const dir = makeTempDir('trash-upgrade');
    try {
      const file = path.join(dir, DATABASE_FILE_NAME);
      const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 4) });
      const insert = old.prepare(
        `INSERT INTO articles (id, status, version, word_count, created_at, updated_at, title, excerpt, body_text, body_json, trashed_at)
         VALUES (?, ?, 1, 0, 1, 1, ?, '', '', '{}', 5)`,
      );
      insert.run('a-scheduled', 'scheduled', 'Terjadwal');
      insert.run('a-draft', 'draft', 'Draf');
      insert.run('a-published', 'published', 'Terbit');
      closeDatabase(old);

      const db = openDatabase(file);
      try {
        const rows = db.prepare(`SELECT id, trashed_at FROM articles ORDER BY id`).all();
        expect(rows).toEqual([
          { id: 'a-draft', trashed_at: 5 },
          { id: 'a-published', trashed_at: 5 },
          { id: 'a-scheduled', trashed_at: null },
        ]);
        // It never reached the portal: back in the outbox, to be delivered as scheduled.
        expect(db.prepare(`SELECT article_id FROM outbox`).pluck().all()).toEqual(['a-scheduled']);
      } finally {
        closeDatabase(db);
      }
    } finally {
      removeDir(dir);
    }
  });
});

describe('the author of articles started before the person had a name', () => {
  it('is set when the person sets their name, and by submitting; other computers’ articles keep theirs', async () => {
    t = openTestBackend({ clock });
    const first = await t.call<Article>('articles-create', {});
    const second = await t.call<Article>('articles-create', { title: 'Jalan rusak' });
    const fromPortal = await t.call<Article>('articles-create', { title: 'Kiriman penulis lain' });
    // An article read from the portal is keyed by the other computer's id.
    sql(`INSERT INTO portal_posts (article_id, client_id, post_id) VALUES (?, 'other-computer-id', 7)`, fromPortal.id);
    expect(first.author).toBe('');

    const changed: string[][] = [];
    t.backend.on('articles-changed', ({ ids }) => changed.push(ids));
    await asRole('writer', 'Rina Wulandari');
    expect(changed.flat().sort()).toEqual([first.id, second.id].sort());
    expect((await t.call<Article>('articles-get', { id: first.id })).author).toBe('Rina Wulandari');
    expect((await t.call<Article>('articles-get', { id: fromPortal.id })).author).toBe('');

    // A later rename does not take articles over again.
    await asRole('writer', 'Rina W.');
    expect((await t.call<Article>('articles-get', { id: second.id })).author).toBe('Rina Wulandari');
  });

  it('submitting an article without an author makes the submitter its author, in the queue and its filter', async () => {
    t = openTestBackend({ clock });
    await asRole('writer', 'Rina Wulandari');
    const article = await readyArticle();
    sql(`UPDATE articles SET author = '' WHERE id = ?`, article.id); // as left by an older version
    const submitted = await t.call<{ article: ArticleSummary }>('workflow-transition', { id: article.id, action: 'submit' });
    expect(submitted.article.author).toBe('Rina Wulandari');
    expect((await t.call<QueueItem[]>('queue-list', { author: 'rina wulandari' })).map((q) => q.id)).toEqual([article.id]);
  });

  it('a refused submit sets no author', async () => {
    t = openTestBackend({ clock });
    await asRole('writer', 'Rina');
    const article = await t.call<Article>('articles-create', {});
    sql(`UPDATE articles SET author = '' WHERE id = ?`, article.id);
    expect((await t.fail('workflow-transition', { id: article.id, action: 'submit' })).code).toBe('workflow.notReady');
    expect((await t.call<Article>('articles-get', { id: article.id })).author).toBe('');
  });
});

describe('restoring a revision of an article the person may only read', () => {
  it('is refused with its own reason, not the save’s', async () => {
    t = openTestBackend({ clock });
    await asRole('writer', 'Rina');
    const article = await readyArticle();
    const revision = t.backend.articles.snapshot(article.id, 'manual');
    await act(article.id, 'submit');
    const current = await t.call<Article>('articles-get', { id: article.id });
    const refused = await t.fail('revisions-restore', { articleId: article.id, revisionId: revision.id, baseVersion: current.version });
    expect(refused).toMatchObject({ kind: 'conflict', code: 'workflow.restoreNotEditable', params: { status: 'submitted', role: 'writer' } });
    expect((await t.call<Article>('articles-get', { id: article.id })).version).toBe(current.version);
  });
});
