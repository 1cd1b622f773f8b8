/**
 * Chromium checks every inline style, <style> element and event-handler attribute against the app's
 * Content-Security-Policy as it parses, even into an inert DOMParser document, and logs a violation
 * for each: one Word paste would fill the console with them. Nothing would run either way (the
 * policy blocks it, and the clean-up never copies an attribute but href and start), so before
 * parsing those attributes and tags are only renamed: the clean-up still reads the styles (Google
 * Docs says bold with font-weight) under the new name.
 *
 * Tags are read the way the HTML tokenizer reads them (attribute names, quoted and unquoted values);
 * text between tags is copied unchanged.
 */
export const INERT_PREFIX = 'data-pasted-';

const RENAMED_ATTRIBUTE = /^(style|on.+)$/i;
const TAG_START = /<(\/?)([a-zA-Z][^\s/>]*)/y;
const SPACE = /[\t\n\f\r ]/;

/** Reads a start or end tag at `start` (just after its name); returns the rewritten tag and where it ends. */
function rewriteAttributes(html: string, start: number): { text: string; end: number } {
  let text = '';
  let i = start;
  while (i < html.length) {
    const char = html[i]!;
    if (char === '>') return { text: text + '>', end: i + 1 };
    if (SPACE.test(char) || char === '/') {
      text += char;
      i++;
      continue;
    }
    // An attribute name runs to whitespace, "/", ">" or "=" (a leading "=" belongs to the name).
    let nameEnd = i + 1;
    while (nameEnd < html.length && !SPACE.test(html[nameEnd]!) && !'/>='.includes(html[nameEnd]!)) nameEnd++;
    const name = html.slice(i, nameEnd);
    text += RENAMED_ATTRIBUTE.test(name) ? INERT_PREFIX + name : name;
    i = nameEnd;
    let afterSpace = i;
    while (afterSpace < html.length && SPACE.test(html[afterSpace]!)) afterSpace++;
    if (html[afterSpace] !== '=') continue;
    let valueStart = afterSpace + 1;
    while (valueStart < html.length && SPACE.test(html[valueStart]!)) valueStart++;
    const quote = html[valueStart];
    let valueEnd: number;
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, valueStart + 1);
      valueEnd = close === -1 ? html.length : close + 1;
    } else {
      valueEnd = valueStart;
      while (valueEnd < html.length && !SPACE.test(html[valueEnd]!) && html[valueEnd] !== '>') valueEnd++;
    }
    text += html.slice(i, valueEnd);
    i = valueEnd;
  }
  return { text, end: html.length };
}

/** The same HTML with style and on* attributes and <style> elements renamed (see above). */
export function inertMarkup(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open === -1) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, open);
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      const end = close === -1 ? html.length : close + 3;
      out += html.slice(open, end);
      i = end;
      continue;
    }
    TAG_START.lastIndex = open;
    const tag = TAG_START.exec(html);
    if (!tag) {
      out += '<';
      i = open + 1;
      continue;
    }
    const [, slash, name] = tag;
    out += `<${slash}${name!.toLowerCase() === 'style' ? `${INERT_PREFIX}style` : name}`;
    const rest = rewriteAttributes(html, TAG_START.lastIndex);
    out += rest.text;
    i = rest.end;
  }
  return out;
}
