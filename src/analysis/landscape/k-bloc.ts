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
  const n = graph.nodes;
  const w = denseWeights(graph);
  let scale = 0;
  for (let i = 0; i < w.length; i++) scale = Math.max(scale, Math.abs(w[i]));
  const eps = scale * 1e-9;
  const positiveAfter = positiveSuffixSums(w, n);
  // placedTo[q]: Σ of weights from placed vertices to q; inBloc[q*k+b]: from those in bloc b.
  const placedTo = new Float64Array(n);
  const inBloc = new Float64Array(n * k);
  const bloc = new Uint8Array(n);
  const bestBlocs = new Uint8Array(n);
  let best = Number.NEGATIVE_INFINITY;
  let nodes = 0;
  let stopped = false;

  const place = (d: number, b: number, sign: number): void => {
    const row = d * n;
    for (let q = d + 1; q < n; q++) {
      placedTo[q] += sign * w[row + q];
      inBloc[q * k + b] += sign * w[row + q];
    }
  };

  const search = (d: number, open: number, cut: number): void => {
    if (stopped) return;
    if (++nodes % CHECK_EVERY_NODES === 0 && budget.exhausted()) {
      stopped = true;
      return;
    }
    if (d === n) {
      if (cut > best + eps) {
        best = cut;
        bestBlocs.set(bloc);
      }
      return;
    }
    const canOpen = open < k;
    let bound = cut + positiveAfter[d];
    for (let q = d; q < n; q++) {
      let g = canOpen ? placedTo[q] : Number.NEGATIVE_INFINITY;
      for (let b = 0; b < open; b++) g = Math.max(g, placedTo[q] - inBloc[q * k + b]);
      bound += g;
    }
    if (bound <= best + eps) return;
    const limit = canOpen ? open + 1 : open;
    for (let b = 0; b < limit; b++) {
      bloc[d] = b;
      const gainHere = placedTo[d] - (b < open ? inBloc[d * k + b] : 0);
      place(d, b, 1);
      search(d + 1, b === open ? open + 1 : open, cut + gainHere);
      place(d, b, -1);
    }
  };
  search(0, 0, 0);
  // Report the cut of the returned blocs, recomputed, not the search's running sum.
  return { cut: kCutValue(graph, bestBlocs), blocs: bestBlocs, exact: !stopped };
}

/** Σ of the weights of edges whose ends are in different blocs. */
export function kCutValue(graph: WeightedGraph, blocs: Uint8Array): number {
  const { offsets, neighbours, weights } = graph;
  let total = 0;
  for (let v = 0; v < graph.nodes; v++) {
    for (let k = offsets[v]; k < offsets[v + 1]; k++) {
      const u = neighbours[k];
      if (u > v && blocs[u] !== blocs[v]) total += weights[k];
    }
  }
  return total;
}
