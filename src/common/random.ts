/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna 2018), 32-bit arithmetic only, so
 * that every JavaScript engine draws the same sequence. Streams are split by name: the stream
 * `rng.split("engagements")` depends only on the parent seed and the name, so adding a draw in one
 * purpose never shifts the numbers of another.
 */
import { at } from './checked.js';

export interface Rng {
  /** The seed material this stream was made from (for reports and forks). */
  readonly label: string;
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform float in [0, 1) with 32 bits of randomness. */
  float(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Standard normal deviate (Box–Muller; one draw pair per call, second discarded for simplicity). */
  normal(): number;
  /** A uniformly chosen element of a non-empty array (of defined elements). */
  pick<T>(items: readonly T[]): T;
  /** A new array with the items (defined) in uniformly random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent stream named `name`, derived from this stream's seed material. */
  split(name: string): Rng;
}

/** SplitMix32-style mixing of a 32-bit value (Stafford variant 13 constants folded to 32 bits). */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** FNV-1a over the UTF-16 code units of a string. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number | string): Rng {
  return fromLabel(typeof seed === 'number' ? `seed:${seed}` : seed);
}

function fromLabel(label: string): Rng {
  return new Xoshiro128(label);
}

/**
 * xoshiro128** (Blackman & Vigna 2018) with four 32-bit words of state, seeded from the label.
 * A class (methods on the prototype, state in fields) rather than closures: leaders split a stream
 * for every question they deliberate, so streams are made by the hundred thousand.
 */
class Xoshiro128 implements Rng {
  readonly label: string;
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(label: string) {
    this.label = label;
    // Four non-zero words of state from the label.
    let h = hashString(label);
    h = mix32(h + 0x9e3779b9);
    this.s0 = h;
    h = mix32(h + 0x9e3779b9 + 1);
    this.s1 = h;
    h = mix32(h + 0x9e3779b9 + 2);
    this.s2 = h;
    h = mix32(h + 0x9e3779b9 + 3);
    this.s3 = h;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  nextUint32(): number {
    // Every word is kept as an unsigned 32-bit value (as a Uint32Array would hold it).
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  float(): number {
    return this.nextUint32() / 4294967296;
  }

  int(min: number, max: number): number {
    const span = max - min + 1;
    if (span <= 1) return min;
    // Rejection sampling removes modulo bias.
    const limit = Math.floor(4294967296 / span) * span;
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return min + (x % span);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  normal(): number {
    let u = this.float();
    while (u === 0) u = this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty array');
    return at(items, this.int(0, items.length - 1));
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const tmp = at(out, i);
      out[i] = at(out, j);
      out[j] = tmp;
    }
    return out;
  }

  split(name: string): Rng {
    return fromLabel(`${this.label}/${name}`);
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
