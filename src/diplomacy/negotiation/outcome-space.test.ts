import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  categoricalIssue,
  createOutcomeSpace,
  createPattern,
  describePattern,
  enumerateAssignments,
  formatOutcome,
  integerIssue,
  isValidAssignment,
  matchesAny,
  matchesPattern,
  toAssignment,
  toOutcome,
} from './outcome-space.js';

const space = createOutcomeSpace([
  categoricalIssue('supplies', ['none', 'food', 'food-and-medicine']),
  categoricalIssue('crew-exchange', ['no', 'yes']),
  integerIssue('aid', 0, 100, 50),
]);

describe('outcome spaces', () => {
  it('expands integer ranges and counts outcomes', () => {
    expect(integerIssue('aid', 0, 100, 50).values).toEqual([0, 50, 100]);
    expect(integerIssue('n', 3, 10, 4).values).toEqual([3, 7]);
    expect(space.sizes).toEqual([3, 2, 3]);
    expect(space.cardinality).toBe(18);
  });

  it('enumerates every assignment once, last issue fastest', () => {
    const all = [...enumerateAssignments(space)];
    expect(all).toHaveLength(18);
    expect(all[0]).toEqual([0, 0, 0]);
    expect(all[1]).toEqual([0, 0, 1]);
    expect(all[17]).toEqual([2, 1, 2]);
    expect(new Set(all.map((a) => a.join())).size).toBe(18);
  });

  it('converts between assignments and named outcomes', () => {
    const outcome = toOutcome(space, [1, 0, 2]);
    expect(outcome).toEqual({ supplies: 'food', 'crew-exchange': 'no', aid: 100 });
    expect(toAssignment(space, outcome)).toEqual([1, 0, 2]);
    expect(toAssignment(space, { supplies: 'food', 'crew-exchange': 'no', aid: '100' })).toEqual([1, 0, 2]);
    expect(formatOutcome(space, [1, 0, 2])).toBe('supplies=food, crew-exchange=no, aid=100');
    expect(() => toAssignment(space, { supplies: 'gold', 'crew-exchange': 'no', aid: 0 })).toThrow(
      /no value "gold"|no value/,
    );
  });

  it('round-trips every valid assignment', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(2), fc.nat(1), fc.nat(2)), (a) => {
        expect(isValidAssignment(space, a)).toBe(true);
        expect(toAssignment(space, toOutcome(space, a))).toEqual(a);
      }),
    );
    expect(isValidAssignment(space, [3, 0, 0])).toBe(false);
    expect(isValidAssignment(space, [0, 0])).toBe(false);
    expect(isValidAssignment(space, [0.5, 0, 0])).toBe(false);
  });

  it('matches patterns (red lines) on the issues they name', () => {
    const noCrew = createPattern(space, { 'crew-exchange': 'yes' });
    const richAid = createPattern(space, { supplies: ['food', 'food-and-medicine'], aid: 100 });
    expect(matchesPattern(noCrew, [0, 1, 0])).toBe(true);
    expect(matchesPattern(noCrew, [0, 0, 0])).toBe(false);
    expect(matchesPattern(richAid, [2, 0, 2])).toBe(true);
    expect(matchesPattern(richAid, [0, 0, 2])).toBe(false);
    expect(matchesAny([noCrew, richAid], [1, 1, 0])).toBe(true);
    expect(matchesAny([], [1, 1, 0])).toBe(false);
    expect(describePattern(space, richAid)).toBe('supplies={food|food-and-medicine}, aid=100');
  });

  it('refuses malformed issues and spaces', () => {
    expect(() => categoricalIssue('x', [])).toThrow();
    expect(() => categoricalIssue('x', ['a', 'a'])).toThrow();
    expect(() => integerIssue('x', 5, 1)).toThrow();
    expect(() => createOutcomeSpace([categoricalIssue('x', ['a']), categoricalIssue('x', ['b'])])).toThrow();
  });
});
