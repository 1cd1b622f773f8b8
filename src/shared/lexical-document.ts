/**
 * The canonical article body: Lexical's serialised editor state (JSON). The backend never trusts
 * the renderer's copy: every save is checked here (node types from an allowlist, bounded depth and
 * size), and plain text for search and word counts is derived from it, not sent alongside it.
 *
 * A hand-written walk rather than a recursive zod schema: bodies of 100,000 words have tens of
 * thousands of nodes, and the walk is both faster and able to stop at a depth bound.
 */
import { z } from 'zod';

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
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'list', 'listitem', 'horizontalrule', 'image']);
const ELEMENT_TYPES = new Set(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'link', 'autolink']);
const LEAF_TYPES = new Set(['text', 'linebreak', 'tab', 'horizontalrule', 'image']);
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
  }
  return issues;
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
    if (node.children) for (const child of node.children) walk(child);
    if (BLOCK_TYPES.has(node.type)) out.push('\n');
  };
  walk(doc.root);
  return out.join('').replace(/\n{2,}/g, '\n').trim();
}

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** Words as a reader counts them: "anak-anak" is one word, punctuation is none. */
export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n++;
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
