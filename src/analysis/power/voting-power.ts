/**
 * Exact Shapley–Shubik and Banzhaf indices of simple games.
 *
 * Shapley–Shubik (1954): φ_i = Σ over coalitions S ∌ i for which i is pivotal (S loses, S ∪ {i}
 * wins) of |S|! (n − |S| − 1)! / n!. Banzhaf (1965) / Penrose (1946): the swing count η_i is the
 * number of such S; the absolute (Penrose) index is η_i / 2^(n−1) and the normalised index is
 * η_i / Σ_j η_j. Both need the number c_i(k) of swings of each size k, and nothing else.
 *
 * Weighted voting games [q; w_1, …, w_n] get c_i(k) from generating functions (Brams & Affuso 1976;
 * Bilbao, Fernández, Jiménez Losada & López 2000): the number of coalitions of size k and weight
 * w is the coefficient of x^k y^w in Π_j (1 + x y^{w_j}); removing player i divides by its factor
 * (1 + x y^{w_i}), done by a backward recurrence, and c_i(k) sums the coefficients of weights in
 * [q − w_i, q − 1]. Only weights below q matter, so the table is (n+1)·q numbers and the whole
 * computation O(n² q) per distinct weight. Counts are exact in doubles while C(n, ⌊n/2⌋) < 2^53
 * (n ≤ 56); beyond, BigInt tables are used. The final sums are BigInt, so indices are exact.
 *
 * Games given by their minimal winning coalitions (n ≤ 25) are expanded to the winning set by a
 * superset closure over all 2^n coalitions, and swings are counted directly: O(n 2^n).
 */
import { at, missing } from '../../common/checked.js';
import { invariant } from '../../common/errors.js';
import { type Fraction, factorials, fraction } from './fraction.js';

export interface WeightedGame {
  readonly names: readonly string[];
  /** Non-negative integers. */
  readonly weights: readonly number[];
  /** A coalition wins when its total weight is at least the quota (an integer, 0 < q ≤ Σ w). */
  readonly quota: number;
}

export interface SimpleGame {
  readonly names: readonly string[];
  /** Each coalition as a list of player indices; every superset of one of them wins. */
  readonly minimalWinning: readonly (readonly number[])[];
}

export type PowerIndex = 'shapley-shubik' | 'banzhaf' | 'both';

export interface PlayerPower {
  readonly name: string;
  readonly shapleyShubik?: Fraction;
  readonly banzhaf?: {
    readonly swings: bigint;
    readonly absolute: Fraction;
    readonly normalized: Fraction;
  };
}

/** c[k]: the number of swing coalitions of size k (not containing the player), for each player. */
export type SwingsBySize = readonly (readonly bigint[])[];

/** Largest simple game (by its number of players) expanded over all coalitions. */
export const MAX_SIMPLE_GAME_PLAYERS = 25;

/** Largest (n + 1)·q table the generating functions will build. */
export const MAX_GENERATING_TABLE = 50_000_000;

/**
 * The same game with weights and quota divided by the weights' greatest common divisor (a
 * coalition wins iff Σ w ≥ q iff Σ w/g ≥ ⌈q/g⌉), which keeps the generating table small.
 */
export function reduceWeights(game: WeightedGame): WeightedGame {
  let g = 0;
  for (const w of game.weights) g = gcdNumber(g, w);
  if (g <= 1) return game;
  return { names: game.names, weights: game.weights.map((w) => w / g), quota: Math.ceil(game.quota / g) };
}

function gcdNumber(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** The size of the generating table the game needs, after reducing its weights. */
export function generatingTableSize(game: WeightedGame): number {
  const reduced = reduceWeights(game);
  return (reduced.names.length + 1) * reduced.quota;
}

/** Swing counts by coalition size of every player of a weighted voting game. */
export function weightedSwingsBySize(original: WeightedGame): bigint[][] {
  const game = reduceWeights(original);
  const n = game.names.length;
  const q = game.quota;
  invariant(Number.isInteger(q) && q >= 1, 'the quota is a positive integer');
  invariant(
    game.weights.every((w) => Number.isInteger(w) && w >= 0),
    'weights are non-negative integers',
  );
  invariant((n + 1) * q <= MAX_GENERATING_TABLE, 'generating-function table too large');
  const exactInDoubles = largestBinomial(n) < 2 ** 53;
  const byWeight = new Map<number, bigint[]>();
  const result: bigint[][] = [];
  if (exactInDoubles) {
    const all = countTableDouble(game.weights, n, q);
    const scratch = new Float64Array((n + 1) * q);
    for (let i = 0; i < n; i++) {
      const wi = game.weights[i] ?? missing();
      let swings = byWeight.get(wi);
      if (!swings) {
        swings = removePlayerDouble(all, scratch, n, q, wi);
        byWeight.set(wi, swings);
      }
      result.push(swings);
    }
  } else {
    const all = countTableBig(game.weights, n, q);
    for (let i = 0; i < n; i++) {
      const wi = game.weights[i] ?? missing();
      let swings = byWeight.get(wi);
      if (!swings) {
        swings = removePlayerBig(all, n, q, wi);
        byWeight.set(wi, swings);
      }
      result.push(swings);
    }
  }
  return result;
}

/** table[k*q + w]: number of coalitions of size k and weight w < q (weights ≥ q are dropped). */
function countTableDouble(weights: readonly number[], n: number, q: number): Float64Array {
  const t = new Float64Array((n + 1) * q);
  t[0] = 1;
  let players = 0;
  for (const w of weights) {
    players++;
    // Multiply by (1 + x y^w): downwards in k and w so each player is used once.
    for (let k = players; k >= 1; k--) {
      const to = k * q;
      const from = (k - 1) * q;
      for (let s = q - 1; s >= w; s--) t[to + s] = (t[to + s] ?? missing()) + (t[from + s - w] ?? missing());
    }
  }
  return t;
}

/**
 * Divides the table by (1 + x y^wi): without[k][s] = all[k][s] − without[k−1][s−wi], then sums the
 * swing window [q − wi, q − 1] by size.
 */
function removePlayerDouble(all: Float64Array, t: Float64Array, n: number, q: number, wi: number): bigint[] {
  for (let s = 0; s < q; s++) t[s] = all[s] ?? missing();
  for (let k = 1; k <= n; k++) {
    const row = k * q;
    const below = (k - 1) * q;
    for (let s = 0; s < q; s++) {
      const count = all[row + s] ?? missing();
      t[row + s] = s >= wi ? count - (t[below + s - wi] ?? missing()) : count;
    }
  }
  const swings: bigint[] = [];
  const low = Math.max(0, q - wi);
  for (let k = 0; k < n; k++) {
    let c = 0n;
    for (let s = low; s < q; s++) {
      const v = t[k * q + s] ?? missing();
      if (v !== 0) c += BigInt(v);
    }
    swings.push(c);
  }
  return swings;
}

function countTableBig(weights: readonly number[], n: number, q: number): bigint[] {
  const t: bigint[] = new Array((n + 1) * q).fill(0n);
  t[0] = 1n;
  let players = 0;
  for (const w of weights) {
    players++;
    for (let k = players; k >= 1; k--) {
      for (let s = q - 1; s >= w; s--)
        t[k * q + s] = (t[k * q + s] ?? missing()) + (t[(k - 1) * q + s - w] ?? missing());
    }
  }
  return t;
}

function removePlayerBig(all: bigint[], n: number, q: number, wi: number): bigint[] {
  const t: bigint[] = all.slice(0, q);
  for (let k = 1; k <= n; k++) {
    for (let s = 0; s < q; s++) {
      const count = all[k * q + s] ?? missing();
      t.push(s >= wi ? count - (t[(k - 1) * q + s - wi] ?? missing()) : count);
    }
  }
  const swings: bigint[] = [];
  const low = Math.max(0, q - wi);
  for (let k = 0; k < n; k++) {
    let c = 0n;
    for (let s = low; s < q; s++) c += t[k * q + s] ?? missing();
    swings.push(c);
  }
  return swings;
}

function largestBinomial(n: number): number {
  let c = 1;
  const half = Math.floor(n / 2);
  for (let k = 1; k <= half; k++) c = (c * (n - half + k)) / k;
  return c;
}

/** Swing counts by size for a game given by winning coalitions, by expanding it over all 2^n sets. */
export function simpleSwingsBySize(game: SimpleGame): bigint[][] {
  const n = game.names.length;
  invariant(n <= MAX_SIMPLE_GAME_PLAYERS, `at most ${MAX_SIMPLE_GAME_PLAYERS} players`);
  const size = 2 ** n;
  const wins = new Uint8Array(size);
  for (const c of game.minimalWinning) {
    let mask = 0;
    for (const i of c) mask |= 1 << i;
    wins[mask >>> 0] = 1;
  }
  // Superset closure: a coalition wins when dropping some member leaves a winning one.
  for (let i = 0; i < n; i++) {
    const bit = 1 << i;
    for (let mask = 0; mask < size; mask++)
      if ((mask & bit) !== 0 && wins[(mask ^ bit) >>> 0] === 1) wins[mask] = 1;
  }
  const counts = new Float64Array(n * n);
  for (let mask = 0; mask < size; mask++) {
    if (wins[mask] === 0) continue;
    let size1 = -1;
    for (let m = mask; m !== 0; m &= m - 1) size1++;
    for (let m = mask; m !== 0; m &= m - 1) {
      const i = 31 - Math.clz32(m & -m);
      if (wins[(mask ^ (1 << i)) >>> 0] === 0)
        counts[i * n + size1] = (counts[i * n + size1] ?? missing()) + 1;
    }
  }
  const result: bigint[][] = [];
  for (let i = 0; i < n; i++) result.push(Array.from(counts.subarray(i * n, (i + 1) * n), (c) => BigInt(c)));
  return result;
}

/** Turns swing counts by size into Shapley–Shubik and Banzhaf indices. */
export function powerFromSwings(
  names: readonly string[],
  swings: SwingsBySize,
  index: PowerIndex,
): PlayerPower[] {
  const n = names.length;
  const fact = factorials(n);
  const totals = swings.map((byK) => byK.reduce((a, b) => a + b, 0n));
  const allSwings = totals.reduce((a, b) => a + b, 0n);
  const half = n === 0 ? 1n : 1n << BigInt(n - 1);
  return names.map((name, i) => {
    let shapleyShubik: Fraction | undefined;
    if (index !== 'banzhaf') {
      let num = 0n;
      const bySize = at(swings, i, 'swings of player');
      for (let k = 0; k < n; k++) {
        const c = bySize[k] ?? missing();
        if (c !== 0n) num += c * (fact[k] ?? missing()) * (fact[n - k - 1] ?? missing());
      }
      shapleyShubik = fraction(num, at(fact, n));
    }
    const total = at(totals, i, 'swings of player');
    const banzhaf =
      index === 'shapley-shubik'
        ? undefined
        : {
            swings: total,
            absolute: fraction(total, half),
            normalized: allSwings === 0n ? fraction(0n, 1n) : fraction(total, allSwings),
          };
    return { name, shapleyShubik, banzhaf };
  });
}

export function weightedGamePower(game: WeightedGame, index: PowerIndex = 'both'): PlayerPower[] {
  return powerFromSwings(game.names, weightedSwingsBySize(game), index);
}

export function simpleGamePower(game: SimpleGame, index: PowerIndex = 'both'): PlayerPower[] {
  return powerFromSwings(game.names, simpleSwingsBySize(game), index);
}
