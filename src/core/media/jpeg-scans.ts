/**
 * Counts the scans of a JPEG from its markers, before any decoding. A progressive JPEG decodes one
 * pass over every 8x8 block per scan, and the standard lets a scan of a few bytes cover the whole
 * image (end-of-band runs), so a file of a few hundred kilobytes can hold thousands of scans and keep
 * libjpeg busy for minutes (libjpeg-turbo's report LJT-01-003). Cameras, phones and web encoders
 * write 1 to about 12; the photo pipeline refuses files over a cap (see docs/reliability.md).
 *
 * Walks the segments by their lengths and skips entropy-coded data by looking for the next marker
 * (0xFF followed by anything but a stuffed 0x00 or a restart marker). Stops at EOI, at the end of
 * the bytes, or as soon as the count passes `stopAfter`: the work is linear in the file and tiny.
 */

const SOS = 0xda;
const EOI = 0xd9;
const isRestart = (marker: number): boolean => marker >= 0xd0 && marker <= 0xd7;

export function countJpegScans(bytes: Uint8Array, stopAfter = Number.POSITIVE_INFINITY): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let scans = 0;
  let i = 2; // after SOI
  while (i + 1 < view.length) {
    if (view[i] !== 0xff) return scans; // not at a marker: damaged, the decoder will say so
    let marker = view[i + 1]!;
    while (marker === 0xff && i + 2 < view.length) marker = view[++i + 1]!; // fill bytes
    i += 2;
    if (marker === EOI) return scans;
    if (isRestart(marker) || marker === 0x01) continue; // no length
    if (i + 1 >= view.length) return scans;
    const length = (view[i]! << 8) | view[i + 1]!;
    if (length < 2) return scans;
    i += length;
    if (marker !== SOS) continue;
    if (++scans > stopAfter) return scans;
    // Entropy-coded data: up to the next 0xFF that starts a real marker.
    for (;;) {
      const ff = view.indexOf(0xff, i);
      if (ff < 0 || ff + 1 >= view.length) return scans;
      const next = view[ff + 1]!;
      if (next === 0x00 || isRestart(next) || next === 0xff) {
        i = next === 0xff ? ff + 1 : ff + 2;
        continue;
      }
      i = ff;
      break;
    }
  }
  return scans;
}
