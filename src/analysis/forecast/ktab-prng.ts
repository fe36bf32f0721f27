/**
 * KTAB's pseudo-random number generator, reimplemented so that runs with stochastic state
 * transitions draw the same numbers as KTAB for the same 64-bit seed.
 *
 * KTAB (`kutils/prng.cpp`) draws a 64-bit word from the C++ standard `mt19937_64` engine (Matsumoto &
 * Nishimura's 64-bit Mersenne Twister, constants as in ISO C++ [rand.predef]) and passes it through
 * a quadratic bijection modulo 2^64, q(i) = (i + a)(2i + 3) with a = 0xE08C1D668B756F83, which has no
 * fixed points. `uniform(a, b)` divides the word by (double)(2^64 − 1) — which rounds to 2^64 — and
 * scales; `probSel` picks the first index whose cumulative probability reaches a uniform draw.
 *
 * 64-bit arithmetic is done with BigInt; the generator is only used once per actor per state
 * transition, so speed does not matter.
 */
import { missing } from '../../common/checked.js';

const MASK64 = (1n << 64n) - 1n;
const N = 312;
const M = 156;
const MATRIX_A = 0xb5026f5aa96619e9n;
const UPPER = 0xffffffff80000000n; // most significant 33 bits
const LOWER = 0x7fffffffn; // least significant 31 bits
const Q_OFFSET = 0xe08c1d668b756f83n;

/** KTAB's default seed (`KBase::dSeed`), the one its reference runs print. */
export const KTAB_DEFAULT_SEED = 15455440707583219804n;

/** The 64-bit Mersenne Twister as specified for `std::mt19937_64`. */
export class MersenneTwister64 {
  private readonly state: bigint[] = new Array<bigint>(N);
  private index = N;

  constructor(seed: bigint) {
    this.seed(seed);
  }

  seed(seed: bigint): void {
    const s = this.state;
    s[0] = seed & MASK64;
    for (let i = 1; i < N; i++) {
      const prev = s[i - 1] ?? missing();
      s[i] = (6364136223846793005n * (prev ^ (prev >> 62n)) + BigInt(i)) & MASK64;
    }
    this.index = N;
  }

  next(): bigint {
    const s = this.state;
    if (this.index >= N) {
      for (let i = 0; i < N; i++) {
        const y = ((s[i] ?? missing()) & UPPER) | ((s[(i + 1) % N] ?? missing()) & LOWER);
        let v = (s[(i + M) % N] ?? missing()) ^ (y >> 1n);
        if (y & 1n) v ^= MATRIX_A;
        s[i] = v;
      }
      this.index = 0;
    }
    let z = s[this.index++] ?? missing();
    z ^= (z >> 29n) & 0x5555555555555555n;
    z ^= (z << 17n) & 0x71d67fffeda60000n;
    z ^= (z << 37n) & 0xfff7eee000000000n;
    z ^= z >> 43n;
    return z & MASK64;
  }
}

/** KTAB's `qTrans`: a bijection of 64-bit words without fixed points. */
export function ktabScramble(i: bigint): bigint {
  return ((i + Q_OFFSET) * (2n * i + 3n)) & MASK64;
}

/** KTAB's `PRNG` class: Mersenne Twister words scrambled by `qTrans`. */
export class KtabPrng {
  private readonly engine: MersenneTwister64;

  constructor(seed: bigint = KTAB_DEFAULT_SEED) {
    this.engine = new MersenneTwister64(seed);
  }

  /** A scrambled 64-bit word (`PRNG::uniform()`). */
  word(): bigint {
    return ktabScramble(this.engine.next());
  }

  /** Uniform double in [a, b] (`PRNG::uniform(a, b)`). */
  uniform(a = 0, b = 1): number {
    // (double)0xFFFFFFFFFFFFFFFF is 2^64 after rounding; Number(bigint) rounds to nearest like C++.
    const x = Number(this.word()) / 2 ** 64;
    return a + (b - a) * x;
  }

  /** Index drawn from a probability vector (`PRNG::probSel`): first cumulative sum ≥ the draw. */
  probSel(p: readonly number[]): number {
    const u = this.uniform(0, 1);
    let sum = 0;
    for (let i = 0; i < p.length; i++) {
      sum += p[i] ?? missing();
      if (u <= sum) return i;
    }
    return p.length - 1; // round-off
  }
}
