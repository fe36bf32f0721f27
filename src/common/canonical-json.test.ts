import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

/** The definition, written the plain way: sorted keys, undefined members dropped, JSON scalars. */
function reference(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : JSON.stringify(value);
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : reference(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(obj[k])}`).join(',')}}`;
}

describe('canonicalJson', () => {
  it('sorts keys, drops undefined members and writes -0 as 0 (hand-computed)', () => {
    expect(canonicalJson({ b: 1, a: [true, null, -0, 'x"y'], c: undefined, '10': { z: 1.5, y: 2e21 } })).toBe(
      '{"10":{"y":2e+21,"z":1.5},"a":[true,null,0,"x\\"y"],"b":1}',
    );
  });

  it('agrees with the plain definition on arbitrary JSON-like values', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(
        fc.string(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
      ),
      node: fc.oneof(
        { depthSize: 'small' },
        tie('leaf'),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string(), fc.oneof(tie('node'), fc.constant(undefined)), { maxKeys: 5 }),
      ),
    })).node;
    fc.assert(fc.property(value, (v) => canonicalJson(v) === reference(v)));
  });

  it('agrees on any UTF-16 text, lone surrogates and control characters included, in keys and values', () => {
    const text = fc.string({ unit: 'binary', maxLength: 8 });
    const value = fc.dictionary(text, fc.oneof(text, fc.array(text, { maxLength: 3 })), { maxKeys: 5 });
    fc.assert(
      fc.property(fc.array(value, { maxLength: 4 }), (vs) =>
        vs.every((v) => canonicalJson(v) === reference(v)),
      ),
    );
  });

  it('tells apart objects whose keys joined by NUL read the same', () => {
    // Shapes are remembered by their keys joined by NUL; a key holding a NUL must not be mistaken.
    expect(canonicalJson({ b: 2, a: 1 })).toBe('{"a":1,"b":2}');
    expect(canonicalJson({ 'b\u0000a': 3 })).toBe('{"b\\u0000a":3}');
    expect(canonicalJson({ b: 2, a: 1 })).toBe('{"a":1,"b":2}');
    expect(canonicalJson({ 'x\u0000y': 1, z: 2 })).toBe('{"x\\u0000y":1,"z":2}');
    expect(canonicalJson({ x: 1, 'y\u0000z': 2 })).toBe('{"x":1,"y\\u0000z":2}');
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow();
  });
});
