// Lint, including the layering rules: the folder a file lives in says which runtime it may use.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const NODE_BUILTINS = {
  // 'fs', 'fs/promises', 'node:fs' ... every spelling of a built-in.
  paths: nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available in this layer.' })),
  patterns: [
    { group: ['node:*'], message: 'Node built-ins are not available in this layer.' },
    ...nodeBuiltins.filter((name) => !name.includes('/')).map((name) => ({ group: [`${name}/*`], message: 'Node built-ins are not available in this layer.' })),
  ],
};
const ELECTRON = { name: 'electron', message: 'Only src/main and src/preload may use Electron.' };
const REACT = [
  { group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'react-i18next', '@lexical/react', '@lexical/react/*'], message: 'UI libraries belong in src/renderer.' },
];

/** Relative imports that climb out of a layer into another one (e.g. `../../core/backend`). */
const layer = (name, why) => ({ regex: `^(\\.\\./)+${name}(/|$)`, message: why });
const CORE = layer('core', 'Reach the backend through the typed client (src/renderer/src/api), never src/core directly.');
const MAIN = layer('main', 'src/main is the Electron shell; other layers must not depend on it.');
const WEB = layer('web', 'src/web is the browser-mode host; other layers must not depend on it.');
const PRELOAD = layer('preload', 'src/preload is bundled alone into the sandboxed renderer.');
const RENDERER = layer('renderer', 'src/renderer is the UI; other layers must not depend on it.');

const restrict = ({ paths = [], patterns = [] }) => ['error', { paths, patterns }];
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location'].map((name) => ({
  name,
  message: 'No DOM in this layer.',
}));

export default tseslint.config(
  {
    ignores: ['out/**', 'node_modules/**', 'release/**', 'dist/**', 'coverage/**', 'test-results/**', 'playwright-report/**', '.tmp/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Everything outside the renderer runs in Node (scripts, tests, configs, backend, hosts).
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    ignores: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: reactHooks.configs.flat.recommended.plugins,
    rules: reactHooks.configs.flat.recommended.rules,
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict({
        paths: [ELECTRON, ...NODE_BUILTINS.paths],
        patterns: [CORE, MAIN, WEB, PRELOAD, ...NODE_BUILTINS.patterns],
      }),
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        paths: [ELECTRON, ...NODE_BUILTINS.paths],
        patterns: [CORE, MAIN, WEB, PRELOAD, RENDERER, ...REACT, ...NODE_BUILTINS.patterns],
      }),
      'no-restricted-globals': ['error', ...DOM_GLOBALS, { name: 'process', message: 'No Node globals in src/shared.' }, { name: 'Buffer', message: 'No Node globals in src/shared.' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({ paths: [ELECTRON], patterns: [MAIN, WEB, PRELOAD, RENDERER, ...REACT] }),
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  {
    files: ['src/web/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({ paths: [ELECTRON], patterns: [MAIN, PRELOAD, RENDERER, ...REACT] }),
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({ patterns: [PRELOAD, RENDERER, ...REACT] }),
    },
  },
  {
    // The preload runs sandboxed: only 'electron' and what gets bundled from src/shared.
    files: ['src/preload/**/*.ts'],
    ignores: ['src/preload/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict({
        paths: NODE_BUILTINS.paths,
        patterns: [CORE, MAIN, WEB, RENDERER, ...REACT, ...NODE_BUILTINS.patterns],
      }),
    },
  },
);
