/**
 * Beyond 56 players the swing counts are computed modulo primes and rebuilt by the Chinese
 * remainder theorem: checked against a plain BigInt count of coalitions by size and weight, and
 * bounded by a budget (a time limit that names itself).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimeLimitError, workBudget } from '../../common/budget.js';
import { addFractions, fraction } from './fraction.js';
import { type WeightedGame, weightedGamePower, weightedSwingsBySize } from './voting-power.js';

/** c_i(k) for every player, by counting coalitions without i by size and weight in BigInt. */
function referenceSwings(game: WeightedGame): bigint[][] {
  const n = game.names.length;
  const q = game.quota;
  return game.weights.map((wi, i) => {
    // table[k][s]: coalitions of the other players of size k and weight s (capped at q).
    const table = Array.from({ length: n }, () => new Array<bigint>(q + 1).fill(0n));
    table[0]![0] = 1n;
    game.weights.forEach((w, j) => {
      if (j === i) return;
      for (let k = n - 1; k >= 1; k--)
        for (let s = q; s >= 0; s--) {
          const from = table[k - 1]![s]!;
          if (from !== 0n) table[k]![Math.min(q, s + w)]! += from;
        }
    });
    return table.map((row) => {
      let c = 0n;
      for (let s = Math.max(0, q - wi); s < q; s++) c += row[s]!;
      return c;
    });
  });
}

describe('weighted games beyond 56 players (counts modulo primes)', () => {
  it('agree with a plain BigInt count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 57, max: 75 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 75, maxLength: 75 }),
        fc.double({ min: 0.3, max: 0.8, noNaN: true }),
        (n, pool, share) => {
          const weights = pool.slice(0, n);
          const total = weights.reduce((a, b) => a + b, 0);
          const game: WeightedGame = {
            names: weights.map((_, i) => `p${i}`),
            weights,
            quota: Math.max(1, Math.floor(total * share)),
          };
          expect(weightedSwingsBySize(game)).toEqual(referenceSwings(game));
        },
      ),
      { numRuns: 4 },
    );
  });

  it('gives 200 players exact indices that sum to 1', () => {
    const weights = Array.from({ length: 200 }, (_, i) => 1 + ((i * 37) % 23));
    const game: WeightedGame = {
      names: weights.map((_, i) => `p${i}`),
      weights,
      quota: Math.floor(weights.reduce((a, b) => a + b, 0) / 2) + 1,
    };
    const power = weightedGamePower(game, 'shapley-shubik');
    // Equal weights, equal power; the indices add up to exactly one.
    const sum = power.reduce((acc, p) => addFractions(acc, p.shapleyShubik!), fraction(0n, 1n));
    expect(sum).toEqual(fraction(1n, 1n));
    expect(power[0]!.shapleyShubik).toEqual(power[23]!.shapleyShubik);
  });

  it('stops at its budget with a TimeLimitError naming the limit', () => {
    const game: WeightedGame = {
      names: Array.from({ length: 80 }, (_, i) => `p${i}`),
      weights: Array.from({ length: 80 }, (_, i) => 1 + (i % 9)),
      quota: 200,
    };
    expect(() => weightedGamePower(game, 'both', workBudget(10))).toThrow(TimeLimitError);
    expect(() => weightedGamePower(game, 'both', workBudget(10))).toThrow(
      /the exact power indices did not finish within the time limit/,
    );
  });
});
