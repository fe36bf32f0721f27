/**
 * What the event types' `tell` functions share: display names for ids, and the small grammar of
 * the chronicle (lists with "and", reasons after a dash).
 */
import { ownEntry, type World } from '../model/world.js';

/** Display names for ids. */
export interface Names {
  name(id: string): string;
}

export function namesOf(world: World): Names {
  const table = new Map<string, string>();
  for (const f of Object.values(world.factions)) table.set(f.id, f.name);
  for (const p of Object.values(world.persons)) table.set(p.id, p.name);
  for (const s of Object.values(world.ships)) table.set(s.id, s.name);
  for (const l of Object.values(world.locations)) table.set(l.id, l.name);
  for (const a of Object.values(world.agreements)) if (a.name) table.set(a.id, a.name);
  for (const w of Object.values(world.wars)) table.set(w.id, w.name);
  return { name: (id) => table.get(id) ?? id };
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
