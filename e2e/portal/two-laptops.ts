/**
 * Two newsroom laptops against the real WordPress, for the portal e2e specs: a second host and
 * browser context for the writer, the connection of each to a portal account, and what a person
 * looks at (side panel, status bar, Antrean Terbit). Credentials come from credentials.env under
 * WP_HOME, whichever WordPress release wrote it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { testSite, type TestRole } from '../../src/core/portal/portal-tests/site';
import type { Article } from '../../src/shared/domain';
import type { ArticlePortalState, SyncStatus } from '../../src/shared/sync';
import { expect } from '../fixtures';
import { callHost } from '../support/app';
import { AppHost } from '../support/host';

export const panel = (page: Page) => page.getByRole('complementary', { name: 'Panel naskah', exact: true });
export const statusOf = (page: Page) => panel(page).locator('.workflow-status .status-badge');
export const bar = (page: Page) => page.getByRole('contentinfo', { name: 'Sinkronisasi portal', exact: true });
export const queueList = (page: Page) => page.getByRole('list', { name: 'Naskah di antrean', exact: true });
export const queueRow = (page: Page, title: string) => queueList(page).getByRole('button').filter({ has: page.getByText(title, { exact: true }) });

/**
 * The newest story sent to the editor, as the editor finds it: the queue lists the oldest first, and
 * a shared test portal holds stories of earlier runs, so the editor goes to the end of the list.
 */
export async function newestInQueue(page: Page, title: string) {
  await queueList(page).getByRole('button').first().focus();
  await page.keyboard.press('End');
  return queueRow(page, title);
}
/** The publish time the side panel shows (its machine-readable form, whatever the display language). */
export const shownTime = (page: Page, instant: number) => panel(page).locator(`time[datetime="${new Date(instant).toISOString()}"]`);

/** The time a row of the article list shows. */
export const listTime = (page: Page, title: string, instant: number) =>
  page.getByRole('list', { name: 'Daftar naskah', exact: true }).getByRole('button').filter({ has: page.getByText(title, { exact: true }) }).locator(`time[datetime="${new Date(instant).toISOString()}"]`);

/**
 * Presses "Sinkronkan sekarang" and waits until that run is over (the host has finished a run since
 * the press, and the button is no longer busy) with nothing left to send.
 */
export async function syncNow(page: Page, host: AppHost): Promise<void> {
  const pressed = Date.now();
  const button = bar(page).getByRole('button', { name: 'Sinkronkan sekarang', exact: true });
  await button.click();
  await expect.poll(async () => (await callHost<SyncStatus>(host, 'sync-status')).lastSyncAt ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(pressed);
  await expect(button).not.toHaveAttribute('aria-disabled', 'true', { timeout: 30_000 });
  await expect(bar(page)).toContainText('Semua terkirim');
  await expect(bar(page)).toContainText('Daring');
}

/** Waits until the host has delivered the article titled `title` (nothing of it left in the outbox). */
export async function delivered(host: AppHost, title: string): Promise<ArticlePortalState> {
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
export async function connect(host: AppHost, role: TestRole, name: string): Promise<void> {
  const site = testSite();
  await callHost(host, 'settings-update', { onboarded: true, displayName: name });
  await callHost(host, 'portal-save', { address: site.url, username: site.users[role].username, appPassword: site.users[role].appPassword });
  // The first sync brings the portal's categories in.
  await callHost(host, 'sync-run');
}

/** The writer's laptop: a second host and a second browser context (its own storage). */
export async function writerLaptop(browser: Browser): Promise<{ host: AppHost; page: Page; close: () => Promise<void> }> {
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
