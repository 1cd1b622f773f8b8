/**
 * Run by the photos benchmark in a fresh process: prepares the 24 MP test photo three times and
 * prints the process's resident memory before and at its peak (JSON on the last line).
 */
import { preparePhoto } from '../src/core/media/prepare-photo';
import { makePhonePhoto } from '../test-support/photos';

const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

async function main(): Promise<void> {
  // The input is made in a child of its own so its own buffers do not count here.
  const input = await makePhonePhoto({ width: 6000, height: 4000, orientation: 6, quality: 95 });
  global.gc?.();
  const beforeMb = mb(process.memoryUsage().rss);
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  for (let i = 0; i < 3; i++) await preparePhoto(input);
  clearInterval(timer);
  // maxRSS (KiB) is the kernel's own high-water mark; it includes making the input, so take the sampled peak.
  process.stdout.write(`${JSON.stringify({ beforeMb, peakMb: mb(Math.max(peak, process.memoryUsage().rss)) })}\n`);
}

void main();
