/**
 * Plain text (a title, an excerpt) going to and coming from WordPress, whose title and excerpt fields
 * are HTML: what is sent is escaped like the body's text, so "Banjir & Longsor <Kukar>" is text on
 * the portal and never markup; what is read back is turned into text again (entities decoded, any
 * markup someone typed on the portal reduced to its words).
 */
import { parseHTML } from 'linkedom';

export function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function htmlToPlainText(html: string): string {
  if (!/[&<]/.test(html)) return html;
  // linkedom types its result with the DOM library, which src/core does not load.
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>') as unknown as {
    document: { createElement(tag: string): { innerHTML: string; textContent: string | null } };
  };
  const holder = document.createElement('div');
  holder.innerHTML = html;
  return holder.textContent ?? '';
}
