/**
 * What a portal account may do is asked again when it matters, not only at "Simpan": an item
 * parked for a permission goes once the administrator grants it ("Coba lagi" or the next sync),
 * and a role lowered after "Simpan" is named precisely. Each test uses its own WordPress user,
 * made and removed by the administrator through REST, so no other suite sees a role change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, MediaItem, QueueItem } from '../../../shared/domain';
import { imageMediaIds } from '../../../shared/lexical-document';
import type { PortalConnection, SyncItem, SyncStatus } from '../../../shared/sync';
import { memorySecretStore } from '../../secrets/secret-store';
import { openTestBackend, type TestBackend } from '../../testing/fixtures';
import { clientFor, testSite } from './site';
import { distinctPhoto, ensurePortalCategory, imageIdsIn, newsroomComputer, portalPostsWith, runToken, writeArticle } from './sync-helpers';

const CATEGORY = 'Kutai Kartanegara';
let token: string;
const admin = () => clientFor('ADMIN');
const made: number[] = [];
const computers: TestBackend[] = [];

/** A fresh WordPress user with `role` and an Application Password. */
async function portalUser(role: string): Promise<{ id: number; username: string; appPassword: string }> {
  const username = `peran-${token}-${made.length + 1}`;
  const { body: user } = await admin().request('/wp/v2/users', {
    method: 'POST',
    json: { username, email: `${username}@example.test`, password: `Sandi-${token}-x9!`, roles: [role], name: `Wartawan ${made.length + 1}` },
  });
  const id = Number((user as { id: number }).id);
  made.push(id);
  const { body: pass } = await admin().request(`/wp/v2/users/${id}/application-passwords`, { method: 'POST', json: { name: 'Redaksi' } });
  return { id, username, appPassword: String((pass as { password: string }).password) };
}

async function setRole(id: number, role: string): Promise<void> {
  await admin().request(`/wp/v2/users/${id}`, { method: 'POST', json: { roles: [role] } });
}

async function computerFor(user: { username: string; appPassword: string }): Promise<TestBackend> {
  const computer = openTestBackend({ secrets: memorySecretStore(), portalTimeoutMs: 8_000 });
  computers.push(computer);
  await computer.call('portal-save', { address: testSite().url, username: user.username, appPassword: user.appPassword });
  await computer.call<SyncStatus>('sync-run');
  return computer;
}

const itemOf = async (computer: TestBackend, article: Article) =>
  (await computer.call<SyncItem[]>('sync-items')).find((i) => i.articleId === article.id);

beforeAll(async () => {
  token = runToken();
  await ensurePortalCategory(CATEGORY);
});
afterAll(async () => {
  computers.splice(0).forEach((c) => c.dispose());
  const reassign = testSite().users.ADMIN.id;
  for (const id of made.splice(0)) {
    await admin().request(`/wp/v2/users/${id}`, { method: 'DELETE', query: { force: 'true', reassign } }).catch(() => undefined);
  }
});

describe('permissions asked again when they matter', () => {
  it('"Coba lagi" after the administrator made a contributor an author sends the photo the story went without', async () => {
    const user = await portalUser('contributor');
    const writer = await computerFor(user);
    const article = await writeArticle(writer, { title: `Longsor di Samboja ${token}`, paragraphs: ['SAMBOJA – Longsor menutup jalan poros.'], photos: [await distinctPhoto(41)], category: CATEGORY });
    await writer.call('workflow-transition', { id: article.id, action: 'submit' });
    await writer.call('sync-run');
    expect((await itemOf(writer, article))?.error?.code).toBe('sync.photosNotUploaded');

    await setRole(user.id, 'author');
    await writer.call('sync-retry', { articleId: article.id });
    const status = await writer.call<SyncStatus>('sync-run');
    expect(status).toMatchObject({ pending: 0, parked: 0 });
    const posts = await portalPostsWith(token);
    const post = posts.find((p) => p.title === article.title)!;
    expect(post.status).toBe('pending');
    expect(imageIdsIn(post.content)).toHaveLength(1);
    // The connection now knows the new role too.
    expect((await writer.call<PortalConnection>('portal-get')).account?.roles).toEqual(['author']);
  });

  it('a role lowered after "Simpan" is named as such, with the role the account has now', async () => {
    const user = await portalUser('author');
    const writer = await computerFor(user);
    const article = await writeArticle(writer, { title: `Jalan rusak di Loa Kulu ${token}`, paragraphs: ['LOA KULU – Jalan rusak sepanjang dua kilometer.'], category: CATEGORY });
    await writer.call('workflow-transition', { id: article.id, action: 'submit' });
    expect(await writer.call<SyncStatus>('sync-run')).toMatchObject({ pending: 0, parked: 0 });

    await setRole(user.id, 'subscriber');
    await writer.call('workflow-transition', { id: article.id, action: 'withdraw' });
    await writer.call('sync-run');
    const item = await itemOf(writer, article);
    expect(item?.state).toBe('parked');
    expect(item?.error).toMatchObject({ code: 'sync.accountChanged', params: { roles: 'subscriber' } });
  });

  it("a contributor's story with two photos reaches the editor's queue with everything but the files, names them, and the photos follow once allowed", async () => {
    const user = await portalUser('contributor');
    const writer = await computerFor(user);
    const title = `Banjir di Muara Badak ${token}`;
    const runSeed = Number.parseInt(token.slice(3, 10), 16);
    const article = await writeArticle(writer, {
      title,
      paragraphs: ['MUARA BADAK – Banjir merendam dua desa.', 'Warga mengungsi ke masjid.'],
      // Seeded by this run, so that photos of earlier runs on the same portal do not count.
      photos: [await distinctPhoto(runSeed), await distinctPhoto(runSeed + 1)],
      category: CATEGORY,
      tags: ['banjir', 'Muara Badak'],
      featured: true,
    });
    await writer.call('workflow-transition', { id: article.id, action: 'submit' });
    const status = await writer.call<SyncStatus>('sync-run');
    // Sent, and marked for action: the writer is told which photos did not go and why.
    expect(status).toMatchObject({ pending: 0, parked: 1 });
    const item = await itemOf(writer, article);
    expect(item?.error).toMatchObject({ code: 'sync.photosNotUploaded', params: { count: 2, names: 'banjir-1.jpg, banjir-2.jpg' } });

    // On the portal: one pending post with text, category, tags, and a line per photo with its caption and credit.
    const [post, ...others] = (await portalPostsWith(token)).filter((p) => p.title === title);
    expect(others).toHaveLength(0);
    expect(post!.status).toBe('pending');
    expect(post!.categories).toHaveLength(1);
    expect(post!.tags).toHaveLength(2);
    expect(post!.content).toContain('Banjir merendam dua desa.');
    for (const n of [1, 2]) {
      expect(post!.content).toContain(`[Foto belum terunggah: banjir-${n}.jpg`);
      expect(post!.content).toContain(`Banjir merendam permukiman di Tenggarong, Senin (24/11/2026). Foto ${n} Foto: Andi/Redaksi`);
    }
    expect(imageIdsIn(post!.content)).toHaveLength(0);

    // The editor has it in the queue, with the missing photos named in the text.
    const editor = await newsroomComputer('EDITOR');
    computers.push(editor);
    const queued = (await editor.call<QueueItem[]>('queue-list', {})).find((q) => q.title === title);
    expect(queued?.status).toBe('submitted');
    const editorCopy = await editor.call<Article>('articles-get', { id: queued!.id });
    expect(JSON.stringify(editorCopy.body)).toContain('[Foto belum terunggah: banjir-2.jpg');

    // The administrator makes the account an author: the next sync asks again and sends the photos.
    await setRole(user.id, 'author');
    expect(await writer.call<SyncStatus>('sync-run')).toMatchObject({ pending: 0, parked: 0 });
    const [updated, ...again] = (await portalPostsWith(token)).filter((p) => p.title === title);
    expect(again).toHaveLength(0);
    expect(imageIdsIn(updated!.content)).toHaveLength(2);
    expect(updated!.content).not.toContain('Foto belum terunggah');
    expect(updated!.featuredMedia).toBe(imageIdsIn(updated!.content)[0]);
    // Exactly one attachment per photo on the portal, the ones the post shows.
    const placed = new Set(imageIdsIn(updated!.content));
    expect(placed.size).toBe(2);
    for (const mediaId of imageMediaIds(article.body)) {
      const { fileHash } = await writer.call<MediaItem>('media-get', { id: mediaId });
      const found = await clientFor('EDITOR').findMediaByContentHash(fileHash);
      expect(found).toHaveLength(1);
      expect(placed.has(found[0]!.id)).toBe(true);
    }
  });
});
