/** Exact non-negative rationals on BigInt, always reduced, for power indices. */

export interface Fraction {
  readonly numerator: bigint;
  /** Always positive. */
  readonly denominator: bigint;
}

export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function fraction(numerator: bigint, denominator: bigint): Fraction {
  if (denominator === 0n) throw new RangeError('zero denominator');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const g = gcd(numerator, denominator);
  return g > 1n ? { numerator: numerator / g, denominator: denominator / g } : { numerator, denominator };
}

/** `p/q` in lowest terms (`0/1` for zero). */
export function fractionText(f: Fraction): string {
  return `${f.numerator}/${f.denominator}`;
}

/** The nearest double, accurate even when numerator and denominator exceed 2^53. */
export function fractionValue(f: Fraction): number {
  const bits = Math.max(f.numerator.toString(2).length, f.denominator.toString(2).length);
  if (bits <= 1000) return Number(f.numerator) / Number(f.denominator);
  // Scale both down to stay within the range of doubles.
  const shift = BigInt(bits - 900);
  return Number(f.numerator >> shift) / Number(f.denominator >> shift);
}

export function addFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

/** k! for k = 0..n as BigInt. */
export function factorials(n: number): bigint[] {
  const out: bigint[] = [1n];
  let product = 1n;
  for (let k = 1; k <= n; k++) {
    product *= BigInt(k);
    out.push(product);
  }
  return out;
}
