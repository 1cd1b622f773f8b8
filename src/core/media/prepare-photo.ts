/**
 * Prepares a photo on the laptop before anything crosses a slow link: decode what the file really
 * is, turn it upright, shrink it to the newsroom's long-edge preset, re-encode it in sRGB and strip
 * every piece of metadata (EXIF with GPS, XMP, IPTC, ICC: GPS in a photo can expose a source).
 *
 * Refusals are AppErrors with codes the UI translates; nothing is written anywhere by this module.
 */
import { createHash } from 'node:crypto';
import type { OutputInfo, Sharp, SharpOptions } from 'sharp';
import { AppError } from '../../shared/errors';
import { decodeHeic, HeicTooLargeError } from './heic';
import { countJpegScans } from './jpeg-scans';
import { loadSharp } from './sharp-loader';
import { sniffImageFormat, type SniffedFormat } from './sniff';

export type LongEdge = 1200 | 1600 | 2048;
export type OutputFormat = 'jpeg' | 'webp';

export interface PhotoPreset {
  longEdge: LongEdge;
  format: OutputFormat;
  quality: number;
}

export const DEFAULT_PRESET: PhotoPreset = { longEdge: 1600, format: 'jpeg', quality: 80 };

export interface PhotoLimits {
  /** Larger files are refused before decoding. */
  maxBytes: number;
  /** Decompression-bomb guard: sharp's own default is about 268 MP; phones shoot at most ~200 MP. */
  maxPixels: number;
  /**
   * Scan-bomb guard, counted from the JPEG's markers before decoding: every scan is a pass over the
   * whole image, and libjpeg reads them all before libvips sees a row (see jpeg-scans.ts).
   */
  maxJpegScans: number;
  /** libvips stops a preparation that runs longer (sharp's `timeout`); 0: no limit. */
  timeoutSeconds: number;
}

export const DEFAULT_LIMITS: PhotoLimits = { maxBytes: 40 * 1024 * 1024, maxPixels: 100_000_000, maxJpegScans: 100, timeoutSeconds: 30 };

const THUMB_EDGE = 320;

export interface PreparedPhoto {
  /** sha256 of the bytes the person gave us: the same photo imported twice has the same hash. */
  sourceHash: string;
  /** sha256 of the prepared file: its address in the media store. */
  fileHash: string;
  data: Buffer;
  thumbnail: Buffer;
  mime: 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
  original: { format: SniffedFormat; width: number; height: number; bytes: number };
}

const ACCEPTED: ReadonlySet<SniffedFormat> = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'avif', 'heic']);

function refuse(code: string, message: string, params?: Record<string, string | number>): AppError {
  return new AppError({ kind: 'validation', code, message, params });
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

type FailOn = NonNullable<SharpOptions['failOn']>;

/**
 * Opens the input with sharp, decoding HEIC to raw pixels first where needed. Gives a way to open it
 * again with another strictness, and reads the header without the pixel limit, so a photo over it is
 * told its own size.
 */
async function openInput(
  input: Uint8Array,
  format: SniffedFormat,
  limits: PhotoLimits,
): Promise<{ open: (failOn: FailOn) => Sharp; header: Sharp }> {
  const sharp = await loadSharp();
  const options: SharpOptions = { limitInputPixels: limits.maxPixels, sequentialRead: true };
  if (format !== 'heic') {
    return { open: (failOn) => sharp(input, { ...options, failOn }), header: sharp(input, { limitInputPixels: false }) };
  }
  try {
    const decoded = await decodeHeic(input, limits.maxPixels);
    const raw = { width: decoded.width, height: decoded.height, channels: 4 as const };
    return { open: (failOn) => sharp(decoded.data, { ...options, failOn, raw }), header: sharp(decoded.data, { raw }) };
  } catch (err) {
    if (err instanceof HeicTooLargeError) throw tooManyPixels(err.width, err.height, limits);
    throw refuse('media.corrupt', 'The HEIC file could not be decoded.');
  }
}

/**
 * libjpeg only warns about damaged scan data (a copy that stopped halfway, overwritten bytes) and
 * fills the rest grey; these warnings mean a broken photo. Others, such as stray bytes before the
 * end marker, are common in photos that are fine.
 */
const JPEG_DAMAGE = /premature end of data segment|bad huffman code|instead of RST|premature end of JPEG file/i;

function tooManyPixels(width: number, height: number, limits: PhotoLimits): AppError {
  return refuse('media.tooManyPixels', `Image of ${width}x${height} pixels is over the limit`, {
    megapixels: Math.round((width * height) / 1e6),
    limit: Math.round(limits.maxPixels / 1e6),
  });
}

function mapSharpError(err: unknown, limits: PhotoLimits): AppError {
  const message = err instanceof Error ? err.message : String(err);
  if (/^timeout:/i.test(message)) {
    return refuse('media.tooSlow', 'Preparing the photo took too long.', { seconds: limits.timeoutSeconds });
  }
  if (/pixel limit/i.test(message)) {
    return refuse('media.tooManyPixels', 'Image is over the pixel limit', { megapixels: 0, limit: Math.round(limits.maxPixels / 1e6) });
  }
  if (/unsupported image format|bad seek|not a known file format/i.test(message)) {
    return refuse('media.unsupported', 'This image format is not supported.');
  }
  return refuse('media.corrupt', 'The image is damaged or incomplete.');
}

/** EXIF orientations 5-8 turn the picture a quarter: the upright size swaps width and height. */
function uprightSize(width: number, height: number, orientation: number | undefined): { width: number; height: number } {
  return orientation !== undefined && orientation >= 5 ? { width: height, height: width } : { width, height };
}

export interface Conversion {
  original: PreparedPhoto['original'];
  /** The prepared file: upright, resized, re-encoded, without metadata. */
  result: Promise<{ data: Buffer; info: OutputInfo }>;
}

function refuseInput(input: Uint8Array, limits: PhotoLimits): SniffedFormat {
  if (input.byteLength === 0) throw refuse('media.empty', 'The file is empty.');
  if (input.byteLength > limits.maxBytes) {
    throw refuse('media.fileTooLarge', 'The file is too large.', {
      megabytes: Math.ceil(input.byteLength / 1024 / 1024),
      limit: Math.floor(limits.maxBytes / 1024 / 1024),
    });
  }
  const format = sniffImageFormat(input);
  if (format === 'unknown') throw refuse('media.notImage', 'The file is not a photo.');
  if (!ACCEPTED.has(format)) throw refuse('media.unsupported', 'This image format is not supported.');
  if (format === 'jpeg') {
    const scans = countJpegScans(input, limits.maxJpegScans);
    if (scans > limits.maxJpegScans) {
      throw refuse('media.tooManyScans', `The JPEG has more than ${limits.maxJpegScans} scans.`, { limit: limits.maxJpegScans });
    }
  }
  return format;
}

/**
 * The conversion alone: checks the input, reads its header and starts libvips on it. Resolves as soon
 * as the work is running, so the caller can do its own (hashing) while libvips decodes.
 */
export async function startConversion(
  input: Uint8Array,
  preset: PhotoPreset = DEFAULT_PRESET,
  limits: PhotoLimits = DEFAULT_LIMITS,
): Promise<Conversion> {
  const format = refuseInput(input, limits);
  try {
    const source = await openInput(input, format, limits);
    const meta = await source.header.metadata(); // the header only: nothing is decoded yet
    const width = meta.width ?? 0;
    const height = meta.height ?? 0;
    if (width <= 0 || height <= 0) throw refuse('media.corrupt', 'The image has no size.');
    if (width * height > limits.maxPixels) throw tooManyPixels(width, height, limits);

    const convert = (failOn: FailOn) => {
      // A JPEG is decoded at half scale straight away (libjpeg's shrink-on-load: 1/4 would need a long
      // edge of 1200 or less from 24 MP), which nothing here may defeat: no explicit angle, no
      // colourspace before the resize, no metadata kept.
      let pipeline = source
        .open(failOn)
        .timeout({ seconds: limits.timeoutSeconds })
        .rotate() // auto-orient from EXIF, then the orientation tag is gone with the rest
        // Mitchell rather than Lanczos: as sharp for photos shrunk this much, a little faster, smaller files.
        .resize({ width: preset.longEdge, height: preset.longEdge, fit: 'inside', withoutEnlargement: true, kernel: 'mitchell' })
        .toColorspace('srgb');
      if (meta.hasAlpha) pipeline = pipeline.flatten({ background: '#ffffff' }); // JPEG has no transparency
      pipeline =
        preset.format === 'webp'
          ? pipeline.webp({ quality: preset.quality })
          : // Baseline, not progressive: measured both smaller and faster to encode for these photos.
            pipeline.jpeg({ quality: preset.quality });
      // No withMetadata()/keepExif(): sharp writes no EXIF, XMP, IPTC or ICC unless asked to.
      return pipeline.toBuffer({ resolveWithObject: true });
    };
    // JPEGs are decoded strictly, so a damaged one is refused rather than stored half grey; one that
    // only has a harmless warning is decoded again, leniently. Other formats warn about harmless
    // things (PNG colour profiles, unknown TIFF tags), so only errors count there.
    const strict = format === 'jpeg';
    const result = convert(strict ? 'warning' : 'error').catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      // A timeout is not decoded again: that would double the time it already took.
      if (!strict || JPEG_DAMAGE.test(message) || /pixel limit|^timeout:/i.test(message)) throw mapSharpError(err, limits);
      return convert('error').catch((again: unknown) => {
        throw mapSharpError(again, limits);
      });
    });
    return { original: { format, ...uprightSize(width, height, meta.orientation), bytes: input.byteLength }, result };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw mapSharpError(err, limits);
  }
}

/**
 * `sourceHash` may be given when the caller has already hashed `input` (the media store does, to find
 * a photo it already has); otherwise it is computed here, while libvips decodes.
 */
export async function preparePhoto(
  input: Uint8Array,
  preset: PhotoPreset = DEFAULT_PRESET,
  limits: PhotoLimits = DEFAULT_LIMITS,
  sourceHash?: string,
): Promise<PreparedPhoto> {
  const conversion = await startConversion(input, preset, limits);
  // Hashing the original takes a few milliseconds: done on this thread while libvips decodes.
  const originalHash = sourceHash ?? sha256(input);
  const { data, info } = await conversion.result;
  const sharp = await loadSharp();
  try {
    // From the prepared file, not the original: libjpeg decodes it at 1/4 scale, a few milliseconds.
    const thumbnail = await sharp(data)
      .resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 70 })
      .toBuffer();
    return {
      sourceHash: originalHash,
      fileHash: sha256(data),
      data,
      thumbnail,
      mime: preset.format === 'webp' ? 'image/webp' : 'image/jpeg',
      width: info.width,
      height: info.height,
      original: conversion.original,
    };
  } catch (err) {
    throw mapSharpError(err, limits);
  }
}
