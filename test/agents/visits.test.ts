/**
 * Visits aboard another's ship (src/agents/questions/talks.ts, envoys.ts): a leader going aboard
 * for talks does not also go home in the same tick, and members aboard with their leader go home
 * with it, once — no move undone within the day, no intent carried out twice.
 */
import { describe, expect, it } from 'vitest';
import { measureCoherence } from '../../src/agents/coherence.js';
import { runScenario } from '../../src/agents/run.js';
import type { WorldEvent } from '../../src/events/index.js';
import { scenarioFrom } from '../support.js';

/** Blue's leader Ada and her aide Bo, guests aboard Red's barge, with barges of all three at hand. */
const harbour = (script: string) => `
version: 1
id: harbour
title: Guests in a harbour
duration: 6h
tick: 1h
locations:
  - { id: harbour, name: the harbour }
factions:
  - { id: blue, name: Blue, culture: blue, leader: ada }
  - { id: red, name: Red, culture: red, leader: rex }
  - { id: green, name: Green, culture: green, leader: gil }
persons:
  - { id: ada, name: Ada, faction: blue, role: leader, aboard: red-ship }
  - { id: bo, name: Bo, faction: blue, role: aide, aboard: red-ship, influence: { ada: 0.5 } }
  - { id: rex, name: Rex, faction: red, role: leader, aboard: red-ship }
  - { id: gil, name: Gil, faction: green, role: leader, aboard: green-ship }
forces:
  - { id: blue-ship, name: the Blue barge, faction: blue, at: harbour, firepower: 1 }
  - { id: red-ship, name: the Red barge, faction: red, at: harbour, firepower: 1 }
  - { id: green-ship, name: the Green barge, faction: green, at: harbour, firepower: 1 }
${script}`;

const TALKS = `script:
  - at: 0h
    event: { type: negotiation-opened, negotiation: blue-green, parties: [blue, green], initiator: green, aboard: green-ship }
`;

const run = (text: string) => {
  const scenario = scenarioFrom(text);
  const { events } = runScenario(scenario, { seed: 1, mode: 'autonomous' });
  return { events, coherence: measureCoherence(scenario.spec, events) };
};

/** Where a person was moved, in order, with the time. */
const movesOf = (events: readonly WorldEvent[], person: string) =>
  events.flatMap((e) =>
    e.type === 'person-moved' && e.person === person && e.to.kind === 'ship'
      ? [{ t: e.t, to: e.to.ship }]
      : [],
  );

describe('visits aboard another’s ship', () => {
  it('a leader going aboard for talks goes there only, not home as well', () => {
    const { events, coherence } = run(harbour(TALKS));
    const moves = movesOf(events, 'ada');
    expect(moves[0]).toEqual({ t: 0, to: 'green-ship' });
    expect(moves.filter((m) => m.t === 0)).toHaveLength(1);
    expect(coherence.reversedMoves).toBe(0);
  });

  it('members aboard with their leader go home with it, once', () => {
    const { events, coherence } = run(harbour(''));
    expect(movesOf(events, 'ada')).toEqual([{ t: 0, to: 'blue-ship' }]);
    expect(movesOf(events, 'bo')).toEqual([{ t: 0, to: 'blue-ship' }]);
    expect(coherence.duplicateIntents).toBe(0);
  });
});
