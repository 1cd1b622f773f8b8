import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from './cli-args';
import { defaultDataDir, resolveDataDir } from './data-dir';
import { describeStartupError } from './startup-errors';
import { AppError } from '../shared/errors';

const defaults = { env: {}, cwd: '/work/here', staticDir: '/app/out/renderer' };

describe('command line of browser mode', () => {
  it('reads port, data folder, static folder and revision interval', () => {
    const options = parseCliArgs(['--port', '8123', '--data', 'data', '--static', 'built', '--revision-interval-ms', '1500'], defaults);
    expect(options).toEqual({
      port: 8123,
      newToken: false,
      dataDir: path.resolve('/work/here', 'data'),
      staticDir: path.resolve('/work/here', 'built'),
      revisionIntervalMs: 1500,
      help: false,
    });
    expect(parseCliArgs(['--help'], defaults).help).toBe(true);
    expect(parseCliArgs(['--new-token'], defaults).newToken).toBe(true);
    expect(parseCliArgs(['--port', '0'], defaults).port).toBe(0);
  });

  it('defaults to the remembered port (null), the built renderer and the backend\'s own revision interval', () => {
    const options = parseCliArgs([], { ...defaults, env: { REDAKSI_DATA_DIR: '/srv/redaksi' } });
    expect(options.port).toBeNull();
    expect(options.newToken).toBe(false);
    expect(options.staticDir).toBe('/app/out/renderer');
    expect(options.dataDir).toBe(path.resolve('/srv/redaksi'));
    expect(options.revisionIntervalMs).toBeUndefined();
  });

  it('takes the revision interval from REDAKSI_REVISION_INTERVAL_MS, the flag winning', () => {
    expect(parseCliArgs([], { ...defaults, env: { REDAKSI_REVISION_INTERVAL_MS: '2000' } }).revisionIntervalMs).toBe(2000);
    expect(
      parseCliArgs(['--revision-interval-ms', '3000'], { ...defaults, env: { REDAKSI_REVISION_INTERVAL_MS: '2000' } }).revisionIntervalMs,
    ).toBe(3000);
  });

  it.each([
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--port', '-1']],
    [['--port']],
    [['--data', '']],
    [['--unknown']],
    [['stray']],
    [['--revision-interval-ms', '5']],
  ])('refuses %j with a usage error', (argv) => {
    expect(() => parseCliArgs(argv, defaults)).toThrow(CliUsageError);
  });
});

describe('default data folder (same as the desktop app)', () => {
  it('uses ~/.config/Redaksi on Linux, honouring an absolute XDG_CONFIG_HOME', () => {
    expect(defaultDataDir({}, 'linux', '/home/ayu')).toBe('/home/ayu/.config/Redaksi');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/data/cfg' }, 'linux', '/home/ayu')).toBe('/data/cfg/Redaksi');
    expect(defaultDataDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/ayu')).toBe('/home/ayu/.config/Redaksi');
  });

  it('uses %APPDATA%\\Redaksi on Windows', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\Ayu\\AppData\\Roaming' }, 'win32', 'C:\\Users\\Ayu')).toBe(
      'C:\\Users\\Ayu\\AppData\\Roaming\\Redaksi',
    );
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\Ayu')).toBe('C:\\Users\\Ayu\\AppData\\Roaming\\Redaksi');
  });

  it('uses ~/Library/Application Support/Redaksi on macOS', () => {
    expect(defaultDataDir({}, 'darwin', '/Users/ayu')).toBe('/Users/ayu/Library/Application Support/Redaksi');
  });

  it('prefers --data, then REDAKSI_DATA_DIR', () => {
    expect(resolveDataDir('/a', { REDAKSI_DATA_DIR: '/b' })).toBe(path.resolve('/a'));
    expect(resolveDataDir(undefined, { REDAKSI_DATA_DIR: '/b' })).toBe(path.resolve('/b'));
  });
});

describe('startup refusal message', () => {
  it('explains a database made by a newer version in both languages, on one line', () => {
    const message = describeStartupError(
      new AppError({ kind: 'unsupported', code: 'database.tooNew', message: 'Database schema 9 is newer than 2' }),
      '/data',
    );
    expect(message).toContain('versi Redaksi yang lebih baru');
    expect(message).toContain('newer version of Redaksi');
    expect(message).not.toContain('\n');
  });

  it('keeps the cause of other failures on one line', () => {
    const message = describeStartupError(new Error('EACCES: permission denied\n  at open'), '/data');
    expect(message).toContain('EACCES: permission denied');
    expect(message).not.toContain('\n');
  });
});
