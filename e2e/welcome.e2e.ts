/**
 * The first run, from the keyboard alone: the welcome asks for the language (and switches to it at
 * once), the role and the newsroom's zone, then opens a new article; it does not come back.
 */
import type { ArticleSummary, Settings } from '../src/shared/domain';
import { expect, test } from './fixtures';
import { callHost } from './support/app';

test.use({ onboarded: false });

test('the welcome is done from the keyboard, in English, and opens a new article', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Selamat datang di Redaksi', exact: true, level: 1 })).toBeVisible({ timeout: 15_000 });
  const indonesian = page.getByRole('radio', { name: 'Bahasa Indonesia', exact: true });
  await expect(indonesian, 'the first choice has the focus').toBeFocused();
  await expect(page.getByRole('radio', { name: 'Penulis', exact: true })).toBeChecked();
  await expect(page.getByLabel('Zona waktu redaksi', { exact: true }).locator('option:checked')).toHaveText(/^WITA/);

  // Arrow keys move within a radio group; the language applies at once.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('heading', { name: 'Welcome to Redaksi', exact: true, level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('radio', { name: 'English', exact: true })).toBeFocused();

  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'Writer', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Editor', exact: true })).toBeChecked();
  await page.keyboard.press('Tab');
  const zone = page.getByLabel('Newsroom time zone', { exact: true });
  await expect(zone).toBeFocused();
  await zone.selectOption({ label: 'WIB · Western Indonesia Time (Jakarta, Pontianak)' });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Start writing', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  // Typed at once, before anything is on screen to wait for: it all belongs to the new article.
  await page.keyboard.type('Hari pertama di Redaksi');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Paragraf pertama.');

  // A new article with what was typed; the editor's queue is there for the chosen role.
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Hari pertama di Redaksi');
  await expect
    .poll(async () => (await callHost<ArticleSummary[]>(host, 'articles-list', {})).map((a) => [a.title, a.wordCount]), {
      message: 'the title and first paragraph typed right after "Start writing" are saved',
    })
    .toEqual([['Hari pertama di Redaksi', 2]]);
  await expect(page.getByRole('button', { name: 'Publish queue', exact: true })).toBeVisible();
  // In a browser the spell checker is the browser's own: the writing fields ask for it, in the UI language.
  const body = page.getByRole('textbox', { name: 'Article body', exact: true });
  await expect(body).toHaveAttribute('spellcheck', 'true');
  await expect(body).toHaveAttribute('lang', 'en');
  await expect(page.getByLabel('Title', { exact: true })).toHaveAttribute('lang', 'en');
  const stored = await callHost<Settings>(host, 'settings-get');
  expect(stored).toMatchObject({ onboarded: true, language: 'en', role: 'editor', timeZone: 'Asia/Jakarta' });

  await page.reload();
  await expect(page.getByRole('button', { name: 'New article', exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'Welcome to Redaksi', exact: true })).toHaveCount(0);
});
