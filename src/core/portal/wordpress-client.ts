/**
 * WordPress REST client for the newsroom portal. HTTP goes through an injected `fetch` (the HTTP
 * port) so tests can route it through a fault proxy; every request has its own timeout. URLs and the
 * request itself: wp-http.ts; the shapes: wp-types.ts; reading and writing JSON: wp-parse.ts.
 */
import { AppError } from '../../shared/errors';
import { boundedDownload, defaultLookup, type HostLookup, type HttpPort } from './download';
import { validationError } from './errors';
import { DEFAULT_TIMEOUT_MS, normaliseSiteAddress, PROBE_TIMEOUT_MS, restUrl, sendRequest, basicAuth, type RawResult, type SendOptions } from './wp-http';
import {
  assertClientId,
  clientIdMarker,
  CLIENT_ID_PREFIX,
  markerBlock,
  isWordPressIndex,
  MEDIA_HASH_PREFIX,
  mapNewsroomRole,
  num,
  obj,
  parseIndex,
  parseMedia,
  parsePost,
  parseTerm,
  postBody,
  safeFilename,
  str,
  type Json,
} from './wp-parse';
import type { ClientOptions, ConflictBase, CurrentUser, PostInput, RestIndex, ResponseMeta, WpMedia, WpPost, WpPostState, WpTerm } from './wp-types';

export type { HttpPort };
export * from './wp-types';
export { basicAuth, DEFAULT_TIMEOUT_MS, normaliseSiteAddress, PROBE_TIMEOUT_MS, restRootFromLink, restUrl, sendRequest, type SendOptions } from './wp-http';
export { CLIENT_ID_PREFIX, clientIdMarker, fromWpGmt, isWordPressIndex, markerBlock, MEDIA_HASH_PREFIX, mapNewsroomRole, parseIndex, safeFilename, toWpGmt } from './wp-parse';

const INDEX_FIELDS = 'name,url,home,timezone_string,gmt_offset,namespaces,authentication';

// ------------------------------------------------------------------------------------ client

export class WordPressClient {
  readonly apiRoot: string;
  readonly username: string;
  private readonly authorization: string | undefined;
  private readonly fetchPort: HttpPort;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly portalOrigins: string[];
  private readonly lookup: HostLookup;
  private uploadsOriginsAsked: Promise<string[]> | undefined;

  constructor(options: ClientOptions) {
    this.apiRoot = options.apiRoot;
    this.username = options.username ?? '';
    // Only the header value is kept: the password itself is never stored on the object.
    this.authorization =
      options.username && options.appPassword ? basicAuth(options.username, options.appPassword) : undefined;
    this.fetchPort = options.fetch ?? ((url, init) => fetch(url, init));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
    this.portalOrigins = [new URL(options.apiRoot).origin];
    if (options.siteAddress) this.portalOrigins.push(normaliseSiteAddress(options.siteAddress).origin);
    this.lookup = options.lookup ?? defaultLookup;
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

  /**
   * The bytes of a photo of a post, from the portal's own origins or its uploads origin only, cut
   * off past `maxBytes` (see download.ts).
   */
  async download(url: string, maxBytes: number, options: { timeoutMs?: number } = {}): Promise<Uint8Array> {
    const rules = { portalOrigins: this.portalOrigins, uploadsOrigins: () => this.uploadsOrigins(), lookup: this.lookup };
    return boundedDownload(this.fetchPort, url, { rules, maxBytes, timeoutMs: options.timeoutMs, now: this.now });
  }

  /** Where the site's media live, as the REST API states it (`source_url`), asked once per client. */
  private uploadsOrigins(): Promise<string[]> {
    this.uploadsOriginsAsked ??= this.request('/wp/v2/media', { query: { per_page: 10, _fields: 'source_url' } })
      .then(({ body }) => {
        const origins = new Set<string>();
        for (const item of Array.isArray(body) ? body : []) {
          try {
            origins.add(new URL(str(obj(item).source_url)).origin);
          } catch {
            // not an address: ignored
          }
        }
        return [...origins];
      })
      .catch(() => []);
    return this.uploadsOriginsAsked;
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
