/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna 2018), 32-bit arithmetic only, so
 * that every JavaScript engine draws the same sequence. Streams are split by name: the stream
 * `rng.split("engagements")` depends only on the parent seed and the name, so adding a draw in one
 * purpose never shifts the numbers of another.
 */

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
  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A new array with the items in uniformly random order (Fisher–Yates). */
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
  // Four non-zero words of state from the label.
  let h = hashString(label);
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    h = mix32(h + 0x9e3779b9 + i);
    s[i] = h;
  }
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  };
  const float = (): number => nextUint32() / 4294967296;

  const rng: Rng = {
    label,
    nextUint32,
    float,
    int(min, max) {
      const span = max - min + 1;
      if (span <= 1) return min;
      // Rejection sampling removes modulo bias.
      const limit = Math.floor(4294967296 / span) * span;
      let x = nextUint32();
      while (x >= limit) x = nextUint32();
      return min + (x % span);
    },
    chance(p) {
      return float() < p;
    },
    normal() {
      let u = float();
      while (u === 0) u = float();
      const v = float();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('pick from an empty array');
      return items[rng.int(0, items.length - 1)]!;
    },
    shuffle(items) {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = rng.int(0, i);
        const tmp = out[i]!;
        out[i] = out[j]!;
        out[j] = tmp;
      }
      return out;
    },
    split(name) {
      return fromLabel(`${label}/${name}`);
    },
  };
  return rng;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
