/**
 * axe-core on every main screen in both themes: Naskah with an article and its photo open, the command palette, the
 * publish queue (editor), Pengaturan, the revision history and reject dialogs, and the first-run
 * welcome. Any serious or
 * critical violation fails; every violation found (minor ones too) is printed, so they can be read
 * in the log even when they do not fail the run.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { seedSampleArticle } from '../test-support/sample-article';
import { expect, test } from './fixtures';
import { callHost, ui } from './support/app';
import type { AppHost } from './support/host';

// Preparing the seeded photo and six axe passes take a while on a 2-core machine.
test.describe.configure({ timeout: 120_000 });

type Theme = 'light' | 'dark';
const THEMES: { theme: Theme; label: string }[] = [
  { theme: 'light', label: 'Terang' },
  { theme: 'dark', label: 'Gelap' },
];

async function audit(page: Page, testInfo: TestInfo, screen: string, include?: string): Promise<string[]> {
  // Animations and transitions done, so colours are measured as they finally show.
  await page.waitForTimeout(300);
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (include) builder = builder.include(include);
  const { violations, incomplete, passes } = await builder.analyze();
  const lines = violations.map((v) => {
    const targets = v.nodes.slice(0, 5).map((n) => `      ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}`);
    return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s))\n${targets.join('\n')}`;
  });
  // What axe could not decide (contrast over images or gradients, usually) is listed for a human to look at.
  const review = incomplete.map((r) => `${r.id} (${r.nodes.map((n) => n.target.join(' ')).join('; ')})`).join(', ');
  const summary = `${passes.length} rules passed${review ? `; to review by eye: ${review}` : ''}`;
  const report = lines.length ? `${screen}: ${violations.length} violation(s); ${summary}\n${lines.join('\n')}` : `${screen}: no violations; ${summary}`;
  console.log(report);
  await testInfo.attach(`axe ${screen}`, { body: report, contentType: 'text/plain' });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${screen}: ${v.id} (${v.help})`);
}

async function useTheme(host: AppHost, theme: Theme): Promise<void> {
  await callHost(host, 'settings-update', { theme, role: 'editor', displayName: 'Andi Pratama' });
}

for (const { theme, label } of THEMES) {
  test(`no serious or critical axe violations on the main screens (${label})`, async ({ page, host, openApp }, testInfo) => {
    // Every main screen and dialog, twice each: about 17 s here, so the default 30 s is too close under load.
    test.setTimeout(60_000);
    await useTheme(host, theme);
    const queued = await seedSampleArticle((name, args) => callHost(host, name, args), { submit: true });
    const draft = await seedSampleArticle((name, args) => callHost(host, name, args), { photo: true });
    await openApp();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const serious: string[] = [];

    // Naskah: the newest article (the draft with its photo) opens at start.
    await expect(ui.title(page)).toHaveValue(draft.title);
    await expect(ui.body(page).getByRole('figure')).toBeVisible();
    await expect(ui.body(page).getByRole('figure').locator('img')).toHaveJSProperty('complete', true);
    serious.push(...(await audit(page, testInfo, `Naskah (${label})`)));

    await page.keyboard.press('ControlOrMeta+Shift+P');
    await expect(page.getByRole('dialog', { name: 'Perintah', exact: true })).toBeVisible();
    serious.push(...(await audit(page, testInfo, `Perintah (${label})`)));
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.getByRole('button', { name: 'Riwayat revisi', exact: true }).click();
    await expect(page.getByRole('dialog', { name: /Riwayat revisi/ })).toBeVisible();
    serious.push(...(await audit(page, testInfo, `Riwayat revisi (${label})`)));
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.getByRole('button', { name: 'Antrean Terbit', exact: true }).click();
    const queue = page.getByRole('list', { name: 'Naskah di antrean', exact: true });
    await expect(queue.getByRole('button').filter({ hasText: queued.title })).toBeVisible();
    serious.push(...(await audit(page, testInfo, `Antrean Terbit (${label})`)));

    // The submitted article, opened from the queue: the editor's buttons, then the reject dialog.
    await queue.getByRole('button').filter({ hasText: queued.title }).click();
    await expect(ui.title(page)).toHaveValue(queued.title);
    await page.getByRole('button', { name: 'Tolak', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Tolak naskah', exact: true })).toBeVisible();
    serious.push(...(await audit(page, testInfo, `Tolak naskah (${label})`)));
    await page.keyboard.press('Escape');

    // The outbox from the status bar (the submitted article waits in it: no portal is set up).
    await page.getByRole('contentinfo', { name: 'Sinkronisasi portal', exact: true }).getByRole('button', { name: 'Antrean kirim', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Antrean kirim', exact: true })).toBeVisible();
    serious.push(...(await audit(page, testInfo, `Antrean kirim (${label})`)));
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.getByRole('button', { name: 'Pengaturan', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Pengaturan', exact: true, level: 1 })).toBeVisible();
    serious.push(...(await audit(page, testInfo, `Pengaturan (${label})`)));

    expect(serious, 'serious or critical accessibility violations').toEqual([]);
  });
}

/** Nodes in the shape Lexical serialises them: a table with a header row, two embeds and a gallery kept from the portal. */
const el = { direction: null, format: '', indent: 0, version: 1 };
const para = (text: string) => ({ children: [{ detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 }], ...el, textFormat: 0, textStyle: '', type: 'paragraph' });
const cell = (text: string, headerState = 0) => ({ children: [para(text)], backgroundColor: null, colSpan: 1, headerState, rowSpan: 1, ...el, type: 'tablecell' });
const row = (...cells: object[]) => ({ children: cells, ...el, type: 'tablerow' });
const GALLERY = '<!-- wp:gallery {"linkTo":"none"} -->\n<figure class="wp-block-gallery"><img src="https://kukarnews.test/a.jpg" alt=""/></figure>\n<!-- /wp:gallery -->';
const BLOCKS_BODY = {
  root: {
    ...el,
    type: 'root',
    children: [
      para('Hasil rekapitulasi suara Pilkada Kukar.'),
      { children: [row(cell('Hari', 1), cell('Jam', 1)), row(cell('Senin'), cell('08.00 WITA'))], ...el, type: 'table' },
      { type: 'embed', version: 1, provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
      { type: 'embed', version: 1, provider: 'twitter', url: 'https://twitter.com/BMKG/status/1790000000000000000' },
      { type: 'portal-block', version: 1, name: 'core/gallery', raw: GALLERY },
      para('Penutup.'),
    ],
  },
};

for (const { theme, label } of THEMES) {
  test(`no serious or critical axe violations on tables, embeds and blocks kept from the portal (${label})`, async ({ page, host, openApp }, testInfo) => {
    await useTheme(host, theme);
    const article = await callHost<{ id: string; version: number }>(host, 'articles-create', {});
    await callHost(host, 'articles-save', { id: article.id, baseVersion: article.version, title: 'Hasil Pilkada Kukar', excerpt: '', body: BLOCKS_BODY });
    await openApp();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(ui.title(page)).toHaveValue('Hasil Pilkada Kukar');
    await expect(ui.body(page).getByRole('table')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Sematan YouTube', exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Sematan X (Twitter)', exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Blok dari portal: core/gallery', exact: true })).toBeVisible();
    // The caret in a cell: the table's own buttons show in the toolbar.
    await ui.body(page).getByRole('cell', { name: 'Senin', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Tambah baris di bawah', exact: true })).toBeVisible();
    const serious = await audit(page, testInfo, `Tabel, sematan, blok portal (${label})`);
    expect(serious, 'serious or critical accessibility violations').toEqual([]);
  });
}

test.describe('first run', () => {
  test.use({ onboarded: false });

  for (const { theme, label } of THEMES) {
    test(`no serious or critical axe violations on the welcome (${label})`, async ({ page, host }, testInfo) => {
      await callHost(host, 'settings-update', { theme });
      await page.goto(host.url);
      await expect(page.getByRole('heading', { name: 'Selamat datang di Redaksi', exact: true, level: 1 })).toBeVisible({ timeout: 15_000 });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await audit(page, testInfo, `Selamat datang (${label})`), 'serious or critical accessibility violations').toEqual([]);
    });
  }
});
