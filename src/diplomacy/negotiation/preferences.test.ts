import { describe, expect, it } from 'vitest';
import { createOutcomeSpace, createPattern, integerIssue } from './outcome-space.js';
import {
  createPreferences,
  discounted,
  inAgreementSpace,
  isForbidden,
  LinearAdditiveUtility,
} from './preferences.js';

describe('linear-additive utility', () => {
  it('sums weighted value utilities with weights normalised to 1', () => {
    // Weights 3 and 7 are 0.3 and 0.7; u(food, no) = 0.3·0.6 + 0.7·1 = 0.88.
    const u = new LinearAdditiveUtility(
      [3, 7],
      [
        [1, 0.6, 0.3],
        [1, 0],
      ],
    );
    expect(u.weights).toEqual([0.3, 0.7]);
    expect(u.utility([1, 0])).toBeCloseTo(0.88, 12);
    expect(u.utility([0, 0])).toBeCloseTo(1, 12);
    expect(u.utility([2, 1])).toBeCloseTo(0.09, 12);
    expect(u.maxUtility()).toBeCloseTo(1, 12);
    expect(u.minUtility()).toBeCloseTo(0.09, 12);
  });

  it('rejects weights and values outside their ranges', () => {
    expect(() => new LinearAdditiveUtility([0, 0], [[1], [1]])).toThrow(/positive/);
    expect(() => new LinearAdditiveUtility([-1, 2], [[1], [1]])).toThrow();
    expect(() => new LinearAdditiveUtility([1], [[1.5]])).toThrow(/\[0, 1\]/);
    expect(() => new LinearAdditiveUtility([1], [[1], [1]])).toThrow();
  });
});

describe('party preferences', () => {
  const space = createOutcomeSpace([integerIssue('x', 0, 2), integerIssue('y', 0, 1)]);
  const utility = new LinearAdditiveUtility(
    [1, 1],
    [
      [0, 0.5, 1],
      [0, 1],
    ],
  );

  it('forbids the outcomes matching a red line', () => {
    const p = createPreferences(utility, { redLines: [createPattern(space, { y: 1 })] });
    expect(isForbidden(p, [0, 1])).toBe(true);
    expect(isForbidden(p, [2, 0])).toBe(false);
    const q = createPreferences(utility, { redLines: [createPattern(space, { x: 0 })] });
    expect(inAgreementSpace([p, q], [1, 0])).toBe(true);
    expect(inAgreementSpace([p, q], [0, 0])).toBe(false);
    expect(inAgreementSpace([p, q], [2, 1])).toBe(false);
  });

  it('discounts utilities by δ to the relative time', () => {
    const p = createPreferences(utility, { discount: 0.5 });
    expect(discounted(p, 0.8, 0)).toBe(0.8);
    expect(discounted(p, 0.8, 1)).toBeCloseTo(0.4, 12);
    expect(discounted(p, 0.8, 0.5)).toBeCloseTo(0.8 * Math.SQRT1_2, 12);
    expect(discounted(createPreferences(utility), 0.8, 1)).toBe(0.8);
  });

  it('validates reservation and discount', () => {
    expect(() => createPreferences(utility, { reservation: 1.2 })).toThrow();
    expect(() => createPreferences(utility, { discount: 0 })).toThrow();
    expect(createPreferences(utility).onRedLine).toBe('reject');
  });
});
