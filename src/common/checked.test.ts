import { describe, expect, it } from 'vitest';
import { at, get, missing } from './checked.js';
import { InvariantError } from './errors.js';

describe('checked reads', () => {
  it('at returns the element, of an array or a typed array', () => {
    expect(at(['a', 'b'], 1)).toBe('b');
    expect(at(new Float64Array([0, 2.5]), 1)).toBe(2.5);
    // A falsy element is an element.
    expect(at([0, null, ''], 0)).toBe(0);
    expect(at([0, null, ''], 1)).toBeNull();
  });

  it('at throws an InvariantError naming the missing index', () => {
    expect(() => at(['a'], 3, 'actor')).toThrow(InvariantError);
    expect(() => at(['a'], 3, 'actor')).toThrow('actor 3 is missing (length 1)');
    expect(() => at(new Int32Array(2), -1)).toThrow('element -1 is missing (length 2)');
  });

  it('get returns the value of a key, or throws naming the key', () => {
    const m = new Map([['x', 0]]);
    expect(get(m, 'x')).toBe(0);
    expect(() => get(m, 'y', 'issue')).toThrow('issue y is missing');
  });

  it('missing throws an InvariantError', () => {
    const a = new Float64Array(1);
    expect(a[0] ?? missing()).toBe(0);
    expect(() => a[1] ?? missing('weight 1')).toThrow(new InvariantError('weight 1 is missing'));
  });
});
