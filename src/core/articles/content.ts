import { createHash } from 'node:crypto';
import { countWords, lexicalToPlainText, type LexicalDocument } from '../../shared/lexical-document';

/** What the backend stores for an article's content, all derived here from the Lexical body. */
export interface StoredContent {
  title: string;
  excerpt: string;
  bodyJson: string;
  bodyText: string;
  wordCount: number;
}

export function deriveContent(title: string, excerpt: string, body: LexicalDocument): StoredContent {
  const bodyText = lexicalToPlainText(body);
  return { title, excerpt, bodyJson: JSON.stringify(body), bodyText, wordCount: countWords(bodyText) };
}

/** Identifies a title + excerpt + body combination, so identical snapshots can be recognised cheaply. */
export function contentHash(title: string, excerpt: string, bodyJson: string): string {
  return createHash('sha256').update(title).update('\u0000').update(excerpt).update('\u0000').update(bodyJson).digest('base64url');
}

export function hasContent(content: Pick<StoredContent, 'title' | 'excerpt' | 'bodyText'>): boolean {
  return content.title.trim() !== '' || content.excerpt.trim() !== '' || content.bodyText.trim() !== '';
}
