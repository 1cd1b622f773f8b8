/**
 * The inline run of a block (a paragraph's text, links and line breaks) as a flat list, and the one
 * normalisation both directions apply to it. The renderer normalises what it reads from the Lexical
 * JSON and the parser normalises what it reads from HTML with the same function, so parsing our own
 * output and rendering it again gives the same bytes (sync compares hashes of the rendered HTML).
 */

/** Text format bits of Lexical's TextNode that the portal keeps (bold, italic, strikethrough, underline). */
export const FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8 } as const;
export const KEPT_FORMATS = FORMAT.bold | FORMAT.italic | FORMAT.strikethrough | FORMAT.underline;

/** A link as the run knows it: items that share the same object belong to the same <a>. */
export interface RunLink {
  url: string;
}

export type InlineItem =
  | { kind: 'text'; text: string; format: number; link: RunLink | null }
  | { kind: 'br'; link: RunLink | null };

/** Whitespace that HTML collapses (not U+00A0: a non-breaking space is meant). */
const HTML_SPACE = /[ \t\n\r\f]+/g;
/** C0 controls other than whitespace, DEL and lone surrogates: invisible, and invalid in WordPress's XML exports. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** One line of plain text as a reader sees it: controls removed, whitespace collapsed, trimmed. */
export function cleanLine(text: string): string {
  return text.replace(INVISIBLE, '').replace(HTML_SPACE, ' ').trim();
}

/**
 * What a browser would show, made explicit: whitespace collapsed (also across item boundaries),
 * none at the start or end of the run or next to a line break, no line breaks at either end,
 * adjacent text with the same format and link merged, empty items dropped.
 */
export function normalizeRun(items: readonly InlineItem[]): InlineItem[] {
  const out: InlineItem[] = [];
  // True at the start of the run and after a space or a line break: a following space is dropped.
  let atSpace = true;
  for (const item of items) {
    if (item.kind === 'br') {
      trimTrailingSpace(out);
      out.push(item);
      atSpace = true;
      continue;
    }
    let text = item.text.replace(INVISIBLE, '').replace(HTML_SPACE, ' ');
    if (atSpace && text.startsWith(' ')) text = text.slice(1);
    if (text === '') continue;
    atSpace = text.endsWith(' ');
    const format = item.format & KEPT_FORMATS;
    const last = out[out.length - 1];
    if (last?.kind === 'text' && last.format === format && last.link === item.link) last.text += text;
    else out.push({ kind: 'text', text, format, link: item.link });
  }
  trimTrailingSpace(out);
  while (out[0]?.kind === 'br') out.shift();
  while (out[out.length - 1]?.kind === 'br') out.pop();
  return out;
}

function trimTrailingSpace(out: InlineItem[]): void {
  const last = out[out.length - 1];
  if (last?.kind !== 'text' || !last.text.endsWith(' ')) return;
  last.text = last.text.slice(0, -1);
  if (last.text === '') out.pop();
}

/** Consecutive items grouped by the link they belong to (null: not in a link), in order. */
export function groupByLink(items: readonly InlineItem[]): { link: RunLink | null; items: InlineItem[] }[] {
  const groups: { link: RunLink | null; items: InlineItem[] }[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.link === item.link) last.items.push(item);
    else groups.push({ link: item.link, items: [item] });
  }
  return groups;
}
