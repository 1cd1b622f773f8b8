/**
 * Temporary folders for a test file, each removed after the test that made it. Apart from
 * fixtures.ts because it needs vitest, and fixtures.ts also runs in child processes outside it.
 */
import { afterEach } from 'vitest';
import { makeTempDir, removeDir } from './fixtures';

export function tempDirsRemovedAfterEach(label: string): () => string {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach(removeDir));
  return () => {
    const dir = makeTempDir(label);
    dirs.push(dir);
    return dir;
  };
}
