/**
 * The same post changed on the portal and on this computer: nothing is overwritten, both versions
 * are kept, the person's choice is applied. A change made only on the portal is taken in, except
 * while the article is open in the editor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, RevisionSummary } from '../../../shared/domain';
import type { ArticlePortalState, SyncConflict } from '../../../shared/sync';
import { doc } from '../../testing/fixtures';
import { clientFor } from './site';
import { ensurePortalCategory, newsroomComputer, portalPostsWith, runToken, writeArticle, type Newsroom } from './sync-helpers';

const CATEGORY = 'Kutai Kartanegara';
let token: string;
let editor: Newsroom;

beforeAll(async () => {
  token = runToken();
  await ensurePortalCategory(CATEGORY);
  editor = await newsroomComputer('EDITOR');
});
afterAll(() => editor?.dispose());

/** An approved article delivered to the portal; returns it and its post id. */
async function delivered(title: string): Promise<{ article: Article; postId: number }> {
  const article = await writeArticle(editor, { title: `${title} ${token}`, paragraphs: ['SAMARINDA – Versi awal dari redaksi.'], category: CATEGORY });
  await editor.call('workflow-transition', { id: article.id, action: 'submit' });
  await editor.call('workflow-transition', { id: article.id, action: 'approve' });
  await editor.sync();
  const state = await editor.call<ArticlePortalState>('sync-article', { id: article.id });
  expect(state.postId).toBeGreaterThan(0);
  return { article: await editor.call<Article>('articles-get', { id: article.id }), postId: state.postId! };
}

/** Someone edits the post in wp-admin (here: the administrator through REST). */
async function editOnPortal(postId: number, title: string, paragraph: string): Promise<void> {
  const admin = clientFor('ADMIN');
  const post = await admin.getPost(postId);
  const marker = post.content.match(/<!--\s*redaksi-id-[^>]*-->/)?.[0] ?? '';
  await admin.updatePost(postId, { title, content: `<p>${paragraph}</p>\n${marker}` });
}

async function editLocally(id: string, title: string, paragraph: string): Promise<void> {
  const current = await editor.call<Article>('articles-get', { id });
  await editor.call('articles-save', { id, baseVersion: current.version, title, excerpt: current.excerpt, body: doc(paragraph) });
}

describe('conflicts', () => {
  it('both changed: Konflik, both versions kept, the portal untouched until a person chooses; a merge is applied', async () => {
    const { article, postId } = await delivered('Jembatan Mahakam');
    await editOnPortal(postId, `Jembatan Mahakam ditutup ${token}`, 'Versi portal: jembatan ditutup sementara.');
    await editLocally(article.id, `Jembatan Mahakam diperbaiki ${token}`, 'Versi komputer: perbaikan dimulai Senin.');

    const status = await editor.sync();
    expect(status.conflicts).toBe(1);
    const local = await editor.call<Article>('articles-get', { id: article.id });
    expect(local.status).toBe('conflict');
    expect(local.title).toBe(`Jembatan Mahakam diperbaiki ${token}`);
    const remotePost = await clientFor('EDITOR').getPost(postId);
    expect(remotePost.title).toBe(`Jembatan Mahakam ditutup ${token}`);

    const conflict = await editor.call<SyncConflict>('sync-conflict-get', { articleId: article.id });
    expect(conflict.local.title).toBe(`Jembatan Mahakam diperbaiki ${token}`);
    expect(conflict.local.text).toContain('perbaikan dimulai Senin');
    expect(conflict.remote.title).toBe(`Jembatan Mahakam ditutup ${token}`);
    expect(conflict.remote.text).toContain('jembatan ditutup sementara');
    expect(conflict.remote.category).toBe(CATEGORY);

    // Syncing again changes nothing while the conflict waits.
    await editor.sync();
    expect((await clientFor('EDITOR').getPost(postId)).title).toBe(`Jembatan Mahakam ditutup ${token}`);

    const merged = `Jembatan Mahakam ditutup untuk diperbaiki ${token}`;
    const resolved = await editor.call<Article>('sync-conflict-resolve', {
      articleId: article.id,
      choice: 'merged',
      merged: { title: merged, excerpt: '', body: doc('Jembatan ditutup sementara; perbaikan dimulai Senin.') },
    });
    expect(resolved.status).toBe('approved');
    const after = await editor.sync();
    expect(after).toMatchObject({ conflicts: 0, pending: 0, parked: 0 });
    const post = await clientFor('EDITOR').getPost(postId);
    expect(post.title).toBe(merged);
    expect(post.content).toContain('perbaikan dimulai Senin');
    expect((await portalPostsWith(token)).filter((p) => p.id === postId)).toHaveLength(1);
  });

  it("choosing the portal's version takes it in and keeps this computer's as a revision", async () => {
    const { article, postId } = await delivered('Pasar Tangga Arung');
    await editOnPortal(postId, `Pasar Tangga Arung direlokasi ${token}`, 'Versi portal.');
    await editLocally(article.id, `Pasar Tangga Arung ramai ${token}`, 'Versi komputer.');
    await editor.sync();
    const resolved = await editor.call<Article>('sync-conflict-resolve', { articleId: article.id, choice: 'remote' });
    expect(resolved.title).toBe(`Pasar Tangga Arung direlokasi ${token}`);
    const revisions = await editor.call<RevisionSummary[]>('revisions-list', { articleId: article.id });
    expect(revisions.some((r) => r.title === `Pasar Tangga Arung ramai ${token}`)).toBe(true);
    await editor.sync();
    expect((await clientFor('EDITOR').getPost(postId)).title).toBe(`Pasar Tangga Arung direlokasi ${token}`);
  });

  it("choosing this computer's version sends it", async () => {
    const { article, postId } = await delivered('Festival Erau');
    await editOnPortal(postId, `Festival Erau batal ${token}`, 'Versi portal.');
    await editLocally(article.id, `Festival Erau digelar ${token}`, 'Versi komputer.');
    await editor.sync();
    await editor.call('sync-conflict-resolve', { articleId: article.id, choice: 'local' });
    await editor.sync();
    expect((await clientFor('EDITOR').getPost(postId)).title).toBe(`Festival Erau digelar ${token}`);
  });

  it('a change made only on the portal is taken in; while the article is open it becomes a choice, and its status still follows', async () => {
    const { article, postId } = await delivered('Sungai Mahakam');
    await editor.call('sync-hold', { articleId: article.id, window: 'tab-1' });
    await editOnPortal(postId, `Sungai Mahakam meluap ${token}`, 'Air sungai naik dua meter.');
    // The portal also schedules it (someone set a time in wp-admin): the status is not held back.
    const at = new Date(Date.now() + 2 * 86_400_000);
    await clientFor('ADMIN').updatePost(postId, { status: 'future', publishAt: at.getTime() });
    const status = await editor.sync();
    const held = await editor.call<Article>('articles-get', { id: article.id });
    // The text on screen is untouched; the portal's version waits beside it as a visible choice.
    expect(held.title).toBe(`Sungai Mahakam ${token}`);
    expect(held.status).toBe('conflict');
    expect(status.conflicts).toBe(1);
    const conflict = await editor.call<SyncConflict>('sync-conflict-get', { articleId: article.id });
    expect(conflict.remote.title).toBe(`Sungai Mahakam meluap ${token}`);
    const taken = await editor.call<Article>('sync-conflict-resolve', { articleId: article.id, choice: 'remote' });
    expect(taken.title).toBe(`Sungai Mahakam meluap ${token}`);
    expect(JSON.stringify(taken.body)).toContain('Air sungai naik dua meter.');
    // The status the portal gave it while the choice waited.
    expect(taken.status).toBe('scheduled');
    expect(taken.publishAt).toBe(Math.floor(at.getTime() / 1000) * 1000);
  });

  it('a change made only on the portal is taken in at once when no editor window shows the article', async () => {
    const { article, postId } = await delivered('Waduk Benanga');
    // Opened, then the window went to Antrean Terbit: nothing holds the text any more.
    await editor.call('sync-hold', { articleId: article.id, window: 'tab-1' });
    await editor.call('sync-hold', { articleId: null, window: 'tab-1' });
    await editOnPortal(postId, `Waduk Benanga surut ${token}`, 'Air waduk turun.');
    await editor.sync();
    const taken = await editor.call<Article>('articles-get', { id: article.id });
    expect(taken.title).toBe(`Waduk Benanga surut ${token}`);
    expect(taken.status).toBe('approved');
  });
});
