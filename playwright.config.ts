import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real app in browser mode: each test gets its own data folder and its
 * own host process (see e2e/fixtures.ts). Debian's Chromium is used where present; elsewhere set
 * REDAKSI_CHROMIUM, or run `npx playwright install chromium` and leave it unset.
 */
const systemChromium = process.env.REDAKSI_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  // Not *.spec.ts / *.test.ts, so the unit-test runner never picks these files up.
  testMatch: '**/*.e2e.ts',
  // e2e/portal needs the local WordPress: `npm run test:portal` starts it and runs those specs.
  testIgnore: process.env.REDAKSI_E2E_PORTAL === '1' ? [] : ['portal/**'],
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  // Room for a busy 2-core machine (another build or test run beside this one): a photo handed to the file
  // chooser took over 5 s there. Passing checks do not wait for these.
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: {
      ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    actionTimeout: 15_000,
    navigationTimeout: 10_000,
    locale: 'id-ID',
    trace: 'retain-on-failure',
  },
});
