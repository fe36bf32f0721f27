import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/loader.js';
import { runScenario } from '../run.js';

const scenarioFrom = (text: string) => loadScenario(text, 'test.yaml');

/** Two factions at war whose ships share a place; the first has `red` ships of firepower 1. */
const warAt = (red: number, aggression: number, caution = 0.2) =>
  scenarioFrom(`
version: 1
id: skirmish
title: A skirmish
duration: 2h
locations: [{ id: field, name: the Field }]
factions:
  - { id: red, name: Red, culture: red, leader: rex }
  - { id: blue, name: Blue, culture: blue, leader: ada }
persons:
  - { id: rex, name: Rex, faction: red, role: leader, aboard: red-fleet, personality: { aggression: ${aggression}, caution: ${caution} } }
  - { id: ada, name: Ada, faction: blue, role: leader, aboard: blue-ship, personality: { aggression: 0.1, caution: 0.9 } }
forces:
  - { id: red-fleet, name: Red Fleet, faction: red, count: ${red}, at: field }
  - { id: blue-ship, name: Blue One, faction: blue, at: field }
relations:
  - { from: red, to: blue, mutual: true, status: war, affinity: -1 }
`);

const attacks = (red: number, aggression: number, caution?: number) =>
  runScenario(warAt(red, aggression, caution), { seed: 1, mode: 'autonomous' }).events.filter(
    (e) => e.type === 'decision-made' && e.decision === 'attack',
  );

describe('attack decisions', () => {
  it('an aggressive leader with a clear local advantage attacks, saying why', () => {
    const [d] = attacks(4, 0.9);
    expect(d).toMatchObject({ actor: 'rex', question: 'attack:blue', choice: 'attack' });
    const option = d?.type === 'decision-made' ? d.options.find((o) => o.option === 'attack') : undefined;
    expect(option?.terms.map((t) => t.name)).toEqual([
      'advantage',
      'aggression',
      'grievances',
      'risk',
      'judgement',
    ]);
  });

  it('no one starts a fight without a clear advantage', () => {
    // Even odds are below what an aggressive but not reckless temper accepts (1.5 + 2·caution −
    // aggression = 1.1 to one); only the most reckless (aggression 0.9, odds 1.0) weighs them, and
    // then it is a close call.
    expect(attacks(1, 0.8)).toEqual([]);
  });

  it('a peaceable, cautious leader holds fire even when stronger', () => {
    expect(attacks(4, 0, 0.9)).toEqual([]);
  });
});
