/**
 * The Shapley value of a transferable-utility game given by its characteristic function
 * (Shapley 1953): φ_i = Σ_{S ∌ i} |S|! (n − |S| − 1)! / n! · (v(S ∪ {i}) − v(S)).
 *
 * Exact for n ≤ 20 by one pass over the 2^n coalitions (O(n 2^n)). Beyond, an unbiased estimate by
 * sampling random orders of the players (Castro, Gómez & Tejada 2009): in a uniformly random order,
 * φ_i is the expected marginal contribution of i to the players before it; every sampled order gives
 * one contribution per player, and the 95% confidence interval is the mean ± 1.96 standard errors.
 * Each sampled order's contributions add up to v(N) − v(∅), so the estimates are efficient too.
 */
import type { Budget } from '../../common/budget.js';
import { missing } from '../../common/checked.js';
import { invariant } from '../../common/errors.js';
import { createRng } from '../../common/random.js';

export const MAX_EXACT_SHAPLEY_PLAYERS = 20;
const Z_95 = 1.959963984540054;

export interface ShapleyEstimate {
  /** φ_i (exact, or the sample mean). */
  readonly values: Float64Array;
  /** 95% confidence interval half-widths (0 when exact). */
  readonly halfWidths: Float64Array;
  readonly exact: boolean;
  /** Number of sampled orders (0 when exact). */
  readonly samples: number;
}

/** Exact Shapley value from v[mask] (length 2^n). */
export function exactShapley(values: Float64Array, n: number): Float64Array {
  invariant(values.length === 2 ** n, 'one value per coalition');
  // weight[s] = s!(n−s−1)!/n!, computed as a product to stay accurate.
  const weight = new Float64Array(Math.max(n, 1));
  for (let s = 0; s < n; s++) {
    // s!(n−s−1)!/n! = 1 / (n · C(n−1, s))
    let c = 1;
    for (let k = 1; k <= s; k++) c = (c * (n - 1 - s + k)) / k;
    weight[s] = 1 / (n * c);
  }
  const phi = new Float64Array(n);
  const size = values.length;
  const popcount = new Uint8Array(size);
  for (let mask = 1; mask < size; mask++) popcount[mask] = (popcount[mask >> 1] ?? missing()) + (mask & 1);
  for (let i = 0; i < n; i++) {
    const bit = 1 << i;
    let sum = 0;
    for (let mask = 0; mask < size; mask++) {
      if ((mask & bit) !== 0) continue;
      sum +=
        (weight[popcount[mask] ?? missing()] ?? missing()) *
        ((values[mask | bit] ?? missing()) - (values[mask] ?? missing()));
    }
    phi[i] = sum;
  }
  return phi;
}

export interface SamplingOptions {
  readonly seed: number;
  /** Number of random orders to draw (at least 2). */
  readonly samples: number;
  /** Stops early (with the orders drawn so far) when exhausted; checked every 256 orders. */
  readonly budget?: Budget;
}

/** Shapley value estimated from random orders, with 95% confidence intervals. */
export function sampledShapley(values: Float64Array, n: number, options: SamplingOptions): ShapleyEstimate {
  invariant(values.length === 2 ** n, 'one value per coalition');
  const rng = createRng(options.seed).split('shapley-sampling');
  const mean = new Float64Array(n);
  const m2 = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let drawn = 0;
  for (let t = 0; t < options.samples; t++) {
    if (t % 256 === 0) {
      options.budget?.progress?.(t, options.samples);
      if (t >= 2 && options.budget?.exhausted()) break;
    }
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(0, i);
      const tmp = order[i] ?? missing();
      order[i] = order[j] ?? missing();
      order[j] = tmp;
    }
    drawn++;
    let mask = 0;
    let before = values[0] ?? missing();
    for (let p = 0; p < n; p++) {
      const i = order[p] ?? missing();
      mask |= 1 << i;
      const after = values[mask >>> 0] ?? missing();
      const x = after - before;
      before = after;
      // Welford's running mean and variance.
      const previous = mean[i] ?? missing();
      const delta = x - previous;
      const next = previous + delta / drawn;
      mean[i] = next;
      m2[i] = (m2[i] ?? missing()) + delta * (x - next);
    }
  }
  const halfWidths = new Float64Array(n);
  for (let i = 0; i < n; i++)
    halfWidths[i] =
      drawn > 1 ? Z_95 * Math.sqrt((m2[i] ?? missing()) / (drawn - 1) / drawn) : Number.POSITIVE_INFINITY;
  return { values: mean, halfWidths, exact: false, samples: drawn };
}

export interface ShapleyOptions {
  /** Largest n computed exactly (at most 20; default 20). */
  readonly exactLimit?: number;
  readonly seed?: number;
  readonly samples?: number;
  readonly budget?: Budget;
}

/** Exact up to the limit, sampled beyond. */
export function shapleyValue(values: Float64Array, n: number, options: ShapleyOptions = {}): ShapleyEstimate {
  const limit = Math.min(options.exactLimit ?? MAX_EXACT_SHAPLEY_PLAYERS, MAX_EXACT_SHAPLEY_PLAYERS);
  if (n <= limit)
    return { values: exactShapley(values, n), halfWidths: new Float64Array(n), exact: true, samples: 0 };
  return sampledShapley(values, n, {
    seed: options.seed ?? 1,
    samples: options.samples ?? 10_000,
    budget: options.budget,
  });
}
