/**
 * A day's work without a restart: 200 articles opened one after another, each autosaved after a
 * small edit, and 100 phone photos (12 MP) imported between them, in a host process of its own
 * (bench/day-probe.ts). The figure is the host's resident memory at the end against after the first
 * 10 articles (both after a garbage collection): target ratio <= 1.2, no growth per article.
 * The page's memory is not measured here (no browser run).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { makePhonePhoto } from '../../test-support/photos';
import { buildVocabulary } from '../corpus';
import { round, scaled, type Benchmark } from '../harness';
import { seedLibrary } from './library';

const ARTICLES = scaled(200, 40);
const PHOTOS = scaled(100, 20);

interface Memory {
  rssMb: number;
  heapMb: number;
  externalMb: number;
}

export const dayBenchmark: Benchmark = {
  name: 'day',
  description: `a day without a restart: ${ARTICLES} articles opened and autosaved, ${PHOTOS} photos imported; host memory at the end against after the first 10`,
  async run(ctx) {
    const dataDir = seedLibrary(ctx, buildVocabulary(), ARTICLES, true);
    const photoDir = ctx.tempDir('day-photos');
    ctx.log(`writing ${PHOTOS} distinct 12 MP phone photos...`);
    const base = await makePhonePhoto({ width: 4000, height: 3000, orientation: 6, quality: 92 });
    const { data, info } = await sharp(base).raw().toBuffer({ resolveWithObject: true });
    for (let i = 0; i < PHOTOS; i++) {
      const mark = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="90"><rect width="300" height="90" fill="hsl(${(i * 37) % 360},60%,45%)"/></svg>`);
      const out = await sharp(data, { raw: info }).composite([{ input: mark, left: 50 + (i % 30) * 100, top: 100 + Math.floor(i / 30) * 200 }]).jpeg({ quality: 92 }).withMetadata({ orientation: 6 }).toBuffer();
      fs.writeFileSync(path.join(photoDir, `IMG_${String(2000 + i)}.jpg`), out);
    }
    ctx.log('running the day in a fresh process...');
    const probe = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, '..', 'day-probe.ts'), dataDir, photoDir], {
      encoding: 'utf8',
      cwd: path.join(__dirname, '..', '..'),
    });
    if (probe.status !== 0) throw new Error(`day probe failed: ${probe.stderr}`);
    const day = JSON.parse(probe.stdout.trim().split('\n').pop()!) as { articles: number; photos: number; afterTen: Memory; end: Memory; peakRssMb: number; trace: number[] };
    ctx.log(`after 10 articles: ${JSON.stringify(day.afterTen)}; after ${day.articles} articles and ${day.photos} photos: ${JSON.stringify(day.end)}; peak RSS ${day.peakRssMb} MB`);
    ctx.log(`resident memory (MB, after a collection) every ${Math.max(10, Math.floor(day.articles / 10))} articles: ${day.trace.join(', ')}`);
    const baseline = `the same process after the first 10 articles (${day.afterTen.rssMb} MB resident, ${day.afterTen.heapMb} MB JS heap)`;
    ctx.report({ bench: `day-${day.articles}-articles-${day.photos}-photos.rss`, value: day.end.rssMb, unit: 'MB', baseline, ratio: round(day.end.rssMb / day.afterTen.rssMb, 3), n: day.articles });
    ctx.report({ bench: `day-${day.articles}-articles-${day.photos}-photos.heap`, value: day.end.heapMb, unit: 'MB', baseline, ratio: round(day.end.heapMb / day.afterTen.heapMb, 3), n: day.articles });
  },
};
