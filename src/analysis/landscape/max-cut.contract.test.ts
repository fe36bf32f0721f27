/**
 * The contract every Max-Cut solver meets: the exact branch and bound, the tabu search (bucket lists
 * for integer weights, scan for real weights) and Breakout Local Search run the same cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workBudget } from '../../common/budget.js';
import { breakoutLocalSearch } from './breakout-local-search.js';
import { exactMaxCut } from './exact-max-cut.js';
import { type CutSolution, createGraph, cutValue, type WeightedEdge, type WeightedGraph } from './graph.js';
import { exactMaxKCut } from './k-bloc.js';
import { tabuSearch } from './tabu-search.js';

interface Solver {
  readonly name: string;
  readonly exact: boolean;
  solve(graph: WeightedGraph, seed: number): CutSolution;
}

const solvers: readonly Solver[] = [
  { name: 'exact branch and bound', exact: true, solve: (g, seed) => exactMaxCut(g, { seed }) },
  { name: 'tabu search', exact: false, solve: (g, seed) => tabuSearch(g, { seed, budget: workBudget(30) }) },
  {
    name: 'breakout local search',
    exact: false,
    solve: (g, seed) => breakoutLocalSearch(g, { seed, budget: workBudget(3000) }),
  },
  {
    name: 'k-bloc search with k = 2',
    exact: true,
    solve: (g) => {
      const s = exactMaxKCut(g, 2);
      return { cut: s.cut, sides: s.blocs, exact: s.exact, secondsToBest: 0 };
    },
  },
];

/** Every cut, by enumeration: the reference. */
function bruteForceMaxCut(graph: WeightedGraph): number {
  const n = graph.nodes;
  let best = 0;
  const sides = new Uint8Array(n);
  for (let mask = 0; mask < 2 ** Math.max(0, n - 1); mask++) {
    for (let i = 1; i < n; i++) sides[i] = (mask >> (i - 1)) & 1;
    best = Math.max(best, cutValue(graph, sides));
  }
  return best;
}

const e = (u: number, v: number, weight = 1): WeightedEdge => ({ u, v, weight });

const handCases: { name: string; graph: WeightedGraph; cut: number }[] = [
  { name: 'a single edge', graph: createGraph(2, [e(0, 1, 5)]), cut: 5 },
  {
    name: 'a triangle (odd cycle: one edge stays uncut)',
    graph: createGraph(3, [e(0, 1), e(1, 2), e(0, 2)]),
    cut: 2,
  },
  {
    name: 'a 4-cycle (bipartite: all cut)',
    graph: createGraph(4, [e(0, 1), e(1, 2), e(2, 3), e(3, 0)]),
    cut: 4,
  },
  {
    name: 'K4 (two against two)',
    graph: createGraph(4, [e(0, 1), e(0, 2), e(0, 3), e(1, 2), e(1, 3), e(2, 3)]),
    cut: 4,
  },
  { name: 'only negative weights (cut nothing)', graph: createGraph(3, [e(0, 1, -2), e(1, 2, -1)]), cut: 0 },
  {
    name: 'mixed signs: 0 and 1 together, 2 apart',
    graph: createGraph(3, [e(0, 1, -3), e(0, 2, 2), e(1, 2, 2)]),
    cut: 4,
  },
  { name: 'real weights', graph: createGraph(3, [e(0, 1, 0.5), e(1, 2, 0.25), e(0, 2, -0.125)]), cut: 0.75 },
  { name: 'an isolated vertex', graph: createGraph(3, [e(0, 1, 1)]), cut: 1 },
  { name: 'no vertices', graph: createGraph(0, []), cut: 0 },
];

const graphArbitrary = fc
  .integer({ min: 2, max: 11 })
  .chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(
        fc.record({
          u: fc.integer({ min: 0, max: n - 1 }),
          v: fc.integer({ min: 0, max: n - 1 }),
          weight: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -3, max: 3, noNaN: true })),
        }),
        { maxLength: 30 },
      ),
    ),
  )
  .map(([n, edges]) =>
    createGraph(
      n,
      edges.filter((x) => x.u !== x.v),
    ),
  );

for (const solver of solvers) {
  describe(`Max-Cut contract: ${solver.name}`, () => {
    for (const c of handCases) {
      it(`finds the maximum cut of ${c.name}`, () => {
        const r = solver.solve(c.graph, 1);
        expect(r.cut).toBeCloseTo(c.cut, 9);
        expect(r.sides.length).toBe(c.graph.nodes);
      });
    }

    it('reaches the enumerated optimum on random small graphs', () => {
      fc.assert(
        fc.property(graphArbitrary, fc.integer({ min: 0, max: 1000 }), (graph, seed) => {
          const r = solver.solve(graph, seed);
          expect(r.cut).toBeCloseTo(bruteForceMaxCut(graph), 6);
          if (solver.exact) expect(r.exact).toBe(true);
        }),
        { numRuns: 60 },
      );
    });

    it('never reports a cut it cannot show', () => {
      fc.assert(
        fc.property(graphArbitrary, fc.integer({ min: 0, max: 1000 }), (graph, seed) => {
          const r = solver.solve(graph, seed);
          expect(r.sides.every((s) => s === 0 || s === 1)).toBe(true);
          expect(r.cut).toBe(cutValue(graph, r.sides));
        }),
        { numRuns: 60 },
      );
    });

    it('is deterministic for a seed', () => {
      const graph = createGraph(8, [
        e(0, 1),
        e(1, 2),
        e(2, 3),
        e(3, 4),
        e(4, 5),
        e(5, 6),
        e(6, 7),
        e(7, 0),
        e(0, 4),
        e(2, 6),
      ]);
      expect(solver.solve(graph, 7).sides).toEqual(solver.solve(graph, 7).sides);
    });
  });
}

describe('Max-Cut solvers under a budget', () => {
  it('return the best cut so far, unproven, when stopped', () => {
    // A random graph large enough that one budget check cannot finish the exact search.
    const edges: WeightedEdge[] = [];
    for (let i = 0; i < 44; i++)
      for (let j = i + 1; j < 44; j++) if ((i * 7 + j * 13) % 3 === 0) edges.push(e(i, j, ((i + j) % 5) - 2));
    const graph = createGraph(44, edges);
    const r = exactMaxCut(graph, { budget: workBudget(1) });
    expect(r.exact).toBe(false);
    expect(r.cut).toBe(cutValue(graph, r.sides));
  });
});
