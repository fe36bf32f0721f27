/**
 * Weighted undirected graphs in compressed sparse row form, the shape every Max-Cut solver here
 * works on. Two-bloc alignment (landscape theory) is weighted Max-Cut: minimising the energy
 * E = Σ_{i≠j} s_i s_j p_ij d_ij is maximising the cut of w_ij = −s_i s_j p_ij (Galam 1996).
 */

import type { Budget } from '../../common/budget.js';
import { missing } from '../../common/checked.js';
import { invariant } from '../../common/errors.js';
import type { Rng } from '../../common/random.js';

export interface WeightedEdge {
  /** 0-based end points. */
  readonly u: number;
  readonly v: number;
  readonly weight: number;
}

/** An undirected weighted graph; each edge is stored once from each end (CSR). */
export interface WeightedGraph {
  readonly nodes: number;
  /** Number of undirected edges (each listed once in `edges`). */
  readonly edgeCount: number;
  /** `offsets[v]..offsets[v+1]` indexes the neighbours of v in `neighbours` and `weights`. */
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly weights: Float64Array;
}

/**
 * Builds the CSR form of a graph. Parallel edges are kept as given (their weights add up in every
 * cut); self-loops are not allowed, since no cut can ever separate a vertex from itself.
 */
export function createGraph(nodes: number, edges: readonly WeightedEdge[]): WeightedGraph {
  invariant(Number.isInteger(nodes) && nodes >= 0, `node count must be a non-negative integer, got ${nodes}`);
  const degree = new Int32Array(nodes + 1);
  for (const e of edges) {
    invariant(e.u >= 0 && e.u < nodes && e.v >= 0 && e.v < nodes, `edge ${e.u}–${e.v} out of range`);
    invariant(e.u !== e.v, `self-loop at ${e.u}`);
    degree[e.u] = (degree[e.u] ?? missing()) + 1;
    degree[e.v] = (degree[e.v] ?? missing()) + 1;
  }
  const offsets = new Int32Array(nodes + 1);
  let total = 0;
  for (let v = 0; v < nodes; v++) {
    total += degree[v] ?? missing();
    offsets[v + 1] = total;
  }
  const fill = offsets.slice(0, nodes);
  const neighbours = new Int32Array(total);
  const weights = new Float64Array(total);
  const place = (from: number, to: number, weight: number): void => {
    const slot = fill[from] ?? missing();
    neighbours[slot] = to;
    weights[slot] = weight;
    fill[from] = slot + 1;
  };
  for (const e of edges) {
    place(e.u, e.v, e.weight);
    place(e.v, e.u, e.weight);
  }
  return { nodes, edgeCount: edges.length, offsets, neighbours, weights };
}

/** Builds a graph from a dense symmetric weight matrix (row-major n×n), keeping non-zero pairs. */
export function graphFromMatrix(n: number, matrix: Float64Array): WeightedGraph {
  const edges: WeightedEdge[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const w = matrix[i * n + j] ?? missing();
      if (w !== 0) edges.push({ u: i, v: j, weight: w });
    }
  }
  return createGraph(n, edges);
}

/** The weight of the cut: the sum of the weights of edges whose ends are on different sides. */
export function cutValue(graph: WeightedGraph, sides: Uint8Array): number {
  invariant(sides.length === graph.nodes, 'one side per vertex');
  const { offsets, neighbours, weights } = graph;
  let total = 0;
  for (let v = 0; v < graph.nodes; v++) {
    const sv = sides[v];
    const end = offsets[v + 1] ?? missing();
    for (let k = offsets[v] ?? missing(); k < end; k++) {
      const u = neighbours[k] ?? missing();
      if (u > v && sides[u] !== sv) total += weights[k] ?? missing();
    }
  }
  return total;
}

/** A dense row-major copy of the weights (parallel edges summed), for the exact solvers on small n. */
export function denseWeights(graph: WeightedGraph): Float64Array {
  const n = graph.nodes;
  const { offsets, neighbours, weights } = graph;
  const matrix = new Float64Array(n * n);
  for (let v = 0; v < n; v++) {
    const end = offsets[v + 1] ?? missing();
    for (let k = offsets[v] ?? missing(); k < end; k++) {
      const cell = v * n + (neighbours[k] ?? missing());
      matrix[cell] = (matrix[cell] ?? missing()) + (weights[k] ?? missing());
    }
  }
  return matrix;
}

/** The answer of a Max-Cut solver: a side (0 or 1) per vertex and the weight of that cut. */
export interface CutSolution {
  readonly cut: number;
  readonly sides: Uint8Array;
  /** True when the solver proved no larger cut exists. */
  readonly exact: boolean;
  /** Budget time (seconds, or work units for a counting budget) when the best cut was found. */
  readonly secondsToBest: number;
}

export interface WeightStats {
  /** Every weight is an integer: cut weights and gains are then exact. */
  readonly integral: boolean;
  /** The largest Σ_u |w_uv| over vertices v (the range of a move's gain). */
  readonly maxWeightedDegree: number;
  /** Tolerance for comparing sums of weights: 0.5 for integers, 1e-9·max|w| otherwise. */
  readonly tolerance: number;
}

export function weightStats(graph: WeightedGraph): WeightStats {
  const { offsets, weights } = graph;
  let maxAbs = 0;
  let integral = true;
  let maxWeightedDegree = 0;
  for (let v = 0; v < graph.nodes; v++) {
    let d = 0;
    const end = offsets[v + 1] ?? missing();
    for (let k = offsets[v] ?? missing(); k < end; k++) {
      const w = weights[k] ?? missing();
      const a = Math.abs(w);
      d += a;
      if (a > maxAbs) maxAbs = a;
      if (!Number.isInteger(w)) integral = false;
    }
    if (d > maxWeightedDegree) maxWeightedDegree = d;
  }
  return { integral, maxWeightedDegree, tolerance: integral ? 0.5 : maxAbs * 1e-9 };
}

/** A uniformly random side for every vertex. */
export function randomSides(n: number, rng: Rng): Uint8Array {
  const side = new Uint8Array(n);
  for (let v = 0; v < n; v++) side[v] = rng.nextUint32() & 1;
  return side;
}

/** gain[v] = Σ_u w_uv (same side ? 1 : −1): the change of the cut weight if v switches side. */
export function moveGains(graph: WeightedGraph, side: Uint8Array): Float64Array {
  const { offsets, neighbours, weights } = graph;
  const gain = new Float64Array(graph.nodes);
  for (let v = 0; v < graph.nodes; v++) {
    let g = 0;
    const sv = side[v];
    const end = offsets[v + 1] ?? missing();
    for (let k = offsets[v] ?? missing(); k < end; k++) {
      const w = weights[k] ?? missing();
      g += side[neighbours[k] ?? missing()] === sv ? w : -w;
    }
    gain[v] = g;
  }
  return gain;
}

/**
 * positiveAfter[d] = Σ of the positive weights between vertices d..n−1 of a dense n×n matrix: the
 * most that the pairs not yet placed can add to a cut, in the exact searches.
 */
export function positiveSuffixSums(w: Float64Array, n: number): Float64Array {
  const positiveAfter = new Float64Array(n + 1);
  for (let d = n - 1; d >= 0; d--) {
    let s = 0;
    for (let q = d + 1; q < n; q++) {
      const x = w[d * n + q] ?? missing();
      if (x > 0) s += x;
    }
    positiveAfter[d] = (positiveAfter[d + 1] ?? missing()) + s;
  }
  return positiveAfter;
}

/** What the Max-Cut heuristics take: a seed, a budget, an optional target and progress callback. */
export interface HeuristicOptions {
  readonly seed: number;
  /** When to stop; the best cut so far is returned. */
  readonly budget: Budget;
  /** Stop as soon as a cut of at least this weight is found (e.g. a known optimum). */
  readonly target?: number;
  /** Called with each new best cut (value, budget time) — e.g. for a progress line. */
  readonly onImprove?: (cut: number, elapsed: number) => void;
}
