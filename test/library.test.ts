import { describe, expect, it } from 'vitest';
import * as alliances from '../src/index.js';

describe('the library API', () => {
  it('runs a built-in scenario and checks its own world', () => {
    const scenario = alliances.resolveScenario(alliances.DEFAULT_SCENARIO);
    const result = alliances.runScenario(scenario, { seed: 7 });
    expect(result.milestones.every((m) => m.reached || m.outcome)).toBe(true);
    expect(alliances.logHash(result.events)).toBe(result.hash);
    expect(alliances.worldViolations(result.world)).toEqual([]);
    expect(
      alliances.renderChronicle(result.events, alliances.namesOf(alliances.buildWorld(scenario.spec))).length,
    ).toBeGreaterThan(100);
  });
});
