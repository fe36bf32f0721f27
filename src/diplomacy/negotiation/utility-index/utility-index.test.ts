import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDomain } from '../../../../test/negotiation-helpers.js';
import { enumerateAssignments, type OutcomeSpace } from '../outcome-space.js';
import {
  createPreferences,
  isForbidden,
  LinearAdditiveUtility,
  type PartyPreferences,
  type UtilityFunction,
} from '../preferences.js';
import { randomSpace } from '../random-domain.js';
import { createUtilityIndex, sortNonNegative, type UtilityIndex, type UtilityIndexOptions } from './index.js';

/** Every implementation answers the same questions: one contract suite runs against each. */
const implementations: {
  name: string;
  /** Tolerance on utilities: meet in the middle adds the halves in another order. */
  tolerance: number;
  make(space: OutcomeSpace, prefs: PartyPreferences): UtilityIndex;
}[] = [
  { name: 'lazy merge', tolerance: 0, make: (s, p) => createUtilityIndex(s, p) },
  {
    name: 'meet in the middle',
    tolerance: 1e-12,
    make: (s, p) => createUtilityIndex(s, p, { maxMaterialised: 0 } satisfies UtilityIndexOptions),
  },
  {
    name: 'lazy then meet in the middle',
    tolerance: 1e-12,
    make: (s, p) => createUtilityIndex(s, p, { maxMaterialised: 3 }),
  },
  {
    name: 'enumeration (general utility)',
    tolerance: 0,
    make: (s, p) => {
      const general: UtilityFunction = { utility: (a) => p.utility.utility(a) };
      return createUtilityIndex(s, createPreferences(general, { redLines: p.redLines }));
    },
  },
];

function allowed(space: OutcomeSpace, prefs: PartyPreferences): { a: number[]; u: number }[] {
  return [...enumerateAssignments(space)]
    .filter((a) => !isForbidden(prefs, a))
    .map((a) => ({ a, u: prefs.utility.utility(a) }));
}

for (const impl of implementations) {
  describe(`utility index: ${impl.name}`, () => {
    const close = (x: number, y: number) => expect(Math.abs(x - y)).toBeLessThanOrEqual(impl.tolerance);

    it('answers like brute force on random domains with red lines and ties', () => {
      fc.assert(
        fc.property(
          arbitraryDomain({ parties: 1, redLines: true, ties: impl.tolerance === 0 }),
          fc.array(fc.double({ min: -0.1, max: 1.1, noNaN: true }), { maxLength: 6 }),
          ({ space, parties }, extra) => {
            const prefs = parties[0]!;
            const index = impl.make(space, prefs);
            const outs = allowed(space, prefs);
            const utilities = outs.map((o) => o.u);
            if (outs.length === 0) {
              expect(index.best()).toBeNull();
              expect(index.worst()).toBeNull();
              expect(index.atLeast(0)).toBeNull();
              return;
            }
            close(index.best()!.utility, Math.max(...utilities));
            close(index.worst()!.utility, Math.min(...utilities));
            // Thresholds at utilities (exact hits), between them, outside, and random; in a
            // non-monotone order so that materialisation state cannot matter.
            const thresholds = [
              ...utilities.slice(0, 8),
              ...extra,
              -1,
              2,
              ...utilities.slice(0, 8).map((u) => u + 1e-9),
            ];
            for (const t of thresholds) {
              // With a tolerance (meet in the middle), answers are exact up to rounding: no
              // outcome is missed by more than the tolerance, none returned is off by more.
              const tol = impl.tolerance;
              const above = utilities.filter((u) => u >= t);
              const below = utilities.filter((u) => u <= t);
              const hi = index.atLeast(t);
              const lo = index.atMost(t);
              if (hi === null) expect(Math.max(...utilities)).toBeLessThan(t + tol + Number.MIN_VALUE);
              else {
                expect(hi.utility).toBeGreaterThanOrEqual(t - tol);
                if (above.length > 0) close(hi.utility, Math.min(...above));
                expect(isForbidden(prefs, hi.assignment)).toBe(false);
                close(prefs.utility.utility(hi.assignment), hi.utility);
              }
              if (lo === null) expect(Math.min(...utilities)).toBeGreaterThan(t - tol - Number.MIN_VALUE);
              else {
                expect(lo.utility).toBeLessThanOrEqual(t + tol);
                if (below.length > 0) close(lo.utility, Math.max(...below));
                expect(isForbidden(prefs, lo.assignment)).toBe(false);
              }
              const near = index.nearest(t)!;
              const gap = Math.min(...utilities.map((u) => Math.abs(u - t)));
              expect(Math.abs(Math.abs(near.utility - t) - gap)).toBeLessThanOrEqual(2 * tol + 1e-15);
            }
          },
        ),
        { numRuns: 150 },
      );
    });

    it('is deterministic: the same queries give the same outcomes', () => {
      fc.assert(
        fc.property(arbitraryDomain({ parties: 1, redLines: true, ties: true }), ({ space, parties }) => {
          const a = impl.make(space, parties[0]!);
          const b = impl.make(space, parties[0]!);
          for (const t of [0.9, 0.2, 0.5, 0.5, 0]) {
            expect(a.atLeast(t)?.assignment ?? null).toEqual(b.atLeast(t)?.assignment ?? null);
            expect(a.atMost(t)?.assignment ?? null).toEqual(b.atMost(t)?.assignment ?? null);
          }
        }),
        { numRuns: 50 },
      );
    });
  });
}

describe('lazy index', () => {
  it('materialises only the outcomes above the lowest threshold asked for', () => {
    // 6 issues × 10 values = 10⁶ outcomes, equal weights, f(v) = v/9: u = Σv / 54.
    const space = randomSpace(6, 10);
    const values = space.sizes.map(() => Array.from({ length: 10 }, (_, v) => v / 9));
    const index = createUtilityIndex(
      space,
      createPreferences(new LinearAdditiveUtility([1, 1, 1, 1, 1, 1], values)),
    );
    expect(index.best()!.assignment).toEqual([9, 9, 9, 9, 9, 9]);
    expect(index.best()!.utility).toBeCloseTo(1, 12);
    // Σv ≥ 53 · 54⁻¹: the best outcome and the six with one 8.
    const hit = index.atLeast(52.5 / 54)!;
    expect(hit.utility).toBeCloseTo(53 / 54, 12);
    expect(hit.assignment.filter((v) => v === 8)).toHaveLength(1);
    expect(index.materialised()).toBeLessThan(30);
    expect(index.worst()!.utility).toBe(0);
  });
});

describe('sortNonNegative', () => {
  it('sorts like a stable comparator sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom(0, 0.5, 1))),
        (xs) => {
          const keys = Float64Array.from(xs.map((x) => (Object.is(x, -0) ? 0 : x)));
          const order = Array.from(sortNonNegative(keys));
          const expected =
            keys.length === 0 ? [] : [...keys.keys()].sort((a, b) => keys[a]! - keys[b]! || a - b);
          expect(order).toEqual(expected);
        },
      ),
    );
  });
});
