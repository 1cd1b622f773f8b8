/**
 * The portal's HTML (a post pulled from WordPress: another writer's pending post, or the portal's
 * side of a conflict) as an article body the editor can load. Accepts what renderPortalHtml emits,
 * the block editor's posts, and classic-editor content (paragraphs by blank lines, `[caption]`
 * shortcodes). Blocks of the kinds Redaksi writes are read into the body (their delimiters are
 * dropped, as are our `<!-- redaksi-… -->` markers); any other top-level block (a gallery, a
 * plugin's block, custom HTML) is kept whole as a `portal-block` node and goes back unchanged.
 *
 * Nothing of the HTML survives as HTML: it is read into the node types of our allowlist, text is
 * kept as text (rendering escapes it), links only when http(s)/mailto. Scripts, styles, frames,
 * embeds and form controls are dropped with their content; any other element gives its text.
 */
import { AppError } from '../../shared/errors';
import {
  IMAGE_TEXT_LIMIT,
  checkLexicalDocument,   isSafeLinkUrl,
  lexicalToPlainText,
  type LexicalDocument,
  type LexicalNode,
  } from '../../shared/lexical-document';
import { canonicalCredit, splitCaptionText } from './credit';
import { FORMAT, cleanLine, type InlineItem, type RunLink } from './inline';
import { ListBuilder, inlineNodes, listStart, readTable, softBreak } from './parse-portal-blocks';
import { BLOCKS, DROPPED, ELEMENT, KEPT_TAG, TEXT, descendants, documentBody, textOf, type DomNode, type KeptBlocks } from './portal-dom';
import {
  documentOf,
  headingNode,
  horizontalRuleNode,
  imageNode,
  paragraphNode,
  quoteNode,
  type HeadingTag,
} from './lexical-nodes';

/** A picture in the portal's HTML with no local copy yet: the caller downloads it and parses again. */
export interface UnknownPortalImage {
  remoteId?: number;
  url: string;
  alt: string;
  caption: string;
  credit: string;
}

/**
 * Local media id for a portal picture, by its attachment id (`wp-image-<id>`, absent for pictures
 * placed by URL in the classic editor) or its URL; undefined when there is no local copy.
 */
export type LocalMediaLookup = (remoteId: number | undefined, url: string) => string | undefined;

export interface ParseOptions {
  /** The portal's address, to resolve relative links and image sources; without it they are dropped. */
  baseUrl?: string;
}

export interface ParsedPortalBody {
  body: LexicalDocument;
  unknownImages: UnknownPortalImage[];
}

/** Far above any article (10,000 words are ~100 kB of HTML), low enough to refuse a runaway download. */
export const MAX_PORTAL_HTML_LENGTH = 10_000_000;
/** Deeper markup is read as plain text: keeps the walk's recursion bounded. */
const MAX_ELEMENT_DEPTH = 256;

const FORMAT_OF: Record<string, number> = {
  b: FORMAT.bold, strong: FORMAT.bold,
  i: FORMAT.italic, em: FORMAT.italic,
  u: FORMAT.underline, ins: FORMAT.underline,
  s: FORMAT.strikethrough, strike: FORMAT.strikethrough, del: FORMAT.strikethrough,
};
const HEADING_OF: Record<string, HeadingTag> = { h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h4', h6: 'h4' };
/** A quote's citation is read as its last line, marked so the renderer writes it as `<cite>` again. */
const CITATION_PREFIX = '\u2014 ';

export type BlockKind = { type: 'paragraph' } | { type: 'heading'; tag: HeadingTag } | { type: 'quote' };
/** How newlines in text count: as spaces (inside <p>), as wpautop reads them (loose text), or as lines (<pre>). */
export type Newlines = 'collapse' | 'autop' | 'pre';

export interface Context {
  format: number;
  link: RunLink | null;
  block: BlockKind;
  newlines: Newlines;
  depth: number;
}

export interface FoundImage {
  remoteId?: number;
  url: string;
  alt: string;
  caption: string;
  credit: string;
}

/** Where the walk puts what it reads: the article's top level, the item of a list, or a table cell. */
export interface Flow {
  inline(item: InlineItem, ctx: Context): void;
  boundary(ctx: Context): void;
  image(image: FoundImage): void;
  list(element: DomNode, ctx: Context): void;
  rule(): void;
  kept(node: LexicalNode): void;
  table(element: DomNode, ctx: Context): void;
}

/** What a list or a table cannot hold and places after itself. */
export type Hoisted = { kind: 'image'; image: FoundImage } | { kind: 'kept'; node: LexicalNode };

export function parsePortalHtml(html: string, media: LocalMediaLookup, options: ParseOptions = {}): ParsedPortalBody {
  if (html.length > MAX_PORTAL_HTML_LENGTH) {
    throw new AppError({ kind: 'validation', code: 'content.portalTooLarge', message: 'The portal post is too large to open.', params: { length: html.length } });
  }
  const { body: dom, kept } = documentBody(html);
  const reader = new PortalReader(media, baseOf(options.baseUrl), kept);
  reader.walk(dom, reader.root, { format: 0, link: null, block: { type: 'paragraph' }, newlines: 'autop', depth: 0 });
  const blocks = reader.root.finish();
  const body = documentOf(blocks.length > 0 ? blocks : [paragraphNode([])]);
  const issues = checkLexicalDocument(body);
  if (issues.length > 0) {
    throw new AppError({ kind: 'validation', code: 'content.portalBodyInvalid', message: `The portal post cannot be opened: ${issues[0]!.message}.`, issues });
  }
  return { body, unknownImages: reader.unknownImages };
}

/** A placeholder photo id: portalText needs no local media, only the words. */
const ANY_MEDIA = '00000000-0000-4000-8000-000000000000';

/**
 * Plain text of portal HTML, the same way lexicalToPlainText reads our body (blocks on lines,
 * captions included), so the two sides of a conflict can be shown and compared line by line.
 */
export function portalText(html: string): string {
  return lexicalToPlainText(parsePortalHtml(html, () => ANY_MEDIA).body);
}

function baseOf(baseUrl: string | undefined): URL | null {
  if (!baseUrl) return null;
  try {
    return new URL(baseUrl);
  } catch {
    return null;
  }
}

export class PortalReader {
  readonly unknownImages: UnknownPortalImage[] = [];
  readonly root: RootFlow;

  constructor(
    private readonly media: LocalMediaLookup,
    private readonly base: URL | null,
    private readonly kept: KeptBlocks,
  ) {
    this.root = new RootFlow(this);
  }

  /** The kept block an element stands for (only elements this parse put there carry its key). */
  private keptBlock(el: DomNode): LexicalNode | undefined {
    const match = /^([0-9a-f-]{36})-(\d+)$/.exec(el.getAttribute?.('data-key') ?? '');
    return match && match[1] === this.kept.nonce ? this.kept.blocks[Number(match[2])] : undefined;
  }

  walk(parent: DomNode, flow: Flow, ctx: Context): void {
    const children = parent.childNodes;
    for (let i = 0; i < children.length; i++) this.node(children[i]!, flow, ctx);
  }

  node(node: DomNode, flow: Flow, ctx: Context): void {
    if (node.nodeType === TEXT) this.text(node.data ?? '', flow, ctx);
    else if (node.nodeType === ELEMENT) this.element(node, flow, ctx);
    // Comments (Gutenberg's block delimiters, our sync markers) and anything else: nothing to keep.
  }

  private text(data: string, flow: Flow, ctx: Context): void {
    const text = (s: string): InlineItem => ({ kind: 'text', text: s, format: ctx.format, link: ctx.link });
    // Whitespace between tags is no line break (wpautop leaves newlines next to block tags alone).
    if (ctx.newlines === 'autop' && /^[ \t\n\r\f]*$/.test(data)) {
      if (/\n[ \t\r\f]*\n/.test(data)) flow.boundary(ctx);
      else flow.inline(text(' '), ctx);
      return;
    }
    if (ctx.newlines === 'collapse' || !data.includes('\n')) {
      flow.inline(text(data), ctx);
      return;
    }
    // wpautop: a blank line ends a paragraph and a single newline is a line break (also in <pre>).
    const paragraphs = ctx.newlines === 'autop' ? data.split(/\n[ \t\r\f]*\n/) : [data];
    paragraphs.forEach((paragraph, i) => {
      if (i > 0) flow.boundary(ctx);
      paragraph.split('\n').forEach((line, j) => {
        if (j > 0) flow.inline({ kind: 'br', link: ctx.link }, ctx);
        flow.inline(text(line), ctx);
      });
    });
  }

  private element(el: DomNode, flow: Flow, ctx: Context): void {
    const tag = el.localName ?? '';
    if (DROPPED.has(tag)) return;
    if (ctx.depth >= MAX_ELEMENT_DEPTH) {
      flow.inline({ kind: 'text', text: textOf(el), format: ctx.format, link: ctx.link }, ctx);
      return;
    }
    const inner: Context = { ...ctx, depth: ctx.depth + 1 };
    if (tag === KEPT_TAG) {
      const node = this.keptBlock(el);
      if (node) flow.kept(node);
      return;
    }
    if (tag === 'cite' && ctx.block.type === 'quote') {
      // The quote's citation: its own last line, starting with "— ".
      flow.boundary(ctx);
      flow.inline({ kind: 'text', text: CITATION_PREFIX, format: 0, link: null }, ctx);
      this.walk(el, flow, { ...inner, newlines: 'collapse' });
      flow.boundary(ctx);
      return;
    }
    if (tag === 'br') return flow.inline({ kind: 'br', link: ctx.link }, ctx);
    if (tag === 'hr') return flow.rule();
    if (tag === 'img') {
      const image = this.readImage(el, null);
      if (image) flow.image(image);
      return;
    }
    if (tag === 'ul' || tag === 'ol') return flow.list(el, inner);
    if (tag === 'table') return flow.table(el, inner);
    if (tag === 'figure' && this.figure(el, flow)) return;
    const format = FORMAT_OF[tag];
    if (format !== undefined) return this.walk(el, flow, { ...inner, format: ctx.format | format });
    if (tag === 'a') {
      const url = ctx.link ? null : this.linkUrl(el.getAttribute?.('href'));
      return this.walk(el, flow, url ? { ...inner, link: { url } } : inner);
    }
    const heading = HEADING_OF[tag];
    if (heading !== undefined || tag === 'blockquote' || BLOCKS.has(tag)) {
      // Inside a quote, inner blocks are lines of the quote rather than blocks of their own.
      let block = ctx.block;
      if (block.type !== 'quote' && tag === 'blockquote') block = { type: 'quote' };
      else if (block.type !== 'quote' && heading !== undefined) block = { type: 'heading', tag: heading };
      const newlines: Newlines = tag === 'pre' ? 'pre' : tag === 'div' || tag === 'blockquote' || tag === 'section' || tag === 'article' ? ctx.newlines : 'collapse';
      flow.boundary(ctx);
      this.walk(el, flow, { ...inner, block, newlines });
      flow.boundary(ctx);
      return;
    }
    this.walk(el, flow, inner);
  }

  /** A figure holding one picture is that picture; a gallery or a figure of something else is read as a block. */
  private figure(el: DomNode, flow: Flow): boolean {
    const images = descendants(el, 'img');
    if (images.length !== 1 || descendants(el, 'figure').length > 0) return false;
    const image = this.readImage(images[0]!, descendants(el, 'figcaption')[0] ?? null);
    if (image) flow.image(image);
    return true;
  }

  private readImage(img: DomNode, figcaption: DomNode | null): FoundImage | null {
    // Lazy-loading themes put a data: placeholder in src and the picture in data-src (content.rendered).
    const url = ['src', 'data-src', 'data-lazy-src']
      .map((name) => this.resolve(img.getAttribute?.(name)))
      .find((candidate) => candidate !== null && /^https?:$/.test(candidate.protocol));
    if (!url) return null; // data: and other schemes: not a picture we can fetch
    const idMatch = /(?:^|\s)wp-image-(\d{1,15})(?:\s|$)/.exec(img.getAttribute?.('class') ?? '');
    const remoteId = idMatch ? Number(idMatch[1]) : undefined;
    let caption = '';
    let credit = '';
    if (figcaption) {
      const creditElement = descendants(figcaption, 'span').find((span) => /(?:^|\s)credit(?:\s|$)/.test(span.getAttribute?.('class') ?? ''));
      if (creditElement) {
        caption = cleanLine(textOf(figcaption, creditElement));
        credit = canonicalCredit(textOf(creditElement));
      } else {
        ({ caption, credit } = splitCaptionText(textOf(figcaption)));
      }
    }
    const bounded = (s: string): string => s.slice(0, IMAGE_TEXT_LIMIT);
    return { ...(remoteId && Number.isSafeInteger(remoteId) ? { remoteId } : {}), url: url.href, alt: bounded(cleanLine(img.getAttribute?.('alt') ?? '')), caption: bounded(caption), credit: bounded(credit) };
  }

  /** A local image node for a known picture; otherwise the picture is reported and left out. */
  imageNode(image: FoundImage): LexicalNode | null {
    const mediaId = this.media(image.remoteId, image.url);
    if (typeof mediaId === 'string' && mediaId !== '') return imageNode({ mediaId, altText: image.alt, caption: image.caption, credit: image.credit });
    this.unknownImages.push(image);
    return null;
  }

  private linkUrl(href: string | null | undefined): string | null {
    const url = this.resolve(href);
    return url && isSafeLinkUrl(url.href) ? url.href : null;
  }

  private resolve(value: string | null | undefined): URL | null {
    if (!value) return null;
    try {
      return this.base ? new URL(value, this.base) : new URL(value);
    } catch {
      return null;
    }
  }

  /** A list element as a Lexical list (nested lists in items of their own, as the editor keeps them). */
  readTable(el: DomNode, ctx: Context, hoisted: Hoisted[]): LexicalNode | null {
    return readTable(this, el, ctx, hoisted);
  }

  readList(el: DomNode, ctx: Context, depth: number, hoisted: Hoisted[]): LexicalNode | null {
    const builder = new ListBuilder(this, depth, hoisted);
    builder.read(el, ctx);
    return builder.node(el.localName === 'ol' ? 'number' : 'bullet', listStart(el));
  }
}

class RootFlow implements Flow {
  private readonly blocks: LexicalNode[] = [];
  private open: { kind: BlockKind; items: InlineItem[] } | null = null;

  constructor(private readonly reader: PortalReader) {}

  inline(item: InlineItem, ctx: Context): void {
    if (this.open && sameKind(this.open.kind, ctx.block)) this.open.items.push(item);
    else {
      this.close();
      this.open = { kind: ctx.block, items: [item] };
    }
  }

  boundary(ctx: Context): void {
    if (ctx.block.type === 'quote' && this.open?.kind.type === 'quote') softBreak(this.open.items);
    else this.close();
  }

  image(image: FoundImage): void {
    this.close();
    const node = this.reader.imageNode(image);
    if (node) this.blocks.push(node);
  }

  list(element: DomNode, ctx: Context): void {
    this.close();
    const hoisted: Hoisted[] = [];
    const list = this.reader.readList(element, { ...ctx, format: 0, link: null, newlines: 'collapse' }, 1, hoisted);
    if (list) this.blocks.push(list);
    // Pictures (and kept blocks) inside list items follow the list: an item holds only text.
    this.place(hoisted);
  }

  table(element: DomNode, ctx: Context): void {
    this.close();
    const hoisted: Hoisted[] = [];
    const table = this.reader.readTable(element, { ...ctx, format: 0, link: null, newlines: 'collapse', block: { type: 'paragraph' } }, hoisted);
    if (table) this.blocks.push(table);
    this.place(hoisted);
  }

  private place(hoisted: readonly Hoisted[]): void {
    for (const item of hoisted) {
      if (item.kind === 'image') this.image(item.image);
      else this.kept(item.node);
    }
  }

  rule(): void {
    this.close();
    this.blocks.push(horizontalRuleNode());
  }

  kept(node: LexicalNode): void {
    this.close();
    this.blocks.push(node);
  }

  finish(): LexicalNode[] {
    this.close();
    return this.blocks;
  }

  private close(): void {
    if (!this.open) return;
    const { kind, items } = this.open;
    this.open = null;
    const children = inlineNodes(items);
    if (children.length === 0) return;
    if (kind.type === 'heading') this.blocks.push(headingNode(kind.tag, children));
    else if (kind.type === 'quote') this.blocks.push(quoteNode(children));
    else this.blocks.push(paragraphNode(children));
  }
}

function sameKind(a: BlockKind, b: BlockKind): boolean {
  return a.type === b.type && (a.type !== 'heading' || a.tag === (b as { tag: HeadingTag }).tag);
}
