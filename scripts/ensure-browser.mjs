// Before the end-to-end tests (`npm run test:e2e`, part of `npm test`): makes sure there is a Chromium for
// Playwright, getting one where it can, or stops with one line that says what to install (instead of
// dozens of Playwright errors about a missing headless shell).
//
//   1. REDAKSI_CHROMIUM, when set, must exist (nothing is installed for a path someone chose).
//   2. Debian's /usr/bin/chromium (what playwright.config.ts uses when present), else Playwright's own.
//   3. Missing: as root on Debian/Ubuntu `apt-get install chromium`; else Playwright's download
//      (`npx playwright install chromium`) where it is reachable. REDAKSI_NO_BROWSER_INSTALL=1 skips both.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// REDAKSI_SYSTEM_CHROMIUM only for this script's own test (a machine without Debian's Chromium).
const SYSTEM_CHROMIUM = process.env.REDAKSI_SYSTEM_CHROMIUM || '/usr/bin/chromium';
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const HOW =
  'pasang Chromium / install Chromium: Debian/Ubuntu `sudo apt-get install chromium`, or `npx playwright install chromium` ' +
  'where its download is reachable, or set REDAKSI_CHROMIUM=/path/to/chromium';

function stop(reason) {
  process.stderr.write(`Redaksi: tes end-to-end butuh Chromium / the end-to-end tests need Chromium (${reason}): ${HOW}\n`);
  process.exit(1);
}

/** Whether Playwright can start its own Chromium (the headless shell it downloads). */
async function playwrightChromiumWorks() {
  try {
    // Loaded only when needed: most runs find Debian's Chromium and never pay for it.
    const { chromium } = await import('@playwright/test');
    const browser = await chromium.launch({ headless: true, args: ['--no-sandbox'] });
    await browser.close();
    return true;
  } catch {
    return false;
  }
}

const chosen = process.env.REDAKSI_CHROMIUM;
if (chosen) {
  if (!existsSync(chosen)) stop(`REDAKSI_CHROMIUM=${chosen} does not exist`);
  process.exit(0);
}
if (existsSync(SYSTEM_CHROMIUM) || (await playwrightChromiumWorks())) process.exit(0);
if (process.env.REDAKSI_NO_BROWSER_INSTALL === '1') stop('none found; REDAKSI_NO_BROWSER_INSTALL=1');

const run = (command, args) =>
  spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get')) {
  process.stderr.write('Redaksi: no Chromium for the end-to-end tests; installing Debian\'s (apt-get install chromium)…\n');
  const apt = ['install', '-y', '-q', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=300', 'chromium'];
  if (run('apt-get', apt).status !== 0) {
    run('apt-get', ['update', '-q']);
    run('apt-get', apt);
  }
  if (existsSync(SYSTEM_CHROMIUM)) process.exit(0);
}
process.stderr.write('Redaksi: no Chromium for the end-to-end tests; trying Playwright\'s download (npx playwright install chromium)…\n');
const download = run(process.execPath, [new URL('../node_modules/@playwright/test/cli.js', import.meta.url).pathname, 'install', 'chromium']);
if (download.status === 0 && (await playwrightChromiumWorks())) process.exit(0);
stop(download.status === 0 ? 'the downloaded one does not start' : 'not installed, and the download failed');
