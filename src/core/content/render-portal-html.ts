/**
 * The article body (Lexical JSON, checked by src/shared/lexical-document.ts) as the post content the
 * portal gets, in WordPress's block grammar (docs/architecture.md, "Portal content"). Rendered
 * straight from the JSON tree, never from HTML the renderer made: every text is escaped here, every
 * URL checked here, and the HTML inside the block delimiters passes an allowlist sanitiser as well.
 *
 * The output is deterministic (sync compares it) and is what the block editor itself saves:
 * core/paragraph, core/heading, core/list with core/list-item, core/quote with its citation,
 * core/separator, core/image (`wp-image-<id>` lets WordPress add size and srcset), so wp-admin opens
 * the post as blocks and WordPress's parser finds no classic (freeform) content in it. Whitespace is
 * collapsed inside text so wpautop turns no newline into a <br>. A block kept from the portal
 * (`portal-block`) goes back byte for byte.
 */
import { EMBED_TYPES, recogniseEmbed } from '../../shared/embeds';
import { AppError } from '../../shared/errors';
import { checkLexicalDocument, isSafeLinkUrl, type LexicalDocument, type LexicalNode } from '../../shared/lexical-document';
import { blockCloser, blockOpener, splitTopLevel, type BlockAttributes } from './block-grammar';
import { printedCredit } from './credit';
import { FORMAT, cleanLine, groupByLink, normalizeRun, type InlineItem, type RunLink } from './inline';
import { MARK_TAG, sanitizePortalHtml } from './portal-sanitizer';

/** A photo as it exists on the portal (a WordPress attachment). */
export interface PortalMedia {
  remoteId: number;
  url: string;
  width?: number;
  height?: number;
}

export type PortalMediaResolver = (mediaId: string) => PortalMedia | undefined;

export interface RenderOptions {
  /** The portal's address: links to its own host are internal and get no rel="noopener". */
  siteUrl?: string;
}

const INLINE_TYPES = new Set(['text', 'tab', 'linebreak', 'link', 'autolink']);
/** Outer to inner; a fixed order keeps the output deterministic. */
const FORMAT_TAGS: [number, string][] = [
  [FORMAT.bold, 'strong'],
  [FORMAT.italic, 'em'],
  [FORMAT.underline, 'u'],
  [FORMAT.strikethrough, 's'],
];

/** Escaping as sanitize-html writes it, so the second wall leaves correct output byte for byte. */
const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

/**
 * The sanitiser drops comments, so block delimiters (and blocks kept from the portal) wait outside
 * it: the HTML holds an empty placeholder element in their place, put back after sanitising.
 */
class Marks {
  private readonly texts: string[] = [];

  add(text: string): string {
    this.texts.push(text);
    return `<${MARK_TAG} data-n="${this.texts.length - 1}"></${MARK_TAG}>`;
  }

  restore(html: string): string {
    return html.replace(new RegExp(`<${MARK_TAG} data-n="(\\d+)"></${MARK_TAG}>`, 'g'), (_all, n: string) => this.texts[Number(n)] ?? '');
  }
}

export function renderPortalHtml(body: LexicalDocument, media: PortalMediaResolver, options: RenderOptions = {}): string {
  const issues = checkLexicalDocument(body);
  if (issues.length > 0) {
    throw new AppError({ kind: 'validation', code: 'content.invalidBody', message: `The article body cannot be published: ${issues[0]!.message}.`, issues });
  }
  const marks = new Marks();
  const html = new PortalRenderer(media, siteHost(options.siteUrl), marks).document(body.root.children);
  return marks.restore(sanitizePortalHtml(html));
}

function siteHost(siteUrl: string | undefined): string | null {
  if (!siteUrl) return null;
  try {
    return bareHost(new URL(siteUrl).hostname);
  } catch {
    return null;
  }
}

const bareHost = (hostname: string): string => hostname.toLowerCase().replace(/^www\./, '');

const isInline = (node: LexicalNode): boolean =>
  INLINE_TYPES.has(node.type) && (node.type !== 'link' && node.type !== 'autolink' ? true : (node.children ?? []).every(isInline));

/** Between two blocks, as WordPress's serializer writes it. */
const BLOCK_SEPARATOR = '\n\n';
/** A quote's last line that starts so is its citation (`<cite>`): "— Kepala BPBD Kukar". */
export const CITATION_PREFIX = '\u2014 ';

/**
 * A block kept from the portal goes back as it came, so it must still be exactly one block of the
 * name it was kept under (the body check bounds its size and name; this checks its grammar).
 */
function checkedPortalBlock(node: LexicalNode): string {
  const raw = String(node.raw);
  const pieces = splitTopLevel(raw);
  const only = pieces[0];
  if (pieces.length !== 1 || only?.kind !== 'block' || only.name !== node.name || !/-->$/.test(raw)) {
    throw new AppError({
      kind: 'validation',
      code: 'content.invalidBody',
      message: 'The article body cannot be published: a block kept from the portal is not one whole block.',
      params: { name: String(node.name).slice(0, 80) },
    });
  }
  return raw;
}

class PortalRenderer {
  constructor(
    private readonly media: PortalMediaResolver,
    private readonly host: string | null,
    private readonly marks: Marks,
  ) {}

  document(children: readonly LexicalNode[]): string {
    return this.blocks(children, (inner) => this.paragraph(inner)).join(BLOCK_SEPARATOR);
  }

  /** A block with its delimiters; the HTML between them is what the sanitiser sees. */
  private wrapped(name: string, attributes: BlockAttributes, html: string): string {
    return `${this.marks.add(blockOpener(name, attributes))}\n${html}\n${this.marks.add(blockCloser(name))}`;
  }

  private paragraph(inner: string): string {
    return this.wrapped('core/paragraph', {}, `<p>${inner}</p>`);
  }

  /**
   * Children of a block container as blocks. Runs of inline nodes become `wrapRun` blocks; block
   * nodes among them are rendered in between, so a photo inside a paragraph splits it rather than
   * producing a <figure> inside a <p>.
   */
  private blocks(children: readonly LexicalNode[], wrapRun: (inner: string) => string): string[] {
    const parts: string[] = [];
    let run: LexicalNode[] = [];
    const flushRun = (): void => {
      const inner = this.run(run);
      run = [];
      if (inner !== '') parts.push(wrapRun(inner));
    };
    for (const child of children) {
      if (isInline(child)) {
        run.push(child);
        continue;
      }
      flushRun();
      parts.push(...this.block(child));
    }
    flushRun();
    return parts;
  }

  private block(node: LexicalNode): string[] {
    const children = node.children ?? [];
    switch (node.type) {
      case 'heading': {
        const level = headingLevel(node.tag);
        return this.blocks(children, (inner) => this.wrapped('core/heading', level === 2 ? {} : { level }, `<h${level} class="wp-block-heading">${inner}</h${level}>`));
      }
      case 'quote':
        return this.quote(children);
      case 'list': {
        const list = this.list(node);
        return list === '' ? [] : [list];
      }
      case 'horizontalrule':
        return [this.wrapped('core/separator', {}, '<hr class="wp-block-separator has-alpha-channel-opacity" />')];
      case 'image':
        return [this.image(node)];
      case 'portal-block':
        return [this.marks.add(checkedPortalBlock(node))];
      case 'embed':
        return [this.embed(node)];
      case 'table': {
        const table = this.table(node);
        return table === '' ? [] : [table];
      }
      default:
        // paragraph; also a stray list item or a link holding blocks: their content as paragraphs.
        return this.blocks(children, (inner) => this.paragraph(inner));
    }
  }

  /** One core/quote: its lines in a paragraph, the last line as the citation when it starts with "— ". */
  private quote(children: readonly LexicalNode[]): string[] {
    const items = normalizeRun(flattened(children.filter(isInline)));
    const after = children.filter((child) => !isInline(child)).flatMap((child) => this.block(child));
    const lastBreak = items.map((item) => item.kind).lastIndexOf('br');
    const lastLine = items[lastBreak + 1];
    let citation = '';
    if (lastBreak > 0 && lastLine?.kind === 'text' && lastLine.text.startsWith(CITATION_PREFIX) && lastLine.text.length > CITATION_PREFIX.length) {
      const cited = items.slice(lastBreak + 1);
      cited[0] = { ...lastLine, text: lastLine.text.slice(CITATION_PREFIX.length) };
      citation = this.itemsHtml(normalizeRun(cited));
      items.length = lastBreak;
    }
    const lines = this.itemsHtml(normalizeRun(items));
    if (lines === '' && citation === '') return after;
    const paragraph = lines === '' ? '' : this.paragraph(lines);
    const cite = citation === '' ? '' : `<cite>${citation}</cite>`;
    return [this.wrapped('core/quote', {}, `<blockquote class="wp-block-quote">${paragraph}${cite}</blockquote>`), ...after];
  }

  /**
   * Lexical keeps a nested list in a list item of its own right after its parent item; HTML (and
   * WordPress) wants it inside the parent's <li>, so such an item is folded into the one before it.
   */
  private list(node: LexicalNode): string {
    const ordered = node.listType === 'number' || (node.listType === undefined && node.tag === 'ol');
    const tag = ordered ? 'ol' : 'ul';
    const items: { text: string; nested: string[] }[] = [];
    for (const child of node.children ?? []) {
      const parts = child.type === 'listitem' ? (child.children ?? []) : [child];
      const text = this.run(parts.filter(isInline));
      const nested = parts.filter((part) => !isInline(part)).map((part) => (part.type === 'list' ? this.list(part) : '')).filter((html) => html !== '');
      if (text === '' && nested.length === 0) continue;
      const previous = items[items.length - 1];
      if (text === '' && previous) previous.nested.push(...nested);
      else items.push({ text, nested });
    }
    if (items.length === 0) return '';
    const start = typeof node.start === 'number' && Number.isSafeInteger(node.start) && node.start !== 1 && node.start >= 0 ? node.start : null;
    const attributes: BlockAttributes = !ordered ? {} : start !== null ? { ordered: true, start } : { ordered: true };
    const open = ordered && start !== null ? `<ol start="${start}" class="wp-block-list">` : `<${tag} class="wp-block-list">`;
    const inner = items.map((item) => this.wrapped('core/list-item', {}, `<li>${item.text}${item.nested.join('')}</li>`)).join(BLOCK_SEPARATOR);
    return this.wrapped('core/list', attributes, `${open}${inner}</${tag}>`);
  }

  private image(node: LexicalNode): string {
    const mediaId = String(node.mediaId);
    const found = this.media(mediaId);
    if (!found) {
      throw new AppError({
        kind: 'validation',
        code: 'content.mediaNotUploaded',
        message: `Photo ${mediaId} is not on the portal yet; upload it before the article.`,
        params: { mediaId },
      });
    }
    if (!Number.isSafeInteger(found.remoteId) || found.remoteId <= 0 || !isImageUrl(found.url)) {
      throw new AppError({
        kind: 'validation',
        code: 'content.mediaInvalid',
        message: `Photo ${mediaId} has no usable portal id or http(s) address.`,
        params: { mediaId },
      });
    }
    // No width/height: the block editor saves none, and WordPress adds them (and srcset) from wp-image-<id>.
    const img = `<img src="${escapeAttr(new URL(found.url).href)}" alt="${escapeAttr(cleanLine(String(node.altText ?? '')))}" class="wp-image-${found.remoteId}" />`;
    const caption = cleanLine(String(node.caption ?? ''));
    const credit = printedCredit(String(node.credit ?? ''));
    const captionParts = [caption ? escapeText(caption) : '', credit ? `<span class="credit">${escapeText(credit)}</span>` : ''].filter(Boolean);
    const figcaption = captionParts.length > 0 ? `<figcaption class="wp-element-caption">${captionParts.join(' ')}</figcaption>` : '';
    const attributes = { id: found.remoteId, sizeSlug: 'large', linkDestination: 'none' };
    return this.wrapped('core/image', attributes, `<figure class="wp-block-image size-large">${img}${figcaption}</figure>`);
  }

  /**
   * core/table as the block editor saves it: the first row is the header (<thead>) when all its cells
   * are header cells; a cell's paragraphs become lines. Spans are kept, other cell styling is not.
   */
  private table(node: LexicalNode): string {
    const rows = (node.children ?? []).filter((row) => row.type === 'tablerow' && (row.children ?? []).length > 0);
    if (rows.length === 0) return '';
    const headerRow = (rows[0]!.children ?? []).every((cell) => typeof cell.headerState === 'number' && (cell.headerState & 1) === 1);
    const cells = (row: LexicalNode, inHead: boolean): string =>
      (row.children ?? [])
        .map((cell) => {
          const tag = inHead || (typeof cell.headerState === 'number' && (cell.headerState & 2) === 2) ? 'th' : 'td';
          const spans = `${span('colspan', cell.colSpan)}${span('rowspan', cell.rowSpan)}`;
          return `<${tag}${spans}>${this.cell(cell)}</${tag}>`;
        })
        .join('');
    const head = headerRow ? `<thead><tr>${cells(rows[0]!, true)}</tr></thead>` : '';
    const body = rows.slice(headerRow ? 1 : 0).map((row) => `<tr>${cells(row, false)}</tr>`).join('');
    return this.wrapped('core/table', {}, `<figure class="wp-block-table"><table class="has-fixed-layout">${head}${body === '' ? '' : `<tbody>${body}</tbody>`}</table></figure>`);
  }

  /** A cell's content as one inline run: its paragraphs (and list items) become lines. */
  private cell(cell: LexicalNode): string {
    const items: InlineItem[] = [];
    const lines = (nodes: readonly LexicalNode[]): void => {
      for (const child of nodes) {
        if (isInline(child)) flatten([child], null, items);
        else if (child.type !== 'image' && child.type !== 'embed' && child.type !== 'portal-block') {
          items.push({ kind: 'br', link: null });
          lines(child.children ?? []);
          items.push({ kind: 'br', link: null });
        }
      }
    };
    lines(cell.children ?? []);
    return this.itemsHtml(normalizeRun(collapseBreaks(items)));
  }

  /** core/embed as the block editor saves it: the address on its own line, so WordPress's oEmbed finds it. */
  private embed(node: LexicalNode): string {
    const found = recogniseEmbed(node.url);
    if (!found) throw new AppError({ kind: 'validation', code: 'content.invalidBody', message: 'The article body cannot be published: an embed has no supported address.' });
    const type = EMBED_TYPES[found.provider];
    const attributes = { url: found.url, type, providerNameSlug: found.provider, responsive: true };
    const classes = `wp-block-embed is-type-${type} is-provider-${found.provider} wp-block-embed-${found.provider}`;
    return this.wrapped('core/embed', attributes, `<figure class="${classes}"><div class="wp-block-embed__wrapper">\n${escapeText(found.url)}\n</div></figure>`);
  }

  /** One inline run, normalised the way the parser normalises what it reads. */
  private run(nodes: readonly LexicalNode[]): string {
    return nodes.length === 0 ? '' : this.itemsHtml(normalizeRun(flattened(nodes)));
  }

  private itemsHtml(items: readonly InlineItem[]): string {
    return groupByLink(items)
      .map(({ link, items: group }) => {
        const inner = group.map(itemHtml).join('');
        return link ? `<a href="${escapeAttr(link.url)}"${this.isExternal(link.url) ? ' rel="noopener"' : ''}>${inner}</a>` : inner;
      })
      .join('');
  }

  private isExternal(url: string): boolean {
    const parsed = new URL(url);
    if (parsed.protocol === 'mailto:') return false;
    return this.host === null || bareHost(parsed.hostname) !== this.host;
  }
}

/** Two line breaks in a row in a table cell are one: they stand for the edge between two paragraphs. */
function collapseBreaks(items: InlineItem[]): InlineItem[] {
  return items.filter((item, i) => item.kind !== 'br' || items[i - 1]?.kind !== 'br');
}

const span = (name: string, value: unknown): string => (typeof value === 'number' && Number.isSafeInteger(value) && value > 1 && value <= 1000 ? ` ${name}="${value}"` : '');

function flattened(nodes: readonly LexicalNode[]): InlineItem[] {
  const items: InlineItem[] = [];
  flatten(nodes, null, items);
  return items;
}

function flatten(nodes: readonly LexicalNode[], link: RunLink | null, out: InlineItem[]): void {
  for (const node of nodes) {
    if (node.type === 'text') out.push({ kind: 'text', text: node.text ?? '', format: typeof node.format === 'number' ? node.format : 0, link });
    else if (node.type === 'tab') out.push({ kind: 'text', text: ' ', format: 0, link });
    else if (node.type === 'linebreak') out.push({ kind: 'br', link });
    else if (node.type === 'link' || node.type === 'autolink') {
      // A link inside a link keeps the outer one (HTML cannot nest them); an unsafe one is dropped, its text kept.
      const own = link ?? (isSafeLinkUrl(node.url) ? { url: new URL(String(node.url)).href } : null);
      flatten(node.children ?? [], own, out);
    }
  }
}

function itemHtml(item: InlineItem): string {
  if (item.kind === 'br') return '<br />';
  let html = escapeText(item.text);
  for (let i = FORMAT_TAGS.length - 1; i >= 0; i--) {
    const [bit, tag] = FORMAT_TAGS[i]!;
    if (item.format & bit) html = `<${tag}>${html}</${tag}>`;
  }
  return html;
}

/** The post title is the page's <h1>, so body headings start at <h2>; the editor makes H2-H4. */
function headingLevel(tag: unknown): 2 | 3 | 4 {
  if (tag === 'h3') return 3;
  if (tag === 'h4' || tag === 'h5' || tag === 'h6') return 4;
  return 2;
}

function isImageUrl(url: unknown): url is string {
  return isSafeLinkUrl(url) && /^https?:$/.test(new URL(url as string).protocol);
}

