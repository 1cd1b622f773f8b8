/**
 * The photo credit as printed under a picture. Indonesian newsrooms end the caption with the credit
 * in parentheses: "Banjir di Tenggarong, Senin (3/11/2025). (Foto: Andi/Redaksi)". The editor's
 * credit field holds only "Andi/Redaksi"; the label is added here, unless the credit already names
 * its own kind ("Dok. Humas Kukar", "Ilustrasi", "Sumber: BMKG"), which is then printed as it is.
 */
import { cleanLine } from './inline';

/** Words a credit may start with to say what kind of picture it is; "Foto" is the default label. */
const OWN_LABEL = /^(?:foto|photo|dok|dokumen|dokumentasi|sumber|ilustrasi|grafis|infografis|repro|tangkapan layar|screenshot|istimewa|ist)\b/i;
const FOTO_PREFIX = /^foto\s*:\s*/i;

/**
 * The credit as the editor's field holds it: one line, without the surrounding parentheses and
 * without a leading "Foto:" (the renderer adds both). Also used on credits read from the portal.
 */
export function canonicalCredit(raw: string): string {
  let credit = cleanLine(raw);
  // Unwrap "(…)" once, but not "(Dok) Humas (Kukar)", whose parentheses are not a pair.
  if (wrappedInParentheses(credit)) credit = credit.slice(1, -1).trim();
  return credit.replace(FOTO_PREFIX, '').trim();
}

/** True when the first "(" is closed by the last ")": "(Foto: Andi (Redaksi))" yes, "(a) b (c)" no. */
function wrappedInParentheses(text: string): boolean {
  if (!text.startsWith('(') || !text.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i === text.length - 1;
  }
  return false;
}

/** "(Foto: Andi/Redaksi)", "(Dok. Humas Kukar)"; empty when there is no credit. */
export function printedCredit(raw: string): string {
  const credit = canonicalCredit(raw);
  if (credit === '') return '';
  return `(${OWN_LABEL.test(credit) ? credit : `Foto: ${credit}`})`;
}

/**
 * A figcaption written by hand in wp-admin has no credit element: a trailing "(Foto: …)" (or
 * another label) is taken as the credit, as is a trailing "Foto: …" after the caption's last stop.
 */
export function splitCaptionText(text: string): { caption: string; credit: string } {
  const line = cleanLine(text);
  const open = openingOfLastGroup(line);
  if (open >= 0 && OWN_LABEL.test(line.slice(open + 1).trim())) {
    return { caption: line.slice(0, open).trim(), credit: canonicalCredit(line.slice(open)) };
  }
  const trailing = /(?:^|[.!?]\s+)(foto\s*:\s*[^.!?()]+)$/i.exec(line);
  if (trailing) {
    const start = trailing.index + trailing[0].length - trailing[1]!.length;
    return { caption: line.slice(0, start).trim(), credit: canonicalCredit(trailing[1]!) };
  }
  return { caption: line, credit: '' };
}

/** Index of the "(" that the text's final ")" closes, or -1. */
function openingOfLastGroup(text: string): number {
  if (!text.endsWith(')')) return -1;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(' && --depth === 0) return i;
  }
  return -1;
}
