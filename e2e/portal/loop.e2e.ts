/**
 * The newsroom loop between two laptops and the real WordPress: a writer and an editor, each with
 * their own Redaksi (own host, own data folder, own browser), each keeping the story on screen.
 * Nobody navigates to see what the other did: a press of "Sinkronkan sekarang" is enough.
 * Runs against whichever WordPress credentials.env under WP_HOME describes (Debian's 6.1.9 or 7.1;
 * see docs/sync.md).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { clientFor, testSite, type TestRole } from '../../src/core/portal/portal-tests/site';
import { ensurePortalCategory, portalPostsWith, runToken } from '../../src/core/portal/portal-tests/portal-queries';
import { fromWpGmt } from '../../src/core/portal/wordpress-client';
import type { Article } from '../../src/shared/domain';
import type { ArticlePortalState, SyncStatus } from '../../src/shared/sync';
import { seedSampleArticle } from '../../test-support/sample-article';
import { expect, test, waitUntilReady } from '../fixtures';
import { callHost, openFromList, plainText, ui } from '../support/app';
import { AppHost } from '../support/host';

const WITA_OFFSET_MS = 8 * 60 * 60 * 1000;
const NOTE = 'Tambahkan keterangan kepala desa dan data BPBD Kukar.';
const ADDED = 'Kepala Desa Sukarame, Ahmad, membenarkan banjir itu.';
const WRITER_NAME = 'Siti Rahma';
const EDITOR_NAME = 'Budi Santoso';

const pad = (n: number): string => String(n).padStart(2, '0');

/** 09:00 WITA tomorrow on the newsroom's calendar, from UTC alone. */
function tomorrowAtNineWita(now: number): { instant: number; input: string } {
  const wita = new Date(now + WITA_OFFSET_MS);
  const day = new Date(Date.UTC(wita.getUTCFullYear(), wita.getUTCMonth(), wita.getUTCDate() + 1));
  const input = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}T09:00`;
  return { instant: Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 1, 0), input };
}

const panel = (page: Page) => page.getByRole('complementary', { name: 'Panel naskah' });
const statusOf = (page: Page) => panel(page).locator('.workflow-status .status-badge');
const bar = (page: Page) => page.getByRole('contentinfo', { name: 'Sinkronisasi portal' });
const queueList = (page: Page) => page.getByRole('list', { name: 'Naskah di antrean' });
const queueRow = (page: Page, title: string) => queueList(page).getByRole('button').filter({ hasText: title });

/**
 * The newest story sent to the editor, as the editor finds it: the queue lists the oldest first, and
 * a shared test portal holds stories of earlier runs, so the editor goes to the end of the list.
 */
async function newestInQueue(page: Page, title: string) {
  await queueList(page).getByRole('button').first().focus();
  await page.keyboard.press('End');
  return queueRow(page, title);
}
/** The publish time the side panel shows (its machine-readable form, whatever the display language). */
const shownTime = (page: Page, instant: number) => panel(page).locator(`time[datetime="${new Date(instant).toISOString()}"]`);

/** The time a row of the article list shows. */
const listTime = (page: Page, title: string, instant: number) =>
  page.getByRole('list', { name: 'Daftar naskah' }).getByRole('button').filter({ hasText: title }).locator(`time[datetime="${new Date(instant).toISOString()}"]`);

/**
 * Presses "Sinkronkan sekarang" and waits until that run is over (the host has finished a run since
 * the press, and the button is no longer busy) with nothing left to send.
 */
async function syncNow(page: Page, host: AppHost): Promise<void> {
  const pressed = Date.now();
  const button = bar(page).getByRole('button', { name: 'Sinkronkan sekarang' });
  await button.click();
  await expect.poll(async () => (await callHost<SyncStatus>(host, 'sync-status')).lastSyncAt ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(pressed);
  await expect(button).not.toHaveAttribute('aria-disabled', 'true', { timeout: 30_000 });
  await expect(bar(page)).toContainText('Semua terkirim');
  await expect(bar(page)).toContainText('Daring');
}

/** Waits until the host has delivered the article titled `title` (nothing of it left in the outbox). */
async function delivered(host: AppHost, title: string): Promise<ArticlePortalState> {
  const article = (await callHost<Article[]>(host, 'articles-list', {})).find((a) => a.title === title);
  if (!article) throw new Error(`No article titled "${title}"`);
  let state: ArticlePortalState | undefined;
  await expect
    .poll(async () => {
      state = await callHost<ArticlePortalState>(host, 'sync-article', { id: article.id });
      return state.item === null && state.postId !== null;
    }, { timeout: 30_000, message: `"${title}" delivered` })
    .toBe(true);
  return state!;
}

/** A person's own Redaksi connected to the portal with `role`'s account. */
async function connect(host: AppHost, role: TestRole, name: string): Promise<void> {
  const site = testSite();
  await callHost(host, 'settings-update', { onboarded: true, displayName: name });
  await callHost(host, 'portal-save', { address: site.url, username: site.users[role].username, appPassword: site.users[role].appPassword });
  // The first sync brings the portal's categories in.
  await callHost(host, 'sync-run');
}

/** The writer's laptop: a second host and a second browser context (its own storage). */
async function writerLaptop(browser: Browser): Promise<{ host: AppHost; page: Page; close: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'redaksi-e2e-writer-'));
  const host = new AppHost(dir);
  await host.start();
  const context = await browser.newContext({ locale: 'id-ID' });
  const page = await context.newPage();
  return {
    host,
    page,
    close: async () => {
      await context.close();
      const exit = await host.stop();
      await rm(dir, { recursive: true, force: true });
      expect(exit, 'the writer\'s host should close cleanly').toEqual({ code: 0, signal: null });
    },
  };
}

test('writer and editor close the loop through the portal, each keeping the story on screen', async ({ browser, page, host, openApp }) => {
  test.setTimeout(240_000);
  const token = runToken();
  await ensurePortalCategory('Politik');
  const writer = await writerLaptop(browser);
  let postId: number | undefined;
  let categoryId: number | undefined;
  try {
    // Two people, two laptops, one portal: an author writes, an editor edits.
    await connect(writer.host, 'AUTHOR', WRITER_NAME);
    await connect(host, 'EDITOR', EDITOR_NAME);
    const invoke = <T>(name: string, args: unknown) => callHost<T>(writer.host, name, args);
    const title = `Banjir Rendam Tiga Desa di Tenggarong Seberang ${token}`;
    await seedSampleArticle(invoke, {
      article: { title, paragraphs: ['TENGGARONG – Banjir merendam tiga desa di Tenggarong Seberang sejak Senin malam.', 'Warga mengungsi ke balai desa.'] },
    });

    // The writer opens the story and keeps it open from here on.
    await writer.page.goto(writer.host.url);
    await waitUntilReady(writer.page);
    await openFromList(writer.page, title);
    // The editor waits in Antrean Terbit.
    await openApp();
    await page.getByRole('button', { name: 'Antrean Terbit', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Antrean Terbit' })).toBeVisible();
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Dikirim' });

    // 0. A category the administrator adds on the portal now reaches the open article's Kategori list after a sync.
    const newCategory = `Lingkungan ${token}`;
    categoryId = await ensurePortalCategory(newCategory);
    await syncNow(writer.page, writer.host);
    await expect(panel(writer.page).getByLabel('Kategori', { exact: true }).locator('option', { hasText: newCategory })).toHaveCount(1);

    // 1. Submit: it reaches the portal, and the editor's queue after a sync, without navigating.
    await panel(writer.page).getByRole('button', { name: 'Kirim ke redaktur', exact: true }).click();
    await expect(statusOf(writer.page)).toHaveText('Dikirim');
    // The toast says what happened: taken here, and on its way to the portal (not yet "sent").
    await expect(writer.page.getByText('Naskah dikirim ke redaktur. Sedang dikirim ke portal.')).toBeVisible();
    postId = (await delivered(writer.host, title)).postId ?? undefined;
    expect(postId).toBeGreaterThan(0);
    // Not on the editor's computer until it syncs.
    expect((await callHost<{ title: string }[]>(host, 'queue-list', {})).some((q) => q.title === title)).toBe(false);
    await syncNow(page, host);
    await expect(await newestInQueue(page, title)).toContainText('Dikirim');
    // The writer's own name (Nama Anda) came with the story, not the portal account's display name.
    await expect(queueRow(page, title)).toContainText(WRITER_NAME);

    // 2. The editor opens it and rejects it with a note.
    await queueRow(page, title).click();
    await expect(ui.title(page)).toHaveValue(title);
    await panel(page).getByRole('button', { name: 'Tolak', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Tolak naskah' });
    await dialog.getByLabel('Catatan untuk penulis', { exact: true }).fill(NOTE);
    await dialog.getByRole('button', { name: 'Tolak naskah', exact: true }).click();
    await expect(statusOf(page)).toHaveText('Ditolak');
    await delivered(host, title);

    // 3. The writer, still on the story: "Ditolak" and the note after a sync.
    await syncNow(writer.page, writer.host);
    await expect(statusOf(writer.page)).toHaveText('Ditolak');
    const notice = writer.page.getByRole('region', { name: 'Naskah ditolak redaktur' });
    await expect(notice).toContainText(NOTE);
    await expect(notice).toContainText(`Catatan dari ${EDITOR_NAME}`);

    // 4. The editor goes back to the queue to wait; the writer fixes the story and sends it again.
    await page.getByRole('button', { name: 'Antrean Terbit', exact: true }).click();
    await expect(ui.title(writer.page)).toBeEditable();
    await ui.body(writer.page).click();
    await writer.page.keyboard.press('Control+End');
    await writer.page.keyboard.type(` ${ADDED}`);
    await panel(writer.page).getByRole('button', { name: 'Kirim ke redaktur', exact: true }).click();
    await expect(statusOf(writer.page)).toHaveText('Dikirim');
    await delivered(writer.host, title);

    // 5. The editor sees the resubmission in the queue after a sync, opens it (the new text is
    // there), approves and schedules it for 09:00 WITA tomorrow, and keeps it open.
    await syncNow(page, host);
    await expect(await newestInQueue(page, title)).toContainText('Dikirim');
    await queueRow(page, title).click();
    await expect(ui.title(page)).toHaveValue(title);
    await expect(ui.body(page)).toContainText(ADDED);
    await panel(page).getByRole('button', { name: 'Setujui', exact: true }).click();
    await expect(statusOf(page)).toHaveText('Disetujui');
    const nine = tomorrowAtNineWita(Date.now());
    await panel(page).getByLabel('Waktu terbit (WITA)', { exact: true }).fill(nine.input);
    await panel(page).getByRole('button', { name: 'Jadwalkan', exact: true }).click();
    await expect(statusOf(page)).toHaveText('Terjadwal');
    await expect(shownTime(page, nine.instant)).toContainText('09:00 WITA');
    await delivered(host, title);
    const scheduled = await clientFor('EDITOR').getPost(postId!);
    expect(scheduled.status).toBe('future');
    expect(fromWpGmt(scheduled.dateGmt)).toBe(nine.instant);

    // 6. The writer, still on the story: "Terjadwal" with that time.
    await syncNow(writer.page, writer.host);
    await expect(statusOf(writer.page)).toHaveText('Terjadwal');
    await expect(shownTime(writer.page, nine.instant)).toContainText('09:00 WITA');
    // The writer's list shows when it goes out, not when it last changed.
    await expect(listTime(writer.page, title, nine.instant)).toContainText('terbit');

    // 7. Someone moves the time on the portal itself (REST, as wp-admin would): 10:30 WITA.
    const moved = nine.instant + 90 * 60_000;
    await clientFor('EDITOR').updatePost(postId!, { status: 'future', publishAt: moved });
    await syncNow(page, host);
    await syncNow(writer.page, writer.host);
    for (const screen of [page, writer.page]) {
      await expect(shownTime(screen, moved)).toContainText('10:30 WITA');
      await expect(statusOf(screen)).toHaveText('Terjadwal');
    }
    await expect(listTime(writer.page, title, moved)).toBeVisible();

    // The editor's history names the writer by the name she gave, and every step since.
    await panel(page).getByRole('button', { name: 'Riwayat naskah', exact: true }).click();
    const history = page.getByRole('dialog', { name: 'Riwayat naskah' }).getByRole('listitem');
    await expect(history.filter({ hasText: 'Dikirim ke redaktur' }).first()).toContainText(`oleh ${WRITER_NAME}`);
    await expect(history.filter({ hasText: 'Ditolak' })).toContainText(NOTE);
    await page.keyboard.press('Escape');

    // Both computers agree with the portal; exactly one post carries the story.
    for (const computer of [host, writer.host]) {
      const stored = (await callHost<Article[]>(computer, 'articles-list', {})).find((a) => a.title === title);
      expect(stored).toMatchObject({ status: 'scheduled', publishAt: moved });
    }
    const editorCopy = (await callHost<Article[]>(host, 'articles-list', {})).find((a) => a.title === title)!;
    expect(plainText((await callHost<Article>(host, 'articles-get', { id: editorCopy.id })).body)).toContain(ADDED);
    expect(await portalPostsWith(token)).toHaveLength(1);
  } finally {
    await writer.close();
    // The portal is shared by every run: leave no story of this one waiting in an editor's queue.
    if (categoryId) await clientFor('ADMIN').request(`/wp/v2/categories/${categoryId}`, { method: 'DELETE', query: { force: 'true' } }).catch(() => undefined);
    if (postId) await clientFor('ADMIN').request(`/wp/v2/posts/${postId}`, { method: 'DELETE', query: { force: 'true' } }).catch(() => undefined);
  }
});
