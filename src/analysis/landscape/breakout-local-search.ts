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
import { missing } from '../../common/checked.js';
import { type CutSolution, cutValue, type HeuristicOptions, type WeightedGraph } from './graph.js';
import { OneFlipSearch } from './one-flip-search.js';

export type BreakoutOptions = HeuristicOptions;

/** Tuning of Benlic & Hao (2013), section 4.1. */
const STAGNATION_LIMIT = 1000; // T
const MIN_DIRECTED_PROBABILITY = 0.8; // P0
const RECENCY_PROBABILITY = 0.5; // Q

export function breakoutLocalSearch(graph: WeightedGraph, options: BreakoutOptions): CutSolution {
  if (graph.nodes === 0) return { cut: 0, sides: new Uint8Array(0), exact: true, secondsToBest: 0 };
  return new BreakoutSearch(graph, options).run();
}

/** The kinds of perturbation move. */
const DIRECTED = 0;
const RECENCY = 1;
const RANDOM = 2;

/**
 * The state of one search. Vertex indices stay below n by construction; reads past them fail
 * through `missing()` (see common/checked.ts).
 */
class BreakoutSearch extends OneFlipSearch {
  private readonly lastMoved: Float64Array;
  // Zobrist hash of the assignment, to tell when the descent returns to the optimum it left.
  private readonly zobristLo: Int32Array;
  private readonly zobristHi: Int32Array;
  private hashLo = 0;
  private hashHi = 0;
  private readonly bestSides: Uint8Array;
  private best: number;
  private secondsToBest: number;
  /** Local optima since the best cut last improved (ω). */
  private omega = 0;
  private readonly tenureMin: number;
  private readonly tenureSpan: number;

  constructor(graph: WeightedGraph, options: BreakoutOptions) {
    super(graph, options, 'breakout-local-search');
    const n = this.n;
    this.lastMoved = new Float64Array(n);
    this.zobristLo = new Int32Array(n);
    this.zobristHi = new Int32Array(n);
    for (let v = 0; v < n; v++) {
      this.zobristLo[v] = this.rng.nextUint32() | 0;
      this.zobristHi[v] = this.rng.nextUint32() | 0;
    }
    for (let v = 0; v < n; v++) {
      if (this.side[v] === 1) {
        this.hashLo ^= this.zobristLo[v] ?? missing();
        this.hashHi ^= this.zobristHi[v] ?? missing();
      }
    }
    this.bestSides = this.side.slice();
    this.best = this.cut;
    this.secondsToBest = options.budget.elapsed();
    this.tenureMin = Math.min(3, n);
    this.tenureSpan = Math.max(0, Math.floor(n / 10) - this.tenureMin);
  }

  run(): CutSolution {
    const { n, eps, options, rng } = this;
    const budget = options.budget;
    const target = options.target ?? Number.POSITIVE_INFINITY;
    const l0 = Math.max(1, Math.round(0.01 * n));
    const lMax = Math.max(l0, Math.round(0.1 * n));
    let jump = l0;
    let previousLo = 0;
    let previousHi = 0;
    let previousCut = Number.NaN;

    while (this.best < target - eps && !budget.exhausted()) {
      this.descend();
      if (!this.improve()) this.omega++;
      else if (this.best >= target - eps) break;

      if (this.omega > STAGNATION_LIMIT) {
        jump = lMax;
        this.omega = 0;
      } else if (
        this.hashLo === previousLo &&
        this.hashHi === previousHi &&
        Math.abs(this.cut - previousCut) <= eps
      ) {
        jump++;
      } else {
        jump = l0;
      }
      previousLo = this.hashLo;
      previousHi = this.hashHi;
      previousCut = this.cut;

      const directed = Math.max(Math.exp(-this.omega / STAGNATION_LIMIT), MIN_DIRECTED_PROBABILITY);
      const kind = rng.float() < directed ? DIRECTED : rng.float() < RECENCY_PROBABILITY ? RECENCY : RANDOM;
      for (let step = 0; step < jump; step++) this.perturb(kind);
    }

    // Report only what the returned sides show: recompute the cut from scratch.
    return {
      cut: cutValue(this.graph, this.bestSides),
      sides: this.bestSides,
      exact: false,
      secondsToBest: this.secondsToBest,
    };
  }

  /**
   * Steepest ascent: the best improving move until none is left. The scan starts at a random
   * vertex so that ties between equal gains do not always favour low indices.
   */
  private descend(): void {
    const { n, gain } = this;
    for (;;) {
      const start = this.rng.nextUint32() % n;
      let bestMove = -1;
      let bestGain = this.eps;
      for (let v = start; v < n; v++) {
        const g = gain[v] ?? missing();
        if (g > bestGain) {
          bestGain = g;
          bestMove = v;
        }
      }
      for (let v = 0; v < start; v++) {
        const g = gain[v] ?? missing();
        if (g > bestGain) {
          bestGain = g;
          bestMove = v;
        }
      }
      if (bestMove < 0) return;
      this.flip(bestMove);
    }
  }

  /** One perturbation move of the given kind; the moved vertex becomes tabu for a random tenure. */
  private perturb(kind: number): void {
    const move =
      kind === DIRECTED
        ? this.directedMove()
        : kind === RECENCY
          ? this.oldestMove()
          : this.rng.nextUint32() % this.n;
    this.flip(move);
    const tenure = this.tenureMin + (this.tenureSpan > 0 ? this.rng.nextUint32() % (this.tenureSpan + 1) : 0);
    this.tabuUntil[move] = this.iteration + tenure;
    this.improve();
  }

  /** The best move that is not tabu, or a tabu one that would beat the best cut. */
  private directedMove(): number {
    const { n, gain, tabuUntil, iteration, cut, best, eps, rng } = this;
    const start = rng.nextUint32() % n;
    let move = -1;
    let bestGain = Number.NEGATIVE_INFINITY;
    for (let i = 0, v = start; i < n; i++, v = v + 1 === n ? 0 : v + 1) {
      const g = gain[v] ?? missing();
      if (g > bestGain && ((tabuUntil[v] ?? missing()) <= iteration || cut + g > best + eps)) {
        bestGain = g;
        move = v;
      }
    }
    return move < 0 ? rng.nextUint32() % n : move;
  }

  /** The vertex that has gone longest without moving. */
  private oldestMove(): number {
    const { n, lastMoved } = this;
    let oldest = Number.POSITIVE_INFINITY;
    let move = -1;
    const start = this.rng.nextUint32() % n;
    for (let i = 0, v = start; i < n; i++, v = v + 1 === n ? 0 : v + 1) {
      const t = lastMoved[v] ?? missing();
      if (t < oldest) {
        oldest = t;
        move = v;
      }
    }
    return move;
  }

  private flip(v: number): void {
    const { side, gain, graph } = this;
    const { offsets, neighbours, weights } = graph;
    const s = side[v] ?? missing();
    side[v] = s ^ 1;
    const g = gain[v] ?? missing();
    this.cut += g;
    gain[v] = -g;
    const end = offsets[v + 1] ?? missing();
    for (let k = offsets[v] ?? missing(); k < end; k++) {
      const u = neighbours[k] ?? missing();
      const w = weights[k] ?? missing();
      // u on v's old side: the edge becomes cut, so moving u would now lose it.
      if (side[u] === s) gain[u] = (gain[u] ?? missing()) - 2 * w;
      else gain[u] = (gain[u] ?? missing()) + 2 * w;
    }
    this.hashLo ^= this.zobristLo[v] ?? missing();
    this.hashHi ^= this.zobristHi[v] ?? missing();
    this.lastMoved[v] = this.iteration;
    this.iteration++;
  }

  /** Records the current cut when it beats the best; true if it did. */
  private improve(): boolean {
    if (this.cut <= this.best + this.eps) return false;
    this.best = this.cut;
    this.bestSides.set(this.side);
    this.secondsToBest = this.options.budget.elapsed();
    this.omega = 0;
    this.options.onImprove?.(this.best, this.secondsToBest);
    return true;
  }
}
