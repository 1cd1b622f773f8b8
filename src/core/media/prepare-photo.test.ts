import fs from 'node:fs';
import path from 'node:path';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  makeDecompressionBomb,
  makeFakeJpeg,
  makeHalfCopiedJpeg,
  makeJpegWithOddScanHeader,
  makePhonePhoto,
  makeTruncatedJpeg,
} from '../../../test-support/photos';
import { AppError } from '../../shared/errors';
import { DEFAULT_LIMITS, preparePhoto } from './prepare-photo';
import { sniffImageFormat } from './sniff';

// A 1008x756 photo with a GPS position in its EXIF, encoded as HEIC by libheif (heif-enc).
const HEIC_FIXTURE = path.resolve(__dirname, '../../../test-support/fixtures/iphone-photo.heic');

async function refusalError(input: Uint8Array, limits?: Parameters<typeof preparePhoto>[2]): Promise<AppError> {
  try {
    await preparePhoto(input, undefined, limits);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).kind).toBe('validation');
    return err as AppError;
  }
  throw new Error('the photo was accepted');
}

async function refusal(input: Uint8Array, limits?: Parameters<typeof preparePhoto>[2]): Promise<string> {
  return (await refusalError(input, limits)).code;
}

async function expectNoMetadata(data: Uint8Array): Promise<void> {
  const meta = await sharp(data).metadata();
  expect(meta.exif).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.iptc).toBeUndefined();
  expect(meta.icc).toBeUndefined();
  expect(meta.orientation).toBeUndefined();
}

describe('preparePhoto', () => {
  let phonePhoto: Buffer;
  beforeAll(async () => {
    // Stored lying on its side (3000x2000) with orientation 6: the picture is portrait, 2000x3000.
    phonePhoto = await makePhonePhoto({ width: 3000, height: 2000, orientation: 6 });
    const meta = await sharp(phonePhoto).metadata();
    expect(meta.orientation).toBe(6);
    expect(exifReader(meta.exif!).GPSInfo?.GPSLatitudeRef).toBe('S');
  });

  it('turns the photo upright, shrinks it to the preset and strips every piece of metadata', async () => {
    const prepared = await preparePhoto(phonePhoto);
    expect(prepared.mime).toBe('image/jpeg');
    expect({ width: prepared.width, height: prepared.height }).toEqual({ width: 1067, height: 1600 });
    expect(prepared.original).toEqual({ format: 'jpeg', width: 2000, height: 3000, bytes: phonePhoto.length });
    const out = await sharp(prepared.data).metadata();
    expect(out.format).toBe('jpeg');
    expect({ width: out.width, height: out.height }).toEqual({ width: 1067, height: 1600 });
    await expectNoMetadata(prepared.data);
    expect(prepared.data.length).toBeLessThan(phonePhoto.length / 5);
    const thumb = await sharp(prepared.thumbnail).metadata();
    expect(Math.max(thumb.width!, thumb.height!)).toBe(320);
    await expectNoMetadata(prepared.thumbnail);
  });

  it('turns the picture itself upright, not only its size', async () => {
    // Stored sideways with a red block in the stored top-left corner: orientation 6 means the camera was
    // turned a quarter clockwise, so upright the block is in the top-right corner (8: bottom-left).
    const stored = await sharp({ create: { width: 1500, height: 1000, channels: 3, background: '#808080' } })
      .composite([{ input: { create: { width: 300, height: 300, channels: 3, background: '#ff0000' } }, left: 0, top: 0 }])
      .jpeg({ quality: 95 })
      .toBuffer();
    const redAt = async (data: Buffer, corner: 'top-right' | 'bottom-left'): Promise<number> => {
      const { data: px, info } = await sharp(data).raw().toBuffer({ resolveWithObject: true });
      const x = corner === 'top-right' ? info.width - 20 : 20;
      const y = corner === 'top-right' ? 20 : info.height - 20;
      return px[(y * info.width + x) * info.channels]!;
    };
    for (const [orientation, corner] of [[6, 'top-right'], [8, 'bottom-left']] as const) {
      const input = await sharp(stored).withMetadata({ orientation }).jpeg({ quality: 95 }).toBuffer();
      const prepared = await preparePhoto(input);
      expect({ width: prepared.width, height: prepared.height }).toEqual({ width: 1000, height: 1500 });
      expect(await redAt(prepared.data, corner)).toBeGreaterThan(200);
      expect(await redAt(prepared.thumbnail, corner)).toBeGreaterThan(200);
    }
  });

  it('gives 8-bit sRGB whatever the input holds (16-bit, CMYK, greyscale)', async () => {
    const teal = { r: 0x33, g: 0x66, b: 0x99 };
    const base = () => sharp({ create: { width: 400, height: 300, channels: 3, background: teal } });
    const inputs = {
      rgb16: await base().toColourspace('rgb16').png().toBuffer(),
      cmyk: await base().toColourspace('cmyk').jpeg({ quality: 95 }).toBuffer(),
      grey: await base().greyscale().jpeg({ quality: 95 }).toBuffer(),
    };
    for (const [kind, input] of Object.entries(inputs)) {
      const prepared = await preparePhoto(input);
      const meta = await sharp(prepared.data).metadata();
      expect({ space: meta.space, depth: meta.depth, channels: meta.channels }).toEqual({ space: 'srgb', depth: 'uchar', channels: 3 });
      await expectNoMetadata(prepared.data);
      if (kind === 'grey') continue;
      // CMYK goes through a profile, so only roughly the same colour; 16-bit must be scaled, not clipped.
      const [red, , blue] = (await sharp(prepared.data).stats()).channels;
      expect(Math.abs(red!.mean - teal.r)).toBeLessThan(25);
      expect(Math.abs(blue!.mean - teal.b)).toBeLessThan(25);
    }
  });

  it('follows the selected preset and never enlarges a small photo', async () => {
    const webp = await preparePhoto(phonePhoto, { longEdge: 1200, format: 'webp', quality: 80 });
    expect(webp.mime).toBe('image/webp');
    expect((await sharp(webp.data).metadata()).format).toBe('webp');
    expect(Math.max(webp.width, webp.height)).toBe(1200);
    const small = await makePhonePhoto({ width: 800, height: 600, orientation: 1 });
    const kept = await preparePhoto(small, { longEdge: 2048, format: 'jpeg', quality: 80 });
    expect({ width: kept.width, height: kept.height }).toEqual({ width: 800, height: 600 });
  });

  it('gives the same hashes for the same photo and preset', async () => {
    const a = await preparePhoto(phonePhoto);
    const b = await preparePhoto(Buffer.from(phonePhoto));
    expect(a.sourceHash).toBe(b.sourceHash);
    expect(a.fileHash).toBe(b.fileHash);
  });

  it('flattens transparency onto white for JPEG', async () => {
    const png = await sharp({ create: { width: 40, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const prepared = await preparePhoto(png);
    const { data } = await sharp(prepared.data).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(245);
  });

  it('converts an iPhone HEIC photo and drops its GPS position', async () => {
    const heic = fs.readFileSync(HEIC_FIXTURE);
    expect(sniffImageFormat(heic)).toBe('heic');
    expect(exifReader((await sharp(heic).metadata()).exif!).GPSInfo?.GPSLongitudeRef).toBe('E');
    const prepared = await preparePhoto(heic);
    expect(prepared.original.format).toBe('heic');
    expect({ width: prepared.width, height: prepared.height }).toEqual({ width: 1008, height: 756 });
    await expectNoMetadata(prepared.data);
  });

  it('refuses what is not a usable photo, each with its own reason', async () => {
    expect(await refusal(new Uint8Array(0))).toBe('media.empty');
    expect(await refusal(makeFakeJpeg())).toBe('media.notImage');
    expect(await refusal(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBe('media.notImage');
    expect(await refusal(Buffer.from('Banjir di Tenggarong, bukan foto'))).toBe('media.notImage');
    expect(await refusal(await makeTruncatedJpeg())).toBe('media.corrupt');
    expect(await refusal(await makeDecompressionBomb())).toBe('media.tooManyPixels');
    expect(await refusal(phonePhoto, { ...DEFAULT_LIMITS, maxBytes: 1024 })).toBe('media.fileTooLarge');
    // A JPEG header followed by garbage.
    const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 0x41)]);
    expect(await refusal(garbage)).toBe('media.corrupt');
  });

  it('refuses a JPEG whose scan data stops halfway even when it ends with an end marker', async () => {
    expect(await refusal(await makeHalfCopiedJpeg())).toBe('media.corrupt');
  });

  it('accepts a whole JPEG whose only fault is a harmless warning', async () => {
    const prepared = await preparePhoto(await makeJpegWithOddScanHeader());
    expect({ width: prepared.width, height: prepared.height }).toEqual({ width: 800, height: 600 });
  });

  it('tells a photo over the pixel limit its own size', async () => {
    const bomb = await refusalError(await makeDecompressionBomb());
    expect(bomb.params).toEqual({ megapixels: 3600, limit: 100 });
    const big = await refusalError(phonePhoto, { ...DEFAULT_LIMITS, maxPixels: 5_000_000 });
    expect(big.code).toBe('media.tooManyPixels');
    expect(big.params).toEqual({ megapixels: 6, limit: 5 });
  });
});
