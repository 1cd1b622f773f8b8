/**
 * How the tests reach the app: by the accessible names people and screen readers use (the
 * Indonesian copy, the app's default language), plus a direct line to the host's API for checks.
 */
import { expect, type Page } from '@playwright/test';
import type { Article, ArticleSummary } from '../../src/shared/domain';
import { encodeFramed, FRAMED_CONTENT_TYPE, needsFraming } from '../../src/shared/wire';
import type { AppHost } from './host';

export const ui = {
  newArticle: (page: Page) => page.getByRole('button', { name: 'Naskah baru', exact: true }),
  title: (page: Page) => page.getByLabel('Judul', { exact: true }),
  body: (page: Page) => page.getByRole('textbox', { name: 'Isi berita', exact: true }),
  saveStatus: (page: Page) => page.getByRole('status'),
  search: (page: Page) => page.getByRole('searchbox', { name: 'Cari naskah', exact: true }),
};

/** Calls a handler on the host the way the renderer does (token header, JSON body or framed bytes). */
export async function callHost<T>(host: AppHost, name: string, args: unknown = {}): Promise<T> {
  const address = new URL(host.url);
  const framed = needsFraming(args);
  const response = await fetch(`${address.origin}/api/invoke/${name}`, {
    method: 'POST',
    headers: { 'content-type': framed ? FRAMED_CONTENT_TYPE : 'application/json', 'x-redaksi-token': address.searchParams.get('token') ?? '' },
    body: framed ? encodeFramed(args) : JSON.stringify(args),
  });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Plain text of a stored body, one line per block. */
export function plainText(body: Article['body']): string {
  const blocks: string[] = [];
  const walk = (node: { type: string; text?: string; children?: unknown[] }, into: string[]): void => {
    if (typeof node.text === 'string') into.push(node.text);
    for (const child of (node.children ?? []) as (typeof node)[]) {
      if (['paragraph', 'heading', 'quote', 'listitem'].includes(child.type)) {
        const parts: string[] = [];
        walk(child, parts);
        blocks.push(parts.join(''));
      } else {
        walk(child, into);
      }
    }
  };
  walk(body.root, blocks);
  return blocks.join('\n');
}

/** The one article with this title as stored by the backend, or null while there is not exactly one. */
export async function findStoredArticle(host: AppHost, title: string): Promise<Article | null> {
  const list = await callHost<ArticleSummary[]>(host, 'articles-list', {});
  const matches = list.filter((a) => a.title === title);
  return matches.length === 1 ? callHost<Article>(host, 'articles-get', { id: matches[0]!.id }) : null;
}

export async function storedArticle(host: AppHost, title: string): Promise<Article> {
  const article = await findStoredArticle(host, title);
  if (!article) throw new Error(`Expected exactly one stored article titled "${title}"`);
  return article;
}

/** Waits until the backend holds `expected` in the article's body and the page says "Tersimpan". */
export async function expectSaved(page: Page, host: AppHost, title: string, expected: string | RegExp): Promise<void> {
  await expect
    .poll(
      async () => {
        const article = await findStoredArticle(host, title);
        return article ? plainText(article.body) : `(no single article titled "${title}" yet)`;
      },
      { message: `body of "${title}" saved`, timeout: 10_000 },
    )
    .toMatch(typeof expected === 'string' ? new RegExp(escapeRegExp(expected)) : expected);
  await expect(ui.saveStatus(page)).toHaveText('Tersimpan');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Starts a new article and gives it a title; returns with the caret in the body. */
export async function startArticle(page: Page, title: string): Promise<void> {
  await ui.newArticle(page).click();
  const titleField = ui.title(page);
  await expect(titleField).toBeFocused();
  await titleField.fill(title);
  await ui.body(page).click();
}

/** Opens an article from the list by its title. */
export async function openFromList(page: Page, title: string): Promise<void> {
  await page.getByRole('list', { name: 'Daftar naskah', exact: true }).getByRole('button', { name: new RegExp(escapeRegExp(title)) }).click();
  await expect(ui.title(page)).toHaveValue(title);
}
