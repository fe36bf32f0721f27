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
  switch (p.kind) {
    case 'defence':
    case 'travel-together':
      // A pledge of defence binds more than travelling together; together they bind fully.
      return defenceValue(view, partner, p.kind === 'defence' ? 0.6 : 0.4, threat, personality);
    case 'offence':
      return offenceValue(view, partner, threat, personality);
    case 'neutrality':
      return neutralityValue(view, partner, threat);
    case 'consultation':
      return [{ name: `${partner} consults us`, value: 0.05 * view.trust(partner) }];
    case 'non-aggression':
      return [
        {
          name: `no attack from ${partner}`,
          value: (threatOf(view, partner) / (threat.totalThreat + 1)) * view.trust(partner),
        },
      ];
    case 'aid':
      return aidValue(view, partner, p);
    case 'technology-transfer':
      return technologyValue(view, partner, p, personality);
    case 'weapons-transfer':
      return weaponsValue(view, partner, p, personality);
    case 'crew-exchange':
      return crewExchangeValue(view, partner, personality);
    case 'conference-attendance':
      return [{ name: 'conference attended', value: 0.05 }];
    case 'passage':
      return passageValue(view, partner, p, threat, personality);
    case 'undertaking':
      return undertakingValue(view, partner, p, personality);
  }
}

/**
 * Passage granted lets another's armies cross our land: a breach of our sovereignty, the more
 * resented the more hostile the receiver, and its enemies treat us as theirs (as a defence pledge
 * entangles, weighed by caution). Passage received is a road to the enemy, worth as much as the
 * giver is trusted to keep it open.
 */
function passageValue(
  view: FactionView,
  partner: FactionId,
  p: Extract<Provision, { kind: 'passage' }>,
  threat: ThreatAssessment,
  personality: Personality,
): Term[] {
  if ((p.giver ?? partner) === view.id) {
    const wars = enemiesInherited(view, partner);
    const danger = threat.totalThreat + 1;
    return [
      { name: `${partner}'s armies cross our land`, value: -(0.2 + 0.4 * view.hostilityOf(partner)) },
      {
        name: `${partner}'s enemies become ours`,
        value: -0.5 * (wars / (wars + view.strength(view.id) + danger)) * (0.5 + personality.caution / 2),
      },
    ];
  }
  return [{ name: `passage through ${partner}`, value: 0.2 * view.trust(partner) }];
}

/**
 * An act promised: giving one's word costs a little, and a concession to a hostile power costs the
 * proud more; one that lets the receiver act within our jurisdiction is a breach of sovereignty as
 * well, resented as passage is, the more the more hostile the receiver. An act promised to us is
 * worth as much as the giver is trusted.
 */
function undertakingValue(
  view: FactionView,
  partner: FactionId,
  p: Extract<Provision, { kind: 'undertaking' }>,
  personality: Personality,
): Term[] {
  if ((p.giver ?? partner) === view.id)
    return [
      {
        name: `our undertaking to ${partner}`,
        value: -(0.1 + 0.3 * personality.pride * view.hostilityOf(partner)),
        note: p.act,
      },
      ...(p.peaceWith !== undefined && view.relation(p.peaceWith)?.status === 'war'
        ? [
            {
              name: 'a war given up',
              value: -(0.2 + 0.5 * personality.pride),
              note: `our war on ${p.peaceWith}`,
            },
          ]
        : []),
      ...(p.sovereignty
        ? [
            {
              name: 'our sovereignty',
              value: -(0.2 + 0.4 * view.hostilityOf(partner)),
              note: `${partner} would act within our jurisdiction`,
            },
          ]
        : []),
    ];
  return [{ name: `${partner}'s undertaking`, value: 0.15 * view.trust(partner), note: p.act }];
}

/**
 * Defence pledged (fully, or in part by travelling together, as `factor` says): the partner's
 * share of the force that would face our threats, its promise half-trusted at worst; against it,
 * the partner's enemies become ours — as far as they are not our enemies already ("the only thing
 * they agree on is that we are their common enemy: it can hardly get worse"), weighed by caution.
 */
function defenceValue(
  view: FactionView,
  partner: FactionId,
  factor: number,
  threat: ThreatAssessment,
  personality: Personality,
): Term[] {
  const partnerPower =
    view.strength(partner) * proximity(view.distanceTo(partner), view.physics.neighbourhood);
  const danger = threat.totalThreat + 1;
  const gain =
    (factor + 0.4) *
    threat.vulnerability *
    (partnerPower / (partnerPower + danger)) *
    (0.5 + 0.5 * view.trust(partner));
  const wars = enemiesInherited(view, partner);
  const entanglement =
    -factor * 0.5 * (wars / (wars + view.strength(view.id) + danger)) * (0.5 + personality.caution / 2);
  return [
    { name: `security from ${partner}`, value: gain },
    ...(entanglement < -0.005 ? [{ name: `${partner}'s enemies become ours`, value: entanglement }] : []),
  ];
}

/** The force of the partner's enemies, by proximity, as far as they are not hostile to us already. */
function enemiesInherited(view: FactionView, partner: FactionId): number {
  let wars = 0;
  for (const f of view.factionIds()) {
    if (f === view.id || f === partner || view.statusBetween(f, partner) !== 'war') continue;
    wars +=
      view.strength(f) *
      proximity(view.distanceTo(f), view.physics.neighbourhood) *
      (1 - view.hostilityOf(f));
  }
  return wars;
}

/** Aid given costs a share of our stock; aid received is worth more, as far as the giver is trusted. */
/** Pledged to join the partner's wars: the strength of its enemies is what we would face, weighed by caution. */
function offenceValue(
  view: FactionView,
  partner: FactionId,
  threat: ThreatAssessment,
  personality: Personality,
): Term[] {
  let enemies = 0;
  for (const f of view.factionIds())
    if (f !== view.id && f !== partner && view.statusBetween(f, partner) === 'war')
      enemies += view.strength(f) * proximity(view.distanceTo(f), view.physics.neighbourhood);
  const danger = threat.totalThreat + 1;
  return [
    {
      name: `${partner}'s wars become ours`,
      value: -0.6 * (enemies / (enemies + view.strength(view.id) + danger)) * (0.5 + personality.caution / 2),
    },
  ];
}

/** The partner stays out of our wars: worth what it would add to our enemies, as far as trusted. */
function neutralityValue(view: FactionView, partner: FactionId, threat: ThreatAssessment): Term[] {
  const power = view.strength(partner) * proximity(view.distanceTo(partner), view.physics.neighbourhood);
  return [
    {
      name: `${partner} stays out of our wars`,
      value: 0.5 * (power / (power + threat.totalThreat + 1)) * view.trust(partner),
    },
  ];
}

function aidValue(view: FactionView, partner: FactionId, p: Extract<Provision, { kind: 'aid' }>): Term[] {
  const stock = view.self.resources[p.resource] ?? 0;
  if ((p.giver ?? partner) === view.id) {
    return [{ name: `cost of ${p.resource}`, value: -0.6 * share(p.amount, stock) }];
  }
  return [{ name: `${p.resource} received`, value: 0.8 * share(p.amount, stock) * view.trust(partner) }];
}

/**
 * Technology given away costs more the more hostile the partner; technology gained is worth the
 * gap between us to the aggressive, as far as the giver is trusted.
 */
function technologyValue(
  view: FactionView,
  partner: FactionId,
  p: Extract<Provision, { kind: 'technology-transfer' }>,
  personality: Personality,
): Term[] {
  const self = view.self;
  if ((p.giver ?? partner) === view.id) {
    return [
      {
        name: 'technology given away',
        value: -self.technology * 0.4 * (0.25 + view.hostilityOf(partner)),
      },
    ];
  }
  const gap = Math.max(0, view.faction(partner).technology - self.technology);
  return [{ name: 'technology gained', value: gap * (0.4 + personality.aggression) * view.trust(partner) }];
}

/** Weapons given away arm a possible enemy; weapons gained please the aggressive. */
function weaponsValue(
  view: FactionView,
  partner: FactionId,
  p: Extract<Provision, { kind: 'weapons-transfer' }>,
  personality: Personality,
): Term[] {
  if ((p.giver ?? partner) === view.id)
    return [{ name: 'weapons given away', value: -(0.2 + 0.5 * view.hostilityOf(partner)) }];
  return [{ name: 'weapons gained', value: 0.3 * (0.5 + personality.aggression) * view.trust(partner) }];
}

/**
 * Crew on each other's ships: an assurance against betrayal for the suspicious, and eyes aboard;
 * for the trusting, a security risk.
 */
function crewExchangeValue(view: FactionView, partner: FactionId, personality: Personality): Term[] {
  const assurance = personality.suspicion * (1 - view.trust(partner)) * 0.6;
  const exposure = -(1 - personality.suspicion) * 0.3 * view.hostilityOf(partner);
  return [
    { name: 'crew as assurance', value: assurance },
    { name: 'their crew aboard', value: exposure },
  ];
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
