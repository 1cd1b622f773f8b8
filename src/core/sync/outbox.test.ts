import { afterEach, describe, expect, it } from 'vitest';
import type { Article, Term } from '../../shared/domain';
import type { SyncItem } from '../../shared/sync';
import { doc, openTestBackend, type TestBackend } from '../testing/fixtures';
import { backoffDelay, BACKOFF_CAP_MS } from './outbox';

const open: TestBackend[] = [];
afterEach(() => open.splice(0).forEach((b) => b.dispose()));

async function readyArticle(role: 'writer' | 'editor' = 'writer') {
  const t = openTestBackend();
  open.push(t);
  await t.call('settings-update', { role });
  const article = await t.call<Article>('articles-create', {});
  await t.call('articles-save', { id: article.id, baseVersion: article.version, title: 'Banjir di Tenggarong', excerpt: '', body: doc('TENGGARONG – Air naik.') });
  const category = await t.call<Term>('terms-create', { taxonomy: 'category', name: 'Daerah' });
  await t.call('articles-set-terms', { id: article.id, categoryId: category.id, tags: ['banjir'] });
  return { t, id: article.id };
}

const items = (t: TestBackend) => t.call<SyncItem[]>('sync-items');

describe('the outbox is written with the change itself', () => {
  it('drafts stay local: editing a draft queues nothing', async () => {
    const { t } = await readyArticle();
    expect(await items(t)).toEqual([]);
  });

  it('submitting queues the article once; later workflow actions and saves reuse its row', async () => {
    const { t, id } = await readyArticle('editor');
    await t.call('workflow-transition', { id, action: 'submit' });
    const [first] = await items(t);
    expect(first).toMatchObject({ articleId: id, state: 'pending', attempts: 0, title: 'Banjir di Tenggarong' });
    await t.call('workflow-transition', { id, action: 'approve' });
    const a = await t.call<Article>('articles-get', { id });
    await t.call('articles-save', { id, baseVersion: a.version, title: 'Banjir di Tenggarong meluas', excerpt: '', body: a.body });
    await t.call('articles-set-terms', { id, categoryId: a.categoryId, tags: ['banjir', 'Kukar'] });
    const after = await items(t);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: first!.id, title: 'Banjir di Tenggarong meluas' });
  });

  it('a transition that fails queues nothing (one transaction)', async () => {
    const { t, id } = await readyArticle();
    const error = await t.fail('workflow-transition', { id, action: 'approve' });
    expect(error.code).toBe('workflow.roleNotAllowed');
    expect(await items(t)).toEqual([]);
  });

  it('sync without a portal reports "unconfigured" and keeps the items', async () => {
    const { t, id } = await readyArticle();
    await t.call('workflow-transition', { id, action: 'submit' });
    const status = await t.call('sync-run');
    expect(status).toMatchObject({ connection: 'unconfigured', pending: 1, parked: 0, conflicts: 0 });
    expect(await items(t)).toHaveLength(1);
  });

  it('items survive a restart', async () => {
    const { t, id } = await readyArticle();
    await t.call('workflow-transition', { id, action: 'submit' });
    const again = t.reopen();
    open.splice(open.indexOf(t), 1, again);
    expect((await items(again)).map((i) => i.articleId)).toEqual([id]);
  });
});

describe('backoff', () => {
  it('is full jitter below an exponential ceiling, capped, and honours Retry-After', () => {
    expect(backoffDelay(1, () => 0.999)).toBeLessThan(2_000);
    expect(backoffDelay(3, () => 0.999)).toBeLessThan(8_000);
    expect(backoffDelay(3, () => 0.999)).toBeGreaterThan(7_000);
    expect(backoffDelay(40, () => 0.999)).toBeLessThan(BACKOFF_CAP_MS);
    expect(backoffDelay(2, () => 0)).toBe(0);
    expect(backoffDelay(2, () => 0, 30_000)).toBe(30_000);
  });
});
