import { describe, expect, it } from 'vitest';
import { acceptableOdds } from './war.js';

const temper = (caution: number, aggression: number) => ({
  caution,
  aggression,
  pride: 0.5,
  honour: 0.5,
  patience: 0.5,
  suspicion: 0.5,
});

describe('acceptableOdds', () => {
  it('asks two to one of the unremarkable, more of the cautious and meek, less of the reckless', () => {
    expect(acceptableOdds(temper(0.5, 0.5))).toBe(2);
    expect(acceptableOdds(temper(1, 0))).toBe(3.5);
    expect(acceptableOdds(temper(0, 1))).toBe(0.5);
    expect(acceptableOdds(temper(0.8, 0.5))).toBeGreaterThan(acceptableOdds(temper(0.5, 0.5)));
    expect(acceptableOdds(temper(0.5, 0.8))).toBeLessThan(acceptableOdds(temper(0.5, 0.5)));
  });
});
