/**
 * A reporter types the moment an article is on its way: right after "Naskah baru" (button or
 * Ctrl+Alt+N) and right after opening an article from the list, twenty times in a row, while another
 * process keeps one core busy and the host answers slowly (as on a cheap laptop with a browser and a
 * chat app open). Every character must end up in the article it was typed into, in SQLite, and the
 * article being left must never be lost ("Naskah tidak ditemukan").
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import type { Article, ArticleSummary } from '../src/shared/domain';
import { expect, test } from './fixtures';
import { callHost, plainText, ui } from './support/app';

test.describe.configure({ timeout: 180_000 });

/** The host's answers on the way to and from a new or opened article take this much longer. */
const SLOW_HOST_MS = 120;
const SLOW_HANDLERS = /\/api\/invoke\/(articles-create|articles-get|articles-save|articles-discard-if-blank|articles-list)$/;

function busyCore(): ChildProcess {
  return spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
}

async function slowDown(page: Page): Promise<void> {
  await page.route(SLOW_HANDLERS, async (route) => {
    await new Promise((done) => setTimeout(done, SLOW_HOST_MS));
    await route.continue();
  });
}

function listEntry(page: Page, title: string) {
  return page
    .getByRole('list', { name: 'Daftar naskah', exact: true })
    .getByRole('button')
    .filter({ has: page.getByText(title, { exact: true }) });
}

test('every key typed right after "Naskah baru" or opening an article lands in that article, 20 times in a row on a busy machine', async ({
  page,
  host,
  openApp,
}) => {
  const hog = busyCore();
  try {
    await openApp();
    await slowDown(page);
    const notFound = page.getByText('Naskah tidak ditemukan. Mungkin sudah dihapus.', { exact: true });
    /** What each article must hold at the end: title -> body text. */
    const expected = new Map<string, string>();
    const made: string[] = [];

    for (let i = 1; i <= 20; i++) {
      if (i % 4 === 0) {
        // Open an article written two rounds ago and go on writing in it at once.
        const title = made[made.length - 2]!;
        await listEntry(page, title).click();
        await ui.body(page).click();
        await page.keyboard.press('Control+End');
        const more = ` Tambahan ${i}.`;
        await page.keyboard.type(more);
        expected.set(title, `${expected.get(title)!}${more}`);
      } else {
        const title = `Judul cepat ${i}`;
        const paragraph = `Paragraf pertama nomor ${i} tentang banjir di Tenggarong.`;
        if (i % 2 === 0) await page.keyboard.press('Control+Alt+N');
        else await ui.newArticle(page).click();
        // No waiting for anything: a quick reporter types straight away.
        await page.keyboard.type(title);
        await page.keyboard.press('Enter');
        await page.keyboard.type(paragraph);
        expected.set(title, paragraph);
        made.push(title);
      }
      await expect(notFound).toHaveCount(0);
    }

    await expect(ui.saveStatus(page)).toHaveText('Tersimpan', { timeout: 20_000 });
    await expect
      .poll(
        async () => {
          const list = await callHost<ArticleSummary[]>(host, 'articles-list', {});
          const stored = new Map<string, string>();
          for (const summary of list) {
            const article = await callHost<Article>(host, 'articles-get', { id: summary.id });
            stored.set(article.title, plainText(article.body));
          }
          return { count: list.length, stored: Object.fromEntries(stored) };
        },
        { message: 'every title and paragraph saved in its own article, and nothing else', timeout: 20_000 },
      )
      .toEqual({ count: expected.size, stored: Object.fromEntries(expected) });
    await expect(notFound).toHaveCount(0);
  } finally {
    hog.kill('SIGKILL');
  }
});
