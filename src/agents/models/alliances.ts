/**
 * What an alliance with another faction would be worth, and what a faction can offer for one.
 * Built on the provision valuation (./valuation.ts) and the balance of threat (./threat.ts).
 */
import { id, type FactionId } from '../../model/ids.js';
import { PROVISION_KINDS, type Provision, type ProvisionKind } from '../../model/provision.js';
import type { Person } from '../../model/world.js';
import { HOSTILE, PLENTY, RECENT } from '../tuning.js';
import type { FactionView } from '../view.js';
import { proximity, type ThreatAssessment, threatOf } from './threat.js';
import { lessonTerms } from './lessons.js';
import { strategicTerms } from './strategy.js';
import { type Term, valueAgreement } from './valuation.js';

/** A plain pledge of mutual defence: against anyone, anywhere, with forces. */
const DEFENCE: Provision = {
  kind: 'defence',
  against: 'any',
  unlessProvoked: false,
  support: 'active',
  secret: false,
};

/**
 * The value of a defensive alliance with `candidate` as `judge` sees it: the security it brings,
 * the threat it removes if the candidate is itself a danger, its enemies, trust — and the strategic
 * reasons (./strategy.ts): the balance of threat, the war expected, entrapment and abandonment, the
 * candidate's record of honouring calls — and the lesson of a betrayal it recalls (./lessons.ts).
 */
export function allianceValue(
  view: FactionView,
  threat: ThreatAssessment,
  candidate: FactionId,
  judge: Person,
): Term[] {
  const v = valueAgreement(view, candidate, [DEFENCE], threat, judge);
  const terms = [...v.terms];
  const own = threatOf(view, candidate);
  if (own > 0 && threat.totalThreat > 0) {
    // Bandwagoning — allying with a threat to be spared by it — is the choice of the weak with no
    // one to balance it (Walt 1987): the pull fades as far as another partner could.
    const value =
      0.5 * (own / threat.totalThreat) * (0.5 + 0.5 * view.trust(candidate)) * (1 - balancing(view, threat));
    if (value > 0) terms.push({ name: `${candidate} no longer a danger`, value });
  }
  terms.push(...strategicTerms(view, threat, candidate, judge));
  // A betrayal remembered weighs on an alliance that resembles it (./lessons.ts).
  terms.push(...lessonTerms(view, { kind: 'alliance', partner: candidate }));
  return terms;
}

const balancingByAssessment = new WeakMap<ThreatAssessment, number>();

/**
 * How far, in [0, 1], the best partner not hostile to us could balance the threats we face:
 * our defence with its strength beside us (as far as we trust it, and by its proximity) against the
 * total threat. 1 when such a partner alone would make us a match for them.
 */
function balancing(view: FactionView, threat: ThreatAssessment): number {
  const known = balancingByAssessment.get(threat);
  if (known !== undefined) return known;
  let best = 0;
  for (const f of view.factionIds()) {
    if (f === view.id || view.hostilityOf(f) >= HOSTILE || turnedAgainst(view, f) !== null) continue;
    const beside =
      view.strength(f) * view.trust(f) * proximity(view.distanceTo(f), view.physics.neighbourhood);
    best = Math.max(best, beside);
  }
  const share = threat.totalThreat > 0 ? Math.min(1, (threat.defence + best) / threat.totalThreat) : 1;
  balancingByAssessment.set(threat, share);
  return share;
}

/**
 * Why `other` has turned against us, if it has: it holds itself at war with us, or a deed within
 * `RECENT` has set it hostile towards us — the cause it gave. Read from its relation to us
 * (`FactionView.regardOf`), not ours to it: the two may differ, and it is its intentions that make
 * it a threat. Balance of threat (Walt 1987, "The Origins of Alliances"): states ally against the
 * powers whose intentions towards them are aggressive; one that has just shown such intentions is
 * the threat an alliance is sought against, not a partner to court — a neighbour that has just
 * broken with a kingdom, a great power that has just taken its rival's side, the chiefs who blame
 * us for the trap laid at a conference we called. An old enmity is another matter: a faction in
 * danger may try to turn a long-hostile power into a partner against a greater threat, and that is
 * for the value of the alliance to weigh.
 */
export function turnedAgainst(view: FactionView, other: FactionId): string | null {
  const regard = view.regardOf(other);
  if (regard?.status === 'war') return `${other} is at war with us`;
  if (regard?.status !== 'hostile' || !regard.turned || view.t - regard.turned.t > RECENT) return null;
  return `${other} has turned hostile: ${regard.turned.cause}`;
}

/** Kinds a faction's principles forbid it to give (or to agree to at all). */
export function forbiddenKinds(view: FactionView): ProvisionKind[] {
  const out = new Set<ProvisionKind>();
  for (const p of view.self.principles)
    for (const f of p.forbidsProvisions) if (f.giver !== 'other') out.add(f.kind);
  return PROVISION_KINDS.filter((k) => out.has(k));
}

/** What a faction can offer for an alliance: defence, and aid from what it has plenty of (`PLENTY`). */
export function allianceOffer(view: FactionView, withTechnology = false): Provision[] {
  const offer: Provision[] = [DEFENCE];
  for (const resource of Object.keys(view.self.resources).sort().map(id.resource)) {
    const stock = view.self.resources[resource] ?? 0;
    if (stock >= PLENTY && !view.physics.neverGiven.includes(resource)) {
      offer.push({
        kind: 'aid',
        resource,
        amount: Math.round(stock * 0.05),
        condition: 'when-needed',
      });
    }
  }
  if (withTechnology) offer.push({ kind: 'technology-transfer', technology: view.physics.technology });
  return offer;
}

/** Named terms of a list, summed. */
export const total = (terms: readonly Term[]) => terms.reduce((s, t) => s + t.value, 0);
