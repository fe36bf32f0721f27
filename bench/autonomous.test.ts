import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/agents/run.js';
import { days } from '../src/model/time.js';
import { resolveScenario } from '../src/runner/builtin-scenarios.js';
import { renderAutonomousBenchmark, runAutonomousBenchmark, withDuration } from './autonomous.js';
import { logLogSlope, measureScalingPoint } from './scaling.js';

describe('the autonomous benchmark', () => {
  it('reports runs, runs per second and events per second for delta-quadrant (tiny run count)', () => {
    const r = runAutonomousBenchmark({ runs: 2, days: 1 });
    expect(r).toMatchObject({
      runs: 2,
      runsPerSecond: expect.any(Number),
      eventsPerSecond: expect.any(Number),
      scenario: 'delta-quadrant',
      days: 1,
      goalRunsPerSecond: 200,
      node: process.version,
    });
    expect(r.runsPerSecond).toBeCloseTo(r.runs / r.seconds, 6);
    expect(r.eventsPerSecond).toBeCloseTo(r.events / r.seconds, 6);
    // The runs timed are seeds 1 and 2, autonomous, one simulated day each.
    const scenario = withDuration(resolveScenario('delta-quadrant'), days(1));
    const events = [1, 2].reduce(
      (n, seed) => n + runScenario(scenario, { seed, mode: 'autonomous' }).events.length,
      0,
    );
    expect(r.events).toBe(events);
    expect(renderAutonomousBenchmark(r)).toContain('delta-quadrant, autonomous, 1 days');
  });
});

describe('the scaling benchmark', () => {
  it('fits the growth exponent as the slope of log cost on log size', () => {
    expect(logLogSlope([1, 2, 4, 8].map((x) => ({ x, y: 3 * x ** 1.5 })))).toBeCloseTo(1.5, 10);
    expect(logLogSlope([{ x: 25, y: 1 }])).toBeNull();
  });

  it('measures one size: ticks, events and memory of a generated run', () => {
    const p = measureScalingPoint(25, 2);
    expect(p).toMatchObject({ factions: 25, days: 2, ticks: 49 });
    expect(p.events).toBeGreaterThan(2); // a raid, and what follows it
    expect(p.peakRssMB).toBeGreaterThan(0);
    expect(p.msPerTick).toBeCloseTo((p.seconds * 1000) / p.ticks, 6);
  });
});
