import { describe, expect, it } from 'vitest';
import { InputError } from '../common/errors.js';
import { runScenario } from '../agents/run.js';
import { generateScenario, generateScenarioInput } from './generate.js';
import { loadScenario } from './loader.js';
import { chronicleEntries } from '../engine/chronicle.js';
import { namesOf } from '../events/telling.js';

describe('generateScenario', () => {
  const scenario = generateScenario({ factions: 12, days: 3, seed: 5 });

  it('is a valid scenario of the requested size, reloadable from its own text', () => {
    expect(scenario.spec.factions).toHaveLength(12);
    expect(scenario.spec.duration).toBe(3 * 24 * 60);
    expect(loadScenario(scenario.text, scenario.file).spec).toEqual(scenario.spec);
  });

  it('is a function of its options', () => {
    expect(JSON.stringify(generateScenarioInput({ factions: 12, days: 3, seed: 5 }))).toBe(scenario.text);
    expect(JSON.stringify(generateScenarioInput({ factions: 12, days: 3, seed: 6 }))).not.toBe(scenario.text);
  });

  it('keeps relations and routes local: only between grid neighbours and to the hub', () => {
    const big = generateScenario({ factions: 64, days: 30 }).spec;
    const perFaction = new Map<string, number>();
    for (const r of big.relations) perFaction.set(r.from, (perFaction.get(r.from) ?? 0) + 1);
    // Eight neighbours at most, each pair described once (mutual) or twice (one each way).
    for (const count of perFaction.values()) expect(count).toBeLessThanOrEqual(8);
    for (const d of big.distances) expect(d.distance).toBeLessThan(20);
    // Raids, one per faction per 45 days or so, all within the run and in time order.
    const raids = big.script.map((s) => s.at);
    expect(raids.length).toBe(Math.round((64 * 30) / 45));
    expect([...raids].sort((a, b) => a - b)).toEqual(raids);
    expect(raids.every((at) => at >= 0 && at < big.duration)).toBe(true);
  });

  it('draws a world of land and sea in its own words: hosts, galleys, couriers, nothing of a starship', () => {
    expect(scenario.spec.physics.distanceUnit).toBe('leagues');
    expect(scenario.spec.forces.map((f) => f.class)).toContain('galleys');
    const run = runScenario(generateScenario({ factions: 12, days: 10, seed: 5 }), {
      seed: 1,
      mode: 'autonomous',
    });
    const told = chronicleEntries(run.events, namesOf(run.world))
      .map((e) => e.text)
      .join('\n');
    expect(told).toMatch(/the host of f-\d+/);
    expect(told).not.toMatch(
      /\b(warp|impulse|beam|transporter|shields|antimatter|dilithium|subspace|starship)/i,
    );
  });

  it('runs autonomously, the same seed giving the same log', () => {
    const a = runScenario(scenario, { seed: 2, mode: 'autonomous' });
    const b = runScenario(generateScenario({ factions: 12, days: 3, seed: 5 }), {
      seed: 2,
      mode: 'autonomous',
    });
    expect(a.hash).toBe(b.hash);
    expect(a.events.at(-1)!.type).toBe('run-ended');
    expect(a.events.some((e) => e.type === 'engagement')).toBe(true);
    expect(a.events.some((e) => e.type === 'decision-made')).toBe(true);
  });

  it('starts with treaties in force: leagues with a leader, conditional and secret pledges signed years ago, wars, principles over acts', () => {
    const big = generateScenario({ factions: 40, days: 30, seed: 1 }).spec;
    const leagues = big.agreements.filter((a) => a.leader !== undefined);
    expect(leagues.length).toBeGreaterThan(0);
    for (const l of leagues) expect(l.parties).toContain(l.leader);
    expect(big.agreements.every((a) => a.signed < 0)).toBe(true);
    expect(big.agreements.some((a) => a.secret)).toBe(true);
    const pledges = big.agreements.flatMap((a) => a.provisions);
    expect(pledges.some((p) => 'against' in p && Array.isArray(p.against))).toBe(true);
    expect(pledges.some((p) => 'unlessProvoked' in p && p.unlessProvoked)).toBe(true);
    expect(pledges.some((p) => 'support' in p && p.support !== 'active')).toBe(true);
    expect(big.wars.length).toBeGreaterThan(0);
    // Principles over acts go only to factions the script never has raid another.
    const raiders = new Set(big.script.map((s) => (s.event?.type === 'engagement' ? s.event.initiator : '')));
    const holders = big.factions.filter((f) => f.principles.some((p) => p.forbids.acts.length > 0));
    expect(holders.length).toBeGreaterThan(0);
    for (const f of holders) expect(raiders.has(f.id)).toBe(false);
  });

  it('refuses sizes that make no world, or one too large to draw or run', () => {
    expect(() => generateScenarioInput({ factions: 1 })).toThrow(InputError);
    expect(() => generateScenarioInput({ days: 0 })).toThrow(InputError);
    expect(() => generateScenarioInput({ factions: 1_000_000_000 })).toThrow(
      /2 to 10,000 factions, not 1000000000/,
    );
    expect(() => generateScenarioInput({ days: 99_999 })).toThrow(/1 to 3650 days/);
  });
});
