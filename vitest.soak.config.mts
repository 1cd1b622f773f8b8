import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// The crash soak (soak/): kills the browser-mode host hundreds of times against the local WordPress
// (scripts/wordpress/wp-up.sh). Slow and alone: `npm run test:soak`, kill count in REDAKSI_SOAK_KILLS.
export default defineConfig({
  resolve: {
    alias: { '@shared': resolve(import.meta.dirname, 'src/shared') },
  },
  test: {
    include: ['soak/**/*.soak.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    // The suite sets its own time bound from the kill count; the clean-up of the portal may take minutes.
    hookTimeout: 300_000,
  },
});
