/**
 * `alliances reliability [SCENARIO] [--generated N] [--seeds K] [--days D] [--json]`: how often
 * treaty obligations are honoured when their conditions are met, over K autonomous runs of a
 * scenario (seeds 1…K) or of K generated worlds of N factions (world i drawn and run with seed i);
 * worker threads, progress on a terminal, an optional time limit.
 */
import type { Command } from 'commander';
import { InputError } from '../../common/errors.js';
import { type CallGroup, POWER_CHANGE_THRESHOLD, type ReliabilityReport } from '../../agents/reliability.js';
import { DEFAULT_SCENARIO, resolveScenario } from '../../runner/builtin-scenarios.js';
import { runReliabilityParallel } from '../../runner/reliability.js';
import { createProgress, parseIntegerOption, parseNumberOption, printJson } from '../io.js';

/** Most runs one sweep may make. */
export const MAX_RELIABILITY_SEEDS = 10_000;
/** Most factions of a generated world, and most days of a run, in a sweep. */
export const MAX_RELIABILITY_FACTIONS = 1_000;
export const MAX_RELIABILITY_DAYS = 3650;

const pct = (share: number | null) => (share === null ? '   –' : `${(100 * share).toFixed(0).padStart(3)}%`);
const row = (name: string, g: CallGroup) =>
  `  ${name.padEnd(18)} ${String(g.calls).padStart(6)}  ${pct(g.share)}`;

export function renderReliability(r: ReliabilityReport): string {
  const what = r.generated
    ? `${r.runs} generated worlds of ${r.generated.factions} factions (world and run seed ${r.seedList[0]}–${r.seedList.at(-1)})`
    : `${r.runs} autonomous runs of ${r.scenario} (seeds ${r.seedList[0]}–${r.seedList.at(-1)})`;
  const lines = [
    `Reliability of alliances: ${r.runs === 0 ? 'no run finished' : what}, ${r.days} days each${r.stopped ? ' — stopped by the time limit' : ''}`,
    '',
    `Calls whose treaty conditions were met: ${r.calls}`,
    `  honoured ${r.honoured}, in part ${r.partly}, reneged or lapsed ${r.reneged}; honoured share ${pct(r.share).trim()}`,
    ...(r.unanswered > 0 ? [`  (${r.unanswered} more still open when their run ended, not counted)`] : []),
    '',
    `By the called party's power since signing (±${100 * POWER_CHANGE_THRESHOLD} %):`,
    '                      calls  honoured',
    row('rose', r.byPowerChange.rose),
    row('steady', r.byPowerChange.steady),
    row('fell', r.byPowerChange.fell),
  ];
  const conditions = Object.entries(r.byCondition);
  if (conditions.length > 0) {
    lines.push(
      '',
      'By the obligation called on (kind and conditions):',
      '                      calls  honoured',
    );
    for (const [name, g] of conditions) lines.push(row(name, g));
  }
  return `${lines.join('\n')}\n`;
}

interface Options {
  generated?: string;
  seeds: string;
  days?: string;
  threads?: string;
  seconds?: string;
  variant?: string;
  json?: boolean;
}

export function registerReliability(program: Command): void {
  program
    .command('reliability')
    .description(
      'run autonomously over many seeds and count calls to honour treaties, and how they were answered',
    )
    .argument('[scenario]', `scenario file, or the name of a built-in scenario (default ${DEFAULT_SCENARIO})`)
    .option(
      '--generated <n>',
      `run generated worlds of N factions (2 to ${MAX_RELIABILITY_FACTIONS}) instead of a scenario`,
    )
    .option('--seeds <k>', `number of runs, seeds 1 … K (at most ${MAX_RELIABILITY_SEEDS})`, '20')
    .option('--days <d>', `days each run lasts (default: the scenario's duration; 30 for generated worlds)`)
    .option('--variant <name>', "apply one of the scenario's counterfactual variants")
    .option('--threads <n>', 'worker threads (default: all cores)')
    .option(
      '--seconds <s>',
      'time limit: no run is started after it, and the report counts the runs finished',
    )
    .option('--json', 'print the report as JSON')
    .action(async (arg: string | undefined, opts: Options) => {
      const k = parseIntegerOption('--seeds', opts.seeds, 1);
      if (k > MAX_RELIABILITY_SEEDS) throw tooMany('--seeds', k, MAX_RELIABILITY_SEEDS);
      const runDays = opts.days === undefined ? undefined : parseIntegerOption('--days', opts.days, 1);
      if (runDays !== undefined && runDays > MAX_RELIABILITY_DAYS)
        throw tooMany('--days', runDays, MAX_RELIABILITY_DAYS);
      const threads =
        opts.threads === undefined ? undefined : parseIntegerOption('--threads', opts.threads, 1);
      const seconds =
        opts.seconds === undefined ? undefined : parseNumberOption('--seconds', opts.seconds, 0);
      let subject;
      if (opts.generated !== undefined) {
        const factions = parseIntegerOption('--generated', opts.generated, 2);
        if (factions > MAX_RELIABILITY_FACTIONS)
          throw tooMany('--generated', factions, MAX_RELIABILITY_FACTIONS);
        if (arg !== undefined || opts.variant !== undefined)
          throw new InputError([
            {
              code: 'invalid-option',
              path: '--generated',
              message: 'runs generated worlds: give no scenario and no --variant with it',
            },
          ]);
        subject = { kind: 'generated' as const, factions };
      } else {
        const scenario = resolveScenario(arg, opts.variant === undefined ? {} : { variant: opts.variant });
        subject = { kind: 'scenario' as const, scenario };
      }
      const seeds = Array.from({ length: k }, (_, i) => i + 1);
      const progress = createProgress('reliability');
      const report = await runReliabilityParallel(subject, seeds, {
        ...(runDays !== undefined ? { days: runDays } : {}),
        ...(threads !== undefined ? { threads } : {}),
        ...(seconds !== undefined ? { seconds } : {}),
        onProgress: (done, total) => progress.update(done, total, 'runs'),
      });
      progress.done();
      if (opts.json) printJson(report);
      else process.stdout.write(renderReliability(report));
    });
}

function tooMany(option: string, n: number, most: number): InputError {
  return new InputError([
    { code: 'invalid-option', path: option, message: `at most ${most.toLocaleString('en-US')}, not ${n}` },
  ]);
}
