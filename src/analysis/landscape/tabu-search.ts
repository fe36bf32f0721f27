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
import { missing } from '../../common/checked.js';
import { type CutSolution, cutValue, type HeuristicOptions, type WeightedGraph } from './graph.js';
import { OneFlipSearch } from './one-flip-search.js';

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
  if (n === 0) return { cut: 0, sides: new Uint8Array(0), exact: true, secondsToBest: 0 };
  // Without edges every cut is 0. Isolated vertices are never moved: their moves change nothing
  // and, gaining 0, they would keep the search wandering on a plateau.
  if (graph.offsets[n] === 0) return { cut: 0, sides: new Uint8Array(n), exact: true, secondsToBest: 0 };
  return new TabuSearch(graph, options).run();
}

/**
 * The state of one search. Vertex indices stay below n and bucket indices within the gain range by
 * construction; reads past them fail through `missing()` (see common/checked.ts).
 */
class TabuSearch extends OneFlipSearch {
  private readonly offsets: Int32Array;
  private readonly neighbours: Int32Array;
  private readonly weights: Float64Array;
  /** Gain buckets of the free and tabu vertices, with integer weights; null: a linear scan. */
  private readonly buckets: GainBuckets | null;
  private readonly tenureMin: number;
  private readonly tenureSpan: number;
  /** Vertices whose tabu status ends at a given iteration: a timing wheel over the tenure range. */
  private readonly wheelSize: number;
  private readonly wheelHead: Int32Array;
  private readonly wheelNext: Int32Array;

  constructor(graph: WeightedGraph, options: TabuSearchOptions) {
    super(graph, options, 'tabu-search');
    const n = this.n;
    this.offsets = graph.offsets;
    this.neighbours = graph.neighbours;
    this.weights = graph.weights;
    const { integral, maxWeightedDegree } = this.stats;
    this.buckets =
      integral && 2 * maxWeightedDegree + 1 <= MAX_BUCKETS
        ? new GainBuckets(n, maxWeightedDegree, this.gain)
        : null;
    this.tenureMin = Math.max(1, Math.floor(n / 40));
    // Small graphs (n < 100) get tenures up to min(10, n − 1): with a tenure of 1 or 2 the search
    // would cycle between a few moves of equal gain.
    const tenureMax = Math.min(n - 1, Math.max(Math.floor(n / 10), 10));
    this.tenureSpan = Math.max(0, tenureMax - this.tenureMin);
    this.wheelSize = this.tenureMin + this.tenureSpan + 1;
    this.wheelHead = new Int32Array(this.wheelSize).fill(-1);
    this.wheelNext = new Int32Array(n).fill(-1);
    if (this.buckets) {
      for (let v = 0; v < n; v++) if (this.degree(v) > 0) this.buckets.insert(v, 0);
    }
  }

  run(): CutSolution {
    const { n, eps, side, options, rng } = this;
    const budget = options.budget;
    const target = options.target ?? Number.POSITIVE_INFINITY;
    const bestSides = side.slice();
    let best = this.cut;
    let secondsToBest = budget.elapsed();
    let sinceImprovement = 0;
    const stallLimit = Math.min(STALL_PER_VERTEX * n, MAX_STALL);
    const perturbation = Math.max(1, Math.round(PERTURBATION_FRACTION * n));

    search: while (best < target - eps) {
      for (let step = 0; step < CHECK_EVERY; step++) {
        this.iteration++;
        this.move(this.buckets ? this.chooseFromBuckets(this.buckets, best) : this.chooseByScan(best));
        if (this.cut > best + eps) {
          best = this.cut;
          bestSides.set(side);
          secondsToBest = budget.elapsed();
          sinceImprovement = 0;
          options.onImprove?.(best, secondsToBest);
          if (best >= target - eps) break search;
        } else if (++sinceImprovement > stallLimit) {
          // Restart from the best cut with a strong random perturbation.
          sinceImprovement = 0;
          for (let v = 0; v < n; v++) if (side[v] !== bestSides[v]) this.restoreFlip(v);
          for (let i = 0; i < perturbation; i++) this.restoreFlip(rng.nextUint32() % n);
        }
      }
      if (budget.exhausted()) break;
    }
    // Report only what the returned sides show: recompute the cut from scratch.
    return { cut: cutValue(this.graph, bestSides), sides: bestSides, exact: false, secondsToBest };
  }

  private degree(v: number): number {
    return (this.offsets[v + 1] ?? missing()) - (this.offsets[v] ?? missing());
  }

  /** The best free move, or a tabu move that beats the best cut (aspiration). */
  private chooseFromBuckets(buckets: GainBuckets, best: number): number {
    this.expire(buckets);
    const free = buckets.topOf(0);
    const tabu = buckets.topOf(1);
    if (tabu < 0) return free;
    const tabuGain = this.gain[tabu] ?? missing();
    if (this.cut + tabuGain > best + this.eps && (free < 0 || tabuGain > (this.gain[free] ?? missing())))
      return tabu;
    return free >= 0 ? free : tabu;
  }

  /** The same choice by a scan of every vertex, from a random start (ties go to the first seen). */
  private chooseByScan(best: number): number {
    const { n, gain, tabuUntil, iteration, cut, eps } = this;
    let chosen = -1;
    let bestGain = Number.NEGATIVE_INFINITY;
    const start = this.rng.nextUint32() % n;
    for (let i = 0, v = start; i < n; i++, v = v + 1 === n ? 0 : v + 1) {
      const g = gain[v] ?? missing();
      if (
        g > bestGain &&
        this.degree(v) > 0 &&
        ((tabuUntil[v] ?? missing()) <= iteration || cut + g > best + eps)
      ) {
        bestGain = g;
        chosen = v;
      }
    }
    if (chosen >= 0) return chosen;
    // Every vertex with an edge is tabu: take the best of them regardless.
    for (let v = 0; v < n; v++) {
      if (this.degree(v) > 0 && (chosen < 0 || (gain[v] ?? missing()) > (gain[chosen] ?? missing())))
        chosen = v;
    }
    return chosen;
  }

  /** Moves v to the other side and updates the gains of its neighbours (and their buckets). */
  private flip(v: number): void {
    const { side, gain, offsets, neighbours, weights, buckets } = this;
    const s = side[v] ?? missing();
    side[v] = s ^ 1;
    const g = gain[v] ?? missing();
    this.cut += g;
    // The mover's list is set by the caller (it becomes tabu).
    buckets?.remove(v);
    gain[v] = -g;
    const end = offsets[v + 1] ?? missing();
    for (let k = offsets[v] ?? missing(); k < end; k++) {
      const u = neighbours[k] ?? missing();
      const w = weights[k] ?? missing();
      // u on v's old side: the edge becomes cut, so moving u would now lose it.
      const delta = side[u] === s ? -2 * w : 2 * w;
      if (buckets) {
        const which = buckets.listOf(u);
        buckets.remove(u);
        gain[u] = (gain[u] ?? missing()) + delta;
        buckets.insert(u, which);
      } else {
        gain[u] = (gain[u] ?? missing()) + delta;
      }
    }
  }

  /** Moves v and makes it tabu for a random tenure. */
  private move(v: number): void {
    const buckets = this.buckets;
    const wasTabu = buckets !== null && buckets.listOf(v) === 1;
    this.flip(v);
    const tenure = this.tenureMin + (this.tenureSpan > 0 ? this.rng.nextUint32() % (this.tenureSpan + 1) : 0);
    this.tabuUntil[v] = this.iteration + tenure;
    if (buckets) {
      buckets.insert(v, 1);
      // A vertex moved again by aspiration is still on the wheel; expire() re-files it.
      if (!wasTabu) this.schedule(v);
    }
  }

  /** A move outside the tabu logic (restarts): the vertex keeps its list. */
  private restoreFlip(v: number): void {
    if (this.degree(v) === 0) return;
    const buckets = this.buckets;
    const which = buckets?.listOf(v) ?? 0;
    this.flip(v);
    buckets?.insert(v, which);
  }

  private schedule(v: number): void {
    const slot = (this.tabuUntil[v] ?? missing()) % this.wheelSize;
    this.wheelNext[v] = this.wheelHead[slot] ?? missing();
    this.wheelHead[slot] = v;
  }

  /** Frees the vertices whose tenure ends now. */
  private expire(buckets: GainBuckets): void {
    const slot = this.iteration % this.wheelSize;
    let v = this.wheelHead[slot] ?? missing();
    this.wheelHead[slot] = -1;
    while (v >= 0) {
      const after = this.wheelNext[v] ?? missing();
      if ((this.tabuUntil[v] ?? missing()) > this.iteration) {
        this.schedule(v);
      } else {
        buckets.remove(v);
        buckets.insert(v, 0);
      }
      v = after;
    }
  }
}

/**
 * Bucket lists of vertices by gain, for integer gains: bucket b holds the vertices of gain
 * b − offset, as doubly linked lists; list 0 holds the free vertices, list 1 the tabu ones. The
 * highest non-empty bucket of each list is found in amortised O(1) from an upper bound on it.
 */
class GainBuckets {
  private readonly offset: number;
  private readonly bucketCount: number;
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  /** 0 free, 1 tabu. */
  private readonly list: Uint8Array;
  /** An upper bound on the highest non-empty bucket of each list. */
  private readonly top = new Int32Array(2);

  constructor(
    n: number,
    maxWeightedDegree: number,
    private readonly gain: Float64Array,
  ) {
    this.offset = maxWeightedDegree;
    this.bucketCount = 2 * maxWeightedDegree + 1;
    this.head = new Int32Array(2 * this.bucketCount).fill(-1);
    this.next = new Int32Array(n);
    this.prev = new Int32Array(n);
    this.list = new Uint8Array(n);
  }

  listOf(v: number): number {
    return this.list[v] ?? missing();
  }

  insert(v: number, which: number): void {
    const b = (this.gain[v] ?? missing()) + this.offset;
    const h = which * this.bucketCount + b;
    const first = this.head[h] ?? missing();
    this.next[v] = first;
    this.prev[v] = -1;
    if (first >= 0) this.prev[first] = v;
    this.head[h] = v;
    this.list[v] = which;
    if (b > (this.top[which] ?? missing())) this.top[which] = b;
  }

  remove(v: number): void {
    const p = this.prev[v] ?? missing();
    const q = this.next[v] ?? missing();
    if (p >= 0) this.next[p] = q;
    else this.head[this.listOf(v) * this.bucketCount + (this.gain[v] ?? missing()) + this.offset] = q;
    if (q >= 0) this.prev[q] = p;
  }

  /** The first vertex of the highest non-empty bucket of a list, or −1. */
  topOf(which: number): number {
    const base = which * this.bucketCount;
    let b = this.top[which] ?? missing();
    while (b >= 0 && (this.head[base + b] ?? missing()) < 0) b--;
    this.top[which] = Math.max(b, 0);
    return b < 0 ? -1 : (this.head[base + b] ?? missing());
  }
}
