/**
 * Treaty evaluation: every provision valued in one currency from the evaluator's side, as Freeciv's
 * AI prices every clause of a treaty in gold (ai/default/daidiplomacy.c, dai_goldequiv_clause).
 * The currency here is "security": roughly, the share of the faction's danger a provision removes
 * or adds, so values are comparable across provisions and with the options of other decisions.
 *
 * - What the partner promises (its defence, its aid, its technology) is discounted by trust: the
 *   expected value of a Beta reputation (Jøsang & Ismail 2002).
 * - Principles and the leader's own demands are vetoes, never large penalties: an agreement that
 *   breaches one is unacceptable whatever its value (DESIGN.md, "Treaty evaluation").
 * - Biases are explicit, named terms: a leader biased against counterparts with a tag discounts
 *   terms set by them, and at full strength will not accept them at all.
 */
import type { FactionId } from '../../model/ids.js';
import { isDirected, matchesProvisionPattern, type Provision } from '../../model/provision.js';
import type { Person, Personality } from '../../model/world.js';
import { describeBreach } from '../../engine/principles.js';
import type { FactionView } from '../view.js';
import { proximity, type ThreatAssessment, threatOf } from './threat.js';

export interface Term {
  readonly name: string;
  readonly value: number;
  readonly note?: string;
}

export interface Valuation {
  readonly total: number;
  readonly terms: readonly Term[];
  /** The rule that makes the terms unacceptable, if one does (`principle:…`, `demand:…`, `bias:…`). */
  readonly veto: string | null;
  readonly vetoNote: string | null;
}

export const sumTerms = (terms: readonly Term[]) => terms.reduce((s, t) => s + t.value, 0);

/** A resource's scarcity for a faction: giving `amount` of a stock costs this share of it. */
function share(amount: number, stock: number): number {
  return amount / (stock + amount + 1);
}

/** The value to `view`'s faction of one provision in an agreement with `partner`. */
export function valueProvision(
  view: FactionView,
  partner: FactionId,
  p: Provision,
  threat: ThreatAssessment,
  personality: Personality,
): Term[] {
  const self = view.self;
  const them = view.faction(partner);
  const trust = view.trust(partner);
  const partnerPower = view.strength(partner) * proximity(view.distanceTo(partner));
  const danger = threat.totalThreat + 1;
  switch (p.kind) {
    case 'defence':
    case 'travel-together': {
      // A pledge of defence binds more than travelling together; together they bind fully.
      const factor = p.kind === 'defence' ? 0.6 : 0.4;
      // The partner's share of the force that would face our threats, its promise half-trusted at worst.
      const gain =
        (factor + 0.4) *
        threat.vulnerability *
        (partnerPower / (partnerPower + danger)) *
        (0.5 + 0.5 * trust);
      // The partner's enemies become ours — as far as they are not our enemies already ("the only
      // thing they agree on is that we are their common enemy: it can hardly get worse").
      let wars = 0;
      for (const f of view.factionIds()) {
        if (f === view.id || f === partner || view.statusBetween(f, partner) !== 'war') continue;
        wars += view.strength(f) * proximity(view.distanceTo(f)) * (1 - view.hostilityOf(f));
      }
      const entanglement =
        -factor * 0.5 * (wars / (wars + view.strength(view.id) + danger)) * (0.5 + personality.caution / 2);
      return [
        { name: `security from ${partner}`, value: gain },
        ...(entanglement < -0.005 ? [{ name: `${partner}'s enemies become ours`, value: entanglement }] : []),
      ];
    }
    case 'non-aggression':
      return [{ name: `no attack from ${partner}`, value: (threatOf(view, partner) / danger) * trust }];
    case 'neutrality':
      // The partner will not join our enemies: worth what it would add to them.
      return [
        {
          name: `${partner} stays out of our wars`,
          value: 0.5 * (partnerPower / (partnerPower + danger)) * trust,
        },
      ];
    case 'offence': {
      // Pledged to join the partner's wars: its enemies' strength is what we would face.
      let enemies = 0;
      for (const f of view.factionIds())
        if (f !== view.id && f !== partner && view.statusBetween(f, partner) === 'war')
          enemies += view.strength(f) * proximity(view.distanceTo(f));
      return [
        {
          name: `${partner}'s wars become ours`,
          value:
            -0.6 * (enemies / (enemies + view.strength(view.id) + danger)) * (0.5 + personality.caution / 2),
        },
      ];
    }
    case 'consultation':
      return [{ name: `${partner} consults us`, value: 0.05 * trust }];
    case 'aid': {
      const giver = p.giver ?? partner;
      if (giver === view.id) {
        return [
          { name: `cost of ${p.resource}`, value: -0.6 * share(p.amount, self.resources[p.resource] ?? 0) },
        ];
      }
      return [
        {
          name: `${p.resource} received`,
          value: 0.8 * share(p.amount, self.resources[p.resource] ?? 0) * trust,
        },
      ];
    }
    case 'technology-transfer': {
      const giver = p.giver ?? partner;
      if (giver === view.id) {
        return [
          {
            name: 'technology given away',
            value: -self.technology * 0.4 * (0.25 + view.hostilityOf(partner)),
          },
        ];
      }
      const gap = Math.max(0, them.technology - self.technology);
      return [{ name: 'technology gained', value: gap * (0.4 + personality.aggression) * trust }];
    }
    case 'weapons-transfer': {
      const giver = p.giver ?? partner;
      if (giver === view.id)
        return [{ name: 'weapons given away', value: -(0.2 + 0.5 * view.hostilityOf(partner)) }];
      return [{ name: 'weapons gained', value: 0.3 * (0.5 + personality.aggression) * trust }];
    }
    case 'crew-exchange': {
      // Crew on each other's ships: an assurance against betrayal for the suspicious, and eyes
      // aboard; for the trusting, a security risk.
      const assurance = personality.suspicion * (1 - trust) * 0.6;
      const exposure = -(1 - personality.suspicion) * 0.3 * view.hostilityOf(partner);
      return [
        { name: 'crew as assurance', value: assurance },
        { name: 'their crew aboard', value: exposure },
      ];
    }
    case 'conference-attendance':
      return [{ name: 'conference attended', value: 0.05 }];
  }
}

/**
 * The value of an agreement's provisions to `view`'s faction, judged by `judge` (its leader, or an
 * advisor weighing it from their own personality), with vetoes.
 * @param proposer the person who set the terms, for biases against counterparts.
 */
export function valueAgreement(
  view: FactionView,
  partner: FactionId,
  provisions: readonly Provision[],
  threat: ThreatAssessment,
  judge: Person,
  proposer?: Person,
): Valuation {
  const terms: Term[] = [];
  for (const p of provisions) terms.push(...valueProvision(view, partner, p, threat, judge.personality));
  // Trust in the partner's word beyond the provisions themselves.
  const distrust = 1 - view.trust(partner);
  if (provisions.length > 0)
    terms.push({
      name: `distrust of ${partner}`,
      value: -0.15 * distrust * (0.5 + judge.personality.suspicion),
    });
  let veto: string | null = null;
  let vetoNote: string | null = null;
  const breach = view.breachOf(provisions, [view.id, partner]);
  if (breach) {
    veto = `principle:${breach.principle.id}`;
    vetoNote = describeBreach(breach);
  }
  const leader = view.leader();
  for (const demand of leader.demands) {
    if (!provisions.some((p) => matchesProvisionPattern(p, demand, view.id))) {
      veto ??= `demand:${demand.kind}`;
      vetoNote ??= `${leader.name} insists on ${demand.kind.replace(/-/g, ' ')}`;
    }
  }
  if (proposer && proposer.faction !== view.id) {
    for (const bias of judge.biases) {
      if (!proposer.tags.includes(bias.against.tag)) continue;
      terms.push({ name: `bias:${bias.id}`, value: -bias.strength * 0.5, note: bias.text });
      if (bias.strength >= 1) {
        veto ??= `bias:${bias.id}`;
        vetoNote ??= bias.text || `${judge.name} will not accept terms set by ${proposer.name}`;
      }
    }
  }
  return { total: sumTerms(terms), terms, veto, vetoNote };
}

/** A provision's direction filled in for `self` offering to `partner` (giver self by default). */
export function offeredBy(self: FactionId, partner: FactionId, p: Provision): Provision {
  if (!isDirected(p)) return p;
  return { ...p, giver: p.giver ?? self, receiver: p.receiver ?? partner };
}
