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
  const budget = options.budget ?? unlimitedBudget;
  if (n === 0) return { value: 0, coalitions: [], optimal: true, bound: 0 };
  const size = 2 ** n;
  const full = size - 1;

  const popcount = new Uint8Array(size);
  for (let m = 1; m < size; m++) popcount[m] = popcount[m >> 1] + (m & 1);

  // Per-size maxima (IP) and per-agent best share max_{C∋a} v(C)/|C|.
  const maxOfSize = new Float64Array(n + 1).fill(Number.NEGATIVE_INFINITY);
  const share = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  let scale = 0;
  for (let m = 1; m < size; m++) {
    const k = popcount[m];
    const x = v[m];
    if (x > maxOfSize[k]) maxOfSize[k] = x;
    const a = Math.abs(x);
    if (a > scale) scale = a;
  }
  {
    const inverse = new Float64Array(n + 1);
    for (let k = 1; k <= n; k++) inverse[k] = 1 / k;
    for (let m = 1; m < size; m++) {
      const r = v[m] * inverse[popcount[m]];
      for (let rest = m; rest !== 0; rest &= rest - 1) {
        const a = 31 - Math.clz32(rest & -rest);
        if (r > share[a]) share[a] = r;
      }
    }
  }
  const eps = scale * 1e-12;
  // IP bound by size: g[r] = max over integer partitions of r of Σ maxOfSize.
  const bySize = new Float64Array(n + 1).fill(Number.NEGATIVE_INFINITY);
  bySize[0] = 0;
  for (let r = 1; r <= n; r++) {
    for (let s = 1; s <= r; s++) {
      const t = maxOfSize[s] + bySize[r - s];
      if (t > bySize[r]) bySize[r] = t;
    }
  }

  // bound[m] = UB(m); exact f(m) for small m.
  const bound = new Float64Array(size);
  for (let m = 1; m < size; m++) {
    const low = m & -m;
    const a = 31 - Math.clz32(low);
    bound[m] = (m ^ low) === 0 ? share[a] : bound[m ^ low] + share[a];
  }
  for (let m = 1; m < size; m++) {
    const g = bySize[popcount[m]];
    if (g < bound[m]) bound[m] = g;
  }
  const dpSize = Math.min(n, options.dpSize ?? chooseDpSize(n));
  for (let m = 1; m < size; m++) {
    const k = popcount[m];
    if (k > dpSize) continue;
    if (k === 1) {
      bound[m] = v[m];
      continue;
    }
    const low = m & -m;
    const rest = m ^ low;
    let best = v[m];
    for (let s = (rest - 1) & rest; ; s = (s - 1) & rest) {
      const a = low | s;
      const t = bound[a] + bound[m ^ a];
      if (t > best) best = t;
      if (s === 0) break;
    }
    bound[m] = best;
  }

  // The search. Per-depth candidate lists (coalition masks and their bounds).
  const chosen = new Int32Array(n);
  const bestChosen = new Int32Array(n);
  let bestCount = 0;
  let bestValue = Number.NEGATIVE_INFINITY;
  let bestTail = 0; // agents left to the exact DP in the best structure
  const lists: { masks: Int32Array; keys: Float64Array }[] = [];
  for (let d = 0; d <= n; d++) lists.push({ masks: new Int32Array(16), keys: new Float64Array(16) });
  let nodes = 0;
  let stopped = false;
  let rootKey = Number.POSITIVE_INFINITY;

  const record = (depth: number, value: number, tail: number): void => {
    bestValue = value;
    bestCount = depth;
    bestTail = tail;
    bestChosen.set(chosen.subarray(0, depth));
  };

  // Greedy dive: the child of best bound at every level.
  {
    let r = full;
    let value = 0;
    let depth = 0;
    while (r !== 0) {
      if (popcount[r] <= dpSize) {
        value += bound[r];
        record(depth, value, r);
        break;
      }
      const low = r & -r;
      const rest = r ^ low;
      let bestKey = Number.NEGATIVE_INFINITY;
      let bestC = low;
      for (let s = rest; ; s = (s - 1) & rest) {
        const c = low | s;
        const left = rest ^ s;
        const key = v[c] + (left === 0 ? 0 : bound[left]);
        if (key > bestKey) {
          bestKey = key;
          bestC = c;
        }
        if (s === 0) break;
      }
      chosen[depth++] = bestC;
      value += v[bestC];
      r ^= bestC;
      if (r === 0) record(depth, value, 0);
    }
  }

  const search = (r: number, value: number, depth: number): void => {
    if (stopped) return;
    if (++nodes % CHECK_EVERY_NODES === 0 && budget.exhausted()) {
      stopped = true;
      return;
    }
    if (r === 0) {
      if (value > bestValue + eps) record(depth, value, 0);
      return;
    }
    if (popcount[r] <= dpSize) {
      if (value + bound[r] > bestValue + eps) record(depth, value + bound[r], r);
      return;
    }
    const low = r & -r;
    const rest = r ^ low;
    const list = lists[depth];
    let masks = list.masks;
    let keys = list.keys;
    let count = 0;
    const need = bestValue + eps - value;
    for (let s = rest; ; s = (s - 1) & rest) {
      const c = low | s;
      const left = rest ^ s;
      const key = v[c] + (left === 0 ? 0 : bound[left]);
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
    for (let i = 0; i < count; i++) {
      const key = list.keys[i];
      if (value + key <= bestValue + eps) break;
      if (depth === 0) rootKey = key;
      const c = list.masks[i];
      chosen[depth] = c;
      search(r ^ c, value + v[c], depth + 1);
      if (stopped) return;
    }
  };
  search(full, 0, 0);

  const coalitions = Array.from(bestChosen.subarray(0, bestCount));
  if (bestTail !== 0) expandExact(bestTail, v, bound, coalitions);
  const optimal = !stopped;
  const provenBound = optimal ? bestValue : Math.max(bestValue, Math.min(rootKey, bound[full]));
  return { value: bestValue, coalitions: normaliseStructure(coalitions), optimal, bound: provenBound };
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
    if (f[a] + f[m ^ a] === f[m]) {
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
    const pivot = keys[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[i] > pivot) i++;
      while (keys[j] < pivot) j--;
      if (i <= j) {
        const k = keys[i];
        keys[i] = keys[j];
        keys[j] = k;
        const m = masks[i];
        masks[i] = masks[j];
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
    const k = keys[i];
    const m = masks[i];
    let j = i - 1;
    while (j >= lo && keys[j] < k) {
      keys[j + 1] = keys[j];
      masks[j + 1] = masks[j];
      j--;
    }
    keys[j + 1] = k;
    masks[j + 1] = m;
  }
}
