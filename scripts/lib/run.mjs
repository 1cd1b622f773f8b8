// Runs a child in this process tree: signals sent to us reach it, and we exit with its exit code.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { repoRoot } from './build.mjs';

export function runForwardingSignals(command, args, options = {}) {
  const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', ...options });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  const signals = process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, () => forward(signal));
  // `npm run …` starts us through `sh -c`; a SIGTERM to npm ends npm and that shell without passing it
  // on, and the child would keep running (the browser-mode host holding its data folder). Left without
  // our parent (POSIX hands us to another), we pass SIGTERM on and exit with the child as always.
  const parent = process.ppid;
  const orphanWatch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(orphanWatch);
    forward('SIGTERM');
  }, 200);
  child.on('exit', () => clearInterval(orphanWatch));
  child.on('error', (err) => {
    process.stderr.write(`Redaksi: could not start ${command}: ${err.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (code !== null) process.exit(code);
    process.exit(128 + (constants.signals[signal] ?? 1));
  });
  return child;
}

/** The browser-mode host, run from source with tsx. */
export function runWebHost(args) {
  return runForwardingSignals(process.execPath, ['--import', 'tsx', 'src/web/cli.ts', ...args]);
}
