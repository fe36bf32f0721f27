/**
 * Breakout Local Search for weighted Max-Cut (Benlic & Hao 2013, "Breakout Local Search for the
 * Max-Cut problem", Eng. Appl. of AI 26:1162–1173), written from the paper's description.
 *
 * BLS alternates a steepest-ascent descent with one-vertex moves and an adaptive perturbation:
 * - the jump magnitude L (number of perturbation moves) starts at L0 = 0.01·n, grows by one each
 *   time the descent falls back into the local optimum it just left, and jumps to Lmax = 0.1·n
 *   after T = 1000 consecutive local optima without improving the best cut;
 * - the kind of perturbation is chosen with probability P = max(e^{−ω/T}, P0) (ω: local optima
 *   since the last improvement) for a *directed* one (best non-tabu move, tabu tenure drawn in
 *   [3, n/10], aspiration when a tabu move beats the best cut), otherwise with probability Q for a
 *   *recency-based* one (the vertex unmoved for longest) and else a *random* one.
 *
 * Everything lives in typed arrays and nothing is allocated in the loop. Randomness comes from the
 * seeded RNG and time from the injected Budget only, so a run is a deterministic function of the
 * seed up to the point where the budget stops it.
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

export type BreakoutOptions = HeuristicOptions;

/** Tuning of Benlic & Hao (2013), section 4.1. */
const STAGNATION_LIMIT = 1000; // T
const MIN_DIRECTED_PROBABILITY = 0.8; // P0
const RECENCY_PROBABILITY = 0.5; // Q

export function breakoutLocalSearch(graph: WeightedGraph, options: BreakoutOptions): CutSolution {
  const n = graph.nodes;
  const { offsets, neighbours, weights } = graph;
  const rng = createRng(options.seed).split('breakout-local-search');
  const budget = options.budget;
  const target = options.target ?? Number.POSITIVE_INFINITY;
  if (n === 0) return { cut: 0, sides: new Uint8Array(0), exact: true, secondsToBest: 0 };

  const eps = weightStats(graph).tolerance;
  const side = randomSides(n, rng);
  const gain = moveGains(graph, side);
  let cut = cutValue(graph, side);
  const tabuUntil = new Float64Array(n);
  const lastMoved = new Float64Array(n);
  // Zobrist hash of the assignment, to tell when the descent returns to the optimum it left.
  const zobristLo = new Int32Array(n);
  const zobristHi = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    zobristLo[v] = rng.nextUint32() | 0;
    zobristHi[v] = rng.nextUint32() | 0;
  }
  let hashLo = 0;
  let hashHi = 0;
  for (let v = 0; v < n; v++) {
    if (side[v] === 1) {
      hashLo ^= zobristLo[v];
      hashHi ^= zobristHi[v];
    }
  }
  let iteration = 0;

  const flip = (v: number): void => {
    const s = side[v];
    side[v] = s ^ 1;
    cut += gain[v];
    gain[v] = -gain[v];
    for (let k = offsets[v]; k < offsets[v + 1]; k++) {
      const u = neighbours[k];
      // u on v's old side: the edge becomes cut, so moving u would now lose it.
      if (side[u] === s) gain[u] -= 2 * weights[k];
      else gain[u] += 2 * weights[k];
    }
    hashLo ^= zobristLo[v];
    hashHi ^= zobristHi[v];
    lastMoved[v] = iteration;
    iteration++;
  };

  const bestSides = side.slice();
  let best = cut;
  let secondsToBest = budget.elapsed();

  /** Records the current cut when it beats the best; true if it did. */
  const improve = (): boolean => {
    if (cut <= best + eps) return false;
    best = cut;
    bestSides.set(side);
    secondsToBest = budget.elapsed();
    omega = 0;
    options.onImprove?.(best, secondsToBest);
    return true;
  };

  const l0 = Math.max(1, Math.round(0.01 * n));
  const lMax = Math.max(l0, Math.round(0.1 * n));
  const tenureMin = Math.min(3, n);
  const tenureSpan = Math.max(0, Math.floor(n / 10) - tenureMin);
  let jump = l0;
  let omega = 0;
  let previousLo = 0;
  let previousHi = 0;
  let previousCut = Number.NaN;

  while (best < target - eps && !budget.exhausted()) {
    // Steepest ascent: the best improving move until none is left. The scan starts at a random
    // vertex so that ties between equal gains do not always favour low indices.
    for (;;) {
      const start = rng.nextUint32() % n;
      let bestMove = -1;
      let bestGain = eps;
      for (let v = start; v < n; v++) {
        if (gain[v] > bestGain) {
          bestGain = gain[v];
          bestMove = v;
        }
      }
      for (let v = 0; v < start; v++) {
        if (gain[v] > bestGain) {
          bestGain = gain[v];
          bestMove = v;
        }
      }
      if (bestMove < 0) break;
      flip(bestMove);
    }

    if (!improve()) omega++;
    else if (best >= target - eps) break;

    if (omega > STAGNATION_LIMIT) {
      jump = lMax;
      omega = 0;
    } else if (hashLo === previousLo && hashHi === previousHi && Math.abs(cut - previousCut) <= eps) {
      jump++;
    } else {
      jump = l0;
    }
    previousLo = hashLo;
    previousHi = hashHi;
    previousCut = cut;

    const directed = Math.max(Math.exp(-omega / STAGNATION_LIMIT), MIN_DIRECTED_PROBABILITY);
    const kind = rng.float() < directed ? 0 : rng.float() < RECENCY_PROBABILITY ? 1 : 2;
    for (let step = 0; step < jump; step++) {
      let move = -1;
      if (kind === 0) {
        // Directed: the best move that is not tabu, or a tabu one that would beat the best cut.
        const start = rng.nextUint32() % n;
        let bestGain = Number.NEGATIVE_INFINITY;
        for (let i = 0, v = start; i < n; i++, v = v + 1 === n ? 0 : v + 1) {
          const g = gain[v];
          if (g > bestGain && (tabuUntil[v] <= iteration || cut + g > best + eps)) {
            bestGain = g;
            move = v;
          }
        }
        if (move < 0) move = rng.nextUint32() % n;
      } else if (kind === 1) {
        // Recency-based: the vertex that has gone longest without moving.
        let oldest = Number.POSITIVE_INFINITY;
        const start = rng.nextUint32() % n;
        for (let i = 0, v = start; i < n; i++, v = v + 1 === n ? 0 : v + 1) {
          if (lastMoved[v] < oldest) {
            oldest = lastMoved[v];
            move = v;
          }
        }
      } else {
        move = rng.nextUint32() % n;
      }
      flip(move);
      tabuUntil[move] = iteration + tenureMin + (tenureSpan > 0 ? rng.nextUint32() % (tenureSpan + 1) : 0);
      improve();
    }
  }

  // Report only what the returned sides show: recompute the cut from scratch.
  return { cut: cutValue(graph, bestSides), sides: bestSides, exact: false, secondsToBest };
}
