/**
 * The canonical article body: Lexical's serialised editor state (JSON). The backend never trusts
 * the renderer's copy: every save is checked here (node types from an allowlist, bounded depth and
 * size), and plain text for search and word counts is derived from it, not sent alongside it.
 *
 * A hand-written walk rather than a recursive zod schema: bodies of 100,000 words have tens of
 * thousands of nodes, and the walk is both faster and able to stop at a depth bound.
 */
import { z } from 'zod';
import { embedFieldsProblem } from './embeds';

export interface LexicalNode {
  type: string;
  version?: number;
  children?: LexicalNode[];
  text?: string;
  [key: string]: unknown;
}

export interface LexicalDocument {
  root: LexicalNode & { type: 'root'; children: LexicalNode[] };
}

/** Block-level node types: their text is separated from the next block's by a newline. */
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'list', 'listitem', 'horizontalrule', 'image', 'portal-block', 'embed', 'table', 'tablerow', 'tablecell']);
const ELEMENT_TYPES = new Set(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'link', 'autolink', 'table', 'tablerow', 'tablecell']);
const LEAF_TYPES = new Set(['text', 'linebreak', 'tab', 'horizontalrule', 'image', 'portal-block', 'embed']);
export const ALLOWED_NODE_TYPES: ReadonlySet<string> = new Set([...ELEMENT_TYPES, ...LEAF_TYPES]);

export const LEXICAL_LIMITS = {
  maxDepth: 48,
  maxNodes: 400_000,
  maxTextLength: 2_000_000,
} as const;

export interface LexicalIssue {
  path: string;
  code: string;
  message: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Returns the problems with a candidate document (empty when it is acceptable). */
export function checkLexicalDocument(value: unknown): LexicalIssue[] {
  const issues: LexicalIssue[] = [];
  const fail = (path: string, code: string, message: string): LexicalIssue[] => {
    issues.push({ path, code, message });
    return issues;
  };
  if (!isObject(value) || !isObject(value.root)) return fail('body', 'body.invalid', 'body must be {root: {...}}');
  const root = value.root;
  if (root.type !== 'root' || !Array.isArray(root.children)) {
    return fail('body.root', 'body.invalid', 'root must have type "root" and children');
  }
  let nodes = 0;
  let textLength = 0;
  const stack: { node: unknown; depth: number; path: string }[] = [{ node: root, depth: 0, path: 'body.root' }];
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    if (++nodes > LEXICAL_LIMITS.maxNodes) return fail('body', 'body.tooLarge', 'too many nodes');
    if (depth > LEXICAL_LIMITS.maxDepth) return fail(path, 'body.tooDeep', 'nesting too deep');
    if (!isObject(node) || typeof node.type !== 'string') return fail(path, 'body.invalid', 'node must be an object with a type');
    if (!ALLOWED_NODE_TYPES.has(node.type)) return fail(path, 'body.unknownNode', `node type "${node.type.slice(0, 40)}" is not allowed`);
    const shapeProblem = checkNodeShape(node);
    if (shapeProblem) return fail(path, 'body.invalid', shapeProblem);
    if (node.type === 'text') {
      if (typeof node.text !== 'string') return fail(path, 'body.invalid', 'text node without text');
      textLength += node.text.length;
      if (textLength > LEXICAL_LIMITS.maxTextLength) return fail('body', 'body.tooLarge', 'text too long');
    }
    if (ELEMENT_TYPES.has(node.type)) {
      if (!Array.isArray(node.children)) return fail(path, 'body.invalid', 'element node without children');
      if ((node.type === 'link' || node.type === 'autolink') && !isSafeLinkUrl(node.url)) {
        return fail(path, 'body.unsafeLink', 'links must be http(s) or mailto');
      }
      for (let i = node.children.length - 1; i >= 0; i--) {
        stack.push({ node: node.children[i], depth: depth + 1, path: `${path}.children.${i}` });
      }
    } else if ('children' in node && node.children !== undefined) {
      return fail(path, 'body.invalid', `${node.type} node cannot have children`);
    }
    if (node.type === 'image') {
      const problem = checkImageNode(node);
      if (problem) return fail(path, 'body.invalidImage', problem);
    }
    if (node.type === 'embed') {
      const problem = embedFieldsProblem(node);
      if (problem) return fail(path, 'body.invalidEmbed', problem);
    }
    if (node.type === 'portal-block') {
      const problem = checkPortalBlockNode(node);
      if (problem) return fail(path, 'body.invalidPortalBlock', problem);
      textLength += (node.raw as string).length;
      if (textLength > LEXICAL_LIMITS.maxTextLength) return fail('body', 'body.tooLarge', 'text too long');
    }
  }
  return issues;
}

/**
 * Every field a node of each type may carry (what Lexical and the image node serialise), and what the
 * editor ever writes in the ones that reach the DOM: no inline style (a pasted or forged body could
 * otherwise lay an overlay over the page), no link target (`_top` would navigate the app) and only
 * the usual link relations. Anything else is refused, not dropped: the body came from somewhere else.
 */
const ELEMENT_FIELDS = ['type', 'version', 'children', 'direction', 'format', 'indent', 'textFormat', 'textStyle'];
const TEXT_FIELDS = ['type', 'version', 'text', 'detail', 'format', 'mode', 'style'];
const LINK_FIELDS = [...ELEMENT_FIELDS, 'url', 'rel', 'target', 'title'];
const NODE_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  root: new Set(ELEMENT_FIELDS),
  paragraph: new Set(ELEMENT_FIELDS),
  quote: new Set(ELEMENT_FIELDS),
  heading: new Set([...ELEMENT_FIELDS, 'tag']),
  list: new Set([...ELEMENT_FIELDS, 'listType', 'start', 'tag']),
  listitem: new Set([...ELEMENT_FIELDS, 'checked', 'value']),
  link: new Set(LINK_FIELDS),
  autolink: new Set([...LINK_FIELDS, 'isUnlinked']),
  text: new Set(TEXT_FIELDS),
  tab: new Set(TEXT_FIELDS),
  linebreak: new Set(['type', 'version']),
  horizontalrule: new Set(['type', 'version']),
  image: new Set(['type', 'version', 'mediaId', 'altText', 'caption', 'credit']),
  table: new Set([...ELEMENT_FIELDS, 'colWidths', 'frozenColumnCount', 'frozenRowCount', 'rowStriping']),
  tablerow: new Set([...ELEMENT_FIELDS, 'height']),
  tablecell: new Set([...ELEMENT_FIELDS, 'backgroundColor', 'colSpan', 'headerState', 'rowSpan', 'verticalAlign', 'width']),
  embed: new Set(['type', 'version', 'provider', 'url']),
  'portal-block': new Set(['type', 'version', 'name', 'raw']),
};
const isCount = (v: unknown, max: number): boolean => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= max;
const ELEMENT_FORMATS: ReadonlySet<unknown> = new Set(['', 'left', 'start', 'center', 'right', 'end', 'justify']);
const LINK_REL = /^(?:noopener|noreferrer|nofollow|ugc|sponsored)(?: (?:noopener|noreferrer|nofollow|ugc|sponsored))*$/;
const FIELD_CHECKS: Readonly<Record<string, (value: unknown, type: string) => boolean>> = {
  style: (v) => v === '',
  textStyle: (v) => v === '',
  target: (v) => v === null,
  rel: (v) => v === null || (typeof v === 'string' && LINK_REL.test(v)),
  title: (v) => v === null || (typeof v === 'string' && v.length <= 2000),
  direction: (v) => v === null || v === 'ltr' || v === 'rtl',
  format: (v, type) => (type === 'text' || type === 'tab' ? isCount(v, 0xffff) : ELEMENT_FORMATS.has(v)),
  indent: (v) => isCount(v, 100),
  textFormat: (v) => isCount(v, 0xffff),
  detail: (v) => isCount(v, 0xff),
  mode: (v) => v === 'normal' || v === 'token' || v === 'segmented',
  start: (v) => Number.isSafeInteger(v),
  value: (v) => Number.isSafeInteger(v),
  checked: (v) => typeof v === 'boolean',
  isUnlinked: (v) => typeof v === 'boolean',
  frozenColumnCount: (v) => isCount(v, 1000),
  frozenRowCount: (v) => isCount(v, 1000),
  rowStriping: (v) => typeof v === 'boolean',
};

const HEADING_TAGS: ReadonlySet<unknown> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const LIST_TAGS: ReadonlySet<unknown> = new Set(['ul', 'ol']);
const LIST_TYPES: ReadonlySet<unknown> = new Set(['bullet', 'number', 'check']);

/**
 * Fields the editor turns into DOM: a heading's tag becomes an element name (so "script" or
 * "iframe" must never get through), a list's tag and type likewise. `version` is Lexical's
 * serialisation version, a small positive integer whenever it is present.
 */
function checkNodeShape(node: Record<string, unknown>): string | null {
  // An own "__proto__" key (JSON.parse makes one) would replace the prototype of any object the
  // node is later Object.assign-ed onto.
  if (Object.hasOwn(node, '__proto__')) return 'node has a "__proto__" key';
  if (node.version !== undefined && !(Number.isSafeInteger(node.version) && (node.version as number) >= 1)) {
    return 'node version must be a positive integer';
  }
  const type = String(node.type);
  const fields = NODE_FIELDS[type];
  for (const key of Object.keys(node)) {
    if (!fields?.has(key)) return `${type} node cannot have "${key.slice(0, 40)}"`;
    const check = FIELD_CHECKS[key];
    if (check && node[key] !== undefined && !check(node[key], type)) return `${type} node has a ${key} the editor never writes`;
  }
  if (node.type === 'heading' && !HEADING_TAGS.has(node.tag)) return 'heading tag must be h1 to h6';
  if (node.type === 'table' || node.type === 'tablerow' || node.type === 'tablecell') return tableShapeProblem(node);
  if (node.type === 'list') {
    if (node.tag !== undefined && !LIST_TAGS.has(node.tag)) return 'list tag must be ul or ol';
    if (node.listType !== undefined && !LIST_TYPES.has(node.listType)) return 'list type must be bullet, number or check';
  }
  return null;
}

/** What a table holds: rows in a table, cells in a row, and a cell's own fields (Lexical's TableCellNode). */
const TABLE_CHILD: Record<string, string> = { table: 'tablerow', tablerow: 'tablecell' };
const isSpan = (v: unknown, max: number): boolean => Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= max;
const isSize = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100_000;

function tableShapeProblem(node: Record<string, unknown>): string | null {
  const childType = TABLE_CHILD[node.type as string];
  if (childType && Array.isArray(node.children) && node.children.some((child) => !isObject(child) || child.type !== childType)) {
    return `a ${node.type as string} holds only ${childType} nodes`;
  }
  if (node.type === 'table' && node.colWidths !== undefined && !(Array.isArray(node.colWidths) && node.colWidths.length <= 1000 && node.colWidths.every(isSize))) {
    return 'table column widths must be numbers';
  }
  if (node.type === 'tablerow' && node.height !== undefined && !isSize(node.height)) return 'table row height must be a number';
  if (node.type === 'tablecell') {
    if (!Number.isSafeInteger(node.headerState) || (node.headerState as number) < 0 || (node.headerState as number) > 3) return 'table cell header state must be 0 to 3';
    if (node.colSpan !== undefined && !isSpan(node.colSpan, 1000)) return 'table cell column span must be 1 to 1000';
    if (node.rowSpan !== undefined && !isSpan(node.rowSpan, 1000)) return 'table cell row span must be 1 to 1000';
    if (node.width !== undefined && node.width !== null && !isSize(node.width)) return 'table cell width must be a number';
    // Lexical writes it into the cell's style: a colour and nothing else.
    if (node.backgroundColor !== undefined && node.backgroundColor !== null && !(typeof node.backgroundColor === 'string' && /^#[0-9a-f]{3,8}$/i.test(node.backgroundColor))) {
      return 'table cell background must be a hex colour';
    }
    if (node.verticalAlign !== undefined && node.verticalAlign !== 'top' && node.verticalAlign !== 'middle' && node.verticalAlign !== 'bottom') return 'table cell alignment is not known';
  }
  return null;
}

/** Longest caption, credit or alt text an image node may carry. */
export const IMAGE_TEXT_LIMIT = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A photo placed in the article: which prepared photo (by media id) and the words that go with it
 * here. The pixels never travel in the body; the renderer and the publisher look the media up.
 */
export interface ImageNodeFields {
  mediaId: string;
  altText: string;
  caption: string;
  credit: string;
}

function checkImageNode(node: Record<string, unknown>): string | null {
  if (typeof node.mediaId !== 'string' || !UUID.test(node.mediaId)) return 'image without a valid mediaId';
  for (const field of ['altText', 'caption', 'credit'] as const) {
    const value = node[field];
    if (typeof value !== 'string') return `image ${field} must be text`;
    if (value.length > IMAGE_TEXT_LIMIT) return `image ${field} is too long`;
  }
  return null;
}

/**
 * A block of the portal's post that Redaksi does not edit (a gallery, a plugin's block, custom
 * HTML): kept whole and delivered back byte for byte. `name` is the block's name as WordPress
 * writes it (`core/gallery`), `raw` its exact text with its delimiters. The editor only shows it.
 */
export interface PortalBlockNodeFields {
  name: string;
  raw: string;
}

/** Longest kept block: a gallery of a hundred photos is ~60 kB. */
export const PORTAL_BLOCK_RAW_LIMIT = 1_000_000;
export const PORTAL_BLOCK_NAME = /^[a-z][a-z0-9_-]{0,63}\/[a-z][a-z0-9_-]{0,63}$/;

function checkPortalBlockNode(node: Record<string, unknown>): string | null {
  if (typeof node.name !== 'string' || !PORTAL_BLOCK_NAME.test(node.name)) return 'portal block without a valid block name';
  if (typeof node.raw !== 'string' || node.raw.length === 0) return 'portal block without its content';
  if (node.raw.length > PORTAL_BLOCK_RAW_LIMIT) return 'portal block is too large';
  if (!node.raw.startsWith('<!--')) return 'portal block must start with its block delimiter';
  return null;
}

/** Media ids of every image in the document, in order of appearance. */
export function imageMediaIds(doc: LexicalDocument): string[] {
  const ids: string[] = [];
  const walk = (node: LexicalNode): void => {
    if (node.type === 'image' && typeof node.mediaId === 'string') ids.push(node.mediaId);
    if (node.children) for (const child of node.children) walk(child);
  };
  walk(doc.root);
  return ids;
}

/** The image nodes themselves (for checks such as "every photo has alt text"). */
export function imageNodes(doc: LexicalDocument): (LexicalNode & ImageNodeFields)[] {
  const found: (LexicalNode & ImageNodeFields)[] = [];
  const walk = (node: LexicalNode): void => {
    if (node.type === 'image') found.push(node as LexicalNode & ImageNodeFields);
    if (node.children) for (const child of node.children) walk(child);
  };
  walk(doc.root);
  return found;
}

export function isSafeLinkUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'mailto:';
  } catch {
    return false;
  }
}

export const LexicalDocumentSchema = z.custom<LexicalDocument>().superRefine((value, ctx) => {
  for (const issue of checkLexicalDocument(value)) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path.split('.'), params: { code: issue.code } });
  }
});

/** Plain text of a document: blocks separated by newlines. Used for search, counts and snippets. */
export function lexicalToPlainText(doc: LexicalDocument): string {
  const out: string[] = [];
  const walk = (node: LexicalNode): void => {
    if (node.type === 'text' && typeof node.text === 'string') out.push(node.text);
    else if (node.type === 'linebreak') out.push('\n');
    else if (node.type === 'tab') out.push('\t');
    else if (node.type === 'image' && typeof node.caption === 'string') out.push(node.caption); // captions are searchable
    if (node.children) for (const child of node.children) walk(child);
    if (BLOCK_TYPES.has(node.type)) out.push('\n');
  };
  walk(doc.root);
  return out.join('').replace(/\n{2,}/g, '\n').trim();
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const nonAsciiWordChar = new Map<number, boolean>();

function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  let known = nonAsciiWordChar.get(code);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(code));
    if (nonAsciiWordChar.size < 4096) nonAsciiWordChar.set(code, known);
  }
  return known;
}

const isJoiner = (code: number): boolean => code === 45 /* - */ || code === 39 /* ' */ || code === 0x2019; /* ’ */

/**
 * Words as a reader counts them: "anak-anak" is one word, punctuation is none. A word is a run of
 * letters and digits, where a hyphen or apostrophe between two of them does not end it. Written as a
 * scan rather than a Unicode regex because it runs on every save and, in the editor, while typing
 * (about ten times faster on a 10,000-word article).
 */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (isWordChar(code)) {
      if (!inWord) n++;
      inWord = true;
    } else if (inWord && isJoiner(code) && i + width < text.length && isWordChar(text.codePointAt(i + width)!)) {
      // A joiner between two word characters keeps the word going.
    } else {
      inWord = false;
    }
    i += width;
  }
  return n;
}

/** Minutes to read at about 200 words a minute (news prose), at least 1 for any text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 200));
}

export function emptyDocument(): LexicalDocument {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [] }],
    },
  };
}
