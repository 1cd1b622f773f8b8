import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
/** Where the global setup builds the app for the test run (relative to the repository). */
export const E2E_BUILD_DIR = path.join('out', 'e2e');
export const E2E_RENDERER_DIR = path.join(repoRoot, E2E_BUILD_DIR, 'renderer');
