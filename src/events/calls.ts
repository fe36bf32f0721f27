/**
 * Calls to arms and their answers, and obligations broken: how a treaty binds. A call is the
 * casus foederis made explicit — a partner asks the obliged party to honour a pledge; the answer is
 * to honour it, honour it in part, or renege (possibly invoking a condition); silence until the
 * deadline is reneging too. Reneging, and breaking a pledge of neutrality or non-aggression, costs
 * trust with the partner and the treaty's other parties, and earns a public mark that everyone who
 * knew the treaty sees (Leeds, Long & Mitchell 2000: commitments are honoured about three times in
 * four; Snyder 1984: the fear of abandonment).
 */
import { z } from 'zod';
import { agreementId, callId, declaredId, factionId, personId, warId } from '../model/ids.js';
import type { AgreementId, FactionId } from '../model/ids.js';
import { type ObligationKind, obligationKind, supportSchema } from '../model/provision.js';
import { days } from '../model/time.js';
import { type World } from '../model/world.js';
import { defineEvent, type Observers, type PayloadsOf } from './definition.js';
import { dutiesInForce } from './obligations.js';
import { type Consequence, distrust, grievance, trust } from './relations.js';
import { because, nameOf, naming } from './telling.js';
import { updateEntry, withEntry } from './updates.js';

const YEAR = days(365);

/** The mark a faction earns by reneging on a pledge, or breaking one. */
export const FAITHLESS_MARK = 'faithless';

/**
 * Who knows of a treaty's pledge: its parties when the treaty or the pledge is secret, else every
 * faction.
 */
export function knownTo(world: World, agreement: AgreementId, provision: number): Observers {
  const a = world.agreements[agreement];
  if (!a) return [];
  const p = a.provisions[provision];
  const secret = a.secret || (p !== undefined && 'secret' in p && p.secret === true);
  return secret ? a.parties : 'all';
}

/** The treaty's other parties: those the breach wrongs besides the partner, who distrust the faithless. */
function coParties(world: World, agreement: AgreementId, except: readonly FactionId[]): FactionId[] {
  return (world.agreements[agreement]?.parties ?? []).filter((f) => !except.includes(f));
}

/**
 * What a broken word costs: the partner's grievance and distrust, the distrust of the treaty's
 * other parties, and the mark of the faithless — which everyone who knew the treaty sees
 * (`mark-earned` is public), rather than a distrust recorded for each of them.
 */
function brokenWord(
  world: World,
  by: FactionId,
  partner: FactionId,
  agreement: AgreementId,
  why: string,
  key: string,
): Consequence[] {
  return [
    grievance(partner, by, key, `${nameOf(world, by)} ${why}`, 0.6, YEAR, {
      kind: 'broken-promise',
      dealings: ['alliance'],
      sponsors: [],
    }),
    distrust(partner, by, 3, why),
    ...coParties(world, agreement, [by, partner]).map((w) => distrust(w, by, 1, why)),
    { type: 'mark-earned', faction: by, mark: FAITHLESS_MARK, cause: why },
  ];
}

export const callEvents = {
  'call-issued': defineEvent({
    fields: {
      call: declaredId(callId),
      agreement: agreementId,
      /** The provision's index in the agreement, and its kind. */
      provision: z.number().int().nonnegative(),
      obligation: obligationKind,
      support: supportSchema,
      from: factionId,
      to: factionId,
      war: warId,
      against: z.array(factionId).min(1),
      /** Whether the treaty's conditions are met (a partner may ask beyond them). */
      conditionsMet: z.boolean().default(true),
      failing: z.string().nullable().default(null),
      /** The called party's strength when the treaty was signed, and now (Leeds 2003). */
      powerAtSigning: z.number().nonnegative(),
      powerNow: z.number().nonnegative(),
    },
    apply: (world, e) => ({
      ...world,
      calls: withEntry(world.calls, e.call, {
        id: e.call,
        agreement: e.agreement,
        provision: e.provision,
        obligation: e.obligation,
        support: e.support,
        from: e.from,
        to: e.to,
        war: e.war,
        against: e.against,
        conditionsMet: e.conditionsMet,
        failing: e.failing,
        issuedAt: e.t,
        powerAtSigning: e.powerAtSigning,
        powerNow: e.powerNow,
        status: 'open',
        invoked: null,
      }),
    }),
    observers: (_world, e) => [e.from, e.to],
    tell(e, names) {
      const { n, ns } = naming(names);
      const pledge =
        e.obligation === 'consultation' ? 'consult with them' : `honour its pledge of ${e.obligation}`;
      return `${n(e.from)} call on ${n(e.to)} to ${pledge} against ${ns(e.against)} (${n(e.agreement)})${e.conditionsMet ? '' : `, though ${e.failing ?? 'the treaty does not oblige it'}`}.`;
    },
  }),

  'call-answered': defineEvent({
    fields: {
      call: callId,
      by: factionId,
      speaker: personId.nullable().default(null),
      answer: z.enum(['honoured', 'partly', 'reneged', 'lapsed']),
      /** The condition the answer invokes ("they provoked it"), if any. */
      invoked: z.string().nullable().default(null),
      reasons: z.array(z.string()).default([]),
    },
    apply: (world, e) => ({
      ...world,
      calls: updateEntry(world.calls, e.call, (c) => ({ ...c, status: e.answer, invoked: e.invoked })),
    }),
    // The answer is known to all who knew the treaty.
    observers(world, e) {
      const c = world.calls[e.call];
      if (!c) return [e.by];
      const known = knownTo(world, c.agreement, c.provision);
      return known === 'all' ? 'all' : [...known, c.from, c.to];
    },
    tell(e, names) {
      const { n } = naming(names);
      // The condition invoked is said once, even when it is also among the reasons.
      const why = because(
        e.invoked ? [`invoking: ${e.invoked}`, ...e.reasons.filter((r) => r !== e.invoked)] : e.reasons,
      );
      switch (e.answer) {
        case 'honoured':
          return `${n(e.speaker ?? e.by)} (${n(e.by)}) honours the call${why}.`;
        case 'partly':
          return `${n(e.speaker ?? e.by)} (${n(e.by)}) answers the call in part${why}.`;
        case 'reneged':
          return `${n(e.speaker ?? e.by)} (${n(e.by)}) refuses the call${why}.`;
        case 'lapsed':
          return `${n(e.by)} let the call lapse unanswered.`;
      }
    },
    consequences(world, e): Consequence[] {
      const c = world.calls[e.call];
      if (!c) return [];
      if (e.answer === 'honoured') return [trust(c.from, c.to, 2, 'our ally honoured its word')];
      // Beyond the treaty's terms, no answer breaks a word.
      if (!c.conditionsMet) return [];
      if (e.answer === 'partly') return [distrust(c.from, c.to, 1, 'our ally did less than it pledged')];
      return brokenWord(
        world,
        c.to,
        c.from,
        c.agreement,
        e.answer === 'lapsed' ? 'left our call unanswered' : 'reneged on its pledge',
        `reneged-${c.id}`,
      );
    },
  }),

  /** An act against a pledge of neutrality or non-aggression (joining a war on the partner, attacking it). */
  'obligation-broken': defineEvent({
    fields: {
      agreement: agreementId,
      provision: z.number().int().nonnegative(),
      obligation: obligationKind,
      by: factionId,
      to: factionId,
      act: z.string(),
    },
    apply: (world) => world,
    observers: (world, e) => knownTo(world, e.agreement, e.provision),
    tell(e, names) {
      const { n } = naming(names);
      return `${n(e.by)} break their pledge of ${e.obligation} to ${n(e.to)} (${n(e.agreement)}): ${e.act}.`;
    },
    consequences: (world, e): Consequence[] =>
      brokenWord(world, e.by, e.to, e.agreement, `broke its pledge of ${e.obligation}`, `broken-${e.seq}`),
  }),
};

/** The calls, answers and breaches as payloads (what other families' consequences may emit). */
export type CallPayload = PayloadsOf<typeof callEvents>;

/**
 * The pledges `by` breaks toward `victim` by an act (attacking it breaks non-aggression; joining a
 * war against it breaks neutrality too), one breach per pledge in force.
 */
export function brokenPledges(
  world: World,
  by: FactionId,
  victim: FactionId,
  kinds: readonly ObligationKind[],
  act: string,
): CallPayload[] {
  return dutiesInForce(world, kinds)
    .filter((d) => d.by === by && d.to === victim)
    .map((d) => ({
      type: 'obligation-broken',
      agreement: d.agreement.id,
      provision: d.index,
      obligation: d.provision.kind,
      by,
      to: victim,
      act,
    }));
}
