/**
 * What a paste is reduced to before it reaches Lexical: blocks (paragraphs, H2-H4, quotes, rules,
 * lists, tables) holding runs of text with a few formats and at most a safe link. Both the HTML clean-up and
 * the plain-text reading build this model; it is then written out as a small, predictable HTML
 * that Lexical's own import turns into exactly the nodes the backend accepts.
 */

export interface TextFormat {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  code: boolean;
  superscript: boolean;
  subscript: boolean;
}

export const PLAIN: TextFormat = {
  bold: false,
  italic: false,
  underline: false,
  strikethrough: false,
  code: false,
  superscript: false,
  subscript: false,
};

/** Written outermost first; the order only has to be stable so equal runs render alike. */
const FORMAT_TAGS: [keyof TextFormat, string][] = [
  ['bold', 'strong'],
  ['italic', 'em'],
  ['underline', 'u'],
  ['strikethrough', 's'],
  ['code', 'code'],
  ['superscript', 'sup'],
  ['subscript', 'sub'],
];

export type Inline = { kind: 'text'; text: string; format: TextFormat; href: string | null } | { kind: 'break' };

export type TextBlockKind = 'paragraph' | 'h2' | 'h3' | 'h4' | 'quote';

export interface TextBlock {
  kind: TextBlockKind;
  inlines: Inline[];
}

export interface ListItem {
  inlines: Inline[];
  /** Lists nested under this item (Lexical keeps them after the item's own text). */
  lists: ListBlock[];
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  start: number;
  items: ListItem[];
}

/** A table: rows of cells, each cell one run of lines; header cells (<th>) stay header cells. */
export interface TableBlock {
  kind: 'table';
  rows: { cells: { header: boolean; inlines: Inline[] }[] }[];
}

export type Block = TextBlock | ListBlock | TableBlock | { kind: 'rule' };

const sameFormat = (a: TextFormat, b: TextFormat): boolean => FORMAT_TAGS.every(([key]) => a[key] === b[key]);

const SPACE_RUN = /[ \u00a0]+/g;

/**
 * Whitespace as a reader sees it: any run of spaces and non-breaking spaces becomes one normal space,
 * a single non-breaking space between words stays (it keeps "Rp 5.000" or "20 km" together), and
 * none is left at the start or end of a line. Adjacent runs with the same format and link are merged.
 */
export function normaliseInlines(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  const push = (text: string, from: Extract<Inline, { kind: 'text' }>): void => {
    if (text === '') return;
    const last = out[out.length - 1];
    if (last?.kind === 'text' && last.href === from.href && sameFormat(last.format, from.format)) last.text += text;
    else out.push({ kind: 'text', text, format: from.format, href: from.href });
  };
  // A space seen but not yet written: it is dropped if the line ends before more text comes.
  let pending: { text: string; from: Extract<Inline, { kind: 'text' }> } | null = null;
  let atLineStart = true;
  for (const inline of inlines) {
    if (inline.kind === 'break') {
      pending = null;
      atLineStart = true;
      out.push(inline);
      continue;
    }
    let index = 0;
    for (const match of inline.text.matchAll(SPACE_RUN)) {
      const before = inline.text.slice(index, match.index);
      if (before !== '') {
        if (pending && !atLineStart) push(pending.text.length === 1 ? pending.text : ' ', pending.from);
        pending = null;
        push(before, inline);
        atLineStart = false;
      }
      pending = pending ? { text: pending.text + match[0], from: pending.from } : { text: match[0], from: inline };
      index = match.index + match[0].length;
    }
    const rest = inline.text.slice(index);
    if (rest !== '') {
      if (pending && !atLineStart) push(pending.text.length === 1 ? pending.text : ' ', pending.from);
      pending = null;
      push(rest, inline);
      atLineStart = false;
    }
  }
  // No line breaks at the edges, and never two in a row.
  const lines: Inline[] = [];
  for (const inline of out) {
    if (inline.kind === 'break' && (lines.length === 0 || lines[lines.length - 1]!.kind === 'break')) continue;
    lines.push(inline);
  }
  while (lines.length > 0 && lines[lines.length - 1]!.kind === 'break') lines.pop();
  return lines;
}

const hasText = (inlines: readonly Inline[]): boolean => inlines.some((inline) => inline.kind === 'text');

/**
 * Splits a paragraph or quote where an empty line stood (two line breaks in a row, as web pages
 * and e-mails separate paragraphs), normalises the rest and drops what is left empty.
 */
export function finishTextBlock(block: TextBlock): TextBlock[] {
  if (block.kind !== 'paragraph' && block.kind !== 'quote') {
    const inlines = normaliseInlines(block.inlines);
    return hasText(inlines) ? [{ kind: block.kind, inlines }] : [];
  }
  const parts: Inline[][] = [[]];
  let breaks = 0;
  for (const inline of block.inlines) {
    if (inline.kind === 'break') {
      breaks++;
      continue;
    }
    const visible = inline.text.replace(SPACE_RUN, '') !== '';
    if (breaks >= 2 && visible) parts.push([]);
    else if (breaks === 1 && visible) parts[parts.length - 1]!.push({ kind: 'break' });
    if (visible) breaks = 0;
    parts[parts.length - 1]!.push(inline);
  }
  return parts.map((inlines) => normaliseInlines(inlines)).filter(hasText).map((inlines) => ({ kind: block.kind, inlines }));
}

/**
 * How deep pasted lists may nest. Word offers nine levels and a hostile paste any number; the
 * backend bounds a body's depth, and a reporter's Tab indents to four.
 */
export const MAX_LIST_DEPTH = 6;

/**
 * A list without empty items (an item with only nested lists is kept: it carries the nesting).
 * Lists nested deeper than MAX_LIST_DEPTH give their items to the deepest list allowed.
 */
export function finishList(list: ListBlock, depth = 1): ListBlock | null {
  const items: ListItem[] = [];
  for (const item of list.items) {
    const inlines = normaliseInlines(item.inlines);
    const lists = item.lists.map((nested) => finishList(nested, depth + 1)).filter((nested): nested is ListBlock => nested !== null);
    if (depth >= MAX_LIST_DEPTH) {
      if (hasText(inlines)) items.push({ inlines, lists: [] });
      for (const nested of lists) items.push(...nested.items);
    } else if (hasText(inlines) || lists.length > 0) {
      items.push({ inlines: hasText(inlines) ? inlines : [], lists });
    }
  }
  return items.length > 0 ? { ...list, items } : null;
}

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
const escapeAttribute = (text: string): string => escapeText(text).replace(/"/g, '&quot;');

function renderInlines(inlines: readonly Inline[]): string {
  let html = '';
  let openHref: string | null = null;
  for (const inline of inlines) {
    const href = inline.kind === 'text' ? inline.href : null;
    if (href !== openHref) {
      if (openHref !== null) html += '</a>';
      if (href !== null) html += `<a href="${escapeAttribute(href)}">`;
      openHref = href;
    }
    if (inline.kind === 'break') {
      html += '<br>';
      continue;
    }
    const tags = FORMAT_TAGS.filter(([key]) => inline.format[key]).map(([, tag]) => tag);
    html += tags.map((tag) => `<${tag}>`).join('') + escapeText(inline.text) + [...tags].reverse().map((tag) => `</${tag}>`).join('');
  }
  if (openHref !== null) html += '</a>';
  return html;
}

function renderList(list: ListBlock): string {
  const tag = list.ordered ? 'ol' : 'ul';
  const start = list.ordered && list.start !== 1 ? ` start="${list.start}"` : '';
  const items = list.items.map((item) => `<li>${renderInlines(item.inlines)}${item.lists.map(renderList).join('')}</li>`).join('');
  return `<${tag}${start}>${items}</${tag}>`;
}

function renderTable(table: TableBlock): string {
  const rows = table.rows.map((row) => `<tr>${row.cells.map((cell) => (cell.header ? `<th>${renderInlines(cell.inlines)}</th>` : `<td>${renderInlines(cell.inlines)}</td>`)).join('')}</tr>`);
  return `<table>${rows.join('')}</table>`;
}

const BLOCK_TAGS: Record<TextBlockKind, string> = { paragraph: 'p', h2: 'h2', h3: 'h3', h4: 'h4', quote: 'blockquote' };

/** The clean HTML for finished blocks: only the tags above, no attributes but href and start. */
export function renderBlocks(blocks: readonly Block[]): string {
  return blocks
    .map((block) => {
      if (block.kind === 'rule') return '<hr>';
      if (block.kind === 'list') return renderList(block);
      if (block.kind === 'table') return renderTable(block);
      const tag = BLOCK_TAGS[block.kind];
      return `<${tag}>${renderInlines(block.inlines)}</${tag}>`;
    })
    .join('');
}
