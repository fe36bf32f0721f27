import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDomain, singleIssue, twoByTwo } from '../../../test/negotiation-helpers.js';
import { createRng } from '../../common/random.js';
import {
  AnalysisTooLargeError,
  agreementDistances,
  analyseBargaining,
  dominates,
  paretoByDynamicProgramming,
  paretoByEnumeration,
} from './analysis.js';
import { createPattern, enumerateAssignments, type OutcomeSpace, randomAssignment } from './outcome-space.js';
import {
  createPreferences,
  inAgreementSpace,
  type PartyPreferences,
  type UtilityFunction,
} from './preferences.js';
import { createRandomDomain } from './random-domain.js';

const vectors = (points: readonly { utilities: readonly number[] }[]) => points.map((p) => [...p.utilities]);

function agreementSpace(space: OutcomeSpace, parties: readonly PartyPreferences[]) {
  return [...enumerateAssignments(space)]
    .filter((a) => inAgreementSpace(parties, a))
    .map((a) => ({ a, u: parties.map((p) => p.utility.utility(a)) }));
}

describe('bargaining analysis, hand-computed', () => {
  it('two binary issues: frontier, Nash, Kalai–Smorodinsky and welfare', () => {
    // (u1, u2): a0b0 (1, 0), a0b1 (0.5, 0.25), a1b0 (0.5, 0.75), a1b1 (0, 1).
    const { space, parties } = twoByTwo();
    const a = analyseBargaining(space, parties);
    expect(a.method).toBe('dynamic-programming');
    expect(vectors(a.pareto)).toEqual([
      [1, 0],
      [0.5, 0.75],
      [0, 1],
    ]);
    expect(a.nash!.assignment).toEqual([1, 0]);
    expect(a.kalai!.assignment).toEqual([1, 0]);
    expect(a.maxWelfare!.assignment).toEqual([1, 0]);
  });

  it('red lines shrink the agreement space before anything is computed', () => {
    const { space, parties } = twoByTwo();
    const p2 = createPreferences(parties[1]!.utility, {
      redLines: [createPattern(space, { a: 'a1', b: 'b0' })],
    });
    const a = analyseBargaining(space, [parties[0]!, p2]);
    expect(vectors(a.pareto)).toEqual([
      [1, 0],
      [0.5, 0.25],
      [0, 1],
    ]);
    expect(a.nash!.assignment).toEqual([0, 1]);
  });

  it('Nash, Kalai–Smorodinsky and welfare can disagree', () => {
    // x0 (1, 0.2), x1 (0.6, 0.5), x2 (0.45, 0.9). Nash products 0.2, 0.3, 0.405;
    // normalised gains (ideal (1, 0.9)) min 0.222, 0.556, 0.45; welfare 1.2, 1.1, 1.35.
    const { space, parties } = singleIssue([
      [1, 0.6, 0.45],
      [0.2, 0.5, 0.9],
    ]);
    const a = analyseBargaining(space, parties);
    expect(a.nash!.assignment).toEqual([2]);
    expect(a.kalai!.assignment).toEqual([1]);
    expect(a.maxWelfare!.assignment).toEqual([2]);
  });

  it('reservation values move the Nash and Kalai–Smorodinsky points', () => {
    // With r2 = 0.6 only x2 is rational for party 2.
    const { space, parties } = singleIssue(
      [
        [1, 0.6, 0.45],
        [0.2, 0.5, 0.9],
      ],
      [0, 0.6],
    );
    const a = analyseBargaining(space, parties);
    expect(a.nash!.assignment).toEqual([2]);
    expect(a.kalai!.assignment).toEqual([2]);
    const none = analyseBargaining(
      space,
      singleIssue(
        [
          [1, 0.6, 0.45],
          [0.2, 0.5, 0.9],
        ],
        [0.5, 0.95],
      ).parties,
    );
    expect(none.nash).toBeNull();
    expect(none.kalai).toBeNull();
    expect(none.maxWelfare!.assignment).toEqual([2]);
  });

  it('measures distances in utility space', () => {
    const { space, parties } = twoByTwo();
    const a = analyseBargaining(space, parties);
    // a0b1 = (0.5, 0.25): 0.5 below the Nash point (0.5, 0.75), and that is its nearest frontier point.
    expect(agreementDistances(a, [0.5, 0.25])).toEqual({
      pareto: 0.5,
      nash: 0.5,
      kalai: 0.5,
      maxWelfare: 0.5,
    });
    expect(agreementDistances(a, [1, 0]).pareto).toBe(0);
    expect(agreementDistances(a, [1, 0]).nash).toBeCloseTo(Math.hypot(0.5, 0.75), 12);
  });

  it('an empty agreement space has no frontier and no points', () => {
    const { space, parties } = twoByTwo();
    const p = createPreferences(parties[0]!.utility, {
      redLines: [createPattern(space, { a: ['a0', 'a1'] })],
    });
    const a = analyseBargaining(space, [p, parties[1]!]);
    expect(a.pareto).toEqual([]);
    expect(a.nash).toBeNull();
    expect(a.maxWelfare).toBeNull();
  });
});

describe('bargaining analysis, properties', () => {
  const domains = fc
    .integer({ min: 1, max: 3 })
    .chain((n) => arbitraryDomain({ parties: n, redLines: true, ties: true }));

  it('the dynamic programme finds exactly the frontier that enumeration finds', () => {
    fc.assert(
      fc.property(domains, ({ space, parties }) => {
        const dp = paretoByDynamicProgramming(space, parties);
        const en = paretoByEnumeration(space, parties);
        expect(vectors(dp)).toEqual(vectors(en));
        for (const p of dp) {
          expect(inAgreementSpace(parties, p.assignment)).toBe(true);
          expect(parties.map((q) => q.utility.utility(p.assignment))).toEqual(p.utilities);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('no Pareto point is dominated; every outcome is matched or dominated by one', () => {
    fc.assert(
      fc.property(domains, ({ space, parties }) => {
        const frontier = analyseBargaining(space, parties).pareto;
        for (const o of agreementSpace(space, parties)) {
          for (const p of frontier) expect(dominates(o.u, p.utilities)).toBe(false);
          expect(
            frontier.some((p) => dominates(p.utilities, o.u) || p.utilities.every((x, i) => x === o.u[i])),
          ).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the Nash point maximises the product of gains over the reservation values', () => {
    fc.assert(
      fc.property(domains, ({ space, parties }) => {
        const a = analyseBargaining(space, parties);
        const r = parties.map((p) => p.reservation);
        const rational = agreementSpace(space, parties).filter((o) => o.u.every((x, i) => x >= r[i]!));
        if (rational.length === 0) {
          expect(a.nash).toBeNull();
          expect(a.kalai).toBeNull();
          return;
        }
        const product = (u: readonly number[]) => u.reduce((acc, x, i) => acc * (x - r[i]!), 1);
        expect(product(a.nash!.utilities)).toBe(Math.max(...rational.map((o) => product(o.u))));
        // Kalai–Smorodinsky: the largest smallest normalised gain.
        const ideal = r.map((ri, i) => Math.max(ri, ...rational.map((o) => o.u[i]!)));
        const score = (u: readonly number[]) =>
          Math.min(...u.map((x, i) => (ideal[i]! - r[i]! > 1e-12 ? (x - r[i]!) / (ideal[i]! - r[i]!) : 1)));
        expect(score(a.kalai!.utilities)).toBe(Math.max(...rational.map((o) => score(o.u))));
      }),
      { numRuns: 300 },
    );
  });

  it('maximum welfare is the largest sum of utilities', () => {
    fc.assert(
      fc.property(domains, ({ space, parties }) => {
        const a = analyseBargaining(space, parties);
        const all = agreementSpace(space, parties);
        if (all.length === 0) return;
        const sum = (u: readonly number[]) => u.reduce((x, y) => x + y, 0);
        expect(sum(a.maxWelfare!.utilities)).toBe(Math.max(...all.map((o) => sum(o.u))));
      }),
    );
  });

  it('enumeration also serves utilities without linear structure', () => {
    const { space, parties } = twoByTwo();
    const general = parties.map((p) =>
      createPreferences({ utility: (a) => p.utility.utility(a) } satisfies UtilityFunction),
    );
    const a = analyseBargaining(space, general);
    expect(a.method).toBe('enumeration');
    expect(vectors(a.pareto)).toEqual(vectors(analyseBargaining(space, parties).pareto));
  });
});

describe('large domains', () => {
  it('10 issues × 10 values: the exact frontier without enumerating 10¹⁰ outcomes', () => {
    const d = createRandomDomain({ issues: 10, values: 10 }, createRng('large'));
    const a = analyseBargaining(d.space, d.preferences);
    expect(d.space.cardinality).toBe(1e10);
    expect(a.pareto.length).toBeGreaterThan(10);
    // Random outcomes never dominate a frontier point, and are dominated (or matched) by one.
    const rng = createRng('samples');
    for (let i = 0; i < 2000; i++) {
      const o = randomAssignment(d.space, (x, y) => rng.int(x, y));
      const u = d.preferences.map((p) => p.utility.utility(o));
      for (const p of a.pareto) expect(dominates(u, p.utilities)).toBe(false);
      expect(a.pareto.some((p) => dominates(p.utilities, u) || p.utilities.every((x, j) => x === u[j]))).toBe(
        true,
      );
    }
    // The frontier is a chain: utilities of the first party fall as those of the second rise.
    for (let i = 1; i < a.pareto.length; i++) {
      expect(a.pareto[i]!.utilities[0]!).toBeLessThan(a.pareto[i - 1]!.utilities[0]!);
      expect(a.pareto[i]!.utilities[1]!).toBeGreaterThan(a.pareto[i - 1]!.utilities[1]!);
    }
  });

  it('refuses to enumerate a space beyond its limit', () => {
    const d = createRandomDomain({ issues: 10, values: 10 }, createRng('large'));
    expect(() => analyseBargaining(d.space, d.preferences, { method: 'enumeration' })).toThrow(
      AnalysisTooLargeError,
    );
  });
});
