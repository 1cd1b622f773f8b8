import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './src/shared/content-security-policy';

// Native modules stay outside the bundles: they are loaded from node_modules at run time
// (and rebuilt for Electron's ABI on the release machine, see README "Releasing").
const nativeExternals = ['better-sqlite3', 'sharp'];

/**
 * Keeps the renderer's CSP <meta> equal to the one shared policy (the transports also send it as a
 * header). The dev server needs its inline module preamble and a WebSocket; built files need neither.
 * frame-ancestors is dropped: browsers ignore it in a meta tag and only log a warning.
 */
function cspMetaTag(): Plugin {
  return {
    name: 'redaksi-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        const devUrl = ctx.server?.resolvedUrls?.local[0];
        const policy = contentSecurityPolicy(devUrl ? { devServerOrigin: new URL(devUrl).origin } : {})
          .split('; ')
          .filter((directive) => !directive.startsWith('frame-ancestors'))
          .join('; ');
        const meta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/;
        if (!meta.test(html)) throw new Error('src/renderer/index.html lost its Content-Security-Policy meta tag');
        return html.replace(meta, `$1${policy}$2`);
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        external: nativeExternals,
        input: { index: resolve(__dirname, 'src/main/index.ts') },
        // sharp is imported lazily (src/core/media/sharp-loader.ts): emitted as require() when first
        // needed, the way the main process loaded it before, not through the ESM loader from the archive.
        output: { dynamicImportInCjs: false },
      },
    },
  },
  // A sandboxed preload may require() nothing but 'electron': everything it uses (zod included) is
  // bundled into one CommonJS file.
  preload: {
    build: {
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        external: ['electron'],
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), cspMetaTag()],
    build: {
      minify: true,
      // One bundle read from local disk (no network): splitting it would not make start-up faster.
      chunkSizeWarningLimit: 1200,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
