/**
 * Test fixtures: every test gets its own temporary data folder and its own host process, stopped
 * (SIGTERM, expecting a clean exit) after the test. Uncaught page errors and CSP violations fail
 * the test: they mean the app broke or its policy blocks part of it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { callHost } from './support/app';
import { AppHost } from './support/host';

export interface HostFixtureOptions {
  /** Extra environment for the host process, e.g. REDAKSI_REVISION_INTERVAL_MS. */
  hostEnv: Record<string, string>;
  /**
   * Whether the data folder starts as if the welcome had been completed (the default: most tests are
   * about what comes after it). The welcome's own test sets this to false.
   */
  onboarded: boolean;
}

interface Fixtures {
  dataDir: string;
  host: AppHost;
  /** Opens (or re-opens, e.g. after a restart) the app from the host's current address. */
  openApp: () => Promise<void>;
}

export const test = base.extend<Fixtures & HostFixtureOptions>({
  hostEnv: [{}, { option: true }],
  onboarded: [true, { option: true }],

  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'redaksi-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  host: async ({ dataDir, hostEnv, onboarded }, use, testInfo) => {
    const host = new AppHost(dataDir, hostEnv);
    await host.start();
    // Through the API before the page opens, as a finished welcome would have left it.
    if (onboarded) await callHost(host, 'settings-update', { onboarded: true });
    await use(host);
    const exit = await host.stop();
    if (host.stderr.length > 0) await testInfo.attach('host-stderr', { body: host.stderr.join(''), contentType: 'text/plain' });
    // A host that was killed and not restarted has nothing left to stop.
    if (exit.code !== null || exit.signal !== null) {
      expect(exit, 'the host should close its database and exit 0 on SIGTERM').toEqual({ code: 0, signal: null });
    }
  },

  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`Uncaught error: ${err.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to (load|execute|apply|connect)/i.test(message.text())) {
        problems.push(`CSP violation: ${message.text()}`);
      }
    });
    await use(page);
    expect(problems, 'the page should run without uncaught errors or CSP violations').toEqual([]);
  },

  openApp: async ({ page, host }, use) => {
    await use(async () => {
      await page.goto(host.url);
      await waitUntilReady(page);
    });
  },
});

/** The app is usable once its main action is on screen. */
export async function waitUntilReady(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: /^(Naskah baru|New article)$/ })).toBeVisible({ timeout: 15_000 });
}

export { expect };
