/**
 * Browser mode from the command line: opens the backend on a data folder, serves the renderer on
 * 127.0.0.1 and prints one line with the address (token included) to stdout. Runs until SIGTERM or
 * SIGINT, then closes the server and the database cleanly and exits 0.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../core/backend';
import { CliUsageError, USAGE, parseCliArgs } from './cli-args';
import { createWebHost, type WebHost } from './host';
import { describeStartupError } from './startup-errors';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHUTDOWN_GRACE_MS = 10_000;

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2), { staticDir: path.join(repoRoot, 'out', 'renderer') });
  } catch (err) {
    if (err instanceof CliUsageError) fail(`Redaksi: ${err.message}\n${USAGE}`, 2);
    throw err;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (!existsSync(path.join(options.staticDir, 'index.html'))) {
    fail(
      `Redaksi: tampilan belum dibangun di ${options.staticDir}; jalankan "npm run build" / ` +
        `the interface is not built in ${options.staticDir}; run "npm run build"`,
    );
  }

  let backend: Awaited<ReturnType<typeof createBackend>>;
  try {
    backend = await createBackend({
      dataDir: options.dataDir,
      appVersion: appVersion(),
      transport: 'web',
      ...(options.revisionIntervalMs === undefined ? {} : { revisionIntervalMs: options.revisionIntervalMs }),
    });
  } catch (err) {
    fail(`Redaksi: ${describeStartupError(err, options.dataDir)}`);
  }

  let host: WebHost;
  try {
    host = await createWebHost({
      invoke: backend.invoke,
      on: backend.on,
      resolveMedia: (variant, hash) => backend.media.resolveFile(variant, hash),
      staticDir: options.staticDir,
      token: randomBytes(32).toString('base64url'),
      port: options.port,
      log: (message) => process.stderr.write(`Redaksi: ${message}\n`),
    });
  } catch (err) {
    await Promise.resolve(backend.close()).catch(() => undefined);
    const reason = (err as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `port ${options.port} sudah dipakai / is already in use` : String(err);
    fail(`Redaksi: server tidak dapat dimulai / the server could not start: ${reason}`);
  }

  process.stdout.write(`Redaksi (browser mode): ${host.url}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    // A second signal (e.g. Ctrl+C reaching both the npm wrapper and this process) changes nothing.
    if (stopping) return;
    stopping = true;
    const forced = setTimeout(() => fail(`Redaksi: shutdown after ${signal} took too long`), SHUTDOWN_GRACE_MS);
    forced.unref();
    (async () => {
      await host.close();
      await backend.close();
    })().then(
      () => process.exit(0),
      (err: unknown) => fail(`Redaksi: error while closing: ${err instanceof Error ? err.message : String(err)}`),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => fail(`Redaksi: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
