/**
 * Principles as vetoes: a faction will not offer, demand or accept provisions its principles
 * forbid, nor be party to an agreement with a partner bearing a forbidden mark — whatever the gain.
 * (Red lines are constraints, not large penalties; see DESIGN.md, "Treaty evaluation".)
 */
import type { AgreementId, FactionId } from '../model/ids.js';
import { atWarWith } from '../events/obligations.js';
import type { ForbiddenAct } from '../model/vocabulary.js';
import {
  isDirected,
  matchesProvisionPattern,
  type Provision,
  type ProvisionKind,
} from '../model/provision.js';
import type { Faction, Principle, World } from '../model/world.js';

export interface Breach {
  readonly principle: Principle;
  /** The provision kinds the principle forbids that are present. */
  readonly provisions: readonly ProvisionKind[];
  /** The partner whose mark the principle forbids, when that is the breach. */
  readonly partner: FactionId | null;
  readonly mark: string | null;
}

/** The first principle of `faction` that `provisions` with `partners` would breach, if any. */
export function findBreach(
  world: World,
  faction: Faction,
  provisions: readonly Provision[],
  partners: readonly FactionId[],
): Breach | null {
  for (const principle of faction.principles) {
    const kinds = provisions
      .filter((p) =>
        principle.forbidsProvisions.some((pattern) => matchesProvisionPattern(p, pattern, faction.id)),
      )
      .map((p) => p.kind);
    if (kinds.length > 0) return { principle, provisions: [...new Set(kinds)], partner: null, mark: null };
    for (const partner of partners) {
      if (partner === faction.id) continue;
      const marks = world.factions[partner]?.marks ?? {};
      const mark = principle.forbidsPartnersMarked.find((m) => marks[m] !== undefined);
      if (mark !== undefined) return { principle, provisions: [], partner, mark };
    }
  }
  return null;
}

export function describeBreach(b: Breach): string {
  if (b.mark !== null)
    return `principle "${b.principle.id}" forbids dealing with ${b.partner}, marked ${b.mark}`;
  return `principle "${b.principle.id}" forbids ${b.provisions.join(', ')}`;
}

/**
 * Fills in the direction of one-directional provisions left open in a proposal: the giver is the
 * proposer, the receiver the one other party (in a bilateral negotiation).
 */
export function resolveProvisions(
  provisions: readonly Provision[],
  proposer: FactionId,
  parties: readonly FactionId[],
): Provision[] {
  const others = parties.filter((p) => p !== proposer);
  const counterpart = others.length === 1 ? others[0] : undefined;
  return provisions.map((p) => {
    if (!isDirected(p)) return p;
    const giver = p.giver ?? proposer;
    const receiver =
      p.receiver ?? (giver === proposer ? counterpart : giver === counterpart ? proposer : undefined);
    return { ...p, giver, ...(receiver !== undefined ? { receiver } : {}) };
  });
}

/** An act a principle may forbid (see `ForbiddenAct`): attacking a faction, declaring war, breaking a treaty. */
export type Act =
  | { readonly kind: 'attack'; readonly target: FactionId }
  | { readonly kind: 'declare-war'; readonly against: FactionId; readonly aggressor: boolean }
  | { readonly kind: 'break'; readonly agreement: AgreementId };

export interface ActBreach {
  readonly principle: Principle;
  readonly act: ForbiddenAct;
}

/**
 * The first principle of `faction` that forbids `act`, if any. An attack on a faction not at war
 * with the attacker, and a declaration of war that answers no call, are acts of aggression.
 */
export function findActBreach(world: World, faction: Faction, act: Act): ActBreach | null {
  for (const principle of faction.principles) {
    const forbidden = principle.forbidsActs.find((f) => forbids(world, faction.id, f, act));
    if (forbidden) return { principle, act: forbidden };
  }
  return null;
}

function forbids(world: World, self: FactionId, f: ForbiddenAct, act: Act): boolean {
  if ('break' in f) return act.kind === 'break' && act.agreement === f.break;
  if (act.kind === 'break') return false;
  const target = act.kind === 'attack' ? act.target : act.against;
  const aggression = act.kind === 'attack' ? !atWarWith(world, self, target) : act.aggressor;
  if ('aggression' in f) return aggression;
  if (f.attack === 'not-at-war') return !atWarWith(world, self, target);
  if (typeof f.attack === 'string') return f.attack === target;
  const league = world.agreements[f.attack.membersOf];
  return league !== undefined && league.status === 'active' && league.parties.includes(target);
}

export function describeActBreach(b: ActBreach): string {
  const f = b.act;
  const what =
    'break' in f
      ? `breaking ${f.break}`
      : 'aggression' in f
        ? 'entering a war as the aggressor'
        : f.attack === 'not-at-war'
          ? 'attacking a faction not at war with us'
          : typeof f.attack === 'string'
            ? `attacking ${f.attack}`
            : `attacking a member of ${f.attack.membersOf}`;
  return `principle "${b.principle.id}" forbids ${what}`;
}
