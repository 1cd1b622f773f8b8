/**
 * The newsroom's day against a real WordPress: writers deliver from their own computers, an editor
 * on another computer reviews, schedules, publishes and rejects; each side sees the other's work.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, QueueItem, WorkflowEvent } from '../../../shared/domain';
import type { ArticlePortalState, SyncItem } from '../../../shared/sync';
import { fromWpGmt } from '../wordpress-client';
import { clientFor } from './site';
import {
  distinctPhoto,
  ensurePortalCategory,
  imageIdsIn,
  newsroomComputer,
  portalPostsWith,
  runToken,
  type Newsroom,
  writeArticle,
} from './sync-helpers';

const CATEGORY = 'Kutai Kartanegara';
const PARAGRAPHS = [
  'TENGGARONG – Banjir kembali merendam sejumlah kawasan di Kecamatan Tenggarong, Kutai Kartanegara, sejak Senin pagi.',
  'Kepala BPBD Kukar mengatakan sedikitnya 312 rumah terdampak dan warga mulai mengungsi ke posko di kantor kelurahan.',
  'Pemkab Kukar menyiapkan dapur umum dan perahu karet untuk mengevakuasi warga lanjut usia.',
];

/** 09:00 WITA tomorrow (WITA = UTC+8, no daylight saving), as a UTC instant. */
function tomorrowNineWita(now = Date.now()): number {
  const wita = new Date(now + 8 * 3600_000);
  return Date.UTC(wita.getUTCFullYear(), wita.getUTCMonth(), wita.getUTCDate() + 1, 9 - 8, 0, 0);
}

let token: string;
const computers: Newsroom[] = [];
const open = async (...args: Parameters<typeof newsroomComputer>) => {
  const c = await newsroomComputer(...args);
  computers.push(c);
  return c;
};

beforeAll(async () => {
  token = runToken();
  await ensurePortalCategory(CATEGORY);
});
afterAll(() => computers.splice(0).forEach((c) => c.dispose()));

describe('a writer delivers, an editor reviews', () => {
  let writer: Newsroom;
  let editor: Newsroom;
  let article: Article;

  it('a writer with three photos, offline first, then synced: one pending post with three clean media', async () => {
    writer = await open('AUTHOR');
    article = await writeArticle(writer, {
      title: `Banjir rendam Tenggarong ${token}`,
      paragraphs: PARAGRAPHS,
      photos: [await distinctPhoto(1), await distinctPhoto(2), await distinctPhoto(3)],
      category: CATEGORY,
      tags: ['banjir', `Tenggarong ${token}`],
      featured: true,
    });
    await writer.call('workflow-transition', { id: article.id, action: 'submit' });
    const status = await writer.sync();
    expect(status).toMatchObject({ connection: 'online', pending: 0, parked: 0, conflicts: 0 });

    const posts = (await portalPostsWith(token)).filter((p) => p.title === article.title);
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.status).toBe('pending');
    expect(post.title).toBe(article.title);
    const ids = imageIdsIn(post.content);
    expect(new Set(ids).size).toBe(3);
    expect(post.featuredMedia).toBe(ids[0]);
    expect(post.content).toContain('Banjir merendam permukiman di Tenggarong');
    expect(post.content).toContain('Andi/Redaksi');
    expect((post.content.match(/<figcaption[ >]/g) ?? []).length).toBe(3);
    // Each file on the server: no EXIF, so no GPS.
    const editorClient = clientFor('EDITOR');
    for (const id of ids) {
      const media = await editorClient.getMedia(id);
      const bytes = await editorClient.download(media.sourceUrl, 10_000_000);
      const meta = await sharp(bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.format).toBe('jpeg');
    }
    const state = await writer.call<ArticlePortalState>('sync-article', { id: article.id });
    expect(state).toMatchObject({ postId: post.id, remoteStatus: 'pending', conflict: false, item: null });
  });

  it('the editor on another computer finds it in the queue, approves and schedules 09:00 WITA tomorrow', async () => {
    editor = await open('EDITOR');
    await editor.sync();
    const queue = await editor.call<QueueItem[]>('queue-list', {});
    const mine = queue.filter((q) => q.title === article.title);
    expect(mine).toHaveLength(1);
    const local = mine[0]!;
    expect(local.status).toBe('submitted');
    const full = await editor.call<Article>('articles-get', { id: local.id });
    // The photos came along into the editor's library, with their words.
    const images = JSON.stringify(full.body).match(/"type":"image"/g) ?? [];
    expect(images).toHaveLength(3);
    expect(JSON.stringify(full.body)).toContain('Andi/Redaksi');

    await editor.call('workflow-transition', { id: local.id, action: 'approve' });
    const publishAt = tomorrowNineWita();
    await editor.call('workflow-transition', { id: local.id, action: 'schedule', publishAt });
    expect(await editor.sync()).toMatchObject({ pending: 0, parked: 0 });

    const onPortal = async () => (await portalPostsWith(token)).filter((p) => p.title === article.title);
    const [post] = await onPortal();
    expect(post!.status).toBe('future');
    expect(post!.dateGmt.endsWith('T01:00:00')).toBe(true);
    expect(fromWpGmt(post!.dateGmt)).toBe(publishAt);
    // Still one post, still three photos: the editor's delivery updated, it did not create.
    expect(await onPortal()).toHaveLength(1);
    expect(new Set(imageIdsIn(post!.content)).size).toBe(3);

    // The writer sees it scheduled.
    await writer.sync();
    const back = await writer.call<Article>('articles-get', { id: article.id });
    expect(back.status).toBe('scheduled');
    expect(back.publishAt).toBe(publishAt);
  });

  it('publish now makes it live', async () => {
    const [local] = (await editor.call<QueueItem[]>('queue-list', {})).filter((q) => q.title === article.title);
    await editor.call('workflow-transition', { id: local!.id, action: 'publish-now' });
    await editor.sync();
    const [post] = (await portalPostsWith(token)).filter((p) => p.title === article.title);
    expect(post!.status).toBe('publish');
    expect(Math.abs(fromWpGmt(post!.dateGmt) - Date.now())).toBeLessThan(5 * 60_000);
    await writer.sync();
    const state = await writer.call<ArticlePortalState>('sync-article', { id: article.id });
    expect((await writer.call<Article>('articles-get', { id: article.id })).status).toBe('published');
    expect(state.link).toMatch(/^http/);
  });
});

describe('publish now, pressed offline', () => {
  it('the article keeps the time the portal really published it, not the time the button was pressed', async () => {
    // This computer's clock is 20 minutes behind: what was pressed "now" here is 20 minutes before the
    // delivery on the portal's clock, as when "Terbitkan sekarang" waits offline for the signal.
    const behind = 20 * 60_000;
    const editor = await open('EDITOR', { backend: { clock: () => Date.now() - behind } });
    const article = await writeArticle(editor, { title: `Pasar apung ${token}`, paragraphs: PARAGRAPHS, category: CATEGORY });
    await editor.call('workflow-transition', { id: article.id, action: 'submit' });
    await editor.call('workflow-transition', { id: article.id, action: 'publish-now' });
    const pressed = await editor.call<Article>('articles-get', { id: article.id });
    expect(await editor.sync()).toMatchObject({ pending: 0, parked: 0 });
    const [post] = (await portalPostsWith(token)).filter((p) => p.title === article.title);
    expect(post!.status).toBe('publish');
    const after = await editor.call<Article>('articles-get', { id: article.id });
    expect(after.publishAt).toBe(fromWpGmt(post!.dateGmt));
    expect(after.publishAt! - pressed.publishAt!).toBeGreaterThan(behind - 60_000);
  });
});

describe('a contributor', () => {
  it('delivers a text article as pending; one with photos goes without them, named, and waits with a clear reason', async () => {
    const contributor = await open('CONTRIBUTOR');
    const plain = await writeArticle(contributor, { title: `Jalan rusak di Loa Kulu ${token}`, paragraphs: PARAGRAPHS, category: CATEGORY });
    const withPhoto = await writeArticle(contributor, {
      title: `Posko banjir ${token}`,
      paragraphs: PARAGRAPHS,
      photos: [await distinctPhoto(40)],
      category: CATEGORY,
    });
    await contributor.call('workflow-transition', { id: plain.id, action: 'submit' });
    await contributor.call('workflow-transition', { id: withPhoto.id, action: 'submit' });
    // Categories come from the portal's list once it is connected.
    expect((await contributor.fail('terms-create', { taxonomy: 'category', name: `Rubrik baru ${token}` })).code).toBe('terms.categoryNotOnPortal');
    const status = await contributor.sync();
    expect(status).toMatchObject({ pending: 0, parked: 1 });
    const items = await contributor.call<SyncItem[]>('sync-items');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ articleId: withPhoto.id, state: 'parked', error: { code: 'sync.photosNotUploaded', params: { count: 1, names: 'banjir-1.jpg' } } });
    // WordPress's search matches words anywhere: compare titles exactly.
    const posts = await portalPostsWith(token);
    expect(posts.filter((p) => p.title === plain.title).map((p) => p.status)).toEqual(['pending']);
    const sent = posts.filter((p) => p.title === withPhoto.title);
    expect(sent.map((p) => p.status)).toEqual(['pending']);
    expect(sent[0]!.content).toContain('[Foto belum terunggah: banjir-1.jpg');
    // Syncing again sends nothing twice.
    await contributor.sync();
    expect((await portalPostsWith(token)).filter((p) => p.title === withPhoto.title)).toHaveLength(1);
  });
});

describe('rejection', () => {
  it("the editor's note reaches the writer's computer", async () => {
    const writer = await open('AUTHOR');
    const article = await writeArticle(writer, { title: `Harga sembako naik ${token}`, paragraphs: PARAGRAPHS, category: CATEGORY });
    await writer.call('workflow-transition', { id: article.id, action: 'submit' });
    await writer.sync();

    const editor = await open('EDITOR');
    await editor.sync();
    const [local] = (await editor.call<QueueItem[]>('queue-list', {})).filter((q) => q.title === article.title);
    const note = 'Tambahkan keterangan dari Disperindag Kukar dan foto pasar.';
    await editor.call('workflow-transition', { id: local!.id, action: 'reject', note });
    await editor.sync();
    const [post] = (await portalPostsWith(token)).filter((p) => p.title === article.title);
    expect(post!.status).toBe('draft');

    await writer.sync();
    const back = await writer.call<Article>('articles-get', { id: article.id });
    expect(back.status).toBe('rejected');
    const history = await writer.call<WorkflowEvent[]>('workflow-history', { id: article.id });
    expect(history.at(-1)).toMatchObject({ toStatus: 'rejected', note });

    // The writer fixes it and sends it again: the same post goes back to pending, the note gone.
    const fresh = await writer.call<Article>('articles-get', { id: article.id });
    await writer.call('articles-save', { id: fresh.id, baseVersion: fresh.version, title: fresh.title, excerpt: fresh.excerpt, body: fresh.body });
    await writer.call('workflow-transition', { id: article.id, action: 'submit' });
    await writer.sync();
    const again = (await portalPostsWith(token)).filter((p) => p.title === article.title);
    expect(again).toHaveLength(1);
    expect(again[0]!.status).toBe('pending');
    expect(again[0]!.content).not.toContain('redaksi-note');
  });
});
