/**
 * What the installed desktop app holds, checked on a real electron-builder run: the main bundle is
 * built, then packaged for Linux into a folder (`--linux dir`) with electron-builder.yml, except that
 * Electron itself is a stand-in (`electronDist`: a folder with a stub `electron`, since no Electron
 * binary can be downloaded here), native modules are not rebuilt and fuses are not flipped (both
 * need the real binary). Fails when something the main process loads at run time is missing from
 * the archive, when the unpacked files include JavaScript (the archive's integrity check does not
 * cover them), or when sharp's binaries for the packaged target are absent.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

interface Packaged {
  resources: string;
  /** Every file in app.asar, as '/node_modules/x/package.json'. */
  archived: Set<string>;
  /** Files unpacked beside it (app.asar.unpacked), relative, with '/' separators. */
  unpacked: string[];
}

let work: string;
let packaged: Packaged;

function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = `${prefix}${entry.name}`;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${rel}/`) : [rel];
  });
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'redaksi-packaging-'));
  const built = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: repoRoot, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`electron-vite build failed:\n${built.stderr}`);

  const stub = path.join(work, 'electron-dist');
  fs.mkdirSync(stub);
  fs.writeFileSync(path.join(stub, 'electron'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  const { build, Platform } = require('electron-builder') as typeof import('electron-builder');
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  await build({
    projectDir: repoRoot,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: {
      extends: './electron-builder.yml',
      electronDist: stub,
      electronVersion,
      npmRebuild: false,
      electronFuses: null,
      directories: { output: path.join(work, 'release'), buildResources: 'resources' },
    },
  });
  const resources = path.join(work, 'release', 'linux-unpacked', 'resources');
  const asar = require('@electron/asar') as typeof import('@electron/asar');
  packaged = {
    resources,
    archived: new Set(asar.listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) => f.split(path.sep).join('/'))),
    unpacked: listFiles(path.join(resources, 'app.asar.unpacked')),
  };
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** Node's lookup from a folder inside the archive: the nearest node_modules/<name> going up. */
function resolvesInArchive(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = path.posix.dirname(dir)) {
    const candidate = path.posix.join(dir, 'node_modules', name);
    if (packaged.archived.has(`${candidate}/package.json`)) return candidate;
    if (dir === '/') return null;
  }
}

function readArchived(file: string): string {
  const asar = require('@electron/asar') as typeof import('@electron/asar');
  return asar.extractFile(path.join(packaged.resources, 'app.asar'), file.replace(/^\//, '')).toString('utf8');
}

describe('the packaged desktop app (electron-builder --linux dir, stand-in Electron)', () => {
  it('holds every module the main process loads at run time, and what those modules need', () => {
    const main = fs.readFileSync(path.join(repoRoot, 'out', 'main', 'index.js'), 'utf8');
    expect(packaged.archived.has('/out/main/index.js')).toBe(true);
    expect(packaged.archived.has('/out/preload/index.js')).toBe(true);
    expect(packaged.archived.has('/out/renderer/index.html')).toBe(true);
    // require("x") and require.resolve("x") (the HEIC worker's module is resolved by path).
    const bare = [...main.matchAll(/require(?:\.resolve)?\("([^"./][^"]*)"\)/g)].map((m) => m[1]!.split('/').slice(0, m[1]!.startsWith('@') ? 2 : 1).join('/'));
    const wanted = [...new Set(bare)].filter((name) => name !== 'electron' && !isBuiltin(name));
    expect(wanted).toEqual(expect.arrayContaining(['better-sqlite3', 'sharp']));
    const missing: string[] = [];
    const seen = new Set<string>();
    const queue = wanted.map((name) => ({ name, from: '/out/main', by: 'out/main/index.js' }));
    while (queue.length > 0) {
      const { name, from, by } = queue.shift()!;
      const dir = resolvesInArchive(name, from);
      if (!dir) {
        missing.push(`${name} (needed by ${by})`);
        continue;
      }
      if (seen.has(dir)) continue;
      seen.add(dir);
      const pkg = JSON.parse(readArchived(`${dir}/package.json`)) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
      const optional = new Set(Object.keys(pkg.optionalDependencies ?? {}));
      for (const dep of Object.keys(pkg.dependencies ?? {})) if (!optional.has(dep)) queue.push({ name: dep, from: dir, by: name });
    }
    expect(missing).toEqual([]);
  });

  it('unpacks only native binaries and libvips, never JavaScript', () => {
    expect(packaged.unpacked.filter((file) => /\.(c|m)?js$|\.json$/.test(file))).toEqual([]);
    expect(packaged.unpacked.filter((file) => !/\.node$|\.so(\.\d+)*$|\.dylib$|\.dll$/.test(file))).toEqual([]);
    expect(packaged.unpacked).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/build/Release/better_sqlite3.node']));
    // Nor build leftovers anywhere: C sources, object files.
    expect([...packaged.archived, ...packaged.unpacked].filter((file) => /\.(c|cc|h|o|a|obj)$/.test(file))).toEqual([]);
  });

  it("carries sharp's binaries for the packaged target (linux-x64), unpacked beside each other", () => {
    expect(packaged.unpacked.filter((file) => /^node_modules\/@img\/sharp-linux-x64\/lib\/sharp-linux-x64[^/]*\.node$/.test(file))).toHaveLength(1);
    expect(packaged.unpacked.filter((file) => /^node_modules\/@img\/sharp-libvips-linux-x64\/lib\/libvips-cpp\.so/.test(file))).toHaveLength(1);
    // Their package.json files stay in the archive, where sharp looks them up.
    expect(packaged.archived.has('/node_modules/@img/sharp-linux-x64/package.json')).toBe(true);
  });
});
