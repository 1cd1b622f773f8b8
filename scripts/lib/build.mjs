// Build helpers shared by `npm start`, `npm run web` and the end-to-end tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** Everything the built renderer is made from. */
const RENDERER_INPUTS = ['src/renderer', 'src/shared', 'electron.vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.web.json'];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function isOutdated(output, inputs) {
  const built = path.join(repoRoot, output);
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return inputs.some((input) => newestMtime(path.join(repoRoot, input)) > builtAt);
}

export function rendererIsOutdated() {
  return isOutdated('out/renderer/index.html', RENDERER_INPUTS);
}

/** Runs `electron-vite build` (main, preload and renderer, into out/ or `outDir`); throws when it fails. */
export function buildApp({ quiet = false, outDir } = {}) {
  const cli = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const args = ['build', ...(quiet ? ['--logLevel', 'warn'] : [])];
  // Absolute: electron-vite resolves a relative --outDir against the renderer's own root.
  if (outDir) args.push('--outDir', path.resolve(repoRoot, outDir));
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error(`electron-vite build failed (exit ${result.status ?? result.signal})`);
  }
}

/** Builds only when the renderer is missing or older than its sources. Returns true when it built. */
export function ensureRendererBuilt(options) {
  if (!rendererIsOutdated()) return false;
  buildApp(options);
  return true;
}
