/**
 * The registry of benchmarks. Each benchmark prints a table (or returns data for `--json`) and is
 * never a timed test; figures and the machine they were measured on go into BENCHMARKS.md.
 */
import { forecastBenchmark } from './forecast.js';
import { negotiationBenchmark } from './negotiation.js';

export interface BenchmarkOptions {
  readonly json: boolean;
}

export interface Benchmark {
  readonly name: string;
  readonly title: string;
  run(options: BenchmarkOptions): Promise<unknown>;
}

export const benchmarks: readonly Benchmark[] = [negotiationBenchmark, forecastBenchmark];
