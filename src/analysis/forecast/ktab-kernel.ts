/**
 * The building blocks KTAB's spatial model of politics is assembled from (KAPSARC's Knowledge and
 * Tools for Analysing Bargaining, `kmodel` library, 2017): voting rules, victory-probability models,
 * coalition strengths, the probabilistic Condorcet election (PCE) over options, the inference of risk
 * attitudes from those probabilities, and the utility of a spatial distance.
 *
 * Every function follows KTAB's published definitions, including the order in which floating-point
 * sums are taken, so that runs reproduce KTAB's printed figures. Names of the options are KTAB's.
 */

import { missing } from '../../common/checked.js';

export const VOTING_RULES = ['Binary', 'PropBin', 'Prop', 'PropCbc', 'Cubic', 'ASymProsp'] as const;
export type VotingRule = (typeof VOTING_RULES)[number];

export const VICTORY_PROB_MODELS = ['Linear', 'Square', 'Quartic', 'Octic', 'Binary'] as const;
export type VictoryProbModel = (typeof VICTORY_PROB_MODELS)[number];

export const PCE_MODELS = ['Conditional', 'MarkovIncentive', 'MarkovUniform'] as const;
export type PceModel = (typeof PCE_MODELS)[number];

export const BIG_R_RANGES = ['Min', 'Mid', 'Max'] as const;
export type BigRRange = (typeof BIG_R_RANGES)[number];

export const BIG_R_ADJUSTS = ['None', 'OneThird', 'Half', 'TwoThirds', 'Full'] as const;
export type BigRAdjust = (typeof BIG_R_ADJUSTS)[number];

export const THIRD_PARTY_COMMITS = ['NoCommit', 'SemiCommit', 'FullCommit'] as const;
export type ThirdPartyCommit = (typeof THIRD_PARTY_COMMITS)[number];

/** A square matrix stored row-major. */
export class SquareMatrix {
  readonly values: Float64Array;
  constructor(readonly size: number) {
    this.values = new Float64Array(size * size);
  }
  get(i: number, j: number): number {
    return this.values[i * this.size + j] ?? missing();
  }
  set(i: number, j: number, v: number): void {
    this.values[i * this.size + j] = v;
  }
}

/**
 * How many votes an actor of weight `w` casts for option i over option k when they are worth `uij`
 * and `uik` to it (KTAB `Model::vote`). Binary votes saturate at a utility difference of 1e-8;
 * PropBin mixes 80 % proportional with 20 % binary, PropCbc half proportional and half cubic;
 * ASymProsp (asymmetric prospects) discounts gains to two thirds, as in prospect theory.
 */
export function vote(rule: VotingRule, w: number, uij: number, uik: number): number {
  const du = uij - uik;
  let binary = du / 1e-8;
  binary = Math.min(binary, 1);
  binary = Math.max(binary, -1);
  switch (rule) {
    case 'Binary':
      return w * binary;
    case 'PropBin':
      return w * ((1 - 0.2) * du + 0.2 * binary);
    case 'Prop':
      return w * du;
    case 'PropCbc':
      return w * ((1 - 0.5) * du + 0.5 * (du * du * du));
    case 'Cubic':
      return w * (du * du * du);
    case 'ASymProsp':
      if (du < 0) return w * du;
      if (du > 0) return (2 * w * du) / 3;
      return 0;
  }
}

/**
 * The probability that a coalition of strength s1 defeats one of strength s2 (KTAB `Model::vProb`):
 * strengths raised to the first, second, fourth or eighth power and normalised; `Binary` is a
 * threshold model where 10 % more strength wins outright and closer contests interpolate linearly.
 */
export function victoryProbability(model: VictoryProbModel, s1: number, s2: number): [number, number] {
  let x1: number;
  let x2: number;
  switch (model) {
    case 'Linear':
      x1 = s1;
      x2 = s2;
      break;
    case 'Square':
      x1 = s1 * s1;
      x2 = s2 * s2;
      break;
    case 'Quartic':
      x1 = s1 * s1 * s1 * s1;
      x2 = s2 * s2 * s2 * s2;
      break;
    case 'Octic': {
      const q1 = s1 * s1 * s1 * s1;
      const q2 = s2 * s2 * s2 * s2;
      x1 = q1 * q1;
      x2 = q2 * q2;
      break;
    }
    case 'Binary': {
      const threshold = 1.1;
      const minX = 1e-6;
      if (s1 >= threshold * s2) {
        x1 = 1;
        x2 = minX;
      } else if (s2 >= threshold * s1) {
        x1 = minX;
        x2 = 1;
      } else {
        const r12 = s1 / (s1 + s2);
        const p12 = (r12 * (threshold + 1) - 1) / (threshold - 1);
        x1 = p12;
        x2 = 1 - p12;
      }
      break;
    }
  }
  return [x1 / (x1 + x2), x2 / (x1 + x2)];
}

/**
 * Coalition strengths c(i, j): the votes of all actors for option i over option j, positive votes
 * only, starting from 1e-8 so that no contest is 0 : 0 (KTAB `Model::coalitions`).
 */
export function coalitions(
  votes: (k: number, i: number, j: number) => number,
  numActors: number,
  numOptions: number,
): SquareMatrix {
  const minC = 1e-8;
  const c = new SquareMatrix(numOptions);
  for (let i = 0; i < numOptions; i++) {
    for (let j = 0; j < i; j++) {
      let cij = minC;
      let cji = minC;
      for (let k = 0; k < numActors; k++) {
        const v = votes(k, i, j);
        if (v > 0) cij += v;
        if (v < 0) cji -= v;
      }
      c.set(i, j, cij);
      c.set(j, i, cji);
    }
    c.set(i, i, minC);
  }
  return c;
}

/** Pairwise victory probabilities from coalition strengths; 0.5 on the diagonal. */
export function victoryMatrix(model: VictoryProbModel, c: SquareMatrix): SquareMatrix {
  const n = c.size;
  const p = new SquareMatrix(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const [pij, pji] = victoryProbability(model, c.get(i, j), c.get(j, i));
      p.set(i, j, pij);
      p.set(j, i, pji);
    }
    p.set(i, i, 0.5);
  }
  return p;
}

/**
 * The probabilistic Condorcet election: the probability that each option is the one that prevails.
 * `Conditional`: the probability that an option beats every other, conditioned on one doing so.
 * `MarkovUniform` and `MarkovIncentive`: the stationary distribution of challenges between options,
 * chosen uniformly or in proportion to the challenger's incentive (strength × victory probability).
 */
export function probabilisticCondorcet(
  pce: PceModel,
  model: VictoryProbModel,
  c: SquareMatrix,
): { p: number[]; victory: SquareMatrix } {
  const victory = victoryMatrix(model, c);
  const n = c.size;
  let p: number[];
  switch (pce) {
    case 'Conditional':
      p = conditionalPce(victory);
      break;
    case 'MarkovUniform':
      p = markovUniformPce(victory);
      break;
    case 'MarkovIncentive':
      p = markovIncentivePce(c, victory);
      break;
  }
  if (p.length !== n) throw new Error('probabilisticCondorcet: wrong length');
  return { p, victory };
}

function conditionalPce(pv: SquareMatrix): number[] {
  const n = pv.size;
  const p: number[] = [];
  for (let i = 0; i < n; i++) {
    let pi = 1;
    for (let j = 0; j < n; j++) pi *= pv.get(i, j);
    p.push(pi);
  }
  const total = sumOf(p);
  return p.map((x) => x / total);
}

function markovUniformPce(pv: SquareMatrix): number[] {
  const n = pv.size;
  let p = new Array<number>(n).fill(1 / n);
  let change = 1;
  let iterations = 0;
  while (change > 1e-6 && iterations < 10_000) {
    change = 0;
    const q: number[] = [];
    for (let i = 0; i < n; i++) {
      let pi = 0;
      for (let j = 0; j < n; j++) pi += pv.get(i, j) * ((p[i] ?? missing()) + (p[j] ?? missing()));
      q.push(pi / n);
      const d = Math.abs((q[i] ?? missing()) - (p[i] ?? missing()));
      change = Math.max(d, change);
    }
    p = p.map((x, i) => (x + (q[i] ?? missing())) / 2);
    iterations++;
  }
  return p;
}

function markovIncentivePce(c: SquareMatrix, victory: SquareMatrix): number[] {
  const n = c.size;
  const incentive = new SquareMatrix(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let v = c.get(i, j) * victory.get(i, j);
      if (i === j) v += 1e-10;
      incentive.set(i, j, v);
    }
  }
  // challenge(i, j): the probability that option j is challenged by option i.
  const challenge = new SquareMatrix(n);
  for (let j = 0; j < n; j++) {
    let column = 0;
    for (let k = 0; k < n; k++) column += incentive.get(k, j);
    for (let i = 0; i < n; i++) challenge.set(i, j, incentive.get(i, j) / column);
  }
  let p = new Array<number>(n).fill(1 / n);
  let change = 1;
  let iterations = 0;
  while (change > 1e-8 && iterations < 10_000) {
    const ct = new SquareMatrix(n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) ct.set(i, j, (p[i] ?? missing()) * challenge.get(j, i));
    change = 0;
    const q: number[] = [];
    for (let i = 0; i < n; i++) {
      let qi = 0;
      for (let j = 0; j < n; j++) qi += victory.get(i, j) * (ct.get(i, j) + ct.get(j, i));
      q.push(qi);
      const d = Math.abs(qi - (p[i] ?? missing()));
      change = Math.max(d, change);
    }
    p = p.map((x, i) => (x + (q[i] ?? missing())) / 2);
    iterations++;
  }
  return p;
}

/**
 * The probability distribution over `numOptions` options of actors of weights `w` with utilities
 * `u(k, option)` (KTAB `Model::scalarPCE`).
 */
export function scalarPce(
  numActors: number,
  numOptions: number,
  w: readonly number[],
  u: (k: number, option: number) => number,
  rule: VotingRule,
  model: VictoryProbModel,
  pce: PceModel,
): number[] {
  const c = coalitions((k, i, j) => vote(rule, w[k] ?? missing(), u(k, i), u(k, j)), numActors, numOptions);
  return probabilisticCondorcet(pce, model, c).p;
}

/**
 * Risk attitudes inferred from the probability that each actor's position prevails (KTAB
 * `Model::bigRfromProb`): the most secure actor (highest probability) is risk-accepting (R = +1) and
 * the least secure is risk-averse; `Min` maps onto [0, 1], `Mid` onto [−½, 1], `Max` onto [−1, 1].
 * When every probability is equal KTAB divides by zero; here every actor is then risk-neutral (0).
 */
export function bigRFromProbabilities(p: readonly number[], range: BigRRange): number[] {
  let pMin = 1;
  let pMax = 0;
  for (const x of p) {
    pMin = Math.min(x, pMin);
    pMax = Math.max(x, pMax);
  }
  if (!(pMax - pMin > 0)) return p.map(() => 0);
  switch (range) {
    case 'Min':
      return p.map((x) => (x - pMin) / (pMax - pMin));
    case 'Mid':
      return p.map((x) => (3 * x - (pMax + 2 * pMin)) / (2 * (pMax - pMin)));
    case 'Max':
      return p.map((x) => (2 * x - (pMax + pMin)) / (pMax - pMin));
  }
}

/** Actor h's estimate of actor i's risk attitude (KTAB `Model::estNRA`): a blend of both. */
export function estimatedRisk(rh: number, ri: number, adjust: BigRAdjust): number {
  switch (adjust) {
    case 'Full':
      return ri;
    case 'TwoThirds':
      return (rh + 2 * ri) / 3;
    case 'Half':
      return (rh + ri) / 2;
    case 'OneThird':
      return (2 * rh + ri) / 3;
    case 'None':
      return rh;
  }
}

/**
 * Utility of a normalised distance 0 ≤ d ≤ 1 to an actor of risk attitude R ∈ [−1, 1] (KTAB
 * `SMPModel::bsUtil`): u = (1 − d)(1 + dR) — linear when risk-neutral, concave when risk-averse
 * (R < 0), convex when risk-accepting. Distances above 1 (round-off) continue the line.
 */
export function distanceUtility(d: number, risk: number): number {
  return d <= 1 ? (1 - d) * (1 + d * risk) : (1 - d) * (1 + risk);
}

/**
 * The salience-weighted distance between an ideal point and a position (KTAB `SMPModel::bvDiff`):
 * sqrt(Σ (s_k d_k)² / Σ s_k²), so that it stays within [0, 1] on a unit cube.
 */
export function weightedDistance(
  ideal: ArrayLike<number>,
  position: ArrayLike<number>,
  saliences: ArrayLike<number>,
): number {
  let ds2 = 0;
  let s2 = 0;
  for (let k = 0; k < saliences.length; k++) {
    const ds = ((ideal[k] ?? missing()) - (position[k] ?? missing())) * (saliences[k] ?? missing());
    ds2 += ds * ds;
    s2 += (saliences[k] ?? missing()) * (saliences[k] ?? missing());
  }
  return Math.sqrt(ds2 / s2);
}

/**
 * A third party k's vote in the contest of i against j, once it has weighed joining either side
 * (KTAB `Actor::thirdPartyVoteSU`). pik is its estimate that the coalition (i, k) wins. Commitment
 * decides what k expects afterwards: fully committed third parties expect the winner's position,
 * uncommitted ones keep their own (`ukk`) except as a principal; semi-committed ones mix the two as
 * KTAB does (joining i and winning keeps k's own position, joining j and winning does too, the other
 * outcomes bring the winner's).
 */
export function thirdPartyVote(
  wk: number,
  rule: VotingRule,
  commit: ThirdPartyCommit,
  pik: number,
  pjk: number,
  uki: number,
  ukj: number,
  ukk: number,
): number {
  let ikDefeatsJ: number;
  let jDefeatsIk: number;
  let iDefeatsJk: number;
  let jkDefeatsI: number;
  switch (commit) {
    case 'FullCommit':
      ikDefeatsJ = uki + uki + uki;
      jDefeatsIk = ukj + ukj + ukj;
      iDefeatsJk = uki + uki + uki;
      jkDefeatsI = ukj + ukj + ukj;
      break;
    case 'SemiCommit':
      ikDefeatsJ = uki + uki + ukk;
      jDefeatsIk = ukj + ukj + ukj;
      iDefeatsJk = uki + uki + uki;
      jkDefeatsI = ukj + ukj + ukk;
      break;
    case 'NoCommit':
      ikDefeatsJ = uki + uki + ukk;
      jDefeatsIk = ukj + ukj + ukk;
      iDefeatsJk = uki + uki + ukk;
      jkDefeatsI = ukj + ukj + ukk;
      break;
  }
  const joinI = pik * ikDefeatsJ + pjk * jDefeatsIk;
  const joinJ = pik * iDefeatsJk + pjk * jkDefeatsI;
  return vote(rule, wk, joinI, joinJ);
}

/**
 * Third party n's estimate that i beats j once n has added its own vote to the principals'
 * contributions (KTAB `Actor::vProbLittle`).
 */
export function littleVictoryProbability(
  rule: VotingRule,
  wn: number,
  uni: number,
  unj: number,
  contribI: number,
  contribJ: number,
): number {
  const vn = vote(rule, wn, uni, unj);
  const ci = vn > 0 ? contribI + vn : contribI;
  const cj = vn < 0 ? contribJ - vn : contribJ;
  return ci / (ci + cj);
}

export function sumOf(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] ?? missing();
  return s;
}
