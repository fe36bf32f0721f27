/**
 * What treaties oblige, and when (the casus foederis): each obligation of an agreement in force is a
 * duty owed by one party to another, with the conditions ATOP codes (Leeds, Ritter, Mitchell & Long
 * 2002) — against whom, where, unless the partner provoked the war. When a partner is attacked (a
 * war declared on it, an attack on its forces, an enemy joining a war against it) its defence
 * pledges are due; when it goes to war, its allies' offence pledges; when it is at war at all, their
 * consultation pledges. Pure functions of the world: used by the event types' consequences.
 */
import type { AgreementId, FactionId, LocationId, WarId } from '../model/ids.js';
import { type Obligation, type ObligationKind, isObligation, type Provision } from '../model/provision.js';
import type { Minutes } from '../model/time.js';
import { strengthOf } from '../model/world-index.js';
import { type Agreement, inIdOrder, relationKey, type War, type World } from '../model/world.js';

/** One party's obligation to another under one provision of an agreement. */
export interface Duty {
  readonly agreement: Agreement;
  /** The provision's index in the agreement. */
  readonly index: number;
  readonly provision: Obligation;
  readonly by: FactionId;
  readonly to: FactionId;
}

/** Is the agreement binding at `t`: concluded, not dissolved, not lapsed? */
export function inForce(a: Agreement, t: Minutes): boolean {
  return a.status === 'active' && (a.expires === null || t < a.expires);
}

/** The duties of one obligation: `by` (default every party) owe `to` (default every other party). */
export function dutiesOf(a: Agreement, index: number, p: Obligation): Duty[] {
  const debtors = p.by ?? a.parties;
  const creditors = p.to ?? a.parties;
  return debtors.flatMap((by) =>
    creditors.filter((to) => to !== by).map((to) => ({ agreement: a, index, provision: p, by, to })),
  );
}

/** Every duty of every agreement in force, in id order, of the kinds asked for. */
export function dutiesInForce(world: World, kinds: readonly ObligationKind[]): Duty[] {
  return inIdOrder(world.agreements)
    .filter((a) => inForce(a, world.time))
    .flatMap((a) =>
      a.provisions.flatMap((p: Provision, i) =>
        isObligation(p) && kinds.includes(p.kind) ? dutiesOf(a, i, p) : [],
      ),
    );
}

/** Is `adversary` one of those an obligation holds against? */
export function holdsAgainst(world: World, p: Obligation, adversary: FactionId): boolean {
  if (p.against === 'any') return true;
  if (Array.isArray(p.against)) return p.against.includes(adversary);
  const league = world.agreements[p.against.membersOf];
  return league !== undefined && inForce(league, world.time) && league.parties.includes(adversary);
}

/** Is `place` one of the obligation's places, or within one (the places of a location's parents)? */
export function holdsAt(world: World, p: Obligation, place: LocationId | null): boolean {
  if (p.where === undefined) return true;
  if (place === null) return false;
  for (let at: LocationId | null = place, guard = 0; at !== null && guard < 64; guard++) {
    if (p.where.includes(at)) return true;
    at = world.locations[at]?.parent ?? null;
  }
  return false;
}

/**
 * Did `partner` provoke `adversary` in `war`? It did when it started the war, or when it had opened
 * an earlier war (declared, or by attacking) against the adversary.
 */
export function provoked(world: World, war: War, partner: FactionId, adversary: FactionId): boolean {
  if (war.aggressor === partner) return true;
  return inIdOrder(world.wars).some(
    (w) =>
      w.id !== war.id &&
      w.aggressor === partner &&
      w.startedAt <= war.startedAt &&
      w.sides[1].includes(adversary),
  );
}

/** The side of a war a faction fights on (0: the aggressor's, 1: the other), or null. */
export function sideOf(war: War, faction: FactionId): 0 | 1 | null {
  if (war.left[faction] !== undefined) return null;
  return war.sides[0].includes(faction) ? 0 : war.sides[1].includes(faction) ? 1 : null;
}

/** The belligerents of the side opposite side `side` (0 or 1) of a war. */
export function opposite(war: War, side: 0 | 1): readonly FactionId[] {
  return side === 0 ? war.sides[1] : war.sides[0];
}

/** Are two factions fighting each other: on opposite sides of an active war, or at war by relation? */
export function atWarWith(world: World, a: FactionId, b: FactionId): boolean {
  if (
    world.relations[relationKey(a, b)]?.status === 'war' ||
    world.relations[relationKey(b, a)]?.status === 'war'
  )
    return true;
  return activeWarBetween(world, a, b) !== undefined;
}

/** The first active war (in id order) in which two factions are on opposite sides. */
export function activeWarBetween(world: World, a: FactionId, b: FactionId): War | undefined {
  return inIdOrder(world.wars).find((w) => {
    if (w.status !== 'active') return false;
    const sa = sideOf(w, a);
    const sb = sideOf(w, b);
    return sa !== null && sb !== null && sa !== sb;
  });
}

/** A call due: a duty whose conditions are met, with what the call says. */
export interface CallDue {
  readonly duty: Duty;
  readonly war: WarId;
  readonly against: readonly FactionId[];
}

/**
 * The calls due when `partner` has new enemies `adversaries` in `war` at `place`: its partners'
 * defence pledges if it was attacked (it is on the side that did not start the war), their offence
 * pledges if it went to war (it is on the aggressor's side), and their consultation pledges either
 * way — each only where its conditions hold, and never to a party already at war on the partner's
 * side or against it, nor to one of the adversaries.
 */
export function callsDue(
  world: World,
  war: War,
  partner: FactionId,
  adversaries: readonly FactionId[],
  place: LocationId | null,
): CallDue[] {
  const side = sideOf(war, partner);
  if (side === null) return [];
  const kinds: ObligationKind[] = side === 1 ? ['defence', 'consultation'] : ['offence', 'consultation'];
  const out: CallDue[] = [];
  for (const duty of dutiesInForce(world, kinds)) {
    if (duty.to !== partner || adversaries.includes(duty.by) || sideOf(war, duty.by) !== null) continue;
    const p = duty.provision;
    const against = adversaries.filter(
      (x) =>
        holdsAgainst(world, p, x) &&
        holdsAt(world, p, place) &&
        !(p.unlessProvoked && provoked(world, war, partner, x)),
    );
    if (against.length > 0) out.push({ duty, war: war.id, against });
  }
  return out;
}

/** The party's strength now, and its share of the agreement's strength then, for Leeds (2003). */
export function powerOf(world: World, a: Agreement, party: FactionId): { then: number; now: number } {
  const now = strengthOf(world, party);
  return { then: a.power[party] ?? now, now };
}

/** The agreement's id as the key calls and breaches are named by. */
export const callKey = (seq: number, a: AgreementId, index: number, to: FactionId) =>
  `call-${seq}-${a}-${index}-${to}`;
