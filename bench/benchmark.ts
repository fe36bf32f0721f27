/** What a benchmark is: a name, a title, and a run that prints a table or returns data for `--json`. */
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
