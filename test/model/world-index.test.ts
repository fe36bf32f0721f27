import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/agents/run.js';
import { FactionView, sightOf } from '../../src/agents/view.js';
import { buildWorld } from '../../src/engine/initial-world.js';
import { defaultScenario } from '../support.js';
import { generateScenario } from '../../src/scenario/generate.js';
import {
  agreementsOf,
  agreementsWithStatus,
  conferencesOf,
  negotiationsWithStatus,
  factionsByPlace,
  liveShipsOf,
  negotiationsOf,
  personsAboard,
  personsByFaction,
  personsByLoyalty,
  personsStandingAt,
  placesOf,
  relationsFrom,
  shipsByFaction,
  shipsStoppedAt,
} from '../../src/../src/model/world-index.js';
import {
  distanceBetween,
  personLocation,
  placesWithin,
  relationKey,
  topLocation,
  type World,
} from '../../src/../src/model/world.js';
import { fold } from '../../src/events/index.js';

const keysSorted = <T>(record: Readonly<Record<string, T>>): string[] => Object.keys(record).sort();
const all = <T>(record: Readonly<Record<string, T>>): T[] => keysSorted(record).map((k) => record[k]!);

/** Each index against the plain scan it replaces, on one world. */
function checkIndices(world: World): void {
  const places = new Set(all(world.locations).map((l) => topLocation(world, l.id)));
  for (const f of keysSorted(world.factions) as (keyof World['factions'])[]) {
    expect(shipsByFaction(world, f)).toEqual(all(world.ships).filter((s) => s.faction === f));
    expect(liveShipsOf(world, f)).toEqual(all(world.ships).filter((s) => s.faction === f && !s.destroyed));
    expect(personsByFaction(world, f)).toEqual(all(world.persons).filter((p) => p.faction === f));
    expect(personsByLoyalty(world, f)).toEqual(all(world.persons).filter((p) => p.loyalty === f));
    expect(agreementsOf(world, f)).toEqual(all(world.agreements).filter((a) => a.parties.includes(f)));
    expect(negotiationsOf(world, f)).toEqual(all(world.negotiations).filter((n) => n.parties.includes(f)));
    expect(conferencesOf(world, f)).toEqual(
      all(world.conferences).filter((c) => c.host === f || c.sponsors.includes(f) || c.invitees.includes(f)),
    );
    for (const status of ['proposed', 'active', 'rejected', 'dissolved'] as const)
      expect(agreementsWithStatus(world, f, status)).toEqual(
        all(world.agreements).filter((a) => a.parties.includes(f) && a.status === status),
      );
    for (const status of ['open', 'agreed', 'broken-off', 'timed-out'] as const)
      expect(negotiationsWithStatus(world, f, status)).toEqual(
        all(world.negotiations).filter((n) => n.parties.includes(f) && n.status === status),
      );
    expect(relationsFrom(world, f)).toEqual(
      keysSorted(world.factions)
        .map((to) => world.relations[relationKey(f, to as typeof f)])
        .filter((r) => r !== undefined),
    );
    const shipsPlaces = liveShipsOf(world, f).map((s) =>
      topLocation(world, s.course ? s.course.to : s.location),
    );
    const expected =
      shipsPlaces.length > 0
        ? shipsPlaces
        : personsByFaction(world, f)
            .filter((p) => p.status !== 'dead')
            .map((p) => topLocation(world, personLocation(world, p)));
    expect(placesOf(world, f)).toEqual([...new Set(expected)].sort());
  }
  const { at, nowhere } = factionsByPlace(world);
  for (const place of places) {
    expect(at.get(place) ?? []).toEqual(
      keysSorted(world.factions).filter((f) => placesOf(world, f as never).includes(place)),
    );
    expect(shipsStoppedAt(world, place)).toEqual(
      all(world.ships).filter((s) => !s.destroyed && !s.course && topLocation(world, s.location) === place),
    );
    expect(placesWithin(world, place, sightOf(world))).toEqual(
      [...places].filter((q) => distanceBetween(world, place, q) <= sightOf(world)).sort(),
    );
  }
  expect(nowhere).toEqual(keysSorted(world.factions).filter((f) => placesOf(world, f as never).length === 0));
  for (const l of keysSorted(world.locations))
    expect(personsStandingAt(world, l as never)).toEqual(
      all(world.persons).filter(
        (p) => p.status !== 'dead' && p.position.kind === 'location' && p.position.location === l,
      ),
    );
  for (const s of keysSorted(world.ships))
    expect(personsAboard(world, s as never)).toEqual(
      all(world.persons).filter(
        (p) => p.status !== 'dead' && p.position.kind === 'ship' && p.position.ship === s,
      ),
    );
}

describe('world indices', () => {
  it('equal the scans they replace, all along an autonomous run of the default scenario', () => {
    const { events } = runScenario(defaultScenario(), { seed: 3, mode: 'autonomous' });
    for (const cut of [1, Math.floor(events.length / 3), Math.floor((2 * events.length) / 3), events.length])
      checkIndices(fold(buildWorld(defaultScenario().spec), events.slice(0, cut)));
  });

  it('equal the scans they replace in a generated world of many factions', () => {
    const scenario = generateScenario({ factions: 30, days: 4 });
    checkIndices(runScenario(scenario, { seed: 1, mode: 'autonomous' }).world);
  });
});

describe('what a faction knows of', () => {
  it('in the default scenario, every faction (all its places lie within sight of each other)', () => {
    const { world } = runScenario(defaultScenario(), { seed: 1, mode: 'autonomous' });
    for (const f of keysSorted(world.factions))
      expect(new FactionView(world, f as never).factionIds()).toEqual(keysSorted(world.factions));
  });

  it('in a wide world, itself, those within sight and those it deals with — not the far side', () => {
    const scenario = generateScenario({ factions: 100, days: 1 });
    const { world } = runScenario(scenario, { seed: 1, mode: 'autonomous' });
    const ids = keysSorted(world.factions) as (keyof World['factions'])[];
    for (const f of ids.slice(0, 10)) {
      const view = new FactionView(world, f);
      const known = view.factionIds();
      const expected = ids.filter(
        (o) =>
          o === f ||
          view.distanceTo(o) <= sightOf(world) ||
          world.relations[relationKey(f, o)] !== undefined ||
          world.beliefs[relationKey(f, o)] !== undefined ||
          placesOf(world, o).length === 0,
      );
      expect(known).toEqual(expected);
      expect(known.length).toBeLessThan(ids.length / 2);
    }
  });
});
