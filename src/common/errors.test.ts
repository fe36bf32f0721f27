import { describe, expect, it } from 'vitest';
import { InvariantError, must } from './errors.js';

describe('must', () => {
  it('returns a value that is there, falsy values included', () => {
    expect(must(0, 'count')).toBe(0);
    expect(must('', 'name')).toBe('');
    expect(must(new Map([['a', 1]]).get('a'), 'entry a')).toBe(1);
  });

  it('throws an InvariantError naming what was missing', () => {
    expect(() => must([1, 2][5], 'row 5')).toThrow(new InvariantError('missing row 5'));
    expect(() => must(undefined, () => 'ship s1')).toThrow('missing ship s1');
    expect(() => must(null, 'parent')).toThrow('missing parent');
  });
});
