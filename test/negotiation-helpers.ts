/**
 * Small domains and fast-check generators shared by the negotiation tests (not part of the API).
 */
import fc from 'fast-check';
import {
  createOutcomeSpace,
  createPattern,
  type Issue,
  integerIssue,
  type OutcomeSpace,
} from '../src/diplomacy/negotiation/outcome-space.js';
import {
  createPreferences,
  LinearAdditiveUtility,
  type PartyPreferences,
} from '../src/diplomacy/negotiation/preferences.js';

/** Two binary issues; u1 and u2 as in the analysis tests' hand computation. */
export function twoByTwo(): { space: OutcomeSpace; parties: PartyPreferences[] } {
  const space = createOutcomeSpace([
    { name: 'a', kind: 'categorical', values: ['a0', 'a1'] },
    { name: 'b', kind: 'categorical', values: ['b0', 'b1'] },
  ]);
  return {
    space,
    parties: [
      createPreferences(
        new LinearAdditiveUtility(
          [0.5, 0.5],
          [
            [1, 0],
            [1, 0],
          ],
        ),
      ),
      createPreferences(
        new LinearAdditiveUtility(
          [0.75, 0.25],
          [
            [0, 1],
            [0, 1],
          ],
        ),
      ),
    ],
  };
}

/** One issue with the given value utilities per party. */
export function singleIssue(
  utilities: readonly (readonly number[])[],
  reservations: readonly number[] = utilities.map(() => 0),
): { space: OutcomeSpace; parties: PartyPreferences[] } {
  const m = utilities[0]!.length;
  const space = createOutcomeSpace([integerIssue('x', 0, m - 1)]);
  return {
    space,
    parties: utilities.map((u, i) =>
      createPreferences(new LinearAdditiveUtility([1], [u]), { reservation: reservations[i]! }),
    ),
  };
}

export interface RandomDomainCase {
  readonly space: OutcomeSpace;
  readonly parties: PartyPreferences[];
}

/**
 * Random small linear-additive domains: 1–4 issues of 1–5 values, n parties, utilities on a grid
 * of eighths (so exact ties happen and tie handling is exercised) or continuous, optional red
 * lines and reservation values.
 */
export function arbitraryDomain(
  options: {
    parties?: number;
    redLines?: boolean;
    ties?: boolean;
    maxIssues?: number;
    maxValues?: number;
  } = {},
): fc.Arbitrary<RandomDomainCase> {
  const n = options.parties ?? 2;
  const sizes = fc.array(fc.integer({ min: 1, max: options.maxValues ?? 5 }), {
    minLength: 1,
    maxLength: options.maxIssues ?? 4,
  });
  const unit = options.ties
    ? fc.integer({ min: 0, max: 8 }).map((x) => x / 8)
    : fc.double({ min: 0, max: 1, noNaN: true });
  return sizes.chain((sz) => {
    const issues: Issue[] = sz.map((m, i) => integerIssue(`i${i}`, 0, m - 1));
    const space = createOutcomeSpace(issues);
    const party = fc.record({
      weights: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: sz.length, maxLength: sz.length }),
      values: fc.tuple(...sz.map((m) => fc.array(unit, { minLength: m, maxLength: m }))),
      reservation: fc.oneof(
        fc.constant(0),
        fc.integer({ min: 0, max: 8 }).map((x) => x / 10),
      ),
      redLines: (options.redLines
        ? fc.array(
            fc
              .tuple(fc.integer({ min: 0, max: sz.length - 1 }), fc.nat())
              .map(([i, v]) => ({ i, v: v % sz[i]! })),
            { maxLength: 2 },
          )
        : fc.constant([])) as fc.Arbitrary<{ i: number; v: number }[]>,
    });
    return fc.array(party, { minLength: n, maxLength: n }).map((ps) => ({
      space,
      parties: ps.map((p) => {
        const weights = p.weights.some((w) => w > 0) ? p.weights : p.weights.map((_, i) => (i === 0 ? 1 : 0));
        return createPreferences(new LinearAdditiveUtility(weights, p.values as number[][]), {
          reservation: p.reservation,
          redLines: p.redLines.map((r) => createPattern(space, { [`i${r.i}`]: r.v })),
        });
      }),
    }));
  });
}
