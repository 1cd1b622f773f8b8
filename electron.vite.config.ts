import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Native modules stay outside the bundles: they are loaded from node_modules at run time
// (and rebuilt for Electron's ABI on the release machine, see README "Releasing").
const nativeExternals = ['better-sqlite3', 'sharp'];

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: { external: nativeExternals, input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
