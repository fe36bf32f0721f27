import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, formatTime, parseDuration } from './time.js';

describe('simulated time', () => {
  it('parses durations in days, hours and minutes', () => {
    expect(parseDuration('20h')).toBe(1200);
    expect(parseDuration('1d 6h 30m')).toBe(1830);
    expect(parseDuration('-14d')).toBe(-20160);
    expect(parseDuration(1.5)).toBe(90);
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration('5')).toBeUndefined();
  });

  it('formats times and durations', () => {
    expect(formatTime(0)).toBe('D1 00:00');
    expect(formatTime(1830)).toBe('D2 06:30');
    expect(formatDuration(1830)).toBe('1d 6h 30m');
    expect(formatDuration(0)).toBe('0m');
  });

  it('round-trips every duration through its text', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        (m) => parseDuration(formatDuration(m)) === m,
      ),
    );
  });
});
