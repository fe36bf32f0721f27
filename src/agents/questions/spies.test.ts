import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/loader.js';
import { simulate } from '../../engine/simulation.js';
import { runScenario } from '../run.js';

const scenarioFrom = (text: string) => loadScenario(text, 'test.yaml');

/**
 * Blue's crew includes Mole, loyal to Red, who keeps a covert line to Red's Handler; Red's crew
 * includes Plant, loyal to Blue. `script` adds steps.
 */
const world = (suspicion: number, script: string) =>
  scenarioFrom(`
version: 1
id: moles
title: Moles
duration: 12h
locations: [{ id: here, name: Here }]
factions:
  - { id: blue, name: Blue, culture: blue, leader: ada }
  - { id: red, name: Red, culture: red, leader: rex }
persons:
  - { id: ada, name: Ada, faction: blue, role: leader, aboard: blue-ship, personality: { suspicion: ${suspicion} } }
  - { id: mole, name: Mole, faction: blue, loyalty: red, role: crew, aboard: blue-ship, contacts: [handler] }
  - { id: rex, name: Rex, faction: red, role: leader, aboard: red-ship }
  - { id: handler, name: Handler, faction: red, role: officer, aboard: red-ship, contacts: [mole] }
  - { id: plant, name: Plant, faction: red, loyalty: blue, role: crew, aboard: red-ship }
forces:
  - { id: blue-ship, name: Blue One, faction: blue, at: here }
  - { id: red-ship, name: Red One, faction: red, at: here }
relations:
  - { from: blue, to: red, mutual: true, status: hostile }
script:
  - { at: 0h, actor: mole, do: { type: open-covert-channel, channel: mole-line, to: red, contact: handler } }
${script}
`);

describe('searching for spies', () => {
  it('finds a spy with an open covert line in some runs, confines him, closes his line and remembers who planted him', () => {
    const scenario = world(0.5, '  - { at: 1h, actor: ada, do: { type: search-for-spies } }');
    const runs = Array.from({ length: 20 }, (_, i) => simulate(scenario, { seed: i + 1 }));
    const found = runs.filter((r) =>
      r.events.some((e) => e.type === 'spies-sought' && e.exposed.some((x) => x.person === 'mole')),
    );
    const missed = runs.filter((r) =>
      r.events.some((e) => e.type === 'spies-sought' && e.exposed.length === 0),
    );
    expect(found.length).toBeGreaterThan(0);
    expect(missed.length).toBeGreaterThan(0);
    expect(found.length + missed.length).toBe(20);
    const r = found[0]!;
    expect(r.world.persons['mole' as never]).toMatchObject({ status: 'detained' });
    expect(r.world.channels['mole-line' as never]).toMatchObject({ status: 'closed' });
    expect(r.events.some((e) => e.type === 'grievance-added' && e.from === 'blue' && e.to === 'red')).toBe(
      true,
    );
  });

  it('a suspicious leader, seeing one of her own agents exposed, has her own people searched', () => {
    const exposure =
      '  - { at: 2h, event: { type: spies-sought, faction: red, exposed: [{ person: plant, loyalty: blue }] } }';
    const searches = (suspicion: number) =>
      runScenario(world(suspicion, exposure), { seed: 1, mode: 'autonomous' }).events.filter(
        (e) => e.type === 'decision-made' && e.decision === 'search-for-spies',
      );
    const [d] = searches(0.9);
    expect(d).toMatchObject({ actor: 'ada', question: 'spy-hunt', choice: 'search-for-spies' });
    expect(searches(0.3)).toEqual([]);
  });
});
