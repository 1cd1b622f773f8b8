/**
 * Where a request that carries the Application Password may be redirected. Basic auth is the
 * password itself, so it follows a redirect only to the same origin, or from http:// to https:// on
 * the same host and port (or the default ports); never from https:// to http:// (it would then
 * travel in clear), never to another host. Writes follow only 307/308, which keep their method and
 * body; 301/302/303 would turn them into a GET.
 */
import { validationError } from './errors';

const MAX_REDIRECTS = 3;

export type RedirectKind = 'same' | 'upgrade' | 'downgrade' | 'elsewhere';

const port = (url: URL): string => url.port || (url.protocol === 'https:' ? '443' : '80');

export function redirectKind(from: URL, to: URL): RedirectKind {
  if (to.origin === from.origin) return 'same';
  if (to.hostname !== from.hostname) return 'elsewhere';
  if (from.protocol === 'https:' && to.protocol === 'http:') return 'downgrade';
  // http://site → https://site (default ports, or the same explicit port).
  if (from.protocol === 'http:' && to.protocol === 'https:' && (port(from) === port(to) || (port(from) === '80' && port(to) === '443'))) return 'upgrade';
  return 'elsewhere';
}

/**
 * The next URL when `response` is a redirect the credentials may follow; undefined when it is not a
 * redirect; an AppError (thrown) when it is one they may not follow.
 */
export function credentialRedirect(response: Response, current: string, method: string, hop: number): string | undefined {
  const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
  if (location === null) return undefined;
  const from = new URL(current);
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    throw validationError('portal.redirectElsewhere', 'The portal redirected to an address that is not valid.', { host: from.host });
  }
  const kind = redirectKind(from, to);
  if (kind === 'downgrade') {
    throw validationError('portal.insecureRedirect', 'The portal redirected from https to http; the password was not sent there.', { host: to.host.slice(0, 200) });
  }
  if (kind === 'elsewhere') {
    throw validationError('portal.redirectElsewhere', 'The portal redirected to another address; the password was not sent there.', { host: to.host.slice(0, 200) });
  }
  const keepsMethod = response.status === 307 || response.status === 308;
  if (!keepsMethod && method !== 'GET' && method !== 'HEAD') {
    throw validationError('portal.redirectElsewhere', 'The portal redirected a change to another address.', { host: to.host.slice(0, 200) });
  }
  if (hop + 1 > MAX_REDIRECTS) throw validationError('portal.tooManyRedirects', 'The portal redirected too many times.');
  return to.toString();
}
