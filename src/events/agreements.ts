/**
 * Agreements between factions: concluded, dissolved, delivered on (resources transferred), and
 * found in breach of a party's principles.
 */
import { z } from 'zod';
import {
  agreementId,
  declaredId,
  factionId,
  negotiationId,
  personId,
  principleId,
  resourceId,
} from '../model/ids.js';
import type { FactionId } from '../model/ids.js';
import { days } from '../model/time.js';
import { describeProvision, provisionSchema } from '../model/provision.js';
import { type Agreement, relationKey, sortedIds, type World } from '../model/world.js';
import { strengthOf } from '../model/world-index.js';
import { defineEvent, type EventOf } from './definition.js';
import { factionOfPerson, partiesToTalks } from './observers.js';
import { type Consequence, grievance, relationChange, trust } from './relations.js';
import { list, nameOf, naming } from './telling.js';
import { setAgreementStatus, updateEntry, updateFaction, withEntry } from './updates.js';

const MONTH = days(30);

const concludedFields = {
  agreement: declaredId(agreementId),
  negotiation: negotiationId.nullable().default(null),
  parties: z.array(factionId).min(2),
  provisions: z.array(provisionSchema).min(1),
  /** What the treaty is called, if it has a name. */
  name: z.string().nullable().default(null),
  /** Known to its parties alone. */
  secret: z.boolean().default(false),
};

export const agreementEvents = {
  'agreement-concluded': defineEvent({
    fields: concludedFields,
    apply(world, e) {
      if (new Set(e.parties).size < 2) return world;
      const existing = world.agreements[e.agreement];
      const agreement: Agreement = {
        id: e.agreement,
        name: e.name,
        parties: e.parties,
        provisions: e.provisions,
        status: 'active',
        history: [...(existing?.history ?? []), { t: e.t, status: 'active', by: null, reason: 'concluded' }],
        negotiation: e.negotiation,
        delivered: existing?.delivered ?? {},
        signed: e.t,
        // The parties' strength now, against which their strength when a call comes is measured.
        power: Object.fromEntries(e.parties.map((f) => [f, strengthOf(world, f)])),
        secret: e.secret,
        leader: null,
        expires: null,
      };
      world = { ...world, agreements: withEntry(world.agreements, agreement.id, agreement) };
      // An alliance made ends the search for one.
      if (e.provisions.some((p) => p.kind === 'defence' || p.kind === 'travel-together')) {
        for (const party of e.parties)
          world = updateFaction(world, party, (f) => ({ ...f, agenda: { ...f.agenda, alliance: null } }));
      }
      if (e.negotiation) {
        world = {
          ...world,
          negotiations: updateEntry(world.negotiations, e.negotiation, (n) => ({ ...n, status: 'agreed' })),
        };
      }
      return world;
    },
    observers: (world, e) => [...e.parties, ...partiesToTalks(world, e.negotiation)],
    tell(e, names) {
      const { ns } = naming(names);
      return `${ns(e.parties)} conclude an agreement: ${list(e.provisions.map(describeProvision))}.`;
    },
    consequences: concludedConsequences,
  }),

  'agreement-dissolved': defineEvent({
    fields: {
      agreement: agreementId,
      by: factionId,
      speaker: personId,
      reason: z.string(),
      principle: principleId.nullable().default(null),
    },
    apply: (world, e) => setAgreementStatus(world, e.agreement, 'dissolved', e.by, e.reason, e.t),
    observers: (world, e) => [e.by, ...factionOfPerson(world, e.speaker)],
    tell(e, names) {
      const { n } = naming(names);
      return `${n(e.speaker)} ends ${n(e.by)}'s agreement ${e.agreement}: ${e.reason}${e.principle ? ` [principle ${e.principle}]` : ''}.`;
    },
    // The partners fall back to neutral, each liking the other less (the one who ended it, more so).
    consequences(world, e): Consequence[] {
      const out: Consequence[] = [];
      for (const other of world.agreements[e.agreement]?.parties ?? []) {
        if (other === e.by) continue;
        out.push(relationChange(e.by, other, 'neutral', -0.3, e.reason));
        out.push(relationChange(other, e.by, 'neutral', -0.2, 'agreement ended'));
      }
      return out;
    },
  }),

  'resources-transferred': defineEvent({
    fields: {
      from: factionId,
      to: factionId,
      resource: resourceId,
      amount: z.number().positive(),
      agreement: agreementId.nullable().default(null),
      purpose: z.string(),
    },
    apply(world, e) {
      const move = (id: FactionId, delta: number) => {
        world = updateFaction(world, id, (f) => ({
          ...f,
          resources: { ...f.resources, [e.resource]: Math.max(0, (f.resources[e.resource] ?? 0) + delta) },
        }));
      };
      move(e.from, -e.amount);
      move(e.to, e.amount);
      const agreement = e.agreement;
      if (agreement) {
        const key = `${e.from}>${e.resource}`;
        world = {
          ...world,
          agreements: updateEntry(world.agreements, agreement, (a) => ({
            ...a,
            delivered: { ...a.delivered, [key]: (a.delivered[key] ?? 0) + e.amount },
          })),
        };
      }
      return world;
    },
    observers: (_world, e) => [e.from, e.to],
    tell(e, names) {
      const { n } = naming(names);
      return `${n(e.from)} gives ${e.amount} ${e.resource} to ${n(e.to)} (${e.purpose}).`;
    },
    // Aid delivered under an agreement is a promise kept.
    consequences: (_world, e): Consequence[] =>
      e.agreement ? [trust(e.to, e.from, 1, 'aid delivered')] : [],
  }),

  'principle-violated': defineEvent({
    fields: { faction: factionId, principle: principleId, agreement: agreementId, by: z.string() },
    apply: (world, e) => ({
      ...world,
      violations: withEntry(world.violations, `${e.faction}>${e.principle}>${e.agreement}`, e.t),
    }),
    observers: (_world, e) => [e.faction],
    tell(e, names) {
      const { n } = naming(names);
      return `Principle violated by ${n(e.faction)}: ${e.principle} (${e.by}).`;
    },
  }),
};

/**
 * Partners trust each other more, and become allies when the treaty is an alliance (it pledges
 * defence, offence or travelling together — an exchange or a demand granted is not one); factions
 * at war with a party now resent its new partners and expect the worst of them ("the ally of my
 * enemy", Walt 1987: alignment responds to perceived intentions).
 */
function concludedConsequences(world: World, e: EventOf<typeof concludedFields>): Consequence[] {
  const out: Consequence[] = [];
  const parties = [...e.parties].sort();
  const alliance = e.provisions.some(
    (p) => p.kind === 'defence' || p.kind === 'offence' || p.kind === 'travel-together',
  );
  for (const a of parties) {
    for (const b of parties) {
      if (a === b) continue;
      if (alliance) out.push(relationChange(a, b, 'allied', 0.2, `agreement ${e.agreement}`));
      out.push(trust(a, b, 1, `agreement ${e.agreement}`));
    }
  }
  for (const x of sortedIds(world.factions)) {
    if (parties.includes(x)) continue;
    for (const enemy of parties) {
      if (world.relations[relationKey(x, enemy)]?.status !== 'war') continue;
      for (const ally of parties) {
        if (ally === enemy) continue;
        out.push(
          grievance(
            x,
            ally,
            `allied-with-${enemy}-${e.seq}`,
            `${nameOf(world, ally)} allied with ${nameOf(world, enemy)}`,
            0.3,
            MONTH,
          ),
        );
        out.push({
          type: 'belief-updated',
          holder: x,
          about: ally,
          intentions: -0.5,
          suspicion: `allied with ${nameOf(world, enemy)}`,
        });
      }
    }
  }
  return out;
}
