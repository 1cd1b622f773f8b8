/**
 * What in a piece of HTML could run script or leave the page, found by parsing it as a browser does
 * (happy-dom, a different parser from the ones the code under test uses, with JavaScript off), and
 * by reading the source's tags directly, since happy-dom's parser differs from browsers on some
 * malformed input (`<<script>` gives no script element there). Returns readable findings; an empty
 * list means none of the checked dangers is present.
 */
import { Window } from 'happy-dom';

/** Elements that run code, load other documents, submit, or change how the page is read. */
const DANGEROUS_ELEMENTS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'form', 'input', 'button',
  'select', 'textarea', 'isindex', 'meta', 'base', 'link', 'svg', 'math', 'template', 'noscript', 'xmp', 'noembed',
  'listing', 'plaintext', 'video', 'audio', 'source', 'portal',
]);
/** Attributes holding an address. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite', 'ping', 'srcset', 'codebase', 'dynsrc', 'lowsrc', 'manifest', 'icon']);
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export interface XssCheckOptions {
  /** When given, any other element is a finding too (html, head and body are always allowed). */
  allowedTags?: readonly string[];
}

export function xssFindings(html: string, options: XssCheckOptions = {}): string[] {
  const allowed = options.allowedTags ? new Set([...options.allowedTags, 'html', 'head', 'body']) : null;
  const window = new Window();
  try {
    const document = new window.DOMParser().parseFromString(`<!doctype html><html><head></head><body>${html}</body></html>`, 'text/html');
    const findings: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      const tag = element.localName;
      if (DANGEROUS_ELEMENTS.has(tag)) findings.push(`<${tag}> element`);
      else if (allowed && !allowed.has(tag)) findings.push(`<${tag}> element not allowed here`);
      for (const { name, value: rawValue } of Array.from(element.attributes)) {
        const value = rawValue ?? '';
        const attribute = name.toLowerCase();
        if (attribute.startsWith('on')) findings.push(`${attribute} on <${tag}>`);
        else if (attribute === 'srcdoc') findings.push(`srcdoc on <${tag}>`);
        else if (attribute === 'style' && /expression|url\s*\(|javascript:|behavior|@import|position\s*:\s*fixed/i.test(value)) findings.push(`style "${value}" on <${tag}>`);
        else if (URL_ATTRIBUTES.has(attribute)) {
          for (const address of attribute === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value]) {
            const scheme = schemeOf(address);
            if (!SAFE_SCHEMES.has(scheme)) findings.push(`${attribute}="${value}" (${scheme}) on <${tag}>`);
          }
        }
      }
    }
    return [...findings, ...sourceFindings(html)];
  } finally {
    void window.happyDOM.close();
  }
}

/** The scheme a browser would use for an address on this page (relative ones resolve to https:). */
function schemeOf(address: string): string {
  try {
    return new URL(address, 'https://page.invalid/').protocol;
  } catch {
    return 'invalid:';
  }
}

const SOURCE_TAG = /<\/?([a-zA-Z][^\s/>]*)([^>]*)>?/g;
const SOURCE_ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g;

/**
 * Tags as written in the source. Sound for serialised output, which escapes < in text and > in
 * attribute values, so every "<" starts a tag and the next ">" ends it.
 */
function sourceFindings(html: string): string[] {
  const findings: string[] = [];
  for (const [, name = '', attributes = ''] of html.matchAll(SOURCE_TAG)) {
    const tag = name.toLowerCase();
    if (DANGEROUS_ELEMENTS.has(tag)) findings.push(`<${tag}> in the source`);
    for (const [, attribute = ''] of attributes.matchAll(SOURCE_ATTRIBUTE)) {
      const lower = attribute.toLowerCase();
      if (lower.startsWith('on') || lower === 'srcdoc' || lower === 'formaction') findings.push(`${lower} on <${tag}> in the source`);
    }
  }
  return findings;
}
