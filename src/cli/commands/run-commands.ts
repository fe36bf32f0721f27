/**
 * `alliances run`, `runs`, `replay` and `verify`: simulating scenarios, storing runs, and reading
 * them back. Output is the chronicle, milestones and summary for people; `--json` for programs.
 */
import type { Command } from 'commander';
import { InputError } from '../../common/errors.js';
import { renderChronicle } from '../../engine/chronicle.js';
import { buildWorld } from '../../engine/initial-world.js';
import { type MilestoneResult, matchMilestones } from '../../engine/milestones.js';
import type { SimulationResult } from '../../engine/simulation.js';
import { renderSummary, summarize } from '../../engine/summary.js';
import { type Minutes, parseDuration } from '../../model/time.js';
import { DEFAULT_SCENARIO, resolveScenario } from '../../runner/builtin-scenarios.js';
import { loadScenario, type Scenario } from '../../scenario/loader.js';
import { recordRun, verifyRun } from '../../runner/recorder.js';
import { runScenario } from '../../agents/run.js';
import { promptPlay } from '../prompt-player.js';
import { aboutRun } from '../../store/about.js';
import { resolveDbPath, Store } from '../../store/store.js';
import { parseIntegerOption, printJson } from '../io.js';
import type { WorldEvent } from '../../events/index.js';
import { fold } from '../../events/index.js';
import { namesOf } from '../../events/index.js';

const MODES = ['scripted', 'autonomous', 'mixed'] as const;

function parseMode(raw: string): (typeof MODES)[number] {
  if (!(MODES as readonly string[]).includes(raw)) {
    throw new InputError([
      {
        code: 'invalid-option',
        path: '--mode',
        message: `unknown mode "${raw}"`,
        hint: `available: ${MODES.join(', ')}`,
      },
    ]);
  }
  return raw as (typeof MODES)[number];
}

/** A run reference: a number, or `last`. */
export function parseRunRef(raw: string): number | 'last' {
  if (raw === 'last') return 'last';
  return parseIntegerOption('RUN', raw, 1);
}

/** The options stored with a run so that it can be re-simulated exactly. */
function runOptions(scriptUntil: Minutes | undefined, variant: string | undefined): Record<string, unknown> {
  return {
    ...(scriptUntil !== undefined ? { scriptUntil } : {}),
    ...(variant !== undefined ? { variant } : {}),
  };
}

/** A simulated time option: `30h`, `1d 6h`, `90m` or a number of hours. */
export function parseTimeOption(name: string, raw: string): Minutes {
  const t = parseDuration(/^\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw);
  if (t === undefined || t < 0) {
    throw new InputError([
      {
        code: 'invalid-option',
        path: name,
        message: `"${raw}" is not a time`,
        hint: 'write e.g. 30h, 1d 6h or 90m',
      },
    ]);
  }
  return t;
}

function renderMilestones(milestones: readonly MilestoneResult[]): string[] {
  if (milestones.length === 0) return [];
  const lines: string[] = [];
  const story = milestones.filter((m) => !m.outcome);
  const outcomes = milestones.filter((m) => m.outcome);
  if (story.length > 0) {
    lines.push('', `Milestones: ${story.filter((m) => m.reached).length} of ${story.length} reached`, '');
    story.forEach((m, i) => {
      lines.push(
        `  ${m.reached ? '✓' : '✗'} ${String(i + 1).padStart(2)}. ${m.title}${m.reached ? ` (event ${m.seq})` : ''}`,
      );
    });
  }
  if (outcomes.length > 0) {
    lines.push('', 'Outcomes', '');
    for (const m of outcomes)
      lines.push(
        `  ${m.reached ? 'yes' : 'no '}  ${m.id}: ${m.title}${m.reached ? ` (event ${m.seq})` : ''}`,
      );
  }
  return lines;
}

function renderRun(scenario: Scenario, result: SimulationResult, runId: number | null, seq: boolean): string {
  const names = namesOf(buildWorld(scenario.spec));
  const lines = [
    ...renderChronicle(result.events, names, { seq }),
    ...renderMilestones(result.milestones),
    ...renderSummary(summarize(result.world, result.events), names),
    '',
    `Run ${runId ?? '(not stored)'}: hash ${result.hash}`,
  ];
  return `${lines.join('\n')}\n`;
}

function runJson(
  scenario: Scenario,
  result: SimulationResult,
  runId: number | null,
  seed: number,
  mode: string,
) {
  return {
    run: runId,
    scenario: scenario.spec.id,
    seed,
    mode,
    hash: result.hash,
    milestones: result.milestones,
    events: result.events,
    summary: summarize(result.world, result.events),
  };
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('simulate a scenario (default: the built-in default scenario) and store the run')
    .argument('[scenario]', 'scenario file, or the name of a built-in scenario', DEFAULT_SCENARIO)
    .option('--seed <n>', "random seed (default: the scenario's own)")
    .option('--mode <mode>', `how decisions are made: ${MODES.join(', ')}`, 'scripted')
    .option('--script-until <time>', 'in mixed mode, follow the script until this time (e.g. 30h, 1d 6h)')
    .option('--variant <name>', "apply one of the scenario's counterfactual variants")
    .option(
      '--play <faction>',
      "take the seat of this faction's leader (autonomous or mixed mode), answering on stdin",
    )
    .option('--json', 'print one JSON object instead of the chronicle')
    .option('--seq', 'number the events in the chronicle (for `alliances explain` and `fork --at`)')
    .option('--db <path>', 'database file (default: $ALLIANCES_DB or ./alliances.db)')
    .option('--no-store', 'do not store the run')
    .action(
      (
        arg: string,
        opts: {
          seed?: string;
          mode: string;
          json?: boolean;
          seq?: boolean;
          db?: string;
          store: boolean;
          scriptUntil?: string;
          variant?: string;
          play?: string;
        },
      ) => {
        const mode = parseMode(opts.mode);
        if (opts.play !== undefined && mode === 'scripted') {
          throw new InputError([
            {
              code: 'invalid-option',
              path: '--play',
              message: 'in scripted mode the script makes every choice; there is no seat to take',
              hint: '--mode autonomous, or --mode mixed --script-until TIME',
            },
          ]);
        }
        const scriptUntil =
          opts.scriptUntil === undefined ? undefined : parseTimeOption('--script-until', opts.scriptUntil);
        if (mode === 'mixed' && scriptUntil === undefined) {
          throw new InputError([
            {
              code: 'invalid-option',
              path: '--script-until',
              message: 'mixed mode needs --script-until TIME',
              hint: 'e.g. --script-until 30h',
            },
          ]);
        }
        // The scenario is loaded and checked before the database is touched: bad input writes nothing.
        const scenario = resolveScenario(arg, opts.variant === undefined ? {} : { variant: opts.variant });
        const seed =
          opts.seed === undefined ? scenario.spec.seed : parseIntegerOption('--seed', opts.seed, 0);
        const play = opts.play === undefined ? undefined : promptPlay(scenario, opts.play);
        const simulation = { seed, mode, scriptUntil };
        let result: SimulationResult;
        let runId: number | null = null;
        if (opts.store) {
          const store = Store.open(resolveDbPath(opts.db));
          try {
            const recorded = recordRun(store, scenario, {
              ...simulation,
              storeOptions: runOptions(scriptUntil, opts.variant),
              ...(play ? { play } : {}),
            });
            runId = recorded.runId;
            result = recorded;
          } finally {
            store.close();
          }
        } else {
          result = runScenario(scenario, {
            ...simulation,
            ...(play ? { players: { [play.faction]: play.player } } : {}),
          });
        }
        if (opts.json) printJson(runJson(scenario, result, runId, seed, mode));
        else process.stdout.write(renderRun(scenario, result, runId, opts.seq === true));
      },
    );
}

export function registerRuns(program: Command): void {
  program
    .command('runs')
    .description('list stored runs, oldest first')
    .option('--json', 'print JSON')
    .option('--db <path>', 'database file')
    .action((opts: { json?: boolean; db?: string }) => {
      const store = Store.open(resolveDbPath(opts.db));
      try {
        const runs = store.listRuns().map((r) => ({
          id: r.id,
          scenario: r.scenario,
          seed: r.seed,
          mode: r.mode,
          status: r.status,
          hash: r.hash,
          events: r.events,
          parent: r.parent,
          createdAt: r.createdAt,
          about: aboutRun(r),
        }));
        if (opts.json) {
          printJson({ runs });
          return;
        }
        if (runs.length === 0) {
          process.stdout.write('no runs stored yet; `alliances run` makes one\n');
          return;
        }
        process.stdout.write(
          `${'id'.padStart(4)}  ${'scenario'.padEnd(18)} ${'seed'.padStart(6)}  ${'mode'.padEnd(10)} ${'status'.padEnd(10)} ${'events'.padStart(6)}  ${'hash'.padEnd(16)}  about\n`,
        );
        for (const r of runs) {
          process.stdout.write(
            `${String(r.id).padStart(4)}  ${r.scenario.padEnd(18)} ${String(r.seed).padStart(6)}  ${r.mode.padEnd(10)} ${r.status.padEnd(10)} ${String(r.events).padStart(6)}  ${(r.hash?.slice(0, 16) ?? '-').padEnd(16)}  ${r.about.join(', ')}`.trimEnd() +
              '\n',
          );
        }
      } finally {
        store.close();
      }
    });
}

export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description('tell a stored run again, from its stored events')
    .argument('<run>', 'run id, or "last"')
    .option('--json', 'print the stored events as JSON')
    .option('--seq', 'number the events (for `alliances explain` and `fork --at`)')
    .option('--db <path>', 'database file')
    .action((ref: string, opts: { json?: boolean; seq?: boolean; db?: string }) => {
      const runRef = parseRunRef(ref);
      const store = Store.open(resolveDbPath(opts.db));
      try {
        const run = store.getRun(runRef);
        const events = store.events(run.id);
        if (opts.json) {
          printJson({
            run: run.id,
            scenario: run.scenario,
            seed: run.seed,
            mode: run.mode,
            status: run.status,
            hash: run.hash,
            events,
          });
          return;
        }
        const variant = typeof run.options.variant === 'string' ? run.options.variant : undefined;
        const scenario = loadScenario(
          run.scenarioText,
          run.scenarioFile,
          variant === undefined ? {} : { variant },
        );
        const start = buildWorld(scenario.spec);
        const names = namesOf(start);
        const world = fold(start, events as WorldEvent[]);
        const lines = [
          ...renderChronicle(events, names, { seq: opts.seq === true }),
          ...(run.status === 'complete'
            ? renderMilestonesFor(scenario, events)
            : ['', 'This run is incomplete: it was stopped before its end.']),
          ...renderSummary(summarize(world, events), names),
          '',
          `Run ${run.id} (${run.status}): hash ${run.hash ?? '-'}`,
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        store.close();
      }
    });
}

/** Milestones are matched on a stored log exactly as on a fresh run. */
function renderMilestonesFor(scenario: Scenario, events: readonly WorldEvent[]): string[] {
  return renderMilestones(matchMilestones(scenario.spec.milestones, events));
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description(
      're-simulate a stored run from its scenario and seed; exit 0 when the logs match, 1 when not',
    )
    .argument('<run>', 'run id, or "last"')
    .option('--json', 'print the verification as JSON')
    .option('--db <path>', 'database file')
    .action((ref: string, opts: { json?: boolean; db?: string }) => {
      const runRef = parseRunRef(ref);
      const store = Store.open(resolveDbPath(opts.db));
      try {
        const v = verifyRun(store, store.getRun(runRef));
        if (opts.json) {
          printJson({
            run: v.run.id,
            matches: v.matches,
            storedHash: v.storedHash,
            simulatedHash: v.simulatedHash,
            firstDifference: v.firstDifference,
          });
        } else if (v.matches) {
          process.stdout.write(`run ${v.run.id} verified: ${v.simulatedHash}\n`);
        } else {
          process.stdout.write(
            `run ${v.run.id} does NOT verify: stored ${v.storedHash}, simulated ${v.simulatedHash}${v.firstDifference !== null ? `; logs differ from event ${v.firstDifference}` : ''}${v.run.status !== 'complete' ? ' (the run is incomplete)' : ''}\n`,
          );
        }
        if (!v.matches) process.exitCode = 1;
      } finally {
        store.close();
      }
    });
}
