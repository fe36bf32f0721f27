/**
 * What `alliances fidelity` and `alliances coherence` share: a sweep of autonomous runs over seeds
 * of a scenario (or one of its variants), on worker threads, with progress on a terminal.
 */
import type { Command } from 'commander';
import type { FidelityReport } from '../../agents/fidelity.js';
import { DEFAULT_SCENARIO, resolveScenario } from '../../runner/builtin-scenarios.js';
import { runFidelityParallel } from '../../runner/fidelity.js';
import { createProgress, getMaxInputBytes, parseIntegerOption } from '../io.js';
import { parseThreads } from '../limits.js';
import { parseMaxTicks } from './run-commands.js';

/** The options of a sweep over seeds (`fidelity`, `coherence`). */
export interface SweepOptions {
  seeds: string;
  firstSeed: string;
  variant?: string;
  threads?: string;
  json?: boolean;
  maxTicks?: string;
}

/**
 * Registers a sweep command, with its options; `run` gets the report of the runs (progress is
 * labelled with the command's name).
 */
export function registerSweep(
  program: Command,
  name: string,
  description: string,
  run: (report: FidelityReport, opts: SweepOptions) => void,
): void {
  program
    .command(name)
    .description(description)
    .argument('[scenario]', 'scenario file, or the name of a built-in scenario', DEFAULT_SCENARIO)
    .option('--seeds <n>', 'number of runs (seeds first … first + n − 1)', '200')
    .option('--first-seed <n>', 'the first seed', '1')
    .option('--variant <name>', "apply one of the scenario's counterfactual variants")
    .option('--threads <n>', 'worker threads (default and most: the number of cores)')
    .option('--max-ticks <n>', 'most ticks a run may take (default 100,000)')
    .option('--json', 'print the report as JSON')
    .action(async (arg: string, opts: SweepOptions) => run(await runSweep(arg, opts, name), opts));
}

/** Runs the sweep a command's options ask for, on worker threads, with progress under `label`. */
export async function runSweep(arg: string, opts: SweepOptions, label: string): Promise<FidelityReport> {
  const n = parseIntegerOption('--seeds', opts.seeds, 1);
  const first = parseIntegerOption('--first-seed', opts.firstSeed, 0);
  const threads = parseThreads(opts.threads);
  const scenario = resolveScenario(arg, {
    ...(opts.variant === undefined ? {} : { variant: opts.variant }),
    maxTicks: parseMaxTicks(opts.maxTicks),
    maxInputBytes: getMaxInputBytes(),
  });
  const seeds = Array.from({ length: n }, (_, i) => first + i);
  const progress = createProgress(label);
  const report = await runFidelityParallel(scenario, seeds, {
    variant: opts.variant,
    threads,
    onProgress: (done, total) => progress.update(done, total, 'runs'),
  });
  progress.done();
  return report;
}
