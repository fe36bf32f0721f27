/**
 * Anytime optimal coalition structure generation by branch and bound, in the family of IP (Rahwan,
 * Ramchurn, Jennings & Giovannucci 2009) and ODP-IP (Michalak, Rahwan, Elkind, Wooldridge &
 * Jennings 2016): a depth-first search over coalition structures pruned by upper bounds, where
 * dynamic programming solves the small sub-problems exactly and its results serve as bounds.
 *
 * The search tree: a node is the set R of agents not yet placed and the value V of the coalitions
 * chosen so far; its children choose the coalition C ⊆ R that holds R's lowest agent, so each
 * structure is reached exactly once. A child is kept only if V + v(C) + UB(R∖C) beats the best
 * structure found; children are searched best bound first.
 *
 * UB(R) is the least of three valid upper bounds on the best partition of R:
 * - IP's integer-partition bound: max over integer partitions [s_1, …, s_k] of |R| of Σ max_{|C|=s_j}
 *   v(C) (Rahwan et al. 2009 bound each subspace of the integer-partition graph this way);
 * - an agent-share bound: any partition of R is worth Σ_{C} Σ_{a∈C} v(C)/|C| ≤ Σ_{a∈R} max_{C∋a}
 *   v(C)/|C|, which is tight on distributions where v grows with |C| (as in UNIFORM, NORMAL);
 * - f(R), the exact optimum of R, for every R of at most `dpSize` agents, by the DP of Yeh (1986)
 *   over those coalitions only — the role DP plays in ODP-IP, where it finishes small coalitions and
 *   IP uses the results. The size is chosen so that this DP costs about 4·2^n split evaluations.
 *
 * A greedy dive (always the child of best bound) gives the first incumbent. When the budget stops
 * the search, the best structure is reported with a proven upper bound: the children of every node
 * are searched in decreasing bound order, so nothing unexplored can beat the bound of the root's
 * current child. Memory: three 2^n tables (values, bounds, popcounts): 17·2^n bytes.
 */
import { type Budget, unlimitedBudget } from '../../common/budget.js';
import { missing } from '../../common/checked.js';
import { type CoalitionStructureResult, normaliseStructure } from './coalition-structure.js';
import type { CoalitionValues } from './coalition-values.js';

export interface BranchAndBoundOptions {
  readonly budget?: Budget;
  /** Largest coalition size solved exactly by the inner DP (default: chosen from n). */
  readonly dpSize?: number;
}

const CHECK_EVERY_NODES = 256;

export function branchAndBoundCsg(
  input: CoalitionValues,
  options: BranchAndBoundOptions = {},
): CoalitionStructureResult {
  const { agents: n, values: v } = input;
  if (n === 0) return { value: 0, coalitions: [], optimal: true, bound: 0 };
  const dpSize = Math.min(n, options.dpSize ?? chooseDpSize(n));
  const search = new StructureSearch(v, n, dpSize, options.budget ?? unlimitedBudget);
  search.dive();
  search.search(2 ** n - 1, 0, 0);
  return search.result();
}

/**
 * Coalitions are bit masks of agents, below 2^n; depths and sizes are below n + 1. Reads of the
 * tables at them fail through `missing()` (see common/checked.ts).
 */
class StructureSearch {
  private readonly popcount: Uint8Array;
  /** bound[m] = UB(m); exact f(m) for the coalitions of at most dpSize agents. */
  private readonly bound: Float64Array;
  private readonly eps: number;
  private readonly chosen: Int32Array;
  private readonly bestChosen: Int32Array;
  private bestCount = 0;
  private bestValue = Number.NEGATIVE_INFINITY;
  /** Agents left to the exact DP in the best structure. */
  private bestTail = 0;
  /** Per-depth candidate lists (coalition masks and their bounds). */
  private readonly lists: { masks: Int32Array; keys: Float64Array }[] = [];
  private nodes = 0;
  private stopped = false;
  private rootKey = Number.POSITIVE_INFINITY;

  constructor(
    private readonly v: Float64Array,
    private readonly n: number,
    private readonly dpSize: number,
    private readonly budget: Budget,
  ) {
    const size = 2 ** n;
    this.popcount = new Uint8Array(size);
    for (let m = 1; m < size; m++) this.popcount[m] = (this.popcount[m >> 1] ?? missing()) + (m & 1);
    const { maxOfSize, share, scale } = sizeMaxima(v, n, this.popcount);
    this.eps = scale * 1e-12;
    this.bound = upperBounds(n, share, integerPartitionBounds(maxOfSize, n), this.popcount);
    solveSmall(v, dpSize, this.popcount, this.bound);
    this.chosen = new Int32Array(n);
    this.bestChosen = new Int32Array(n);
    for (let d = 0; d <= n; d++) this.lists.push({ masks: new Int32Array(16), keys: new Float64Array(16) });
  }

  private record(depth: number, value: number, tail: number): void {
    this.bestValue = value;
    this.bestCount = depth;
    this.bestTail = tail;
    this.bestChosen.set(this.chosen.subarray(0, depth));
  }

  /** V + v(C) + UB(R∖C) less V: the bound of choosing coalition c with `left` agents left. */
  private key(c: number, left: number): number {
    return (this.v[c] ?? missing()) + (left === 0 ? 0 : (this.bound[left] ?? missing()));
  }

  /** The first incumbent: the child of best bound at every level. */
  dive(): void {
    const { v, popcount, bound, dpSize, chosen } = this;
    let r = 2 ** this.n - 1;
    let value = 0;
    let depth = 0;
    while (r !== 0) {
      if ((popcount[r] ?? missing()) <= dpSize) {
        value += bound[r] ?? missing();
        this.record(depth, value, r);
        break;
      }
      const low = r & -r;
      const rest = r ^ low;
      let bestKey = Number.NEGATIVE_INFINITY;
      let bestC = low;
      for (let s = rest; ; s = (s - 1) & rest) {
        const c = low | s;
        const key = this.key(c, rest ^ s);
        if (key > bestKey) {
          bestKey = key;
          bestC = c;
        }
        if (s === 0) break;
      }
      chosen[depth++] = bestC;
      value += v[bestC] ?? missing();
      r ^= bestC;
      if (r === 0) this.record(depth, value, 0);
    }
  }

  /** Places the agents of r, below a node of value `value` at `depth`. */
  search(r: number, value: number, depth: number): void {
    if (this.stopped) return;
    if (++this.nodes % CHECK_EVERY_NODES === 0 && this.budget.exhausted()) {
      this.stopped = true;
      return;
    }
    const eps = this.eps;
    if (r === 0) {
      if (value > this.bestValue + eps) this.record(depth, value, 0);
      return;
    }
    if ((this.popcount[r] ?? missing()) <= this.dpSize) {
      const total = value + (this.bound[r] ?? missing());
      if (total > this.bestValue + eps) this.record(depth, total, r);
      return;
    }
    const list = this.lists[depth] ?? missing();
    const count = this.candidates(r, this.bestValue + eps - value, list);
    for (let i = 0; i < count; i++) {
      const key = list.keys[i] ?? missing();
      if (value + key <= this.bestValue + eps) break;
      if (depth === 0) this.rootKey = key;
      const c = list.masks[i] ?? missing();
      this.chosen[depth] = c;
      this.search(r ^ c, value + (this.v[c] ?? missing()), depth + 1);
      if (this.stopped) return;
    }
  }

  /**
   * The children of r (coalitions holding r's lowest agent) whose bound beats `need`, into `list`
   * by decreasing bound; their count.
   */
  private candidates(r: number, need: number, list: { masks: Int32Array; keys: Float64Array }): number {
    const low = r & -r;
    const rest = r ^ low;
    let { masks, keys } = list;
    let count = 0;
    for (let s = rest; ; s = (s - 1) & rest) {
      const c = low | s;
      const key = this.key(c, rest ^ s);
      if (key > need) {
        if (count === masks.length) {
          const m2 = new Int32Array(count * 2);
          m2.set(masks);
          const k2 = new Float64Array(count * 2);
          k2.set(keys);
          list.masks = masks = m2;
          list.keys = keys = k2;
        }
        masks[count] = c;
        keys[count] = key;
        count++;
      }
      if (s === 0) break;
    }
    sortDescending(keys, masks, 0, count - 1);
    return count;
  }

  result(): CoalitionStructureResult {
    const coalitions = Array.from(this.bestChosen.subarray(0, this.bestCount));
    if (this.bestTail !== 0) expandExact(this.bestTail, this.v, this.bound, coalitions);
    const optimal = !this.stopped;
    const full = 2 ** this.n - 1;
    const provenBound = optimal
      ? this.bestValue
      : Math.max(this.bestValue, Math.min(this.rootKey, this.bound[full] ?? missing()));
    return { value: this.bestValue, coalitions: normaliseStructure(coalitions), optimal, bound: provenBound };
  }
}

/** Per-size maxima (IP), per-agent best share max_{C∋a} v(C)/|C|, and the largest |v|. */
function sizeMaxima(
  v: Float64Array,
  n: number,
  popcount: Uint8Array,
): { maxOfSize: Float64Array; share: Float64Array; scale: number } {
  const size = 2 ** n;
  const maxOfSize = new Float64Array(n + 1).fill(Number.NEGATIVE_INFINITY);
  const share = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  let scale = 0;
  for (let m = 1; m < size; m++) {
    const k = popcount[m] ?? missing();
    const x = v[m] ?? missing();
    if (x > (maxOfSize[k] ?? missing())) maxOfSize[k] = x;
    const a = Math.abs(x);
    if (a > scale) scale = a;
  }
  const inverse = new Float64Array(n + 1);
  for (let k = 1; k <= n; k++) inverse[k] = 1 / k;
  for (let m = 1; m < size; m++) {
    const r = (v[m] ?? missing()) * (inverse[popcount[m] ?? missing()] ?? missing());
    for (let rest = m; rest !== 0; rest &= rest - 1) {
      const a = 31 - Math.clz32(rest & -rest);
      if (r > (share[a] ?? missing())) share[a] = r;
    }
  }
  return { maxOfSize, share, scale };
}

/** IP bound by size: g[r] = max over integer partitions of r of Σ maxOfSize. */
function integerPartitionBounds(maxOfSize: Float64Array, n: number): Float64Array {
  const bySize = new Float64Array(n + 1).fill(Number.NEGATIVE_INFINITY);
  bySize[0] = 0;
  for (let r = 1; r <= n; r++) {
    for (let s = 1; s <= r; s++) {
      const t = (maxOfSize[s] ?? missing()) + (bySize[r - s] ?? missing());
      if (t > (bySize[r] ?? missing())) bySize[r] = t;
    }
  }
  return bySize;
}

/** UB(m) of every coalition: the least of the agent-share bound and the integer-partition bound. */
function upperBounds(
  n: number,
  share: Float64Array,
  bySize: Float64Array,
  popcount: Uint8Array,
): Float64Array {
  const size = 2 ** n;
  const bound = new Float64Array(size);
  for (let m = 1; m < size; m++) {
    const low = m & -m;
    const a = share[31 - Math.clz32(low)] ?? missing();
    bound[m] = (m ^ low) === 0 ? a : (bound[m ^ low] ?? missing()) + a;
  }
  for (let m = 1; m < size; m++) {
    const g = bySize[popcount[m] ?? missing()] ?? missing();
    if (g < (bound[m] ?? missing())) bound[m] = g;
  }
  return bound;
}

/** f(m), the exact optimum of every coalition of at most dpSize agents, into bound (Yeh 1986). */
function solveSmall(v: Float64Array, dpSize: number, popcount: Uint8Array, bound: Float64Array): void {
  for (let m = 1; m < bound.length; m++) {
    const k = popcount[m] ?? missing();
    if (k > dpSize) continue;
    if (k === 1) {
      bound[m] = v[m] ?? missing();
      continue;
    }
    const low = m & -m;
    const rest = m ^ low;
    let best = v[m] ?? missing();
    for (let s = (rest - 1) & rest; ; s = (s - 1) & rest) {
      const a = low | s;
      const t = (bound[a] ?? missing()) + (bound[m ^ a] ?? missing());
      if (t > best) best = t;
      if (s === 0) break;
    }
    bound[m] = best;
  }
}

/** Largest s with Σ_{k≤s} C(n,k)·2^(k−1) ≤ 4·2^n: the inner DP stays a small share of the work. */
export function chooseDpSize(n: number): number {
  const budget = 4 * 2 ** n;
  let cost = 0;
  let binom = 1;
  for (let k = 1; k <= n; k++) {
    binom = (binom * (n - k + 1)) / k;
    cost += binom * 2 ** (k - 1);
    if (cost > budget) return k - 1;
  }
  return n;
}

/** Recovers the optimal partition of a small set from the exact values f = bound. */
function expandExact(m: number, v: Float64Array, f: Float64Array, out: number[]): void {
  const low = m & -m;
  const rest = m ^ low;
  if (rest === 0 || f[m] === v[m]) {
    out.push(m);
    return;
  }
  for (let s = (rest - 1) & rest; ; s = (s - 1) & rest) {
    const a = low | s;
    if ((f[a] ?? missing()) + (f[m ^ a] ?? missing()) === f[m]) {
      expandExact(a, v, f, out);
      expandExact(m ^ a, v, f, out);
      return;
    }
    if (s === 0) break;
  }
  out.push(m);
}

/** In-place quicksort of keys (descending) carrying masks along. */
function sortDescending(keys: Float64Array, masks: Int32Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const pivot = keys[(lo + hi) >>> 1] ?? missing();
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((keys[i] ?? missing()) > pivot) i++;
      while ((keys[j] ?? missing()) < pivot) j--;
      if (i <= j) {
        const k = keys[i] ?? missing();
        keys[i] = keys[j] ?? missing();
        keys[j] = k;
        const m = masks[i] ?? missing();
        masks[i] = masks[j] ?? missing();
        masks[j] = m;
        i++;
        j--;
      }
    }
    if (j - lo < hi - i) {
      sortDescending(keys, masks, lo, j);
      lo = i;
    } else {
      sortDescending(keys, masks, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const k = keys[i] ?? missing();
    const m = masks[i] ?? missing();
    let j = i - 1;
    while (j >= lo && (keys[j] ?? missing()) < k) {
      keys[j + 1] = keys[j] ?? missing();
      masks[j + 1] = masks[j] ?? missing();
      j--;
    }
    keys[j + 1] = k;
    masks[j + 1] = m;
  }
}
