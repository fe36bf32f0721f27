/**
 * The registry of benchmarks. Each benchmark prints a table (or returns data for `--json`) and is
 * never a timed test; figures and the machine they were measured on go into BENCHMARKS.md.
 */
import { csgBenchmark } from './analysis/csg.js';
import { autonomousBenchmark } from './autonomous.js';
import { landscapeBenchmark } from './analysis/landscape.js';
import { maxCutAllBenchmark, maxCutBenchmark } from './analysis/maxcut.js';
import { powerBenchmark } from './analysis/power.js';
import { forecastBenchmark } from './forecast.js';
import { negotiationBenchmark } from './negotiation.js';
import { scalingBenchmark } from './scaling.js';

export interface BenchmarkOptions {
  readonly json: boolean;
  /** Numeric parameters given as `--name value` (`--runs 50`); each benchmark reads its own. */
  readonly params?: Readonly<Record<string, number>>;
}

export interface Benchmark {
  readonly name: string;
  readonly title: string;
  run(options: BenchmarkOptions): Promise<unknown>;
}

export const benchmarks: readonly Benchmark[] = [
  negotiationBenchmark,
  forecastBenchmark,
  landscapeBenchmark,
  maxCutBenchmark,
  maxCutAllBenchmark,
  powerBenchmark,
  csgBenchmark,
  autonomousBenchmark,
  scalingBenchmark,
];
