/**
 * From a paste's clipboard data to nodes in the article: which data is read (HTML before plain
 * text), cleaned by the pure functions beside this file, then imported by Lexical itself.
 */
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import type { BaseSelection, LexicalEditor } from 'lexical';
import { cleanPastedHtml } from './clean-html';
import { plainTextToHtml } from './plain-text';

/** The clean HTML a paste stands for (empty when nothing in it belongs in an article). */
export function cleanClipboardData(data: Pick<DataTransfer, 'getData'>): string {
  const html = data.getData('text/html');
  const text = data.getData('text/plain');
  // iOS puts its plain text in text/html too; then it is plain text (and WhatsApp markers count).
  const cleaned = html.trim() !== '' && html !== text ? cleanPastedHtml(html) : '';
  // HTML that cleans to nothing (a broken fragment, only an image's address) falls back to the text.
  return cleaned !== '' ? cleaned : plainTextToHtml(text);
}

/** What a paste had that an article cannot take as it is, so the person can be told. */
export interface LeftOut {
  /** Pictures: a photo goes in through the photo import, which prepares it for the portal. (Tables are kept.) */
  images: boolean;
}

export function leftOutOfPaste(data: Pick<DataTransfer, 'getData'>): LeftOut {
  const html = data.getData('text/html');
  return { images: /<img[\s/>]/i.test(html) };
}

/** Imports clean HTML at the selection; inside an editor update. */
export function $insertCleanHtml(editor: LexicalEditor, html: string, selection: BaseSelection): void {
  if (html === '') return;
  const dom = new DOMParser().parseFromString(html, 'text/html');
  const nodes = $generateNodesFromDOM(editor, dom);
  if (nodes.length > 0) $insertGeneratedNodes(editor, nodes, selection);
}
