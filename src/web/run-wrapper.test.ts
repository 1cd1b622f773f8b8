/**
 * `npm run web` runs scripts/web.mjs through `sh -c`, and the wrapper runs the host as its child
 * (scripts/lib/run.mjs). A SIGTERM to npm ends npm and the shell without passing it on: the wrapper
 * must notice and pass it to the host, which then closes the data folder and exits.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const runModule = pathToFileURL(path.resolve(__dirname, '..', '..', 'scripts', 'lib', 'run.mjs')).href;

describe.skipIf(process.platform === 'win32')('the npm script wrapper', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'redaksi-wrapper-'));
  });
  afterEach(async () => {
    // A child left running (the wrapper failed to pass the signal on) must not outlive the test.
    const pid = Number(await readFile(path.join(dir, 'started'), 'utf8').catch(() => ''));
    if (pid > 0) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('passes SIGTERM on to its child when the shell that started it is killed, and exits with it', async () => {
    const started = path.join(dir, 'started');
    const stopped = path.join(dir, 'stopped');
    // The child stands for the host: it says when it runs, and what it does on SIGTERM.
    const child = `const fs = require('node:fs');
      process.on('SIGTERM', () => { fs.writeFileSync(${JSON.stringify(stopped)}, 'SIGTERM'); process.exit(0); });
      fs.writeFileSync(${JSON.stringify(started)}, String(process.pid));
      setInterval(() => {}, 1000);`;
    const wrapper = `import { runForwardingSignals } from ${JSON.stringify(runModule)};
      runForwardingSignals(process.execPath, ['-e', ${JSON.stringify(child)}]);`;
    // As npm does: a shell in between (the "; true" keeps it from replacing itself with node).
    const shell = spawn('sh', ['-c', `"${process.execPath}" --input-type=module -e '${wrapper.replace(/'/g, `'\\''`)}'; true`], { stdio: 'ignore' });
    await expect.poll(() => existsSync(started), { timeout: 10_000 }).toBe(true);
    shell.kill('SIGTERM');
    await expect.poll(() => existsSync(stopped), { timeout: 5_000 }).toBe(true);
  });
});
