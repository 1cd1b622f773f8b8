/**
 * Photo preparation: a 24 MP phone JPEG (EXIF with GPS, orientation 6, quality 95 like a phone's
 * camera app) through the app's sharp pipeline, against a pure-JavaScript pipeline (jimp) doing the
 * same work (orient, fit 1600 px, JPEG q80) on the same input in the same run, and against the bare
 * sharp call doing that conversion (interleaved), which shows what our checks, hashes, thumbnail and
 * fsynced writes add on top. Also: how much smaller the result is, the pipeline's peak memory (in a fresh process), one photo at a time and a
 * batch of 20 photos end to end through the real handler (hashing, files, database), against the
 * same 20 photos imported one at a time.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createBackend } from '../../src/core/backend';
import { silentLogger } from '../../src/core/logger';
import { preparePhoto, startConversion } from '../../src/core/media/prepare-photo';
import { makePhonePhoto } from '../../test-support/photos';
import { nowMs, percentile, round, scaled, type Benchmark } from '../harness';

const SHARP_SAMPLES = scaled(15, 4);
const JIMP_SAMPLES = scaled(3, 1);
const BATCH = scaled(20, 4);

/** The bare sharp call doing the same conversion: orient, fit 1600, JPEG q80, nothing else. */
function bareSharp(input: Buffer): Promise<Buffer> {
  return sharp(input).rotate().resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true, kernel: 'mitchell' }).jpeg({ quality: 80 }).toBuffer();
}
const BARE_LABEL = "bare sharp call, same photo: rotate() + resize 1600 inside (Mitchell, as the app) + jpeg q80, interleaved";

async function jimpPipeline(input: Buffer): Promise<Buffer> {
  const { Jimp, JimpMime } = await import('jimp');
  const image = await Jimp.read(input); // applies the EXIF orientation on read
  image.scaleToFit({ w: 1600, h: 1600 });
  return image.getBuffer(JimpMime.jpeg, { quality: 80 });
}

/** Distinct photos without generating each scene again: the same scene with a different mark. */
async function photoVariants(base: Buffer, count: number): Promise<Buffer[]> {
  const { data, info } = await sharp(base).raw().toBuffer({ resolveWithObject: true });
  const out: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const mark = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120"><rect width="400" height="120" fill="hsl(${i * 17},60%,45%)"/></svg>`);
    const raw = await sharp(data, { raw: info }).composite([{ input: mark, left: 100 + i * 40, top: 200 }]).raw().toBuffer({ resolveWithObject: true });
    out.push(await sharp(raw.data, { raw: raw.info }).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer());
  }
  return out;
}

export const photosBenchmark: Benchmark = {
  name: 'photos',
  description: '24 MP phone JPEG -> 1600 px JPEG q80 (p50) against jimp; size ratio; peak memory; batch of 20',
  async run(ctx) {
    ctx.log('generating a 24 MP phone photo (6000x4000, q95, EXIF GPS, orientation 6)...');
    const input = await makePhonePhoto({ width: 6000, height: 4000, orientation: 6, quality: 95 });
    ctx.log(`input ${(input.length / 1024 / 1024).toFixed(2)} MB`);

    await preparePhoto(input); // warm-up
    await bareSharp(input);
    // The whole preparation (also the thumbnail and both hashes), the conversion alone (checks,
    // header, orient, resize, encode) and the bare sharp call, interleaved in a rotating order.
    const sharpTimes: number[] = [];
    const convertTimes: number[] = [];
    const bareTimes: number[] = [];
    let outputBytes = 0;
    // CPU time of the process (libvips' threads included) moves much less with other work on the
    // machine than the wall time does: the ratio that a busy machine can still measure.
    const cpu = { prepare: [] as number[], bare: [] as number[] };
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000;
    };
    const steps = [
      async () => {
        const c0 = process.cpuUsage();
        const t0 = nowMs();
        outputBytes = (await preparePhoto(input)).data.length;
        sharpTimes.push(nowMs() - t0);
        cpu.prepare.push(cpuMs(c0));
      },
      async () => {
        const t0 = nowMs();
        await (await startConversion(input)).result;
        convertTimes.push(nowMs() - t0);
      },
      async () => {
        const c0 = process.cpuUsage();
        const t0 = nowMs();
        await bareSharp(input);
        bareTimes.push(nowMs() - t0);
        cpu.bare.push(cpuMs(c0));
      },
    ];
    for (let i = 0; i < SHARP_SAMPLES; i++) {
      for (let k = 0; k < steps.length; k++) await steps[(i + k) % steps.length]!();
    }
    const jimpTimes: number[] = [];
    for (let i = 0; i < JIMP_SAMPLES; i++) {
      const t0 = nowMs();
      await jimpPipeline(input);
      jimpTimes.push(nowMs() - t0);
    }
    const sharpP50 = percentile(sharpTimes, 50);
    const jimpP50 = percentile(jimpTimes, 50);
    const convertP50 = percentile(convertTimes, 50);
    const bareP50 = percentile(bareTimes, 50);
    ctx.log(`bare sharp call p50 ${bareP50.toFixed(1)} ms (min ${Math.min(...bareTimes).toFixed(1)})`);
    ctx.log(`sharp p50 ${sharpP50.toFixed(1)} ms (min ${Math.min(...sharpTimes).toFixed(1)}), jimp p50 ${jimpP50.toFixed(0)} ms`);
    ctx.log(`conversion alone p50 ${convertP50.toFixed(1)} ms (min ${Math.min(...convertTimes).toFixed(1)})`);
    const jimpLabel = 'jimp 1.x (pure JavaScript) orient + fit 1600 + JPEG q80, same input';
    ctx.report({ bench: 'photo-24mp-convert-only.p50', value: round(convertP50, 1), unit: 'ms', baseline: jimpLabel, ratio: round(convertP50 / jimpP50, 4), n: SHARP_SAMPLES });
    ctx.report({ bench: 'photo-24mp-to-1600.p50', value: round(sharpP50, 1), unit: 'ms', baseline: jimpLabel, ratio: round(sharpP50 / jimpP50, 4), n: SHARP_SAMPLES });
    ctx.report({ bench: 'photo-24mp-convert-only-vs-bare-sharp.p50', value: round(convertP50, 1), unit: 'ms', baseline: BARE_LABEL, ratio: round(convertP50 / bareP50, 3), n: SHARP_SAMPLES });
    ctx.report({ bench: 'photo-24mp-prepare-vs-bare-sharp.p50', value: round(sharpP50, 1), unit: 'ms', baseline: BARE_LABEL, ratio: round(sharpP50 / bareP50, 3), n: SHARP_SAMPLES });
    const bestRatio = Math.min(...sharpTimes) / Math.min(...bareTimes);
    const cpuRatio = percentile(cpu.prepare, 50) / percentile(cpu.bare, 50);
    ctx.log(`preparation against the bare call: best ${bestRatio.toFixed(3)}, CPU time p50 ${percentile(cpu.prepare, 50).toFixed(1)} against ${percentile(cpu.bare, 50).toFixed(1)} ms`);
    ctx.report({ bench: 'photo-24mp-prepare-vs-bare-sharp.min', value: round(Math.min(...sharpTimes), 1), unit: 'ms', baseline: `${BARE_LABEL}, best of run`, ratio: round(bestRatio, 3), n: SHARP_SAMPLES });
    ctx.report({ bench: 'photo-24mp-prepare-vs-bare-sharp.cpu-p50', value: round(percentile(cpu.prepare, 50), 1), unit: 'ms', baseline: `${BARE_LABEL}, CPU time of the process`, ratio: round(cpuRatio, 3), n: SHARP_SAMPLES });
    ctx.report({ bench: 'photo-24mp-speedup-vs-jimp', value: round(jimpP50 / sharpP50, 1), unit: 'ratio', baseline: jimpLabel, ratio: null, n: JIMP_SAMPLES });
    ctx.report({
      bench: 'photo-output-bytes-per-input-byte',
      value: round(outputBytes / input.length, 4),
      unit: 'ratio',
      baseline: `input ${input.length} bytes, output ${outputBytes} bytes`,
      ratio: null,
      n: 1,
    });

    // Peak memory in a process of its own, so nothing else this run allocated is counted.
    const probe = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'photo-memory-probe.ts')], {
      encoding: 'utf8',
      cwd: path.join(__dirname, '..', '..'),
    });
    if (probe.status !== 0) throw new Error(`memory probe failed: ${probe.stderr}`);
    const memory = JSON.parse(probe.stdout.trim().split('\n').pop()!) as { beforeMb: number; peakMb: number };
    ctx.log(`peak RSS ${memory.peakMb} MB (${memory.beforeMb} MB before the first photo)`);
    ctx.report({
      bench: 'photo-pipeline-peak-rss',
      value: memory.peakMb,
      unit: 'MB',
      baseline: `process RSS before the first photo (${memory.beforeMb} MB)`,
      ratio: round(memory.peakMb / memory.beforeMb, 2),
      n: 3,
    });

    ctx.log(`making ${BATCH} distinct photos...`);
    const photos = await photoVariants(input, BATCH);

    // One photo at a time through the real handler: what a reporter waits for after picking a photo
    // (hashing, the duplicate lookup, preparation, both files written, fsynced and renamed, the row).
    let singleTotal = 0;
    const single = createBackend({ dataDir: ctx.tempDir('photos-one'), appVersion: 'bench', transport: 'web', logger: silentLogger });
    try {
      const importTimes: number[] = [];
      const bareSame: number[] = [];
      for (let i = 0; i < photos.length; i++) {
        const bare = async () => {
          const t0 = nowMs();
          await bareSharp(photos[i]!);
          bareSame.push(nowMs() - t0);
        };
        if (i % 2 === 1) await bare();
        const t0 = nowMs();
        const result = await single.invoke('media-import', { fileName: `IMG_${1000 + i}.jpg`, data: photos[i] });
        importTimes.push(nowMs() - t0);
        if (!result.ok) throw new Error(result.error.message);
        if (i % 2 === 0) await bare();
      }
      singleTotal = importTimes.reduce((a, b) => a + b, 0);
      const importP50 = percentile(importTimes, 50);
      const bareP50Same = percentile(bareSame, 50);
      ctx.log(`one photo through media-import (files + database): p50 ${importP50.toFixed(1)} ms (min ${Math.min(...importTimes).toFixed(1)}); bare sharp on the same photos p50 ${bareP50Same.toFixed(1)} ms`);
      ctx.report({ bench: 'photo-24mp-import.p50', value: round(importP50, 1), unit: 'ms', baseline: BARE_LABEL, ratio: round(importP50 / bareP50Same, 3), n: importTimes.length });
    } finally {
      single.close();
    }

    const backend = createBackend({ dataDir: ctx.tempDir('photos'), appVersion: 'bench', transport: 'web', logger: silentLogger });
    try {
      const t0 = nowMs();
      let next = 0;
      // Two at a time, as the editor imports a multi-photo selection.
      const worker = async () => {
        while (next < photos.length) {
          const i = next++;
          const result = await backend.invoke('media-import', { fileName: `IMG_${1000 + i}.jpg`, data: photos[i] });
          if (!result.ok) throw new Error(result.error.message);
        }
      };
      await Promise.all([worker(), worker()]);
      const total = nowMs() - t0;
      ctx.log(`batch of ${BATCH}: ${(total / 1000).toFixed(2)} s (${(total / BATCH).toFixed(0)} ms a photo)`);
      ctx.report({
        bench: `photo-batch-${BATCH}-end-to-end`,
        value: round(total / 1000, 2),
        unit: 's',
        baseline: `${BATCH} x one photo through media-import, one after another (${(singleTotal / 1000).toFixed(2)} s), same photos, same run`,
        ratio: round(total / singleTotal, 3),
        n: BATCH,
      });
    } finally {
      backend.close();
    }
    ctx.log(`load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  },
};
