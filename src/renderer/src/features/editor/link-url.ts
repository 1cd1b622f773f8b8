/** What a person types into the link box, turned into an address the backend accepts (or refused). */
import { isSafeLinkUrl } from '../../../../shared/lexical-document';

export type LinkInput = { ok: true; url: string } | { ok: false; reason: 'empty' | 'invalid' };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;

export function normalizeLinkInput(input: string): LinkInput {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  let candidate: string;
  if (text.startsWith('//')) candidate = `https:${text}`;
  else if (SCHEME.test(text) && !/^[^:]+:\d/.test(text)) candidate = text; // "host:8080/…" is not a scheme
  else if (EMAIL.test(text)) candidate = `mailto:${text}`;
  else candidate = `https://${text}`;
  if (!isSafeLinkUrl(candidate)) return { ok: false, reason: 'invalid' };
  const url = new URL(candidate);
  if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) return { ok: false, reason: 'invalid' };
  if (url.protocol === 'mailto:' && !url.pathname.includes('@')) return { ok: false, reason: 'invalid' };
  return { ok: true, url: url.protocol === 'mailto:' ? candidate : url.href };
}
