/**
 * sharp (libvips) is loaded the first time a photo is prepared, not when the app starts: an installer
 * whose sharp binary does not fit the computer (a Mac build for the other architecture, say) then
 * still opens, writes and saves, and only photos are refused, with a message that names the cause.
 */
import os from 'node:os';
import { AppError } from '../../shared/errors';

export type SharpModule = typeof import('sharp').default;

let loading: Promise<SharpModule> | null = null;

/** The first line of the innermost error: sharp's own words ("Could not load the "sharp" module using the darwin-x64 runtime"). */
function rootCause(err: unknown): string {
  let inner = err;
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
  return (inner instanceof Error ? inner.message : String(inner)).split('\n')[0]!.slice(0, 300);
}

function photosUnavailable(err: unknown): AppError {
  const cause = rootCause(err);
  return Object.assign(
    new AppError({
      kind: 'unsupported',
      code: 'media.photosUnavailable',
      message: `Photos cannot be prepared on this computer: the photo library (sharp) could not be loaded: ${cause}`,
      params: { cause },
    }),
    { cause: err },
  );
}

/** The sharp module, loaded once; a failure to load is the same translated refusal every time. */
export function loadSharp(): Promise<SharpModule> {
  loading ??= import('sharp')
    .then((module) => {
      const sharp = ((module as { default?: SharpModule }).default ?? module) as SharpModule;
      // libvips may start with a single worker thread in containers; photo preparation is the app's
      // heaviest work and a reporter waits for it, so it may use every core.
      sharp.concurrency(os.availableParallelism());
      return sharp;
    })
    .catch((err: unknown) => {
      throw photosUnavailable(err);
    });
  return loading;
}
