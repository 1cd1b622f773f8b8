/**
 * How handler arguments that carry bytes (photos) travel over HTTP without base64's third more:
 * every Uint8Array in the arguments is replaced by {"$blob": n} in the JSON, and the blobs follow
 * the JSON in one binary body:
 *
 *   u32 JSON length | JSON (UTF-8) | for each blob: u32 length | bytes      (big-endian lengths)
 *
 * Electron's IPC carries Uint8Array natively, so only the browser-mode transport uses this.
 */

export const FRAMED_CONTENT_TYPE = 'application/x-redaksi-framed';

type Json = unknown;

function containsBytes(value: unknown, depth = 0): boolean {
  if (value instanceof Uint8Array) return true;
  if (depth > 8 || typeof value !== 'object' || value === null) return false;
  return Object.values(value).some((v) => containsBytes(v, depth + 1));
}

export function needsFraming(args: unknown): boolean {
  return containsBytes(args);
}

/** The arguments as JSON with every Uint8Array replaced by {"$blob": n}, and the blobs in that order. */
export function splitBlobs(args: unknown): { json: string; blobs: Uint8Array[] } {
  const blobs: Uint8Array[] = [];
  const json = JSON.stringify(args, (_key, value: unknown) => {
    if (value instanceof Uint8Array) {
      blobs.push(value);
      return { $blob: blobs.length - 1 };
    }
    return value;
  });
  return { json, blobs };
}

export function encodeFramed(args: unknown): Uint8Array {
  const { json, blobs } = splitBlobs(args);
  const jsonBytes = new TextEncoder().encode(json);
  const total = 4 + jsonBytes.length + blobs.reduce((n, b) => n + 4 + b.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, jsonBytes.length);
  out.set(jsonBytes, 4);
  let offset = 4 + jsonBytes.length;
  for (const blob of blobs) {
    view.setUint32(offset, blob.length);
    out.set(blob, offset + 4);
    offset += 4 + blob.length;
  }
  return out;
}

export class FramingError extends Error {}

/**
 * Most blobs a framed body may carry. A call carries one photo; a body of 12 million empty blobs
 * (4 bytes each) kept the host's event loop busy for over 20 s before this bound.
 */
export const MAX_FRAMED_BLOBS = 16;

export function decodeFramed(body: Uint8Array): Json {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  if (body.length < 4) throw new FramingError('body too short');
  const jsonLength = view.getUint32(0);
  if (4 + jsonLength > body.length) throw new FramingError('JSON length out of range');
  const blobs: Uint8Array[] = [];
  let offset = 4 + jsonLength;
  while (offset < body.length) {
    if (blobs.length === MAX_FRAMED_BLOBS) throw new FramingError('too many blobs');
    if (offset + 4 > body.length) throw new FramingError('truncated blob header');
    const length = view.getUint32(offset);
    if (offset + 4 + length > body.length) throw new FramingError('blob length out of range');
    blobs.push(body.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length;
  }
  const text = new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(4, 4 + jsonLength));
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const keys = Object.keys(value);
      const index = (value as { $blob?: unknown }).$blob;
      if (keys.length === 1 && keys[0] === '$blob') {
        if (typeof index !== 'number' || !Number.isInteger(index) || !blobs[index]) throw new FramingError('unknown blob');
        return blobs[index];
      }
    }
    return value;
  });
}
