import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { makeTempDir, removeDir } from '../testing/fixtures';
import { LOCK_FILE_NAME, lockDataFolder, type DataFolderLock } from './data-folder-lock';

const dirs: string[] = [];
const locks: DataFolderLock[] = [];
const children: ChildProcess[] = [];
function tempDir(): string {
  const dir = makeTempDir('lock');
  dirs.push(dir);
  return dir;
}
function lock(dir: string): DataFolderLock {
  const held = lockDataFolder(dir);
  locks.push(held);
  return held;
}
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const held of locks.splice(0)) held.release();
  while (dirs.length > 0) removeDir(dirs.pop()!);
});

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected the lock to be refused');
}

/** Another process holding the folder's lock until it is killed; resolves once it holds it. */
function holdInChild(dir: string): Promise<ChildProcess> {
  const script = `
    const { lockDataFolder } = require(${JSON.stringify(path.join(__dirname, 'data-folder-lock.ts'))});
    lockDataFolder(${JSON.stringify(dir)});
    process.stdout.write('held\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      if (chunk.includes('held')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`the lock holder exited early (${code})`)));
  });
}

describe('one Redaksi per data folder', () => {
  it('refuses a second lock on the folder at once, in the same process, and allows it again after release', () => {
    const dir = tempDir();
    const first = lock(dir);
    const started = performance.now();
    const err = refusal(() => lockDataFolder(dir));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(err).toMatchObject({ kind: 'conflict', code: 'dataFolder.inUse', params: { dir } });
    first.release();
    first.release(); // twice changes nothing
    lock(dir).release();
  });

  it('leaves only one empty file beside the data, and locks different folders independently', () => {
    const one = tempDir();
    const two = tempDir();
    lock(one);
    lock(two);
    expect(fs.readdirSync(one)).toEqual([LOCK_FILE_NAME]);
    expect(fs.statSync(path.join(one, LOCK_FILE_NAME)).size).toBe(0);
  });

  it('says the folder cannot be locked, naming the lock file, when the lock file cannot be opened', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, LOCK_FILE_NAME));
    const err = refusal(() => lockDataFolder(dir));
    expect(err).toMatchObject({ code: 'database.cannotOpen', params: { file: path.join(dir, LOCK_FILE_NAME) } });
  });

  it('refuses while another process holds the folder, and is free the moment that process is killed', async () => {
    const dir = tempDir();
    const holder = await holdInChild(dir);
    expect(refusal(() => lockDataFolder(dir)).code).toBe('dataFolder.inUse');
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    // No stale lock to wait out: a crash or a power cut leaves the folder usable at once.
    lock(dir).release();
  }, 20_000);
});
