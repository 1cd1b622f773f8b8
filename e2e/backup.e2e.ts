/**
 * "Cadangan" in browser mode: a backup made while the person types, restored onto a fresh data
 * folder (another computer) through Pengaturan: the article, its revisions and its photo come back
 * at the next start. A damaged backup on the same disk is named and never offered.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { RevisionSummary } from '../src/shared/domain';
import { makePhonePhoto } from '../test-support/photos';
import { expect, test, waitUntilReady } from './fixtures';
import { callHost, expectSaved, openFromList, plainText, startArticle, storedArticle, ui } from './support/app';
import { AppHost } from './support/host';

const TITLE = 'Longsor Tutup Jalan Poros Samarinda-Bontang';
const FIRST = 'Tanah dari tebing menutup separuh badan jalan sejak pukul 05.00 WITA. ';
const MORE = 'Petugas membuka satu lajur dengan alat berat.';

async function openBackups(page: Page, folder: string): Promise<void> {
  await page.getByRole('button', { name: 'Pengaturan', exact: true }).click();
  await page.getByRole('textbox', { name: 'Folder cadangan', exact: true }).fill(folder);
  await page.getByRole('button', { name: 'Pakai folder ini', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Cadangkan sekarang', exact: true })).toBeEnabled();
}

test('a backup made while typing is restored on a fresh data folder with its revisions and photo; a damaged one is refused by name', async ({ page, context, openApp, host }) => {
  test.setTimeout(60_000);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'redaksi-e2e-usb-'));
  const freshDir = await mkdtemp(path.join(os.tmpdir(), 'redaksi-e2e-fresh-'));
  const fresh = new AppHost(freshDir);
  try {
    await openApp();
    await startArticle(page, TITLE);
    await page.keyboard.type(FIRST);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Sisipkan gambar', exact: true }).click();
    await (await chooser).setFiles({ name: 'longsor.jpg', mimeType: 'image/jpeg', buffer: await makePhonePhoto({ width: 800, height: 600, orientation: 1 }) });
    await expect(ui.body(page).getByRole('figure')).toHaveCount(1);
    await expectSaved(page, host, TITLE, FIRST.trim());
    const withPhoto = await storedArticle(host, TITLE);
    expect(JSON.stringify(withPhoto.body)).toContain('"type":"image"');

    // Pengaturan in a second tab, "Cadangkan sekarang" pressed while the first tab goes on typing.
    const settings = await context.newPage();
    await settings.goto(host.url);
    await waitUntilReady(settings);
    await openBackups(settings, folder);
    await ui.body(page).press('Control+End');
    await Promise.all([
      page.keyboard.type(MORE, { delay: 15 }),
      settings.getByRole('button', { name: 'Cadangkan sekarang', exact: true }).click(),
    ]);
    await expect(settings.getByText('Cadangan selesai dan sudah diperiksa.')).toBeVisible({ timeout: 20_000 });
    // The photo left the caret in a new paragraph after it.
    await expectSaved(page, host, TITLE, `${FIRST}\n${MORE}`);
    const [whileTyping] = (await readdir(path.join(folder, 'Redaksi-cadangan'))).filter((n) => /^\d{8}T/.test(n));
    expect(whileTyping).toBeDefined();

    // A second backup, then damaged on the disk as a failing USB stick would.
    await settings.getByRole('button', { name: 'Cadangkan sekarang', exact: true }).click();
    await expect(settings.getByRole('listitem').filter({ has: settings.getByRole('button', { name: /^Pulihkan cadangan/ }) })).toHaveCount(2);
    const damaged = (await readdir(path.join(folder, 'Redaksi-cadangan'))).filter((n) => /^\d{8}T/.test(n) && n !== whileTyping)[0]!;
    const file = path.join(folder, 'Redaksi-cadangan', damaged, 'redaksi.sqlite3');
    const bytes = await readFile(file);
    bytes.fill(0x5a, 4096 + 8);
    await writeFile(file, bytes);
    await settings.close();

    // Another computer: a fresh data folder, the same disk.
    await fresh.start();
    await callHost(fresh, 'settings-update', { onboarded: true });
    const other = await context.newPage();
    await other.goto(fresh.url);
    await waitUntilReady(other);
    await openBackups(other, folder);
    await expect(other.getByText(`Cadangan ${damaged} rusak dan tidak dapat dipakai. Pilih cadangan lain.`)).toBeVisible();
    const offered = other.getByRole('button', { name: /^Pulihkan cadangan/ });
    await expect(offered).toHaveCount(1);
    await offered.click();
    await other.getByRole('button', { name: 'Pulihkan saat dibuka lagi', exact: true }).click();
    await expect(other.getByText(/dipulihkan saat Redaksi dibuka lagi/)).toBeVisible();
    expect(await callHost(fresh, 'articles-list', {})).toEqual([]);

    await fresh.stop();
    await fresh.start();
    await other.goto(fresh.url);
    await waitUntilReady(other);
    await openFromList(other, TITLE);
    await expect(ui.body(other)).toContainText(FIRST.trim());
    await expect(ui.body(other).getByRole('figure')).toHaveCount(1);
    // The photo file came back too: the page loads it from the restored library.
    const image = ui.body(other).getByRole('figure').locator('img');
    await expect.poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    const restored = await storedArticle(fresh, TITLE);
    // Everything acknowledged before the click is there; of what was typed during the copy, a beginning may be.
    const text = plainText(restored.body);
    expect(text.startsWith(FIRST)).toBe(true);
    expect(`${FIRST}\n${MORE}`.startsWith(text)).toBe(true);
    expect(JSON.stringify(restored.body)).toContain(JSON.stringify(withPhoto.body.root.children[1]).slice(1, -1));
    expect((await callHost<RevisionSummary[]>(fresh, 'revisions-list', { articleId: restored.id })).length).toBeGreaterThan(0);
  } finally {
    if (fresh.running) await fresh.stop();
    await rm(folder, { recursive: true, force: true });
    await rm(freshDir, { recursive: true, force: true });
  }
});
