import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { E2E_BUILD_DIR, repoRoot } from './support/paths';

/**
 * Builds the app once per run into its own folder, so the tests always see the current sources and
 * a build of out/ running at the same time cannot pull files from under them.
 */
export default function globalSetup(): void {
  const result = spawnSync(process.execPath, [path.join('scripts', 'build.mjs'), '--out-dir', E2E_BUILD_DIR, '--quiet'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`Building the app failed (exit ${result.status ?? result.signal})`);
}
