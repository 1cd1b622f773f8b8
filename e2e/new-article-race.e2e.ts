/**
 * "Naskah baru" clicked while the app is still opening the newest article by itself: the person's
 * new article must win, and nothing they typed may be lost. The host's answers are held back on
 * the way to the page, so the order of events is the same on every run.
 */
import type { Page, Route } from '@playwright/test';
import type { Article, ArticleSummary } from '../src/shared/domain';
import { expect, test } from './fixtures';
import { callHost, plainText, ui } from './support/app';

const EXISTING = 'Banjir Rendam Tenggarong, Warga Mengungsi';
const TYPED = 'Harga Sembako di Pasar Tangga Arung Naik Jelang Ramadan';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** Lets the first request to `handler` wait for `until` before it reaches the host; later ones pass. */
async function holdFirst(page: Page, handler: string, until: (route: Route) => Promise<void>): Promise<void> {
  let first = true;
  await page.route(`**/api/invoke/${handler}`, async (route) => {
    if (!first) return route.continue();
    first = false;
    await until(route);
  });
}

async function storedList(host: Parameters<typeof callHost>[0]): Promise<ArticleSummary[]> {
  return callHost<ArticleSummary[]>(host, 'articles-list', {});
}

test('a new article started while the newest opens by itself keeps the title typed at once', async ({ page, host, openApp }) => {
  const existing = await callHost<Article>(host, 'articles-create', { title: EXISTING });
  const createAsked = deferred();
  const listAnswered = deferred();
  // The list of articles (which decides what opens by itself) answers only once the new article
  // has been asked for, and the new article only after the list has arrived: the racy order.
  await holdFirst(page, 'articles-list', async (route) => {
    await Promise.race([createAsked.promise, new Promise((done) => setTimeout(done, 5_000))]);
    const response = await route.fetch();
    await route.fulfill({ response });
    listAnswered.resolve();
  });
  await holdFirst(page, 'articles-create', async (route) => {
    createAsked.resolve();
    await listAnswered.promise;
    // Time for the page to act on the list (and, if it would, open the newest article).
    await new Promise((done) => setTimeout(done, 500));
    await route.continue();
  });

  await openApp();
  await ui.newArticle(page).click();
  await ui.title(page).fill(TYPED);

  await expect
    .poll(async () => (await storedList(host)).map((a) => a.title).sort(), { message: 'the typed title is saved', timeout: 10_000 })
    .toEqual([EXISTING, TYPED].sort());
  await expect(ui.saveStatus(page)).toHaveText('Tersimpan');

  await page.reload();
  await expect(ui.title(page)).toHaveValue(TYPED); // the most recently changed article opens
  const stored = await storedList(host);
  expect(stored).toHaveLength(2); // the existing one and exactly one new one
  expect(stored.find((a) => a.id === existing.id)?.title).toBe(EXISTING);
});

test('keys typed right after "Naskah baru" go to the new article while the host has not made it yet', async ({ page, host, openApp }) => {
  const existing = await callHost<Article>(host, 'articles-create', { title: EXISTING });
  const release = deferred();
  await holdFirst(page, 'articles-create', async (route) => {
    await release.promise;
    await route.continue();
  });

  await openApp();
  await expect(ui.title(page)).toHaveValue(EXISTING); // opened by itself
  await ui.body(page).click();
  await ui.newArticle(page).click();
  // The host has not answered: the new article is on screen all the same, caret in its title.
  await expect(ui.title(page)).toBeFocused();
  await expect(ui.title(page)).toHaveValue('');
  await page.keyboard.type(TYPED);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ketinggian air mencapai satu meter.');
  release.resolve();

  await expect
    .poll(
      async () => {
        const summary = (await storedList(host)).find((a) => a.title === TYPED);
        return summary ? plainText((await callHost<Article>(host, 'articles-get', { id: summary.id })).body) : '';
      },
      { message: 'the title and words typed right away are saved in the new article', timeout: 10_000 },
    )
    .toBe('Ketinggian air mencapai satu meter.');
  const stored = await storedList(host);
  expect(stored).toHaveLength(2);
  const left = await callHost<Article>(host, 'articles-get', { id: existing.id });
  expect(left.title).toBe(EXISTING);
  expect(plainText(left.body)).toBe('');
});
