import { expect, test, waitUntilReady } from './fixtures';

test('switching the language to English relabels the app and persists after a reload', async ({ page, openApp }) => {
  await openApp();
  await expect(page.getByRole('button', { name: 'Naskah baru', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Pengaturan', exact: true }).click();
  await page.getByLabel('Bahasa', { exact: true }).selectOption({ label: 'English' });
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
  await expect(page.getByLabel('Language', { exact: true })).toHaveValue('en');

  await page.getByRole('button', { name: 'Articles', exact: true }).click();
  await expect(page.getByRole('button', { name: 'New article', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Naskah baru', exact: true })).toHaveCount(0);

  await page.reload();
  await waitUntilReady(page);
  await expect(page.getByRole('button', { name: 'New article', exact: true })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search articles', exact: true })).toBeVisible();
});
