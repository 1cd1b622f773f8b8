/**
 * better-sqlite3's binary built for another Node/Electron ABI is a stand-in here: every
 * `new Database()` throws what the binding loader throws then. Starting must say so, with the real
 * cause, not that the data folder's lock file cannot be opened.
 */
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../shared/errors';
import { describeStartupFailure } from './startup-failure';
import { createBackend } from '../core/backend';
import { silentLogger } from '../core/logger';
import { tempDirsRemovedAfterEach } from '../core/testing/temp-dirs';

const ABI_FAILURE =
  "The module '/opt/Redaksi/resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 123.";

vi.mock('better-sqlite3', () => ({
  default: class {
    constructor() {
      throw new Error(ABI_FAILURE);
    }
  },
}));

const tempDir = tempDirsRemovedAfterEach('no-sqlite');

describe('without a loadable better-sqlite3', () => {
  it('refuses to start with the engine named and the real cause, not a lock-file error', () => {
    let thrown: unknown;
    try {
      createBackend({ dataDir: tempDir(), appVersion: '0.0.0-test', transport: 'electron', logger: silentLogger, backgroundSync: false, backupSchedule: false });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ kind: 'unsupported', code: 'native.sqliteUnavailable' });
    expect((thrown as AppError).message).toContain('NODE_MODULE_VERSION 115');
    expect((thrown as AppError).message).not.toMatch(/lock/i);

    const { title, message } = describeStartupFailure(thrown, '/home/ayu/.config/Redaksi', 'id-ID');
    expect(title).toBe('Redaksi tidak dapat dibuka');
    expect(message).toContain('Komponen basis data Redaksi tidak dapat dimuat di komputer ini (');
    expect(message).toContain('NODE_MODULE_VERSION 115');
    expect(message).toContain("Redaksi's database component could not be loaded");
    expect(message).not.toMatch(/kunci|lock/i);
  });
});
