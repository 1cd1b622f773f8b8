/**
 * How a starting host tells whether the browser-mode host of its data folder is already running,
 * without handing the folder's token to whatever listens on the remembered port (another account
 * could be listening there). The prober sends a fresh nonce; only a host that knows the token can
 * answer with its HMAC, bound to the port it listens on, so an answer relayed from a host on another
 * port does not pass either.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const HOST_PROOF_PATH = '/api/proof';
const NONCE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newProofNonce(): string {
  return randomBytes(32).toString('base64url');
}

export function isProofNonce(value: string | null): value is string {
  return value !== null && NONCE_PATTERN.test(value);
}

export function hostProof(token: string, nonce: string, port: number): string {
  return createHmac('sha256', token).update(`redaksi-host-proof:${port}:${nonce}`).digest('base64url');
}

export function isHostProof(answer: unknown, token: string, nonce: string, port: number): boolean {
  if (typeof answer !== 'string') return false;
  const expected = Buffer.from(hostProof(token, nonce, port));
  const given = Buffer.from(answer);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
