/**
 * Changing one entry of the immutable world: each helper returns a new world (or the same one when
 * the entry does not exist — the reducer is total) with the collection it changed replaced, which
 * is what keeps the world's indices valid (model/world-index.ts). Keys are typed, so no cast is
 * needed to reach an entry by its id.
 */
import type { AgreementStatus, Belief, Faction, Person, Relation, Ship, World } from '../model/world.js';
import { defaultBelief, defaultRelation, relationKey } from '../model/world.js';
import type { AgreementId, FactionId, PersonId, ShipId } from '../model/ids.js';
import type { Minutes } from '../model/time.js';

/** The record with the entry at `key` replaced by `fn(entry)`; the record itself when there is none. */
export function updateEntry<K extends string, T>(
  record: Readonly<Record<K, T>>,
  key: K,
  fn: (value: T) => T,
): Readonly<Record<K, T>> {
  const current: T | undefined = record[key];
  if (current === undefined) return record;
  return { ...record, [key]: fn(current) };
}

/** The record with `value` at `key` (added or replaced). */
export function withEntry<K extends string, T>(
  record: Readonly<Record<K, T>>,
  key: K,
  value: T,
): Readonly<Record<K, T>> {
  return { ...record, [key]: value };
}

export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function updatePerson(world: World, id: PersonId, fn: (p: Person) => Person): World {
  return { ...world, persons: updateEntry(world.persons, id, fn) };
}

export function updateShip(world: World, id: ShipId, fn: (s: Ship) => Ship): World {
  return { ...world, ships: updateEntry(world.ships, id, fn) };
}

export function updateFaction(world: World, id: FactionId, fn: (f: Faction) => Faction): World {
  return { ...world, factions: updateEntry(world.factions, id, fn) };
}

/**
 * The entries of a pair of known factions (relations, beliefs: keyed `a>b`) with the pair's entry
 * changed — neutral until an event says otherwise; null for a pair that is not two known factions.
 */
function changedPair<T>(
  world: World,
  a: FactionId,
  b: FactionId,
  entries: Readonly<Record<string, T>>,
  neutral: (a: FactionId, b: FactionId) => T,
  fn: (entry: T) => T,
): Readonly<Record<string, T>> | null {
  if (a === b || !world.factions[a] || !world.factions[b]) return null;
  const key = relationKey(a, b);
  return withEntry(entries, key, fn(entries[key] ?? neutral(a, b)));
}

/** How `from` regards `to`, changed. */
export function updateRelation(
  world: World,
  from: FactionId,
  to: FactionId,
  fn: (r: Relation) => Relation,
): World {
  const relations = changedPair(world, from, to, world.relations, defaultRelation, fn);
  return relations ? { ...world, relations } : world;
}

/** What `holder` believes of `about`, changed. */
export function updateBelief(
  world: World,
  holder: FactionId,
  about: FactionId,
  fn: (b: Belief) => Belief,
): World {
  const beliefs = changedPair(world, holder, about, world.beliefs, defaultBelief, fn);
  return beliefs ? { ...world, beliefs } : world;
}

/** An agreement's new status, with the change in its history. */
export function setAgreementStatus(
  world: World,
  id: AgreementId,
  status: AgreementStatus,
  by: FactionId | null,
  reason: string,
  t: Minutes,
): World {
  return {
    ...world,
    agreements: updateEntry(world.agreements, id, (a) => ({
      ...a,
      status,
      history: [...a.history, { t, status, by, reason }],
    })),
  };
}
