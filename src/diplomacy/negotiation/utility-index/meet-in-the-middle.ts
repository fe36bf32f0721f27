/**
 * Exact successor and predecessor queries by meet in the middle (Horowitz & Sahni 1974), for
 * queries that reach below what the lazy index may materialise (large spaces, low thresholds):
 * the issues are split into two halves whose outcome lists L and R are sorted once (O(√N log N)
 * for N outcomes); the smallest l + r ≥ θ is found by a two-pointer sweep in O(|L| + |R|). Issues
 * named by the party's red lines are kept out of the halves and their allowed combinations C
 * enumerated on top, so red lines cost nothing per query; a query costs O(|C|·(|L| + |R|)). For
 * 10 issues × 10 values that is two lists of 10⁵ outcomes instead of 10¹⁰.
 *
 * The sweeps index their lists only within bounds they maintain; a read past one fails through
 * `missing()` rather than a non-null assertion (see common/checked.ts).
 */
import { at, missing } from '../../../common/checked.js';
import { invariant } from '../../../common/errors.js';
import { matchesAny, type OutcomePattern, type OutcomeSpace } from '../outcome-space.js';
import { lexicographicallyBefore, type RankedOutcome } from './contract.js';

/** The value indices of one issue across a half list. */
interface Column {
  readonly issue: number;
  readonly values: Int32Array;
}

/** One side of a split: outcomes of some issues, sorted ascending by partial utility. */
interface HalfList {
  readonly utilities: Float64Array;
  /** Partial assignments, one column per issue of the half, in the same order. */
  readonly columns: readonly Column[];
}

export class MeetInTheMiddle {
  private readonly combos: HalfList;
  private readonly left: HalfList;
  private readonly right: HalfList;

  constructor(
    private readonly space: OutcomeSpace,
    private readonly weighted: readonly (readonly number[])[],
    patterns: readonly OutcomePattern[],
    limit: number,
  ) {
    const constrained = [...new Set(patterns.flatMap((p) => p.terms.map((t) => t.issue)))].sort(
      (a, b) => a - b,
    );
    const free = space.sizes.map((_, i) => i).filter((i) => !constrained.includes(i));
    this.combos = allowedCombinations(enumerateHalf(constrained, space, weighted, limit), space, patterns);
    // Balance the halves by the logarithm of their sizes.
    const leftIssues: number[] = [];
    const rightIssues: number[] = [];
    let logLeft = 0;
    let logRight = 0;
    for (const i of free) {
      const l = Math.log(at(space.sizes, i));
      if (logLeft <= logRight) {
        leftIssues.push(i);
        logLeft += l;
      } else {
        rightIssues.push(i);
        logRight += l;
      }
    }
    this.left = enumerateHalf(leftIssues, space, weighted, limit);
    this.right = enumerateHalf(rightIssues, space, weighted, limit);
  }

  private assemble(c: number, l: number, r: number): RankedOutcome {
    const a = new Array<number>(this.space.sizes.length).fill(0);
    const put = (h: HalfList, idx: number) => {
      for (const { issue, values } of h.columns) a[issue] = at(values, idx);
    };
    put(this.combos, c);
    put(this.left, l);
    put(this.right, r);
    let u = 0;
    for (const [i, w] of this.weighted.entries()) u += at(w, at(a, i));
    return { assignment: a, utility: u };
  }

  /**
   * The smallest approximate sum c + (l + r) ≥ lo (or the largest ≤ hi, when `down`), over every
   * combination and half pair, by a two-pointer sweep per combination; NaN when there is none.
   * Floating-point addition is monotonic, so the sweep is valid on the rounded sums too.
   */
  private extremeApprox(bound: number, down: boolean): number {
    const L = this.left.utilities;
    const R = this.right.utilities;
    const C = this.combos.utilities;
    let best = Number.NaN;
    for (let c = 0; c < C.length; c++) {
      const cu = C[c] ?? missing();
      let j = R.length - 1;
      for (let i = 0; i < L.length; i++) {
        const li = L[i] ?? missing();
        if (down) {
          while (j >= 0 && cu + (li + (R[j] ?? missing())) > bound) j--;
          if (j < 0) break;
          const s = cu + (li + (R[j] ?? missing()));
          if (!(s <= best)) best = s;
        } else {
          while (j > 0 && cu + (li + (R[j - 1] ?? missing())) >= bound) j--;
          const s = cu + (li + (R[j] ?? missing()));
          if (s >= bound && !(s >= best)) best = s;
        }
      }
    }
    return best;
  }

  /** Every outcome whose approximate sum lies in [lo, hi], with its exact (issue-order) utility. */
  private band(lo: number, hi: number): RankedOutcome[] {
    const L = this.left.utilities;
    const R = this.right.utilities;
    const C = this.combos.utilities;
    const out: RankedOutcome[] = [];
    for (let c = 0; c < C.length; c++) {
      const cu = C[c] ?? missing();
      let first = R.length; // first j with sum ≥ lo, moving left as i grows
      for (let i = 0; i < L.length; i++) {
        const li = L[i] ?? missing();
        while (first > 0 && cu + (li + (R[first - 1] ?? missing())) >= lo) first--;
        for (let j = first; j < R.length; j++) {
          const s = cu + (li + (R[j] ?? missing()));
          if (s > hi) break;
          if (s >= lo) out.push(this.assemble(c, i, j));
        }
      }
    }
    return out;
  }

  /**
   * Exact answers despite rounding. The sums c + (l + r) differ from the utility function's
   * issue-order sums by at most ε (both are sums of k terms of a total ≤ 1). So: find the best
   * approximate sum beyond θ ∓ ε, evaluate exactly every outcome within 2ε of it, and stop once
   * the best exact answer is provably better than anything not yet examined; else move on to the
   * next band. One band suffices unless outcomes crowd within ε of the threshold.
   */
  private exact(threshold: number, down: boolean): RankedOutcome | null {
    const eps = 2.5e-16 * (this.space.sizes.length + 2);
    let bound = down ? threshold + eps : threshold - eps;
    let best: RankedOutcome | null = null;
    for (;;) {
      const approx = this.extremeApprox(bound, down);
      if (Number.isNaN(approx)) return best;
      const lo = down ? approx - 2 * eps : bound;
      const hi = down ? bound : approx + 2 * eps;
      for (const o of this.band(lo, hi)) {
        if (down ? o.utility > threshold : o.utility < threshold) continue;
        if (
          best === null ||
          (down ? o.utility > best.utility : o.utility < best.utility) ||
          (o.utility === best.utility && lexicographicallyBefore(o.assignment, best.assignment))
        ) {
          best = o;
        }
      }
      // Outcomes not yet examined have approximate sums beyond the band, so exact utilities
      // beyond its far edge ∓ ε.
      if (best !== null && (down ? best.utility >= lo + eps : best.utility <= hi - eps)) return best;
      bound = down ? nextDown(lo) : nextUp(hi);
    }
  }

  atLeast(threshold: number): RankedOutcome | null {
    return this.exact(threshold, false);
  }

  atMost(threshold: number): RankedOutcome | null {
    return this.exact(threshold, true);
  }
}

/** Every outcome of the given issues with its partial utility, sorted ascending (stable). */
function enumerateHalf(
  issues: readonly number[],
  space: OutcomeSpace,
  weighted: readonly (readonly number[])[],
  limit: number,
): HalfList {
  let n = 1;
  for (const i of issues) n *= at(space.sizes, i);
  invariant(n <= limit, () => `meet in the middle: a half of ${n} outcomes exceeds the limit ${limit}`);
  // An odometer over the issues' value indices, the last issue turning fastest.
  const digits = issues.map((issue) => ({
    issue,
    weights: at(weighted, issue),
    size: at(space.sizes, issue),
    value: 0,
    values: new Int32Array(n),
  }));
  const utilities = new Float64Array(n);
  for (let idx = 0; idx < n; idx++) {
    let u = 0;
    for (const d of digits) {
      u += d.weights[d.value] ?? missing();
      d.values[idx] = d.value;
    }
    utilities[idx] = u;
    for (let j = digits.length - 1; j >= 0; j--) {
      const d = digits[j] ?? missing();
      if (++d.value < d.size) break;
      d.value = 0;
    }
  }
  const order = sortNonNegative(utilities);
  return {
    utilities: permuted(utilities, order, new Float64Array(n)),
    columns: digits.map(({ issue, values }) => ({
      issue,
      values: permuted(values, order, new Int32Array(n)),
    })),
  };
}

/** out[r] = from[order[r]]. */
function permuted<T extends Float64Array | Int32Array>(from: T, order: Uint32Array, out: T): T {
  for (let r = 0; r < order.length; r++) out[r] = from[order[r] ?? missing()] ?? missing();
  return out;
}

/** The combinations of the constrained issues that no red line forbids. */
function allowedCombinations(
  all: HalfList,
  space: OutcomeSpace,
  patterns: readonly OutcomePattern[],
): HalfList {
  // A pattern only looks at constrained issues, so the other issues of the probe stay 0.
  const keep: number[] = [];
  const probe = new Array<number>(space.sizes.length).fill(0);
  for (let idx = 0; idx < all.utilities.length; idx++) {
    for (const { issue, values } of all.columns) probe[issue] = at(values, idx);
    if (!matchesAny(patterns, probe)) keep.push(idx);
  }
  return {
    utilities: Float64Array.from(keep, (i) => at(all.utilities, i)),
    columns: all.columns.map(({ issue, values }) => ({
      issue,
      values: Int32Array.from(keep, (i) => at(values, i)),
    })),
  };
}

/**
 * The permutation sorting non-negative doubles ascending, stable (ties keep index order). The bit
 * pattern of a non-negative double orders like an unsigned integer, so an LSD radix sort on its
 * four 16-bit digits does it in O(n) — a comparator sort of 10⁵ half-outcomes costs far more.
 */
export function sortNonNegative(keys: Float64Array): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;
  const words = new Uint32Array(keys.buffer, keys.byteOffset, n * 2);
  // Little-endian word order is what every supported platform uses; check rather than assume.
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const lo = littleEndian ? 0 : 1;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : 1 - lo;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    // Reads inline, without a helper: this is the innermost loop of the index's construction.
    for (let i = 0; i < n; i++) {
      const d = (((words[2 * (order[i] ?? missing()) + word] ?? missing()) >>> shift) & 0xffff) + 1;
      counts[d] = (counts[d] ?? missing()) + 1;
    }
    // Running sums: counts[d] becomes the first slot of digit d.
    for (let d = 1; d < 65537; d++) counts[d] = (counts[d] ?? missing()) + (counts[d - 1] ?? missing());
    for (let i = 0; i < n; i++) {
      const idx = order[i] ?? missing();
      const d = ((words[2 * idx + word] ?? missing()) >>> shift) & 0xffff;
      const slot = counts[d] ?? missing();
      counts[d] = slot + 1;
      next[slot] = idx;
    }
    const t = order;
    order = next;
    next = t;
  }
  return order;
}

/** The next double above x (x finite). */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const bits = new DataView(new ArrayBuffer(8));
  bits.setFloat64(0, x);
  bits.setBigInt64(0, bits.getBigInt64(0) + (x > 0 ? 1n : -1n));
  return bits.getFloat64(0);
}

/** The next double below x (x finite). */
function nextDown(x: number): number {
  return -nextUp(-x);
}
