/**
 * Photos built to cost the computer far more than their size: a progressive JPEG with thousands of
 * scans (a few hundred kilobytes, tens of seconds of libjpeg per file). Sent through the dispatcher
 * as `media-import`; the same bytes through the portal pull: src/core/portal/portal-tests/pull-photos.portal.ts.
 */
import fs from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { MediaImportResult } from '../shared/domain';
import { countJpegScans } from './media/jpeg-scans';
import { DEFAULT_LIMITS } from './media/prepare-photo';
import { seedHostileWorld, snapshotStore } from './testing/hostile-harness';
import { progressiveScanBomb } from './testing/jpeg-scan-bomb';

const locale = (lang: string) => JSON.parse(fs.readFileSync(new URL(`../renderer/src/i18n/locales/${lang}.json`, import.meta.url), 'utf8')) as { errors: { media: Record<string, string> } };

describe('counting JPEG scans from the markers', () => {
  it('counts what encoders write: 1 for baseline, 10 for a libjpeg progressive colour photo', async () => {
    const source = sharp({ create: { width: 640, height: 480, channels: 3, background: '#0f4c5c', noise: { type: 'gaussian', mean: 128, sigma: 40 } } });
    const baseline = await source.clone().jpeg().toBuffer();
    const progressive = await source.clone().jpeg({ progressive: true }).toBuffer();
    expect(countJpegScans(baseline)).toBe(1);
    expect(countJpegScans(progressive)).toBe(10);
    expect(countJpegScans(progressiveScanBomb(64, 64, 499).bytes)).toBe(500);
    // Stops counting once past the cap.
    expect(countJpegScans(progressiveScanBomb(64, 64, 9_999).bytes, 100)).toBe(101);
  });
});

describe('a progressive JPEG scan bomb', () => {
  it('is refused before decoding, at once, with a translated reason, and stores nothing', async () => {
    const bomb = progressiveScanBomb(4000, 4000, 9_999);
    expect(bomb.scans).toBe(10_000);
    expect(bomb.bytes.byteLength).toBeLessThan(400_000);
    const world = await seedHostileWorld();
    try {
      const before = snapshotStore(world.t.dataDir);
      const started = performance.now();
      // Four at once used to fill libuv's thread pool for a minute; a small photo waits behind them.
      const small = new Uint8Array(await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } }).png().toBuffer());
      const refusals = Array.from({ length: 4 }, () => world.t.fail('media-import', { fileName: 'bom.jpg', data: bomb.bytes }));
      const errors = await Promise.all(refusals);
      const elapsed = performance.now() - started;
      for (const err of errors) {
        expect([err.kind, err.code, err.params]).toEqual(['validation', 'media.tooManyScans', { limit: DEFAULT_LIMITS.maxJpegScans }]);
      }
      // Refusing reads only the markers: milliseconds (measured 3 ms for all four); decoding took 47 s each.
      expect(elapsed).toBeLessThan(2_000);
      expect(snapshotStore(world.t.dataDir)).toEqual(before);
      const imported = await world.t.call<MediaImportResult>('media-import', { fileName: 'kecil.png', data: small });
      expect(imported.deduplicated).toBe(false);
    } finally {
      world.t.dispose();
    }
  });

  it('a progressive JPEG at the cap is still prepared', async () => {
    const atCap = progressiveScanBomb(1600, 1200, DEFAULT_LIMITS.maxJpegScans - 1);
    const world = await seedHostileWorld();
    try {
      const imported = await world.t.call<MediaImportResult>('media-import', { fileName: 'abu-abu.jpg', data: atCap.bytes });
      expect({ width: imported.width, height: imported.height }).toEqual({ width: 1600, height: 1200 });
    } finally {
      world.t.dispose();
    }
  });

  it('has its reason in both languages', () => {
    expect(locale('id').errors.media.tooManyScans).toMatch(/\{\{limit, number\}\}/);
    expect(locale('en').errors.media.tooManyScans).toMatch(/\{\{limit, number\}\}/);
    expect(locale('id').errors.media.tooSlow).toMatch(/\{\{seconds, number\}\}/);
    expect(locale('en').errors.media.tooSlow).toMatch(/\{\{seconds, number\}\}/);
  });
});
