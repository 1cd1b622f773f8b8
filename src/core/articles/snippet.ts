/**
 * Search snippets: a short window of an article's text around the words that matched, with each
 * match wrapped in \u0001 ... \u0002 (see SearchHit). Built here rather than by FTS5 because the
 * index keeps no copy of the text; matching follows the index's tokenizer (letters, digits and
 * marks form tokens; case and diacritics are ignored).
 */
export const SNIPPET_OPEN = '\u0001';
export const SNIPPET_CLOSE = '\u0002';
const ELLIPSIS = '…';

const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const MARKS = /\p{M}/gu;

/** Lower case without diacritics: "Café" and "cafe" compare equal, as they do in the index. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

export function foldForMatch(text: string): string {
  // Most Indonesian text is plain ASCII, which needs no decomposition.
  return isAscii(text) ? text.toLowerCase() : text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

export interface SnippetTerm {
  /** Folded tokens (see foldForMatch) that must follow each other. */
  tokens: string[];
  /** The last token matches any token that starts with it. */
  prefix: boolean;
}

interface Token {
  start: number;
  end: number;
  folded: string;
}

interface Match {
  first: number;
  last: number;
  term: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, folded: foldForMatch(m[0]) });
  }
  return tokens;
}

function findMatches(tokens: readonly Token[], terms: readonly SnippetTerm[]): Match[] {
  const matches: Match[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      const n = term.tokens.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const have = tokens[i + k]!.folded;
        const want = term.tokens[k]!;
        ok = k === n - 1 && term.prefix ? have.startsWith(want) : have === want;
      }
      if (ok) {
        matches.push({ first: i, last: i + n - 1, term: t });
        break;
      }
    }
  }
  return matches;
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ');

/**
 * A window of about `windowTokens` tokens holding as many different terms as possible (the
 * earliest such window), or null when no term occurs in the text. With no terms, the text's start.
 */
export function buildSnippet(text: string, terms: readonly SnippetTerm[], windowTokens: number): string | null {
  if (text === '') return null;
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  const matches = terms.length === 0 ? [] : findMatches(tokens, terms);
  if (terms.length > 0 && matches.length === 0) return null;

  let windowStart = 0;
  if (matches.length > 0) {
    let bestCount = -1;
    for (let i = 0; i < matches.length; i++) {
      const start = Math.max(0, matches[i]!.first - 3);
      const distinct = new Set<number>();
      for (let j = i; j < matches.length && matches[j]!.last < start + windowTokens; j++) distinct.add(matches[j]!.term);
      if (distinct.size > bestCount) {
        bestCount = distinct.size;
        windowStart = start;
        if (distinct.size === terms.length) break;
      }
    }
  }
  // Near the end of the text, show a full window rather than a short tail.
  windowStart = Math.max(0, Math.min(windowStart, tokens.length - windowTokens));
  const windowEnd = Math.min(tokens.length, windowStart + windowTokens) - 1;

  let out = windowStart > 0 ? ELLIPSIS : '';
  let cursor = tokens[windowStart]!.start;
  for (const match of matches) {
    if (match.first < windowStart || match.last > windowEnd) continue;
    const from = tokens[match.first]!.start;
    const to = tokens[match.last]!.end;
    out += collapse(text.slice(cursor, from)) + SNIPPET_OPEN + collapse(text.slice(from, to)) + SNIPPET_CLOSE;
    cursor = to;
  }
  const endOffset = windowEnd === tokens.length - 1 ? text.length : tokens[windowEnd]!.end;
  out += collapse(text.slice(cursor, endOffset));
  if (windowEnd < tokens.length - 1) out += ELLIPSIS;
  return out.trim();
}
