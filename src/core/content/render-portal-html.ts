/**
 * The article body (Lexical JSON, checked by src/shared/lexical-document.ts) as the HTML the portal
 * gets. Rendered straight from the JSON tree, never from HTML the renderer made: every text is
 * escaped here, every URL checked here, and the result passes an allowlist sanitiser as well.
 *
 * The output is deterministic (sync hashes it) and friendly to WordPress: Gutenberg's image markup
 * (`wp-image-<id>` lets WordPress add srcset), no block comments (the block editor opens the post
 * as one Classic block), whitespace collapsed inside text so wpautop turns no newline into a <br>.
 */
import { AppError } from '../../shared/errors';
import { checkLexicalDocument, isSafeLinkUrl, type LexicalDocument, type LexicalNode } from '../../shared/lexical-document';
import { printedCredit } from './credit';
import { FORMAT, cleanLine, groupByLink, normalizeRun, type InlineItem, type RunLink } from './inline';
import { sanitizePortalHtml } from './portal-sanitizer';

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

export function renderPortalHtml(body: LexicalDocument, media: PortalMediaResolver, options: RenderOptions = {}): string {
  const issues = checkLexicalDocument(body);
  if (issues.length > 0) {
    throw new AppError({ kind: 'validation', code: 'content.invalidBody', message: `The article body cannot be published: ${issues[0]!.message}.`, issues });
  }
  const html = new PortalRenderer(media, siteHost(options.siteUrl)).flow(body.root.children, 'p', '\n');
  return sanitizePortalHtml(html);
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

class PortalRenderer {
  constructor(
    private readonly media: PortalMediaResolver,
    private readonly host: string | null,
  ) {}

  /**
   * Children of a block container. Runs of inline nodes become `<wrap>` elements (or stay bare when
   * wrap is null, as in a list item); block nodes among them are rendered in between, so a photo
   * inside a paragraph splits it rather than producing a <figure> inside a <p>.
   */
  flow(children: readonly LexicalNode[], wrap: string | null, separator: string): string {
    const parts: string[] = [];
    let run: LexicalNode[] = [];
    const flushRun = (): void => {
      const inner = this.run(run);
      run = [];
      if (inner !== '') parts.push(wrap ? `<${wrap}>${inner}</${wrap}>` : inner);
    };
    for (const child of children) {
      if (isInline(child)) {
        run.push(child);
        continue;
      }
      flushRun();
      const html = this.block(child, separator);
      if (html !== '') parts.push(html);
    }
    flushRun();
    return parts.join(separator);
  }

  private block(node: LexicalNode, separator: string): string {
    const children = node.children ?? [];
    switch (node.type) {
      case 'heading':
        return this.flow(children, headingTag(node.tag), separator);
      case 'quote': {
        const inner = this.flow(children, 'p', '');
        return inner === '' ? '' : `<blockquote>${inner}</blockquote>`;
      }
      case 'list':
        return this.list(node);
      case 'horizontalrule':
        return '<hr />';
      case 'image':
        return this.image(node);
      default:
        // paragraph; also a stray list item or a link holding blocks: their content as paragraphs.
        return this.flow(children, 'p', separator);
    }
  }

  /**
   * Lexical keeps a nested list in a list item of its own right after its parent item; HTML (and
   * WordPress) wants it inside the parent's <li>, so such an item is folded into the one before it.
   */
  private list(node: LexicalNode): string {
    const tag = node.listType === 'number' || (node.listType === undefined && node.tag === 'ol') ? 'ol' : 'ul';
    const items: string[] = [];
    for (const child of node.children ?? []) {
      const onlyLists = child.type === 'listitem' && (child.children ?? []).length > 0 && child.children!.every((c) => c.type === 'list');
      const html = child.type === 'listitem' ? this.flow(child.children ?? [], null, '') : this.flow([child], null, '');
      if (html === '') continue;
      if (onlyLists && items.length > 0) items[items.length - 1] += html;
      else items.push(html);
    }
    if (items.length === 0) return '';
    const start = typeof node.start === 'number' && Number.isSafeInteger(node.start) && node.start !== 1 && node.start >= 0 ? node.start : null;
    const open = tag === 'ol' && start !== null ? `<ol start="${start}">` : `<${tag}>`;
    return `${open}${items.map((item) => `<li>${item}</li>`).join('')}</${tag}>`;
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
    let img = `<img src="${escapeAttr(new URL(found.url).href)}" alt="${escapeAttr(cleanLine(String(node.altText ?? '')))}" class="wp-image-${found.remoteId}"`;
    if (isDimension(found.width) && isDimension(found.height)) img += ` width="${found.width}" height="${found.height}"`;
    img += ' />';
    const caption = cleanLine(String(node.caption ?? ''));
    const credit = printedCredit(String(node.credit ?? ''));
    const captionParts = [caption ? escapeText(caption) : '', credit ? `<span class="credit">${escapeText(credit)}</span>` : ''].filter(Boolean);
    const figcaption = captionParts.length > 0 ? `<figcaption>${captionParts.join(' ')}</figcaption>` : '';
    return `<figure class="wp-block-image size-large">${img}${figcaption}</figure>`;
  }

  /** One inline run, normalised the way the parser normalises what it reads. */
  private run(nodes: readonly LexicalNode[]): string {
    if (nodes.length === 0) return '';
    const items: InlineItem[] = [];
    flatten(nodes, null, items);
    return groupByLink(normalizeRun(items))
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
function headingTag(tag: unknown): string {
  if (tag === 'h3') return 'h3';
  if (tag === 'h4' || tag === 'h5' || tag === 'h6') return 'h4';
  return 'h2';
}

function isImageUrl(url: unknown): url is string {
  return isSafeLinkUrl(url) && /^https?:$/.test(new URL(url as string).protocol);
}

const isDimension = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;
