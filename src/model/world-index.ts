/**
 * Indices over the world, built on first use and kept while the parts of the world they read are
 * unchanged. The world is immutable: the reducer replaces a collection (`world.ships`, …) whenever
 * it changes anything in it, so an index keyed on the collection objects it was built from is valid
 * exactly as long as those objects are the world's. One tick's leaders all look at the same world,
 * so each index is built at most once a tick and shared by every faction's view — which turns
 * "scan every ship for this faction's" (O(ships) per question, O(factions × ships) per tick) into a
 * lookup.
 *
 * Every list an index holds is in the order the scans it replaces produced (ids in code-point
 * order), so sums over them add the same numbers in the same order: behaviour is unchanged to the
 * last bit. Lists are frozen: callers must copy before sorting or changing them.
 */
import type { FactionId, LocationId, ShipId } from './ids.js';
import { memo1, memoN, sortedKeys, sortedValues } from './memo.js';
import { roleIntegrity } from './forces.js';
import {
  type Agreement,
  type Belief,
  type Conference,
  type Negotiation,
  type Person,
  personLocation,
  type Relation,
  type Ship,
  topLocation,
  type World,
} from './world.js';

const EMPTY: readonly never[] = Object.freeze([]);

function groupBy<T, K>(
  items: readonly T[],
  key: (item: T) => K | readonly K[] | null,
): ReadonlyMap<K, readonly T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    // A key listed twice (a party named twice) files the item once, as `includes` would find it once.
    for (const one of isList(k) ? new Set(k) : [k]) {
      const list = out.get(one);
      if (list) list.push(item);
      else out.set(one, [item]);
    }
  }
  for (const list of out.values()) Object.freeze(list);
  return out;
}

/** Keys here are ids (strings), never arrays: an array is a list of keys. */
const isList = <K>(k: K | readonly K[]): k is readonly K[] => Array.isArray(k);

type Rec<T> = Readonly<Record<string, T>>;
const get = <K, T>(index: ReadonlyMap<K, readonly T[]>, key: K): readonly T[] => index.get(key) ?? EMPTY;

const shipsByFactionIndex = memo1((ships: Rec<Ship>) => groupBy(sortedValues(ships), (s) => s.faction));
const liveShipsIndex = memo1((ships: Rec<Ship>) =>
  groupBy(sortedValues(ships), (s) => (s.destroyed ? null : s.faction)),
);
const shipsStoppedIndex = memoN((ships: Rec<Ship>, locations: World['locations']) =>
  groupBy(sortedValues(ships), (s) =>
    s.destroyed || s.course ? null : topLocation({ locations }, s.location),
  ),
);
const personsByFactionIndex = memo1((persons: Rec<Person>) =>
  groupBy(sortedValues(persons), (p) => p.faction),
);
const personsByLoyaltyIndex = memo1((persons: Rec<Person>) =>
  groupBy(sortedValues(persons), (p) => p.loyalty),
);
const personsAtIndex = memo1((persons: Rec<Person>) =>
  groupBy(sortedValues(persons), (p) =>
    p.status !== 'dead' && p.position.kind === 'location' ? p.position.location : null,
  ),
);
const personsAboardIndex = memo1((persons: Rec<Person>) =>
  groupBy(sortedValues(persons), (p) =>
    p.status !== 'dead' && p.position.kind === 'ship' ? p.position.ship : null,
  ),
);
const beliefsByHolderIndex = memo1((beliefs: Rec<Belief>) => groupBy(sortedValues(beliefs), (b) => b.holder));
const agreementsIndex = memo1((agreements: Rec<Agreement>) =>
  groupBy(sortedValues(agreements), (a) => a.parties),
);
const negotiationsIndex = memo1((negotiations: Rec<Negotiation>) =>
  groupBy(sortedValues(negotiations), (n) => n.parties),
);
const relationsFromIndex = memo1((relations: Rec<Relation>): ReadonlyMap<FactionId, readonly Relation[]> => {
  const byFrom = new Map<FactionId, Relation[]>();
  for (const r of sortedValues(relations)) {
    const list = byFrom.get(r.from);
    if (list) list.push(r);
    else byFrom.set(r.from, [r]);
  }
  for (const list of byFrom.values()) list.sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  return byFrom;
});

/**
 * A table keyed `from>to` (relations, beliefs) as a map from `from` to a map from `to`: a lookup
 * without building the key string. Ids never contain `>`.
 */
function pairTable<T>(table: Rec<T>): ReadonlyMap<string, ReadonlyMap<string, T>> {
  const out = new Map<string, Map<string, T>>();
  for (const [key, value] of Object.entries(table)) {
    const cut = key.indexOf('>');
    const from = key.slice(0, cut);
    let inner = out.get(from);
    if (!inner) out.set(from, (inner = new Map()));
    inner.set(key.slice(cut + 1), value);
  }
  return out;
}
const relationPairs = memo1((relations: Rec<Relation>) => pairTable(relations));
const beliefPairs = memo1((beliefs: Rec<Belief>) => pairTable(beliefs));
const NO_PAIRS: ReadonlyMap<string, never> = new Map<string, never>();

/** Every ship of a faction (destroyed ones too), by id. */
export function shipsByFaction(world: World, faction: FactionId): readonly Ship[] {
  return get(shipsByFactionIndex(world.ships), faction);
}

/** A faction's ships that are not destroyed, by id. */
export function liveShipsOf(world: World, faction: FactionId): readonly Ship[] {
  return get(liveShipsIndex(world.ships), faction);
}

/** Ships not destroyed and not under way whose location lies in a top-level place, by id. */
export function shipsStoppedAt(world: World, place: LocationId): readonly Ship[] {
  return get(shipsStoppedIndex(world.ships, world.locations), place);
}

/** Every person serving a faction (the dead too), by id. */
export function personsByFaction(world: World, faction: FactionId): readonly Person[] {
  return get(personsByFactionIndex(world.persons), faction);
}

/** Every person truly loyal to a faction (whoever they serve), by id. */
export function personsByLoyalty(world: World, faction: FactionId): readonly Person[] {
  return get(personsByLoyaltyIndex(world.persons), faction);
}

/** Living persons standing at an exact location (not aboard a ship), by id. */
export function personsStandingAt(world: World, location: LocationId): readonly Person[] {
  return get(personsAtIndex(world.persons), location);
}

/** Living persons aboard a ship, by id. */
export function personsAboard(world: World, ship: ShipId): readonly Person[] {
  return get(personsAboardIndex(world.persons), ship);
}

/** The relations a faction holds towards others (`from` = faction), by the other's id. */
export function relationsFrom(world: World, faction: FactionId): readonly Relation[] {
  return get(relationsFromIndex(world.relations), faction);
}

/** `world.relations[relationKey(from, to)]`, by the map of `from`'s relations. */
export function relationsMapFrom(world: World, from: FactionId): ReadonlyMap<string, Relation> {
  return relationPairs(world.relations).get(from) ?? NO_PAIRS;
}

/** `world.beliefs[beliefKey(holder, about)]`, by the map of `holder`'s beliefs. */
export function beliefsMapOf(world: World, holder: FactionId): ReadonlyMap<string, Belief> {
  return beliefPairs(world.beliefs).get(holder) ?? NO_PAIRS;
}

/** The beliefs a faction holds about others, by the other's id. */
export function beliefsHeldBy(world: World, holder: FactionId): readonly Belief[] {
  return get(beliefsByHolderIndex(world.beliefs), holder);
}

const conferencesIndex = memo1((conferences: Rec<Conference>) =>
  groupBy(sortedValues(conferences), (c) => [c.host, ...c.sponsors, ...c.invitees]),
);

/** Conferences a faction hosts, sponsors or is invited to, by id. */
export function conferencesOf(world: World, faction: FactionId): readonly Conference[] {
  return get(conferencesIndex(world.conferences), faction);
}

/** Items grouped by party, then by status (two map lookups, no key string built per call). */
function byPartyAndStatus<T extends { readonly parties: readonly FactionId[]; readonly status: string }>(
  items: readonly T[],
): ReadonlyMap<FactionId, ReadonlyMap<string, readonly T[]>> {
  const out = new Map<FactionId, Map<string, T[]>>();
  for (const item of items) {
    for (const party of new Set(item.parties)) {
      let byStatus = out.get(party);
      if (!byStatus) out.set(party, (byStatus = new Map()));
      const list = byStatus.get(item.status);
      if (list) list.push(item);
      else byStatus.set(item.status, [item]);
    }
  }
  return out;
}

const agreementsByStatusIndex = memo1((agreements: Rec<Agreement>) =>
  byPartyAndStatus(sortedValues(agreements)),
);
const negotiationsByStatusIndex = memo1((negotiations: Rec<Negotiation>) =>
  byPartyAndStatus(sortedValues(negotiations)),
);

/** Agreements a faction is party to with this status, by id. */
export function agreementsWithStatus(
  world: World,
  faction: FactionId,
  status: Agreement['status'],
): readonly Agreement[] {
  return agreementsByStatusIndex(world.agreements).get(faction)?.get(status) ?? EMPTY;
}

/** Negotiations a faction is party to with this status, by id. */
export function negotiationsWithStatus(
  world: World,
  faction: FactionId,
  status: Negotiation['status'],
): readonly Negotiation[] {
  return negotiationsByStatusIndex(world.negotiations).get(faction)?.get(status) ?? EMPTY;
}

/** Agreements a faction is party to (any status), by id. */
export function agreementsOf(world: World, faction: FactionId): readonly Agreement[] {
  return get(agreementsIndex(world.agreements), faction);
}

/** Negotiations a faction is party to (any status), by id. */
export function negotiationsOf(world: World, faction: FactionId): readonly Negotiation[] {
  return get(negotiationsIndex(world.negotiations), faction);
}

/**
 * One frozen array per distinct sorted list of places: a faction whose places did not change gets
 * the very same array tick after tick, so caches keyed on it (distances, who is in sight) survive
 * the world's changes. Bounded: past the limit lists are simply not shared.
 */
const internedPlaces = new Map<string, readonly LocationId[]>();
const INTERN_LIMIT = 100_000;

function internPlaces(places: LocationId[]): readonly LocationId[] {
  const key = places.join('\n');
  let shared = internedPlaces.get(key);
  if (shared === undefined) {
    shared = Object.freeze(places);
    if (internedPlaces.size < INTERN_LIMIT) internedPlaces.set(key, shared);
  }
  return shared;
}

const placesTable = memoN(
  (_ships: Rec<Ship>, _persons: Rec<Person>, _locations: World['locations']) =>
    new Map<FactionId, readonly LocationId[]>(),
);

/**
 * The top-level places where a faction has ships (where they are, or where they are headed), or,
 * when it has none, its living people; sorted.
 */
export function placesOf(world: World, faction: FactionId): readonly LocationId[] {
  const known = placesTable(world.ships, world.persons, world.locations);
  let places = known.get(faction);
  if (places === undefined) {
    const out = new Set<LocationId>();
    for (const s of liveShipsOf(world, faction))
      out.add(topLocation(world, s.course ? s.course.to : s.location));
    if (out.size === 0) {
      for (const p of personsByFaction(world, faction))
        if (p.status !== 'dead') out.add(topLocation(world, personLocation(world, p)));
    }
    places = internPlaces([...out].sort());
    known.set(faction, places);
  }
  return places;
}

interface Placement {
  readonly at: ReadonlyMap<LocationId, readonly FactionId[]>;
  readonly nowhere: readonly FactionId[];
}

const factionsByPlaceTable = memoN(
  (
    _ships: Rec<Ship>,
    _persons: Rec<Person>,
    _locations: World['locations'],
    _factions: World['factions'],
  ): { built: Placement | null } => ({ built: null }),
);

/** A faction and the places it is present at (see `placesOf`). */
interface Presence {
  readonly faction: FactionId;
  readonly places: readonly LocationId[];
}

/** The last placement built, with the presences it was built from: reused while no faction has moved. */
let lastPlacement: { readonly presences: readonly Presence[]; readonly placement: Placement } | null = null;

/**
 * Which factions are present at each top-level place (see `placesOf`), by id; and the factions
 * present nowhere (no ships, no living people), whose whereabouts are unknown. The same object as
 * long as every faction's places are unchanged (place lists are interned), so that what is built
 * on it lasts across ticks.
 */
export function factionsByPlace(world: World): Placement {
  const slot = factionsByPlaceTable(world.ships, world.persons, world.locations, world.factions);
  if (slot.built === null) {
    const presences = sortedKeys(world.factions).map((faction) => ({
      faction,
      places: placesOf(world, faction),
    }));
    const last = lastPlacement;
    if (last !== null && samePresences(last.presences, presences)) {
      slot.built = last.placement;
    } else {
      slot.built = placement(presences);
      lastPlacement = { presences, placement: slot.built };
    }
  }
  return slot.built;
}

/** Whether two lists of presences name the same factions at the same (interned) lists of places. */
function samePresences(a: readonly Presence[], b: readonly Presence[]): boolean {
  return a.length === b.length && a.every((p, i) => p.faction === b[i]?.faction && p.places === b[i]?.places);
}

function placement(presences: readonly Presence[]): Placement {
  const at = new Map<LocationId, FactionId[]>();
  const nowhere: FactionId[] = [];
  for (const { faction, places } of presences) {
    if (places.length === 0) nowhere.push(faction);
    for (const l of places) {
      const list = at.get(l);
      if (list) list.push(faction);
      else at.set(l, [faction]);
    }
  }
  return { at, nowhere };
}

/** Each faction's strength, computed once per state of the world's ships. */
const strengthTable = memo1((_ships: World['ships']) => new Map<FactionId, number>());

/**
 * A faction's strength: its live ships' firepower, a quarter of it even with weapons down (a
 * capability measure in the spirit of COW's CINC, for the balance of threat and for comparing power
 * now with power when a treaty was signed).
 */
export function strengthOf(world: World, faction: FactionId): number {
  const known = strengthTable(world.ships);
  let total = known.get(faction);
  if (total === undefined) {
    total = 0;
    for (const s of liveShipsOf(world, faction))
      total += s.count * s.firepower * (0.25 + 0.75 * roleIntegrity(s, world.physics, 'armament', 1));
    known.set(faction, total);
  }
  return total;
}
