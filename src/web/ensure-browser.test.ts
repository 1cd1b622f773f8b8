/**
 * scripts/ensure-browser.mjs runs before the end-to-end tests: with no Chromium to be had it stops with
 * one line saying what to install, instead of one Playwright error per test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const script = path.resolve(__dirname, '..', '..', 'scripts', 'ensure-browser.mjs');

function run(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const clean = { ...process.env };
  delete clean.REDAKSI_CHROMIUM;
  const result = spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...clean, ...env }, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the browser check before the end-to-end tests', () => {
  it('stops with one line saying what to install when there is no Chromium and nothing may be installed', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'redaksi-no-browsers-'));
    try {
      const result = run({ REDAKSI_SYSTEM_CHROMIUM: path.join(empty, 'chromium'), PLAYWRIGHT_BROWSERS_PATH: empty, REDAKSI_NO_BROWSER_INSTALL: '1' });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('the end-to-end tests need Chromium');
      expect(lines[0]).toContain('sudo apt-get install chromium');
      expect(lines[0]).toContain('npx playwright install chromium');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('refuses a REDAKSI_CHROMIUM that does not exist and accepts one that does, silently', () => {
    const missing = run({ REDAKSI_CHROMIUM: '/nonexistent/chromium' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('REDAKSI_CHROMIUM=/nonexistent/chromium does not exist');
    expect(run({ REDAKSI_CHROMIUM: process.execPath })).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});
