/**
 * Photos for tests and benchmarks, made on the spot: a phone-like JPEG with camera EXIF, a GPS
 * position and an orientation flag, plus the broken and hostile files the importer must refuse.
 * Deterministic (seeded), so sizes and timings are comparable between runs.
 */
import sharp from 'sharp';
import { createRandom } from './random';

export interface PhonePhotoOptions {
  width?: number;
  height?: number;
  /** EXIF orientation: 6 = the camera was held upright (picture stored lying on its side). */
  orientation?: number;
  quality?: number;
  seed?: number;
}

/** A GPS position in Tenggarong, Kutai Kartanegara: what a leaked photo would reveal. */
export const TEST_GPS = { latitude: '0/1 25/1 1200/100', latitudeRef: 'S', longitude: '116/1 59/1 3000/100', longitudeRef: 'E' };

/**
 * Scene-like content: a sky gradient, ground, a few hundred coloured shapes and fine sensor noise,
 * so the encoder works about as hard as on a real street photo (pure noise or flat colour would not).
 */
export async function makePhonePhoto(options: PhonePhotoOptions = {}): Promise<Buffer> {
  const { width = 4000, height = 3000, orientation = 6, quality = 92, seed = 7 } = options;
  const rand = createRandom(seed);
  // The scene is drawn at a quarter of the size and scaled up (soft edges, like optics), then sensor
  // noise is blended in: all inside libvips, a few seconds even at 24 MP.
  const sw = Math.ceil(width / 4);
  const sh = Math.ceil(height / 4);
  const shapes: string[] = [];
  for (let i = 0; i < 400; i++) {
    const x = Math.round(rand() * sw);
    const y = Math.round(sh * 0.35 + rand() * sh * 0.65);
    const w = Math.round(5 + rand() * sw * 0.08);
    const h = Math.round(5 + rand() * sh * 0.12);
    const hue = Math.round(rand() * 360);
    shapes.push(`<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="hsl(${hue},${40 + Math.round(rand() * 40)}%,${25 + Math.round(rand() * 45)}%)" fill-opacity="0.85"/>`);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${sw}" height="${sh}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#4a78b0"/><stop offset="1" stop-color="#c9dced"/></linearGradient></defs>
    <rect width="${sw}" height="${sh * 0.4}" fill="url(#sky)"/>
    <rect y="${sh * 0.4}" width="${sw}" height="${sh * 0.6}" fill="#6b5a3e"/>
    ${shapes.join('')}
  </svg>`;
  // Rendered at its own size, then scaled as pixels (sharp would otherwise re-render the SVG large).
  const small = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const scene = await sharp(small.data, { raw: small.info }).resize(width, height).raw().toBuffer({ resolveWithObject: true });
  const noise = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 12 } } })
    .raw()
    .toBuffer();
  // Composited to raw first: one pipeline with composite and EXIF together is very slow in libvips.
  const photo = await sharp(scene.data, { raw: scene.info })
    .composite([{ input: noise, raw: { width, height, channels: 3 }, blend: 'soft-light' }])
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(photo.data, { raw: photo.info })
    .jpeg({ quality })
    .withExif({
      IFD0: { Make: 'samsung', Model: 'SM-A546E', Software: 'A546EXXU4BWK1', DateTime: '2026:11:24 09:12:44' },
      IFD3: {
        GPSLatitudeRef: TEST_GPS.latitudeRef,
        GPSLatitude: TEST_GPS.latitude,
        GPSLongitudeRef: TEST_GPS.longitudeRef,
        GPSLongitude: TEST_GPS.longitude,
      },
    })
    .withMetadata({ orientation })
    .toBuffer();
}

/** A tiny PNG declaring 60,000 x 60,000 pixels (3.6 gigapixels): a classic decompression bomb. */
export async function makeDecompressionBomb(): Promise<Buffer> {
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#fff' } }).png().toBuffer();
  const bomb = Buffer.from(png);
  // IHDR width/height live at bytes 16-23; the CRC after them is recomputed so decoders read the header.
  bomb.writeUInt32BE(60_000, 16);
  bomb.writeUInt32BE(60_000, 20);
  const crc = crc32(bomb.subarray(12, 29));
  bomb.writeUInt32BE(crc, 29);
  return bomb;
}

/** A Windows executable's first bytes under a .jpg name. */
export function makeFakeJpeg(): Buffer {
  const exe = Buffer.alloc(4096, 0);
  exe.write('MZ', 0, 'latin1');
  exe.write('This program cannot be run in DOS mode.', 78, 'latin1');
  return exe;
}

/** A real JPEG cut off after a third of its bytes, as a dropped transfer leaves it. */
export async function makeTruncatedJpeg(): Promise<Buffer> {
  const full = await makePhonePhoto({ width: 800, height: 600, orientation: 1 });
  return full.subarray(0, Math.floor(full.length / 3));
}

/** A copy that stopped halfway but still ends with an end marker: libjpeg only warns and paints grey. */
export async function makeHalfCopiedJpeg(): Promise<Buffer> {
  const full = await makePhonePhoto({ width: 800, height: 600, orientation: 1 });
  return Buffer.concat([full.subarray(0, Math.floor(full.length / 2)), Buffer.from([0xff, 0xd9])]);
}

/**
 * A whole photo whose scan header has a spectral-selection end that baseline JPEG ignores (some
 * encoders write it): libjpeg warns "Invalid SOS parameters for sequential JPEG", the picture is fine.
 */
export async function makeJpegWithOddScanHeader(): Promise<Buffer> {
  const photo = Buffer.from(await makePhonePhoto({ width: 800, height: 600, orientation: 1 }));
  let at = 2; // segments after SOI: marker (2 bytes) + length (2 bytes, counting itself) + data
  while (at < photo.length && !(photo[at] === 0xff && photo[at + 1] === 0xda)) at += 2 + photo.readUInt16BE(at + 2);
  const components = photo[at + 4]!;
  photo[at + 5 + components * 2 + 1] = 62; // Se: 63 in every baseline scan
  return photo;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
