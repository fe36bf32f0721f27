/**
 * Leaders ashore go to a conference on their own, by the world's means of travel: a journey to the
 * venue's place in time for the opening, then into the hall.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/agents/run.js';
import { loadScenario } from '../../src/scenario/loader.js';

const world = loadScenario(
  `
version: 1
id: congress
title: A congress
duration: 4d
physics:
  travel: { verb: takes the coach, speed: 10 }
locations:
  - { id: north, name: the northern capital, kind: capital, controlledBy: north }
  - { id: south, name: the southern capital, kind: capital, controlledBy: south }
  - { id: hall, name: the congress hall, kind: hall, parent: south, controlledBy: south }
distances:
  - { between: [north, south], distance: 200 }
factions:
  - { id: north, name: the North, culture: north, leader: nora }
  - { id: south, name: the South, culture: south, leader: sam }
persons:
  - { id: nora, name: Queen Nora, faction: north, role: leader, at: north }
  - { id: sam, name: King Sam, faction: south, role: leader, at: south }
script:
  - at: 1h
    event: { type: conference-proposed, conference: congress, title: the congress of the South, proposer: sam, host: south, venue: hall, invitees: [north], opensAt: 4320 }
  - at: 2h
    event: { type: invitation-answered, conference: congress, faction: north, by: nora, answer: attend }
`,
  'congress.yaml',
);

describe('a leader ashore goes to a conference', () => {
  it('sets out in time at the speed of travel, arrives, and goes into the hall before it opens', () => {
    const { events } = runScenario(world, { seed: 1, mode: 'autonomous' });
    const journey = events.find((e) => e.type === 'journey-begun' && e.person === 'nora');
    // 200 at 10 an hour: 20 hours; she sets out once the journey takes all but six hours of the time left.
    expect(journey).toMatchObject({ to: 'south' });
    expect(journey && journey.t).toBeGreaterThanOrEqual(72 * 60 - 26 * 60);
    expect(journey && journey.t).toBeLessThan(72 * 60 - 20 * 60);
    const inHall = events.find(
      (e) =>
        e.type === 'person-moved' &&
        e.person === 'nora' &&
        e.to.kind === 'location' &&
        e.to.location === 'hall',
    );
    expect(inHall).toBeDefined();
    expect(inHall && inHall.t).toBeLessThanOrEqual(72 * 60);
  });
});
