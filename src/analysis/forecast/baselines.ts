/**
 * Baselines every bargaining model must beat, on each dimension separately unless noted: the
 * capability × salience weighted mean (the "compromise model" of the DEU literature, Thomson et al.
 * 2006), the weighted median, the asymmetric Nash bargaining solution, and the pairwise Condorcet
 * winner among the actors' positions. Actors without capability or salience on a dimension take no
 * part in it (see `participants`).
 */
import { at, missing } from '../../common/checked.js';
import { invariant } from '../../common/errors.js';
import { effectivePower, type ForecastIssue, participants } from './types.js';

/** Positions and weights (capability × salience) of the actors taking part in dimension d. */
export function weightedPositions(issue: ForecastIssue, d: number): { x: number[]; w: number[] } {
  const members = participants(issue, d);
  invariant(members.length > 0, `no actor has capability and salience on dimension ${d}`);
  return {
    x: members.map((i) => (issue.actors[i] ?? missing()).positions[d] ?? missing()),
    w: members.map((i) => effectivePower(issue.actors[i] ?? missing(), d)),
  };
}

/** Σ w_i x_i / Σ w_i. */
export function weightedMean(x: readonly number[], w: readonly number[]): number {
  let num = 0;
  let den = 0;
  x.forEach((xi, i) => {
    const wi = w[i] ?? missing();
    num += wi * xi;
    den += wi;
  });
  return num / den;
}

/**
 * The weighted median: the position at which half of the total weight lies on either side. When the
 * cumulative weight reaches exactly one half at a position, the median is the midpoint between it
 * and the next position (the usual convention, which gives the ordinary median for equal weights).
 */
export function weightedMedian(x: readonly number[], w: readonly number[]): number {
  const sorted = byPosition(x, w);
  let total = 0;
  for (const e of sorted) total += e.w;
  const half = total / 2;
  let cum = 0;
  for (const [k, e] of sorted.entries()) {
    cum += e.w;
    const after = sorted[k + 1];
    if (Math.abs(cum - half) <= 1e-12 * total && after !== undefined) return (e.x + after.x) / 2;
    if (cum > half) return e.x;
  }
  return at(sorted, sorted.length - 1, 'position').x;
}

/**
 * The positions with their weights, sorted by position then weight (then input order): sums taken
 * in this order, the order of the actors cannot change the rounding of a near-even split.
 */
function byPosition(x: readonly number[], w: readonly number[]): { x: number; w: number; i: number }[] {
  return x
    .map((xi, i) => ({ x: xi, w: at(w, i, 'weight'), i }))
    .sort((a, b) => a.x - b.x || a.w - b.w || a.i - b.i);
}

/**
 * The median voter position of Bueno de Mesquita's model: the weighted median restricted to the
 * positions actors hold (the lower one when the weight splits exactly in half). In one dimension it
 * is the Condorcet winner among the held positions.
 */
export function medianVoterPosition(x: readonly number[], w: readonly number[]): number {
  const sorted = byPosition(x, w);
  let total = 0;
  for (const e of sorted) total += e.w;
  let cum = 0;
  for (const e of sorted) {
    cum += e.w;
    if (cum >= total / 2 - 1e-12 * total) return e.x;
  }
  return at(sorted, sorted.length - 1, 'position').x;
}

/**
 * The asymmetric Nash bargaining solution on one dimension: the x maximising Σ w_i ln u_i(x) with
 * linear utilities u_i(x) = 1 − |x − x_i| / span, the disagreement point being the worst outcome on
 * the scale (utility 0), and bargaining powers w_i = capability × salience (Kalai 1977's weighted
 * product). The objective is concave, so its maximum is where the left derivative is ≥ 0 and the
 * right derivative ≤ 0; bisection on the sign of the one-sided derivatives finds it to machine
 * precision, whether it lies between positions or at one (a kink of the objective).
 */
export function nashBargaining(x: readonly number[], w: readonly number[], span: number): number {
  let lo = Math.min(...x);
  let hi = Math.max(...x);
  if (hi - lo <= 0) return lo;
  for (let k = 0; k < 200 && hi - lo > 0; k++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    const [left, right] = oneSided(x, w, span, mid);
    if (right > 0) lo = mid;
    else if (left < 0) hi = mid;
    else return mid;
  }
  // The interval has shrunk to adjacent doubles; an actor's position there is the kink optimum.
  for (const xi of x) if (xi >= lo && xi <= hi) return xi;
  return (lo + hi) / 2;
}

/** One-sided derivatives of Σ w_i ln(1 − |p − x_i|/span) at p: [from the left, from the right]. */
function oneSided(x: readonly number[], w: readonly number[], span: number, p: number): [number, number] {
  let left = 0;
  let right = 0;
  x.forEach((xi, i) => {
    const wi = w[i] ?? missing();
    if (xi > p) {
      const t = wi / (span - (xi - p));
      left += t;
      right += t;
    } else if (xi < p) {
      const t = wi / (span - (p - xi));
      left -= t;
      right -= t;
    } else {
      // Approaching xi from below the term rises (+w/span); beyond it, it falls (−w/span).
      left += wi / span;
      right -= wi / span;
    }
  });
  return [left, right];
}

/**
 * The pairwise Condorcet winner among the actors' positions, in all dimensions at once: each actor
 * gives its weight (capability × total salience) to the position nearer its own, distance weighted by
 * its saliences as KTAB measures it. The winner beats or ties every other position. When no position
 * does (a cycle, possible with several dimensions), the position with most pairwise wins is taken,
 * then the one with the smallest weighted distance to all actors, then the lexicographically least.
 */
export function condorcetWinner(issue: ForecastIssue): number[] {
  const nd = issue.dimensions.length;
  const members = issue.actors
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => a.capability > 0 && a.saliences.some((s) => s > 0));
  invariant(members.length > 0, 'no actor has both capability and salience');
  const distance = (k: number, p: readonly number[]) => {
    const a = at(members, k, 'actor').a;
    let ds = 0;
    let ss = 0;
    for (let d = 0; d < nd; d++) {
      const salience = a.saliences[d] ?? missing();
      const t = ((a.positions[d] ?? missing()) - (p[d] ?? missing())) * salience;
      ds += t * t;
      ss += salience * salience;
    }
    return Math.sqrt(ds / ss);
  };
  const weight = (k: number) => {
    const a = at(members, k, 'actor').a;
    return a.capability * a.saliences.reduce((s, v) => s + v, 0);
  };
  const candidates = members.map((m) => m.a.positions);
  let best = 0;
  let bestWins = -1;
  let bestLoss = Number.POSITIVE_INFINITY;
  candidates.forEach((p, c) => {
    let wins = 0;
    let unbeaten = true;
    candidates.forEach((q, e) => {
      if (e === c) return;
      let margin = 0;
      members.forEach((_, k) => {
        const dp = distance(k, p);
        const dq = distance(k, q);
        if (dp < dq) margin += weight(k);
        else if (dq < dp) margin -= weight(k);
      });
      if (margin >= 0) wins++;
      if (margin < 0) unbeaten = false;
    });
    const score = unbeaten ? Number.POSITIVE_INFINITY : wins;
    let loss = 0;
    members.forEach((_, k) => {
      loss += weight(k) * distance(k, p);
    });
    const tie = score === bestWins && Math.abs(loss - bestLoss) <= 1e-12 * (1 + Math.abs(bestLoss));
    if (
      score > bestWins ||
      (score === bestWins && !tie && loss < bestLoss) ||
      (tie && lexicographicallyBefore(p, at(candidates, best, 'candidate')))
    ) {
      best = c;
      bestWins = score;
      bestLoss = loss;
    }
  });
  return [...at(candidates, best, 'candidate')];
}

/** Orders positions so that ties are broken the same way whatever the order of the actors. */
function lexicographicallyBefore(p: readonly number[], q: readonly number[]): boolean {
  for (let d = 0; d < p.length; d++) {
    const a = p[d] ?? missing();
    const b = q[d] ?? missing();
    if (a !== b) return a < b;
  }
  return false;
}

export type BaselineName = 'mean' | 'median' | 'nbs' | 'condorcet';

/** A baseline forecast, one value per dimension. */
export function baselineForecast(issue: ForecastIssue, baseline: BaselineName): number[] {
  if (baseline === 'condorcet') return condorcetWinner(issue);
  const span = issue.scale[1] - issue.scale[0];
  return issue.dimensions.map((_, d) => {
    const { x, w } = weightedPositions(issue, d);
    if (baseline === 'mean') return weightedMean(x, w);
    if (baseline === 'median') return weightedMedian(x, w);
    return nashBargaining(x, w, span);
  });
}
