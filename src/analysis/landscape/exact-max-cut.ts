/**
 * Exact weighted Max-Cut by depth-first branch and bound, for the small instances of landscape
 * theory (tens of actors).
 *
 * Vertices are placed one at a time in order of decreasing total |weight|; the first is fixed on
 * side 0, which removes the symmetry of the two sides (a cut and its mirror have equal weight).
 * The bound of a node adds to the weight already cut, for every unplaced vertex, the larger of what
 * it would gain on either side from the placed ones, plus every positive weight between two
 * unplaced vertices — an upper bound since each unplaced pair is counted at most once and each
 * placed–unplaced pair at its best. A tabu search run first gives the incumbent, so most of the
 * tree is cut away at once.
 *
 * Complexity: O(n) per node, at most 2^(n−1) leaves; the benchmark states the largest n solved in a
 * second on random landscapes.
 */
import { type Budget, unlimitedBudget, workBudget } from '../../common/budget.js';
import { missing } from '../../common/checked.js';
import { type CutSolution, cutValue, denseWeights, positiveSuffixSums, type WeightedGraph } from './graph.js';
import { tabuSearch } from './tabu-search.js';

export interface ExactMaxCutOptions {
  /** Stops the search early; the answer is then the best cut found and `exact` is false. */
  readonly budget?: Budget;
  /** Seed of the tabu search that provides the first incumbent. */
  readonly seed?: number;
}

/** How many budget checks (each 1024 moves) the incumbent's tabu search may use. */
const INCUMBENT_WORK = 8;
const CHECK_EVERY_NODES = 4096;

export function exactMaxCut(graph: WeightedGraph, options: ExactMaxCutOptions = {}): CutSolution {
  const n = graph.nodes;
  const budget = options.budget ?? unlimitedBudget;
  if (n <= 1) return { cut: 0, sides: new Uint8Array(n), exact: true, secondsToBest: 0 };

  const incumbent = tabuSearch(graph, { seed: options.seed ?? 1, budget: workBudget(INCUMBENT_WORK) });
  const tree = new CutTree(graph, budget, incumbent);
  tree.search(0, 0);
  return {
    cut: cutValue(graph, tree.bestSides),
    sides: tree.bestSides,
    exact: !tree.stopped,
    secondsToBest: tree.secondsToBest,
  };
}

/**
 * The search tree: position d places vertex order[d]; positions are indices into the reordered
 * dense weights `w`, all below n.
 */
class CutTree {
  private readonly n: number;
  /** The vertices by decreasing total absolute weight: heavy vertices first tighten the bound early. */
  private readonly order: number[];
  /** Dense weights between positions (row-major n×n). */
  private readonly w: Float64Array;
  private readonly positiveAfter: Float64Array;
  private readonly eps: number;
  /** toSide[s * n + q]: what position q gains (cut weight) by going to side s, from placed positions. */
  private readonly toSide: Float64Array;
  /** The side of each placed position. */
  private readonly side: Uint8Array;
  private nodes = 0;
  stopped = false;
  private best: number;
  readonly bestSides: Uint8Array;
  secondsToBest: number;

  constructor(
    graph: WeightedGraph,
    private readonly budget: Budget,
    incumbent: CutSolution,
  ) {
    const n = graph.nodes;
    this.n = n;
    const dense = denseWeights(graph);
    const strength = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let total = 0;
      for (let j = 0; j < n; j++) total += Math.abs(dense[i * n + j] ?? missing());
      strength[i] = total;
    }
    this.order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => (strength[b] ?? missing()) - (strength[a] ?? missing()) || a - b,
    );
    this.w = new Float64Array(n * n);
    this.order.forEach((from, p) => {
      this.order.forEach((to, q) => {
        this.w[p * n + q] = dense[from * n + to] ?? missing();
      });
    });
    this.positiveAfter = positiveSuffixSums(this.w, n);
    let scale = 0;
    for (const x of this.w) scale = Math.max(scale, Math.abs(x));
    this.eps = scale * 1e-9;
    this.toSide = new Float64Array(2 * n);
    this.side = new Uint8Array(n);
    this.best = incumbent.cut;
    this.bestSides = incumbent.sides.slice();
    this.secondsToBest = budget.elapsed();
  }

  /** Places positions d… below a node whose placed positions cut `cut`. */
  search(d: number, cut: number): void {
    const { n, toSide, eps } = this;
    if (this.stopped) return;
    if (++this.nodes % CHECK_EVERY_NODES === 0 && this.budget.exhausted()) {
      this.stopped = true;
      return;
    }
    if (d === n) {
      if (cut > this.best + eps) this.record(cut);
      return;
    }
    let bound = cut + (this.positiveAfter[d] ?? missing());
    for (let q = d; q < n; q++) bound += Math.max(toSide[q] ?? missing(), toSide[n + q] ?? missing());
    if (bound <= this.best + eps) return;
    const g0 = toSide[d] ?? missing();
    const g1 = toSide[n + d] ?? missing();
    // The first vertex stays on side 0 (symmetry); otherwise the better side first.
    const first = d === 0 || g0 >= g1 ? 0 : 1;
    for (let t = 0; t < (d === 0 ? 1 : 2); t++) {
      const s = t === 0 ? first : 1 - first;
      this.side[d] = s;
      this.place(d, s, 1);
      this.search(d + 1, cut + (s === 0 ? g0 : g1));
      this.place(d, s, -1);
    }
  }

  /** Placing d on side s (sign 1; −1 undoes it) makes the edges to d count for every later vertex on the other side. */
  private place(d: number, s: number, sign: number): void {
    const { n, toSide, w } = this;
    const other = (1 - s) * n;
    const row = d * n;
    for (let q = d + 1; q < n; q++)
      toSide[other + q] = (toSide[other + q] ?? missing()) + sign * (w[row + q] ?? missing());
  }

  /** A complete placement better than the best so far. */
  private record(cut: number): void {
    this.best = cut;
    this.order.forEach((vertex, p) => {
      this.bestSides[vertex] = this.side[p] ?? missing();
    });
    this.secondsToBest = this.budget.elapsed();
  }
}
