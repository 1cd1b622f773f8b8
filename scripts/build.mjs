// `node scripts/build.mjs [--out-dir <dir>] [--quiet]`: electron-vite build into out/ (or <dir>).
import { parseArgs } from 'node:util';
import { buildApp } from './lib/build.mjs';

const { values } = parseArgs({ options: { 'out-dir': { type: 'string' }, quiet: { type: 'boolean' } } });
const started = Date.now();
try {
  buildApp({ quiet: values.quiet ?? false, outDir: values['out-dir'] });
  if (values.quiet) console.log(`Built the app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  process.stderr.write(`Redaksi: ${err.message}\n`);
  process.exit(1);
}
