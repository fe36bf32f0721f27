/**
 * The contract of optimal coalition structure generation: DP (Yeh), the branch and bound with its
 * default inner DP, with the inner DP switched off (pure search) and with DP doing everything all
 * agree with an enumeration of every partition.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workBudget } from '../../common/budget.js';
import { at, missing } from '../../common/checked.js';
import { branchAndBoundCsg, chooseDpSize } from './branch-and-bound.js';
import { type CoalitionStructureResult, structureAgents, structureValue } from './coalition-structure.js';
import type { CoalitionValues } from './coalition-values.js';
import { dynamicProgrammingCsg } from './dynamic-programming.js';

interface CsgSolver {
  readonly name: string;
  solve(input: CoalitionValues): CoalitionStructureResult;
}

const solvers: readonly CsgSolver[] = [
  { name: 'dynamic programming (Yeh)', solve: (x) => dynamicProgrammingCsg(x) },
  { name: 'branch and bound (default)', solve: (x) => branchAndBoundCsg(x) },
  { name: 'branch and bound without inner DP', solve: (x) => branchAndBoundCsg(x, { dpSize: 1 }) },
  {
    name: 'branch and bound with DP for everything',
    solve: (x) => branchAndBoundCsg(x, { dpSize: x.agents }),
  },
];

/** The best structure by enumerating every set partition (restricted growth strings). */
function enumeratePartitions(input: CoalitionValues): number {
  const n = input.agents;
  let best = Number.NEGATIVE_INFINITY;
  const blocks: number[] = [];
  const visit = (a: number): void => {
    if (a === n) {
      best = Math.max(
        best,
        blocks.reduce((s, m) => s + (input.values[m] ?? missing('coalition value')), 0),
      );
      return;
    }
    for (let b = 0; b < blocks.length; b++) {
      blocks[b] = at(blocks, b) | (1 << a);
      visit(a + 1);
      blocks[b] = at(blocks, b) ^ (1 << a);
    }
    blocks.push(1 << a);
    visit(a + 1);
    blocks.pop();
  };
  visit(0);
  return best;
}

function popcount(m: number): number {
  let k = 0;
  for (; m; m &= m - 1) k++;
  return k;
}

/** Instances of the distributions of Rahwan et al. (2009) and adversarial mixes, n ≤ 8. */
const instanceArbitrary = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc
    .tuple(
      fc.constantFrom('uniform', 'normal', 'negative', 'superadditive', 'subadditive', 'integers'),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2 ** n, maxLength: 2 ** n }),
    )
    .map(([kind, u]): CoalitionValues => {
      const values = new Float64Array(2 ** n);
      for (let m = 1; m < 2 ** n; m++) {
        const k = popcount(m);
        const draw = at(u, m, 'draw');
        values[m] =
          kind === 'uniform'
            ? Math.round(k * draw * 1e7)
            : kind === 'normal'
              ? k * (10 + (draw - 0.5) * 2)
              : kind === 'negative'
                ? -1 - draw * k
                : kind === 'superadditive'
                  ? k * k + draw
                  : kind === 'subadditive'
                    ? Math.sqrt(k) + draw
                    : Math.floor(draw * 7) - 3;
      }
      return { agents: n, values };
    }),
);

for (const solver of solvers) {
  describe(`coalition structure contract: ${solver.name}`, () => {
    it('solves a hand-computed three-agent game', () => {
      // v({0})=1 v({1})=1 v({0,1})=2 v({2})=2 v({0,2})=2 v({1,2})=4 v(N)=4: best {0},{1,2} = 5.
      const values = Float64Array.from([0, 1, 1, 2, 2, 2, 4, 4]);
      const r = solver.solve({ agents: 3, values });
      expect(r.value).toBe(5);
      expect(structureAgents(r.coalitions)).toEqual([[0], [1, 2]]);
      expect(r.optimal).toBe(true);
      expect(r.bound).toBe(5);
    });

    it('finds the value of the best partition; the structure is a partition worth that value', () => {
      fc.assert(
        fc.property(instanceArbitrary, (input) => {
          const r = solver.solve(input);
          expect(r.optimal).toBe(true);
          expect(r.value).toBeCloseTo(enumeratePartitions(input), 6);
          // A structure's value is the sum of its coalitions' values (and they partition the agents).
          expect(structureValue(input.values, input.agents, r.coalitions)).toBeCloseTo(r.value, 6);
        }),
        { numRuns: 80 },
      );
    });
  });
}

describe('branch and bound when stopped', () => {
  it('reports a structure it can show and a bound no lower than the optimum', () => {
    fc.assert(
      fc.property(instanceArbitrary, fc.integer({ min: 0, max: 3 }), (input, checks) => {
        const r = branchAndBoundCsg(input, { budget: workBudget(checks), dpSize: 1 });
        const optimum = enumeratePartitions(input);
        expect(structureValue(input.values, input.agents, r.coalitions)).toBeCloseTo(r.value, 6);
        expect(r.bound).toBeGreaterThanOrEqual(optimum - 1e-6);
        expect(r.value).toBeLessThanOrEqual(optimum + 1e-6);
      }),
      { numRuns: 80 },
    );
  });

  it('stops on the budget with an unproven structure on a larger instance', () => {
    const n = 14;
    const values = new Float64Array(2 ** n);
    for (let m = 1; m < 2 ** n; m++) values[m] = ((m * 2654435761) >>> 0) % 1000;
    const r = branchAndBoundCsg({ agents: n, values }, { budget: workBudget(1), dpSize: 2 });
    expect(r.optimal).toBe(false);
    expect(r.bound).toBeGreaterThanOrEqual(r.value);
    expect(structureValue(values, n, r.coalitions)).toBe(r.value);
  });

  it('sizes the inner DP to about 4·2^n split evaluations', () => {
    expect(chooseDpSize(4)).toBe(4);
    expect(chooseDpSize(20)).toBe(6);
    expect(chooseDpSize(22)).toBe(7);
  });
});
