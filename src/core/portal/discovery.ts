/**
 * Finds a site's REST root from the address a person types: the `Link: <…>; rel="https://api.w.org/"`
 * header first, then `/wp-json/`, then `/?rest_route=/` (sites without pretty permalinks).
 */
import { AppError } from '../../shared/errors';
import {
  isWordPressIndex,
  normaliseSiteAddress,
  parseIndex,
  PROBE_TIMEOUT_MS,
  restRootFromLink,
  sendRequest,
  type HttpPort,
  type ResponseMeta,
  type RestIndex,
} from './wordpress-client';
import { redirectKind, type RedirectKind } from './redirects';

export interface Discovery {
  apiRoot: string;
  index: RestIndex;
  meta: ResponseMeta;
  /** How the root was found, for the connection report. */
  via: 'link' | 'wp-json' | 'rest_route';
}

interface Attempt {
  status: number | 'html' | 'json' | 'error';
  error?: AppError;
}

const captive = (): AppError =>
  new AppError({
    kind: 'network',
    code: 'portal.captivePortal',
    message: 'The network answered with a page that is not the portal (a Wi-Fi login page?).',
    retryable: true,
  });

function linkRootKind(site: URL, linkRoot: string): RedirectKind | undefined {
  try {
    return redirectKind(site, new URL(linkRoot, site));
  } catch {
    return undefined;
  }
}

export async function discoverRestRoot(
  address: string,
  options: { fetch?: HttpPort; timeoutMs?: number; now?: () => number } = {},
): Promise<Discovery> {
  const site = normaliseSiteAddress(address);
  const fetchPort = options.fetch ?? ((url, init) => fetch(url, init));
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  const siteBase = site.origin + site.pathname.replace(/\/+$/, '');

  const tryIndex = async (url: string): Promise<{ index: RestIndex; meta: ResponseMeta } | Attempt> => {
    try {
      const result = await sendRequest(fetchPort, url, { now, route: '/', timeoutMs, anonymous: true });
      if (isWordPressIndex(result.body)) return { index: parseIndex(result.body), meta: result.meta };
      return { status: result.body === undefined ? 'html' : 'json' };
    } catch (err) {
      if (err instanceof AppError && err.kind === 'network') throw err; // unreachable: no point trying more URLs
      return { status: err instanceof AppError && typeof err.params?.status === 'number' ? err.params.status : 'error', error: err instanceof AppError ? err : undefined };
    }
  };

  const attempts: Attempt[] = [];
  let linkRoot: string | undefined;
  // 1. The site's front page advertises its REST root in a Link header.
  try {
    const response = await fetchPort(site.toString(), { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    linkRoot = restRootFromLink(response.headers.get('link'));
    // The credentials go to the REST root: a Link naming another host (or http:// for an https://
    // site) is ignored, and the site's own /wp-json/ and ?rest_route= are tried instead.
    const kind = linkRoot ? linkRootKind(site, linkRoot) : undefined;
    if (kind !== 'same' && kind !== 'upgrade') linkRoot = undefined;
    else linkRoot = new URL(linkRoot!, site).toString();
  } catch {
    // HEAD may be refused by odd servers; the fallbacks below still run (and report unreachable).
  }
  const candidates: { url: string; via: Discovery['via'] }[] = [];
  if (linkRoot) candidates.push({ url: linkRoot, via: 'link' });
  candidates.push({ url: `${siteBase}/wp-json/`, via: 'wp-json' }, { url: `${siteBase}/?rest_route=/`, via: 'rest_route' });

  for (const candidate of candidates) {
    const result = await tryIndex(candidate.url);
    if ('index' in result) return { apiRoot: candidate.url, index: result.index, meta: result.meta, via: candidate.via };
    attempts.push(result);
  }
  // Every candidate answered 200 but none was the index: something in between answers for the site.
  if (attempts.length > 0 && attempts.every((a) => a.status === 'html' || a.status === 'json')) throw captive();
  const auth = attempts.find((a) => a.error?.kind === 'auth');
  if (auth?.error) throw auth.error;
  const server = attempts.find((a) => a.error?.code === 'portal.serverError' || a.error?.code === 'portal.rateLimited');
  if (server?.error) throw server.error;
  throw new AppError({
    kind: 'portal',
    code: 'portal.notWordPress',
    message: 'No WordPress REST API was found at this address.',
    params: { address: site.toString().slice(0, 200) },
  });
}
