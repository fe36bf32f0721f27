/**
 * One entry point for weighted Max-Cut: the tabu search (default) or Breakout Local Search, both
 * anytime under an injected Budget and deterministic for a seed up to where the budget stops them.
 */
import type { Budget } from '../../common/budget.js';
import { breakoutLocalSearch } from './breakout-local-search.js';
import type { CutSolution, WeightedGraph } from './graph.js';
import { tabuSearch } from './tabu-search.js';

export type MaxCutAlgorithm = 'tabu' | 'breakout';

export interface MaxCutOptions {
  readonly algorithm?: MaxCutAlgorithm;
  readonly seed: number;
  readonly budget: Budget;
  readonly target?: number;
  readonly onImprove?: (cut: number, elapsed: number) => void;
}

export function solveMaxCut(graph: WeightedGraph, options: MaxCutOptions): CutSolution {
  return options.algorithm === 'breakout' ? breakoutLocalSearch(graph, options) : tabuSearch(graph, options);
}
