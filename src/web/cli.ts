/**
 * Browser mode from the command line: opens the backend on a data folder, serves the renderer on
 * 127.0.0.1 and prints one line with the address (token included) to stdout. Runs until SIGTERM or
 * SIGINT, then closes the server and the database cleanly and exits 0.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../core/backend';
import { secureDataFolder } from '../core/storage/data-folder-permissions';
import { isAppErrorShape } from '../shared/errors';
import { findRunningHost, loadBrowserSession, removeStaleSessionTempFiles, saveBrowserSession, type SessionOrigin } from './browser-session';
import { CliUsageError, USAGE, parseCliArgs } from './cli-args';
import { createWebHost, type WebHost } from './host';
import { describeStartupError } from './startup-errors';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHUTDOWN_GRACE_MS = 10_000;

const SESSION_WARNINGS: Record<SessionOrigin, string | null> = {
  reused: null,
  new: null,
  'replaced-damaged':
    'berkas kunci akses (browser-session.json) rusak, dibuat kunci baru: tab yang masih terbuka harus dibuka lagi lewat alamat baru / ' +
    'the access token file (browser-session.json) was damaged, a new token was made: tabs still open must be opened again with the new address',
  'replaced-unsafe':
    'berkas kunci akses (browser-session.json) dapat dibaca akun lain, dibuat kunci baru / ' +
    'the access token file (browser-session.json) was readable by other accounts, a new token was made',
};

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

  // Drafts are nobody else's business: what this process creates is 0600 (folders 0700), and a data
  // folder found readable by other accounts is tightened first, saying so.
  process.umask(0o077);
  let tightened: string[];
  try {
    tightened = secureDataFolder(options.dataDir);
  } catch (err) {
    fail(`Redaksi: ${describeStartupError(err, options.dataDir)}`);
  }
  if (tightened.length > 0) {
    process.stderr.write(
      `Redaksi: folder data dapat dibaca akun lain; izinnya kini diperketat (folder 0700, berkas 0600) untuk ${tightened.length} isi, ` +
        `mis. ${tightened.slice(0, 3).join(', ')} / the data folder was readable by other accounts; now tightened (folders 0700, ` +
        `files 0600) for ${tightened.length} entries, e.g. ${tightened.slice(0, 3).join(', ')}\n`,
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
    // Started again on a folder whose host is running (e.g. `npm start` twice): that one is the app.
    // Not when asked for a new token or a port: pointing to the old one would pretend it was done.
    const plainStart = !options.newToken && options.port === null;
    const running = plainStart && isAppErrorShape(err) && err.code === 'dataFolder.inUse' ? await findRunningHost(options.dataDir) : null;
    if (running) {
      process.stdout.write(`Redaksi (browser mode) sudah berjalan untuk folder data ini, buka / is already running for this data folder, open: ${running}\n`);
      process.exit(0);
    }
    fail(`Redaksi: ${describeStartupError(err, options.dataDir)}`);
  }

  // The same token and port as last time on this data folder: tabs left open by a crash resume.
  removeStaleSessionTempFiles(options.dataDir);
  const { session, origin } = loadBrowserSession(options.dataDir, { fresh: options.newToken });
  const warning = SESSION_WARNINGS[origin];
  if (warning) process.stderr.write(`Redaksi: ${warning}\n`);
  const listen = (port: number) =>
    createWebHost({
      invoke: backend.invoke,
      on: backend.on,
      resolveMedia: (variant, hash) => backend.media.resolveFile(variant, hash),
      staticDir: options.staticDir,
      token: session.token,
      port,
      log: (message) => process.stderr.write(`Redaksi: ${message}\n`),
    });
  const port = options.port ?? session.port ?? 0;
  let host: WebHost;
  try {
    try {
      host = await listen(port);
    } catch (err) {
      // Only the remembered port may be given up: a port asked for on the command line is a promise.
      if (options.port !== null || port === 0 || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      host = await listen(0);
      process.stderr.write(
        `Redaksi: port ${port} sudah dipakai, kini port ${host.port}; tab yang masih terbuka tidak dapat tersambung lagi ` +
          `(salin tulisan yang belum tersimpan dari tab itu, lalu buka alamat baru) / port ${port} is in use, now ${host.port}; ` +
          `tabs still open cannot reconnect (copy unsaved text from them, then open the new address)\n`,
      );
    }
  } catch (err) {
    await Promise.resolve(backend.close()).catch(() => undefined);
    const reason = (err as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `port ${port} sudah dipakai / is already in use` : String(err);
    fail(`Redaksi: server tidak dapat dimulai / the server could not start: ${reason}`);
  }
  if (origin !== 'reused' || session.port !== host.port) {
    try {
      saveBrowserSession(options.dataDir, { token: session.token, port: host.port });
    } catch (err) {
      // Still usable now; only a restart would then need the new address.
      process.stderr.write(
        `Redaksi: kunci akses tidak dapat disimpan di folder data, tab yang terbuka tidak akan tersambung lagi setelah Redaksi dijalankan ulang / ` +
          `could not keep the access token in the data folder, open tabs will not reconnect after a restart: ${err instanceof Error ? err.message : String(err)}\n`,
      );
    }
  }

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
  // Only now: whoever reads the address may stop the host at once, and a signal that came before the
  // handlers would end the process without closing the database.
  process.stdout.write(`Redaksi (browser mode): ${host.url}\n`);
}

main().catch((err: unknown) => fail(`Redaksi: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
