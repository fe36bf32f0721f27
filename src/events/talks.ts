/**
 * Talks between factions: opened aboard a ship, at a place or through a channel; offers,
 * counter-offers and demands put on the table; terms rejected; talks ended. What is said in talks
 * is heard by all their parties.
 */
import { z } from 'zod';
import {
  agreementId,
  channelId,
  declaredId,
  factionId,
  locationId,
  negotiationId,
  personId,
  principleId,
  shipId,
} from '../model/ids.js';
import { days } from '../model/time.js';
import { describeProvision, provisionKind, provisionSchema } from '../model/provision.js';
import { offerKind } from '../model/vocabulary.js';
import type { Agreement } from '../model/world.js';
import { defineEvent } from './definition.js';
import { partiesToTalks, saidInTalks } from './observers.js';
import { type Consequence, grievance, relationChange } from './relations.js';
import { list, nameOf, naming } from './telling.js';
import { setAgreementStatus, updateEntry, withEntry } from './updates.js';

const MONTH = days(30);

export const talkEvents = {
  'negotiation-opened': defineEvent({
    fields: {
      negotiation: declaredId(negotiationId),
      parties: z.array(factionId).min(2),
      initiator: factionId,
      aboard: shipId.nullable().default(null),
      at: locationId.nullable().default(null),
      channel: channelId.nullable().default(null),
    },
    apply(world, e) {
      if (new Set(e.parties).size < 2) return world;
      return {
        ...world,
        negotiations: withEntry(world.negotiations, e.negotiation, {
          id: e.negotiation,
          parties: e.parties,
          aboard: e.aboard,
          venue: e.at,
          channel: e.channel,
          agreement: null,
          offers: [],
          refused: {},
          status: 'open',
        }),
      };
    },
    observers: (world, e) => [e.initiator, ...e.parties, ...partiesToTalks(world, e.negotiation)],
    tell(e, names) {
      const { n, ns } = naming(names);
      return `Talks open between ${ns(e.parties)}${e.aboard ? ` aboard ${n(e.aboard)}` : e.at ? ` at ${n(e.at)}` : ''}.`;
    },
  }),

  'offer-made': defineEvent({
    fields: {
      negotiation: negotiationId,
      agreement: declaredId(agreementId),
      by: factionId,
      speaker: personId,
      kind: offerKind,
      /** The full terms now on the table. */
      provisions: z.array(provisionSchema),
      /** What this move added to the terms that stood before it (all of them for a first offer). */
      added: z.array(provisionSchema).default([]),
      excluded: z.array(provisionKind).default([]),
    },
    // The terms on the table are the agreement proposed (made on the first offer).
    apply(world, e) {
      const negotiation = world.negotiations[e.negotiation];
      if (!negotiation) return world;
      const offer = {
        t: e.t,
        by: e.by,
        speaker: e.speaker,
        kind: e.kind,
        provisions: e.provisions,
        added: e.added,
        excluded: e.excluded,
      };
      world = {
        ...world,
        negotiations: withEntry(world.negotiations, negotiation.id, {
          ...negotiation,
          agreement: e.agreement,
          offers: [...negotiation.offers, offer],
        }),
      };
      const existing = world.agreements[e.agreement];
      const agreement: Agreement = existing
        ? { ...existing, provisions: e.provisions }
        : {
            id: e.agreement,
            name: null,
            parties: negotiation.parties,
            provisions: e.provisions,
            status: 'proposed',
            history: [{ t: e.t, status: 'proposed', by: e.by, reason: 'offer made' }],
            negotiation: negotiation.id,
            delivered: {},
            signed: null,
            power: {},
            secret: false,
            leader: null,
            expires: null,
          };
      return { ...world, agreements: withEntry(world.agreements, agreement.id, agreement) };
    },
    observers: saidInTalks,
    tell(e, names) {
      const { n } = naming(names);
      const verb = e.kind === 'demand' ? 'demands' : e.kind === 'counter' ? 'counters with' : 'offers';
      const terms = e.kind === 'demand' && e.added.length > 0 ? e.added : e.provisions;
      return `${n(e.speaker)} (${n(e.by)}) ${verb} ${list(terms.map(describeProvision))}${e.excluded.length ? `; not ${list(e.excluded)}` : ''}.`;
    },
  }),

  'offer-rejected': defineEvent({
    fields: {
      negotiation: negotiationId,
      agreement: agreementId,
      by: factionId,
      speaker: personId,
      reason: z.string(),
      /** The rule that made the offer unacceptable: a principle or red line, when one did. */
      principle: principleId.nullable().default(null),
      provisions: z.array(provisionKind).default([]),
    },
    // Provisions rejected on principle are the rejecting side's stated red lines.
    apply(world, e) {
      if (e.provisions.length === 0) return world;
      return {
        ...world,
        negotiations: updateEntry(world.negotiations, e.negotiation, (n) => ({
          ...n,
          refused: {
            ...n.refused,
            [e.by]: [...new Set([...(n.refused[e.by] ?? []), ...e.provisions])].sort(),
          },
        })),
      };
    },
    observers: saidInTalks,
    tell(e, names) {
      const { n } = naming(names);
      return `${n(e.speaker)} (${n(e.by)}) rejects the terms: ${e.reason}${e.principle ? ` [principle ${e.principle}]` : ''}.`;
    },
  }),

  'negotiation-ended': defineEvent({
    fields: {
      negotiation: negotiationId,
      outcome: z.enum(['agreed', 'walk-out', 'timeout']),
      by: factionId.nullable().default(null),
      speaker: personId.nullable().default(null),
      reason: z.string(),
    },
    // Talks that end without agreement leave the terms on the table rejected.
    apply(world, e) {
      const n = world.negotiations[e.negotiation];
      if (!n) return world;
      const status =
        e.outcome === 'agreed' ? 'agreed' : e.outcome === 'walk-out' ? 'broken-off' : 'timed-out';
      world = { ...world, negotiations: withEntry(world.negotiations, n.id, { ...n, status }) };
      if (n.agreement && world.agreements[n.agreement]?.status === 'proposed')
        world = setAgreementStatus(world, n.agreement, 'rejected', e.by, e.reason, e.t);
      return world;
    },
    observers: saidInTalks,
    tell(e, names) {
      const { n } = naming(names);
      return e.outcome === 'agreed'
        ? null
        : `${n(e.speaker ?? e.by)} ${e.outcome === 'walk-out' ? 'ends the talks' : 'lets the talks lapse'}: ${e.reason}.`;
    },
    // Walking out is resented by the other side, and the one who walked out likes them less.
    consequences(world, e): Consequence[] {
      const by = e.by;
      if (e.outcome !== 'walk-out' || !by) return [];
      const out: Consequence[] = [];
      for (const other of partiesToTalks(world, e.negotiation)) {
        if (other === by) continue;
        out.push(
          grievance(
            other,
            by,
            `walk-out-${e.negotiation}`,
            `${nameOf(world, by)} walked out of talks`,
            0.2,
            MONTH,
          ),
        );
        out.push(relationChange(by, other, null, -0.1, 'talks failed'));
      }
      return out;
    },
  }),
};
