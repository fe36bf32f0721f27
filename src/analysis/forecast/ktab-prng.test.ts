import { describe, expect, it } from 'vitest';
import { KtabPrng, ktabScramble, MersenneTwister64 } from './ktab-prng.js';

describe("KTAB's generator", () => {
  it('is the standard 64-bit Mersenne Twister: the 10000th word from seed 5489 is 9981545732273789042', () => {
    // ISO C++ [rand.predef] requires this value of mt19937_64.
    const mt = new MersenneTwister64(5489n);
    let z = 0n;
    for (let i = 0; i < 10000; i++) z = mt.next();
    expect(z).toBe(9981545732273789042n);
  });

  it('scrambles words with q(i) = (i + a)(2i + 3) mod 2^64', () => {
    const a = 0xe08c1d668b756f83n;
    expect(ktabScramble(0n)).toBe((a * 3n) & ((1n << 64n) - 1n));
    expect(ktabScramble(1n)).toBe(((1n + a) * 5n) & ((1n << 64n) - 1n));
  });

  it('draws uniforms in [a, b] and selects by cumulative probability', () => {
    const rng = new KtabPrng(42n);
    for (let i = 0; i < 100; i++) {
      const u = rng.uniform(2, 3);
      expect(u).toBeGreaterThanOrEqual(2);
      expect(u).toBeLessThanOrEqual(3);
    }
    expect(new KtabPrng(1n).probSel([0, 1, 0])).toBe(1);
    expect(new KtabPrng(1n).probSel([1, 0, 0])).toBe(0);
    const counts = [0, 0];
    const r = new KtabPrng(7n);
    for (let i = 0; i < 2000; i++) counts[r.probSel([0.25, 0.75])]!++;
    expect(counts[1]! / 2000).toBeGreaterThan(0.7);
    expect(counts[1]! / 2000).toBeLessThan(0.8);
  });

  it('repeats its sequence for a seed', () => {
    const a = new KtabPrng(99n);
    const b = new KtabPrng(99n);
    expect([a.word(), a.word()]).toEqual([b.word(), b.word()]);
  });
});
