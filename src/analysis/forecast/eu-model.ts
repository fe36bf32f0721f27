/**
 * Bueno de Mesquita's expected-utility model of group decisions (Bueno de Mesquita 1994, 1997), as
 * specified by Scholz, Calbert & Smith, "Unravelling Bueno De Mesquita's group decision model",
 * Journal of Theoretical Politics 23(4), 2011, 510–531. One dimension at a time.
 *
 * Per round, with positions x, capabilities c, saliences s ∈ [0, 1] and the scale's span Δ:
 *
 * - μ, the median voter position: the Condorcet winner among the positions, votes weighted c·s.
 * - Votes of k for i's position over j's: v_k(i, j) = c_k s_k (|x_k − x_j| − |x_k − x_i|) / Δ.
 * - Probability that i prevails over j: P_ij = Σ_k max(0, v_k(i, j)) / Σ_k |v_k(i, j)|.
 * - Utilities to i, with its risk exponent r_i, of succeeding or failing against j, of things getting
 *   better or worse without a challenge, and of the status quo:
 *     U^s = 2 − 4 (½ − ½|x_i − x_j|/Δ)^r,   U^f = 2 − 4 (½ + ½|x_i − x_j|/Δ)^r,
 *     U^b = 2 − 4 (½ − ¼(|x_i − μ| + |x_i − x_j|)/Δ)^r,  U^w = 2 − 4 (½ + ¼(…)/Δ)^r,  U^sq = 2 − 4·½^r.
 * - Expected utility of i challenging j (j resists with probability s_j):
 *     E(U_ij) = s_j (P_ij U^s + (1 − P_ij) U^f) + (1 − s_j) U^s − Q U^sq − (1 − Q)(T U^b + (1 − T) U^w).
 * - Risk: with all r = 1, the security of i is S_i = Σ_{j≠i} E(U_ji) (what the others expect from
 *   challenging i); R_i = (2 S_i − S_max − S_min) / (S_max − S_min) and r_i = (1 − R_i/3)/(1 + R_i/3).
 * - Offers: actor i compares its own expected utility of challenging j, u = E^i(U_ij), with its estimate
 *   of j's, v = E^i(U_ji), both with r_i. Conflict (v > u > 0): i expects to lose and takes x_j.
 *   Compromise (v > 0 > u, v > |u|): i moves towards x_j by the fraction |u|/v. Capitulation
 *   (v > 0 > u, v ≤ |u|): i takes x_j. Of the offers it receives, i accepts the one that moves it
 *   least; all actors move at once.
 * - Rounds repeat until no position moves (or a cap on rounds); the forecast is μ of the final round.
 *
 * Readings. The paper and its replications disagree on several points; each reading is an option:
 * - `probability`: `paper` as above; `net` (Masad's replication, after Bueno de Mesquita 1994) puts
 *   max(0, Σ_k v_k) over Σ_k |v_k|; `all-pairs` (Scholz et al.'s own code, as reported by a
 *   public Python replication, `BDMScholzModel`) divides by the votes summed over every pair of positions, which makes
 *   probabilities tiny.
 * - `resistance`: the paper prints E^j(U_ji) with s_j where the challenged actor is i; `target`
 *   corrects this typo (the target's salience resists), `as-printed` keeps s_j — it then also enters
 *   the security levels.
 * - `statusQuo`: `paper` subtracts Q U^sq + (1 − Q)(…); `flipped` is the sign found in Masad's code,
 *   −Q U^sq + (1 − Q)(…). They agree when Q = 1, the value the paper uses.
 * - `offerChoice`: `least-move` (the paper's text) or `strongest-challenger` (Masad's code: the offer
 *   whose sender expects most, then the nearest).
 * - `outcome`: `median` (μ, Bueno de Mesquita's forecast) or `mean` (the c·s-weighted mean).
 */
import { type Budget, spend } from '../../common/budget.js';
import { at, missing } from '../../common/checked.js';
import { invariant } from '../../common/errors.js';
import { medianVoterPosition, weightedMean } from './baselines.js';
import { type ForecastIssue, participants } from './types.js';

export interface EuParameters {
  readonly probability: 'paper' | 'net' | 'all-pairs';
  readonly resistance: 'target' | 'as-printed';
  readonly statusQuo: 'paper' | 'flipped';
  /** Probability that, absent a challenge, j keeps its position. */
  readonly q: number;
  /** Probability that a change without challenge makes things better for i. */
  readonly t: number;
  readonly offerChoice: 'least-move' | 'strongest-challenger';
  readonly outcome: 'median' | 'mean';
  /** `inferred` each round as above, or `neutral` (all r = 1). */
  readonly risk: 'inferred' | 'neutral';
  readonly maxRounds: number;
  /** A round in which no actor moves more than tolerance × span ends the run. */
  readonly tolerance: number;
}

export const DEFAULT_EU_PARAMETERS: EuParameters = {
  probability: 'paper',
  resistance: 'target',
  statusQuo: 'paper',
  q: 1,
  t: 1,
  offerChoice: 'least-move',
  outcome: 'median',
  risk: 'inferred',
  maxRounds: 100,
  tolerance: 1e-9,
};

export type OfferKind = 'conflict' | 'compromise' | 'capitulation';

/** An offer as its receiver sees it: `from` would challenge `to`, and `to` would move to `position`. */
export interface EuOffer {
  readonly from: number;
  readonly to: number;
  readonly kind: OfferKind;
  /** The receiver's expected utility of challenging the sender, E^to(U_to,from). */
  readonly receiverUtility: number;
  /** The receiver's estimate of the sender's expected utility of the challenge, E^to(U_from,to). */
  readonly senderUtility: number;
  readonly position: number;
  readonly accepted: boolean;
}

export interface EuRound {
  /** Positions at the start of the round, per actor of the issue (NaN for non-participants). */
  readonly positions: readonly number[];
  readonly median: number;
  /** Risk exponents r_i used in the round. */
  readonly riskExponents: readonly number[];
  readonly offers: readonly EuOffer[];
}

export interface EuDimensionRun {
  readonly dimension: string;
  readonly actors: readonly number[];
  readonly rounds: readonly EuRound[];
  readonly finalPositions: readonly number[];
  readonly converged: boolean;
  readonly forecast: number;
}

export interface EuRun {
  readonly parameters: EuParameters;
  readonly dimensions: readonly EuDimensionRun[];
  readonly forecast: readonly number[];
}

interface Dyadic {
  readonly x: readonly number[];
  readonly c: readonly number[];
  readonly s: readonly number[];
  readonly span: number;
}

/**
 * P_ij for every ordered pair, per the chosen reading. The model's hot spot (O(n³) per round): the
 * tables are n×n, made here, and every index is below n by the loops' bounds, so reads are not
 * checked one by one (a check per read costs a tenth of the whole run here).
 */
function probabilities(d: Dyadic, reading: EuParameters['probability']): number[][] {
  const n = d.x.length;
  invariant(d.c.length === n && d.s.length === n, 'one capability and one salience per position');
  // v_k(i, j) = w_k (|x_k − x_j| − |x_k − x_i|) / Δ, and v_k(j, i) = −v_k(i, j).
  const w = d.x.map((_, k) => (d.c[k]! * d.s[k]!) / d.span);
  const dist = d.x.map((xk) => d.x.map((xj) => Math.abs(xk - xj)));
  const p = d.x.map(() => new Array<number>(n).fill(0));
  const pos = d.x.map(() => new Array<number>(n).fill(0));
  const abs = d.x.map(() => new Array<number>(n).fill(0));
  const net = d.x.map(() => new Array<number>(n).fill(0));
  let allPairs = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      let pij = 0;
      let pji = 0;
      let a = 0;
      let sum = 0;
      for (let k = 0; k < n; k++) {
        const v = w[k]! * (dist[k]![j]! - dist[k]![i]!);
        if (v > 0) pij += v;
        else pji -= v;
        a += Math.abs(v);
        sum += v;
      }
      pos[i]![j] = pij;
      pos[j]![i] = pji;
      abs[i]![j] = a;
      abs[j]![i] = a;
      net[i]![j] = sum;
      net[j]![i] = -sum;
      allPairs += 2 * a;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j || d.x[i] === d.x[j]) continue;
      if (reading === 'all-pairs') p[i]![j] = allPairs > 0 ? pos[i]![j]! / allPairs : 0;
      else if (abs[i]![j]! === 0) p[i]![j] = 0;
      else p[i]![j] = reading === 'net' ? Math.max(0, net[i]![j]!) / abs[i]![j]! : pos[i]![j]! / abs[i]![j]!;
    }
  }
  return p;
}

/**
 * The expected utility of `a` (at xa) challenging `b` (at xb), where a prevails with probability
 * pab, as evaluated with risk exponent r, with `resisting` the salience with which the challenge is
 * resisted (Scholz et al. 2011, eq. for E^i(U_ij)).
 */
function expectedUtility(
  xa: number,
  xb: number,
  pab: number,
  mu: number,
  span: number,
  r: number,
  resisting: number,
  params: EuParameters,
): number {
  const dist = Math.abs(xa - xb) / span;
  const toMedian = Math.abs(xa - mu) / span;
  const u = (base: number) => 2 - 4 * Math.max(0, base) ** r;
  const success = u(0.5 - 0.5 * dist);
  const failure = u(0.5 + 0.5 * dist);
  const statusQuo = u(0.5);
  const challenge = resisting * (pab * success + (1 - pab) * failure) + (1 - resisting) * success;
  // Things getting better or worse without a challenge only matter when Q < 1.
  const drift =
    params.q === 1
      ? 0
      : params.t * u(0.5 - 0.25 * (toMedian + dist)) + (1 - params.t) * u(0.5 + 0.25 * (toMedian + dist));
  const hold =
    params.statusQuo === 'paper'
      ? params.q * statusQuo + (1 - params.q) * drift
      : params.q * statusQuo - (1 - params.q) * drift;
  return challenge - hold;
}

/** The salience that resists `challenger`'s challenge of `target`, per the chosen reading. */
function resisting(
  d: Dyadic,
  challenger: number,
  target: number,
  perspective: number,
  params: EuParameters,
): number {
  // As printed, E^j(U_ji) — a challenge by j of the perspective's owner i — carries s_j.
  if (params.resistance === 'as-printed' && target === perspective) return d.s[challenger]!;
  return d.s[target]!;
}

/** The median voter position: the weighted Condorcet winner among the positions held. */
function medianVoter(d: Dyadic): number {
  return medianVoterPosition(
    d.x,
    d.x.map((_, i) => (d.c[i] ?? missing()) * (d.s[i] ?? missing())),
  );
}

/**
 * Whether offer a is preferred to b by a receiver at x: the smaller move (then the more eager
 * sender), or the more eager sender (then the smaller move); an exact tie goes to the lower position.
 */
function better(a: EuOffer, b: EuOffer, x: number, choice: EuParameters['offerChoice']): boolean {
  const ma = Math.abs(a.position - x);
  const mb = Math.abs(b.position - x);
  // The last resort, the lower position, keeps the choice independent of the order of the actors.
  const lower = a.position < b.position;
  if (choice === 'least-move')
    return (
      ma < mb ||
      (ma === mb && (a.senderUtility > b.senderUtility || (a.senderUtility === b.senderUtility && lower)))
    );
  return (
    a.senderUtility > b.senderUtility ||
    (a.senderUtility === b.senderUtility && (ma < mb || (ma === mb && lower)))
  );
}

function runDimension(
  issue: ForecastIssue,
  dim: number,
  params: EuParameters,
  budget: Budget | undefined,
): EuDimensionRun {
  const members = participants(issue, dim);
  invariant(members.length > 0, `no actor has capability and salience on dimension ${dim}`);
  const span = issue.scale[1] - issue.scale[0];
  const actors = members.map((i) => at(issue.actors, i, 'actor'));
  const c = actors.map((a) => a.capability);
  const s = actors.map((a) => at(a.saliences, dim, 'salience') / 100);
  let x = actors.map((a) => at(a.positions, dim, 'position'));
  const rounds: EuRound[] = [];
  const spread = (values: readonly number[]) => {
    const out = issue.actors.map(() => Number.NaN);
    members.forEach((m, k) => {
      out[m] = values[k] ?? missing();
    });
    return out;
  };
  let converged = false;

  for (let round = 0; round < params.maxRounds; round++) {
    if (budget) {
      budget.progress?.(round, params.maxRounds);
      spend(budget, `the expected-utility model (round ${round + 1})`);
    }
    const d: Dyadic = { x, c, s, span };
    const mu = medianVoter(d);
    const p = probabilities(d, params.probability);
    const r = riskExponents(d, p, mu, params);
    const { offers, next } = exchange(d, p, mu, r, members, params);
    rounds.push({
      positions: spread(x),
      median: mu,
      riskExponents: spread(r),
      offers,
    });
    const moved = Math.max(0, ...next.map((v, i) => Math.abs(v - (x[i] ?? missing()))));
    x = next;
    if (moved <= params.tolerance * span) {
      converged = true;
      break;
    }
  }

  const w = c.map((ck, k) => ck * at(s, k));
  const forecast = params.outcome === 'median' ? medianVoterPosition(x, w) : weightedMean(x, w);
  return {
    dimension: at(issue.dimensions, dim, 'dimension'),
    actors: members,
    rounds,
    finalPositions: spread(x),
    converged,
    forecast,
  };
}

/** Risk exponents from the security levels, computed risk-neutrally (1 for everyone unless inferred). */
function riskExponents(d: Dyadic, p: number[][], mu: number, params: EuParameters): number[] {
  const n = d.x.length;
  if (params.risk !== 'inferred' || n <= 1) return d.x.map(() => 1);
  const security = d.x.map((xi, i) => {
    let sum = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const pji = p[j]![i]!;
      sum += expectedUtility(d.x[j]!, xi, pji, mu, d.span, 1, resisting(d, j, i, i, params), params);
    }
    return sum;
  });
  const sMax = Math.max(...security);
  const sMin = Math.min(...security);
  return security.map((si) => {
    const bigR = sMax > sMin ? (2 * si - sMax - sMin) / (sMax - sMin) : 0;
    return (1 - bigR / 3) / (1 + bigR / 3);
  });
}

/**
 * The round's offers, each evaluated by its receiver i with its own risk exponent, and the positions
 * after every receiver has accepted its best offer (if it has one).
 */
function exchange(
  d: Dyadic,
  p: number[][],
  mu: number,
  r: readonly number[],
  members: readonly number[],
  params: EuParameters,
): { offers: EuOffer[]; next: number[] } {
  const x = d.x;
  const n = x.length;
  const offers: EuOffer[] = [];
  const next = [...x];
  for (let i = 0; i < n; i++) {
    const xi = x[i] ?? missing();
    const ri = r[i] ?? missing();
    const pi = p[i] ?? missing();
    let best: EuOffer | undefined;
    let bestIndex = -1;
    const first = offers.length;
    for (let j = 0; j < n; j++) {
      const xj = x[j]!;
      if (j === i || xj === xi) continue;
      const pij = pi[j]!;
      const pji = p[j]![i]!;
      const u = expectedUtility(xi, xj, pij, mu, d.span, ri, resisting(d, i, j, i, params), params);
      const v = expectedUtility(xj, xi, pji, mu, d.span, ri, resisting(d, j, i, i, params), params);
      const offer = offerOf(u, v, xi, xj, members[j] ?? missing(), members[i] ?? missing());
      if (offer === undefined) continue;
      offers.push(offer);
      if (best === undefined || better(offer, best, xi, params.offerChoice)) {
        best = offer;
        bestIndex = offers.length - 1;
      }
    }
    if (best !== undefined && bestIndex >= first) {
      offers[bestIndex] = { ...best, accepted: true };
      next[i] = best.position;
    }
  }
  return { offers, next };
}

/**
 * The offer sender j (at xj) makes receiver i (at xi), from i's utility u of j's challenge and j's
 * utility v of challenging: a conflict j expects to win, a compromise, a capitulation, or none.
 */
function offerOf(
  u: number,
  v: number,
  xi: number,
  xj: number,
  from: number,
  to: number,
): EuOffer | undefined {
  let kind: OfferKind | undefined;
  let position = xj;
  if (v > 0 && u > 0 && v > u) kind = 'conflict';
  else if (v > 0 && u < 0 && v > -u) {
    kind = 'compromise';
    position = xi + (xj - xi) * (-u / v);
  } else if (v > 0 && u < 0) kind = 'capitulation';
  if (kind === undefined) return undefined;
  return { from, to, kind, receiverUtility: u, senderUtility: v, position, accepted: false };
}

/** Runs the expected-utility model on every dimension of an issue, independently. */
export function runEuModel(
  issue: ForecastIssue,
  parameters: Partial<EuParameters> = {},
  options: { readonly budget?: Budget } = {},
): EuRun {
  const params: EuParameters = { ...DEFAULT_EU_PARAMETERS, ...parameters };
  const dimensions = issue.dimensions.map((_, d) => runDimension(issue, d, params, options.budget));
  return { parameters: params, dimensions, forecast: dimensions.map((r) => r.forecast) };
}
