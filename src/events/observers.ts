/**
 * Helpers for the event types' `observers`: the factions behind the persons, ships, talks and
 * conferences an event names. Ids that name nothing contribute nobody.
 */
import type { ConferenceId, FactionId, NegotiationId, PersonId, ShipId } from '../model/ids.js';
import type { World } from '../model/world.js';

const NOBODY: readonly FactionId[] = Object.freeze([]);

/** The faction a person serves (none for an unknown person or none at all). */
export function factionOfPerson(world: World, person: PersonId | null): readonly FactionId[] {
  const f = person === null ? undefined : world.persons[person]?.faction;
  return f === undefined ? NOBODY : [f];
}

export function factionsOfPersons(world: World, persons: readonly PersonId[]): FactionId[] {
  return persons.flatMap((p) => factionOfPerson(world, p));
}

export function factionOfShip(world: World, ship: ShipId | null): readonly FactionId[] {
  const f = ship === null ? undefined : world.ships[ship]?.faction;
  return f === undefined ? NOBODY : [f];
}

export function factionsOfShips(world: World, ships: readonly ShipId[]): FactionId[] {
  return ships.flatMap((s) => factionOfShip(world, s));
}

/** The parties to talks: what is said in them is heard by both sides. */
export function partiesToTalks(world: World, negotiation: NegotiationId | null): readonly FactionId[] {
  return (negotiation === null ? undefined : world.negotiations[negotiation]?.parties) ?? NOBODY;
}

/** Those who take part in a conference: its host, sponsors and invitees. */
export function partiesToConference(world: World, conference: ConferenceId | null): readonly FactionId[] {
  const c = conference === null ? undefined : world.conferences[conference];
  return c ? [c.host, ...c.sponsors, ...c.invitees] : NOBODY;
}

/** What is said in talks: known to the speaker's side and to every party to the talks. */
export function saidInTalks(
  world: World,
  e: {
    readonly by: FactionId | null;
    readonly speaker: PersonId | null;
    readonly negotiation: NegotiationId;
  },
): FactionId[] {
  return [
    ...(e.by ? [e.by] : []),
    ...factionOfPerson(world, e.speaker),
    ...partiesToTalks(world, e.negotiation),
  ];
}
