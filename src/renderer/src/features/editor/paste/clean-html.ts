/**
 * Clipboard HTML from Word, Google Docs, WhatsApp Web or any web page, reduced to the structure an
 * article keeps: paragraphs, H2-H4, quotes, lists (nested), bold, italic, underline, strikethrough,
 * code, super/subscript and http(s)/mailto links. Fonts, colours, sizes, classes, spans, Word's
 * conditional markup and <o:p>, Google Docs' wrapper, images, scripts, event handlers, hidden text
 * and empty paragraphs do not survive. Pure: an HTML string in, a clean HTML string out. DOMParser
 * makes an inert document (nothing in it loads or runs), after inert-markup.ts has renamed its inline
 * styles and handlers so the app's CSP has nothing to report.
 */
import { isSafeLinkUrl } from '../../../../../shared/lexical-document';
import {
  finishList,
  finishTextBlock,
  normaliseInlines,
  PLAIN,
  renderBlocks,
  type Block,
  type Inline,
  type ListBlock,
  type ListItem,
  type TableBlock,
  type TextBlock,
  type TextBlockKind,
  type TextFormat,
} from './pasted-content';
import { INERT_PREFIX, inertMarkup } from './inert-markup';

/** Elements dropped with everything inside them. */
const DROPPED = new Set([
  'script', 'style', `${INERT_PREFIX}style`, 'noscript', 'template', 'xmp', 'noembed', 'noframes', 'plaintext', 'head',
  'title', 'meta', 'link', 'base', 'xml', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
  'canvas', 'video', 'audio', 'img', 'picture', 'source', 'track', 'map', 'area', 'input', 'button', 'select', 'option',
  'optgroup', 'textarea', 'datalist', 'meter', 'progress', 'output', 'dialog',
  'o:p', // Word's empty-paragraph filler
]);

/** Containers whose content starts and ends a block. */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'address', 'center', 'figure', 'figcaption',
  'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'details', 'summary', 'fieldset',
  'legend', 'form', 'body', 'html', 'pre', 'hgroup',
]);

const HEADINGS: Record<string, TextBlockKind> = { h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h4', h6: 'h4' };

const TAG_FORMATS: Record<string, keyof TextFormat> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  cite: 'italic',
  var: 'italic',
  dfn: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  code: 'code',
  tt: 'code',
  kbd: 'code',
  samp: 'code',
  sup: 'superscript',
  sub: 'subscript',
};

interface Context {
  format: TextFormat;
  href: string | null;
  kind: TextBlockKind;
  /** Inside <pre>: line breaks in the text are real. */
  pre: boolean;
}

/** Where content goes: the article's flow of blocks, or one list item. */
interface Sink {
  inline(inline: Inline, kind: TextBlockKind): void;
  endBlock(): void;
  list(list: ListBlock): void;
  rule(): void;
  table(table: TableBlock): void;
}

class FlowSink implements Sink {
  readonly blocks: Block[] = [];
  private open: TextBlock | null = null;

  inline(inline: Inline, kind: TextBlockKind): void {
    if (this.open && this.open.kind !== kind) this.endBlock();
    if (!this.open) this.open = { kind, inlines: [] };
    this.open.inlines.push(inline);
  }

  endBlock(): void {
    if (this.open) this.blocks.push(...finishTextBlock(this.open));
    this.open = null;
  }

  list(list: ListBlock): void {
    this.endBlock();
    this.blocks.push(list);
  }

  rule(): void {
    this.endBlock();
    this.blocks.push({ kind: 'rule' });
  }

  table(table: TableBlock): void {
    this.endBlock();
    if (table.rows.length > 0) this.blocks.push(table);
  }

  finish(): Block[] {
    this.endBlock();
    return this.blocks.flatMap((block): Block[] => {
      if (block.kind !== 'list') return [block];
      const list = finishList(block);
      return list ? [list] : [];
    });
  }
}

/** A list item holds one run of text: blocks inside it (Google Docs wraps each in <p>) become lines. */
class ItemSink implements Sink {
  constructor(private readonly item: ListItem) {}

  inline(inline: Inline): void {
    this.item.inlines.push(inline);
  }

  endBlock(): void {
    this.item.inlines.push({ kind: 'break' });
  }

  list(list: ListBlock): void {
    this.item.lists.push(list);
  }

  rule(): void {
    this.endBlock();
  }

  /** A table inside a list item: its cells as lines of the item. */
  table(table: TableBlock): void {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        this.endBlock();
        this.item.inlines.push(...cell.inlines);
      }
    }
    this.endBlock();
  }
}

/** Inline style declarations by property (lower case); values as written. */
function parseStyle(element: Element): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const part of (element.getAttribute(`${INERT_PREFIX}style`) ?? '').split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0) declarations.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim().toLowerCase());
  }
  return declarations;
}

function isHidden(element: Element, style: Map<string, string>): boolean {
  return (
    element.hasAttribute('hidden') ||
    /^none\b/.test(style.get('display') ?? '') ||
    /^hidden\b/.test(style.get('visibility') ?? '') ||
    /^all\b/.test(style.get('mso-hide') ?? '')
  );
}

/** Formats an element's own style adds or removes (Google Docs says everything with styles). */
function styledFormat(format: TextFormat, style: Map<string, string>, inLink: boolean): TextFormat {
  const next = { ...format };
  const weight = style.get('font-weight');
  if (weight !== undefined) {
    if (/^(bold|bolder|[6-9]00)$/.test(weight)) next.bold = true;
    else if (/^(normal|lighter|[1-5]00)$/.test(weight)) next.bold = false; // Google Docs' <b style="font-weight:normal">
  }
  const fontStyle = style.get('font-style');
  if (fontStyle !== undefined) next.italic = fontStyle === 'italic' || fontStyle === 'oblique';
  const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`;
  // A link's own underline is how links look, not a format the writer chose.
  if (decoration.includes('underline') && !inLink) next.underline = true;
  if (decoration.includes('line-through')) next.strikethrough = true;
  const align = style.get('vertical-align');
  if (align === 'super') next.superscript = true;
  else if (align === 'sub') next.subscript = true;
  return next;
}

function walkChildren(parent: Node, ctx: Context, sink: Sink): void {
  for (const child of Array.from(parent.childNodes)) walk(child, ctx, sink);
}

function walk(node: Node, ctx: Context, sink: Sink): void {
  if (node.nodeType === Node.TEXT_NODE) {
    const raw = node.textContent ?? '';
    if (ctx.pre) {
      raw.split(/\r\n?|\n/).forEach((line, index) => {
        if (index > 0) sink.inline({ kind: 'break' }, ctx.kind);
        sink.inline({ kind: 'text', text: line.replace(/\t/g, ' '), format: ctx.format, href: ctx.href }, ctx.kind);
      });
    } else {
      // Source line wrapping (Word wraps its HTML at 80 columns) is an ordinary space.
      const text = raw.replace(/[\t\n\r\f ]+/g, ' ');
      if (text !== '') sink.inline({ kind: 'text', text, format: ctx.format, href: ctx.href }, ctx.kind);
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return; // comments, including Word's conditional ones
  const element = node as Element;
  const name = element.nodeName.toLowerCase();
  if (DROPPED.has(name) || name.startsWith('v:')) return; // v:* is Word's drawing markup
  const style = parseStyle(element);
  if (isHidden(element, style)) return;

  if (name === 'br') {
    sink.inline({ kind: 'break' }, ctx.kind);
    return;
  }
  if (name === 'hr') {
    sink.rule();
    return;
  }
  if (name === 'ul' || name === 'ol') {
    const list = readList(element, ctx);
    sink.list(list);
    return;
  }
  if (name === 'table') {
    sink.table(readTable(element, ctx));
    return;
  }
  if (name === 'li') {
    // An item outside any list: its text is still a line of its own.
    sink.endBlock();
    walkChildren(element, ctx, sink);
    sink.endBlock();
    return;
  }

  const heading = HEADINGS[name] ?? (name === 'p' && /\bMsoTitle\b/.test(element.getAttribute('class') ?? '') ? 'h2' : undefined);
  const inner: Context = { ...ctx };
  if (heading) inner.kind = heading;
  else if (name === 'blockquote') inner.kind = 'quote';
  if (name === 'pre') inner.pre = true;

  if (name === 'a') {
    const href = (element.getAttribute('href') ?? '').trim();
    // Anything else (javascript:, data:, relative addresses, Word's bookmarks) leaves only its text.
    if (isSafeLinkUrl(href)) inner.href = href;
  }
  const tagFormat = TAG_FORMATS[name];
  if (tagFormat) inner.format = { ...inner.format, [tagFormat]: !(tagFormat === 'underline' && inner.href !== null) };
  inner.format = styledFormat(inner.format, style, inner.href !== null);

  const isBlock = heading !== undefined || name === 'blockquote' || BLOCKS.has(name);
  if (isBlock) sink.endBlock();
  walkChildren(element, inner, sink);
  if (isBlock) sink.endBlock();
}

/** A real list: items, nested lists, and Google Docs' habit of putting a nested <ul> straight into its parent list. */
function readList(element: Element, ctx: Context): ListBlock {
  const ordered = element.nodeName.toLowerCase() === 'ol';
  const start = Number.parseInt(element.getAttribute('start') ?? '1', 10);
  const list: ListBlock = { kind: 'list', ordered, start: Number.isFinite(start) && start >= 0 ? start : 1, items: [] };
  const itemContext: Context = { ...ctx, kind: 'paragraph', pre: false };
  const lastItem = (): ListItem => {
    let item = list.items[list.items.length - 1];
    if (!item) list.items.push((item = { inlines: [], lists: [] }));
    return item;
  };
  for (const child of Array.from(element.childNodes)) {
    const childName = child.nodeName.toLowerCase();
    if (childName === 'li') {
      const item: ListItem = { inlines: [], lists: [] };
      list.items.push(item);
      walkChildren(child, itemContext, new ItemSink(item));
    } else if (child.nodeType === Node.TEXT_NODE && (child.textContent ?? '').trim() === '') {
      continue; // source indentation between items
    } else {
      walk(child, itemContext, new ItemSink(lastItem()));
    }
  }
  return list;
}

const WORD_LIST = /mso-list:\s*l(\d+)\s+level(\d+)\s+lfo(\d+)/i;
const ORDERED_MARKER = /^(\d+|[a-z]|[ivxlcdm]+)[.)]$/i;

interface WordListParagraph {
  element: Element;
  id: string;
  level: number;
  ordered: boolean;
  start: number;
  /** The spans holding the typed marker, removed when the item is built. */
  markers: Element[];
}

/** Word's list paragraphs: which list and level (from mso-list), and the marker it typed in a span. */
function readWordListParagraph(element: Element): WordListParagraph | null {
  const name = element.nodeName.toLowerCase();
  if (name !== 'p' && name !== 'div') return null;
  const match = WORD_LIST.exec(element.getAttribute(`${INERT_PREFIX}style`) ?? '');
  if (!match) return null;
  const markers = Array.from(element.querySelectorAll('span')).filter((span) => /mso-list:\s*ignore/i.test(span.getAttribute(`${INERT_PREFIX}style`) ?? ''));
  const marker = (markers[0]?.textContent ?? '').replace(/[\s\u00a0]+/g, '');
  const ordered = ORDERED_MARKER.test(marker);
  const number = Number.parseInt(marker, 10);
  return { element, id: `${match[1]}/${match[3]}`, level: Math.max(1, Number(match[2])), ordered, start: Number.isFinite(number) ? number : 1, markers };
}

/**
 * Word writes lists as paragraphs with an mso-list style and a typed marker ("·", "o", "1.", "a.").
 * Consecutive ones become real (nested) lists before the walk.
 */
function convertWordLists(doc: Document): void {
  const candidates = Array.from(doc.body.querySelectorAll(`p[${INERT_PREFIX}style*="mso-list"], div[${INERT_PREFIX}style*="mso-list"]`));
  const done = new Set<Element>();
  for (const first of candidates) {
    if (done.has(first)) continue;
    const run: WordListParagraph[] = [];
    for (let node: Node | null = first; node; node = node.nextSibling) {
      if (node.nodeType === Node.COMMENT_NODE || (node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() === '')) continue;
      if (node.nodeType !== Node.ELEMENT_NODE) break;
      const paragraph = readWordListParagraph(node as Element);
      if (!paragraph || (run.length > 0 && paragraph.id !== run[0]!.id)) break;
      run.push(paragraph);
      done.add(paragraph.element);
    }
    if (run.length === 0) continue;
    const outer = doc.createElement('div');
    first.before(outer);
    const stack: { list: Element; level: number; ordered: boolean }[] = [];
    for (const paragraph of run) {
      while (stack.length > 0 && stack[stack.length - 1]!.level > paragraph.level) stack.pop();
      let top = stack[stack.length - 1];
      if (top && top.level === paragraph.level && top.ordered !== paragraph.ordered) {
        stack.pop(); // bullets after numbers at the same level: a new list
        top = stack[stack.length - 1];
      }
      if (!top || top.level < paragraph.level) {
        const list = doc.createElement(paragraph.ordered ? 'ol' : 'ul');
        if (paragraph.ordered && paragraph.start !== 1) list.setAttribute('start', String(paragraph.start));
        if (top) {
          let parentItem = top.list.lastElementChild;
          if (!parentItem) top.list.append((parentItem = doc.createElement('li')));
          parentItem.append(list);
        } else {
          outer.append(list);
        }
        top = { list, level: paragraph.level, ordered: paragraph.ordered };
        stack.push(top);
      }
      for (const marker of paragraph.markers) marker.remove();
      const item = doc.createElement('li');
      item.append(...Array.from(paragraph.element.childNodes));
      top.list.append(item);
      paragraph.element.remove();
    }
  }
}

/**
 * A pasted table (Word, Google Docs, a web page): rows of <thead>, <tbody>, <tfoot> or the table
 * itself, cells as runs of lines (a cell's paragraphs, list items and nested tables become lines).
 */
function readTable(element: Element, ctx: Context): TableBlock {
  const rows: TableBlock['rows'] = [];
  const sections = Array.from(element.children).flatMap((child) => {
    const name = child.nodeName.toLowerCase();
    return name === 'thead' || name === 'tbody' || name === 'tfoot' ? Array.from(child.children) : [child];
  });
  for (const row of sections) {
    if (row.nodeName.toLowerCase() !== 'tr' || isHidden(row, parseStyle(row))) continue;
    const cells = Array.from(row.children).filter((cell) => /^t[dh]$/i.test(cell.nodeName));
    if (cells.length === 0) continue;
    rows.push({
      cells: cells.map((cell) => {
        const cellSink = new FlowSink();
        walkChildren(cell, { ...ctx, kind: 'paragraph', pre: false }, cellSink);
        const inlines = cellSink.finish().flatMap((block, index): Inline[] => {
          const lines = block.kind === 'list' ? block.items.map((item) => item.inlines) : block.kind === 'table' ? [] : block.kind === 'rule' ? [] : [block.inlines];
          return lines.flatMap((line, j) => (index > 0 || j > 0 ? [{ kind: 'break' } as Inline, ...line] : line));
        });
        return { header: cell.nodeName.toLowerCase() === 'th', inlines: normaliseInlines(inlines) };
      }),
    });
  }
  return { kind: 'table', rows };
}

/** The clean HTML for a pasted HTML fragment; empty when nothing of it belongs in an article. */
export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(inertMarkup(html), 'text/html');
  convertWordLists(doc);
  const sink = new FlowSink();
  walk(doc.body, { format: PLAIN, href: null, kind: 'paragraph', pre: false }, sink);
  return renderBlocks(sink.finish());
}
