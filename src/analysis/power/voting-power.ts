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
 * [q − w_i, q − 1]. Only weights below q matter, so the table is (n+1)·q numbers: building it
 * costs O(n² q) and removing a player O(n q) per distinct weight. Counts are exact in doubles while
 * C(n, ⌊n/2⌋) < 2^53 (n ≤ 56). Beyond, the same tables are computed modulo several primes just
 * below 2^50 (additions of two residues stay below 2^53, so doubles are exact), as many as make a
 * product above 2^n, and each swing count is rebuilt from its residues by the Chinese remainder
 * theorem in BigInt: 200 players take a few seconds instead of minutes of BigInt tables. The
 * final sums are BigInt, so indices are exact.
 *
 * Games given by their minimal winning coalitions (n ≤ 25) are expanded to the winning set by a
 * superset closure over all 2^n coalitions, and swings are counted directly: O(n 2^n).
 */
import { type Budget, spend, unlimitedBudget } from '../../common/budget.js';
import { at, get, missing } from '../../common/checked.js';
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

/** What a time limit interrupts (for its message). */
const WHAT = 'the exact power indices';

/** Swing counts by coalition size of every player of a weighted voting game. */
export function weightedSwingsBySize(original: WeightedGame, budget: Budget = unlimitedBudget): bigint[][] {
  const game = reduceWeights(original);
  const n = game.names.length;
  const q = game.quota;
  invariant(Number.isInteger(q) && q >= 1, 'the quota is a positive integer');
  invariant(
    game.weights.every((w) => Number.isInteger(w) && w >= 0),
    'weights are non-negative integers',
  );
  invariant((n + 1) * q <= MAX_GENERATING_TABLE, 'generating-function table too large');
  const distinct = [...new Set(game.weights)];
  const byWeight = swingsByDistinctWeight(game.weights, distinct, n, q, budget);
  return game.weights.map((w) => get(byWeight, w, 'swings of weight'));
}

/**
 * Primes just below 2^50 (2^50 − offset): residues below 2^50 add up to less than 2^53, so every
 * table operation is exact in doubles. 24 of them hold counts up to 2^1199.
 */
const PRIME_OFFSETS = [
  27, 35, 51, 71, 113, 117, 131, 161, 195, 233, 267, 341, 351, 377, 423, 447, 545, 591, 603, 611, 651, 653,
  665, 675,
];

/** Largest number of players of a weighted game (the primes above hold swing counts below 2^1199). */
export const MAX_WEIGHTED_GAME_PLAYERS = 1000;

/**
 * The moduli the tables are computed in: none (Infinity, exact in doubles) while every count is
 * below 2^53, else enough primes for a product of at least 2^n (swing counts are below 2^(n−1)).
 */
function moduliFor(n: number): number[] {
  if (largestBinomial(n) < 2 ** 53) return [Number.POSITIVE_INFINITY];
  invariant(n <= MAX_WEIGHTED_GAME_PLAYERS, `at most ${MAX_WEIGHTED_GAME_PLAYERS} players`);
  const primes: number[] = [];
  let product = 1n;
  for (const offset of PRIME_OFFSETS) {
    if (product >= 1n << BigInt(n)) break;
    primes.push(2 ** 50 - offset);
    product *= BigInt(2 ** 50 - offset);
  }
  return primes;
}

/** Swings by size for each distinct weight, in each modulus, rebuilt by the Chinese remainder theorem. */
function swingsByDistinctWeight(
  weights: readonly number[],
  distinct: readonly number[],
  n: number,
  q: number,
  budget: Budget,
): Map<number, bigint[]> {
  const moduli = moduliFor(n);
  const residues = swingResidues(weights, distinct, n, q, moduli, budget);
  const out = new Map<number, bigint[]>();
  if (moduli.length === 1 && moduli[0] === Number.POSITIVE_INFINITY) {
    distinct.forEach((wi, d) =>
      out.set(
        wi,
        Array.from(at(residues, d), (c) => BigInt(c)),
      ),
    );
    return out;
  }
  const basis = remainderBasis(moduli);
  distinct.forEach((wi, d) => out.set(wi, chineseRemainders(at(residues, d), n, basis)));
  return out;
}

/**
 * residues[d][k * m + j]: the swings of size k of distinct weight d, modulo moduli[j] (m moduli),
 * one generating table per modulus; the budget is spent once per player added and per weight removed.
 */
function swingResidues(
  weights: readonly number[],
  distinct: readonly number[],
  n: number,
  q: number,
  moduli: readonly number[],
  budget: Budget,
): Float64Array[] {
  const m = moduli.length;
  const steps = m * (n + distinct.length);
  const residues = distinct.map(() => new Float64Array(n * m));
  const scratch = new Float64Array((n + 1) * q);
  const floors = rowFloors(weights, q);
  moduli.forEach((p, j) => {
    const done = j * (n + distinct.length);
    const all = countTable(weights, floors, q, p, budget, done, steps);
    distinct.forEach((wi, d) => {
      spend(budget, WHAT);
      budget.progress?.(done + n + d, steps);
      removePlayer(all, scratch, floors, q, wi, p);
      const sums = windowSums(scratch, n, q, wi, p);
      const row = at(residues, d);
      for (let k = 0; k < n; k++) row[k * m + j] = sums[k] ?? missing();
    });
  });
  return residues;
}

/** The product M of the moduli and, for each p_j, c_j = (M/p_j) · ((M/p_j)^−1 mod p_j). */
interface RemainderBasis {
  readonly product: bigint;
  readonly coefficients: readonly bigint[];
}

function remainderBasis(moduli: readonly number[]): RemainderBasis {
  const product = moduli.reduce((acc, p) => acc * BigInt(p), 1n);
  const coefficients = moduli.map((p) => {
    const big = BigInt(p);
    const rest = product / big;
    return rest * modInverse(rest % big, big);
  });
  return { product, coefficients };
}

/**
 * Each size's swing count rebuilt from its residues (`residues[k * m + j]` modulo the j-th of m
 * moduli) by the Chinese remainder theorem: x = Σ_j r_j · c_j mod M.
 */
function chineseRemainders(residues: Float64Array, n: number, basis: RemainderBasis): bigint[] {
  const { product, coefficients } = basis;
  const m = coefficients.length;
  const swings: bigint[] = [];
  for (let k = 0; k < n; k++) {
    let x = 0n;
    for (let j = 0; j < m; j++) {
      const r = residues[k * m + j] ?? missing();
      if (r !== 0) x += BigInt(r) * at(coefficients, j, 'coefficient');
    }
    swings.push(x % product);
  }
  return swings;
}

/** a^−1 mod p (a and p coprime), by the extended Euclidean algorithm. */
function modInverse(a: bigint, p: bigint): bigint {
  let [r0, r1] = [a, p];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const t = r0 / r1;
    [r0, r1] = [r1, r0 - t * r1];
    [s0, s1] = [s1, s0 - t * s1];
  }
  return ((s0 % p) + p) % p;
}

/**
 * table[k*q + w]: the number of coalitions of size k and weight w < q (weights ≥ q are dropped),
 * modulo `p` (Infinity: exact).
 */
function countTable(
  weights: readonly number[],
  floors: Int32Array,
  q: number,
  p: number,
  budget: Budget,
  done: number,
  steps: number,
): Float64Array {
  const n = weights.length;
  const t = new Float64Array((n + 1) * q);
  t[0] = 1;
  const top = highestRow(floors, q);
  let players = 0;
  for (const w of weights) {
    spend(budget, WHAT);
    budget.progress?.(done + players, steps);
    players++;
    // Multiply by (1 + x y^w): downwards in k and w so each player is used once. Weights below a
    // row's floor are never reached, and rows whose floor is the quota stay empty.
    for (let k = Math.min(players, top); k >= 1; k--) {
      const to = k * q;
      const from = (k - 1) * q;
      const low = Math.max(w, floors[k] ?? missing());
      for (let s = q - 1; s >= low; s--) {
        const v = (t[to + s] ?? missing()) + (t[from + s - w] ?? missing());
        t[to + s] = v >= p ? v - p : v;
      }
    }
  }
  return t;
}

/**
 * floors[k]: the least weight of k players (the k lightest together), at most q. No coalition of
 * size k weighs less, so the table's row k is zero below it, whoever is left out.
 */
function rowFloors(weights: readonly number[], q: number): Int32Array {
  const sorted = [...weights].sort((a, b) => a - b);
  const floors = new Int32Array(weights.length + 1);
  let sum = 0;
  sorted.forEach((w, i) => {
    sum = Math.min(q, sum + w);
    floors[i + 1] = sum;
  });
  return floors;
}

/** The highest row with a weight below the quota. */
function highestRow(floors: Int32Array, q: number): number {
  let k = floors.length - 1;
  while (k > 0 && (floors[k] ?? missing()) >= q) k--;
  return k;
}

/**
 * Divides the table by (1 + x y^wi) into `t`: t[k][s] = all[k][s] − t[k−1][s−wi] (modulo `p`).
 * Entries below a row's floor stay zero (they are never written), so they are skipped.
 */
function removePlayer(
  all: Float64Array,
  t: Float64Array,
  floors: Int32Array,
  q: number,
  wi: number,
  p: number,
): void {
  for (let s = 0; s < q; s++) t[s] = all[s] ?? missing();
  const top = highestRow(floors, q);
  for (let k = 1; k <= top; k++) {
    const row = k * q;
    const below = (k - 1) * q;
    const floor = floors[k] ?? missing();
    const head = Math.min(wi, q);
    for (let s = floor; s < head; s++) t[row + s] = all[row + s] ?? missing();
    for (let s = Math.max(head, floor); s < q; s++) {
      const v = (all[row + s] ?? missing()) - (t[below + s - wi] ?? missing());
      t[row + s] = v < 0 ? v + p : v;
    }
  }
}

/** Σ of the swing window [q − wi, q − 1] of `t`, by size (modulo `p`). */
function windowSums(t: Float64Array, n: number, q: number, wi: number, p: number): number[] {
  const sums: number[] = [];
  const low = Math.max(0, q - wi);
  for (let k = 0; k < n; k++) {
    let c = 0;
    for (let s = low; s < q; s++) {
      c += t[k * q + s] ?? missing();
      if (c >= p) c -= p;
    }
    sums.push(c);
  }
  return sums;
}

function largestBinomial(n: number): number {
  let c = 1;
  const half = Math.floor(n / 2);
  for (let k = 1; k <= half; k++) c = (c * (n - half + k)) / k;
  return c;
}

/** Swing counts by size for a game given by winning coalitions, by expanding it over all 2^n sets. */
export function simpleSwingsBySize(game: SimpleGame, budget: Budget = unlimitedBudget): bigint[][] {
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
    spend(budget, WHAT);
    budget.progress?.(i, 2 * n);
    const bit = 1 << i;
    for (let mask = 0; mask < size; mask++)
      if ((mask & bit) !== 0 && wins[(mask ^ bit) >>> 0] === 1) wins[mask] = 1;
  }
  const counts = new Float64Array(n * n);
  for (let mask = 0; mask < size; mask++) {
    if ((mask & 0xffff) === 0) {
      spend(budget, WHAT);
      budget.progress?.(n + (n * mask) / size, 2 * n);
    }
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

/** The indices of a weighted voting game (a TimeLimitError when `budget` runs out first). */
export function weightedGamePower(
  game: WeightedGame,
  index: PowerIndex = 'both',
  budget: Budget = unlimitedBudget,
): PlayerPower[] {
  return powerFromSwings(game.names, weightedSwingsBySize(game, budget), index);
}

/** The indices of a game given by its minimal winning coalitions. */
export const simpleGamePower = (game: SimpleGame, index: PowerIndex = 'both', budget?: Budget) =>
  powerFromSwings(game.names, simpleSwingsBySize(game, budget), index);
