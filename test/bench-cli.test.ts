import { describe, expect, it } from 'vitest';
import { runCli } from './cli-harness.js';

describe('alliances bench autonomous / scaling', () => {
  it('prints {runs, runsPerSecond, eventsPerSecond, …} for delta-quadrant', () => {
    const r = runCli(['bench', 'autonomous', '--json', '--runs', '2', '--days', '1']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      runs: 2,
      days: 1,
      runsPerSecond: expect.any(Number),
      eventsPerSecond: expect.any(Number),
    });
  });

  it('runs one generated size in a child process and reports its peak memory', () => {
    const r = runCli(['bench', 'scaling', '--json', '--factions', '8', '--days', '1']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.points).toHaveLength(1);
    expect(out.points[0]).toMatchObject({ factions: 8, days: 1, ticks: 25, peakRssMB: expect.any(Number) });
    expect(out.exponent).toBeNull();
  });

  it('refuses a bad count', () => {
    const r = runCli(['bench', 'autonomous', '--runs', 'many']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--runs');
  });
});
