/**
 * What Redaksi carries inside a post's content, as HTML comments (kses keeps comments for every
 * role, measured: docs/sync.md): the client id that makes a retried create safe, the editor's
 * rejection note, which stock WordPress has no field for, and the writer's name as set in
 * Redaksi ("Nama Anda"), whatever the portal account's display name. None shows on the page.
 */
import { createHash } from 'node:crypto';
import { escapeHtmlText } from '../content/html-text';
import { CLIENT_ID_PREFIX, type WpPost } from '../portal/wordpress-client';

const NOTE_PREFIX = 'redaksi-note-v1 ';
const MARKER = /<!--\s*redaksi-[\s\S]*?-->\n?/g;
/** Our markers in the Custom HTML block they travel in (markerBlock), with the blank line before it. */
const MARKER_BLOCK = /\n*<!-- wp:html -->\s*(?:<!--\s*redaksi-[\s\S]*?-->\s*)+<!-- \/wp:html -->\n?/g;
const CLIENT_ID = new RegExp(`<!--\\s*${CLIENT_ID_PREFIX}([A-Za-z0-9_-]{8,64})\\s*-->`);
const NOTE = /<!--\s*redaksi-note-v1 ([A-Za-z0-9_-]+)\s*-->/;
const BYLINE_PREFIX = 'redaksi-by-v1 ';
const BYLINE = /<!--\s*redaksi-by-v1 ([A-Za-z0-9_-]+)\s*-->/;
const NAME_LENGTH = 80;

/** The writer's name as a marker ('' for an article without one: nothing to carry). */
export function bylineMarker(name: string): string {
  const trimmed = name.trim().slice(0, NAME_LENGTH);
  return trimmed ? `<!-- ${BYLINE_PREFIX}${Buffer.from(JSON.stringify({ name: trimmed }), 'utf8').toString('base64url')} -->` : '';
}

/** The writer's name carried in a post's content, if any. */
export function readByline(content: string): string | undefined {
  const match = BYLINE.exec(content);
  if (!match?.[1]) return undefined;
  try {
    const value = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8')) as { name?: unknown };
    const name = typeof value.name === 'string' ? value.name.replace(/\s+/g, ' ').trim().slice(0, NAME_LENGTH) : '';
    return name || undefined;
  } catch {
    return undefined;
  }
}

export interface RejectionNote {
  note: string;
  by: string;
  at: number;
}

/** base64url keeps `--` and `>` (which would end the comment) out of the marker. */
export function noteMarker(note: RejectionNote): string {
  return `<!-- ${NOTE_PREFIX}${Buffer.from(JSON.stringify(note), 'utf8').toString('base64url')} -->`;
}

/** The note in a post's content, with its encoded form (to tell a new note from one already seen). */
export function readNote(content: string): { note: RejectionNote; token: string } | undefined {
  const match = NOTE.exec(content);
  if (!match?.[1]) return undefined;
  try {
    const value = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8')) as Partial<RejectionNote>;
    if (typeof value.note !== 'string') return undefined;
    const note: RejectionNote = {
      note: value.note.slice(0, 2000),
      by: typeof value.by === 'string' ? value.by.slice(0, 80) : '',
      at: typeof value.at === 'number' && Number.isFinite(value.at) ? value.at : 0,
    };
    return { note, token: match[1] };
  } catch {
    return undefined;
  }
}

export function readClientId(content: string): string | undefined {
  return CLIENT_ID.exec(content)?.[1];
}

/** The class of the writer's line at the end of a delivered story; themes may style it. */
export const BYLINE_CLASS = 'redaksi-byline';
const BYLINE_PARAGRAPH = new RegExp(`\\n*<!-- wp:paragraph \\{"className":"${BYLINE_CLASS}"\\} -->[\\s\\S]*?<!-- /wp:paragraph -->\\n?`, 'g');

/**
 * The writer's line a newsroom may show under its stories ("Penulis: Siti Rahma"), as a paragraph
 * block of its own class. Added at delivery from the article's author, never part of the article's
 * text: it is taken out again when the post is read back.
 */
export function bylineParagraph(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim().slice(0, NAME_LENGTH);
  if (!trimmed) return '';
  return `<!-- wp:paragraph {"className":"${BYLINE_CLASS}"} -->\n<p class="${BYLINE_CLASS}">Penulis: ${escapeHtmlText(trimmed)}</p>\n<!-- /wp:paragraph -->`;
}

/** The content without our markers and the writer's line: what the person wrote. */
export function stripMarkers(content: string): string {
  return content.replace(BYLINE_PARAGRAPH, '').replace(MARKER_BLOCK, '').replace(MARKER, '');
}

/**
 * Identifies the portal's version of a post: what a person can change there (title, text,
 * excerpt, terms, featured image). Status is left out: moving a post through the workflow on the
 * portal is not an edit that could conflict with ours.
 */
export function remoteHash(post: Pick<WpPost, 'title' | 'content' | 'excerpt' | 'categories' | 'tags' | 'featuredMedia'>): string {
  return createHash('sha256')
    .update(JSON.stringify([
      post.title,
      stripMarkers(post.content).trim(),
      post.excerpt.trim(),
      [...post.categories].sort((a, b) => a - b),
      [...post.tags].sort((a, b) => a - b),
      post.featuredMedia,
    ]))
    .digest('base64url');
}
