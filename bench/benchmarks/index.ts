import type { Benchmark } from '../harness';
import { autosaveBenchmark } from './autosave';
import { dayBenchmark } from './day';
import { libraryBenchmark } from './library';
import { openArticleBenchmark } from './open-article';
import { photosBenchmark } from './photos';
import { queueBenchmark } from './queue';
import { searchBenchmark } from './search';
import { syncBenchmark } from './sync';
import { typingBenchmark } from './typing';

/** Every benchmark `npm run bench` knows, in the order they run. Add new ones here. */
export const BENCHMARKS: readonly Benchmark[] = [autosaveBenchmark, openArticleBenchmark, searchBenchmark, libraryBenchmark, photosBenchmark, dayBenchmark, queueBenchmark, typingBenchmark, syncBenchmark];
