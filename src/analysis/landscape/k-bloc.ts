/**
 * The k-bloc generalisation of landscape theory: actors split into at most k blocs, the energy
 * E = Σ_{i≠j} s_i s_j p_ij d_ij with d_ij = 1 when i and j are in different blocs (Axelrod & Bennett
 * 1993 discuss more than two coalitions; the energy is unchanged). Minimising E is weighted
 * max-k-cut with w_ij = −s_i s_j p_ij.
 *
 * Exact depth-first branch and bound over restricted growth strings (actor i joins one of the blocs
 * already opened or opens the next one), which enumerates each partition once regardless of bloc
 * labels. The bound adds, for every unplaced actor, its best gain over the open blocs (or a new
 * one) plus every positive weight between unplaced actors. Exponential: meant for small n.
 */
import { type Budget, unlimitedBudget } from '../../common/budget.js';
import { missing } from '../../common/checked.js';
import { invariant } from '../../common/errors.js';
import { denseWeights, positiveSuffixSums, type WeightedGraph } from './graph.js';

export interface BlocSolution {
  /** The cut weight Σ_{i<j, different blocs} w_ij. */
  readonly cut: number;
  /** Bloc index (0-based, in order of first member) of every vertex. */
  readonly blocs: Uint8Array;
  /** True when the search ran to the end (the partition is optimal). */
  readonly exact: boolean;
}

const CHECK_EVERY_NODES = 4096;

export function exactMaxKCut(
  graph: WeightedGraph,
  k: number,
  budget: Budget = unlimitedBudget,
): BlocSolution {
  invariant(Number.isInteger(k) && k >= 2 && k <= 255, `bloc count must be an integer in 2..255, got ${k}`);
  const tree = new BlocTree(graph, k, budget);
  tree.search(0, 0, 0);
  // Report the cut of the returned blocs, recomputed, not the search's running sum.
  return { cut: kCutValue(graph, tree.bestBlocs), blocs: tree.bestBlocs, exact: !tree.stopped };
}

/** The search tree: vertex d is placed at depth d; vertex and bloc indices stay in range. */
class BlocTree {
  private readonly n: number;
  private readonly w: Float64Array;
  private readonly eps: number;
  private readonly positiveAfter: Float64Array;
  /** placedTo[q]: Σ of weights from placed vertices to q; inBloc[q*k+b]: from those in bloc b. */
  private readonly placedTo: Float64Array;
  private readonly inBloc: Float64Array;
  private readonly bloc: Uint8Array;
  readonly bestBlocs: Uint8Array;
  private best = Number.NEGATIVE_INFINITY;
  private nodes = 0;
  stopped = false;

  constructor(
    graph: WeightedGraph,
    private readonly k: number,
    private readonly budget: Budget,
  ) {
    const n = graph.nodes;
    this.n = n;
    this.w = denseWeights(graph);
    let scale = 0;
    for (const x of this.w) scale = Math.max(scale, Math.abs(x));
    this.eps = scale * 1e-9;
    this.positiveAfter = positiveSuffixSums(this.w, n);
    this.placedTo = new Float64Array(n);
    this.inBloc = new Float64Array(n * k);
    this.bloc = new Uint8Array(n);
    this.bestBlocs = new Uint8Array(n);
  }

  /** Places vertices d… below a node with `open` blocs opened, whose placed vertices cut `cut`. */
  search(d: number, open: number, cut: number): void {
    const { n, k, placedTo, inBloc, eps } = this;
    if (this.stopped) return;
    if (++this.nodes % CHECK_EVERY_NODES === 0 && this.budget.exhausted()) {
      this.stopped = true;
      return;
    }
    if (d === n) {
      if (cut > this.best + eps) {
        this.best = cut;
        this.bestBlocs.set(this.bloc);
      }
      return;
    }
    const canOpen = open < k;
    let bound = cut + (this.positiveAfter[d] ?? missing());
    for (let q = d; q < n; q++) {
      const toPlaced = placedTo[q] ?? missing();
      let g = canOpen ? toPlaced : Number.NEGATIVE_INFINITY;
      for (let b = 0; b < open; b++) g = Math.max(g, toPlaced - (inBloc[q * k + b] ?? missing()));
      bound += g;
    }
    if (bound <= this.best + eps) return;
    const limit = canOpen ? open + 1 : open;
    for (let b = 0; b < limit; b++) {
      this.bloc[d] = b;
      const gainHere = (placedTo[d] ?? missing()) - (b < open ? (inBloc[d * k + b] ?? missing()) : 0);
      this.place(d, b, 1);
      this.search(d + 1, b === open ? open + 1 : open, cut + gainHere);
      this.place(d, b, -1);
    }
  }

  /** Adds (sign 1) or takes back (−1) the weights from vertex d in bloc b to the later vertices. */
  private place(d: number, b: number, sign: number): void {
    const { n, k, placedTo, inBloc, w } = this;
    const row = d * n;
    for (let q = d + 1; q < n; q++) {
      const x = sign * (w[row + q] ?? missing());
      placedTo[q] = (placedTo[q] ?? missing()) + x;
      inBloc[q * k + b] = (inBloc[q * k + b] ?? missing()) + x;
    }
  }
}

/** Σ of the weights of edges whose ends are in different blocs. */
export function kCutValue(graph: WeightedGraph, blocs: Uint8Array): number {
  const { offsets, neighbours, weights } = graph;
  let total = 0;
  for (let v = 0; v < graph.nodes; v++) {
    const end = offsets[v + 1] ?? missing();
    for (let k = offsets[v] ?? missing(); k < end; k++) {
      const u = neighbours[k] ?? missing();
      if (u > v && blocs[u] !== blocs[v]) total += weights[k] ?? missing();
    }
  }
  return total;
}
