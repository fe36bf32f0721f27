import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/loader.js';
import { runScenario } from '../run.js';

const scenarioFrom = (text: string) => loadScenario(text, 'test.yaml');

/**
 * Blue's ship waits at a rendezvous for its envoy Eve, who is held far away and will not come;
 * Red, an ally in all but name, proposes talks while Blue waits. The script ends at 1h; from then on
 * the leaders decide.
 */
const scenario = scenarioFrom(`
version: 1
id: promise
title: A promise kept
duration: 2d
locations:
  - { id: here, name: Here }
  - { id: there, name: There }
  - { id: far, name: Far, controlledBy: red }
distances:
  - { between: [here, there], distance: 2 }
  - { between: [here, far], distance: 40 }
  - { between: [there, far], distance: 40 }
factions:
  - { id: blue, name: Blue, culture: blue, leader: ada }
  - { id: red, name: Red, culture: red, leader: rex }
persons:
  - { id: ada, name: Ada, faction: blue, role: leader, aboard: blue-ship, contacts: [rex] }
  - { id: eve, name: Eve, faction: blue, role: envoy, at: far, status: detained }
  - { id: rex, name: Rex, faction: red, role: leader, aboard: red-ship, contacts: [ada] }
forces:
  - { id: blue-ship, name: Blue One, faction: blue, at: here, speeds: { march: 0.5 } }
  - { id: red-ship, name: Red One, faction: red, at: there }
relations:
  - { from: blue, to: red, mutual: true, status: neutral, affinity: 0.8, trust: { positive: 6, negative: 0 } }
script:
  - { at: 0h, actor: ada, do: { type: await-rendezvous, ship: blue-ship, person: eve, at: here, within: 12h } }
  - { at: 0h, actor: rex, do: { type: send-message, to: [ada], topic: proposal, text: Let us talk } }
`);

describe('a proposal of talks received while the flagship waits at a rendezvous', () => {
  it('is agreed without leaving, and the visit is made once the rendezvous is over', () => {
    const runs = Array.from({ length: 12 }, (_, i) =>
      runScenario(scenario, { seed: i + 1, mode: 'mixed', scriptUntil: 60 as never }),
    );
    const agreed = runs.filter((r) =>
      r.events.some((e) => e.type === 'decision-made' && e.choice === 'agree-to-talks'),
    );
    expect(agreed.length).toBeGreaterThan(0);
    for (const r of agreed) {
      const missed = r.events.find((e) => e.type === 'rendezvous-missed')!;
      expect(missed).toBeDefined();
      const departures = r.events.filter((e) => e.type === 'ship-departed' && e.ship === 'blue-ship');
      // Not before the rendezvous is over, then to Red.
      expect(departures.every((e) => e.seq > missed.seq)).toBe(true);
      expect(departures[0]).toMatchObject({ to: 'there' });
      expect(
        r.events.some((e) => e.type === 'decision-made' && String(e.question).startsWith('visit-promised:')),
      ).toBe(true);
    }
  });
});
