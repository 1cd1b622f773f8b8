/**
 * Exactly-once creates on a WordPress without idempotency keys (see docs/sync.md): every post
 * carries its client id as an HTML comment, every photo its content hash in its file name. When a
 * create's outcome is unknown (the connection dropped after sending), the next step is a lookup,
 * never a blind second create.
 */
import { AppError } from '../../shared/errors';
import { mediaFilenameForHash, type PostInput, type WordPressClient, type WpMedia, type WpPost } from './wordpress-client';

export interface OnceResult<T> {
  item: T;
  /** True when an earlier attempt had already made it on the portal. */
  found: boolean;
  attempts: number;
}

export interface OnceOptions {
  /** Set when an earlier attempt may have reached the portal (the outbox row was tried before). */
  mayExist?: boolean;
  /** Attempts in this call; the outbox retries later with backoff when all fail. */
  maxAttempts?: number;
  /** Pause between attempts (tests pass 0). */
  pauseMs?: number;
}

/** An outcome we cannot know: the request may have reached the server. */
export function outcomeUnknown(err: unknown): boolean {
  return err instanceof AppError && (err.params?.outcome === 'unknown' || err.code === 'portal.serverError');
}

async function once<T>(
  lookup: () => Promise<T | undefined>,
  create: () => Promise<T>,
  options: OnceOptions,
): Promise<OnceResult<T>> {
  const maxAttempts = options.maxAttempts ?? 3;
  let mustLookUp = options.mayExist ?? false;
  let lastError: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (mustLookUp) {
      const existing = await lookup();
      if (existing !== undefined) return { item: existing, found: true, attempts: attempt };
    }
    try {
      return { item: await create(), found: false, attempts: attempt };
    } catch (err) {
      if (!(err instanceof AppError) || !err.retryable) throw err;
      // The portal asked us to wait: hand back to the outbox, which honours params.retryAfterMs.
      if (err.code === 'portal.rateLimited') throw err;
      lastError = err;
      // A request refused before sending cannot have acted; anything else must be looked up first.
      mustLookUp = mustLookUp || outcomeUnknown(err);
      if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
    }
  }
  throw lastError;
}

export async function createPostOnce(
  client: WordPressClient,
  clientId: string,
  input: PostInput,
  options: OnceOptions = {},
): Promise<OnceResult<WpPost>> {
  return once(
    async () => (await client.findPostByClientId(clientId))[0],
    () => client.createPost({ ...input, clientId }),
    options,
  );
}

export async function uploadMediaOnce(
  client: WordPressClient,
  photo: { data: Uint8Array; mime: string; contentHash: string; name: string; altText?: string },
  options: OnceOptions = {},
): Promise<OnceResult<WpMedia>> {
  const ext = photo.mime === 'image/webp' ? 'webp' : 'jpg';
  return once(
    async () => (await client.findMediaByContentHash(photo.contentHash))[0],
    () =>
      client.uploadMedia({
        data: photo.data,
        mime: photo.mime,
        filename: mediaFilenameForHash(photo.contentHash, photo.name, ext),
        altText: photo.altText,
      }),
    options,
  );
}
