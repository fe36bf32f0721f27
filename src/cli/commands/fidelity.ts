/**
 * `alliances fidelity [SCENARIO] --seeds N [--variant NAME] [--json]`: how often the autonomous
 * leaders re-enact each milestone of a scenario's story, over N seeds (worker threads; progress on
 * a terminal).
 */
import type { Command } from 'commander';
import type { FidelityReport } from '../../agents/fidelity.js';
import { DEFAULT_SCENARIO, resolveScenario } from '../../runner/builtin-scenarios.js';
import { runFidelityParallel } from '../../runner/fidelity.js';
import { createProgress, getMaxInputBytes, parseIntegerOption, printJson } from '../io.js';
import { parseThreads } from '../limits.js';
import { parseMaxTicks } from './run-commands.js';

function renderReport(r: FidelityReport): string {
  const pct = (x: number) => `${(100 * x).toFixed(0).padStart(3)}%`;
  const lines = [
    `Fidelity of ${r.scenario}${r.variant ? ` (variant ${r.variant})` : ''}: ${r.seeds} autonomous runs, seeds ${r.seedList[0]}–${r.seedList[r.seedList.length - 1]}`,
    '',
    '  share  milestone',
  ];
  const story = r.milestones.filter((m) => !m.outcome);
  const outcomes = r.milestones.filter((m) => m.outcome);
  story.forEach((m, i) => lines.push(`  ${pct(m.share)}  ${String(i + 1).padStart(2)}. ${m.id}`));
  if (outcomes.length > 0) {
    lines.push('', '  share  outcome');
    for (const m of outcomes) lines.push(`  ${pct(m.share)}  ${m.id}`);
  }
  const p = r.reachedPerRun;
  lines.push(
    '',
    `Story milestones reached per run (of ${p.of}): median ${p.median}, p10 ${p.p10}, p90 ${p.p90}, min ${p.min}, max ${p.max}`,
    `  ${p.distribution.map((count, k) => `${k}:${count}`).join('  ')}`,
    '',
    r.principleViolations === 0
      ? 'Principle violations: none'
      : `Principle violations: ${r.principleViolations}`,
  );
  for (const v of r.violations)
    lines.push(`  seed ${v.seed}, event ${v.seq}: ${v.faction} broke ${v.principle} (${v.agreement})`);
  return `${lines.join('\n')}\n`;
}

export function registerFidelity(program: Command): void {
  program
    .command('fidelity')
    .description('run a scenario autonomously over many seeds and report how often each milestone is reached')
    .argument('[scenario]', 'scenario file, or the name of a built-in scenario', DEFAULT_SCENARIO)
    .option('--seeds <n>', 'number of runs (seeds first … first + n − 1)', '200')
    .option('--first-seed <n>', 'the first seed', '1')
    .option('--variant <name>', "apply one of the scenario's counterfactual variants")
    .option('--threads <n>', 'worker threads (default and most: the number of cores)')
    .option('--max-ticks <n>', 'most ticks a run may take (default 100,000)')
    .option('--json', 'print the report as JSON')
    .action(
      async (
        arg: string,
        opts: {
          seeds: string;
          firstSeed: string;
          variant?: string;
          threads?: string;
          json?: boolean;
          maxTicks?: string;
        },
      ) => {
        const n = parseIntegerOption('--seeds', opts.seeds, 1);
        const first = parseIntegerOption('--first-seed', opts.firstSeed, 0);
        const threads = parseThreads(opts.threads);
        const scenario = resolveScenario(arg, {
          ...(opts.variant === undefined ? {} : { variant: opts.variant }),
          maxTicks: parseMaxTicks(opts.maxTicks),
          maxInputBytes: getMaxInputBytes(),
        });
        const seeds = Array.from({ length: n }, (_, i) => first + i);
        const progress = createProgress('fidelity');
        const report = await runFidelityParallel(scenario, seeds, {
          variant: opts.variant,
          threads,
          onProgress: (done, total) => progress.update(done, total, 'runs'),
        });
        progress.done();
        if (opts.json) printJson(report);
        else process.stdout.write(renderReport(report));
      },
    );
}
