import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// The portal suite talks to a real WordPress started by scripts/wordpress/wp-up.sh (`npm run test:portal`
// starts it when needed). Kept apart from the unit run: it needs that server and takes longer.
export default defineConfig({
  resolve: {
    alias: { '@shared': resolve(import.meta.dirname, 'src/shared') },
  },
  test: {
    include: ['src/core/portal/portal-tests/**/*.portal.ts'],
    environment: 'node',
    pool: 'forks',
    // One WordPress for all files: run them one after another to keep its load (and the CPU) modest.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    restoreMocks: true,
  },
});
