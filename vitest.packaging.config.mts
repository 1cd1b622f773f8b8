import { defineConfig } from 'vitest/config';

// The packaging test (packaging/): builds the app and packages it with electron-builder for Linux
// into a folder, with a stand-in Electron binary (none can be downloaded here). `npm run test:packaging`.
export default defineConfig({
  test: {
    include: ['packaging/**/*.packaging.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    hookTimeout: 300_000,
  },
});
