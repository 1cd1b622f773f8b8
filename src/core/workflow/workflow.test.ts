import { afterEach, describe, expect, it } from 'vitest';
import type { Article, ArticleSummary, QueueItem, ReadinessProblem, Term, WorkflowEvent } from '../../shared/domain';
import type { LexicalDocument } from '../../shared/lexical-document';
import { fromWallClock } from '../../shared/newsroom-time';
import { doc, manualClock, openTestBackend, type TestBackend } from '../testing/fixtures';

type Transition = { article: ArticleSummary; event: WorkflowEvent };

describe('editorial workflow', () => {
  let t: TestBackend;
  const clock = manualClock(Date.UTC(2026, 10, 25, 6, 0)); // 14:00 WITA
  afterEach(() => t?.dispose());

  const asRole = (role: 'writer' | 'editor', displayName: string) => t.call('settings-update', { role, displayName });

  async function readyArticle(): Promise<{ article: Article; category: Term }> {
    await asRole('writer', 'Rina Wulandari');
    const article = await t.call<Article>('articles-create', { title: 'Banjir Rendam Tiga Kecamatan di Kukar' });
    await t.call('articles-save', {
      id: article.id,
      baseVersion: article.version,
      title: article.title,
      excerpt: '',
      body: doc('Tenggarong – Hujan deras sejak Senin malam membuat Sungai Mahakam meluap.'),
    });
    const category = await t.call<Term>('terms-create', { taxonomy: 'category', name: 'Peristiwa' });
    await t.call('articles-set-terms', { id: article.id, categoryId: category.id, tags: ['banjir', 'Kukar'] });
    return { article: await t.call<Article>('articles-get', { id: article.id }), category };
  }

  it('says exactly what is missing before submitting', async () => {
    t = openTestBackend({ clock });
    await asRole('writer', 'Rina');
    const article = await t.call<Article>('articles-create', {});
    const body: LexicalDocument = { root: { type: 'root', children: [] } };
    await t.call('articles-save', { id: article.id, baseVersion: 1, title: '', excerpt: '', body });
    expect(await t.call<ReadinessProblem[]>('workflow-check', { id: article.id })).toEqual([
      { code: 'missingTitle' },
      { code: 'missingBody' },
      { code: 'missingCategory' },
    ]);
    const refused = await t.fail('workflow-transition', { id: article.id, action: 'submit' });
    expect(refused.code).toBe('workflow.notReady');
    expect(refused.issues?.map((i) => i.code)).toEqual(['readiness.missingTitle', 'readiness.missingBody', 'readiness.missingCategory']);
    expect((await t.call<Article>('articles-get', { id: article.id })).status).toBe('draft');
  });

  it('takes an article from writer to editor and back with a note, then schedules it in WITA', async () => {
    t = openTestBackend({ clock });
    const { article, category } = await readyArticle();
    expect(article.author).toBe('Rina Wulandari');
    expect(article.tags).toEqual(['banjir', 'Kukar']);

    const submitted = await t.call<Transition>('workflow-transition', { id: article.id, action: 'submit' });
    expect(submitted.article.status).toBe('submitted');
    // A writer cannot change a submitted article, nor approve it.
    const locked = await t.fail('articles-save', { id: article.id, baseVersion: article.version, title: 'x', excerpt: '', body: doc('x') });
    expect(locked.code).toBe('workflow.notEditable');
    expect((await t.fail('workflow-transition', { id: article.id, action: 'approve' })).code).toBe('workflow.roleNotAllowed');

    await asRole('editor', 'Pak Hasan');
    clock.advance(60_000);
    expect((await t.fail('workflow-transition', { id: article.id, action: 'reject' })).code).toBe('workflow.noteRequired');
    const rejected = await t.call<Transition>('workflow-transition', {
      id: article.id,
      action: 'reject',
      note: 'Tambahkan jumlah pengungsi dari BPBD.',
    });
    expect(rejected.article.status).toBe('rejected');

    await asRole('writer', 'Rina Wulandari');
    const queueForWriter = await t.call<QueueItem[]>('queue-list', {});
    expect(queueForWriter).toEqual([]);
    const current = await t.call<Article>('articles-get', { id: article.id });
    await t.call('articles-save', {
      id: article.id,
      baseVersion: current.version,
      title: current.title,
      excerpt: '',
      body: doc('Tenggarong – Hujan deras sejak Senin malam membuat Sungai Mahakam meluap. BPBD mencatat 1.200 pengungsi.'),
    });
    clock.advance(60_000);
    await t.call('workflow-transition', { id: article.id, action: 'submit' });

    await asRole('editor', 'Pak Hasan');
    const nineTomorrow = fromWallClock({ year: 2026, month: 11, day: 26, hour: 9, minute: 0 }, 'Asia/Makassar');
    expect(nineTomorrow).toBe(Date.UTC(2026, 10, 26, 1, 0));
    const scheduled = await t.call<Transition>('workflow-transition', { id: article.id, action: 'schedule', publishAt: nineTomorrow });
    expect(scheduled.article).toMatchObject({ status: 'scheduled', publishAt: Date.UTC(2026, 10, 26, 1, 0) });

    const queue = await t.call<QueueItem[]>('queue-list', {});
    expect(queue.map((q) => [q.id, q.status, q.overdue, q.lastNote])).toEqual([[article.id, 'scheduled', false, 'Tambahkan jumlah pengungsi dari BPBD.']]);
    expect(await t.call<QueueItem[]>('queue-list', { categoryId: category.id })).toHaveLength(1);
    expect(await t.call<QueueItem[]>('queue-list', { statuses: ['submitted'] })).toHaveLength(0);
    expect(await t.call<QueueItem[]>('queue-list', { author: 'rina wulandari' })).toHaveLength(1);

    clock.set(Date.UTC(2026, 10, 26, 1, 5));
    expect((await t.call<QueueItem[]>('queue-list', {}))[0]?.overdue).toBe(true);

    const history = await t.call<WorkflowEvent[]>('workflow-history', { id: article.id });
    expect(history.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorRole, e.actorName])).toEqual([
      ['submit', 'draft', 'submitted', 'writer', 'Rina Wulandari'],
      ['reject', 'submitted', 'rejected', 'editor', 'Pak Hasan'],
      ['submit', 'rejected', 'submitted', 'writer', 'Rina Wulandari'],
      ['schedule', 'submitted', 'scheduled', 'editor', 'Pak Hasan'],
    ]);
    expect(history[0]!.createdAt).toBe(Date.UTC(2026, 10, 25, 6, 0));
  });

  it('snapshots the text before each submission', async () => {
    t = openTestBackend({ clock });
    const { article } = await readyArticle();
    await t.call('workflow-transition', { id: article.id, action: 'submit' });
    const revisions = await t.call<{ reason: string }[]>('revisions-list', { articleId: article.id });
    expect(revisions.map((r) => r.reason)).toContain('before-submit');
  });

  it('refuses schedules in the past and actions from the wrong status, changing nothing', async () => {
    t = openTestBackend({ clock });
    const { article } = await readyArticle();
    await asRole('editor', 'Pak Hasan');
    expect((await t.fail('workflow-transition', { id: article.id, action: 'approve' })).code).toBe('workflow.notAllowedFromStatus');
    await t.call('workflow-transition', { id: article.id, action: 'submit' });
    const past = await t.fail('workflow-transition', { id: article.id, action: 'schedule', publishAt: clock() - 1 });
    expect(past.code).toBe('workflow.publishAtInPast');
    expect((await t.call<Article>('articles-get', { id: article.id })).status).toBe('submitted');
    expect(await t.call<WorkflowEvent[]>('workflow-history', { id: article.id })).toHaveLength(1);
    const published = await t.call<Transition>('workflow-transition', { id: article.id, action: 'publish-now' });
    expect(published.article).toMatchObject({ status: 'published', publishAt: clock() });
  });

  it('keeps one tag per name whatever its case, and refuses unknown categories', async () => {
    t = openTestBackend({ clock });
    const { article } = await readyArticle();
    await t.call('articles-set-terms', { id: article.id, categoryId: null, tags: ['Banjir', ' banjir ', 'Mahakam'] });
    expect((await t.call<Term[]>('terms-list', { taxonomy: 'tag' })).map((x) => x.name)).toEqual(['banjir', 'Kukar', 'Mahakam']);
    expect((await t.call<Article>('articles-get', { id: article.id })).tags).toEqual(['banjir', 'Mahakam']);
    const unknown = await t.fail('articles-set-terms', { id: article.id, categoryId: '00000000-0000-4000-8000-000000000000', tags: [] });
    expect(unknown.kind).toBe('not-found');
  });
});

describe('what a writer may change while the editor reviews', () => {
  let t: TestBackend;
  afterEach(() => t?.dispose());

  it('refuses restores, featured images and terms on a submitted article', async () => {
    t = openTestBackend({ clock: manualClock(Date.UTC(2026, 10, 25, 6, 0)) });
    await t.call('settings-update', { role: 'writer', displayName: 'Rina' });
    const article = await t.call<Article>('articles-create', { title: 'Pasar Tangga Arung' });
    await t.call('articles-save', { id: article.id, baseVersion: 1, title: article.title, excerpt: '', body: doc('Harga cabai naik.') });
    const category = await t.call<Term>('terms-create', { taxonomy: 'category', name: 'Ekonomi' });
    await t.call('articles-set-terms', { id: article.id, categoryId: category.id, tags: [] });
    await t.call('workflow-transition', { id: article.id, action: 'submit' });
    const [revision] = await t.call<{ id: string }[]>('revisions-list', { articleId: article.id });
    const current = await t.call<Article>('articles-get', { id: article.id });
    for (const [name, args, code] of [
      ['revisions-restore', { articleId: article.id, revisionId: revision!.id, baseVersion: current.version }, 'workflow.restoreNotEditable'],
      ['articles-set-featured-image', { id: article.id, mediaId: null }, 'workflow.notEditable'],
      ['articles-set-terms', { id: article.id, categoryId: null, tags: ['x'] }, 'workflow.notEditable'],
    ] as const) {
      expect((await t.fail(name, args)).code, name).toBe(code);
    }
    expect(await t.call<Article>('articles-get', { id: article.id })).toEqual(current);
  });
});
