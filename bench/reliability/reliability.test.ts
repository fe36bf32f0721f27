/**
 * Small versions of `npm run fuzz` and `npm run kill-test` (their full figures are in
 * BENCHMARKS.md): mutated scenarios never escape the loader's located errors, and runs killed at
 * random moments never leave a half-written tick.
 */
import { describe, expect, it } from 'vitest';
import { runFuzz } from './fuzz.js';
import { runKillTest } from './kill.js';

describe('reliability', () => {
  it('fuzz: 200 mutated scenarios, no uncaught exception, every error located', async () => {
    const report = await runFuzz({ cases: 200, seed: 1, threads: 1 });
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ cases: 200, uncaught: 0, unlocated: 0 });
    expect(report.loaded).toBeGreaterThan(10);
    expect(report.refused).toBeGreaterThan(100);
  });

  it('kill test: runs killed at random moments keep whole ticks, and the database checks out', async () => {
    const report = await runKillTest({ kills: 6, factions: 12, days: 10 });
    expect(report.check.problems).toEqual([]);
    expect(report).toMatchObject({ halfWrittenTicks: 0, differing: 0 });
    expect(report.runs).toBeGreaterThan(1);
  });
});
