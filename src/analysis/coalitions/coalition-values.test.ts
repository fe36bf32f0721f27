import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectOnlyInputErrors, renderedProblems } from '../../../test/input-errors.js';
import { parseCoalitionValues } from './coalition-values.js';

const problems = (text: string): string[] => renderedProblems(() => parseCoalitionValues(text, 'v.txt'));

describe('parseCoalitionValues', () => {
  it('reads one value per line, line k for bitmask k', () => {
    const r = parseCoalitionValues('0\n1\n2.5\n-4e1\n', 'v.txt');
    expect(r.agents).toBe(2);
    expect(Array.from(r.values)).toEqual([0, 1, 2.5, -40]);
    expect(parseCoalitionValues('0\r\n7', 'v.txt').values[1]).toBe(7);
  });

  it('rejects a length that is not a power of two, at the last line', () => {
    expect(problems('0\n1\n2\n')).toEqual([
      'v.txt:3:1: the file has 3 values; it needs 2^n (one per coalition of n agents) (the nearest sizes are 2 (n = 1) and 4 (n = 2))',
    ]);
    expect(problems('0\n')[0]).toMatch(/has 1 values/);
  });

  it('locates values that are not numbers, blank lines, and a non-zero v(∅)', () => {
    expect(problems('0\nx1\n\n3\n')).toEqual([
      'v.txt:2:1: "x1" is not a number',
      'v.txt:3:1: blank line (one value per line, line k = v(coalition with bitmask k))',
    ]);
    expect(problems('5\n1\n')).toEqual(['v.txt:1:1: line 1 is v(∅) and must be 0, got 5']);
  });

  it('never throws anything but an InputError on arbitrary text', () => {
    expectOnlyInputErrors(
      fc.string(),
      (text) => {
        const r = parseCoalitionValues(text, 'fuzz.txt');
        expect(r.values.length).toBe(2 ** r.agents);
      },
      500,
    );
  });
});
