/**
 * Balancing before bandwagoning (Walt 1987): a weak faction's pull towards allying with the power
 * that threatens it ("no longer a danger") fades as far as another partner could balance that power
 * (src/agents/models/alliances.ts).
 */
import { describe, expect, it } from 'vitest';
import { allianceValue } from '../../src/agents/models/alliances.js';
import { assessThreat } from '../../src/agents/models/threat.js';
import { FactionView } from '../../src/agents/view.js';
import { buildWorld } from '../../src/engine/initial-world.js';
import { id } from '../../src/model/ids.js';
import { scenarioFrom } from '../support.js';

/** A small kingdom beside a hostile empire; a great power far or near, as `friend` places it. */
const world = (friendFirepower: number) => `
version: 1
id: marches
title: The marches
duration: 1d
locations:
  - { id: march, name: the March }
  - { id: capital, name: the Capital }
distances:
  - { between: [march, capital], distance: 1 }
factions:
  - { id: kingdom, name: the Kingdom, culture: kingdom, leader: king }
  - { id: empire, name: the Empire, culture: empire, leader: emperor }
  - { id: power, name: the Great Power, culture: power, leader: tsar }
persons:
  - { id: king, name: the King, faction: kingdom, role: leader, at: march }
  - { id: emperor, name: the Emperor, faction: empire, role: leader, at: capital }
  - { id: tsar, name: the Tsar, faction: power, role: leader, at: capital }
forces:
  - { id: kingdom-army, name: the Kingdom's army, faction: kingdom, firepower: 1, at: march }
  - { id: empire-army, name: the Empire's army, faction: empire, firepower: 6, at: capital }
  - { id: power-army, name: the Great Power's army, faction: power, firepower: ${friendFirepower}, at: capital }
relations:
  - { from: kingdom, to: empire, mutual: true, status: hostile, affinity: -0.6 }
`;

const bandwagon = (friendFirepower: number) => {
  const view = new FactionView(buildWorld(scenarioFrom(world(friendFirepower)).spec), id.faction('kingdom'));
  const terms = allianceValue(view, assessThreat(view), id.faction('empire'), view.leader());
  return terms.find((t) => t.name === 'empire no longer a danger')?.value ?? 0;
};

describe('balancing before bandwagoning', () => {
  it('the pull to ally with the threat is there when no one could balance it', () => {
    expect(bandwagon(0.1)).toBeGreaterThan(0);
  });

  it('and fades, to nothing, when a great power could', () => {
    expect(bandwagon(3)).toBeLessThan(bandwagon(0.1));
    expect(bandwagon(20)).toBe(0);
  });
});
