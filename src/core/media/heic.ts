/**
 * HEIC (iPhone photos) is HEVC-coded, which sharp's prebuilt libvips cannot decode (patents), so it
 * is decoded by libheif compiled to WebAssembly (heic-decode). That work is synchronous and heavy,
 * so it runs in a worker thread: the backend's event loop keeps answering autosaves meanwhile.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface DecodedRgba {
  width: number;
  height: number;
  data: Uint8Array;
}

// Plain CommonJS evaluated in the worker; the module path is resolved here so that it works the same
// from sources (tsx, vitest) and from the bundled Electron main process.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const decode = require(workerData.modulePath);
(async () => {
  try {
    const images = await decode.all({ buffer: workerData.input });
    const first = images[0];
    if (!first) throw new Error('no image in HEIC container');
    if (first.width * first.height > workerData.maxPixels) {
      parentPort.postMessage({ tooLarge: true, width: first.width, height: first.height });
      return;
    }
    const image = await first.decode();
    const data = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength);
    parentPort.postMessage({ width: image.width, height: image.height, data }, [data.buffer]);
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) });
  }
})();
`;

let modulePath: string | undefined;
function heicDecodePath(): string {
  modulePath ??= createRequire(import.meta.url).resolve('heic-decode');
  return modulePath;
}

export class HeicTooLargeError extends Error {
  constructor(readonly width: number, readonly height: number) {
    super(`HEIC image of ${width}x${height} pixels is over the limit`);
  }
}

export function decodeHeic(input: Uint8Array, maxPixels: number, timeoutMs = 60_000): Promise<DecodedRgba> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { input, modulePath: heicDecodePath(), maxPixels },
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error('HEIC decoding timed out'));
    }, timeoutMs);
    worker.once('message', (msg: { error?: string; tooLarge?: boolean; width: number; height: number; data: Uint8Array }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (msg.error) reject(new Error(msg.error));
      else if (msg.tooLarge) reject(new HeicTooLargeError(msg.width, msg.height));
      else resolve({ width: msg.width, height: msg.height, data: msg.data });
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
