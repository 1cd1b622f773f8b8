// `npm start`: builds the app and opens it in Electron. Where Electron cannot run (its binary is not
// installed, or there is no display), says so in one line and starts browser mode instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildApp, repoRoot } from './lib/build.mjs';
import { runForwardingSignals, runWebHost } from './lib/run.mjs';

const require = createRequire(import.meta.url);

const DOWNLOAD_TIMEOUT_MS = 180_000;

/**
 * Electron's package fetches its binary on first use. Done here explicitly, quietly and with a time
 * limit, so a machine without access to the download reports one clear reason instead of a stack.
 */
function downloadElectron(packageDir) {
  const result = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], {
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status === 0) return null;
  if (result.error) return result.error.message;
  const firstLine = `${result.stderr}`.split('\n').find((line) => line.trim() !== '') ?? `exit ${result.status}`;
  return firstLine.trim().slice(0, 200);
}

/** The Electron binary, or the reason there is none. */
function findElectron() {
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const pathFile = path.join(packageDir, 'path.txt');
    const installed = existsSync(pathFile) && existsSync(path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
    if (!installed) {
      const failure = downloadElectron(packageDir);
      if (failure) return { reason: `its binary could not be downloaded: ${failure}` };
    }
  }
  let binary;
  try {
    binary = require('electron');
  } catch (err) {
    return { reason: err.message.split('\n')[0] };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return { reason: 'its binary is missing' };
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  if (probe.status !== 0) return { reason: `its binary does not run (${probe.error?.message ?? `exit ${probe.status}`})` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'there is no display (DISPLAY / WAYLAND_DISPLAY unset)' };
  }
  return { binary };
}

try {
  buildApp();
} catch (err) {
  process.stderr.write(`Redaksi: ${err.message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const electron = findElectron();
if (electron.binary) {
  runForwardingSignals(electron.binary, [repoRoot, ...args], { env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } });
} else {
  process.stdout.write(`Electron cannot run here (${electron.reason}); starting browser mode instead: open the address below.\n`);
  runWebHost(args);
}
