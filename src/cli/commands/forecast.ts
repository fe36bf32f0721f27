/**
 * `alliances forecast FILE`: where a bargaining issue settles and who moves, by Bueno de Mesquita's
 * expected-utility model, KTAB's spatial model of politics and the baselines.
 * `alliances forecast --benchmark deu3`: every model scored on 353 real EU decisions.
 */
import type { Command } from 'commander';
import { runDeuBenchmark } from '../../analysis/forecast/benchmark.js';
import { parseDeu3 } from '../../analysis/forecast/deu3.js';
import { DEFAULT_EU_PARAMETERS, type EuParameters, type EuRun } from '../../analysis/forecast/eu-model.js';
import {
  FORECAST_MODELS,
  type ForecastModelName,
  forecastIssue,
  MODEL_TITLES,
  type ModelForecast,
} from '../../analysis/forecast/forecast.js';
import { parseForecastInput } from '../../analysis/forecast/input.js';
import {
  formatKtabLines,
  formatKtabParameters,
  KTAB_PARAMETERS,
} from '../../analysis/forecast/ktab-format.js';
import type { SmpParameters, SmpRun } from '../../analysis/forecast/smp.js';
import type { ForecastIssue } from '../../analysis/forecast/types.js';
import { InputError, type Problem } from '../../common/errors.js';
import { hasOwn } from '../../common/safe-path.js';
import { suggestionHint } from '../../common/validate.js';
import { sharedDataFile } from '../../runner/shared-data.js';
import { parseIntegerOption, printJson, readInputFile } from '../io.js';
import { commandBudget, DEFAULT_SECONDS, parseSeconds, secondsHelp } from '../limits.js';

interface ForecastCommandOptions {
  model: string;
  format: string;
  json?: boolean;
  benchmark?: string;
  smp?: string[];
  eu?: string[];
  folds: string;
  seconds?: string;
}

const BENCHMARKS = ['deu3'] as const;

/** The DEU III benchmark's work is fixed (every model on 353 issues): no time limit unless given. */
const BENCHMARK_SECONDS = Number.POSITIVE_INFINITY;

export function registerForecast(program: Command): void {
  program
    .command('forecast')
    .description(
      'forecast where a bargaining issue settles: expected-utility model, KTAB spatial model of politics, baselines',
    )
    .argument(
      '[file]',
      'KTAB CSV scenario (.csv), or YAML/JSON {actors: [{name, capability, positions, saliences}]}',
    )
    .option('--model <model>', `${FORECAST_MODELS.join('|')}|all`, 'all')
    .option('--format <format>', 'text, or ktab: the SMP run in the wording of KTAB reference logs', 'text')
    .option('--json', 'print JSON')
    .option('--benchmark <name>', `score every model on a data set: ${BENCHMARKS.join(', ')}`)
    .option('--smp <setting...>', 'SMP parameter NAME=VALUE with KTAB names, e.g. VotingRule=Binary')
    .option('--eu <setting...>', 'expected-utility reading NAME=VALUE, e.g. probability=net')
    .option('--folds <n>', 'cross-validation folds of the benchmark (at most one per proposal)', '10')
    .option('--seconds <s>', `${secondsHelp('the models', DEFAULT_SECONDS)}; none for --benchmark`)
    .addHelpText(
      'after',
      `
Examples:
  alliances forecast scenario.csv --model smp --format ktab
  alliances forecast issue.yaml --model eu --eu probability=net offerChoice=strongest-challenger
  alliances forecast --benchmark deu3 --json

Limits: the bargaining models' work grows with the cube of the number of actors per round or turn
(the expected-utility model up to maxRounds, 100 by default; SMP up to maxIterations, 100): a few
dozen actors take well under a second, hundreds can take minutes, which --seconds bounds.`,
    )
    .action((file: string | undefined, opts: ForecastCommandOptions) => {
      if (opts.benchmark !== undefined) return benchmark(opts, file);
      if (file === undefined) {
        throw new InputError([
          {
            code: 'missing-argument',
            path: 'file',
            message: 'no input file',
            hint: 'give a KTAB CSV or YAML/JSON file, or --benchmark deu3',
          },
        ]);
      }
      const models = parseModels(opts.model);
      if (opts.format !== 'text' && opts.format !== 'ktab') {
        throw optionError(
          '--format',
          `unknown format "${opts.format}"`,
          suggestionHint(opts.format, ['text', 'ktab']),
        );
      }
      if (opts.format === 'ktab' && !models.includes('smp')) {
        throw optionError('--format', '--format ktab prints a run of KTAB’s SMP', 'use --model smp');
      }
      const smp = parseSmpSettings(opts.smp ?? []);
      // Comparing with KTAB's logs: process the actors in the file's order, as KTAB does.
      if (opts.format === 'ktab' && smp.actorOrder === undefined) smp.actorOrder = 'input';
      const eu = parseEuSettings(opts.eu ?? []);
      const issue = parseForecastInput(readInputFile(file), file);
      const budget = commandBudget('forecast', parseSeconds(opts.seconds, DEFAULT_SECONDS));
      let results: ModelForecast[];
      try {
        results = forecastIssue(issue, models, { smp, eu, budget });
      } finally {
        budget.done();
      }
      if (opts.format === 'ktab') {
        const run = results.find((r) => r.model === 'smp')!.smp!;
        const [seed, ...params] = formatKtabParameters(run.parameters);
        process.stdout.write(`${[seed, ...formatKtabLines(issue, run), ...params].join('\n')}\n`);
        return;
      }
      if (opts.json) printJson(forecastJson(issue, results));
      else process.stdout.write(renderForecast(issue, results));
    });
}

function optionError(option: string, message: string, hint?: string): InputError {
  return new InputError([{ code: 'invalid-option', path: option, message, hint }]);
}

function parseModels(raw: string): ForecastModelName[] {
  if (raw === 'all') return [...FORECAST_MODELS];
  const names = raw.split(',').map((s) => s.trim());
  const problems: Problem[] = [];
  for (const n of names) {
    if (!(FORECAST_MODELS as readonly string[]).includes(n)) {
      problems.push({
        code: 'invalid-option',
        path: '--model',
        message: `unknown model "${n}"`,
        hint: suggestionHint(n, [...FORECAST_MODELS, 'all']),
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return names as ForecastModelName[];
}

function splitSetting(option: string, raw: string): [string, string] {
  const m = /^([A-Za-z]+)=(.+)$/.exec(raw.trim());
  if (!m) throw optionError(option, `expected NAME=VALUE, got "${raw}"`);
  return [m[1]!, m[2]!];
}

/** `--smp VotingRule=Binary seed=42 maxIterations=50`; names are KTAB's or their camel case. */
export function parseSmpSettings(settings: readonly string[]): {
  -readonly [K in keyof SmpParameters]?: SmpParameters[K];
} {
  const out: Record<string, unknown> = {};
  const numeric: Record<string, [number, number]> = {
    minIterations: [1, 10_000],
    maxIterations: [1, 10_000],
    minDeltaRatio: [0, 1],
  };
  for (const raw of settings) {
    const [name, value] = splitSetting('--smp', raw);
    const entry = KTAB_PARAMETERS.find(([k, key]) => k === name || key === name);
    if (entry) {
      const [k, key, values] = entry;
      if (!(values as readonly string[]).includes(value)) {
        throw optionError('--smp', `unknown ${k} "${value}"`, `valid: ${values.join(', ')}`);
      }
      out[key] = value;
    } else if (name === 'actorOrder') {
      if (value !== 'canonical' && value !== 'input') {
        throw optionError('--smp', `unknown actorOrder "${value}"`, 'valid: canonical, input');
      }
      out.actorOrder = value;
    } else if (name === 'seed') {
      if (!/^\d+$/.test(value) || BigInt(value) >= 1n << 64n) {
        throw optionError('--smp', `seed must be a 64-bit unsigned integer, got "${value}"`);
      }
      out.seed = BigInt(value);
    } else if (hasOwn(numeric, name)) {
      const [min, max] = numeric[name]!;
      const v = Number(value);
      if (!Number.isFinite(v) || v < min || v > max) {
        throw optionError('--smp', `${name} must be a number in [${min}, ${max}], got "${value}"`);
      }
      out[name] = v;
    } else {
      const known = [...KTAB_PARAMETERS.map(([k]) => k), 'seed', 'actorOrder', ...Object.keys(numeric)];
      throw optionError('--smp', `unknown SMP parameter "${name}"`, suggestionHint(name, known));
    }
  }
  return out;
}

const EU_CHOICES: Record<string, readonly string[]> = {
  probability: ['paper', 'net', 'all-pairs'],
  resistance: ['target', 'as-printed'],
  statusQuo: ['paper', 'flipped'],
  offerChoice: ['least-move', 'strongest-challenger'],
  outcome: ['median', 'mean'],
  risk: ['inferred', 'neutral'],
};
const EU_NUMBERS: Record<string, [number, number]> = { q: [0, 1], t: [0, 1], maxRounds: [1, 100_000] };

/** `--eu probability=net q=0.9`. */
export function parseEuSettings(settings: readonly string[]): Partial<EuParameters> {
  const out: Record<string, unknown> = {};
  for (const raw of settings) {
    const [name, value] = splitSetting('--eu', raw);
    if (hasOwn(EU_CHOICES, name)) {
      const values = EU_CHOICES[name]!;
      if (!values.includes(value))
        throw optionError('--eu', `unknown ${name} "${value}"`, `valid: ${values.join(', ')}`);
      out[name] = value;
    } else if (hasOwn(EU_NUMBERS, name)) {
      const [min, max] = EU_NUMBERS[name]!;
      const v = Number(value);
      if (!Number.isFinite(v) || v < min || v > max || (name === 'maxRounds' && !Number.isInteger(v))) {
        throw optionError('--eu', `${name} must be a number in [${min}, ${max}], got "${value}"`);
      }
      out[name] = v;
    } else {
      const known = Object.keys(DEFAULT_EU_PARAMETERS).filter((k) => k !== 'tolerance');
      throw optionError('--eu', `unknown expected-utility setting "${name}"`, suggestionHint(name, known));
    }
  }
  return out as Partial<EuParameters>;
}

// ---------------------------------------------------------------------------------------------
// Output

const fmt = (x: number) => x.toFixed(2);

/** Columns padded to a common width; `align` gives l or r per column (default: first l, rest r). */
function table(rows: readonly (readonly string[])[], align = 'l'): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const left = (c: number) => (align[c] ?? (align.length > 1 ? align[align.length - 1] : 'r')) === 'l';
  return rows
    .map((r) =>
      r
        .map((cell, c) => (left(c) ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function renderForecast(issue: ForecastIssue, results: readonly ModelForecast[]): string {
  const out: string[] = [];
  const title = issue.name ? `${issue.name}: ` : '';
  out.push(
    `${title}${issue.actors.length} actors, ${issue.dimensions.length} dimension(s), scale ${issue.scale[0]}–${issue.scale[1]}`,
    '',
  );
  out.push(
    table(
      [
        ['model', ...issue.dimensions, ''],
        ...results.map((r) => [r.model, ...r.forecast.map(fmt), MODEL_TITLES[r.model]]),
      ],
      `l${'r'.repeat(issue.dimensions.length)}l`,
    ),
  );
  for (const r of results) {
    if (r.eu) out.push('', ...renderEu(issue, r.eu));
    if (r.smp) out.push('', ...renderSmp(issue, r.smp));
  }
  return `${out.join('\n')}\n`;
}

function renderEu(issue: ForecastIssue, run: EuRun): string[] {
  const out: string[] = [];
  const p = run.parameters;
  out.push(
    `Expected-utility model (probability ${p.probability}, resistance ${p.resistance}, Q=${p.q}, T=${p.t}, offers ${p.offerChoice}, outcome ${p.outcome})`,
  );
  for (const dim of run.dimensions) {
    const rounds = dim.rounds.length;
    out.push(
      '',
      `${dim.dimension}: ${rounds} round(s), ${dim.converged ? 'stable' : 'not stable (round cap reached)'}, forecast ${fmt(dim.forecast)}`,
    );
    const header = ['actor', ...dim.rounds.map((_, k) => `r${k}`), 'final'];
    const rows = dim.actors.map((a) => [
      issue.actors[a]!.name,
      ...dim.rounds.map((r) => fmt(r.positions[a]!)),
      fmt(dim.finalPositions[a]!),
    ]);
    rows.push(['median', ...dim.rounds.map((r) => fmt(r.median)), '']);
    out.push(table([header, ...rows]));
    dim.rounds.forEach((r, k) => {
      const accepted = r.offers.filter((o) => o.accepted);
      out.push(`round ${k}: ${r.offers.length} offer(s), ${accepted.length} accepted`);
      for (const o of accepted) {
        const to = issue.actors[o.to]!.name;
        const from = issue.actors[o.from]!.name;
        const verb =
          o.kind === 'conflict'
            ? `loses a conflict to ${from}`
            : o.kind === 'compromise'
              ? `compromises with ${from}`
              : `capitulates to ${from}`;
        out.push(`  ${to} ${verb}: ${fmt(r.positions[o.to]!)} → ${fmt(o.position)}`);
      }
    });
  }
  return out;
}

function renderSmp(issue: ForecastIssue, run: SmpRun): string[] {
  const out: string[] = [];
  const p = run.parameters;
  out.push(
    `KTAB spatial model of politics (${KTAB_PARAMETERS.map(([name, key]) => `${name} ${p[key]}`).join(', ')})`,
    `${run.turns.length} turn(s), ${run.converged ? 'converged' : 'turn cap reached'}; expected outcome ${run.forecast.map(fmt).join(', ')}; most probable ${run.mostProbable.map(fmt).join(', ')}`,
    '',
  );
  const header = ['actor', 'dimension', ...run.states.map((_, t) => `t${t}`)];
  const rows: string[][] = [];
  run.actors.forEach((a, i) => {
    issue.dimensions.forEach((d, k) => {
      rows.push([issue.actors[a]!.name, d, ...run.states.map((s) => s.positions[i]![k]!.toFixed(1))]);
    });
    rows.push([issue.actors[a]!.name, 'prob', ...run.states.map((s) => s.probabilities[i]!.toFixed(3))]);
  });
  out.push(table([header, ...rows], 'llr'));
  run.turns.forEach((t, k) => {
    out.push(`turn ${k + 1}: fractional change ${run.fractionalChanges[k]!.toFixed(4)}`);
    for (const c of t.challenges) {
      out.push(
        `  ${issue.actors[c.initiator]!.name} challenges ${issue.actors[c.target]!.name} (p ${c.probability.toFixed(3)}, gain ${c.expectedGain.toFixed(3)})`,
      );
    }
  });
  return out;
}

function byDimension(issue: ForecastIssue, values: readonly number[]): Record<string, number> {
  return Object.fromEntries(issue.dimensions.map((d, k) => [d, values[k]!]));
}

function forecastJson(issue: ForecastIssue, results: readonly ModelForecast[]): unknown {
  const names = issue.actors.map((a) => a.name);
  const perActor = (values: readonly number[], actors: readonly number[]) =>
    Object.fromEntries(actors.map((a) => [names[a]!, values[a]!]));
  return {
    issue: {
      name: issue.name ?? null,
      dimensions: issue.dimensions,
      scale: issue.scale,
      actors: names,
    },
    models: results.map((r) => {
      const base = { model: r.model, title: MODEL_TITLES[r.model], forecast: byDimension(issue, r.forecast) };
      if (r.eu) {
        return {
          ...base,
          parameters: r.eu.parameters,
          dimensions: r.eu.dimensions.map((d) => ({
            dimension: d.dimension,
            converged: d.converged,
            forecast: d.forecast,
            final: perActor(d.finalPositions, d.actors),
            rounds: d.rounds.map((round, k) => ({
              round: k,
              median: round.median,
              positions: perActor(round.positions, d.actors),
              riskExponents: perActor(round.riskExponents, d.actors),
              offers: round.offers.map((o) => ({ ...o, from: names[o.from], to: names[o.to] })),
            })),
          })),
        };
      }
      if (r.smp) {
        const s = r.smp;
        return {
          ...base,
          mostProbable: byDimension(issue, s.mostProbable),
          parameters: { ...s.parameters, seed: s.parameters.seed.toString() },
          converged: s.converged,
          fractionalChanges: s.fractionalChanges,
          states: s.states.map((st, t) => ({
            turn: t,
            positions: Object.fromEntries(
              s.actors.map((a, i) => [names[a]!, byDimension(issue, st.positions[i]!)]),
            ),
            probabilities: Object.fromEntries(s.actors.map((a, i) => [names[a]!, st.probabilities[i]!])),
            risk: Object.fromEntries(s.actors.map((a, i) => [names[a]!, st.risk[i]!])),
          })),
          turns: s.turns.map((t, k) => ({
            turn: k + 1,
            challenges: t.challenges.map((c) => ({
              ...c,
              initiator: names[c.initiator],
              target: names[c.target],
            })),
            bargains: t.bargains.map((b) => ({
              ...b,
              initiator: names[b.initiator],
              receiver: names[b.receiver],
            })),
          })),
        };
      }
      return base;
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Benchmark

function benchmark(opts: ForecastCommandOptions, file: string | undefined): void {
  const name = opts.benchmark!;
  if (!(BENCHMARKS as readonly string[]).includes(name)) {
    throw optionError('--benchmark', `unknown benchmark "${name}"`, suggestionHint(name, [...BENCHMARKS]));
  }
  if (file !== undefined) {
    throw optionError('--benchmark', 'give either a file or --benchmark, not both');
  }
  const folds = parseIntegerOption('--folds', opts.folds, 2);
  const seconds = parseSeconds(opts.seconds, BENCHMARK_SECONDS);
  const path = sharedDataFile('deu3', 'deu3.csv');
  const data = parseDeu3(readInputFile(path), path);
  // Folds deal proposals out: more folds than proposals would leave some empty.
  const proposals = new Set(data.issues.map((i) => i.proposal)).size;
  if (folds > proposals) {
    throw optionError('--folds', `at most ${proposals} folds (one per proposal of DEU III), got ${folds}`);
  }
  const budget = commandBudget('forecast deu3', seconds);
  let result: ReturnType<typeof runDeuBenchmark>;
  try {
    result = runDeuBenchmark(data, {
      folds,
      onProgress: (done, total) => budget.progress(done, total),
      budget,
    });
  } finally {
    budget.done();
  }
  if (opts.json) {
    printJson({
      issues: result.issues,
      folds: result.folds,
      models: result.models.map((m) => ({
        name: m.name,
        capability: m.capability,
        mae: Math.round(m.mae * 1e4) / 1e4,
        description: m.description,
        ...(m.chosen ? { chosen: m.chosen } : {}),
      })),
    });
    return;
  }
  const lines = [
    `DEU III: ${result.issues} issues with an outcome; mean absolute error on the 0–100 scale (lower is better).`,
    `Tuned families (-cv) are scored out of fold: ${result.folds} folds by proposal.`,
    '',
    table(
      [
        ['model', 'capability', 'MAE', 'description'],
        ...result.models.map((m) => [m.name, m.capability, m.mae.toFixed(2), m.description]),
      ],
      'llrl',
    ),
  ];
  const tunedLines = result.models.filter((m) => m.chosen).map((m) => `${m.name}: chose ${m.chosen}`);
  process.stdout.write(`${[...lines, '', ...tunedLines].join('\n')}\n`);
}
