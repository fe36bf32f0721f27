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
import { InputError, must, type Problem } from '../../common/errors.js';
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
      if (opts.benchmark !== undefined) benchmark(opts.benchmark, opts, file);
      else forecast(file, opts);
    });
}

/** Forecasts the issue in `file` with the chosen models, printed as text, JSON or a KTAB log. */
function forecast(file: string | undefined, opts: ForecastCommandOptions): void {
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
    // The models include smp (checked above), so its run is among the results.
    const run = must(results.find((r) => r.model === 'smp')?.smp, 'the SMP run');
    const [seed, ...params] = formatKtabParameters(run.parameters);
    process.stdout.write(`${[seed, ...formatKtabLines(issue, run), ...params].join('\n')}\n`);
    return;
  }
  if (opts.json) printJson(forecastJson(issue, results));
  else process.stdout.write(renderForecast(issue, results));
}

function optionError(option: string, message: string, hint?: string): InputError {
  return new InputError([{ code: 'invalid-option', path: option, message, hint }]);
}

function parseModels(raw: string): ForecastModelName[] {
  if (raw === 'all') return [...FORECAST_MODELS];
  const names = raw.split(',').map((s) => s.trim());
  const models: ForecastModelName[] = [];
  const problems: Problem[] = [];
  for (const n of names) {
    const model = FORECAST_MODELS.find((m) => m === n);
    if (model) models.push(model);
    else {
      problems.push({
        code: 'invalid-option',
        path: '--model',
        message: `unknown model "${n}"`,
        hint: suggestionHint(n, [...FORECAST_MODELS, 'all']),
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return models;
}

function splitSetting(option: string, raw: string): [string, string] {
  const [, name, value] = /^([A-Za-z]+)=(.+)$/.exec(raw.trim()) ?? [];
  if (name === undefined || value === undefined)
    throw optionError(option, `expected NAME=VALUE, got "${raw}"`);
  return [name, value];
}

/** `--smp VotingRule=Binary seed=42 maxIterations=50`; names are KTAB's or their camel case. */
export function parseSmpSettings(settings: readonly string[]): {
  -readonly [K in keyof SmpParameters]?: SmpParameters[K];
} {
  const out: Record<string, unknown> = {};
  const numeric = new Map<string, readonly [number, number]>([
    ['minIterations', [1, 10_000]],
    ['maxIterations', [1, 10_000]],
    ['minDeltaRatio', [0, 1]],
  ]);
  for (const raw of settings) {
    const [name, value] = splitSetting('--smp', raw);
    const entry = KTAB_PARAMETERS.find(([k, key]) => k === name || key === name);
    if (entry) {
      const [k, key, values] = entry;
      if (!values.some((v) => v === value)) {
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
    } else if (numeric.has(name)) {
      const [min, max] = must(numeric.get(name), name);
      const v = Number(value);
      if (!Number.isFinite(v) || v < min || v > max) {
        throw optionError('--smp', `${name} must be a number in [${min}, ${max}], got "${value}"`);
      }
      out[name] = v;
    } else {
      const known = [...KTAB_PARAMETERS.map(([k]) => k), 'seed', 'actorOrder', ...numeric.keys()];
      throw optionError('--smp', `unknown SMP parameter "${name}"`, suggestionHint(name, known));
    }
  }
  return out;
}

type EuSettings = { -readonly [K in keyof EuParameters]?: EuParameters[K] };
type EuChoice = 'probability' | 'resistance' | 'statusQuo' | 'offerChoice' | 'outcome' | 'risk';
type EuNumber = 'q' | 't' | 'maxRounds';

/** The words each expected-utility reading may take (checked against EuParameters by the compiler). */
const EU_CHOICES: { readonly [K in EuChoice]: readonly EuParameters[K][] } = {
  probability: ['paper', 'net', 'all-pairs'],
  resistance: ['target', 'as-printed'],
  statusQuo: ['paper', 'flipped'],
  offerChoice: ['least-move', 'strongest-challenger'],
  outcome: ['median', 'mean'],
  risk: ['inferred', 'neutral'],
};
/** The range of each numeric setting, and whether it counts (whole numbers). */
const EU_NUMBERS: { readonly [K in EuNumber]: readonly [min: number, max: number, whole: boolean] } = {
  q: [0, 1, false],
  t: [0, 1, false],
  maxRounds: [1, 100_000, true],
};
const isEuChoice = (name: string): name is EuChoice => Object.hasOwn(EU_CHOICES, name);
const isEuNumber = (name: string): name is EuNumber => Object.hasOwn(EU_NUMBERS, name);

/** `--eu probability=net q=0.9`. */
export function parseEuSettings(settings: readonly string[]): Partial<EuParameters> {
  const out: EuSettings = {};
  for (const raw of settings) {
    const [name, value] = splitSetting('--eu', raw);
    if (isEuChoice(name)) setEuChoice(out, name, value);
    else if (isEuNumber(name)) out[name] = euNumber(name, value);
    else {
      const known = Object.keys(DEFAULT_EU_PARAMETERS).filter((k) => k !== 'tolerance');
      throw optionError('--eu', `unknown expected-utility setting "${name}"`, suggestionHint(name, known));
    }
  }
  return out;
}

function setEuChoice<K extends EuChoice>(out: EuSettings, name: K, value: string): void {
  const values: readonly EuParameters[K][] = EU_CHOICES[name];
  const chosen = values.find((v) => v === value);
  if (chosen === undefined)
    throw optionError('--eu', `unknown ${name} "${value}"`, `valid: ${values.join(', ')}`);
  out[name] = chosen;
}

function euNumber(name: EuNumber, value: string): number {
  const [min, max, whole] = EU_NUMBERS[name];
  const v = Number(value);
  if (!Number.isFinite(v) || v < min || v > max || (whole && !Number.isInteger(v))) {
    throw optionError('--eu', `${name} must be a number in [${min}, ${max}], got "${value}"`);
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Output

const fmt = (x: number) => x.toFixed(2);

/**
 * The name of actor `a`: the models number the actors by their place in the issue, and list their
 * values (positions, probabilities) one per actor or per dimension in the same order.
 */
const actorName = (issue: ForecastIssue, a: number) => must(issue.actors[a], () => `actor ${a}`).name;
const nth = <T>(values: readonly T[], i: number): T => must(values[i], () => `value ${i} of a model's list`);

/** Columns padded to a common width; `align` gives l or r per column (default: first l, rest r). */
function table(rows: readonly (readonly string[])[], align = 'l'): string {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const left = (c: number) => (align[c] ?? (align.length > 1 ? align[align.length - 1] : 'r')) === 'l';
  return rows
    .map((r) =>
      r
        .map((cell, c) => (left(c) ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
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
      actorName(issue, a),
      ...dim.rounds.map((r) => fmt(nth(r.positions, a))),
      fmt(nth(dim.finalPositions, a)),
    ]);
    rows.push(['median', ...dim.rounds.map((r) => fmt(r.median)), '']);
    out.push(table([header, ...rows]));
    dim.rounds.forEach((r, k) => {
      const accepted = r.offers.filter((o) => o.accepted);
      out.push(`round ${k}: ${r.offers.length} offer(s), ${accepted.length} accepted`);
      for (const o of accepted) {
        const to = actorName(issue, o.to);
        const from = actorName(issue, o.from);
        const verb =
          o.kind === 'conflict'
            ? `loses a conflict to ${from}`
            : o.kind === 'compromise'
              ? `compromises with ${from}`
              : `capitulates to ${from}`;
        out.push(`  ${to} ${verb}: ${fmt(nth(r.positions, o.to))} → ${fmt(o.position)}`);
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
    const name = actorName(issue, a);
    issue.dimensions.forEach((d, k) => {
      rows.push([name, d, ...run.states.map((s) => nth(nth(s.positions, i), k).toFixed(1))]);
    });
    rows.push([name, 'prob', ...run.states.map((s) => nth(s.probabilities, i).toFixed(3))]);
  });
  out.push(table([header, ...rows], 'llr'));
  run.turns.forEach((t, k) => {
    out.push(`turn ${k + 1}: fractional change ${nth(run.fractionalChanges, k).toFixed(4)}`);
    for (const c of t.challenges) {
      out.push(
        `  ${actorName(issue, c.initiator)} challenges ${actorName(issue, c.target)} (p ${c.probability.toFixed(3)}, gain ${c.expectedGain.toFixed(3)})`,
      );
    }
  });
  return out;
}

function byDimension(issue: ForecastIssue, values: readonly number[]): Record<string, number> {
  return Object.fromEntries(issue.dimensions.map((d, k) => [d, nth(values, k)]));
}

function forecastJson(issue: ForecastIssue, results: readonly ModelForecast[]): unknown {
  const names = issue.actors.map((a) => a.name);
  return {
    issue: {
      name: issue.name ?? null,
      dimensions: issue.dimensions,
      scale: issue.scale,
      actors: names,
    },
    models: results.map((r) => {
      const base = { model: r.model, title: MODEL_TITLES[r.model], forecast: byDimension(issue, r.forecast) };
      if (r.eu) return { ...base, ...euJson(names, r.eu) };
      if (r.smp) return { ...base, ...smpJson(issue, names, r.smp) };
      return base;
    }),
  };
}

/** Each actor's value, by the actor's name. */
function perActor(names: readonly string[], values: readonly number[], actors: readonly number[]) {
  return Object.fromEntries(actors.map((a) => [nth(names, a), nth(values, a)]));
}

function euJson(names: readonly string[], run: EuRun) {
  return {
    parameters: run.parameters,
    dimensions: run.dimensions.map((d) => ({
      dimension: d.dimension,
      converged: d.converged,
      forecast: d.forecast,
      final: perActor(names, d.finalPositions, d.actors),
      rounds: d.rounds.map((round, k) => ({
        round: k,
        median: round.median,
        positions: perActor(names, round.positions, d.actors),
        riskExponents: perActor(names, round.riskExponents, d.actors),
        offers: round.offers.map((o) => ({ ...o, from: names[o.from], to: names[o.to] })),
      })),
    })),
  };
}

function smpJson(issue: ForecastIssue, names: readonly string[], s: SmpRun) {
  const byActor = <T>(value: (i: number) => T) =>
    Object.fromEntries(s.actors.map((a, i) => [nth(names, a), value(i)]));
  return {
    mostProbable: byDimension(issue, s.mostProbable),
    parameters: { ...s.parameters, seed: s.parameters.seed.toString() },
    converged: s.converged,
    fractionalChanges: s.fractionalChanges,
    states: s.states.map((st, t) => ({
      turn: t,
      positions: byActor((i) => byDimension(issue, nth(st.positions, i))),
      probabilities: byActor((i) => nth(st.probabilities, i)),
      risk: byActor((i) => nth(st.risk, i)),
    })),
    turns: s.turns.map((t, k) => ({
      turn: k + 1,
      challenges: t.challenges.map((c) => ({ ...c, initiator: names[c.initiator], target: names[c.target] })),
      bargains: t.bargains.map((b) => ({ ...b, initiator: names[b.initiator], receiver: names[b.receiver] })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Benchmark

function benchmark(name: string, opts: ForecastCommandOptions, file: string | undefined): void {
  if (!BENCHMARKS.some((b) => b === name)) {
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
