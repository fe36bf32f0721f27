/**
 * What the event types' `tell` functions share: display names for ids, and the small grammar of
 * the chronicle (lists with "and", reasons after a dash).
 */
import { ownEntry, type World } from '../model/world.js';
import { DEFAULT_PHYSICS, nameOf as physicsName, type Physics } from '../model/physics.js';

/** Display names for ids, and the world's own words for its physics (./model/physics.ts). */
export interface Names {
  name(id: string): string;
  /** The world's physics: names of components and precautions, the verbs of transfers. */
  readonly physics?: Physics;
}

/** The display name of a component or precaution of the world's physics. */
export function physicsWord(names: Names, id: string): string {
  const physics = names.physics ?? DEFAULT_PHYSICS;
  const entry = physics.components.find((c) => c.id === id) ?? physics.precautions.find((p) => p.id === id);
  return entry ? physicsName(entry) : id.replace(/-/g, ' ');
}

/** The verb of a transfer ("goes"), or null when the means is not one of the world's transfers. */
export function transferVerb(names: Names, means: string): string | null {
  return (names.physics ?? DEFAULT_PHYSICS).transfers.find((t) => t.id === means)?.verb ?? null;
}

/** The verb of the first transfer that reaches (the one that takes persons out of danger). */
export function reachingVerb(names: Names): string {
  return (names.physics ?? DEFAULT_PHYSICS).transfers.find((t) => t.reach)?.verb ?? 'takes';
}

export function namesOf(world: World): Names {
  const table = new Map<string, string>();
  for (const f of Object.values(world.factions)) table.set(f.id, f.name);
  for (const p of Object.values(world.persons)) table.set(p.id, p.name);
  for (const s of Object.values(world.ships)) table.set(s.id, s.name);
  for (const l of Object.values(world.locations)) table.set(l.id, l.name);
  for (const a of Object.values(world.agreements)) if (a.name) table.set(a.id, a.name);
  for (const w of Object.values(world.wars)) table.set(w.id, w.name);
  return { name: (id) => table.get(id) ?? id, physics: world.physics };
}

/** `a`, `a and b`, `a, b and c`. */
export const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** The reasons given for a deed, after a dash (nothing when none were given). */
export const because = (reasons: readonly string[]) =>
  reasons.length > 0 ? ` — ${reasons.join('; ').replace(/\.$/, '')}` : '';

/** Names for one event's ids: `n(id)` ("someone" for none), `ns(ids)` as a list. */
export function naming(names: Names) {
  return {
    n: (id: string | null | undefined) => (id ? names.name(id) : 'someone'),
    ns: (ids: readonly string[]) => list(ids.map((id) => names.name(id))),
  };
}

/** Display name of a faction or place, for the causes written into consequences (other ids are left as they are). */
export const nameOf = (world: World, id: string): string =>
  ownEntry(world.factions, id)?.name ?? ownEntry(world.locations, id)?.name ?? id;
