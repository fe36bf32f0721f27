/**
 * The DEU III benchmark: every model forecasts the outcome of each of the issues with an outcome
 * from the actors' positions, saliences and a capability, and is scored by the mean absolute error
 * (0–100 scale) against the actual outcome.
 *
 * Protocol. Nothing is fitted per issue. Models without free parameters are scored on all issues.
 * A model family with global parameters (a capability exponent, how a run is read out) is scored
 * out of fold: the issues are split into folds by proposal (all issues of a proposal in the same
 * fold, proposals in identifier order dealt round-robin), the setting with the lowest error on the
 * other folds forecasts each held-out fold, and the error over all held-out forecasts is reported
 * with the settings chosen.
 */
import { type Budget, spend } from '../../common/budget.js';
import { at, get, missing } from '../../common/checked.js';
import { invariant } from '../../common/errors.js';
import {
  baselineForecast,
  medianVoterPosition,
  weightedMean,
  weightedMedian,
  weightedPositions,
} from './baselines.js';
import { type DeuDataSet, deuForecastIssue } from './deu3.js';
import { runEuModel } from './eu-model.js';
import { runSmp } from './smp.js';
import type { ForecastIssue } from './types.js';

export interface BenchmarkModel {
  readonly name: string;
  /** Where capability came from: `equal`, `gdp`, `none` (unweighted), or `gdp^β` with β by CV. */
  readonly capability: string;
  /** Mean absolute error; out of fold for tuned families. */
  readonly mae: number;
  readonly description: string;
  /** For tuned families: the settings chosen, with the number of folds that chose each. */
  readonly chosen?: string;
}

export interface DeuBenchmark {
  readonly issues: number;
  readonly folds: number;
  readonly models: readonly BenchmarkModel[];
}

export interface DeuBenchmarkOptions {
  readonly folds?: number;
  /** Progress: work units done of total, with a note on the current step. */
  readonly onProgress?: (done: number, total: number, note: string) => void;
  /** A time limit, checked after every model run: a TimeLimitError when it runs out. */
  readonly budget?: Budget;
}

/** Capability exponents tried by the tuned families; 0 is equal capability, 1 is GDP. */
export const CAPABILITY_EXPONENTS = [0, 0.25, 0.5, 0.75, 1] as const;
/** The subset used for the (slower) bargaining models. */
export const MODEL_CAPABILITY_EXPONENTS = [0, 0.5, 1] as const;
/** Rounds after which the expected-utility model is read out (Infinity: until stable). */
export const EU_HORIZONS = [1, 3, Number.POSITIVE_INFINITY] as const;

function meanAbsoluteError(pred: readonly number[], truth: readonly number[]): number {
  let e = 0;
  pred.forEach((p, i) => {
    e += Math.abs(p - (truth[i] ?? missing()));
  });
  return e / pred.length;
}

/** Fold of each issue: proposals in identifier order dealt round-robin to `k` folds. */
export function proposalFolds(proposals: readonly string[], k: number): number[] {
  const distinct = [...new Set(proposals)].sort();
  const fold = new Map(distinct.map((p, i) => [p, i % k] as const));
  return proposals.map((p) => get(fold, p, 'proposal'));
}

/**
 * Out-of-fold error of choosing, per fold, the candidate with the lowest error on the other folds.
 * Ties go to the earlier candidate.
 */
export function crossValidate(
  candidates: readonly { readonly label: string; readonly predictions: readonly number[] }[],
  truth: readonly number[],
  folds: readonly number[],
  k: number,
): { mae: number; chosen: string[] } {
  const oof = new Array<number>(truth.length).fill(Number.NaN);
  const chosen: string[] = [];
  for (let f = 0; f < k; f++) {
    let best = 0;
    let bestErr = Number.POSITIVE_INFINITY;
    candidates.forEach((c, ci) => {
      let e = 0;
      let n = 0;
      c.predictions.forEach((p, i) => {
        if (folds[i] !== f) {
          e += Math.abs(p - (truth[i] ?? missing()));
          n++;
        }
      });
      const err = n > 0 ? e / n : 0;
      if (err < bestErr) {
        bestErr = err;
        best = ci;
      }
    });
    const chosenCandidate = at(candidates, best, 'candidate');
    chosen.push(chosenCandidate.label);
    folds.forEach((fi, i) => {
      if (fi === f) oof[i] = at(chosenCandidate.predictions, i, 'prediction');
    });
  }
  return { mae: meanAbsoluteError(oof, truth), chosen };
}

function summariseChoices(chosen: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const c of chosen) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([label, n]) => `${label} (${n}/${chosen.length} folds)`)
    .join('; ');
}

const exponentLabel = (b: number) => (b === 0 ? 'equal' : b === 1 ? 'gdp' : `gdp^${b}`);

/** A setting of a model family and its forecast of every issue. */
interface Candidate {
  readonly label: string;
  readonly predictions: readonly number[];
}

interface EuCandidate extends Candidate {
  readonly b: number;
  readonly horizon: number;
  readonly outcome: string;
}

interface SmpCandidate extends Candidate {
  readonly b: number;
  readonly readout: string;
}

const BASELINES = ['mean', 'median', 'nbs', 'condorcet'] as const;
type Baselines = Record<(typeof BASELINES)[number], Map<number, number[]>>;

/** Runs every model on the data set and scores it. Deterministic. */
export function runDeuBenchmark(data: DeuDataSet, options: DeuBenchmarkOptions = {}): DeuBenchmark {
  const k = options.folds ?? 10;
  const issues = data.issues;
  const truth = issues.map((i) => i.outcome);
  const folds = proposalFolds(
    issues.map((i) => i.proposal),
    k,
  );
  const inputs = (b: number): ForecastIssue[] =>
    issues.map((i) => deuForecastIssue(data, i, b === 0 ? 'equal' : 'gdp', b));

  const bargainingRuns = MODEL_CAPABILITY_EXPONENTS.length * 2;
  const total = bargainingRuns * issues.length;
  let done = 0;
  const tick = (note: string) => {
    done++;
    options.onProgress?.(done, total, note);
    if (options.budget) spend(options.budget, `the DEU III benchmark (${done} of ${total} model runs)`);
  };

  const baseline = baselinePredictions(inputs);
  // The DEU literature's unweighted median: every actor with a position and a salience counts once.
  const unweightedMedian = issues.map((i) =>
    weightedMedian(
      i.actors.map((a) => a.position),
      i.actors.map(() => 1),
    ),
  );
  const eu = euCandidates(inputs, tick);
  const smp = smpCandidates(inputs, tick);

  const models = fixedModels(baseline, unweightedMedian, eu, smp, truth);
  const tuned = (name: string, candidates: readonly Candidate[], description: string) => {
    const { mae, chosen } = crossValidate(candidates, truth, folds, k);
    models.push({ name, capability: 'gdp^β, β by CV', mae, description, chosen: summariseChoices(chosen) });
  };
  tuned(
    'mean-cv',
    CAPABILITY_EXPONENTS.map((b) => ({
      label: `capability ${exponentLabel(b)}`,
      predictions: get(baseline.mean, b, 'capability exponent'),
    })),
    'compromise model (weighted mean) with capability GDP^β, β ∈ {0, ¼, ½, ¾, 1} by cross-validation',
  );
  tuned(
    'eu-cv',
    eu,
    'expected-utility model: capability exponent, rounds (1, 3, until stable) and outcome (median, mean) by cross-validation',
  );
  tuned(
    'smp-cv',
    smp,
    "KTAB's SMP: capability exponent and read-out (expected or most probable position) by cross-validation",
  );
  return { issues: issues.length, folds: k, models };
}

/** The baselines' forecasts for every capability exponent (cheap). */
function baselinePredictions(inputs: (b: number) => ForecastIssue[]): Baselines {
  const baseline: Baselines = { mean: new Map(), median: new Map(), nbs: new Map(), condorcet: new Map() };
  for (const b of CAPABILITY_EXPONENTS) {
    const xs = inputs(b);
    for (const name of BASELINES)
      baseline[name].set(
        b,
        xs.map((x) => at(baselineForecast(x, name), 0, 'dimension')),
      );
  }
  return baseline;
}

/** Expected-utility model: one run per exponent, read out after 1, 3 rounds and when stable. */
function euCandidates(inputs: (b: number) => ForecastIssue[], tick: (note: string) => void): EuCandidate[] {
  const eu: EuCandidate[] = [];
  for (const b of MODEL_CAPABILITY_EXPONENTS) {
    const perHorizon: { median: number[]; mean: number[] }[] = EU_HORIZONS.map(() => ({
      median: [],
      mean: [],
    }));
    for (const x of inputs(b)) {
      const run = at(runEuModel(x).dimensions, 0, 'dimension');
      const { w } = weightedPositions(x, 0);
      EU_HORIZONS.forEach((h, hi) => {
        // Positions after h rounds: the start of round h, or the final positions.
        const after = h < run.rounds.length ? at(run.rounds, h, 'round').positions : run.finalPositions;
        const held = run.actors.map((a) => at(after, a, 'position'));
        const readings = at(perHorizon, hi);
        readings.median.push(medianVoterPosition(held, w));
        readings.mean.push(weightedMean(held, w));
      });
      tick(`expected-utility model, capability ${exponentLabel(b)}`);
    }
    EU_HORIZONS.forEach((h, hi) => {
      const hl = Number.isFinite(h) ? `${h} round${h === 1 ? '' : 's'}` : 'until stable';
      for (const outcome of ['median', 'mean'] as const) {
        eu.push({
          label: `capability ${exponentLabel(b)}, ${hl}, ${outcome}`,
          b,
          horizon: h,
          outcome,
          predictions: at(perHorizon, hi)[outcome],
        });
      }
    });
  }
  return eu;
}

/** KTAB's SMP: one run per exponent, read out as the expected or the most probable position. */
function smpCandidates(inputs: (b: number) => ForecastIssue[], tick: (note: string) => void): SmpCandidate[] {
  const smp: SmpCandidate[] = [];
  for (const b of MODEL_CAPABILITY_EXPONENTS) {
    const expected: number[] = [];
    const top: number[] = [];
    for (const x of inputs(b)) {
      const run = runSmp(x);
      expected.push(at(run.forecast, 0, 'dimension'));
      top.push(at(run.mostProbable, 0, 'dimension'));
      tick(`KTAB SMP, capability ${exponentLabel(b)}`);
    }
    smp.push({
      label: `capability ${exponentLabel(b)}, expected position`,
      b,
      readout: 'expected',
      predictions: expected,
    });
    smp.push({
      label: `capability ${exponentLabel(b)}, most probable position`,
      b,
      readout: 'top',
      predictions: top,
    });
  }
  return smp;
}

/** The models without free parameters, scored on every issue. */
function fixedModels(
  baseline: Baselines,
  unweightedMedian: readonly number[],
  eu: readonly EuCandidate[],
  smp: readonly SmpCandidate[],
  truth: readonly number[],
): BenchmarkModel[] {
  const models: BenchmarkModel[] = [];
  const fixed = (name: string, capability: string, predictions: readonly number[], description: string) =>
    models.push({ name, capability, mae: meanAbsoluteError(predictions, truth), description });
  const equal = (name: keyof Baselines) => get(baseline[name], 0, 'capability exponent');
  const gdp = (name: keyof Baselines) => get(baseline[name], 1, 'capability exponent');
  fixed('mean', 'equal', equal('mean'), 'salience-weighted mean');
  fixed('mean', 'gdp', gdp('mean'), 'GDP × salience weighted mean');
  fixed('unweighted-median', 'none', unweightedMedian, 'median of the positions, unweighted');
  fixed('median', 'equal', equal('median'), 'salience-weighted median');
  fixed('median', 'gdp', gdp('median'), 'GDP × salience weighted median');
  fixed('nbs', 'equal', equal('nbs'), 'Nash bargaining solution, salience-weighted');
  fixed('nbs', 'gdp', gdp('nbs'), 'Nash bargaining solution, GDP × salience weighted');
  fixed('condorcet', 'equal', equal('condorcet'), 'Condorcet winner, salience-weighted votes');
  fixed('condorcet', 'gdp', gdp('condorcet'), 'Condorcet winner, GDP × salience weighted votes');
  const euAt = (b: number) => {
    const found = eu.find((e) => e.b === b && !Number.isFinite(e.horizon) && e.outcome === 'median');
    invariant(found, `the expected-utility model was run with capability exponent ${b}`);
    return found;
  };
  const smpAt = (b: number) => {
    const found = smp.find((e) => e.b === b && e.readout === 'expected');
    invariant(found, `the SMP was run with capability exponent ${b}`);
    return found;
  };
  fixed('eu', 'equal', euAt(0).predictions, 'expected-utility model, paper readings, median when stable');
  fixed('eu', 'gdp', euAt(1).predictions, 'expected-utility model, paper readings, median when stable');
  fixed('smp', 'equal', smpAt(0).predictions, "KTAB's SMP, KTAB's default parameters, expected position");
  fixed('smp', 'gdp', smpAt(1).predictions, "KTAB's SMP, KTAB's default parameters, expected position");
  return models;
}
