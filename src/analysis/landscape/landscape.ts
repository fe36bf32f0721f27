/**
 * Landscape theory of alignment (Axelrod & Bennett 1993, "A landscape theory of aggregation",
 * British Journal of Political Science 23:211–233).
 *
 * Actors i have sizes s_i and pairwise propensities p_ij (positive: they want to be together).
 * A configuration puts every actor in a bloc; d_ij = 1 when i and j are in different blocs. Its
 * energy is E = Σ over ordered pairs i ≠ j of s_i s_j p_ij d_ij (each unordered pair counts twice, as
 * in the paper) and actor i's frustration is F_i = Σ_j s_j p_ij d_ij, so E = Σ_i s_i F_i. The theory
 * predicts the configurations at local minima of E under single-actor switches; the global minimum
 * is the strongest prediction.
 *
 * Galam (1996) observed that this is a zero-field spin glass: with σ_i = ±1 and J_ij = s_i s_j p_ij,
 * E = Σ_{i<j} J_ij (1 − σ_i σ_j). Minimising it over two blocs is weighted Max-Cut with
 * w_ij = −J_ij (E = −2·cut), so the Max-Cut solvers of this folder answer both questions.
 */
import { type Budget, unlimitedBudget, workBudget } from '../../common/budget.js';
import { at, missing } from '../../common/checked.js';
import { invariant } from '../../common/errors.js';
import { exactMaxCut } from './exact-max-cut.js';
import { graphFromMatrix, type WeightedGraph } from './graph.js';
import { exactMaxKCut } from './k-bloc.js';
import { tabuSearch } from './tabu-search.js';

export interface LandscapeInstance {
  readonly names: readonly string[];
  /** s_i ≥ 0. */
  readonly sizes: Float64Array;
  /** p_ij, row-major n×n, symmetric with a zero diagonal. */
  readonly propensity: Float64Array;
}

/** A configuration: the bloc (0-based) of every actor. */
export type Configuration = Uint8Array;

export function createLandscape(
  names: readonly string[],
  sizes: readonly number[],
  propensity: (i: number, j: number) => number,
): LandscapeInstance {
  const n = names.length;
  invariant(sizes.length === n, 'one size per actor');
  const p = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = propensity(i, j);
      p[i * n + j] = v;
      p[j * n + i] = v;
    }
  }
  return { names, sizes: Float64Array.from(sizes), propensity: p };
}

/** E = Σ_{i≠j} s_i s_j p_ij d_ij. */
export function energy(instance: LandscapeInstance, config: Configuration): number {
  const n = instance.names.length;
  const { sizes, propensity } = instance;
  let e = 0;
  for (let i = 0; i < n; i++) {
    const si = sizes[i] ?? missing();
    for (let j = i + 1; j < n; j++) {
      if (config[i] !== config[j]) e += si * (sizes[j] ?? missing()) * (propensity[i * n + j] ?? missing());
    }
  }
  return 2 * e;
}

/** F_i = Σ_j s_j p_ij d_ij for every actor. */
export function frustrations(instance: LandscapeInstance, config: Configuration): Float64Array {
  const n = instance.names.length;
  const { sizes, propensity } = instance;
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++)
      if (j !== i && config[i] !== config[j])
        s += (sizes[j] ?? missing()) * (propensity[i * n + j] ?? missing());
    f[i] = s;
  }
  return f;
}

/**
 * True when no single actor can lower the energy by switching to the other bloc (two blocs) or to
 * any other bloc, existing or new (k blocs). Ties count as minima, as in the paper's definition.
 */
export function isLocalMinimum(instance: LandscapeInstance, config: Configuration, blocs = 2): boolean {
  const n = instance.names.length;
  const { sizes, propensity } = instance;
  const scale = tolerance(instance);
  // Switching i from bloc a to b changes E by 2 s_i (Σ_{j∈a} s_j p_ij − Σ_{j∈b} s_j p_ij); an empty
  // bloc (toBloc 0) stands for opening a new one.
  const toBloc = new Float64Array(blocs);
  for (let i = 0; i < n; i++) {
    toBloc.fill(0);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const b = config[j] ?? missing();
      toBloc[b] = (toBloc[b] ?? missing()) + (sizes[j] ?? missing()) * (propensity[i * n + j] ?? missing());
    }
    const ci = config[i] ?? missing();
    const here = toBloc[ci] ?? missing();
    const si = sizes[i] ?? missing();
    for (let b = 0; b < blocs; b++) {
      if (b !== ci && 2 * si * (here - (toBloc[b] ?? missing())) < -scale) return false;
    }
  }
  return true;
}

/** The Max-Cut graph of an instance: w_ij = −s_i s_j p_ij. */
export function landscapeGraph(instance: LandscapeInstance): WeightedGraph {
  const n = instance.names.length;
  const w = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i !== j) w[i * n + j] = -coupling(instance, i, j);
    }
  }
  return graphFromMatrix(n, w);
}

export interface Alignment {
  readonly energy: number;
  readonly configuration: Configuration;
  /** Actor indices of every bloc, blocs in order of their first actor; with two blocs, always two. */
  readonly blocs: number[][];
  readonly frustration: Float64Array;
  /** True when the configuration is proven to be of minimum energy. */
  readonly exact: boolean;
}

export interface AlignmentOptions {
  /** Number of blocs (default 2). More than two is solved exactly only. */
  readonly blocs?: number;
  /** Largest n solved exactly (two blocs); above it the tabu search answers. */
  readonly exactLimit?: number;
  /** Limit for the exact search and for the heuristic. */
  readonly budget?: Budget;
  readonly seed?: number;
}

/** Most blocs a configuration may have (bloc numbers are bytes). */
export const MAX_BLOCS = 255;

/** Default largest n for the exact two-bloc search (the landscape benchmark solves it within a second). */
export const DEFAULT_EXACT_LIMIT = 45;

/** The configuration of minimum energy: exact below the limit, otherwise the tabu search's best. */
export function predictAlignment(instance: LandscapeInstance, options: AlignmentOptions = {}): Alignment {
  const n = instance.names.length;
  const k = options.blocs ?? 2;
  const budget = options.budget ?? unlimitedBudget;
  const graph = landscapeGraph(instance);
  let configuration: Configuration;
  let exact: boolean;
  if (k > 2) {
    const solution = exactMaxKCut(graph, k, budget);
    configuration = solution.blocs;
    exact = solution.exact;
  } else if (n <= (options.exactLimit ?? DEFAULT_EXACT_LIMIT)) {
    const solution = exactMaxCut(graph, { budget, seed: options.seed });
    configuration = solution.sides;
    exact = solution.exact;
  } else {
    // Without a wall clock, the heuristic gets a fixed amount of work (deterministic).
    const heuristicBudget = budget === unlimitedBudget ? workBudget(Math.max(64, n)) : budget;
    configuration = tabuSearch(graph, { seed: options.seed ?? 1, budget: heuristicBudget }).sides;
    exact = false;
  }
  configuration = normalise(configuration);
  return describe(instance, configuration, exact, Math.max(k, 2));
}

/** Relabels blocs in order of first member, so that actor 0 is always in bloc 0. */
export function normalise(config: Configuration): Configuration {
  const label = new Int16Array(256).fill(-1);
  let next = 0;
  const out = new Uint8Array(config.length);
  config.forEach((bloc, i) => {
    let l = label[bloc] ?? missing();
    if (l < 0) {
      l = next++;
      label[bloc] = l;
    }
    out[i] = l;
  });
  return out;
}

function describe(instance: LandscapeInstance, config: Configuration, exact: boolean, k: number): Alignment {
  const blocs: number[][] = [];
  for (let b = 0; b < k; b++) blocs.push([]);
  config.forEach((bloc, i) => at(blocs, bloc, 'bloc').push(i));
  // Empty blocs beyond two are left out: "k blocs" means at most k.
  const kept = blocs.filter((b, index) => index < 2 || b.length > 0);
  return {
    energy: energy(instance, config),
    configuration: config,
    blocs: kept,
    frustration: frustrations(instance, config),
    exact,
  };
}

export interface RankedConfiguration {
  readonly configuration: Configuration;
  readonly blocs: number[][];
  readonly energy: number;
  readonly frustration: Float64Array;
  readonly localMinimum: boolean;
}

/** Largest n for which every two-bloc configuration is listed (2^(n−1) of them). */
export const MAX_ENUMERATED_ACTORS = 20;

/**
 * Every two-bloc configuration (actor 0 in the first bloc; the all-in-one configuration included, as
 * in the paper's 2^(n−1)), by increasing energy, with frustrations and local-minimum status.
 */
export function allConfigurations(
  instance: LandscapeInstance,
  onlyLocalMinima = false,
): RankedConfiguration[] {
  const n = instance.names.length;
  invariant(
    n >= 1 && n <= MAX_ENUMERATED_ACTORS,
    `listing every configuration needs 1..${MAX_ENUMERATED_ACTORS} actors`,
  );
  const { sizes, propensity } = instance;
  const count = 1 << (n - 1);
  const energies = new Float64Array(count);
  const minimum = new Uint8Array(count);
  const config = new Uint8Array(n);
  const scale = tolerance(instance);
  for (let mask = 0; mask < count; mask++) {
    for (let i = 1; i < n; i++) config[i] = (mask >> (i - 1)) & 1;
    let e = 0;
    let local = 1;
    for (let i = 0; i < n; i++) {
      // What i's own bloc and the other bloc pull it by.
      let here = 0;
      let other = 0;
      const ci = config[i];
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const x = (sizes[j] ?? missing()) * (propensity[i * n + j] ?? missing());
        if (config[j] === ci) here += x;
        else other += x;
      }
      const si = sizes[i] ?? missing();
      e += si * other;
      if (2 * si * (here - other) < -scale) local = 0;
    }
    energies[mask] = e;
    minimum[mask] = local;
  }
  const masks: number[] = [];
  for (let mask = 0; mask < count; mask++) if (!onlyLocalMinima || minimum[mask] === 1) masks.push(mask);
  masks.sort((a, b) => (energies[a] ?? missing()) - (energies[b] ?? missing()) || a - b);
  return masks.map((mask) => {
    const c = new Uint8Array(n);
    for (let i = 1; i < n; i++) c[i] = (mask >> (i - 1)) & 1;
    const d = describe(instance, c, true, 2);
    return {
      configuration: c,
      blocs: d.blocs,
      energy: d.energy,
      frustration: d.frustration,
      localMinimum: minimum[mask] === 1,
    };
  });
}

/** Tolerance for energy comparisons: relative to the largest pair term. */
function tolerance(instance: LandscapeInstance): number {
  let m = 0;
  const n = instance.names.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) m = Math.max(m, Math.abs(coupling(instance, i, j)));
  }
  return m * 1e-9;
}

/** s_i s_j p_ij: the weight of the pair (i, j) in the energy. */
function coupling(instance: LandscapeInstance, i: number, j: number): number {
  const { sizes, propensity } = instance;
  return (sizes[i] ?? missing()) * (sizes[j] ?? missing()) * (propensity[i * sizes.length + j] ?? missing());
}
