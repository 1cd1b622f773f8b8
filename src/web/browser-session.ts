/**
 * The browser-mode access token and port, kept per data folder so that a restarted host (crash,
 * SIGKILL, `npm start` again) accepts the tabs that were already open: same origin, same token,
 * and their pending saves go through. The file is readable by its owner only (0600), like the
 * secret store; anyone who can read it can already read the database next to it.
 *
 * A missing, damaged or too widely readable file gives a new token: such a token may have leaked.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { removeStaleTempCopies, writePrivateFile } from '../core/storage/private-file';
import { TOKEN_QUERY } from '../shared/transport';
import { HOST_PROOF_PATH, isHostProof, newProofNonce } from './host-proof';

export const BROWSER_SESSION_FILE_NAME = 'browser-session.json';
const FORMAT_VERSION = 1;
/** 32 random bytes, base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface BrowserSession {
  token: string;
  /** The port the host last listened on; null before the first start. */
  port: number | null;
}

export type SessionOrigin = 'reused' | 'new' | 'replaced-damaged' | 'replaced-unsafe';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function isPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65_535;
}

/** Where the file is not private to this account, its token counts as known to others. */
function isPrivateFile(stat: fs.Stats): boolean {
  if (process.platform === 'win32') return true; // No POSIX modes; the profile folder's ACL applies.
  const uid = process.getuid?.();
  return (stat.mode & 0o077) === 0 && (uid === undefined || stat.uid === uid);
}

/**
 * Reads the kept session. Never throws for the file's content: anything unusable gives a new token
 * (and the caller saves it). `fresh` forces a new token (--new-token).
 */
export function loadBrowserSession(dataDir: string, { fresh = false }: { fresh?: boolean } = {}): { session: BrowserSession; origin: SessionOrigin } {
  const file = path.join(dataDir, BROWSER_SESSION_FILE_NAME);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return { session: { token: newToken(), port: null }, origin: 'new' };
  }
  if (!stat.isFile()) return { session: { token: newToken(), port: null }, origin: 'replaced-damaged' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return { session: { token: newToken(), port: null }, origin: 'replaced-damaged' };
  }
  const record = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  const port = isPort(record.port) ? record.port : null;
  if (record.version !== FORMAT_VERSION || typeof record.token !== 'string' || !TOKEN_PATTERN.test(record.token)) {
    return { session: { token: newToken(), port }, origin: 'replaced-damaged' };
  }
  if (!isPrivateFile(stat)) return { session: { token: newToken(), port }, origin: 'replaced-unsafe' };
  if (fresh) return { session: { token: newToken(), port }, origin: 'new' };
  return { session: { token: record.token, port }, origin: 'reused' };
}

/** Written whole (temporary 0600 file, fsync, rename), so a crash never leaves half a token. */
export function saveBrowserSession(dataDir: string, session: BrowserSession): void {
  writePrivateFile(path.join(dataDir, BROWSER_SESSION_FILE_NAME), JSON.stringify({ version: FORMAT_VERSION, token: session.token, port: session.port }));
}

/** A write cut off by a crash leaves its temporary copy, with a token in it. */
export function removeStaleSessionTempFiles(dataDir: string): void {
  removeStaleTempCopies(dataDir, BROWSER_SESSION_FILE_NAME);
}

/** How long the probe of a running host may take: it answers at once when it is there. */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * The address of the browser-mode host already running on this data folder, or null. The host on
 * the port this folder keeps must prove it knows the folder's token; the token itself is never sent.
 */
export async function findRunningHost(dataDir: string): Promise<string | null> {
  const { session, origin } = loadBrowserSession(dataDir);
  if (origin !== 'reused' || session.port === null) return null;
  const address = `http://127.0.0.1:${session.port}`;
  const nonce = newProofNonce();
  try {
    const response = await fetch(`${address}${HOST_PROOF_PATH}?nonce=${nonce}`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    const answer = (await response.json()) as { proof?: unknown };
    if (!isHostProof(answer.proof, session.token, nonce, session.port)) return null;
  } catch {
    return null;
  }
  return `${address}/?${TOKEN_QUERY}=${encodeURIComponent(session.token)}`;
}
