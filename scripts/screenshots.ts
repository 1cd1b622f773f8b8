/**
 * `npm run screenshots`: the main screens (Naskah, Antrean Terbit, Pengaturan) and the first-run welcome in both languages and
 * both themes, as 1280x800 PNGs in docs/screenshots/. The app runs in browser mode on a fresh
 * temporary data folder, seeded with a real regional portal's article (with a prepared photo) and a
 * few of its "Baca Lainnya" headlines in the editor's queue. Uses the same Chromium as the e2e tests.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import sharp from 'sharp';
import { callHost } from '../e2e/support/app';
import { AppHost } from '../e2e/support/host';
import { repoRoot } from '../e2e/support/paths';
import type { Article, Settings } from '../src/shared/domain';
import { fromWallClock, toWallClock } from '../src/shared/newsroom-time';
import { sampleTeaserTitles, seedSampleArticle, type Invoke } from '../test-support/sample-article';
// @ts-expect-error: a plain ES module without type declarations (shared with `npm start` and `npm run web`).
import { ensureRendererBuilt } from './lib/build.mjs';

const OUT_DIR = path.join(repoRoot, 'docs', 'screenshots');
const VIEWPORT = { width: 1280, height: 800 };
const LANGUAGES = ['id', 'en'] as const;
const THEMES = ['light', 'dark'] as const;
const chromiumPath = process.env.REDAKSI_CHROMIUM ?? '/usr/bin/chromium';

/** Leads for the queued headlines: the list shows only titles, but the articles must be ready to submit. */
const TEASER_LEAD = 'Tenggarong – Naskah ini menunggu tinjauan redaktur sebelum terbit di portal.';

async function seed(host: AppHost): Promise<void> {
  const invoke: Invoke = (name, args) => callHost(host, name, args);
  const as = (displayName: string) => invoke<Settings>('settings-update', { onboarded: true, role: 'editor', displayName });
  const [first, second, third, fourth] = sampleTeaserTitles();
  const teaser = (title: string | undefined) => ({ article: { title: title!, paragraphs: [TEASER_LEAD] } });

  await as('Siti Rahma');
  await seedSampleArticle(invoke, { ...teaser(first), submit: true });
  const approved = await seedSampleArticle(invoke, { ...teaser(second), submit: true });
  await as('Andi Pratama');
  const scheduled = await seedSampleArticle(invoke, { ...teaser(third), submit: true });
  await seedSampleArticle(invoke, teaser(fourth));
  await as('Rina Marlina');
  await invoke('workflow-transition', { id: approved.id, action: 'approve' });
  await invoke('workflow-transition', { id: scheduled.id, action: 'approve' });
  // Tomorrow 09:00 in the newsroom's zone, whatever this computer's zone is.
  const today = toWallClock(Date.now(), 'Asia/Makassar');
  const publishAt = fromWallClock({ year: today.year, month: today.month, day: today.day + 1, hour: 9, minute: 0 }, 'Asia/Makassar');
  await invoke('workflow-transition', { id: scheduled.id, action: 'schedule', publishAt });
  // The newest article opens at start: the portal's story with its photo.
  await seedSampleArticle(invoke, { photo: true });
}

async function shoot(page: Page, name: string): Promise<void> {
  // Let fonts, the photo and any transition settle; the caret blinking is hidden by the screenshot option.
  await page.waitForTimeout(400);
  const png = await page.screenshot({ caret: 'hide', animations: 'disabled' });
  // A 256-colour palette keeps UI pictures sharp at about a third of the bytes (they live in the repository).
  await sharp(png).png({ palette: true, quality: 95, compressionLevel: 9, effort: 8 }).toFile(path.join(OUT_DIR, `${name}.png`));
  console.log(`docs/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  ensureRendererBuilt({ quiet: true });
  await mkdir(OUT_DIR, { recursive: true });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'redaksi-screenshots-'));
  const host = new AppHost(dataDir, {}, path.join(repoRoot, 'out', 'renderer'));
  const browser = await chromium.launch({ ...(existsSync(chromiumPath) ? { executablePath: chromiumPath } : {}), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await host.start();
    await seed(host);
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'id-ID', timezoneId: 'Asia/Makassar' });
    for (const language of LANGUAGES) {
      for (const theme of THEMES) {
        const words =
          language === 'id'
            ? { welcome: 'Selamat datang di Redaksi', queue: 'Antrean Terbit', settings: 'Pengaturan' }
            : { welcome: 'Welcome to Redaksi', queue: 'Publish queue', settings: 'Settings' };
        // The first-run welcome, as a new data folder would show it.
        await callHost(host, 'settings-update', { language, theme, onboarded: false });
        await page.goto(host.url);
        await page.getByRole('heading', { name: words.welcome, level: 1 }).waitFor({ timeout: 15_000 });
        await shoot(page, `selamat-datang-${language}-${theme}`);
        await callHost(host, 'settings-update', { onboarded: true });
        await page.goto(host.url);
        await page.getByRole('button', { name: language === 'id' ? 'Naskah baru' : 'New article', exact: true }).waitFor({ timeout: 15_000 });
        await page.getByRole('figure').locator('img').waitFor();
        // From the top of the sheet, with no focus ring on the title (this file has no DOM types: hence the casts).
        await page.evaluate(() => {
          const doc = (globalThis as unknown as { document: { activeElement: { blur?: () => void } | null } }).document;
          doc.activeElement?.blur?.();
        });
        await page.locator('#editor-title').scrollIntoViewIfNeeded();
        await shoot(page, `naskah-${language}-${theme}`);
        await page.getByRole('button', { name: words.queue, exact: true }).click();
        await page.getByRole('heading', { name: words.queue, level: 1 }).waitFor();
        await shoot(page, `antrean-${language}-${theme}`);
        await page.getByRole('button', { name: words.settings, exact: true }).click();
        await page.getByRole('heading', { name: words.settings, level: 1 }).waitFor();
        await shoot(page, `pengaturan-${language}-${theme}`);
      }
    }
    const articles = await callHost<Article[]>(host, 'articles-list', {});
    console.log(`${articles.length} seeded articles, ${LANGUAGES.length * THEMES.length * 4} screenshots`);
  } finally {
    await browser.close();
    await host.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
