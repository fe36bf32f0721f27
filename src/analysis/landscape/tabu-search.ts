/**
 * Tabu search for weighted Max-Cut with one-vertex moves and perturbation from the best cut.
 *
 * The search is the classic one-flip tabu search for binary quadratic problems (Glover & Laguna
 * 1997; applied to Max-Cut by Kochenberger, Hao, Lü, Wang & Glover 2013): every iteration moves the
 * vertex whose move gains most, among those not moved in the last `tenure` iterations, unless a tabu
 * move would beat the best cut found (aspiration). The tenure is drawn per move in
 * [n/40, n/10], the range that worked best on the G-set. When the best cut has not improved for
 * 1000·n iterations (at most 2 million) the search restarts from the best cut with 0.1·n random
 * moves — the strong
 * random perturbation of Breakout Local Search (Benlic & Hao 2013).
 *
 * With integer weights the move gains are integers and the best move is found in amortised O(1)
 * with bucket lists (one list per gain value, separately for free and tabu vertices); otherwise a
 * linear scan is used. Everything is in typed arrays and the loop allocates nothing. Randomness
 * comes from the seeded RNG and time from the injected Budget, so a run is a deterministic
 * function of the seed up to where the budget stops it.
 */
import { createRng } from '../../common/random.js';
import {
  type CutSolution,
  cutValue,
  type HeuristicOptions,
  moveGains,
  randomSides,
  type WeightedGraph,
  weightStats,
} from './graph.js';

export type TabuSearchOptions = HeuristicOptions;

/** Iterations without a new best cut, per vertex, before the search restarts from the best cut. */
const STALL_PER_VERTEX = 1000;
/** …but never more than this many: large sparse graphs (5,000+ vertices) gain from more restarts. */
const MAX_STALL = 2_000_000;
/** Fraction of the vertices moved at random by a restart. */
const PERTURBATION_FRACTION = 0.1;
/** Bucket lists are used while the gain range stays below this many buckets. */
const MAX_BUCKETS = 1 << 22;
const CHECK_EVERY = 1024;

export function tabuSearch(graph: WeightedGraph, options: TabuSearchOptions): CutSolution {
  const n = graph.nodes;
  const { offsets, neighbours, weights } = graph;
  const rng = createRng(options.seed).split('tabu-search');
  const budget = options.budget;
  const target = options.target ?? Number.POSITIVE_INFINITY;
  if (n === 0) return { cut: 0, sides: new Uint8Array(0), exact: true, secondsToBest: 0 };
  // Without edges every cut is 0. Isolated vertices are never moved: their moves change nothing
  // and, gaining 0, they would keep the search wandering on a plateau.
  if (offsets[n] === 0) return { cut: 0, sides: new Uint8Array(n), exact: true, secondsToBest: 0 };

  // Sums of real weights are compared with a tolerance; integer sums are exact.
  const { integral, maxWeightedDegree, tolerance: eps } = weightStats(graph);
  const useBuckets = integral && 2 * maxWeightedDegree + 1 <= MAX_BUCKETS;
  const side = randomSides(n, rng);
  const gain = moveGains(graph, side);
  let cut = cutValue(graph, side);
  const tabuUntil = new Float64Array(n);
  let iteration = 0;

  // Bucket lists: bucket b holds the vertices of gain b − offset; list 0 free vertices, list 1 tabu.
  const offset = useBuckets ? maxWeightedDegree : 0;
  const bucketCount = useBuckets ? 2 * offset + 1 : 0;
  const head = new Int32Array(2 * bucketCount).fill(-1);
  const next = new Int32Array(useBuckets ? n : 0);
  const prev = new Int32Array(useBuckets ? n : 0);
  const list = new Uint8Array(n); // 0 free, 1 tabu
  const top = new Int32Array(2); // an upper bound on the highest non-empty bucket of each list
  // Vertices whose tabu status ends at a given iteration: a timing wheel over the tenure range.
  const tenureMin = Math.max(1, Math.floor(n / 40));
  // Small graphs (n < 100) get tenures up to min(10, n − 1): with a tenure of 1 or 2 the search
  // would cycle between a few moves of equal gain.
  const tenureMax = Math.min(n - 1, Math.max(Math.floor(n / 10), 10));
  const tenureSpan = Math.max(0, tenureMax - tenureMin);
  const wheelSize = tenureMin + tenureSpan + 1;
  const wheelHead = new Int32Array(wheelSize).fill(-1);
  const wheelNext = new Int32Array(n).fill(-1);

  const insert = (v: number, which: number): void => {
    const b = gain[v] + offset;
    const h = which * bucketCount + b;
    const first = head[h];
    next[v] = first;
    prev[v] = -1;
    if (first >= 0) prev[first] = v;
    head[h] = v;
    list[v] = which;
    if (b > top[which]) top[which] = b;
  };
  const remove = (v: number): void => {
    const p = prev[v];
    const q = next[v];
    if (p >= 0) next[p] = q;
    else head[list[v] * bucketCount + gain[v] + offset] = q;
    if (q >= 0) prev[q] = p;
  };
  /** The first vertex of the highest non-empty bucket of a list, or −1. */
  const topOf = (which: number): number => {
    const base = which * bucketCount;
    let b = top[which];
    while (b >= 0 && head[base + b] < 0) b--;
    top[which] = Math.max(b, 0);
    return b < 0 ? -1 : head[base + b];
  };

  if (useBuckets) {
    top[0] = 0;
    top[1] = 0;
    for (let v = 0; v < n; v++) if (offsets[v + 1] > offsets[v]) insert(v, 0);
  }

  const flip = (v: number): void => {
    const s = side[v];
    side[v] = s ^ 1;
    cut += gain[v];
    if (useBuckets) {
      remove(v);
      gain[v] = -gain[v];
      // The mover's list is set by the caller (it becomes tabu).
      for (let k = offsets[v]; k < offsets[v + 1]; k++) {
        const u = neighbours[k];
        const which = list[u];
        remove(u);
        // u on v's old side: the edge becomes cut, so moving u would now lose it.
        gain[u] += side[u] === s ? -2 * weights[k] : 2 * weights[k];
        insert(u, which);
      }
    } else {
      gain[v] = -gain[v];
      for (let k = offsets[v]; k < offsets[v + 1]; k++) {
        const u = neighbours[k];
        gain[u] += side[u] === s ? -2 * weights[k] : 2 * weights[k];
      }
    }
  };

  /** Moves v and makes it tabu for a random tenure. */
  const move = (v: number): void => {
    const wasTabu = list[v] === 1;
    flip(v);
    const tenure = tenureMin + (tenureSpan > 0 ? rng.nextUint32() % (tenureSpan + 1) : 0);
    tabuUntil[v] = iteration + tenure;
    if (useBuckets) {
      insert(v, 1);
      // A vertex moved again by aspiration is still on the wheel; expire() re-files it.
      if (!wasTabu) schedule(v);
    }
  };

  const schedule = (v: number): void => {
    const slot = tabuUntil[v] % wheelSize;
    wheelNext[v] = wheelHead[slot];
    wheelHead[slot] = v;
  };

  /** Frees the vertices whose tenure ends now. */
  const expire = (): void => {
    const slot = iteration % wheelSize;
    let v = wheelHead[slot];
    wheelHead[slot] = -1;
    while (v >= 0) {
      const after = wheelNext[v];
      if (tabuUntil[v] > iteration) {
        schedule(v);
      } else {
        remove(v);
        insert(v, 0);
      }
      v = after;
    }
  };

  const bestSides = side.slice();
  let best = cut;
  let secondsToBest = budget.elapsed();
  let sinceImprovement = 0;
  const stallLimit = Math.min(STALL_PER_VERTEX * n, MAX_STALL);
  const perturbation = Math.max(1, Math.round(PERTURBATION_FRACTION * n));

  search: while (best < target - eps) {
    for (let step = 0; step < CHECK_EVERY; step++) {
      iteration++;
      let chosen = -1;
      if (useBuckets) {
        expire();
        const free = topOf(0);
        const tabu = topOf(1);
        if (tabu >= 0 && cut + gain[tabu] > best + eps && (free < 0 || gain[tabu] > gain[free]))
          chosen = tabu;
        else chosen = free >= 0 ? free : tabu;
      } else {
        let bestGain = Number.NEGATIVE_INFINITY;
        const start = rng.nextUint32() % n;
        for (let i = 0, v = start; i < n; i++, v = v + 1 === n ? 0 : v + 1) {
          const g = gain[v];
          if (
            g > bestGain &&
            offsets[v + 1] > offsets[v] &&
            (tabuUntil[v] <= iteration || cut + g > best + eps)
          ) {
            bestGain = g;
            chosen = v;
          }
        }
        if (chosen < 0) {
          // Every vertex with an edge is tabu: take the best of them regardless.
          for (let v = 0; v < n; v++) {
            if (offsets[v + 1] > offsets[v] && (chosen < 0 || gain[v] > gain[chosen])) chosen = v;
          }
        }
      }
      move(chosen);
      if (cut > best + eps) {
        best = cut;
        bestSides.set(side);
        secondsToBest = budget.elapsed();
        sinceImprovement = 0;
        options.onImprove?.(best, secondsToBest);
        if (best >= target - eps) break search;
      } else if (++sinceImprovement > stallLimit) {
        // Restart from the best cut with a strong random perturbation.
        sinceImprovement = 0;
        for (let v = 0; v < n; v++) if (side[v] !== bestSides[v]) restoreFlip(v);
        for (let i = 0; i < perturbation; i++) restoreFlip(rng.nextUint32() % n);
      }
    }
    if (budget.exhausted()) break;
  }

  /** A move outside the tabu logic (restarts): the vertex keeps its list. */
  function restoreFlip(v: number): void {
    if (offsets[v + 1] === offsets[v]) return;
    const which = list[v];
    flip(v);
    if (useBuckets) insert(v, which);
  }

  // Report only what the returned sides show: recompute the cut from scratch.
  return { cut: cutValue(graph, bestSides), sides: bestSides, exact: false, secondsToBest };
}
