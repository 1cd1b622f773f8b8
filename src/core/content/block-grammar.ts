/**
 * WordPress's block grammar: `<!-- wp:name {"attrs"} -->html<!-- /wp:name -->`, the form the block
 * editor saves a post in. The renderer writes delimiters the way WordPress's own serializer does
 * (same attribute escaping, same newlines); the parser splits a post into its top-level blocks with
 * the tokenizer of WordPress's default block parser, keeping each block's exact bytes so a block
 * Redaksi cannot edit goes back to the portal unchanged.
 */

/** WordPress's tokenizer (block-serialization-default-parser): opener, closer or void delimiter. */
const TOKENIZER = /<!--\s+(\/)?wp:([a-z][a-z0-9_-]*\/)?([a-z][a-z0-9_-]*)\s+({(?:(?=([^}]+|}+(?=})|(?!}\s+\/?-->)[^])*)\5|[^]*?)}\s+)?(\/)?-->/g;

export type BlockAttributes = Record<string, string | number | boolean>;

/**
 * Attributes as WordPress's serializer writes them: JSON with `--`, `<`, `>`, `&` and `\"` escaped
 * as unicode so the comment cannot end early and kses leaves it alone. Keys in the given order.
 */
export function serializeAttributes(attributes: BlockAttributes): string {
  return JSON.stringify(attributes)
    .replace(/--/g, '\\u002d\\u002d')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\\"/g, '\\u0022');
}

/** The short name in a delimiter: core blocks go without their namespace. */
const delimiterName = (name: string): string => (name.startsWith('core/') ? name.slice(5) : name);

export function blockOpener(name: string, attributes: BlockAttributes = {}): string {
  const json = Object.keys(attributes).length > 0 ? `${serializeAttributes(attributes)} ` : '';
  return `<!-- wp:${delimiterName(name)} ${json}-->`;
}

export function blockCloser(name: string): string {
  return `<!-- /wp:${delimiterName(name)} -->`;
}

/** A top-level piece of a post: a block with its exact bytes, or HTML outside any block (classic content). */
export type TopLevelPiece =
  | { kind: 'block'; name: string; raw: string }
  | { kind: 'html'; raw: string };

/**
 * The post split into its top-level blocks and the HTML between them, in order; concatenating the
 * pieces' raw text gives the input back. Nesting is followed by depth as WordPress's parser does: a
 * closer without an opener is ignored, an opener never closed runs to the end of the post.
 */
export function splitTopLevel(html: string): TopLevelPiece[] {
  const pieces: TopLevelPiece[] = [];
  let depth = 0;
  let start = 0; // where the current top-level piece began
  let blockName = '';
  const tokenizer = new RegExp(TOKENIZER.source, 'g');
  for (let match = tokenizer.exec(html); match !== null; match = tokenizer.exec(html)) {
    const isCloser = match[1] === '/';
    const isVoid = match[6] === '/';
    const name = `${match[2] ?? 'core/'}${match[3]}`;
    const end = match.index + match[0].length;
    if (isCloser) {
      if (depth === 0) continue;
      depth--;
      if (depth === 0) {
        pieces.push({ kind: 'block', name: blockName, raw: html.slice(start, end) });
        start = end;
      }
      continue;
    }
    if (depth === 0) {
      if (match.index > start) pieces.push({ kind: 'html', raw: html.slice(start, match.index) });
      start = match.index;
      if (isVoid) {
        pieces.push({ kind: 'block', name, raw: html.slice(start, end) });
        start = end;
        continue;
      }
      blockName = name;
    }
    if (!isVoid) depth++;
  }
  if (start < html.length) {
    pieces.push(depth > 0 ? { kind: 'block', name: blockName, raw: html.slice(start) } : { kind: 'html', raw: html.slice(start) });
  }
  return pieces;
}

/** Block names as WordPress writes them: `namespace/name`, lower case. */
export const BLOCK_NAME = /^[a-z][a-z0-9_-]*\/[a-z][a-z0-9_-]*$/;

/** The attributes of the block a raw text opens with (its first delimiter); {} when it has none or they are not JSON. */
export function openerAttributes(raw: string): Record<string, unknown> {
  const match = new RegExp(TOKENIZER.source).exec(raw);
  if (!match?.[4]) return {};
  try {
    const value: unknown = JSON.parse(match[4]);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
