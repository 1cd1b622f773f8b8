import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article, ArticleSummary, MediaImportResult, SaveResult } from '../../shared/domain';
import { emptyDocument } from '../../shared/lexical-document';
import { doc, manualClock, openTestBackend, type TestBackend } from '../testing/fixtures';
import { TRASH_RETENTION_MS } from './articles-service';

const open: TestBackend[] = [];
function start(overrides: Parameters<typeof openTestBackend>[0] = {}): TestBackend {
  const t = openTestBackend(overrides);
  open.push(t);
  return t;
}
afterEach(() => {
  while (open.length > 0) open.pop()!.dispose();
});

const MISSING_ID = '3f1e2d3c-4b5a-4697-8899-aabbccddeeff';

describe('articles', () => {
  it('creates an empty draft at version 1 and reads it back', async () => {
    const t = start();
    const created = await t.call<Article>('articles-create', { title: 'Banjir di Tenggarong' });
    expect(created).toMatchObject({ title: 'Banjir di Tenggarong', excerpt: '', status: 'draft', version: 1, wordCount: 0, trashedAt: null });
    expect(created.body).toEqual(emptyDocument());
    expect(await t.call<Article>('articles-get', { id: created.id })).toEqual(created);
  });

  it('makes an article with the id the window chose, once, however often it is asked', async () => {
    const t = start();
    const id = '0b6f7c1e-4f3a-4d7e-9a51-2f1f7e0c9b10';
    const created = await t.call<Article>('articles-create', { id });
    expect(created).toMatchObject({ id, title: '', version: 1 });
    await t.call('articles-save', { id, baseVersion: 1, title: 'Judul cepat', excerpt: '', body: doc('Paragraf pertama.') });
    // The first answer was lost on the way: asking again returns the article as it is now.
    const again = await t.call<Article>('articles-create', { id });
    expect(again).toMatchObject({ id, title: 'Judul cepat', version: 2 });
    expect((await t.call<Article[]>('articles-list', {})).filter((a) => a.id === id)).toHaveLength(1);
    expect(await t.fail('articles-create', { id: 'not-an-id' })).toMatchObject({ kind: 'validation' });
  });

  it('saves content, derives the word count, and increments the version', async () => {
    const clock = manualClock();
    const t = start({ clock });
    const { id } = await t.call<Article>('articles-create', {});
    clock.advance(1000);
    const body = doc('Anak-anak SD di Loa Kulu belajar di tenda darurat.', 'Air mulai surut, kata Camat.');
    const saved = await t.call<SaveResult>('articles-save', { id, baseVersion: 1, title: 'Sekolah Darurat', excerpt: 'Ringkas.', body });
    expect(saved).toEqual({ id, version: 2, updatedAt: clock(), wordCount: 14 });
    const article = await t.call<Article>('articles-get', { id });
    expect(article).toMatchObject({ title: 'Sekolah Darurat', excerpt: 'Ringkas.', version: 2, wordCount: 14, updatedAt: clock() });
    expect(article.body).toEqual(body);
  });

  it('refuses a save based on an old version and keeps the newer content', async () => {
    const t = start();
    const { id } = await t.call<Article>('articles-create', {});
    await t.call('articles-save', { id, baseVersion: 1, title: 'Versi A', excerpt: '', body: doc('isi A') });
    const error = await t.fail('articles-save', { id, baseVersion: 1, title: 'Versi B', excerpt: '', body: doc('isi B') });
    expect(error).toMatchObject({ kind: 'conflict', code: 'article.versionConflict', params: { id, baseVersion: 1, currentVersion: 2 } });
    expect(await t.call<Article>('articles-get', { id })).toMatchObject({ title: 'Versi A', version: 2 });
  });

  it('answers not-found for unknown ids on every article handler', async () => {
    const t = start();
    const calls: [string, object][] = [
      ['articles-get', { id: MISSING_ID }],
      ['articles-save', { id: MISSING_ID, baseVersion: 1, title: '', excerpt: '', body: doc('x') }],
      ['articles-trash', { id: MISSING_ID }],
      ['articles-untrash', { id: MISSING_ID }],
      ['articles-delete-forever', { id: MISSING_ID }],
      ['revisions-list', { articleId: MISSING_ID }],
      ['revisions-get', { id: MISSING_ID }],
    ];
    for (const [name, args] of calls) {
      expect(await t.fail(name, args), name).toMatchObject({ kind: 'not-found' });
    }
    expect((await t.fail('articles-get', { id: MISSING_ID })).code).toBe('notFound.article');
  });

  it('refuses to save an article in the trash, and accepts the save again once restored', async () => {
    const t = start();
    const { id } = await t.call<Article>('articles-create', { title: 'Lama' });
    await t.call('articles-trash', { id });
    const error = await t.fail('articles-save', { id, baseVersion: 1, title: 'Baru', excerpt: '', body: doc('x') });
    expect(error).toMatchObject({ kind: 'conflict', code: 'article.trashed' });
    expect(await t.call<Article>('articles-get', { id })).toMatchObject({ title: 'Lama', version: 1 });
    await t.call('articles-untrash', { id });
    await t.call('articles-save', { id, baseVersion: 1, title: 'Baru', excerpt: '', body: doc('x') });
    expect(await t.call<Article>('articles-get', { id })).toMatchObject({ title: 'Baru', version: 2 });
  });

  it('lists active articles newest first and the trash separately', async () => {
    const clock = manualClock();
    const t = start({ clock });
    const ids: string[] = [];
    for (const title of ['Satu', 'Dua', 'Tiga']) {
      clock.advance(60_000);
      ids.push((await t.call<Article>('articles-create', { title })).id);
    }
    clock.advance(60_000);
    await t.call('articles-save', { id: ids[0], baseVersion: 1, title: 'Satu (diperbarui)', excerpt: '', body: doc('x') });
    const active = await t.call<ArticleSummary[]>('articles-list', {});
    expect(active.map((a) => a.title)).toEqual(['Satu (diperbarui)', 'Tiga', 'Dua']);
    expect(active[0]).not.toHaveProperty('body');

    clock.advance(60_000);
    const trashed = await t.call<ArticleSummary>('articles-trash', { id: ids[1] });
    expect(trashed.trashedAt).toBe(clock());
    expect((await t.call<ArticleSummary[]>('articles-list', {})).map((a) => a.id)).toEqual([ids[0], ids[2]]);
    expect((await t.call<ArticleSummary[]>('articles-list', { scope: 'trash' })).map((a) => a.id)).toEqual([ids[1]]);
    expect(await t.call<ArticleSummary[]>('articles-list', { limit: 1 })).toHaveLength(1);

    const restored = await t.call<ArticleSummary>('articles-untrash', { id: ids[1] });
    expect(restored.trashedAt).toBeNull();
    expect(await t.call<ArticleSummary[]>('articles-list', { scope: 'trash' })).toEqual([]);
  });

  it('deletes forever only from the trash, together with the revisions', async () => {
    const t = start();
    const { id } = await t.call<Article>('articles-create', {});
    await t.call('articles-save', { id, baseVersion: 1, title: 'Ada isinya', excerpt: '', body: doc('isi') });
    const revisions = await t.call<{ id: string }[]>('revisions-list', { articleId: id });
    expect(revisions).toHaveLength(1);
    expect(await t.fail('articles-delete-forever', { id })).toMatchObject({ kind: 'conflict', code: 'article.notTrashed' });
    await t.call('articles-trash', { id });
    expect(await t.call('articles-delete-forever', { id })).toEqual({ id });
    expect(await t.fail('articles-get', { id })).toMatchObject({ kind: 'not-found' });
    expect(await t.fail('revisions-get', { id: revisions[0]!.id })).toMatchObject({ kind: 'not-found' });
  });

  it('discards an article left blank right after it was made, and nothing that holds anything', async () => {
    const t = start();
    const discard = async (id: string) => (await t.call<{ discarded: boolean }>('articles-discard-if-blank', { id })).discarded;
    const blank = await t.call<Article>('articles-create', {});
    await t.call('articles-save', { id: blank.id, baseVersion: 1, title: '  ', excerpt: '', body: emptyDocument() });
    expect(await discard(blank.id)).toBe(true);
    expect(await t.fail('articles-get', { id: blank.id })).toMatchObject({ kind: 'not-found' });
    expect(await t.fail('articles-discard-if-blank', { id: blank.id })).toMatchObject({ kind: 'not-found' });

    const titled = await t.call<Article>('articles-create', { title: 'Judul saja' });
    expect(await discard(titled.id)).toBe(false);
    // Written once and then emptied: the revision still holds the words.
    const emptied = await t.call<Article>('articles-create', {});
    const saved = await t.call<SaveResult>('articles-save', { id: emptied.id, baseVersion: 1, title: '', excerpt: '', body: doc('Kalimat yang dihapus lagi.') });
    await t.call('articles-save', { id: emptied.id, baseVersion: saved.version, title: '', excerpt: '', body: emptyDocument() });
    expect(await discard(emptied.id)).toBe(false);
    const photoOnly = await t.call<Article>('articles-create', {});
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).png().toBuffer();
    const media = await t.call<MediaImportResult>('media-import', { fileName: 'foto.png', data: new Uint8Array(png) });
    const image = { type: 'image', version: 1, mediaId: media.id, altText: '', caption: '', credit: '' };
    const withPhoto = { root: { ...emptyDocument().root, children: [image, ...emptyDocument().root.children] } };
    await t.call('articles-save', { id: photoOnly.id, baseVersion: 1, title: '', excerpt: '', body: withPhoto });
    expect(await discard(photoOnly.id)).toBe(false);
    const trashed = await t.call<Article>('articles-create', {});
    await t.call('articles-trash', { id: trashed.id });
    expect(await discard(trashed.id)).toBe(false);
    const ids = (await t.call<ArticleSummary[]>('articles-list', {})).map((a) => a.id);
    expect(ids.sort()).toEqual([titled.id, emptied.id, photoOnly.id].sort());
  });

  it('empties trash older than the retention period at start, and keeps the rest', async () => {
    const clock = manualClock();
    let t = start({ clock });
    const old = await t.call<Article>('articles-create', { title: 'Lama' });
    const recent = await t.call<Article>('articles-create', { title: 'Baru dibuang' });
    const kept = await t.call<Article>('articles-create', { title: 'Aktif' });
    await t.call('articles-save', { id: old.id, baseVersion: 1, title: 'Lama', excerpt: '', body: doc('isi lama') });
    await t.call('articles-trash', { id: old.id });
    clock.advance(TRASH_RETENTION_MS - 60_000);
    await t.call('articles-trash', { id: recent.id });
    clock.advance(2 * 60_000); // `old` is now past the retention period, `recent` is not
    t = t.reopen({ clock });
    open.push(t);
    const remaining = [...(await t.call<ArticleSummary[]>('articles-list', { scope: 'trash' })), ...(await t.call<ArticleSummary[]>('articles-list', {}))];
    expect(remaining.map((a) => a.id).sort()).toEqual([recent.id, kept.id].sort());
    expect(await t.fail('revisions-list', { articleId: old.id })).toMatchObject({ kind: 'not-found' });
  });

  it('keeps every acknowledged save across a restart', async () => {
    let t = start();
    const { id } = await t.call<Article>('articles-create', {});
    await t.call('articles-save', { id, baseVersion: 1, title: 'Tersimpan', excerpt: 'e', body: doc('satu dua tiga') });
    t = t.reopen();
    open.push(t);
    expect(await t.call<Article>('articles-get', { id })).toMatchObject({ title: 'Tersimpan', excerpt: 'e', version: 2, wordCount: 3 });
  });

  it("emits 'articles-changed' after each mutation, and not for refused ones", async () => {
    const t = start();
    const seen: string[][] = [];
    const off = t.backend.on('articles-changed', ({ ids }) => seen.push(ids));
    const { id } = await t.call<Article>('articles-create', {});
    await t.call('articles-save', { id, baseVersion: 1, title: 'x', excerpt: '', body: doc('x') });
    await t.fail('articles-save', { id, baseVersion: 1, title: 'y', excerpt: '', body: doc('y') });
    await t.call('articles-trash', { id });
    await t.call('articles-untrash', { id });
    expect(seen).toEqual([[id], [id], [id], [id]]);
    off();
    await t.call('articles-trash', { id });
    expect(seen).toHaveLength(4);
  });
});
