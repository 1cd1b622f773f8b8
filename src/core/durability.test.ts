import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../shared/domain';
import { makeTempDir, openTestBackend, removeDir, type TestBackend } from './testing/fixtures';

const open: TestBackend[] = [];
const dirs: string[] = [];
afterEach(() => {
  while (open.length > 0) open.pop()!.dispose();
  while (dirs.length > 0) removeDir(dirs.pop()!);
});

/** Starts the child, waits for `acks` acknowledged saves, then kills it with SIGKILL. */
function saveThenKill(dataDir: string, acks: number): Promise<{ id: string; lastVersion: number; lastSave: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'testing', 'autosave-child.ts'), dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let id = '';
    let lastVersion = 0;
    let lastSave = 0;
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [kind, a, b] = line.split(' ');
        if (kind === 'id') id = a!;
        if (kind === 'saved') {
          lastVersion = Number(a);
          lastSave = Number(b);
          if (lastSave === acks) child.kill('SIGKILL');
        }
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL' && id) resolve({ id, lastVersion, lastSave });
      else reject(new Error(`child ended without being killed: ${stderr.slice(0, 500)}`));
    });
  });
}

describe('durability', () => {
  it('keeps every acknowledged save when the process is killed mid-work', async () => {
    const dataDir = makeTempDir('sigkill');
    dirs.push(dataDir);
    const { id, lastVersion, lastSave } = await saveThenKill(dataDir, 40);

    const t = openTestBackend({}, dataDir);
    open.push(t);
    const article = await t.call<Article>('articles-get', { id });
    // The kill may land after further saves were committed, never before an acknowledged one.
    expect(article.version).toBeGreaterThanOrEqual(lastVersion);
    const saveNumber = Number(article.title.replace('Simpanan ', ''));
    expect(saveNumber).toBeGreaterThanOrEqual(lastSave);
    expect(article.version - saveNumber).toBe(lastVersion - lastSave);
    // And the search index catches up with whatever was committed.
    expect((await t.call<{ id: string }[]>('articles-search', { query: `ke-${saveNumber}` })).map((h) => h.id)).toEqual([id]);
  }, 30_000);
});
