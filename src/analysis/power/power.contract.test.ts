/**
 * The contract of the power-index question: generating functions on weighted games, the expansion of
 * minimal winning coalitions, and the Shapley value of the game's 0/1 characteristic function all
 * give the same Shapley–Shubik values, equal to an enumeration of every order of the players.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, missing } from '../../common/checked.js';
import { type Fraction, fractionText, fractionValue } from './fraction.js';
import { exactShapley, sampledShapley } from './shapley-value.js';
import { simpleGamePower, type WeightedGame, weightedGamePower } from './voting-power.js';

interface PowerSolver {
  readonly name: string;
  /** Shapley–Shubik values and, when exact fractions are produced, Banzhaf swing counts. */
  solve(game: WeightedGame): { shapleyShubik: number[]; swings?: bigint[]; exact?: Fraction[] };
}

function wins(game: WeightedGame, mask: number): boolean {
  let w = 0;
  for (let i = 0; i < game.weights.length; i++)
    if (mask & (1 << i)) w += game.weights[i] ?? missing('weight');
  return w >= game.quota;
}

/** The minimal winning coalitions of a weighted game, by enumeration. */
function minimalWinning(game: WeightedGame): number[][] {
  const n = game.names.length;
  const out: number[][] = [];
  for (let mask = 1; mask < 2 ** n; mask++) {
    if (!wins(game, mask)) continue;
    let minimal = true;
    for (let i = 0; i < n; i++) if (mask & (1 << i) && wins(game, mask ^ (1 << i))) minimal = false;
    if (minimal) out.push(Array.from({ length: n }, (_, i) => i).filter((i) => mask & (1 << i)));
  }
  return out;
}

function swap(xs: number[], i: number, j: number): void {
  const x = at(xs, i);
  xs[i] = at(xs, j);
  xs[j] = x;
}

/** Shapley–Shubik by enumerating the n! orders: the definition itself. */
function enumerateOrders(game: WeightedGame): number[] {
  const n = game.names.length;
  const pivots = new Array(n).fill(0);
  let orders = 0;
  const perm = Array.from({ length: n }, (_, i) => i);
  const visit = (k: number): void => {
    if (k === n) {
      orders++;
      let mask = 0;
      for (const i of perm) {
        if (!wins(game, mask) && wins(game, mask | (1 << i))) pivots[i]++;
        mask |= 1 << i;
      }
      return;
    }
    for (let j = k; j < n; j++) {
      swap(perm, k, j);
      visit(k + 1);
      swap(perm, k, j);
    }
  };
  visit(0);
  return pivots.map((p) => p / orders);
}

function characteristic(game: WeightedGame): Float64Array {
  const n = game.names.length;
  return Float64Array.from({ length: 2 ** n }, (_, mask) => (wins(game, mask) ? 1 : 0));
}

const solvers: readonly PowerSolver[] = [
  {
    name: 'generating functions (weighted game)',
    solve: (g) => {
      const p = weightedGamePower(g);
      return {
        shapleyShubik: p.map((x) => fractionValue(x.shapleyShubik!)),
        swings: p.map((x) => x.banzhaf!.swings),
        exact: p.map((x) => x.shapleyShubik!),
      };
    },
  },
  {
    name: 'minimal winning coalitions (simple game)',
    solve: (g) => {
      const p = simpleGamePower({ names: g.names, minimalWinning: minimalWinning(g) });
      return {
        shapleyShubik: p.map((x) => fractionValue(x.shapleyShubik!)),
        swings: p.map((x) => x.banzhaf!.swings),
        exact: p.map((x) => x.shapleyShubik!),
      };
    },
  },
  {
    name: 'Shapley value of the 0/1 game',
    solve: (g) => ({ shapleyShubik: Array.from(exactShapley(characteristic(g), g.names.length)) }),
  },
  { name: 'enumeration of all orders', solve: (g) => ({ shapleyShubik: enumerateOrders(g) }) },
];

const gameArbitrary = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).chain((weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    return fc.integer({ min: 1, max: Math.max(1, total) }).map((quota): WeightedGame => ({
      names: weights.map((_, i) => `p${i}`),
      weights: total === 0 ? weights.map(() => 1) : weights,
      quota,
    }));
  }),
);

const committee: WeightedGame = { names: ['A', 'B', 'C'], weights: [2, 1, 1], quota: 3 };

for (const solver of solvers) {
  describe(`power contract: ${solver.name}`, () => {
    it('computes a hand-worked game: [3; 2, 1, 1] gives 2/3, 1/6, 1/6', () => {
      const r = solver.solve(committee);
      expect(r.shapleyShubik[0]).toBeCloseTo(2 / 3, 12);
      expect(r.shapleyShubik[1]).toBeCloseTo(1 / 6, 12);
      if (r.exact) expect(r.exact.map(fractionText)).toEqual(['2/3', '1/6', '1/6']);
      // A swings in {B}, {C}, {B, C}; B only in {A}.
      if (r.swings) expect(r.swings).toEqual([3n, 1n, 1n]);
    });

    it('agrees with the enumeration of all orders; values sum to 1', () => {
      fc.assert(
        fc.property(gameArbitrary, (game) => {
          const r = solver.solve(game);
          const reference = enumerateOrders(game);
          r.shapleyShubik.forEach((v, i) => {
            expect(v).toBeCloseTo(at(reference, i, 'reference value'), 10);
          });
          expect(r.shapleyShubik.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
        }),
        { numRuns: 60 },
      );
    });

    it('gives symmetric players equal power and null players none', () => {
      fc.assert(
        fc.property(gameArbitrary, (game) => {
          const r = solver.solve(game);
          const n = game.names.length;
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              if (game.weights[i] === game.weights[j])
                expect(r.shapleyShubik[i]).toBeCloseTo(at(r.shapleyShubik, j, 'value'), 12);
            }
            // A player of weight 0 is never pivotal.
            if (game.weights[i] === 0) expect(r.shapleyShubik[i]).toBe(0);
          }
          if (r.exact) {
            const sum = r.exact.reduce((a, f) => a + Number(f.numerator) / Number(f.denominator), 0);
            expect(sum).toBeCloseTo(1, 12);
          }
        }),
        { numRuns: 60 },
      );
    });
  });
}

describe('exact power of known games', () => {
  it('UN Security Council: 421/2145 for a permanent member, 4/2145 for an elected one', () => {
    const game: WeightedGame = {
      names: Array.from({ length: 15 }, (_, i) => `m${i}`),
      weights: [7, 7, 7, 7, 7, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      quota: 39,
    };
    const p = weightedGamePower(game);
    const permanent = at(p, 0, 'member');
    const elected = at(p, 5, 'member');
    expect(fractionText(permanent.shapleyShubik!)).toBe('421/2145');
    expect(fractionText(elected.shapleyShubik!)).toBe('4/2145');
    // Felsenthal & Machover (1998): 848 swings for a permanent member, 84 for an elected one.
    expect(permanent.banzhaf!.swings).toBe(848n);
    expect(elected.banzhaf!.swings).toBe(84n);
    expect(fractionText(permanent.banzhaf!.absolute)).toBe('53/1024');
  });

  it('stays exact beyond 56 players (BigInt tables): symmetric players get 1/n', () => {
    const n = 60;
    const game: WeightedGame = {
      names: Array.from({ length: n }, (_, i) => `p${i}`),
      weights: new Array(n).fill(1),
      quota: 31,
    };
    const p = weightedGamePower(game);
    expect(p.every((x) => fractionText(x.shapleyShubik!) === '1/60')).toBe(true);
    // Swings of a player in majority voting: C(59, 30).
    expect(at(p, 0, 'player').banzhaf!.swings).toBe(59132290782430712n);
  });

  it('reduces weights by their common divisor without changing the game', () => {
    const a = weightedGamePower({ names: ['A', 'B', 'C'], weights: [4, 2, 2], quota: 5 });
    const b = weightedGamePower({ names: ['A', 'B', 'C'], weights: [2, 1, 1], quota: 3 });
    expect(a.map((x) => fractionText(x.shapleyShubik!))).toEqual(
      b.map((x) => fractionText(x.shapleyShubik!)),
    );
  });
});

describe('Shapley value of TU games', () => {
  it('is efficient and symmetric (exact)', () => {
    // v(S) = |S|^2: symmetric players, each gets n.
    const n = 5;
    const v = Float64Array.from({ length: 32 }, (_, m) => {
      let k = 0;
      for (let x = m; x; x &= x - 1) k++;
      return k * k;
    });
    expect(Array.from(exactShapley(v, n)).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([5, 5, 5, 5, 5]);
  });

  it('samples orders with a confidence interval that covers the exact value, deterministic for a seed', () => {
    const n = 8;
    const v = Float64Array.from(
      { length: 256 },
      (_, m) => ((m * 2654435761) % 1000) / 10 + (m === 0 ? 0 : 50),
    );
    v[0] = 0;
    const exact = exactShapley(v, n);
    const est = sampledShapley(v, n, { seed: 3, samples: 4000 });
    expect(est.samples).toBe(4000);
    let covered = 0;
    for (let i = 0; i < n; i++)
      if (Math.abs(at(est.values, i) - at(exact, i)) <= at(est.halfWidths, i)) covered++;
    expect(covered).toBeGreaterThanOrEqual(7);
    expect(Array.from(est.values).reduce((a, b) => a + b, 0)).toBeCloseTo(at(v, 255), 6);
    expect(sampledShapley(v, n, { seed: 3, samples: 50 }).values).toEqual(
      sampledShapley(v, n, { seed: 3, samples: 50 }).values,
    );
  });
});
