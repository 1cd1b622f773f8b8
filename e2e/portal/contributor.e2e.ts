/**
 * A freelance reporter with a WordPress contributor account (no upload_files) sends a story with two
 * photos: it reaches the editor's queue with its text, category, tags, captions and credits; both
 * people see which photos did not go and why; the portal, checked through REST, holds one post and
 * no half-uploaded photo. See "Contributors with photos" in docs/sync.md.
 */
import { clientFor } from '../../src/core/portal/portal-tests/site';
import { ensurePortalCategory, imageIdsIn, portalPostsWith, runToken } from '../../src/core/portal/portal-tests/portal-queries';
import type { Article, MediaImportResult, MediaItem, Term } from '../../src/shared/domain';
import type { LexicalDocument } from '../../src/shared/lexical-document';
import { makePhonePhoto } from '../../test-support/photos';
import { expect, test, waitUntilReady } from '../fixtures';
import { callHost, openFromList, ui } from '../support/app';
import { connect, newestInQueue, panel, queueRow, statusOf, syncNow, writerLaptop } from './two-laptops';

const paragraph = (text: string) => ({ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] });
const photoWords = (n: number) => ({ altText: `Warga mengungsi, foto ${n}`, caption: `Banjir merendam Muara Badak, foto ${n}.`, credit: 'Andi/Redaksi' });

test("a contributor's story with two photos reaches the editor's queue; the photos' state is plain to both", async ({ browser, page, host, openApp }) => {
  test.setTimeout(180_000);
  const token = runToken();
  await ensurePortalCategory('Politik');
  const writer = await writerLaptop(browser);
  let postId: number | undefined;
  try {
    await connect(writer.host, 'CONTRIBUTOR', 'Rudi Hartono');
    await connect(host, 'EDITOR', 'Budi Santoso');

    // The story: two photos (seeded by this run: earlier runs' photos on the same portal must not count).
    const seed = Number.parseInt(token.slice(3, 10), 16);
    const photos: MediaImportResult[] = [];
    for (const n of [1, 2]) {
      const bytes = await makePhonePhoto({ width: 1200, height: 800, orientation: 1, seed: seed + n });
      photos.push(await callHost<MediaImportResult>(writer.host, 'media-import', { fileName: `banjir-${n}.jpg`, data: new Uint8Array(bytes) }));
    }
    const title = `Banjir di Muara Badak ${token}`;
    const created = await callHost<Article>(writer.host, 'articles-create', { title });
    const body = {
      root: {
        type: 'root', version: 1, direction: 'ltr', format: '', indent: 0,
        children: [
          paragraph('MUARA BADAK – Banjir merendam dua desa sejak Senin.'),
          { type: 'image', version: 1, mediaId: photos[0]!.id, ...photoWords(1) },
          paragraph('Warga mengungsi ke masjid.'),
          { type: 'image', version: 1, mediaId: photos[1]!.id, ...photoWords(2) },
        ],
      },
    } as unknown as LexicalDocument;
    await callHost(writer.host, 'articles-save', { id: created.id, baseVersion: created.version, title, excerpt: 'Banjir merendam dua desa.', body });
    const politik = (await callHost<Term[]>(writer.host, 'terms-list', { taxonomy: 'category' })).find((c) => c.name === 'Politik')!;
    await callHost(writer.host, 'articles-set-terms', { id: created.id, categoryId: politik.id, tags: ['banjir', 'Muara Badak'] });

    // The writer sends it from the app and keeps it open.
    await writer.page.goto(writer.host.url);
    await waitUntilReady(writer.page);
    await openFromList(writer.page, title);
    await panel(writer.page).getByRole('button', { name: 'Kirim ke redaktur', exact: true }).click();
    await expect(statusOf(writer.page)).toHaveText('Dikirim');
    // Told, not silently: the story went, the photos did not, named, with what the administrator can change.
    const reason = panel(writer.page).getByText(/Naskah sudah sampai di antrean redaktur, tetapi 2 fotonya belum: banjir-1\.jpg, banjir-2\.jpg/);
    await expect(reason).toBeVisible({ timeout: 30_000 });
    await expect(reason).toContainText('Penulis (Author)');

    // On the portal (REST): one pending post with text, category, tags and a line per photo; no attachment.
    const posts = (await portalPostsWith(token)).filter((p) => p.title === title);
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    postId = post.id;
    expect(post.status).toBe('pending');
    expect(post.categories).toHaveLength(1);
    expect(post.tags).toHaveLength(2);
    expect(imageIdsIn(post.content)).toHaveLength(0);
    for (const n of [1, 2]) {
      expect(post.content).toContain(`[Foto belum terunggah: banjir-${n}.jpg`);
      expect(post.content).toContain(`Banjir merendam Muara Badak, foto ${n}. Foto: Andi/Redaksi`);
    }
    for (const photo of photos) {
      const { fileHash } = await callHost<MediaItem>(writer.host, 'media-get', { id: photo.id });
      expect(await clientFor('EDITOR').findMediaByContentHash(fileHash), 'nothing half-uploaded').toHaveLength(0);
    }

    // The editor finds it in Antrean Terbit after a sync, and sees in the text which photos are missing.
    await openApp();
    await page.getByRole('button', { name: 'Antrean Terbit', exact: true }).click();
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Dikirim' });
    await syncNow(page, host);
    await expect(await newestInQueue(page, title)).toContainText('Rudi Hartono');
    await queueRow(page, title).click();
    await expect(ui.title(page)).toHaveValue(title);
    for (const n of [1, 2]) {
      await expect(ui.body(page)).toContainText(`[Foto belum terunggah: banjir-${n}.jpg`);
      await expect(ui.body(page)).toContainText(`Banjir merendam Muara Badak, foto ${n}. Foto: Andi/Redaksi`);
    }
    await expect(panel(page).getByLabel('Kategori', { exact: true }).locator('option:checked')).toHaveText('Politik');

    // Syncing again on both sides sends nothing twice.
    await syncNow(writer.page, writer.host);
    await syncNow(page, host);
    expect((await portalPostsWith(token)).filter((p) => p.title === title)).toHaveLength(1);
  } finally {
    await writer.close();
    if (postId) await clientFor('ADMIN').request(`/wp/v2/posts/${postId}`, { method: 'DELETE', query: { force: 'true' } }).catch(() => undefined);
  }
});
