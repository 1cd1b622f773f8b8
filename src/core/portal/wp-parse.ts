/** Reading WordPress's JSON into the client's shapes, and the bodies the client writes. */
import { escapeHtmlText, htmlToPlainText } from '../content/html-text';
import { validationError } from './errors';
import type { NewsroomRole, PostInput, RestIndex, WpMedia, WpPost, WpTerm } from './wp-types';

/** Marker prefixes: short, ASCII, unlikely in prose, and kept by WordPress's HTML filter (see docs/sync.md). */
export const CLIENT_ID_PREFIX = 'redaksi-id-';
export const MEDIA_HASH_PREFIX = 'redaksi-';

// ------------------------------------------------------------------------------------ parsing

export type Json = Record<string, unknown>;
export const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const rendered = (v: unknown): string => {
  const o = obj(v);
  return typeof o.raw === 'string' ? o.raw : str(o.rendered);
};

/** True when the JSON is a WordPress REST index with the core `wp/v2` routes. */
export function isWordPressIndex(body: unknown): boolean {
  const o = obj(body);
  // `routes` is left out when only some fields are asked for (`_fields`); the site's name is always there.
  const described = (typeof o.routes === 'object' && o.routes !== null) || typeof o.name === 'string';
  return Array.isArray(o.namespaces) && o.namespaces.includes('wp/v2') && described;
}

export function parseIndex(body: unknown): RestIndex {
  const o = obj(body);
  const auth = obj(o.authentication);
  return {
    name: str(o.name),
    url: str(o.url),
    home: str(o.home),
    timezoneString: str(o.timezone_string),
    gmtOffset: Number(o.gmt_offset ?? 0) || 0,
    namespaces: Array.isArray(o.namespaces) ? o.namespaces.filter((n): n is string => typeof n === 'string') : [],
    applicationPasswords: 'application-passwords' in auth,
  };
}

/** contributor/author write; editor/administrator edit. Capabilities decide for custom roles. */
export function mapNewsroomRole(roles: string[], capabilities: Record<string, boolean>): NewsroomRole | null {
  if (roles.includes('administrator') || roles.includes('editor') || capabilities.edit_others_posts) return 'editor';
  if (roles.includes('author') || roles.includes('contributor') || capabilities.edit_posts) return 'writer';
  return null;
}

export function parsePost(body: unknown): WpPost {
  const o = obj(body);
  const links = obj(o._links);
  const history = Array.isArray(links['version-history']) ? obj(links['version-history'][0]) : {};
  return {
    id: num(o.id),
    status: str(o.status),
    date: str(o.date),
    dateGmt: str(o.date_gmt),
    modifiedGmt: str(o.modified_gmt),
    slug: str(o.slug),
    link: str(o.link),
    // Title and excerpt are plain text here and HTML on the portal (see postBody).
    title: htmlToPlainText(rendered(o.title)),
    content: rendered(o.content),
    excerpt: htmlToPlainText(rendered(o.excerpt)),
    author: num(o.author),
    categories: Array.isArray(o.categories) ? o.categories.map(num) : [],
    tags: Array.isArray(o.tags) ? o.tags.map(num) : [],
    featuredMedia: num(o.featured_media),
    revisionCount: typeof history.count === 'number' ? history.count : undefined,
  };
}

export function parseMedia(body: unknown): WpMedia {
  const o = obj(body);
  const details = obj(o.media_details);
  return {
    id: num(o.id),
    sourceUrl: str(o.source_url),
    mimeType: str(o.mime_type),
    title: rendered(o.title),
    width: typeof details.width === 'number' ? details.width : undefined,
    height: typeof details.height === 'number' ? details.height : undefined,
  };
}

export function parseTerm(body: unknown): WpTerm {
  const o = obj(body);
  return { id: num(o.id), name: str(o.name), slug: str(o.slug), parent: num(o.parent), count: num(o.count) };
}

/** `2026-11-26T01:00:00` (UTC, what WordPress wants in date_gmt) from an instant. */
export function toWpGmt(instant: number): string {
  return new Date(Math.floor(instant / 1000) * 1000).toISOString().slice(0, 19);
}

/** WordPress's `*_gmt` strings carry no zone: they are UTC. */
export function fromWpGmt(value: string): number {
  return Date.parse(`${value}Z`);
}

/** An ASCII file name WordPress keeps as-is: no quotes, slashes, spaces or non-ASCII letters. */
export function safeFilename(name: string, fallbackExt = 'jpg'): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = (dot > 0 ? name.slice(dot + 1) : fallbackExt).toLowerCase().replace(/[^a-z0-9]/g, '') || fallbackExt;
  const cleanStem = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return `${cleanStem || 'foto'}.${ext}`;
}

/** The marker carried in a post's content: an HTML comment, kept by kses for every role (see docs/sync.md). */
export function clientIdMarker(clientId: string): string {
  return `<!-- ${CLIENT_ID_PREFIX}${clientId} -->`;
}

/**
 * A marker as the content carries it: in a Custom HTML block, which the block editor keeps byte for
 * byte, so the post has no classic (freeform) content outside blocks (docs/sync.md).
 */
export function markerBlock(marker: string): string {
  return `<!-- wp:html -->\n${marker}\n<!-- /wp:html -->`;
}

export function assertClientId(clientId: string): void {
  // The id goes into a LIKE search and an HTML comment: keep it to safe characters.
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(clientId)) {
    throw validationError('portal.badClientId', 'A sync id must be 8-64 letters, digits, - or _.');
  }
}

export function postBody(input: PostInput): Json {
  const body: Json = {};
  // WordPress prints title and excerpt as HTML: they are escaped like the body's text.
  if (input.title !== undefined) body.title = escapeHtmlText(input.title);
  if (input.content !== undefined) body.content = input.content;
  if (input.excerpt !== undefined) body.excerpt = escapeHtmlText(input.excerpt);
  if (input.status !== undefined) body.status = input.status;
  if (input.publishAt !== undefined) body.date_gmt = toWpGmt(input.publishAt);
  if (input.categories !== undefined) body.categories = input.categories;
  if (input.tags !== undefined) body.tags = input.tags;
  if (input.featuredMedia !== undefined) body.featured_media = input.featuredMedia;
  if (input.slug !== undefined) body.slug = input.slug;
  return body;
}
