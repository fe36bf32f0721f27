import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { sha256Hex } from './sha256.js';
import { createRng } from './random.js';

describe('createRng', () => {
  it('is deterministic for a seed', () => {
    const a = createRng(7);
    const b = createRng(7);
    const xs = Array.from({ length: 20 }, () => a.nextUint32());
    expect(Array.from({ length: 20 }, () => b.nextUint32())).toEqual(xs);
    expect(new Set(xs).size).toBe(20);
  });

  it('splits independent streams: draws from one do not shift another', () => {
    const root1 = createRng(1);
    const root2 = createRng(1);
    const s1 = root1.split('combat');
    root2.split('weather').float();
    const s2 = root2.split('combat');
    expect([s1.float(), s1.float()]).toEqual([s2.float(), s2.float()]);
    expect(createRng(1).split('a').float()).not.toBe(createRng(1).split('b').float());
  });

  it('draws integers within bounds, roughly uniformly', () => {
    const rng = createRng('uniform');
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[rng.int(0, 3)]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (min, span) => {
        const x = createRng(min * 31 + span).int(min, min + span);
        return Number.isInteger(x) && x >= min && x <= min + span;
      }),
    );
  });

  it('shuffles into a permutation', () => {
    const rng = createRng(3);
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = rng.shuffle(items);
    expect([...out].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: null }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":null,"z":0}]},"b":1}',
    );
  });

  it('is insensitive to key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        return canonicalJson(obj) === canonicalJson(reversed);
      }),
    );
  });

  it('hashes with SHA-256', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
