/**
 * Browser mode: the host dies (SIGKILL) while a tab has unsaved text and is started again on the same
 * data folder, the way `npm run web` / `npm start` would (no --port). The tab left open must save by
 * itself and say so; nobody has to open a new address.
 */
import { expect, test } from './fixtures';
import { expectSaved, startArticle, ui } from './support/app';

const TITLE = 'Jembatan Mahakam Ditutup Sementara';
const BEFORE_KILL = 'Dinas Perhubungan menutup jembatan untuk perbaikan sambungan. ';
const WHILE_DOWN = 'Pengendara diminta memutar lewat Jalan Slamet Riyadi.';

test('a tab left open saves its pending text by itself when the host is started again after a SIGKILL', async ({ page, openApp, host }) => {
  test.setTimeout(60_000);
  await openApp();
  const addressBefore = host.url;
  await startArticle(page, TITLE);
  await expectSaved(page, host, TITLE, /^$/);
  const offline = page.locator('.connection-offline');

  // Typed at once and the host killed at once: well inside the 300 ms pause before a save goes out.
  await page.keyboard.insertText(BEFORE_KILL);
  expect((await host.kill()).signal).toBe('SIGKILL');
  // Certainly unsaved: the host is gone while this is typed.
  await page.keyboard.type(WHILE_DOWN);
  await expect(ui.saveStatus(page)).toHaveText('Luring · belum tersimpan', { timeout: 10_000 });
  await expect(offline).toBeVisible();

  // Same data folder, no --port: the remembered port and the kept token, so the same address.
  await host.start({ port: 'remembered' });
  expect(host.url).toBe(addressBefore);

  // Saved by the tab itself: no click, no reload.
  const startedAt = Date.now();
  await expectSaved(page, host, TITLE, new RegExp(`^${BEFORE_KILL}${WHILE_DOWN}$`));
  const resumedMs = Date.now() - startedAt;
  test.info().annotations.push({ type: 'resume-after-restart', description: `${resumedMs} ms from the host's address line to "Tersimpan"` });
  console.log(`Resumed after restart: ${resumedMs} ms from the host's address line to "Tersimpan"`);
  await expect(offline).toBeHidden();
  await expect(page.locator('.notice-error')).toHaveCount(0);

  // And it goes on saving as usual.
  await page.keyboard.type(' Selesai.');
  await expectSaved(page, host, TITLE, new RegExp(`${WHILE_DOWN} Selesai\\.$`));
});

test('restarted with a new token, the tab says it cannot save any more and hands over the unsaved text', async ({ page, openApp, host, context }) => {
  test.setTimeout(60_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
  await openApp();
  await startArticle(page, TITLE);
  await expectSaved(page, host, TITLE, /^$/);

  await host.stop();
  await host.start({ port: 'remembered', args: ['--new-token'] });
  await page.keyboard.type(WHILE_DOWN);

  const notice = page.locator('.notice-error');
  await expect(notice).toContainText('Tab ini tidak dapat menyimpan lagi. Tulisan yang belum tersimpan masih di layar: salin dulu');
  await expect(notice.getByRole('button', { name: 'Simpan sekarang', exact: true })).toHaveCount(0);
  await expect(ui.body(page)).toHaveText(WHILE_DOWN);
  // Not "Luring": the host is there, and waiting for the connection would not help.
  const footer = page.locator('.sidebar-footer');
  await expect(footer).toContainText('Sesi berakhir');
  await expect(footer).not.toContainText('Luring');
  await notice.getByRole('button', { name: 'Salin tulisan', exact: true }).click();
  await expect(page.getByText('Judul, ringkasan, dan isi berita disalin sebagai teks. Tempelkan di naskah yang dibuka lewat alamat baru.', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())).toBe(
    `${TITLE}\n\n${WHILE_DOWN}`,
  );
});
