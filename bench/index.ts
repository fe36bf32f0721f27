/**
 * The registry of benchmarks. Each benchmark prints a table (or returns data for `--json`) and is
 * never a timed test; figures and the machine they were measured on go into BENCHMARKS.md.
 */
import { csgBenchmark } from './analysis/csg.js';
import { autonomousBenchmark } from './autonomous.js';
import { landscapeBenchmark } from './analysis/landscape.js';
import { maxCutAllBenchmark, maxCutBenchmark } from './analysis/maxcut.js';
import { powerBenchmark } from './analysis/power.js';
import { powerLargeBenchmark } from './analysis/power-large.js';
import { forecastBenchmark } from './forecast.js';
import { loaderBenchmark } from './loader.js';
import { negotiationBenchmark } from './negotiation.js';
import { scalingBenchmark } from './scaling.js';
import type { Benchmark } from './benchmark.js';

export type { Benchmark, BenchmarkOptions } from './benchmark.js';

export const benchmarks: readonly Benchmark[] = [
  negotiationBenchmark,
  forecastBenchmark,
  landscapeBenchmark,
  maxCutBenchmark,
  maxCutAllBenchmark,
  powerBenchmark,
  powerLargeBenchmark,
  csgBenchmark,
  autonomousBenchmark,
  loaderBenchmark,
  scalingBenchmark,
];
