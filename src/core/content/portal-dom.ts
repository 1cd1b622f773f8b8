/**
 * The portal's post as a DOM for parse-portal-html.ts to walk: split into top-level blocks first
 * (those Redaksi does not write are taken out whole), then parsed with linkedom, plus the few DOM
 * helpers the walk uses.
 */
import { randomUUID } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { recogniseEmbed } from '../../shared/embeds';
import { PORTAL_BLOCK_NAME, PORTAL_BLOCK_RAW_LIMIT, type LexicalNode } from '../../shared/lexical-document';
import { openerAttributes, splitTopLevel } from './block-grammar';
import { embedNode, portalBlockNode } from './lexical-nodes';

/** Dropped with everything inside them. */
export const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'noframes', 'object', 'embed', 'applet', 'param',
  'svg', 'math', 'canvas', 'video', 'audio', 'source', 'track', 'map', 'area', 'head', 'title', 'meta', 'link', 'base',
  'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'datalist', 'output', 'progress', 'meter',
  'xmp', 'plaintext', 'listing', 'noembed', 'dialog', 'slot', 'portal', 'rp', 'rt',
]);
/** Elements whose start and end separate paragraphs. Anything not listed is read as inline. */
export const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'aside', 'header', 'footer', 'main', 'nav', 'address', 'center', 'form', 'fieldset',
  'legend', 'details', 'summary', 'figure', 'figcaption', 'pre', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr',
  'td', 'th', 'dl', 'dt', 'dd', 'li', 'hgroup', 'search', 'menu',
]);

/** Blocks read into the body; any other top-level block is kept whole. */
const READ_BLOCKS = new Set([
  'core/paragraph', 'core/heading', 'core/list', 'core/list-item', 'core/quote', 'core/separator', 'core/image', 'core/table', 'core/freeform',
]);
/** A Custom HTML block that holds only `<!-- redaksi-… -->` markers (see src/core/sync/markers.ts). */
const ONLY_OUR_MARKERS = /^<!-- wp:html -->\s*(?:<!--\s*redaksi-[\s\S]*?-->\s*)+<!-- \/wp:html -->$/;
/** An address alone on its line, bare or as the only content of a paragraph (as WordPress's autoembed finds it). */
const OWN_LINE_URL = /^[ \t]*(?:<p>[ \t]*)?(https?:\/\/[^\s<>"]+)[ \t]*(?:<\/p>)?[ \t]*$/gim;
/** Stands in the HTML for a kept block while the walk runs. */
export const KEPT_TAG = 'redaksi-kept-block';

/** The little of the DOM the walk needs (linkedom's nodes have it; no DOM typings in src/core). */
export interface DomNode {
  nodeType: number;
  localName?: string;
  data?: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}
export const ELEMENT = 1;
export const TEXT = 3;

/**
 * The post as a DOM to walk. Top-level blocks Redaksi does not write are taken out first (their
 * exact text kept) and an empty element with a key no post can guess stands in their place.
 */
export function documentBody(html: string): { body: DomNode; kept: KeptBlocks } {
  const kept: KeptBlocks = { nonce: randomUUID(), blocks: [] };
  const keep = (node: LexicalNode): string => {
    kept.blocks.push(node);
    return `<${KEPT_TAG} data-key="${kept.nonce}-${kept.blocks.length - 1}"></${KEPT_TAG}>`;
  };
  const source = splitTopLevel(html)
    .map((piece) => {
      // The Custom HTML block our sync markers travel in is not the article's.
      if (piece.kind === 'block' && piece.name === 'core/html' && ONLY_OUR_MARKERS.test(piece.raw)) return '';
      if (piece.kind !== 'block') return classic(piece.raw).replace(OWN_LINE_URL, (line: string, url: string) => {
        // Classic content: WordPress embeds a supported address on a line of its own (autoembed), so it is one here too.
        const embed = recogniseEmbed(url);
        return embed ? keep(embedNode(embed)) : line;
      });
      // An embed of a supported post is read into the body; any other embed is kept as it is.
      const embed = piece.name === 'core/embed' ? recogniseEmbed(openerAttributes(piece.raw).url) : null;
      if (embed) return keep(embedNode(embed));
      if (!READ_BLOCKS.has(piece.name) && PORTAL_BLOCK_NAME.test(piece.name) && piece.raw.length <= PORTAL_BLOCK_RAW_LIMIT) {
        return keep(portalBlockNode({ name: piece.name, raw: piece.raw }));
      }
      return classic(piece.raw);
    })
    .join('');
  // linkedom types its result with the DOM library, which src/core does not load.
  const window = parseHTML(`<!doctype html><html><head></head><body>${source}</body></html>`) as unknown as { document: { body: DomNode } };
  return { body: window.document.body, kept };
}

/** HTML read as it is (classic content, and blocks Redaksi writes): shortcodes and stray document tags handled. */
function classic(html: string): string {
  return (
    html
      // Classic-editor captions: [caption id="attachment_5" …]<img …> Caption text[/caption]
      .replace(/\[caption\b[^\]]*\]\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*?)\[\/caption\]/gi, '<figure>$1<figcaption>$2</figcaption></figure>')
      // The parser stops at the first </body> or </html>: content that carries its own must not end early.
      .replace(/<\/?(?:html|head|body)\b[^>]*>/gi, '')
  );
}

/** Nodes taken out of the post whole (embeds, blocks kept from the portal), by their place holder's key. */
export interface KeptBlocks {
  nonce: string;
  blocks: LexicalNode[];
}

/** Elements with the tag below `root`, in document order (an explicit stack: no recursion on deep markup). */
export function descendants(root: DomNode, tag: string): DomNode[] {
  const found: DomNode[] = [];
  const stack: DomNode[] = [...Array.from(root.childNodes)].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType !== ELEMENT || DROPPED.has(node.localName ?? '')) continue;
    if (node.localName === tag) found.push(node);
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return found;
}

/** Text of an element as a reader sees it: dropped elements (scripts…) and `skip` left out, <br> as a space. */
export function textOf(root: DomNode, skip: DomNode | null = null): string {
  const parts: string[] = [];
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === skip) continue;
    if (node.nodeType === TEXT) parts.push(node.data ?? '');
    else if (node.nodeType === ELEMENT) {
      if (DROPPED.has(node.localName ?? '')) continue;
      if (node.localName === 'br') parts.push(' ');
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
    }
  }
  return parts.join('');
}
