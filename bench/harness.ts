/**
 * The benchmark harness. A benchmark is a module with a name and a `run(ctx)`; it reports results
 * through `ctx.report`, which prints one JSON object per line on stdout. Everything meant for a
 * person goes to stderr through `ctx.log`, so stdout stays machine-readable.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BenchResult {
  /** Unique name of the figure, e.g. "autosave-10k-words.p99". */
  bench: string;
  value: number;
  unit: 'ms' | 'us' | 's' | 'ops/s' | 'MB' | 'ratio' | 'count';
  /** What `ratio` compares with (measured in the same run), or null. */
  baseline: string | null;
  /** value / baseline value, or null. */
  ratio: number | null;
  /** Number of samples behind the value. */
  n: number;
  /** The machine's 1-minute load average when the figure was reported (added by the harness). */
  load?: number;
}

/**
 * Quick mode (`REDAKSI_BENCH_QUICK=1`): small counts, for developing a benchmark. Its figures are
 * noisier and are not the ones to record in docs/performance.md.
 */
export const QUICK = process.env.REDAKSI_BENCH_QUICK === '1';

/** `full` in a normal run, `quick` in quick mode. */
export function scaled(full: number, quick: number): number {
  return QUICK ? quick : full;
}

export interface BenchContext {
  log(message: string): void;
  report(result: BenchResult): void;
  /** A fresh directory on disk, removed after the benchmark. */
  tempDir(label: string): string;
  /** Says on stdout (a JSON line with `skipped`) and stderr that the benchmark measured nothing, and why. */
  skip(reason: string): void;
  /** True when the benchmark was named on the command line, false when it runs as one of all. */
  named: boolean;
}

export interface Benchmark {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<void> | void;
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank: the smallest sample with at least p% of samples at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

export async function runBenchmarks(benchmarks: readonly Benchmark[], selected: readonly string[]): Promise<number> {
  const chosen = selected.length === 0 ? benchmarks : benchmarks.filter((b) => selected.includes(b.name));
  const unknown = selected.filter((name) => !benchmarks.some((b) => b.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${benchmarks.map((b) => b.name).join(', ')}\n`);
    return 2;
  }
  let failures = 0;
  for (const benchmark of chosen) {
    const dirs: string[] = [];
    const ctx: BenchContext = {
      log: (message) => process.stderr.write(`[${benchmark.name}] ${message}\n`),
      report: (result) => process.stdout.write(`${JSON.stringify({ ...result, load: round(os.loadavg()[0]!, 2), ...(QUICK ? { quick: true } : {}) })}\n`),
      skip: (reason) => {
        process.stdout.write(`${JSON.stringify({ bench: benchmark.name, skipped: reason })}\n`);
        process.stderr.write(`[${benchmark.name}] skipped: ${reason}\n`);
      },
      named: selected.includes(benchmark.name),
      tempDir: (label) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), `redaksi-bench-${label}-`));
        dirs.push(dir);
        return dir;
      },
    };
    process.stderr.write(`\n== ${benchmark.name}: ${benchmark.description}\n`);
    // Other work on the machine moves tail latencies a lot; say how busy it was.
    const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
    process.stderr.write(`[${benchmark.name}] ${os.cpus().length} CPUs, load average ${load}\n`);
    const started = nowMs();
    try {
      await benchmark.run(ctx);
    } catch (err) {
      failures++;
      process.stderr.write(`[${benchmark.name}] FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    } finally {
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    }
    process.stderr.write(`[${benchmark.name}] done in ${((nowMs() - started) / 1000).toFixed(1)} s\n`);
  }
  return failures === 0 ? 0 : 1;
}
