/**
 * URLs and the low-level request of the WordPress REST client: every URL is built by `restUrl`, which
 * knows both forms of the REST root, `/wp-json/` (pretty permalinks) and `/?rest_route=/` (sites
 * without them); every request has its own timeout.
 */
import { AppError } from '../../shared/errors';
import type { HttpPort } from './download';
import { httpError, networkError, validationError, type WordPressErrorBody } from './errors';
import { credentialRedirect } from './redirects';
import type { ResponseMeta } from './wp-types';

export const DEFAULT_TIMEOUT_MS = 20_000;
export const PROBE_TIMEOUT_MS = 5_000;

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

export interface RawResult {
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
    // With credentials, redirects are followed here, one by one: only on the same origin or from http
    // to https on the same host (see redirects.ts); fetch itself would follow any of them.
    const credentials = headers.Authorization !== undefined;
    let target = url;
    for (let hop = 0; ; hop++) {
      response = await fetchPort(target, { method, headers, body, signal, redirect: credentials ? 'manual' : 'follow' });
      const next = credentials ? credentialRedirect(response, target, method, hop) : undefined;
      if (!next) break;
      await response.body?.cancel();
      target = next;
    }
    text = await response.text();
  } catch (err) {
    if (options.signal?.aborted || err instanceof AppError) throw err;
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
