import { describe, expect, it } from 'vitest';
import { decodeFramed, encodeFramed, FramingError, MAX_FRAMED_BLOBS, needsFraming } from './wire';

describe('framed wire format', () => {
  it('carries bytes next to JSON without base64', () => {
    const photo = new Uint8Array([0xff, 0xd8, 0xff, 0, 1, 2, 3]);
    const args = { fileName: 'foto banjir.jpg', data: photo, nested: { more: new Uint8Array([9]) } };
    expect(needsFraming(args)).toBe(true);
    expect(needsFraming({ id: 'x' })).toBe(false);
    const body = encodeFramed(args);
    expect(body.length).toBe(4 + JSON.stringify({ fileName: 'foto banjir.jpg', data: { $blob: 0 }, nested: { more: { $blob: 1 } } }).length + 4 + 7 + 4 + 1);
    const back = decodeFramed(body) as typeof args;
    expect(back.fileName).toBe('foto banjir.jpg');
    expect(Array.from(back.data)).toEqual(Array.from(photo));
    expect(Array.from(back.nested.more)).toEqual([9]);
  });

  it('refuses malformed bodies', () => {
    expect(() => decodeFramed(new Uint8Array([0, 0]))).toThrow(FramingError);
    expect(() => decodeFramed(new Uint8Array([0, 0, 0, 99, 1]))).toThrow(FramingError);
    const unknownBlob = new TextEncoder().encode('{"data":{"$blob":3}}');
    const body = new Uint8Array(4 + unknownBlob.length);
    new DataView(body.buffer).setUint32(0, unknownBlob.length);
    body.set(unknownBlob, 4);
    expect(() => decodeFramed(body)).toThrow(FramingError);
  });

  it('refuses a body of millions of empty blobs at once, not after walking them', () => {
    const json = new TextEncoder().encode('{}');
    const blobCount = 12_000_000;
    const body = new Uint8Array(4 + json.length + 4 * blobCount); // every blob header says "0 bytes"
    new DataView(body.buffer).setUint32(0, json.length);
    body.set(json, 4);
    const started = performance.now();
    expect(() => decodeFramed(body)).toThrow(/too many blobs/);
    expect(performance.now() - started).toBeLessThan(1000);
    // As many blobs as the bound allows still decode.
    const args = { files: Array.from({ length: MAX_FRAMED_BLOBS }, (_, i) => new Uint8Array([i])) };
    expect((decodeFramed(encodeFramed(args)) as typeof args).files).toHaveLength(MAX_FRAMED_BLOBS);
  });
});
