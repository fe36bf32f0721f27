/**
 * The contract of the two-bloc alignment question: the exact branch and bound, the tabu search (an
 * exact limit of 0), the k-bloc search with k = 2 and the enumeration of every configuration agree
 * on the minimum energy; plus the identities of landscape theory.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workBudget } from '../../common/budget.js';
import { at } from '../../common/checked.js';
import { exactMaxKCut } from './k-bloc.js';
import {
  type Alignment,
  allConfigurations,
  createLandscape,
  energy,
  frustrations,
  isLocalMinimum,
  type LandscapeInstance,
  landscapeGraph,
  normalise,
  predictAlignment,
} from './landscape.js';

interface AlignmentSolver {
  readonly name: string;
  solve(instance: LandscapeInstance): Pick<Alignment, 'energy' | 'configuration'>;
}

const solvers: readonly AlignmentSolver[] = [
  { name: 'exact branch and bound', solve: (x) => predictAlignment(x) },
  { name: 'tabu search', solve: (x) => predictAlignment(x, { exactLimit: 0, budget: workBudget(20) }) },
  {
    name: 'k-bloc search, k = 2',
    solve: (x) => {
      const configuration = normalise(exactMaxKCut(landscapeGraph(x), 2).blocs);
      return { configuration, energy: energy(x, configuration) };
    },
  },
  { name: 'enumeration of all configurations', solve: (x) => at(allConfigurations(x), 0, 'configuration') },
];

/** Axelrod & Bennett's minimal example: two friends and a common enemy. */
const triad = createLandscape(['A', 'B', 'C'], [1, 2, 3], (i, j) => (i + j === 1 ? 1 : -1));

const landscapeArbitrary = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc
    .tuple(
      // Sizes and propensities in steps of 0.01: real-valued, but without the subnormal doubles
      // whose products underflow (no landscape is measured to 1e-300).
      fc.array(
        fc.integer({ min: 0, max: 1000 }).map((x) => x / 100),
        { minLength: n, maxLength: n },
      ),
      fc.array(
        fc.integer({ min: -500, max: 500 }).map((x) => x / 100),
        { minLength: n * n, maxLength: n * n },
      ),
    )
    .map(([sizes, p]) =>
      createLandscape(
        Array.from({ length: n }, (_, i) => `a${i}`),
        sizes,
        (i, j) => at(p, i * n + j, 'propensity'),
      ),
    ),
);

function randomConfiguration(n: number, bits: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (bits >> i) & 1);
}

for (const solver of solvers) {
  describe(`two-bloc alignment contract: ${solver.name}`, () => {
    it('puts friends together against their common enemy (hand-computed)', () => {
      const r = solver.solve(triad);
      // A and B together, C apart: E = 2·(1·3·(−1) + 2·3·(−1)) = −18.
      expect(r.energy).toBe(-18);
      expect(Array.from(r.configuration)).toEqual([0, 0, 1]);
    });

    it('finds the minimum energy over all configurations', () => {
      fc.assert(
        fc.property(landscapeArbitrary, (x) => {
          const best = Math.min(...allConfigurations(x).map((c) => c.energy));
          const r = solver.solve(x);
          expect(r.energy).toBeCloseTo(best, 6);
          expect(energy(x, r.configuration)).toBeCloseTo(r.energy, 9);
        }),
        { numRuns: 50 },
      );
    });
  });
}

describe('landscape theory identities', () => {
  it('spin-glass identity (Galam 1996): E = Σ_{i<j} J_ij (1 − σ_i σ_j), J_ij = s_i s_j p_ij', () => {
    fc.assert(
      fc.property(landscapeArbitrary, fc.nat(), (x, bits) => {
        const n = x.names.length;
        const config = randomConfiguration(n, bits);
        let galam = 0;
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            const J = at(x.sizes, i) * at(x.sizes, j) * at(x.propensity, i * n + j);
            const sigma = (config[i] === 0 ? 1 : -1) * (config[j] === 0 ? 1 : -1);
            galam += J * (1 - sigma);
          }
        }
        expect(energy(x, config)).toBeCloseTo(galam, 6);
      }),
    );
  });

  it('swapping the two sides leaves the energy and the frustrations unchanged', () => {
    fc.assert(
      fc.property(landscapeArbitrary, fc.nat(), (x, bits) => {
        const config = randomConfiguration(x.names.length, bits);
        const swapped = config.map((s) => 1 - s);
        expect(energy(x, swapped)).toBe(energy(x, config));
        expect(frustrations(x, swapped)).toEqual(frustrations(x, config));
      }),
    );
  });

  it('E = Σ_i s_i F_i', () => {
    fc.assert(
      fc.property(landscapeArbitrary, fc.nat(), (x, bits) => {
        const config = randomConfiguration(x.names.length, bits);
        const f = frustrations(x, config);
        const sum = Array.from(f).reduce((a, fi, i) => a + at(x.sizes, i) * fi, 0);
        expect(energy(x, config)).toBeCloseTo(sum, 6);
      }),
    );
  });

  it('lists 2^(n−1) configurations, each local minimum agreeing with the single-switch test', () => {
    fc.assert(
      fc.property(landscapeArbitrary, (x) => {
        const all = allConfigurations(x);
        expect(all.length).toBe(2 ** (x.names.length - 1));
        for (const c of all) expect(c.localMinimum).toBe(isLocalMinimum(x, c.configuration));
        // The global minimum is always a local one.
        expect(at(all, 0, 'configuration').localMinimum).toBe(true);
        expect(allConfigurations(x, true).every((c) => c.localMinimum)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('k blocs never do worse than two, and k-bloc results are local minima', () => {
    fc.assert(
      fc.property(landscapeArbitrary, (x) => {
        const two = predictAlignment(x);
        const three = predictAlignment(x, { blocs: 3 });
        expect(three.energy).toBeLessThanOrEqual(two.energy + 1e-9);
        expect(isLocalMinimum(x, three.configuration, 3)).toBe(true);
        expect(three.exact).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('worked example: E = 2 Σ_{i<j} s_i s_j p_ij d_ij with every pair counted twice', () => {
    const x = createLandscape(['A', 'B'], [2, 3], () => 0.5);
    expect(energy(x, Uint8Array.from([0, 1]))).toBe(6); // 2 · 2·3·0.5
    expect(Array.from(frustrations(x, Uint8Array.from([0, 1])))).toEqual([1.5, 1]);
    expect(energy(x, Uint8Array.from([0, 0]))).toBe(0);
  });
});
