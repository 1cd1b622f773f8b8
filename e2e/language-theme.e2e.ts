/**
 * Switching the language relabels every visible word of the main screens: after choosing English,
 * no text, label, placeholder or tooltip on Naskah, Antrean Terbit or Pengaturan is one of the
 * Indonesian interface strings (read from the translation file itself, so a new screen is covered
 * without listing its words here). And the theme switch changes the page's colours and persists.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, waitUntilReady } from './fixtures';
import { callHost } from './support/app';
import { repoRoot } from './support/paths';

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of leaves(value, name)) out.set(k, v);
  }
  return out;
};
const locale = (lang: string) => leaves(JSON.parse(readFileSync(path.join(repoRoot, `src/renderer/src/i18n/locales/${lang}.json`), 'utf8')) as Tree);

/** Indonesian strings that are whole interface words (no placeholders) and differ from the English ones. */
function indonesianOnly(): Set<string> {
  const id = locale('id');
  const en = locale('en');
  const english = new Set(en.values());
  const out = new Set<string>();
  for (const [key, value] of id) {
    // Names of the languages are shown in their own language on purpose.
    if (key.startsWith('settings.language')) continue;
    if (value.includes('{{') || value.trim().length < 4 || english.has(value) || en.get(key) === value) continue;
    out.add(value.trim());
  }
  return out;
}

/** Every visible text node, and the labels, placeholders and tooltips, outside the article's own words. */
async function visibleWords(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const words = [];
    const skip = (el) => el.closest('[contenteditable="true"], .body-editable, [aria-label="Judul"], [aria-label="Title"]');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || skip(el) || !el.checkVisibility()) continue;
      const text = node.textContent.trim();
      if (text) words.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], [data-tooltip], [aria-placeholder]')) {
      if (skip(el) && !el.matches('[aria-label]')) continue;
      for (const name of ['aria-label', 'placeholder', 'title', 'data-tooltip', 'aria-placeholder']) {
        const value = el.getAttribute(name);
        if (value) words.push(value.trim());
      }
    }
    for (const option of document.querySelectorAll('option')) words.push(option.textContent.trim());
    return words;
  })()`) as Promise<string[]>;
}

test('after switching to English no Indonesian interface word is left on the main screens', async ({ page, openApp, host }) => {
  await callHost(host, 'settings-update', { role: 'editor' });
  await openApp();
  await page.getByRole('button', { name: 'Naskah baru', exact: true }).click();
  await page.getByRole('button', { name: 'Pengaturan', exact: true }).click();
  await page.getByLabel('Bahasa', { exact: true }).selectOption({ label: 'English' });
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();

  const indonesian = indonesianOnly();
  expect(indonesian.size).toBeGreaterThan(200);
  const screens: [string, () => Promise<void>][] = [
    ['Settings', async () => {}],
    ['Articles', async () => {
      await page.getByRole('button', { name: 'Articles', exact: true }).click();
      await expect(page.getByRole('textbox', { name: 'Article body', exact: true })).toBeVisible();
    }],
    ['Publish queue', async () => {
      await page.getByRole('button', { name: 'Publish queue', exact: true }).click();
      await expect(page.getByRole('heading', { name: 'Publish queue', exact: true })).toBeVisible();
    }],
  ];
  for (const [name, open] of screens) {
    await open();
    const words = await visibleWords(page);
    expect(words.length, name).toBeGreaterThan(10);
    expect(words.filter((w) => indonesian.has(w)), `Indonesian words left on ${name}`).toEqual([]);
  }

  // Back to Indonesian: the same check the other way round would find English; one word suffices here.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Bahasa Indonesia' });
  await expect(page.getByRole('heading', { name: 'Pengaturan', exact: true })).toBeVisible();
});

test('the theme switch changes the colours at once and persists after a reload', async ({ page, openApp }) => {
  await openApp();
  // Page code as source text: this file is type-checked without the DOM library.
  const background = () => page.evaluate('getComputedStyle(document.body).backgroundColor') as Promise<string>;
  await page.getByRole('button', { name: 'Pengaturan', exact: true }).click();
  const theme = page.getByLabel('Tema', { exact: true });
  await theme.selectOption({ label: 'Terang' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const light = await background();
  await theme.selectOption({ label: 'Gelap' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(background).not.toBe(light);
  await page.reload();
  await waitUntilReady(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).not.toBe(light);
});
