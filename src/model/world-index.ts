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
import {
  type Agreement,
  type Belief,
  type Negotiation,
  type Person,
  personLocation,
  type Relation,
  type Ship,
  topLocation,
  type World,
} from './world.js';

interface Entry {
  readonly deps: readonly object[];
  readonly value: unknown;
}

const caches = new WeakMap<object, Map<string, Entry>>();

/**
 * The value `build()` made for `name` from these collections, rebuilt when one of them is not the
 * same object any more. The first collection keys the cache (it is dropped with it).
 */
export function cachedOn<T>(name: string, deps: readonly [object, ...object[]], build: () => T): T {
  let byName = caches.get(deps[0]);
  if (!byName) caches.set(deps[0], (byName = new Map()));
  const hit = byName.get(name);
  if (hit && hit.deps.length === deps.length && hit.deps.every((d, i) => d === deps[i]))
    return hit.value as T;
  const value = build();
  byName.set(name, { deps, value });
  return value;
}

const EMPTY: readonly never[] = Object.freeze([]);

/** The keys of a record in code-point order (cached: records are never changed in place). */
export function sortedKeys<K extends string>(record: Readonly<Record<K, unknown>>): readonly K[] {
  return cachedOn('sorted-keys', [record], () => Object.freeze((Object.keys(record) as K[]).sort()));
}

function groupBy<T, K>(
  items: readonly T[],
  key: (item: T) => K | readonly K[] | null,
): ReadonlyMap<K, readonly T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    // A key listed twice (a party named twice) files the item once, as `includes` would find it once.
    for (const one of Array.isArray(k) ? new Set(k as readonly K[]) : [k as K]) {
      const list = out.get(one);
      if (list) list.push(item);
      else out.set(one, [item]);
    }
  }
  for (const list of out.values()) Object.freeze(list);
  return out;
}

const valuesOf = <T>(record: Readonly<Record<string, T>>): T[] => sortedKeys(record).map((id) => record[id]!);

/** Every ship of a faction (destroyed ones too), by id. */
export function shipsByFaction(world: World, faction: FactionId): readonly Ship[] {
  return (
    cachedOn('ships-by-faction', [world.ships], () => groupBy(valuesOf(world.ships), (s) => s.faction)).get(
      faction,
    ) ?? EMPTY
  );
}

/** A faction's ships that are not destroyed, by id. */
export function liveShipsOf(world: World, faction: FactionId): readonly Ship[] {
  return (
    cachedOn('live-ships-by-faction', [world.ships], () =>
      groupBy(valuesOf(world.ships), (s) => (s.destroyed ? null : s.faction)),
    ).get(faction) ?? EMPTY
  );
}

/** Ships not destroyed and not under way whose location lies in a top-level place, by id. */
export function shipsStoppedAt(world: World, place: LocationId): readonly Ship[] {
  return (
    cachedOn('ships-stopped-at', [world.ships, world.locations], () =>
      groupBy(valuesOf(world.ships), (s) =>
        s.destroyed || s.course ? null : topLocation(world, s.location),
      ),
    ).get(place) ?? EMPTY
  );
}

/** Every person serving a faction (the dead too), by id. */
export function personsByFaction(world: World, faction: FactionId): readonly Person[] {
  return (
    cachedOn('persons-by-faction', [world.persons], () =>
      groupBy(valuesOf(world.persons), (p) => p.faction),
    ).get(faction) ?? EMPTY
  );
}

/** Every person truly loyal to a faction (whoever they serve), by id. */
export function personsByLoyalty(world: World, faction: FactionId): readonly Person[] {
  return (
    cachedOn('persons-by-loyalty', [world.persons], () =>
      groupBy(valuesOf(world.persons), (p) => p.loyalty),
    ).get(faction) ?? EMPTY
  );
}

/** Living persons standing at an exact location (not aboard a ship), by id. */
export function personsStandingAt(world: World, location: LocationId): readonly Person[] {
  return (
    cachedOn('persons-at', [world.persons], () =>
      groupBy(valuesOf(world.persons), (p) =>
        p.status !== 'dead' && p.position.kind === 'location' ? p.position.location : null,
      ),
    ).get(location) ?? EMPTY
  );
}

/** Living persons aboard a ship, by id. */
export function personsAboard(world: World, ship: ShipId): readonly Person[] {
  return (
    cachedOn('persons-aboard', [world.persons], () =>
      groupBy(valuesOf(world.persons), (p) =>
        p.status !== 'dead' && p.position.kind === 'ship' ? p.position.ship : null,
      ),
    ).get(ship) ?? EMPTY
  );
}

/** The relations a faction holds towards others (`from` = faction), by the other's id. */
export function relationsFrom(world: World, faction: FactionId): readonly Relation[] {
  return (
    cachedOn('relations-from', [world.relations], () => {
      const byFrom = new Map<FactionId, Relation[]>();
      for (const key of sortedKeys(world.relations)) {
        const r = world.relations[key]!;
        const list = byFrom.get(r.from);
        if (list) list.push(r);
        else byFrom.set(r.from, [r]);
      }
      for (const list of byFrom.values()) list.sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
      return byFrom;
    }).get(faction) ?? EMPTY
  );
}

/**
 * A table keyed `from>to` (relations, beliefs) as a map from `from` to a map from `to`: a lookup
 * without building the key string. Ids never contain `>`.
 */
function pairTable<T>(
  name: string,
  table: Readonly<Record<string, T>>,
): ReadonlyMap<string, ReadonlyMap<string, T>> {
  return cachedOn(name, [table], () => {
    const out = new Map<string, Map<string, T>>();
    for (const key of Object.keys(table)) {
      const cut = key.indexOf('>');
      const from = key.slice(0, cut);
      let inner = out.get(from);
      if (!inner) out.set(from, (inner = new Map()));
      inner.set(key.slice(cut + 1), table[key]!);
    }
    return out;
  });
}

const NO_PAIRS: ReadonlyMap<string, never> = new Map<string, never>();

/** `world.relations[relationKey(from, to)]`, by the map of `from`'s relations. */
export function relationsMapFrom(world: World, from: FactionId): ReadonlyMap<string, Relation> {
  return pairTable('relation-pairs', world.relations).get(from) ?? NO_PAIRS;
}

/** `world.beliefs[beliefKey(holder, about)]`, by the map of `holder`'s beliefs. */
export function beliefsMapOf(world: World, holder: FactionId): ReadonlyMap<string, Belief> {
  return pairTable('belief-pairs', world.beliefs).get(holder) ?? NO_PAIRS;
}

/** The beliefs a faction holds about others, by the other's id. */
export function beliefsHeldBy(world: World, holder: FactionId): readonly Belief[] {
  return (
    cachedOn('beliefs-by-holder', [world.beliefs], () =>
      groupBy(valuesOf(world.beliefs), (b) => b.holder),
    ).get(holder) ?? EMPTY
  );
}

/**
 * The top-level places where a faction has ships (where they are, or where they are headed), or,
 * when it has none, its living people; sorted.
 */
export function placesOf(world: World, faction: FactionId): readonly LocationId[] {
  const known = cachedOn(
    'places',
    [world.ships, world.persons, world.locations],
    () => new Map<FactionId, readonly LocationId[]>(),
  );
  let places = known.get(faction);
  if (places === undefined) {
    const out = new Set<LocationId>();
    for (const s of liveShipsOf(world, faction))
      out.add(topLocation(world, s.course ? s.course.to : s.location));
    if (out.size === 0) {
      for (const p of personsByFaction(world, faction))
        if (p.status !== 'dead') out.add(topLocation(world, personLocation(world, p)));
    }
    places = Object.freeze([...out].sort());
    known.set(faction, places);
  }
  return places;
}

/**
 * Which factions are present at each top-level place (see `placesOf`), by id; and the factions
 * present nowhere (no ships, no living people), whose whereabouts are unknown.
 */
export function factionsByPlace(world: World): {
  readonly at: ReadonlyMap<LocationId, readonly FactionId[]>;
  readonly nowhere: readonly FactionId[];
} {
  return cachedOn('factions-by-place', [world.ships, world.persons, world.locations, world.factions], () => {
    const at = new Map<LocationId, FactionId[]>();
    const nowhere: FactionId[] = [];
    for (const f of sortedKeys(world.factions)) {
      const places = placesOf(world, f);
      if (places.length === 0) nowhere.push(f);
      for (const l of places) {
        const list = at.get(l);
        if (list) list.push(f);
        else at.set(l, [f]);
      }
    }
    return { at, nowhere };
  });
}

/** Agreements a faction is party to (any status), by id. */
export function agreementsOf(world: World, faction: FactionId): readonly Agreement[] {
  return (
    cachedOn('agreements-by-party', [world.agreements], () =>
      groupBy(valuesOf(world.agreements), (a) => a.parties),
    ).get(faction) ?? EMPTY
  );
}

/** Negotiations a faction is party to (any status), by id. */
export function negotiationsOf(world: World, faction: FactionId): readonly Negotiation[] {
  return (
    cachedOn('negotiations-by-party', [world.negotiations], () =>
      groupBy(valuesOf(world.negotiations), (n) => n.parties),
    ).get(faction) ?? EMPTY
  );
}
