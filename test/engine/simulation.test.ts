import { runScenario } from '../../src/agents/run.js';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/common/canonical-json.js';
import { worldViolations } from '../../src/model/invariants.js';
import { logHash } from '../../src/engine/log-hash.js';
import { simulate } from '../../src/engine/simulation.js';
import { defaultScenario, scenarioFrom } from '../support.js';

/**
 * The identity of the default scenario's canonical replay. A change to the engine, the rules or the
 * scenario that changes the story changes this hash: update it deliberately, after reading the new
 * chronicle (`alliances run --no-store`).
 */
const GOLDEN_HASH_SEED_1 = '2625b99aace51fff83a5e1917d1aab05cba7acac8bdd0e1c8ad05497e12bc5cc';

describe('the delta-quadrant scenario, scripted', () => {
  const result = runScenario(defaultScenario(), { seed: 1 });

  it('reaches all twelve milestones of the story, in order', () => {
    const story = result.milestones.filter((m) => !m.outcome);
    expect(story).toHaveLength(12);
    for (const m of story) expect(m, m.id).toMatchObject({ reached: true });
    const seqs = story.map((m) => m.seq!);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });

  it('has the golden hash', () => {
    expect(result.hash).toBe(GOLDEN_HASH_SEED_1);
  });

  it('is the SHA-256 of the canonical log, and the same for the same seed', () => {
    expect(logHash(result.events)).toBe(result.hash);
    const again = runScenario(defaultScenario(), { seed: 1 });
    expect(canonicalJson(again.events)).toBe(canonicalJson(result.events));
  });

  it('differs with the seed where chance enters, and still tells the whole story', () => {
    for (const seed of [2, 7, 1234]) {
      const other = runScenario(defaultScenario(), { seed });
      expect(other.hash).not.toBe(result.hash);
      expect(other.milestones.every((m) => m.reached || m.outcome)).toBe(true);
    }
  });

  it('numbers events from 0 with non-decreasing time, and ends sound', () => {
    result.events.forEach((e, i) => expect(e.seq).toBe(i));
    for (let i = 1; i < result.events.length; i++)
      expect(result.events[i]!.t).toBeGreaterThanOrEqual(result.events[i - 1]!.t);
    expect(result.events[0]!.type).toBe('run-started');
    expect(result.events.at(-1)!.type).toBe('run-ended');
    expect(worldViolations(result.world)).toEqual([]);
  });

  it('keeps the Federation within its principles: no violation, no rejected intent', () => {
    expect(result.events.filter((e) => e.type === 'principle-violated')).toEqual([]);
    expect(result.events.filter((e) => e.type === 'intent-rejected')).toEqual([]);
  });

  it('hands each tick to onTick, in order, covering the whole log', () => {
    const ticks: number[] = [];
    let seen = 0;
    runScenario(defaultScenario(), {
      seed: 1,
      onTick: (events, t) => {
        ticks.push(t);
        for (const e of events) expect(e.seq).toBe(seen++);
      },
    });
    expect(seen).toBe(result.events.length);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBe(defaultScenario().spec.duration);
  });
});

const SMALL = `
version: 1
id: small
title: Two factions
duration: 6h
locations: [{ id: here, name: Here }, { id: there, name: There }]
distances: [{ between: [here, there], distance: 1 }]
factions:
  - id: blue
    name: Blue
    culture: blue
    leader: ada
    principles:
      - { id: no-tech, text: No technology leaves the fleet, forbids: { provisions: [{ kind: technology-transfer, giver: self }] } }
  - { id: red, name: Red, culture: red, leader: rex }
persons:
  - { id: ada, name: Ada, faction: blue, role: leader, aboard: blue-ship }
  - { id: bo, name: Bo, faction: blue, role: officer, aboard: blue-ship }
  - { id: rex, name: Rex, faction: red, role: leader, aboard: red-ship }
forces:
  - { id: blue-ship, name: Blue One, faction: blue, at: here }
  - { id: red-ship, name: Red One, faction: red, at: here }
script:
  - { at: 0h, actor: ada, do: { type: meet, negotiation: talks, with: [red], aboard: blue-ship } }
  - { at: 1h, actor: ada, do: { type: propose, negotiation: talks, provisions: [{ kind: non-aggression }] } }
  - { at: 1h, actor: rex, do: { type: counter, negotiation: talks, kind: demand, add: [{ kind: technology-transfer, technology: warp }] } }
  - { at: 2h, actor: ada, do: { type: accept, negotiation: talks } }
  - { at: 2h, actor: bo, do: { type: walk-out, negotiation: talks } }
  - { at: 3h, actor: ada, do: { type: move, ship: blue-ship, to: there } }
milestones:
  - id: refused
    title: Blue cannot accept a technology transfer
    steps: [{ event: intent-rejected, where: { actor: ada, rule: 'principle:no-tech' } }]
  - id: arrived
    title: Blue One reaches There
    steps: [{ event: ship-arrived, where: { ship: blue-ship, location: there } }]
`;

describe('rules in a small world', () => {
  const result = simulate(scenarioFrom(SMALL), { seed: 1 });
  const rejected = result.events.filter((e) => e.type === 'intent-rejected');

  it('refuses to accept terms a principle forbids, naming the principle', () => {
    expect(rejected[0]).toMatchObject({ actor: 'ada', intent: 'accept', rule: 'principle:no-tech' });
  });

  it('refuses commitments from someone who is not the leader', () => {
    expect(rejected[1]).toMatchObject({ actor: 'bo', intent: 'walk-out', rule: 'authority.leader' });
  });

  it('refuses only what breaks a rule: the demand itself and the voyage go through', () => {
    expect(result.events.some((e) => e.type === 'offer-made' && e.kind === 'demand')).toBe(true);
    expect(result.milestones.map((m) => m.reached)).toEqual([true, true]);
    expect(result.world.ships['blue-ship' as never]).toMatchObject({ location: 'there', course: null });
  });
});
