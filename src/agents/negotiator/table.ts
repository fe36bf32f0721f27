/**
 * The negotiation table as one party sees it: the agenda as an outcome space of provisions
 * (diplomacy/negotiation/provisions.ts), the party's valuation as linear-additive preferences with
 * its principles, its leader's demands and the other side's stated red lines as red lines, and a
 * time-dependent strategy (Faratin, Sierra & Jennings 1998): e small (Boulware) for a proud
 * negotiator, large (Conceder) for a humble one, the deadline T in rounds longer for a patient one.
 */
import { createRng } from '../../common/random.js';
import {
  assignmentOf,
  createProvisionAgenda,
  createUtilityIndex,
  type OutcomePattern,
  type PartyPreferences,
  preferencesFromValues,
  type ProvisionAgenda,
  provisionIssueName,
  redLinesFromPatterns,
  type Strategy,
  timeDependent,
} from '../../diplomacy/negotiation/index.js';
import type { FactionId } from '../../model/ids.js';
import { matchesProvisionPattern, type Provision } from '../../model/provision.js';
import type { Negotiation, Person } from '../../model/world.js';
import { valueProvision } from '../models/valuation.js';
import { costOfAWarUpon } from '../models/war.js';
import type { Situation } from '../situation.js';
import { DISTRUST_COST, MAX_AGENDA } from '../tuning.js';
import type { FactionView } from '../view.js';
import { agendaOf, openingTerms } from './agenda.js';

export interface Table {
  readonly agenda: ProvisionAgenda;
  /** The mover's preferences over the agenda, red lines included (for the talks' utility space). */
  readonly preferences: PartyPreferences;
  readonly items: readonly Provision[];
  /** The mover's and the other side's places among the parties. */
  readonly me: number;
  readonly them: number;
  readonly deadline: number;
  /** The mover's utility of a set of terms (normalised, the strategy's own currency). */
  readonly utility: (terms: readonly Provision[]) => number;
  readonly reservation: number;
  readonly strategy: Strategy;
}

/** Concession exponent from personality: the proud concede late (Boulware), the humble early. */
export function concessionExponent(p: Person): number {
  return 0.2 + 1.8 * (1 - p.personality.pride);
}

export function deadlineRounds(p: Person): number {
  return 3 + Math.round(6 * p.personality.patience);
}

/** The table of talks `n` for `view`'s faction facing `other`; null when there is nothing to negotiate. */
export function tableFor(
  view: FactionView,
  s: Situation,
  n: Negotiation,
  other: FactionId,
  leader: Person,
): Table | null {
  const items = agendaOf(view, n).slice(0, MAX_AGENDA);
  if (items.length === 0) return null;
  const agenda = createProvisionAgenda(items.map((provision) => ({ kind: 'include' as const, provision })));
  const values = items.map((p) =>
    valueProvision(view, other, p, s.threat, leader.personality).reduce((sum, t) => sum + t.value, 0),
  );
  const preferences = preferencesFromValues(
    agenda,
    values,
    noAgreementValue(view, n, other, leader, items, values),
    {
      redLines: redLinesOf(view, n, other, leader, agenda, items),
    },
  );
  const me = n.parties.indexOf(view.id);
  const deadline = deadlineRounds(leader);
  const strategy = timeDependent({ e: concessionExponent(leader) })({
    party: me,
    name: view.id,
    parties: n.parties,
    space: agenda.space,
    preferences,
    index: createUtilityIndex(agenda.space, preferences),
    deadline: { rounds: deadline },
    rng: createRng(`${n.id}:${view.id}`),
  });
  return {
    agenda,
    preferences,
    items,
    me,
    them: n.parties.indexOf(other),
    deadline,
    utility: (terms) => preferences.utility.utility(assignmentOf(agenda, terms)),
    reservation: preferences.reservation,
    strategy,
  };
}

/**
 * What no agreement is worth: any treaty with the untrusted carries a cost, so no agreement is
 * worth that much more — but never more than the terms the faction itself declared it would offer.
 */
function noAgreementValue(
  view: FactionView,
  n: Negotiation,
  other: FactionId,
  leader: Person,
  items: readonly Provision[],
  values: readonly number[],
): number {
  const declared = openingTerms(view, n, other);
  const declaredValue = declared.reduce((sum, p) => {
    const i = items.findIndex((q) => provisionIssueName(q) === provisionIssueName(p));
    return sum + (values[i] ?? 0);
  }, 0);
  const distrustCost = DISTRUST_COST * (1 - view.trust(other)) * (0.5 + leader.personality.suspicion);
  const value = declared.length > 0 ? Math.min(distrustCost, declaredValue) : distrustCost;
  // A demand made of us carries its alternative, a war with the one who made it — unless we are at
  // war with it already.
  const demand = n.offers[0];
  if (demand?.kind === 'demand' && demand.by === other && view.relation(other)?.status !== 'war')
    return Math.min(value, costOfAWarUpon(view, other, leader.personality.caution));
  return value;
}

/** The outcomes the mover will not agree to. */
function redLinesOf(
  view: FactionView,
  n: Negotiation,
  other: FactionId,
  leader: Person,
  agenda: ProvisionAgenda,
  items: readonly Provision[],
): OutcomePattern[] {
  return [
    // A treaty of nothing is no treaty.
    { terms: items.map((_, issue) => ({ issue, values: [0] })) },
    ...redLinesFromPatterns(
      agenda,
      view.self.principles.flatMap((p) => p.forbidsProvisions),
      view.id,
    ),
    // A demanded provision must be in: leaving it out is a red line.
    ...leader.demands.flatMap((d) => {
      const issues = items.flatMap((p, i) => (matchesProvisionPattern(p, d, view.id) ? [i] : []));
      return issues.length > 0 ? [{ terms: issues.map((issue) => ({ issue, values: [0] })) }] : [];
    }),
    // What the other side refused on principle is not offered again (their stated red lines).
    ...items.flatMap((p, issue) =>
      (n.refused[other] ?? []).includes(p.kind) ? [{ terms: [{ issue, values: [1] }] }] : [],
    ),
  ];
}
