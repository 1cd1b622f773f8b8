/**
 * Photos from a reporter's phone, end to end: through the file picker and by paste, prepared by the
 * real backend (sharp), served back to the page, checked with sharp here: upright, within the long
 * edge, no EXIF and so no GPS. Caption, credit, alt text and the featured image survive a reload.
 * Hostile or broken files are refused by name and nothing of them is stored.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import type { Article, MediaItem } from '../src/shared/domain';
import { makeDecompressionBomb, makeFakeJpeg, makePhonePhoto } from '../test-support/photos';
import { expect, test } from './fixtures';
import { callHost, expectSaved, openFromList, plainText, startArticle, storedArticle, ui } from './support/app';
import type { AppHost } from './support/host';

const TITLE = 'Banjir Rendam Jalan Mulawarman, Warga Tenggarong Mengungsi';
const CAPTION = 'Warga menyeberangi Jalan Mulawarman yang tergenang, Senin (24/11/2026).';
const CREDIT = 'Rina Marlina/Redaksi';
const ALT = 'Tiga warga berjalan di jalan yang tergenang air cokelat setinggi lutut';

// Making and preparing 12 MP photos takes a few seconds each on a 2-core machine.
test.describe.configure({ timeout: 60_000 });

const figures = (page: Page) => ui.body(page).getByRole('figure');

async function chooseFiles(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Sisipkan gambar', exact: true }).click();
  await (await chooser).setFiles(files);
}

/** What a paste of a copied photo looks like to the page: a ClipboardEvent whose data holds one file. */
async function pastePhoto(page: Page, name: string, bytes: Buffer, target = ui.body(page)): Promise<void> {
  await target.evaluate(
    (target, { name, base64 }) => {
      // Page-side classes, named through globalThis: this file is type-checked without the DOM library.
      const page = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: File): void } };
        ClipboardEvent: new (type: string, init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean }) => Event;
      };
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new page.DataTransfer();
      transfer.items.add(new File([data], name, { type: 'image/jpeg' }));
      target.dispatchEvent(new page.ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    { name, base64: bytes.toString('base64') },
  );
}

/** The prepared photo exactly as the app serves it to the page. */
async function servedPhoto(page: Page, figureIndex: number): Promise<Buffer> {
  const image = figures(page).nth(figureIndex).locator('img');
  await expect(image).toBeVisible();
  type LoadedImage = { complete: boolean; naturalWidth: number; src: string };
  await expect.poll(() => image.evaluate((img) => (img as unknown as LoadedImage).complete && (img as unknown as LoadedImage).naturalWidth > 0)).toBe(true);
  const src = await image.evaluate((img) => (img as unknown as LoadedImage).src);
  const response = await page.request.get(src);
  expect(response.status()).toBe(200);
  return response.body();
}

async function expectPreparedForThePortal(photo: Buffer): Promise<void> {
  const meta = await sharp(photo).metadata();
  expect(meta.format).toBe('jpeg');
  expect(meta.exif, 'no EXIF at all, so no GPS position').toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.orientation ?? 1).toBe(1);
  expect(meta.height, 'upright: the phone was held in portrait').toBeGreaterThan(meta.width);
  expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(1600);
}

/** Every file in the data folder's photo store, as <hash> names (the temporary folder must be empty). */
async function storedMediaFiles(host: AppHost): Promise<string[]> {
  const root = path.join(host.dataDir, 'media');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

function imagesOf(article: Article) {
  return article.body.root.children.filter((node) => node.type === 'image');
}

test('phone photos from the file picker and from a paste are prepared, and their words and the featured choice persist', async ({
  page,
  openApp,
  host,
}) => {
  // A 12 MP phone photo stored sideways (EXIF orientation 6: the camera was held upright), with GPS;
  // and a second, different one for the paste (the same photo twice would be stored once).
  const [sideways, secondSideways] = await Promise.all([
    makePhonePhoto({ width: 4000, height: 3000, orientation: 6, seed: 7 }),
    makePhonePhoto({ width: 2400, height: 1800, orientation: 6, seed: 11 }),
  ]);
  await openApp();
  await startArticle(page, TITLE);
  await page.keyboard.insertText('Hujan deras sejak Minggu malam membuat Sungai Mahakam meluap.');

  await chooseFiles(page, [{ name: 'IMG_20261124_091244.jpg', mimeType: 'image/jpeg', buffer: sideways }]);
  await expect(figures(page)).toHaveCount(1, { timeout: 20_000 });
  await expectPreparedForThePortal(await servedPhoto(page, 0));
  // What preparing it saved, in Indonesian number formatting.
  await expect(figures(page).first()).toContainText('3000×4000 → ');
  await expect(figures(page).first()).toContainText('1200×1600');

  // The caret is on the line below the photo: a pasted photo lands after the first one.
  await pastePhoto(page, 'image.jpg', secondSideways);
  await expect(figures(page)).toHaveCount(2, { timeout: 20_000 });
  await expectPreparedForThePortal(await servedPhoto(page, 1));

  const first = figures(page).first();
  await expect(first.getByText('Teks alternatif belum diisi', { exact: false })).toBeVisible();
  await first.getByLabel('Keterangan foto', { exact: true }).fill(CAPTION);
  await first.getByLabel('Kredit foto', { exact: true }).fill(CREDIT);
  await first.getByLabel('Teks alternatif', { exact: true }).fill(ALT);
  await expect(first.getByText('Teks alternatif belum diisi', { exact: false })).toBeHidden();
  await expect(first.locator('img')).toHaveAttribute('alt', ALT);

  const feature = first.getByRole('button', { name: 'Jadikan gambar utama', exact: true });
  await feature.click();
  await expect(feature).toHaveAttribute('aria-pressed', 'true');
  await expect(first.getByText('Gambar utama', { exact: true })).toBeVisible();

  await expect
    .poll(
      async () => {
        const article = await storedArticle(host, TITLE);
        const [image] = imagesOf(article);
        return { caption: image?.caption, credit: image?.credit, altText: image?.altText, images: imagesOf(article).length, featured: article.featuredMediaId === image?.mediaId };
      },
      { timeout: 10_000 },
    )
    .toEqual({ caption: CAPTION, credit: CREDIT, altText: ALT, images: 2, featured: true });
  await expect(ui.saveStatus(page)).toHaveText('Tersimpan');

  // Two photos, each a prepared file and a thumbnail: nothing else was kept (no originals).
  const article = await storedArticle(host, TITLE);
  const items = await Promise.all(imagesOf(article).map((image) => callHost<MediaItem>(host, 'media-get', { id: image.mediaId })));
  const expected = items.flatMap((item) => [item.fileHash, item.thumbHash]).map((hash) => path.join(hash.slice(0, 2), hash));
  expect((await storedMediaFiles(host)).sort()).toEqual(expected.sort());

  await page.reload();
  await openFromList(page, TITLE);
  await expect(figures(page)).toHaveCount(2);
  const again = figures(page).first();
  await expect(again.getByLabel('Keterangan foto', { exact: true })).toHaveValue(CAPTION);
  await expect(again.getByLabel('Kredit foto', { exact: true })).toHaveValue(CREDIT);
  await expect(again.getByLabel('Teks alternatif', { exact: true })).toHaveValue(ALT);
  await expect(again.getByRole('button', { name: 'Jadikan gambar utama', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(figures(page).nth(1).getByRole('button', { name: 'Jadikan gambar utama', exact: true })).toHaveAttribute('aria-pressed', 'false');
  // The caption is searchable.
  await ui.search(page).fill('Mulawarman tergenang');
  await expect(page.getByRole('list', { name: 'Hasil pencarian', exact: true }).getByRole('button', { name: new RegExp('Banjir Rendam Jalan Mulawarman') })).toBeVisible();
});

test('a decompression bomb and a fake photo are refused by name, the good photo goes in, and nothing of the bad ones is stored', async ({
  page,
  openApp,
  host,
}) => {
  const smallUpright = await makePhonePhoto({ width: 1200, height: 900, orientation: 1, seed: 5 });
  await openApp();
  await startArticle(page, 'Foto Kiriman Warga');
  await page.keyboard.insertText('Foto-foto ini dikirim warga lewat WhatsApp.');

  await chooseFiles(page, [
    { name: 'bom-piksel.png', mimeType: 'image/png', buffer: await makeDecompressionBomb() },
    { name: 'kiriman-warga.jpg', mimeType: 'image/jpeg', buffer: makeFakeJpeg() },
    { name: 'jembatan.jpg', mimeType: 'image/jpeg', buffer: smallUpright },
  ]);

  const refused = page.getByRole('alert').filter({ hasText: 'tidak disisipkan' });
  await expect(refused).toBeVisible({ timeout: 20_000 });
  await expect(refused).toContainText('2 berkas tidak disisipkan');
  await expect(refused.getByRole('listitem').filter({ hasText: 'bom-piksel.png' })).toContainText('terlalu besar untuk diolah');
  await expect(refused.getByRole('listitem').filter({ hasText: 'kiriman-warga.jpg' })).toContainText('bukan foto');
  await expect(figures(page)).toHaveCount(1);
  await expect(page.getByRole('progressbar')).toHaveCount(0);

  await expect.poll(async () => imagesOf(await storedArticle(host, 'Foto Kiriman Warga')).length, { timeout: 10_000 }).toBe(1);
  const [image] = imagesOf(await storedArticle(host, 'Foto Kiriman Warga'));
  const item = await callHost<MediaItem>(host, 'media-get', { id: image!.mediaId });
  expect(item.originalName).toBe('jembatan.jpg');
  expect((await storedMediaFiles(host)).sort()).toEqual([item.fileHash, item.thumbHash].map((hash) => path.join(hash.slice(0, 2), hash)).sort());

  await refused.getByRole('button', { name: 'Tutup', exact: true }).click();
  await expect(refused).toBeHidden();
});

/** The stored body as blocks: a paragraph's text, or "[foto]" for a figure. */
async function storedBlocks(host: AppHost, title: string): Promise<string[]> {
  const article = await storedArticle(host, title);
  return article.body.root.children.map((node) => (node.type === 'image' ? '[foto]' : plainText({ root: { ...article.body.root, children: [node] } })));
}

test('typing on a selected photo, or below a photo that ends the article, writes on a new line after it', async ({ page, openApp, host }) => {
  const title = 'Jembatan Kartanegara Ditutup Sementara';
  const photo = await makePhonePhoto({ width: 1600, height: 400, orientation: 1, seed: 5 });
  await openApp();
  await startArticle(page, title);
  // Longer than the window, so the article has no empty height of its own below the photo.
  const lead = Array.from({ length: 24 }, (_, i) => `Alinea ${i + 1}.`);
  for (const line of lead) {
    await page.keyboard.insertText(line);
    await page.keyboard.press('Enter');
  }
  await chooseFiles(page, [{ name: 'IMG_0005.jpg', mimeType: 'image/jpeg', buffer: photo }]);
  await expect(figures(page)).toHaveCount(1, { timeout: 20_000 });
  const selectPhoto = async () => {
    await figures(page).first().locator('img').click();
    await expect(figures(page).first()).toHaveClass(/is-selected/);
  };

  // Without a caret, the browser would type at the start of the article (and backwards), and Home,
  // End or Shift+arrows would move or extend from there (Shift+Down and a key deleted the rest).
  await selectPhoto();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Home');
  await page.keyboard.type('Setelah foto');
  await expect.poll(() => storedBlocks(host, title), { timeout: 10_000 }).toEqual([...lead, '[foto]', 'Setelah foto']);

  // The photo moved to the end leaves no line after it: a click below it makes one.
  await figures(page).first().getByRole('button', { name: 'Turun', exact: true }).click();
  await expect.poll(() => storedBlocks(host, title), { timeout: 10_000 }).toEqual([...lead, 'Setelah foto', '[foto]']);
  // The focus stays on the button; a screen reader is told where the photo went.
  await expect(page.locator('[aria-live="polite"]', { hasText: 'Foto turun, kini bagian 26 dari 26 di isi berita.' })).toBeAttached();
  const figureBox = (await figures(page).first().boundingBox())!;
  await page.mouse.click(figureBox.x + 40, figureBox.y + figureBox.height + 24);
  await page.keyboard.type('Penutup');
  await expect.poll(() => storedBlocks(host, title), { timeout: 10_000 }).toEqual([...lead, 'Setelah foto', '[foto]', 'Penutup']);

  // A photo pasted while writing the caption goes after that figure; the caption keeps the caret.
  const caption = figures(page).first().getByLabel('Keterangan foto', { exact: true });
  await caption.click();
  await page.keyboard.type('Jembatan');
  await pastePhoto(page, 'image.jpg', await makePhonePhoto({ width: 1600, height: 400, orientation: 1, seed: 6 }), caption);
  await expect(figures(page)).toHaveCount(2, { timeout: 20_000 });
  await expect(caption).toBeFocused();
  await page.keyboard.type(' ditutup');
  await expect(caption).toHaveValue('Jembatan ditutup');
  await expect.poll(() => storedBlocks(host, title), { timeout: 10_000 }).toEqual([...lead, 'Setelah foto', '[foto]', '[foto]', 'Penutup']);
  await expect(ui.saveStatus(page)).toHaveText('Tersimpan');
});

test('photos still being prepared when the reporter opens another article land at the end of their own article', async ({ page, openApp, host }) => {
  // Three 12 MP photos are prepared while the test goes on: about 17 s here.
  test.setTimeout(60_000);
  const left = 'Harga Sembako di Pasar Tangga Arung Naik';
  const other = 'Festival Erau Dibuka di Tenggarong';
  const photos = await Promise.all([1, 2, 3].map((seed) => makePhonePhoto({ width: 4000, height: 3000, orientation: 6, seed: 20 + seed })));
  await openApp();
  await startArticle(page, other);
  await page.keyboard.insertText('Pembukaan Erau dihadiri ribuan warga.');
  await startArticle(page, left);
  await page.keyboard.insertText('Harga cabai naik dua kali lipat.');
  await expectSaved(page, host, left, 'Harga cabai naik dua kali lipat.');

  await chooseFiles(
    page,
    photos.map((buffer, i) => ({ name: `PASAR_${i + 1}.jpg`, mimeType: 'image/jpeg', buffer })),
  );
  await openFromList(page, other); // while the three are still being prepared

  await expect(page.getByText(`3 foto yang disiapkan setelah Anda pindah naskah dimasukkan ke akhir “${left}”.`, { exact: true })).toBeVisible({ timeout: 40_000 });
  const stored = await storedArticle(host, left);
  expect(plainText(stored.body)).toContain('Harga cabai naik dua kali lipat.');
  const names = await Promise.all(imagesOf(stored).map(async (image) => (await callHost<MediaItem>(host, 'media-get', { id: image.mediaId })).originalName));
  expect(names, 'all three, in the order chosen').toEqual(['PASAR_1.jpg', 'PASAR_2.jpg', 'PASAR_3.jpg']);
  expect(imagesOf(await storedArticle(host, other))).toHaveLength(0);
  await expect(figures(page)).toHaveCount(0);

  await openFromList(page, left);
  await expect(figures(page)).toHaveCount(3);
});
