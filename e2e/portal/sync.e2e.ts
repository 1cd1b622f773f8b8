/**
 * The portal through the app's own screens, against the real WordPress on 127.0.0.1 (run by
 * `npm run test:portal`, which starts it): a writer connects in Pengaturan, tests the connection,
 * saves it, sends an article with a photo and syncs from the status bar; the post is on the portal,
 * pending, with its photo, and the article panel links to it.
 */
import { clientFor, testSite } from '../../src/core/portal/portal-tests/site';
import { ensurePortalCategory, imageIdsIn } from '../../src/core/portal/portal-tests/portal-queries';
import type { ArticlePortalState } from '../../src/shared/sync';
import { seedSampleArticle } from '../../test-support/sample-article';
import { expect, test } from '../fixtures';
import { callHost, openFromList } from '../support/app';

test('a writer connects in Pengaturan, sends an article and syncs it from the status bar', async ({ page, openApp, host }) => {
  test.setTimeout(90_000);
  const site = testSite();
  await ensurePortalCategory('Politik');
  await openApp();
  const bar = page.getByRole('contentinfo', { name: 'Sinkronisasi portal', exact: true });
  await expect(bar).toContainText('Portal belum diatur');

  await page.getByRole('button', { name: 'Pengaturan', exact: true }).click();
  await page.getByLabel('Alamat portal', { exact: true }).fill(site.url);
  await page.getByLabel('Nama pengguna', { exact: true }).fill(site.users.AUTHOR.username);
  await page.getByLabel('Kata sandi aplikasi', { exact: true }).fill(site.users.AUTHOR.appPassword);
  await page.getByRole('button', { name: 'Uji koneksi', exact: true }).click();
  const results = page.getByRole('region', { name: 'Hasil uji koneksi', exact: true });
  await expect(results).toContainText('Berhasil', { timeout: 20_000 });
  await expect(results).not.toContainText('Gagal');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(results).toContainText('Koneksi portal disimpan.', { timeout: 20_000 });
  // The account decides the role now.
  await expect(page.getByLabel('Peran', { exact: true })).toBeDisabled();
  await expect(page.getByText(/Ditentukan oleh akun portal/)).toBeVisible();
  // The password never comes back to the page.
  await expect(page.getByLabel('Kata sandi aplikasi', { exact: true })).toHaveValue('');

  // The first sync brings the portal's categories in; then an article with a photo is sent.
  await bar.getByRole('button', { name: 'Sinkronkan sekarang', exact: true }).click();
  await expect(bar).toContainText('Daring', { timeout: 20_000 });
  const invoke = <T>(name: string, args: unknown) => callHost<T>(host, name, args);
  const article = await seedSampleArticle(invoke, { photo: true, submit: true });
  await expect(bar).toContainText('1 menunggu dikirim', { timeout: 10_000 });

  await bar.getByRole('button', { name: 'Sinkronkan sekarang', exact: true }).click();
  await expect(bar).toContainText('Semua terkirim', { timeout: 30_000 });
  await expect(bar).toContainText('Daring');

  const state = await callHost<ArticlePortalState>(host, 'sync-article', { id: article.id });
  expect(state).toMatchObject({ remoteStatus: 'pending', conflict: false, item: null });
  const post = await clientFor('EDITOR').getPost(state.postId!);
  expect(post.title).toBe(article.title);
  expect(post.status).toBe('pending');
  expect(imageIdsIn(post.content)).toHaveLength(1);
  expect(post.featuredMedia).toBe(imageIdsIn(post.content)[0]);

  await page.getByRole('button', { name: 'Naskah', exact: true }).click();
  await openFromList(page, article.title);
  await expect(page.getByText('Menunggu tinjauan di portal', { exact: true })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('link', { name: /Lihat di portal/ })).toHaveAttribute('href', post.link);
});
