/**
 * Hostile bodies for the node types that carry more than text: blocks kept from the portal, tables
 * and embeds (used by hostile-inputs.ts for the articles-save handler).
 */
import type { ErrorKind } from '../../shared/errors';

const V: readonly ErrorKind[] = ['validation'];

/** A block kept from the portal (`portal-block`): a block name and its delimited text, nothing else. */
export function portalBlockCases(withChildren: (...nodes: unknown[]) => unknown): [string, unknown, readonly ErrorKind[]][] {
  const kept = (fields: Record<string, unknown>) => ({ type: 'portal-block', version: 1, name: 'core/html', raw: '<!-- wp:html -->\n<b>x</b>\n<!-- /wp:html -->', ...fields });
  return [
    ['body: portal block without a namespace', withChildren(kept({ name: 'html' })), V],
    ['body: portal block named with markup', withChildren(kept({ name: 'core/<script>' })), V],
    ['body: portal block name as a number', withChildren(kept({ name: 7 })), V],
    ['body: portal block of bare HTML', withChildren(kept({ raw: '<img src=x onerror=alert(1)>' })), V],
    ['body: portal block text as an object', withChildren(kept({ raw: { html: '<b>x</b>' } })), V],
    ['body: portal block over the size limit', withChildren(kept({ raw: `<!-- wp:html -->${'x'.repeat(1_000_001)}` })), V],
    ['body: portal block with children', withChildren({ ...kept({}), children: [{ type: 'text', version: 1, text: 'x' }] }), V],
    ...tableAndEmbedCases(withChildren),
  ];
}

/** Tables (rows in tables, cells in rows, a cell's fields) and embeds (a supported post's canonical address). */
export function tableAndEmbedCases(withChildren: (...nodes: unknown[]) => unknown): [string, unknown, readonly ErrorKind[]][] {
  const cell = (fields: Record<string, unknown> = {}) => ({ type: 'tablecell', version: 1, headerState: 0, colSpan: 1, rowSpan: 1, backgroundColor: null, children: [], ...fields });
  const table = (...cells: unknown[]) => ({ type: 'table', version: 1, children: [{ type: 'tablerow', version: 1, children: cells }] });
  const embed = (fields: Record<string, unknown>) => ({ type: 'embed', version: 1, provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', ...fields });
  return [
    ['body: table holding a paragraph', withChildren({ type: 'table', version: 1, children: [{ type: 'paragraph', version: 1, children: [] }] }), V],
    ['body: table row holding text', withChildren({ type: 'table', version: 1, children: [{ type: 'tablerow', version: 1, children: [{ type: 'text', version: 1, text: 'x' }] }] }), V],
    ['body: table cell with a header state of 9', withChildren(table(cell({ headerState: 9 }))), V],
    ['body: table cell spanning a million columns', withChildren(table(cell({ colSpan: 1_000_000 }))), V],
    ['body: table cell background with CSS', withChildren(table(cell({ backgroundColor: 'red;background:url(https://evil.example/)' }))), V],
    ['body: table cell without children', withChildren(table({ ...cell(), children: undefined })), V],
    ['body: embed of an unknown site', withChildren(embed({ url: 'https://evil.example/watch?v=dQw4w9WgXcQ' })), V],
    ['body: embed of a javascript: address', withChildren(embed({ url: 'javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ' })), V],
    ['body: embed whose provider does not match', withChildren(embed({ provider: 'twitter' })), V],
    ['body: embed with a short link instead of its canonical address', withChildren(embed({ url: 'https://youtu.be/dQw4w9WgXcQ' })), V],
    ['body: embed with children', withChildren({ ...embed({}), children: [] }), V],
  ];
}

