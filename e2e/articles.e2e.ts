import type { ArticleSummary } from '../src/shared/domain';
import { expect, test } from './fixtures';
import { callHost, expectSaved, openFromList, plainText, startArticle, storedArticle, ui } from './support/app';

const TITLE = 'Jelang Pemilu 2024, Pemerintah Keluarkan Aturan Netralitas ASN';

test('a formatted article is saved and comes back after a reload', async ({ page, openApp, host }) => {
  await openApp();
  await startArticle(page, TITLE);
  const keyboard = page.keyboard;
  const body = ui.body(page);

  // Markdown shortcut for the subheading, Ctrl+B / Ctrl+I for bold and italic, "- " for the list.
  // Typed key by key where a key matters (shortcut triggers), inserted in one go elsewhere. After a
  // shortcut the test goes on once the block is on screen, as a person would: under heavy load the
  // text inserted right behind it once landed elsewhere in the list.
  await keyboard.type('## ');
  await expect(body.locator('h2')).toHaveCount(1);
  await keyboard.insertText('Larangan bagi ASN di media sosial');
  await keyboard.press('Enter');
  await keyboard.insertText('ASN dilarang ');
  await keyboard.press('Control+B');
  await keyboard.insertText('memberikan like');
  await keyboard.press('Control+B');
  await keyboard.insertText(' di unggahan peserta ');
  await keyboard.press('Control+I');
  await keyboard.insertText('Pemilu 2024');
  await keyboard.press('Control+I');
  await keyboard.insertText('.');
  await keyboard.press('Enter');
  await keyboard.insertText('SKB ditandatangani lima pimpinan lembaga:');
  await keyboard.press('Enter');
  await keyboard.type('- ');
  await expect(body.locator('ul > li')).toHaveCount(1);
  await keyboard.insertText('Kemendagri');
  await keyboard.press('Enter');
  await keyboard.insertText('Bawaslu');
  await keyboard.press('Enter');
  await keyboard.insertText('Kemenpan RB');
  await keyboard.press('Enter');
  await keyboard.press('Enter');
  await keyboard.insertText('Aturan itu diterbitkan untuk mewujudkan ASN yang netral dan profesional.');

  await expectSaved(page, host, TITLE, 'mewujudkan ASN yang netral dan profesional.');

  await page.reload();
  await openFromList(page, TITLE);
  await expect(body.locator('h2')).toHaveText('Larangan bagi ASN di media sosial');
  await expect(body.locator('strong, b')).toHaveText('memberikan like');
  await expect(body.locator('em, i')).toHaveText('Pemilu 2024');
  await expect(body.locator('ul > li')).toHaveText(['Kemendagri', 'Bawaslu', 'Kemenpan RB']);
  await expect(body.locator('p').filter({ hasText: 'ASN dilarang' })).toHaveText('ASN dilarang memberikan like di unggahan peserta Pemilu 2024.');
  await expect(body.locator('p').last()).toHaveText('Aturan itu diterbitkan untuk mewujudkan ASN yang netral dan profesional.');
});

test('a pasted title longer than a title may be is cut with a word saying so', async ({ page, openApp, host }) => {
  await openApp();
  await ui.newArticle(page).click();
  const title = ui.title(page);
  await expect(title).toBeFocused();
  const sentence = 'Pemkab Kukar Salurkan Bantuan untuk Warga Terdampak Banjir di Tenggarong Seberang ';
  await page.keyboard.insertText(sentence.repeat(5)); // 420 characters, as if pasted
  await expect(title).toHaveValue(sentence.repeat(5).slice(0, 300));
  await expect(page.getByText('Judul paling panjang 300 karakter. Yang lebih dari itu tidak ikut.', { exact: true })).toBeVisible();
  await expectSaved(page, host, sentence.repeat(5).slice(0, 300), '');

  // Shortened below the limit, the word goes away.
  await page.keyboard.press('Backspace');
  await expect(page.getByText('Judul paling panjang 300 karakter.', { exact: false })).toBeHidden();
});

test('an article left as "Naskah baru" made it does not stay behind in the list', async ({ page, openApp, host }) => {
  await openApp();
  await startArticle(page, 'Rapat Paripurna DPRD Kukar');
  await expectSaved(page, host, 'Rapat Paripurna DPRD Kukar', '');
  const list = page.getByRole('list', { name: 'Daftar naskah', exact: true });
  const untitled = list.getByRole('button', { name: /Tanpa judul/ });

  await ui.newArticle(page).click();
  await expect(ui.title(page)).toHaveValue('');
  await expect(untitled).toHaveCount(1);
  await ui.newArticle(page).click(); // another new one: the first, still blank, goes
  await expect(ui.title(page)).toHaveValue('');
  await expect(untitled).toHaveCount(1);
  await openFromList(page, 'Rapat Paripurna DPRD Kukar');
  await expect(untitled).toHaveCount(0);
  expect((await callHost<ArticleSummary[]>(host, 'articles-list', {})).map((a) => a.title)).toEqual(['Rapat Paripurna DPRD Kukar']);
});

test('a divider clicked twice stays selected, and typing on it writes on the line after it', async ({ page, openApp, host }) => {
  const title = 'Garis Pemisah di Naskah';
  await openApp();
  await startArticle(page, title);
  await page.keyboard.insertText('Sebelum garis.');
  // The toolbar's button, not the "--- " shortcut: under load the space typed after it could land in the next line.
  await page.getByRole('button', { name: 'Garis pemisah', exact: true }).click();
  await page.keyboard.insertText('Sesudah garis.');
  const rule = ui.body(page).locator('hr');
  await expect(rule).toHaveCount(1);
  await rule.click();
  await rule.click(); // the second click used to leave nothing selected
  await page.keyboard.type('X');
  await expectSaved(page, host, title, 'Sebelum garis.\nX\nSesudah garis.');
  const stored = await storedArticle(host, title);
  expect(stored.body.root.children.map((n) => n.type)).toEqual(['paragraph', 'horizontalrule', 'paragraph', 'paragraph']);
  expect(plainText(stored.body)).toBe('Sebelum garis.\nX\nSesudah garis.');
});
