/**
 * How a leader sizes up a war: the strength of each side (fleets' firepower, public), the odds for
 * its own side, the odds its personality accepts before it starts a fight, and the pledges of peace
 * it would break by fighting a faction.
 *
 * The accepted odds follow the leader's temper rather than a fixed ratio: two to one for the
 * unremarkable (caution and aggression one half), up to three and a half to one for the most
 * cautious and meek, down to one half for the reckless — who will attack the stronger.
 */
import type { FactionId } from '../../model/ids.js';
import type { Agreement, Personality } from '../../model/world.js';
import type { ThreatAssessment } from './threat.js';
import type { FactionView } from '../view.js';

/** The least ratio of our force to theirs at which a leader of this temper starts a fight. */
export function acceptableOdds(p: Personality): number {
  return 1.5 + 2 * p.caution - p.aggression;
}

/** The summed strength of factions, each counted once. */
export function strengthOfSide(view: FactionView, factions: readonly FactionId[]): number {
  return [...new Set(factions)].reduce((sum, f) => sum + view.strength(f), 0);
}

/** Our side's odds (its strength to the enemies'), and the enemies' share of all the force engaged. */
export function oddsOf(
  view: FactionView,
  friends: readonly FactionId[],
  enemies: readonly FactionId[],
): { readonly odds: number; readonly risk: number } {
  const ours = strengthOfSide(view, [view.id, ...friends]);
  const theirs = strengthOfSide(view, enemies);
  return { odds: ours / Math.max(0.01, theirs), risk: theirs / Math.max(0.01, ours + theirs) };
}

/** The share of the threat we face that comes from these factions, in [0, 1]. */
export function threatShare(threat: ThreatAssessment, factions: readonly FactionId[]): number {
  if (threat.totalThreat <= 0) return 0;
  const from = threat.threats.filter((t) => factions.includes(t.faction)).reduce((s, t) => s + t.threat, 0);
  return from / threat.totalThreat;
}

/** Our treaties in force that pledge us not to fight `enemy` (neutrality, non-aggression). */
export function pledgesOfPeace(view: FactionView, enemy: FactionId): Agreement[] {
  return view
    .agreements()
    .filter(
      (a) =>
        a.parties.includes(enemy) &&
        a.provisions.some(
          (p) =>
            (p.kind === 'neutrality' || p.kind === 'non-aggression') &&
            (p.by ?? a.parties).includes(view.id) &&
            (p.to ?? a.parties).includes(enemy),
        ),
    );
}

/** The greatest grievance we hold against any of these factions. */
export function worstGrievance(view: FactionView, factions: readonly FactionId[]): number {
  return factions.reduce((m, f) => Math.max(m, view.grievance(f)), 0);
}

/** Do we owe `partner` a pledge of defence, offence or travelling together under a treaty in force? */
export function pledgedTo(view: FactionView, partner: FactionId): boolean {
  return view
    .agreements()
    .some(
      (a) =>
        a.parties.includes(partner) &&
        a.provisions.some(
          (p) =>
            (p.kind === 'defence' || p.kind === 'offence' || p.kind === 'travel-together') &&
            ('by' in p ? (p.by ?? a.parties) : a.parties).includes(view.id) &&
            ('to' in p ? (p.to ?? a.parties) : a.parties).includes(partner),
        ),
    );
}
