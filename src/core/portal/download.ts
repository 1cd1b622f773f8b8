/**
 * Downloads the photos of a pulled post. Their addresses come from post content, which any author
 * on the portal writes, so the download decides where it may go (docs/sync.md, "Photos from the
 * portal"):
 *
 * - the portal's own origins (the site address and its REST root) are allowed, wherever they are,
 *   loopback included (a test or intranet WordPress);
 * - the uploads origin the REST API states (`source_url` of the site's media) is allowed when its
 *   host resolves only to public addresses;
 * - anything else is refused before any request: another host, another port or scheme of the
 *   portal's host, an IP literal, and every redirect that leaves the allowed origins or goes from
 *   https to http.
 *
 * The body is read as a stream and stopped at `maxBytes`; the whole download has a deadline.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AppError } from '../../shared/errors';
import { httpError, networkError, validationError } from './errors';

export type HttpPort = (url: string, init: RequestInit) => Promise<Response>;
/** Every address a host name resolves to. */
export type HostLookup = (host: string) => Promise<string[]>;

export const DOWNLOAD_TIMEOUT_MS = 120_000;
const MAX_REDIRECTS = 3;

export const defaultLookup: HostLookup = async (host) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** Loopback, private, link-local, shared (CGNAT), unspecified, multicast and reserved ranges. */
const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96], // NAT64: the IPv4 address inside may be anything
  ['2002::', 16], // 6to4: likewise
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

/** True for an address that is not on the public internet (IPv4-mapped IPv6 is checked as IPv4). */
export function isNonPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 0) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return NOT_PUBLIC.check(mapped[1]!, 'ipv4');
  return NOT_PUBLIC.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

export interface DownloadRules {
  /** Origins the portal itself answers on: allowed without a look-up. */
  portalOrigins: readonly string[];
  /** Uploads origins as the REST API states them; asked only for an address outside the portal's origins. */
  uploadsOrigins: () => Promise<readonly string[]>;
  lookup: HostLookup;
}

function refused(code: 'portal.downloadElsewhere' | 'portal.downloadPrivate' | 'portal.insecureRedirect', target: URL): AppError {
  const messages = {
    'portal.downloadElsewhere': 'Photos are fetched only from the portal itself.',
    'portal.downloadPrivate': 'Photos are not fetched from addresses on a local network.',
    'portal.insecureRedirect': 'The portal redirected from https to http.',
  };
  return validationError(code, messages[code], { host: target.host.slice(0, 200) });
}

/** Throws unless `target` may be fetched under the rules (see the module's comment). */
export async function checkDownloadTarget(target: URL, rules: DownloadRules): Promise<void> {
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw validationError('portal.badUrl', 'Only http(s) files can be fetched.');
  if (target.username || target.password) throw refused('portal.downloadElsewhere', target);
  if (rules.portalOrigins.includes(target.origin)) return;
  if (!(await rules.uploadsOrigins()).includes(target.origin)) throw refused('portal.downloadElsewhere', target);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await rules.lookup(host);
  } catch (err) {
    throw networkError(err, { method: 'GET', timedOut: false, host: target.host });
  }
  if (addresses.length === 0 || addresses.some(isNonPublicAddress)) throw refused('portal.downloadPrivate', target);
}

const tooLarge = (maxBytes: number): AppError =>
  validationError('media.fileTooLarge', 'The file is too large.', { limit: Math.floor(maxBytes / 1024 / 1024) });

/**
 * GETs `url` under the rules, following at most three redirects (each checked like the first), and
 * reads at most `maxBytes`: a longer answer is cut off as soon as it passes the limit.
 */
export async function boundedDownload(
  fetchPort: HttpPort,
  url: string,
  options: { rules: DownloadRules; maxBytes: number; timeoutMs?: number; now: () => number },
): Promise<Uint8Array> {
  let target = new URL(url);
  const deadline = AbortSignal.timeout(options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
  const stop = new AbortController();
  const signal = AbortSignal.any([deadline, stop.signal]);
  const failed = (err: unknown): AppError =>
    err instanceof AppError ? err : networkError(err, { method: 'GET', timedOut: deadline.aborted, host: target.host });
  try {
    let response: Response | undefined;
    for (let hop = 0; ; hop++) {
      await checkDownloadTarget(target, options.rules);
      response = await fetchPort(target.toString(), { method: 'GET', signal, redirect: 'manual' });
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (location === null) break;
      await response.body?.cancel();
      const next = new URL(location, target);
      if (target.protocol === 'https:' && next.protocol === 'http:') throw refused('portal.insecureRedirect', next);
      if (hop + 1 > MAX_REDIRECTS) throw validationError('portal.tooManyRedirects', 'The portal redirected too many times.');
      target = next;
    }
    if (!response.ok) throw httpError(response.status, undefined, response.headers, { method: 'GET', route: target.pathname, now: options.now() });
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > options.maxBytes) throw tooLarge(options.maxBytes);
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > options.maxBytes) {
          stop.abort();
          await reader.cancel().catch(() => undefined);
          throw tooLarge(options.maxBytes);
        }
        chunks.push(value);
      }
    }
    return Buffer.concat(chunks, total);
  } catch (err) {
    stop.abort();
    throw failed(err);
  }
}
