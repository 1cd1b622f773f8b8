import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir } from './data-dir';

export interface CliOptions {
  /** null: the port used last time on this data folder, else any free one. */
  port: number | null;
  /** Whether to replace the kept access token (tabs opened before are then refused). */
  newToken: boolean;
  dataDir: string;
  staticDir: string;
  /** Passed to the backend; undefined keeps the backend's own default. */
  revisionIntervalMs: number | undefined;
  help: boolean;
}

export const USAGE = [
  'Usage: npm run web -- [--port <n>] [--data <dir>] [--new-token] [--static <dir>] [--revision-interval-ms <ms>]',
  '  --port <n>                  port on 127.0.0.1 (0 = any free port; default: the one used last time',
  '                              on this data folder, else any free port)',
  '  --new-token                 replace the access token kept in the data folder (open tabs must then',
  '                              be opened again with the new address)',
  '  --data <dir>                data folder (default: REDAKSI_DATA_DIR, else the desktop app\'s folder)',
  '  --static <dir>              built renderer (default: out/renderer)',
  '  --revision-interval-ms <ms> how often a revision is kept while writing (default: the app\'s;',
  '                              also REDAKSI_REVISION_INTERVAL_MS)',
].join('\n');

export class CliUsageError extends Error {}

function parseInteger(raw: string, what: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw)) throw new CliUsageError(`${what} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new CliUsageError(`${what} must be between ${min} and ${max}, got ${value}`);
  return value;
}

export interface CliDefaults {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** The built renderer next to the sources (out/renderer). */
  staticDir: string;
}

export function parseCliArgs(argv: string[], defaults: CliDefaults): CliOptions {
  const env = defaults.env ?? process.env;
  const cwd = defaults.cwd ?? process.cwd();
  let values: { port?: string; data?: string; static?: string; 'revision-interval-ms'?: string; 'new-token'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        static: { type: 'string' },
        'revision-interval-ms': { type: 'string' },
        'new-token': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new CliUsageError(err instanceof Error ? err.message : String(err));
  }
  if (values.data === '') throw new CliUsageError('--data needs a folder');
  const port = values.port === undefined ? null : parseInteger(values.port, '--port', 0, 65_535);
  const rawInterval = values['revision-interval-ms'] ?? env.REDAKSI_REVISION_INTERVAL_MS;
  const revisionIntervalMs =
    rawInterval === undefined || rawInterval === '' ? undefined : parseInteger(rawInterval, '--revision-interval-ms', 100, 86_400_000);
  return {
    port,
    newToken: values['new-token'] ?? false,
    dataDir: resolveDataDir(values.data === undefined ? undefined : path.resolve(cwd, values.data), env),
    staticDir: values.static ? path.resolve(cwd, values.static) : defaults.staticDir,
    revisionIntervalMs,
    help: values.help ?? false,
  };
}
