import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from './cli-harness.js';

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
    expect(out.points[0]).toMatchObject({
      factions: 8,
      days: 1,
      ticks: 25,
      peakRssMB: expect.any(Number),
      usPerEvent: expect.any(Number),
    });
    expect(out.exponent).toBeNull();
    expect(out.eventsExponent).toBeNull();
  });

  it('refuses a bad count', () => {
    const r = runCli(['bench', 'autonomous', '--runs', 'many']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--runs');
  });
});

describe('alliances generate', () => {
  it('prints a scenario that validates and runs autonomously, the same every time', () => {
    const dir = tempDir();
    const file = join(dir, 'g.json');
    const r = runCli(['generate', '--factions', '9', '--days', '2', '--seed', '3']);
    expect(r.status, r.stderr).toBe(0);
    writeFileSync(file, r.stdout);
    expect(JSON.parse(r.stdout).factions).toHaveLength(9);
    expect(runCli(['validate', file]).stdout).toBe('ok\n');
    const run = (seed: string) =>
      JSON.parse(
        runCli(['run', file, '--mode', 'autonomous', '--no-store', '--json', '--seed', seed]).stdout,
      );
    const a = run('4');
    expect(a.scenario).toBe('generated-9');
    expect(run('4').hash).toBe(a.hash);
    expect(runCli(['generate', '--factions', '1']).status).toBe(2);
  });
});
