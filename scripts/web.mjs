// `npm run web -- --port <n> --data <dir>`: browser mode. Builds the renderer when it is missing or
// older than its sources, then runs the host (src/web/cli.ts) in this process tree.
import { ensureRendererBuilt } from './lib/build.mjs';
import { runWebHost } from './lib/run.mjs';

try {
  ensureRendererBuilt();
} catch (err) {
  process.stderr.write(`Redaksi: ${err.message}\n`);
  process.exit(1);
}
runWebHost(process.argv.slice(2));
