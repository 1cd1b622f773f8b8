/**
 * What the benchmarks that run in a real browser share: the renderer built, a browser-mode host on
 * its own data folder, Debian's Chromium through Playwright, and timing "until painted" in the page.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';

const CHROMIUM = process.env.REDAKSI_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const repoRoot = path.resolve(__dirname, '..');

/** The host serves out/renderer: build it first when the sources are newer. */
export function ensureRendererBuilt(): void {
  const build = spawnSync(process.execPath, ['--input-type=module', '-e', "(await import('./scripts/lib/build.mjs')).ensureRendererBuilt({ quiet: true })"], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('building the renderer failed');
}

export async function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/cli.ts', '--port', '0', '--data', dataDir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
  return { child, url };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined, args: CHROMIUM_ARGS });
}

/**
 * Runs `action` in the page and returns the ms until `readyCheck` holds and a frame has been painted.
 * Sent as source text: functions compiled by tsx carry helpers (__name) the page does not have.
 */
export async function timeUntilPainted(page: Page, action: string, readyCheck: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    ${action};
    const poll = () => ((${readyCheck}) ? requestAnimationFrame(() => resolve(performance.now() - t0)) : requestAnimationFrame(poll));
    poll();
  })`) as Promise<number>;
}
