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
import { days } from '../../model/time.js';
import { opposite } from '../../events/obligations.js';
import type { Agreement, Personality, War } from '../../model/world.js';
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

/**
 * The casus foederis as a leader reads it before a war: the treaty, if any, by which `by` owes
 * `to` help in a war between `to` and `enemy` — an offence pledge when `to` strikes first, a
 * defence pledge when `to` is the one attacked, each only against those it names (Leeds, Ritter,
 * Mitchell & Long 2002, ATOP's conditions). An alliance whose pledge does not hold is no help in
 * that war (Snyder 1984: the ally may stay out without breaking its word).
 */
export function pledgeHolding(
  view: FactionView,
  by: FactionId,
  to: FactionId,
  enemy: FactionId,
  toStarts: boolean,
): Agreement | undefined {
  const kind = toStarts ? 'offence' : 'defence';
  return view
    .knownAgreements()
    .find(
      (a) =>
        a.parties.includes(by) &&
        a.parties.includes(to) &&
        a.provisions.some(
          (p) =>
            p.kind === kind &&
            (p.by ?? a.parties).includes(by) &&
            (p.to ?? a.parties).includes(to) &&
            (p.against === 'any'
              ? true
              : Array.isArray(p.against)
                ? p.against.includes(enemy)
                : (view.agreement(p.against.membersOf)?.parties.includes(enemy) ?? false)),
        ),
    );
}

/** How far a leader counts on a partner of the enemy bound to it by no pledge covering the war. */
const UNPLEDGED_HELP = 0.5;

/**
 * The sides of a war `view`'s faction would start against `enemy`, and its odds. Beside us, only
 * the allies whose pledges hold when we strike first (offence pledges against the enemy or one of
 * its partners): a war of choice is planned with the help owed, not the help hoped for. Beside the
 * enemy, those whose defence pledges to it hold, in full, and its partners by relation bound by
 * no such pledge, at half their strength: they may come or stand aside (Huth 1988: a protector's
 * commitment deters as far as it is formal). With `secondFront` (a war apart from those we fight),
 * those we are at war with already count against us too. `beside`: those who will fight with us in any case
 * (a partner already at war with the enemy's side).
 */
export function sidesOfAWarOfChoice(
  view: FactionView,
  enemy: FactionId,
  beside: readonly FactionId[] = [],
  secondFront = false,
): {
  readonly friends: FactionId[];
  readonly enemies: FactionId[];
  readonly odds: number;
  readonly risk: number;
} {
  const others = view.factionIds().filter((f) => f !== view.id && f !== enemy);
  const pledged = others.filter((f) => pledgeHolding(view, f, enemy, view.id, false) !== undefined);
  const unpledged = others.filter((f) => !pledged.includes(f) && view.statusBetween(enemy, f) === 'allied');
  // With `secondFront`, a new war beside an old one: those we already fight fight on.
  const fighting = secondFront
    ? others.filter(
        (f) => !pledged.includes(f) && !unpledged.includes(f) && view.relation(f)?.status === 'war',
      )
    : [];
  const enemies = [enemy, ...pledged, ...unpledged, ...fighting];
  const friends = others.filter(
    (f) =>
      !enemies.includes(f) &&
      (beside.includes(f) || enemies.some((e) => pledgeHolding(view, f, view.id, e, true) !== undefined)),
  );
  const ours = strengthOfSide(view, [view.id, ...friends]);
  const theirs =
    strengthOfSide(view, [enemy, ...pledged, ...fighting]) + UNPLEDGED_HELP * strengthOfSide(view, unpledged);
  return {
    friends,
    enemies,
    odds: ours / Math.max(0.01, theirs),
    risk: theirs / Math.max(0.01, ours + theirs),
  };
}

/**
 * What a war `attacker` would make on us is worth to us, as a leader of caution `caution` sees it:
 * the enemy's share of the force engaged, weighed as `risk` is in every war question. Beside us,
 * those whose defence pledges hold, in full, and our partners by relation bound by none, at half;
 * beside the attacker, those whose offence pledges to it hold against us. The threat behind a
 * demand (Schelling 1966): refusing it is worth this much (Fearon 1995 — a bargain both prefer
 * to war exists when war is costly).
 */
export function costOfAWarUpon(view: FactionView, attacker: FactionId, caution: number): number {
  const others = view.factionIds().filter((f) => f !== view.id && f !== attacker);
  const theirs = [
    attacker,
    ...others.filter((f) => pledgeHolding(view, f, attacker, view.id, true) !== undefined),
  ];
  const pledged = others.filter(
    (f) => !theirs.includes(f) && pledgeHolding(view, f, view.id, attacker, false) !== undefined,
  );
  const unpledged = others.filter(
    (f) => !theirs.includes(f) && !pledged.includes(f) && view.statusBetween(view.id, f) === 'allied',
  );
  const ours = strengthOfSide(view, [view.id, ...pledged]) + UNPLEDGED_HELP * strengthOfSide(view, unpledged);
  const against = strengthOfSide(view, theirs);
  return -(0.2 + 0.8 * caution) * (against / Math.max(0.01, ours + against));
}

/**
 * Those a war would draw in against us if we joined it against `enemies`: factions not yet in it
 * that owe one of the enemies a pledge holding against us — an offence pledge to a belligerent of
 * the side that began the war, a defence pledge to one of the side attacked — as the engine's
 * calls would (src/events/obligations.ts). Joining a war brings its enemies' allies in with it.
 */
export function alliesDrawnIn(view: FactionView, war: War, enemies: readonly FactionId[]): FactionId[] {
  return view
    .factionIds()
    .filter(
      (f) =>
        f !== view.id &&
        !enemies.includes(f) &&
        !war.sides.some((side) => side.includes(f)) &&
        enemies.some((e) => pledgeHolding(view, f, e, view.id, war.sides[0].includes(e)) !== undefined),
    );
}

/** A peace made is not broken within this time: the war would be the same war again. */
export const PEACE_HOLDS = days(90);

/** Did we make peace with `f` (leave a war against it, or see it leave one against us) since `since`? */
export function peaceMadeWith(view: FactionView, f: FactionId, since: number): boolean {
  return view.warsFought().some((w) => {
    const ours = w.sides[0].includes(view.id) ? 0 : 1;
    if (!opposite(w, ours).includes(f)) return false;
    const left = Math.max(w.left[view.id] ?? -Infinity, w.left[f] ?? -Infinity, w.endedAt ?? -Infinity);
    return left >= since;
  });
}
