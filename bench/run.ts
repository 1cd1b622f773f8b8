/**
 * `npm run bench` runs every benchmark; `npm run bench -- <name> [<name>...]` runs the named ones.
 * Results: one JSON object per line on stdout; progress and explanations on stderr.
 */
import { BENCHMARKS } from './benchmarks';
import { runBenchmarks } from './harness';

async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  process.exitCode = await runBenchmarks(BENCHMARKS, names);
}

void main();
