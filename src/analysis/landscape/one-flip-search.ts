/**
 * What the one-flip Max-Cut heuristics (tabu search, breakout local search) start from and keep: a
 * seeded random side per vertex, every vertex's move gain and the weight of the cut, and when each
 * vertex stops being tabu. Each search draws from its own named stream of the seed.
 */
import { createRng, type Rng } from '../../common/random.js';
import {
  cutValue,
  type HeuristicOptions,
  moveGains,
  randomSides,
  type WeightedGraph,
  type WeightStats,
  weightStats,
} from './graph.js';

export abstract class OneFlipSearch {
  protected readonly n: number;
  protected readonly stats: WeightStats;
  /** Sums of real weights are compared with a tolerance; integer sums are exact. */
  protected readonly eps: number;
  protected readonly rng: Rng;
  protected readonly side: Uint8Array;
  protected readonly gain: Float64Array;
  protected cut: number;
  protected readonly tabuUntil: Float64Array;
  protected iteration = 0;

  constructor(
    protected readonly graph: WeightedGraph,
    protected readonly options: HeuristicOptions,
    stream: string,
  ) {
    this.n = graph.nodes;
    this.stats = weightStats(graph);
    this.eps = this.stats.tolerance;
    this.rng = createRng(options.seed).split(stream);
    this.side = randomSides(this.n, this.rng);
    this.gain = moveGains(graph, this.side);
    this.cut = cutValue(graph, this.side);
    this.tabuUntil = new Float64Array(this.n);
  }
}
