/**
 * WordPress REST client for the newsroom portal. HTTP goes through an injected `fetch` (the HTTP
 * port) so tests can route it through a fault proxy; every request has its own timeout.
 *
 * Every URL is built by `restUrl`, which knows both forms of the REST root: `/wp-json/` (pretty
 * permalinks) and `/?rest_route=/` (sites without them).
 */
import { AppError } from '../../shared/errors';
import { httpError, networkError, validationError, type WordPressErrorBody } from './errors';

export type HttpPort = (url: string, init: RequestInit) => Promise<Response>;

export const DEFAULT_TIMEOUT_MS = 20_000;
const INDEX_FIELDS = 'name,url,home,timezone_string,gmt_offset,namespaces,authentication';
export const PROBE_TIMEOUT_MS = 5_000;
/** Marker prefixes: short, ASCII, unlikely in prose, and kept by WordPress's HTML filter (see docs/sync.md). */
export const CLIENT_ID_PREFIX = 'redaksi-id-';
export const MEDIA_HASH_PREFIX = 'redaksi-';

export type NewsroomRole = 'writer' | 'editor';

export interface RestIndex {
  name: string;
  url: string;
  home: string;
  timezoneString: string;
  gmtOffset: number;
  namespaces: string[];
  applicationPasswords: boolean;
}

export interface CurrentUser {
  id: number;
  username: string;
  name: string;
  roles: string[];
  capabilities: Record<string, boolean>;
  /** null when the account may not write posts at all (e.g. a subscriber). */
  newsroomRole: NewsroomRole | null;
}

export interface WpPost {
  id: number;
  status: string;
  date: string;
  dateGmt: string;
  modifiedGmt: string;
  slug: string;
  link: string;
  title: string;
  content: string;
  excerpt: string;
  author: number;
  categories: number[];
  tags: number[];
  featuredMedia: number;
  revisionCount: number | undefined;
}

export type WpPostState = Pick<WpPost, 'id' | 'status' | 'dateGmt' | 'modifiedGmt' | 'link'>;

export interface PostInput {
  title?: string;
  content?: string;
  excerpt?: string;
  status?: 'draft' | 'pending' | 'future' | 'publish' | 'private';
  /** UTC instant; sent as `date_gmt` so the site's own zone never shifts it. */
  publishAt?: number;
  categories?: number[];
  tags?: number[];
  featuredMedia?: number;
  slug?: string;
}

export interface WpMedia {
  id: number;
  sourceUrl: string;
  mimeType: string;
  title: string;
  width: number | undefined;
  height: number | undefined;
}

export interface WpTerm {
  id: number;
  name: string;
  slug: string;
  parent: number;
  count: number;
}

export interface ConflictBase {
  modifiedGmt: string;
  revisionCount: number;
}

export interface ResponseMeta {
  status: number;
  headers: Headers;
  /** Milliseconds the portal's clock is ahead of ours (negative: behind); undefined without a Date header. */
  clockSkewMs: number | undefined;
  total: number | undefined;
}

export interface ClientOptions {
  /** REST root as discovered: `https://site/wp-json/` or `https://site/?rest_route=/`. */
  apiRoot: string;
  username?: string;
  appPassword?: string;
  fetch?: HttpPort;
  timeoutMs?: number;
  now?: () => number;
}

// ------------------------------------------------------------------------------------ URLs

/**
 * Builds a REST URL. `route` starts with `/` (e.g. `/wp/v2/posts`); query params are appended with
 * `?` or `&` depending on the root's form.
 */
export function restUrl(apiRoot: string, route: string, query: Record<string, string | number | undefined> = {}): string {
  const root = new URL(apiRoot);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  if (root.searchParams.has('rest_route')) {
    root.searchParams.set('rest_route', route);
    for (const [key, value] of params) root.searchParams.set(key, value);
    return root.toString();
  }
  const base = root.origin + root.pathname.replace(/\/+$/, '');
  const qs = params.toString();
  return `${base}${route}${qs ? `?${qs}` : ''}`;
}

/** `kaltim.example` -> `https://kaltim.example/`; refuses what is not an http(s) address. */
export function normaliseSiteAddress(address: string): URL {
  const trimmed = address.trim();
  if (!trimmed) throw validationError('portal.addressEmpty', 'Enter the portal address.');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw validationError('portal.addressInvalid', 'This is not a web address.', { address: trimmed.slice(0, 200) });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw validationError('portal.addressInvalid', 'The address must start with http:// or https://.', { address: trimmed.slice(0, 200) });
  }
  // Credentials never ride in the address (they would end up in logs).
  url.username = '';
  url.password = '';
  url.hash = '';
  return url;
}

/** The `rel="https://api.w.org/"` target of a Link header, if any. */
export function restRootFromLink(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const match = /<([^>]+)>\s*;(.*)$/.exec(part.trim());
    if (match && /rel="?https:\/\/api\.w\.org\/"?/.test(match[2] ?? '')) return match[1];
  }
  return undefined;
}

// ------------------------------------------------------------------------------------ HTTP

interface RawResult {
  meta: ResponseMeta;
  body: unknown;
  text: string;
  contentType: string;
}

export interface SendOptions {
  method?: string;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  body?: Uint8Array;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Public requests skip credentials (the index, discovery). */
  anonymous?: boolean;
  signal?: AbortSignal;
}

export function basicAuth(username: string, appPassword: string): string {
  // Application Passwords are shown with spaces; WordPress accepts them with or without.
  return `Basic ${Buffer.from(`${username}:${appPassword}`, 'utf8').toString('base64')}`;
}

/** Low-level request used by the client and by discovery: URL in, parsed response or AppError out. */
export async function sendRequest(
  fetchPort: HttpPort,
  url: string,
  options: SendOptions & { authorization?: string; now: () => number; route: string; acceptHtml?: boolean },
): Promise<RawResult> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.authorization && !options.anonymous) headers.Authorization = options.authorization;
  let body: RequestInit['body'];
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json; charset=utf-8';
    body = JSON.stringify(options.json);
  } else if (options.body) {
    body = options.body as unknown as RequestInit['body'];
  }
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const host = new URL(url).host;
  const started = options.now();
  let response: Response;
  let text: string;
  try {
    response = await fetchPort(url, { method, headers, body, signal, redirect: 'follow' });
    text = await response.text();
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw networkError(err, { method, timedOut: timeout.aborted, host });
  }
  const finished = options.now();
  const dateHeader = response.headers.get('date');
  const serverTime = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  // Date has 1 s resolution: compare with the middle of the round trip.
  const clockSkewMs = Number.isNaN(serverTime) ? undefined : serverTime - (started + finished) / 2;
  const totalHeader = response.headers.get('x-wp-total');
  const meta: ResponseMeta = {
    status: response.status,
    headers: response.headers,
    clockSkewMs,
    total: totalHeader !== null && /^\d+$/.test(totalHeader) ? Number(totalHeader) : undefined,
  };
  const contentType = response.headers.get('content-type') ?? '';
  let parsed: unknown;
  if (/json/i.test(contentType) || /^\s*[[{]/.test(text)) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    const errBody = parsed && typeof parsed === 'object' ? (parsed as WordPressErrorBody) : undefined;
    throw httpError(response.status, errBody, response.headers, { method, route: options.route, now: finished });
  }
  return { meta, body: parsed, text, contentType };
}

// ------------------------------------------------------------------------------------ parsing

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
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

function parsePost(body: unknown): WpPost {
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
    title: rendered(o.title),
    content: rendered(o.content),
    excerpt: rendered(o.excerpt),
    author: num(o.author),
    categories: Array.isArray(o.categories) ? o.categories.map(num) : [],
    tags: Array.isArray(o.tags) ? o.tags.map(num) : [],
    featuredMedia: num(o.featured_media),
    revisionCount: typeof history.count === 'number' ? history.count : undefined,
  };
}

function parseMedia(body: unknown): WpMedia {
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

function parseTerm(body: unknown): WpTerm {
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

function assertClientId(clientId: string): void {
  // The id goes into a LIKE search and an HTML comment: keep it to safe characters.
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(clientId)) {
    throw validationError('portal.badClientId', 'A sync id must be 8-64 letters, digits, - or _.');
  }
}

function postBody(input: PostInput): Json {
  const body: Json = {};
  if (input.title !== undefined) body.title = input.title;
  if (input.content !== undefined) body.content = input.content;
  if (input.excerpt !== undefined) body.excerpt = input.excerpt;
  if (input.status !== undefined) body.status = input.status;
  if (input.publishAt !== undefined) body.date_gmt = toWpGmt(input.publishAt);
  if (input.categories !== undefined) body.categories = input.categories;
  if (input.tags !== undefined) body.tags = input.tags;
  if (input.featuredMedia !== undefined) body.featured_media = input.featuredMedia;
  if (input.slug !== undefined) body.slug = input.slug;
  return body;
}

// ------------------------------------------------------------------------------------ client

export class WordPressClient {
  readonly apiRoot: string;
  readonly username: string;
  private readonly authorization: string | undefined;
  private readonly fetchPort: HttpPort;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(options: ClientOptions) {
    this.apiRoot = options.apiRoot;
    this.username = options.username ?? '';
    // Only the header value is kept: the password itself is never stored on the object.
    this.authorization =
      options.username && options.appPassword ? basicAuth(options.username, options.appPassword) : undefined;
    this.fetchPort = options.fetch ?? ((url, init) => fetch(url, init));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
  }

  /** Keeps the Authorization header out of `console.log(client)` and JSON dumps. */
  toJSON(): Json {
    return { apiRoot: this.apiRoot, username: this.username };
  }

  url(route: string, query?: Record<string, string | number | undefined>): string {
    return restUrl(this.apiRoot, route, query);
  }

  async request(route: string, options: SendOptions = {}): Promise<RawResult> {
    const result = await sendRequest(this.fetchPort, this.url(route, options.query), {
      ...options,
      timeoutMs: options.timeoutMs ?? this.timeoutMs,
      authorization: this.authorization,
      now: this.now,
      route,
    });
    // Every REST answer is JSON. A 200 with a page instead is a Wi-Fi login page (or a proxy's
    // error page) answering for the portal. Usually the request never reached WordPress, but a
    // write is looked up before it is repeated, in case a broken plugin garbled a real answer.
    if (result.body === undefined) {
      throw new AppError({
        kind: 'network',
        code: 'portal.captivePortal',
        message: 'The network answered with a page that is not the portal (a Wi-Fi login page?).',
        retryable: true,
        params: { contentType: result.contentType.slice(0, 80), outcome: (options.method ?? 'GET') === 'GET' ? 'none' : 'unknown' },
      });
    }
    return result;
  }

  /**
   * Reads the REST index and checks it is WordPress's. A 200 that is HTML, or JSON that is not the
   * index, is a captive portal (hotel or cafe Wi-Fi login page): the portal is not really reachable.
   */
  async probe(timeoutMs = PROBE_TIMEOUT_MS): Promise<{ index: RestIndex; meta: ResponseMeta }> {
    // Only the fields we read: the full index of a WordPress with a few plugins is 150 kB and more.
    const result = await this.request('/', { anonymous: true, timeoutMs, query: { _fields: INDEX_FIELDS } });
    if (!isWordPressIndex(result.body)) {
      throw new AppError({
        kind: 'network',
        code: 'portal.captivePortal',
        message: 'The network answered with a page that is not the portal (a Wi-Fi login page?).',
        retryable: true,
        params: { contentType: result.contentType.slice(0, 80) },
      });
    }
    return { index: parseIndex(result.body), meta: result.meta };
  }

  /** Checks the credentials: public GETs silently ignore bad ones, users/me does not. */
  async currentUser(): Promise<CurrentUser> {
    if (!this.authorization) throw validationError('portal.credentialsMissing', 'Enter the user name and Application Password.');
    const { body } = await this.request('/wp/v2/users/me', { query: { context: 'edit' } });
    const o = obj(body);
    const roles = Array.isArray(o.roles) ? o.roles.filter((r): r is string => typeof r === 'string') : [];
    const capabilities: Record<string, boolean> = {};
    for (const [key, value] of Object.entries(obj(o.capabilities))) capabilities[key] = value === true;
    return {
      id: num(o.id),
      username: str(o.username),
      name: str(o.name),
      roles,
      capabilities,
      newsroomRole: mapNewsroomRole(roles, capabilities),
    };
  }

  // ---------------------------------------------------------------- media

  async uploadMedia(input: { data: Uint8Array; mime: string; filename: string; title?: string; altText?: string }): Promise<WpMedia> {
    if (input.data.byteLength === 0) throw validationError('portal.emptyUpload', 'The photo is empty.');
    const filename = safeFilename(input.filename);
    const { body } = await this.request('/wp/v2/media', {
      method: 'POST',
      body: input.data,
      // Raw-body uploads take their fields from the query string.
      query: { title: input.title, alt_text: input.altText },
      headers: { 'Content-Type': input.mime, 'Content-Disposition': `attachment; filename="${filename}"` },
    });
    return parseMedia(body);
  }

  async getMedia(id: number): Promise<WpMedia> {
    return parseMedia((await this.request(`/wp/v2/media/${id}`, { query: { context: 'edit' } })).body);
  }

  /**
   * Finds media uploaded under `mediaFilenameForHash(hash)`: WordPress makes the title from the file
   * name and `search` matches titles (measured for author, editor; see docs/sync.md).
   */
  async findMediaByContentHash(contentHash: string): Promise<WpMedia[]> {
    const token = mediaToken(contentHash);
    const { body } = await this.request('/wp/v2/media', {
      query: { search: token, per_page: 20, context: 'edit', author: undefined },
    });
    const items = Array.isArray(body) ? body.map(parseMedia) : [];
    return items.filter((m) => m.title.includes(token) || m.sourceUrl.includes(token));
  }

  // ---------------------------------------------------------------- posts

  async createPost(input: PostInput & { clientId?: string }): Promise<WpPost> {
    const body = postBody(input);
    if (input.clientId !== undefined) {
      assertClientId(input.clientId);
      body.content = `${input.content ?? ''}\n\n${markerBlock(clientIdMarker(input.clientId))}`;
    }
    return parsePost((await this.request('/wp/v2/posts', { method: 'POST', json: body, query: { context: 'edit' } })).body);
  }

  async updatePost(id: number, input: PostInput & { clientId?: string }): Promise<WpPost> {
    const body = postBody(input);
    if (input.clientId !== undefined && input.content !== undefined) {
      assertClientId(input.clientId);
      body.content = `${input.content}\n\n${markerBlock(clientIdMarker(input.clientId))}`;
    }
    return parsePost((await this.request(`/wp/v2/posts/${id}`, { method: 'POST', json: body, query: { context: 'edit' } })).body);
  }

  async getPost(id: number): Promise<WpPost> {
    return parsePost((await this.request(`/wp/v2/posts/${id}`, { query: { context: 'edit' } })).body);
  }

  async listPosts(options: { status?: string; search?: string; page?: number; perPage?: number } = {}): Promise<{ posts: WpPost[]; total: number | undefined }> {
    const { body, meta } = await this.request('/wp/v2/posts', {
      query: {
        status: options.status ?? 'pending,future,draft',
        context: 'edit',
        search: options.search,
        page: options.page,
        per_page: options.perPage ?? 100,
      },
    });
    // X-WP-Total counts posts the user cannot see (measured): callers use it only as a hint.
    return { posts: Array.isArray(body) ? body.map(parsePost) : [], total: meta.total };
  }

  /**
   * Status, dates and link of the given posts (up to 100), without their content: a few hundred
   * bytes a post, where the full read is the whole article.
   */
  async postStatesByIds(ids: number[]): Promise<WpPostState[]> {
    if (ids.length === 0) return [];
    const { body } = await this.request('/wp/v2/posts', {
      query: { include: ids.slice(0, 100).join(','), status: 'draft,pending,future,publish,private', per_page: 100, _fields: 'id,status,date_gmt,modified_gmt,link' },
    });
    return Array.isArray(body) ? body.map(parsePost).map(({ id, status, dateGmt, modifiedGmt, link }) => ({ id, status, dateGmt, modifiedGmt, link })) : [];
  }

  /** Ids of posts in these statuses the account can see, newest first (up to 1,000). */
  async postIds(status: string): Promise<number[]> {
    const ids: number[] = [];
    for (let page = 1; page <= 10; page++) {
      const { body, meta } = await this.request('/wp/v2/posts', { query: { status, per_page: 100, page, _fields: 'id', context: 'edit' } });
      const batch = Array.isArray(body) ? body.map((b) => num(obj(b).id)).filter((id) => id > 0) : [];
      ids.push(...batch);
      // Asking past the last page is a 400 in WordPress.
      if (batch.length < 100 || (meta.total !== undefined && ids.length >= meta.total)) break;
    }
    return ids;
  }

  /** Reads the given posts (up to 100) in every status but the trash. */
  async postsByIds(ids: number[]): Promise<WpPost[]> {
    if (ids.length === 0) return [];
    const { body } = await this.request('/wp/v2/posts', {
      query: { include: ids.slice(0, 100).join(','), status: 'draft,pending,future,publish,private', context: 'edit', per_page: 100 },
    });
    return Array.isArray(body) ? body.map(parsePost) : [];
  }

  /** The bytes of a file the portal serves (a photo of a post), refused past `maxBytes`. */
  async download(url: string, maxBytes: number): Promise<Uint8Array> {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw validationError('portal.badUrl', 'Only http(s) files can be fetched.');
    let response: Response;
    try {
      response = await this.fetchPort(target.toString(), { method: 'GET', signal: AbortSignal.timeout(this.timeoutMs), redirect: 'follow' });
    } catch (err) {
      throw networkError(err, { method: 'GET', timedOut: false, host: target.host });
    }
    if (!response.ok) throw httpError(response.status, undefined, response.headers, { method: 'GET', route: target.pathname, now: this.now() });
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > maxBytes) throw validationError('media.fileTooLarge', 'The file is too large.');
    const data = new Uint8Array(await response.arrayBuffer());
    if (data.byteLength > maxBytes) throw validationError('media.fileTooLarge', 'The file is too large.');
    return data;
  }

  /** Finds the post a create with this client id made, even when the create's answer was lost. */
  async findPostByClientId(clientId: string): Promise<WpPost[]> {
    assertClientId(clientId);
    const token = `${CLIENT_ID_PREFIX}${clientId}`;
    const { body } = await this.request('/wp/v2/posts', {
      query: { search: token, status: 'draft,pending,future,publish,private', context: 'edit', per_page: 20 },
    });
    const posts = Array.isArray(body) ? body.map(parsePost) : [];
    // search is a LIKE on title/excerpt/content: confirm the exact marker in the raw content.
    return posts.filter((p) => p.content.includes(clientIdMarker(clientId)));
  }

  /** The base for conflict checks: WordPress has no ETag, so compare these before updating. */
  async conflictBase(id: number): Promise<ConflictBase> {
    const post = await this.getPost(id);
    let revisionCount = post.revisionCount;
    if (revisionCount === undefined) {
      const { meta, body } = await this.request(`/wp/v2/posts/${id}/revisions`, { query: { per_page: 1, context: 'edit' } });
      revisionCount = meta.total ?? (Array.isArray(body) ? body.length : 0);
    }
    return { modifiedGmt: post.modifiedGmt, revisionCount };
  }

  // ---------------------------------------------------------------- terms

  async listCategories(): Promise<WpTerm[]> {
    const all: WpTerm[] = [];
    for (let page = 1; page <= 20; page++) {
      const { body, meta } = await this.request('/wp/v2/categories', { query: { per_page: 100, hide_empty: 'false', page } });
      const items = Array.isArray(body) ? body.map(parseTerm) : [];
      all.push(...items);
      const totalPages = Number(meta.headers.get('x-wp-totalpages') ?? '1');
      if (items.length < 100 || page >= totalPages) break;
    }
    return all;
  }

  async createCategory(input: { name: string; slug?: string; parent?: number }): Promise<WpTerm> {
    return parseTerm((await this.request('/wp/v2/categories', { method: 'POST', json: input })).body);
  }

  async searchTags(search: string): Promise<WpTerm[]> {
    const { body } = await this.request('/wp/v2/tags', { query: { search, per_page: 100, hide_empty: 'false' } });
    return Array.isArray(body) ? body.map(parseTerm) : [];
  }

  /** Creates a tag, or returns the existing one when WordPress says `term_exists`. */
  async ensureTag(name: string): Promise<WpTerm> {
    try {
      return parseTerm((await this.request('/wp/v2/tags', { method: 'POST', json: { name } })).body);
    } catch (err) {
      if (err instanceof AppError && err.params?.wpCode === 'term_exists') {
        const existing = (await this.searchTags(name)).find((t) => t.name.toLowerCase() === name.toLowerCase());
        if (existing) return existing;
      }
      throw err;
    }
  }
}

/** The searchable token for a photo: the first 24 hex digits of its sha256 (96 bits). */
export function mediaToken(contentHash: string): string {
  if (!/^[0-9a-f]{24,64}$/i.test(contentHash)) throw validationError('portal.badContentHash', 'A photo hash must be hex.');
  return `${MEDIA_HASH_PREFIX}${contentHash.slice(0, 24).toLowerCase()}`;
}

/** The upload file name for a photo: readable stem plus the hash token, so a retry can find it. */
export function mediaFilenameForHash(contentHash: string, readableName: string, ext: string): string {
  const stem = safeFilename(readableName, ext).replace(/\.[^.]+$/, '').slice(0, 40);
  return `${stem}-${mediaToken(contentHash)}.${ext}`;
}
