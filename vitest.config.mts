import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Unit tests run in Node by default; a renderer test opts into a DOM with a first-line comment
// `// @vitest-environment happy-dom`.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@shared': resolve(import.meta.dirname, 'src/shared') },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Each test file opens its own databases in its own temporary directories.
    pool: 'forks',
    // Room for a busy 2-core machine (load average about 10 beside this run): a hook that makes a
    // 6-megapixel test photo took more than 10 s there.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    restoreMocks: true,
  },
});
