import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  baselineForecast,
  condorcetWinner,
  medianVoterPosition,
  nashBargaining,
  weightedMean,
  weightedMedian,
} from './baselines.js';
import type { ForecastIssue } from './types.js';

/**
 * Three actors worked by hand: A at 0 (capability 1, salience 100), B at 50 (1, 50), C at 100 (3, 50);
 * weights c·s = 1, ½, 1½ (total 3).
 */
const threeActors: ForecastIssue = {
  dimensions: ['x'],
  scale: [0, 100],
  actors: [
    { name: 'A', capability: 1, positions: [0], saliences: [100] },
    { name: 'B', capability: 1, positions: [50], saliences: [50] },
    { name: 'C', capability: 3, positions: [100], saliences: [50] },
  ],
};

describe('baselines on a hand-worked three-actor case', () => {
  it('weighted mean: (0·1 + 50·½ + 100·1½) / 3 = 58⅓', () => {
    expect(baselineForecast(threeActors, 'mean')[0]).toBeCloseTo(175 / 3, 12);
  });

  it('weighted median: the cumulative weight reaches exactly half at B, so the midpoint of B and C', () => {
    expect(baselineForecast(threeActors, 'median')[0]).toBe(75);
  });

  it('Nash bargaining: 1.5/t = 1/(1 − t) + 0.5/(1.5 − t), i.e. 3t² − 5.75t + 2.25 = 0', () => {
    const t = (5.75 - Math.sqrt(5.75 * 5.75 - 27)) / 6; // 0.547964…
    expect(baselineForecast(threeActors, 'nbs')[0]).toBeCloseTo(100 * t, 9);
  });

  it('Condorcet winner: B and C both go unbeaten (they tie), with equal total distance; the lower wins', () => {
    // B vs A: B and C (weight 2) against A (1). C vs A: C (1.5) against A (1), B indifferent.
    // B vs C: A and B (1.5) against C (1.5), a tie. Weighted distances: B 1·50 + 1.5·50 = 125,
    // C 1·100 + 0.5·50 = 125.
    expect(condorcetWinner(threeActors)).toEqual([50]);
  });
});

describe('weighted mean and medians', () => {
  it('handles unequal weights and the usual median conventions', () => {
    expect(weightedMean([0, 10], [3, 1])).toBe(2.5);
    expect(weightedMedian([1, 2, 3, 4], [1, 1, 1, 1])).toBe(2.5);
    expect(weightedMedian([1, 2, 3], [1, 1, 1])).toBe(2);
    expect(weightedMedian([5, 1, 9], [1, 10, 1])).toBe(1);
    expect(medianVoterPosition([1, 2, 3, 4], [1, 1, 1, 1])).toBe(2);
  });

  it('Nash bargaining lands on an actor whose weight outweighs the rest', () => {
    expect(nashBargaining([0, 50, 100], [1, 10, 1], 100)).toBe(50);
    expect(nashBargaining([30, 30], [1, 1], 100)).toBe(30);
  });

  it('Nash bargaining maximises the weighted log product (checked on a grid)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 100, noNaN: true }),
            fc.double({ min: 0.01, max: 5, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (pairs) => {
          const x = pairs.map((p) => p[0]);
          const w = pairs.map((p) => p[1]);
          const f = (p: number) =>
            x.reduce((s, xi, i) => s + w[i]! * Math.log(1 - Math.abs(p - xi) / 100), 0);
          const best = nashBargaining(x, w, 100);
          for (let p = Math.min(...x); p <= Math.max(...x); p += 0.5) {
            expect(f(best)).toBeGreaterThanOrEqual(f(p) - 1e-9);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('in one dimension the Condorcet winner is a weighted median position', () => {
    const issue: ForecastIssue = {
      dimensions: ['x'],
      scale: [0, 100],
      actors: [10, 20, 70, 90].map((x, i) => ({
        name: `a${i}`,
        capability: 1,
        positions: [x],
        saliences: [[10, 30, 20, 5][i]!],
      })),
    };
    // Weights 10, 30, 20, 5 (total 65): the cumulative weight passes 32.5 at 20.
    expect(condorcetWinner(issue)).toEqual([20]);
    expect(baselineForecast(issue, 'median')).toEqual([20]);
  });
});
