/**
 * Search snippets mark matched words with \u0001 … \u0002 (see SearchHit). They are split into
 * plain segments here and rendered as text nodes: the snippet is never parsed as HTML.
 */
export interface SnippetSegment {
  text: string;
  match: boolean;
}

const START = '\u0001';
const END = '\u0002';

/** Other control characters have no business on screen (tabs and newlines become spaces). */
const isControl = (ch: string): boolean => {
  const code = ch.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
};

export function parseSnippet(snippet: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let match = false;
  let current = '';
  const push = (): void => {
    const text = current;
    current = '';
    if (!text) return;
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  for (const ch of snippet) {
    if (ch === START) {
      push();
      match = true;
    } else if (ch === END) {
      push();
      match = false;
    } else {
      current += isControl(ch) ? ' ' : ch;
    }
  }
  push();
  return segments;
}
