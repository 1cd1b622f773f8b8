/**
 * How every failure talking to the portal becomes an AppError. The UI translates `code`; the sync
 * worker reads `retryable` and `params.retryAfterMs`. No error here ever carries a header, so the
 * Application Password cannot leak through a message, a param or a log line.
 */
import { AppError } from '../../shared/errors';

export function validationError(code: string, message: string, params?: Record<string, string | number>): AppError {
  return new AppError({ kind: 'validation', code, message, params });
}

/** Codes the network layer reports (Node's fetch puts them on `err.cause.code`). */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function causeCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A request that never produced a response. `sent` tells whether the request may have reached the
 * server: then the outcome is unknown and a create must be looked up before it is retried.
 */
export function networkError(err: unknown, context: { method: string; timedOut: boolean; host: string }): AppError {
  const mayHaveActed = context.method !== 'GET' && context.method !== 'HEAD' && context.method !== 'OPTIONS';
  if (context.timedOut) {
    return new AppError({
      kind: 'network',
      code: 'portal.timeout',
      message: `The portal ${context.host} did not answer in time.`,
      retryable: true,
      params: { host: context.host, outcome: mayHaveActed ? 'unknown' : 'none' },
    });
  }
  const code = causeCode(err) ?? 'unknown';
  if (UNREACHABLE_CODES.has(code)) {
    return new AppError({
      kind: 'network',
      code: 'portal.unreachable',
      message: `The portal ${context.host} cannot be reached (${code}).`,
      retryable: true,
      params: { host: context.host, cause: code, outcome: 'none' },
    });
  }
  return new AppError({
    kind: 'network',
    code: 'portal.connectionLost',
    message: `The connection to ${context.host} was lost (${code}).`,
    retryable: true,
    params: { host: context.host, cause: code, outcome: mayHaveActed ? 'unknown' : 'none' },
  });
}

/** Retry-After is either seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

export interface WordPressErrorBody {
  code?: unknown;
  message?: unknown;
  data?: unknown;
}

/** Turns a non-2xx response from the portal into an AppError carrying WordPress's own code. */
export function httpError(
  status: number,
  body: WordPressErrorBody | undefined,
  headers: Headers,
  context: { method: string; route: string; now: number },
): AppError {
  const wpCode = typeof body?.code === 'string' ? body.code : '';
  const wpMessage = typeof body?.message === 'string' ? stripTags(body.message).slice(0, 300) : '';
  const params: Record<string, string | number> = { status, route: context.route };
  if (wpCode) params.wpCode = wpCode;
  if (wpMessage) params.wpMessage = wpMessage;
  const detail = `${context.method} ${context.route} -> ${status}${wpCode ? ` ${wpCode}` : ''}${wpMessage ? `: ${wpMessage}` : ''}`;

  if (status === 401) {
    return new AppError({ kind: 'auth', code: 'portal.badCredentials', message: `The portal refused the credentials (${detail}).`, params });
  }
  if (status === 403) {
    return new AppError({ kind: 'auth', code: 'portal.forbidden', message: `The account may not do this (${detail}).`, params });
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'), context.now);
    if (retryAfterMs !== undefined) params.retryAfterMs = retryAfterMs;
    return new AppError({ kind: 'portal', code: 'portal.rateLimited', message: `The portal asks to slow down (${detail}).`, retryable: true, params });
  }
  if (status >= 500) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'), context.now);
    if (retryAfterMs !== undefined) params.retryAfterMs = retryAfterMs;
    return new AppError({ kind: 'portal', code: 'portal.serverError', message: `The portal had an error (${detail}).`, retryable: true, params });
  }
  if (status === 404) {
    return new AppError({ kind: 'portal', code: 'portal.notFound', message: `Not found on the portal (${detail}).`, params });
  }
  return new AppError({ kind: 'portal', code: 'portal.rejected', message: `The portal refused the request (${detail}).`, params });
}

function stripTags(text: string): string {
  return text.replace(/<[^>]*>/g, '').trim();
}
