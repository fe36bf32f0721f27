/**
 * When leaders ask and how they move (test/fixtures/leaders/): a question is asked again only on
 * news it reads, one order per person and act in a tick, withdrawal away from every threat and
 * never from one that can overtake it, and no journey into the arms of a threat it would flee.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../src/engine/initial-world.js';
import type { WorldEvent } from '../../src/events/index.js';
import { id } from '../../src/model/ids.js';
import { distanceBetween } from '../../src/model/world.js';
import { placesOf } from '../../src/model/world-index.js';
import { runScenario } from '../../src/agents/run.js';
import { scenarioFrom } from '../support.js';

const fixture = (name: string) => readFileSync(`test/fixtures/leaders/${name}.yaml`, 'utf8');
const run = (text: string) => runScenario(scenarioFrom(text), { seed: 1, mode: 'autonomous' });
const decisionsOf = (events: readonly WorldEvent[], faction: string, question: string) =>
  events.filter((e) => e.type === 'decision-made' && e.faction === faction && e.question === question);

describe('leaders ask again only on news', () => {
  it('a leader whose inputs have not changed is not asked again', () => {
    const asked = decisionsOf(run(fixture('alone')).events, 'red', 'security');
    expect(asked.map((e) => [e.t, e.type === 'decision-made' && e.choice])).toEqual([[0, 'stand-alone']]);
  });

  it('news the question reads asks it again', () => {
    const news = `
script:
  - at: 40h
    event: { type: grievance-added, from: red, to: blue, grievance: raid-2, cause: another raid, weight: 0.3, halfLife: 43200 }
`;
    const asked = decisionsOf(run(fixture('alone') + news).events, 'red', 'security');
    expect(asked.map((e) => e.t)).toEqual([0, 40 * 60]);
  });

  it('asked again on news that changes nothing it weighs, the leader does not decide again', () => {
    // Green sends Red its regards: news to the question, but no term of it changes.
    const news = `
script:
  - at: 40h
    event: { type: relation-changed, from: green, to: red, affinityDelta: 0, cause: regards from Green }
`;
    // The raid remembered undiminished (its weight would otherwise fade hour by hour), nothing Red
    // weighs changes with time.
    const calm = fixture('alone').replace('since: -1d }', 'since: -1d, halfLife: 0 }');
    expect(calm).not.toBe(fixture('alone'));
    const r = run(calm + news);
    expect(r.events.some((e) => e.type === 'relation-changed' && e.t === 40 * 60)).toBe(true);
    expect(decisionsOf(r.events, 'red', 'security').map((e) => e.t)).toEqual([0]);
  });

  it('the same seed gives the same log', () => {
    expect(run(fixture('alone')).hash).toBe(run(fixture('alone')).hash);
  });
});

describe('one order per person and per act in a tick', () => {
  it('duplicate intents in one tick are merged: the leader takes the party home, the adviser moves once', () => {
    const moves = run(fixture('guests')).events.filter((e) => e.type === 'person-moved');
    expect(moves.map((e) => (e.type === 'person-moved' ? [e.t, e.person] : null))).toEqual([
      [0, 'mia'],
      [0, 'rex'],
    ]);
  });
});

describe('withdrawal', () => {
  it('goes away from every threat, not to the nearest quiet place', () => {
    const r = run(fixture('flight'));
    const departed = r.events.find((e) => e.type === 'ship-departed' && e.ship === 'red-ship');
    expect(departed).toMatchObject({ from: 'here', to: 'away' });
    // Farther from each place Blue holds than where it fled from.
    const to = departed?.type === 'ship-departed' ? departed.to : id.location('here');
    const start = buildWorld(scenarioFrom(fixture('flight')).spec);
    const threats = placesOf(start, id.faction('blue'));
    expect(threats).toEqual(['base', 'here']);
    for (const place of threats)
      expect(distanceBetween(start, to, place)).toBeGreaterThan(
        distanceBetween(start, id.location('here'), place),
      );
  });

  it('does not run from a threat that can overtake it', () => {
    const faster = fixture('flight').replace(
      '{ id: blue-fleet, name: Blue Fleet, faction: blue, count: 4, at: here }',
      '{ id: blue-fleet, name: Blue Fleet, faction: blue, count: 4, speeds: { march: 2 }, at: here }',
    );
    expect(faster).not.toBe(fixture('flight'));
    const r = run(faster);
    expect(r.events.some((e) => e.type === 'ship-departed' && e.ship === 'red-ship')).toBe(false);
    expect(decisionsOf(r.events, 'red', 'withdraw')).toEqual([]);
  });

  it('a leader does not seek out a hostile faction that outguns it, to flee it on arrival', () => {
    const r = run(fixture('suitors'));
    const setOut = r.events.filter((e) => e.type === 'ship-departed' && e.ship === 'red-ship');
    expect(setOut.map((e) => (e.type === 'ship-departed' ? e.to : null))).toEqual(['near']);
    expect(
      r.events.some((e) => e.type === 'agreement-concluded' && e.parties.includes(id.faction('yellow'))),
    ).toBe(true);
  });
});
