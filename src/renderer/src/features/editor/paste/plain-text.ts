/**
 * Plain text pasted into the article (WhatsApp, e-mail, a text file), as clean HTML. Blank lines
 * separate paragraphs; text without any blank line has one paragraph per line, as Lexical pastes
 * it. WhatsApp's markers become formats: *tebal*, _miring_, ~coret~ and ```monospace```, but only
 * when properly paired at word boundaries, so "5*3*2", "nama_file_baru" or "* 3 *" stay as typed.
 */
import { finishTextBlock, PLAIN, renderBlocks, type Inline, type TextBlock, type TextFormat } from './pasted-content';

const MARKERS: Record<string, keyof TextFormat> = { '*': 'bold', _: 'italic', '~': 'strikethrough' };
const MONO = '```';

const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}]/u.test(char);
const isSpace = (char: string | undefined): boolean => char === undefined || /\s/.test(char);

/** Where a marker opened at `open` closes, or -1: the text between starts and ends with a non-space. */
function closingMarker(line: string, open: number, marker: string): number {
  const first = open + marker.length;
  if (isWordChar(line[open - 1]) || isSpace(line[first]) || line.startsWith(marker[0]!, first)) return -1;
  for (let close = line.indexOf(marker, first); close !== -1; close = line.indexOf(marker, close + 1)) {
    if (close === first) continue;
    const after = line[close + marker.length];
    const before = line[close - 1];
    if (!isSpace(before) && before !== marker[0] && !isWordChar(after) && after !== marker[0]) return close;
  }
  return -1;
}

/** One line of WhatsApp text as formatted runs; markers may nest (*_tebal miring_*). */
function formatLine(line: string, format: TextFormat = PLAIN): Inline[] {
  const runs: Inline[] = [];
  let plain = '';
  const flush = (): void => {
    if (plain !== '') runs.push({ kind: 'text', text: plain, format, href: null });
    plain = '';
  };
  for (let i = 0; i < line.length; ) {
    if (!format.code && line.startsWith(MONO, i)) {
      const close = closingMarker(line, i, MONO);
      if (close !== -1) {
        flush();
        // Monospace text is literal: no markers inside it.
        runs.push({ kind: 'text', text: line.slice(i + MONO.length, close), format: { ...format, code: true }, href: null });
        i = close + MONO.length;
        continue;
      }
    }
    const key = MARKERS[line[i]!];
    if (key && !format[key]) {
      const close = closingMarker(line, i, line[i]!);
      if (close !== -1) {
        flush();
        runs.push(...formatLine(line.slice(i + 1, close), { ...format, [key]: true }));
        i = close + 1;
        continue;
      }
    }
    plain += line[i];
    i++;
  }
  flush();
  return runs;
}

/** The clean HTML for pasted plain text; empty when there is no text. */
export function plainTextToHtml(text: string): string {
  const lines = text.split(/\r\n?|\n/);
  const blank = (line: string): boolean => line.replace(/[\s\u00a0]+/g, '') === '';
  const paragraphs: string[][] = [];
  if (lines.some(blank)) {
    let current: string[] = [];
    for (const line of lines) {
      if (blank(line)) {
        if (current.length > 0) paragraphs.push(current);
        current = [];
      } else {
        current.push(line);
      }
    }
    if (current.length > 0) paragraphs.push(current);
  } else {
    for (const line of lines) paragraphs.push([line]);
  }
  const blocks = paragraphs.flatMap((paragraphLines) => {
    const inlines: Inline[] = paragraphLines.flatMap((line, index) => [
      ...(index > 0 ? [{ kind: 'break' } as const] : []),
      ...formatLine(line.replace(/\t/g, ' ')),
    ]);
    return finishTextBlock({ kind: 'paragraph', inlines } satisfies TextBlock);
  });
  return renderBlocks(blocks);
}
