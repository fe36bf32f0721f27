/**
 * Conferences: proposed by someone, hosted by a faction at a venue, answered by the invited,
 * convened with those present, and ended — concluded, adjourned, walked out of, or attacked.
 */
import { z } from 'zod';
import { conferenceId, declaredId, factionId, locationId, personId } from '../model/ids.js';
import { minutesSchema } from '../model/time.js';
import { invitationAnswer } from '../model/vocabulary.js';
import { defineEvent } from './definition.js';
import { factionOfPerson, partiesToConference } from './observers.js';
import { because, naming } from './telling.js';
import { updateEntry, updatePerson, withEntry } from './updates.js';

export const conferenceEvents = {
  'conference-proposed': defineEvent({
    fields: {
      conference: declaredId(conferenceId),
      title: z.string(),
      proposer: personId,
      host: factionId,
      sponsors: z.array(factionId).default([]),
      venue: locationId,
      invitees: z.array(factionId).min(1),
      opensAt: minutesSchema.nullable().default(null),
    },
    apply: (world, e) => ({
      ...world,
      conferences: withEntry(world.conferences, e.conference, {
        id: e.conference,
        title: e.title,
        proposer: e.proposer,
        host: e.host,
        sponsors: e.sponsors,
        venue: e.venue,
        invitees: e.invitees,
        answers: {},
        attendees: [],
        arrangement: null,
        proposedAt: e.t,
        opensAt: e.opensAt,
        convenedAt: null,
        status: 'proposed',
        outcome: null,
      }),
    }),
    // A conference is news to those it concerns: its host, sponsors, invitees and proposer.
    observers: (world, e) => [e.host, ...e.sponsors, ...e.invitees, ...factionOfPerson(world, e.proposer)],
    tell(e, names) {
      const { n, ns } = naming(names);
      return `${n(e.proposer)} proposes ${e.title}, hosted by ${n(e.host)} at ${n(e.venue)}; invitations go to ${ns(e.invitees)}.`;
    },
  }),

  'invitation-answered': defineEvent({
    fields: {
      conference: conferenceId,
      faction: factionId,
      by: personId,
      answer: invitationAnswer,
      reasons: z.array(z.string()).default([]),
    },
    apply: (world, e) => ({
      ...world,
      conferences: updateEntry(world.conferences, e.conference, (c) => ({
        ...c,
        answers: { ...c.answers, [e.faction]: e.answer },
      })),
    }),
    observers: (_world, e) => [e.faction],
    tell(e, names) {
      const { n } = naming(names);
      return `${n(e.by)} (${n(e.faction)}) will ${e.answer === 'attend' ? 'attend' : 'not attend'}${because(e.reasons)}.`;
    },
  }),

  'conference-convened': defineEvent({
    fields: {
      conference: conferenceId,
      attendees: z.array(personId).min(1),
      arrangement: z.string().nullable().default(null),
    },
    apply: (world, e) => ({
      ...world,
      conferences: updateEntry(world.conferences, e.conference, (c) => ({
        ...c,
        attendees: e.attendees,
        arrangement: e.arrangement,
        convenedAt: e.t,
        status: 'convened',
      })),
    }),
    // What happens at a conference is seen by all who take part in it.
    observers: (world, e) => partiesToConference(world, e.conference),
    tell(e, names) {
      const { ns } = naming(names);
      return `The conference opens${e.arrangement ? ` (${e.arrangement})` : ''} with ${ns(e.attendees)}.`;
    },
  }),

  'conference-ended': defineEvent({
    fields: {
      conference: conferenceId,
      outcome: z.enum(['concluded', 'adjourned', 'attacked', 'walk-out']),
      killed: z.array(personId).default([]),
    },
    apply(world, e) {
      for (const id of e.killed) world = updatePerson(world, id, (p) => ({ ...p, status: 'dead' }));
      return {
        ...world,
        conferences: updateEntry(world.conferences, e.conference, (c) => ({
          ...c,
          status: 'ended',
          outcome: e.outcome,
        })),
      };
    },
    observers: (world, e) => partiesToConference(world, e.conference),
    tell(e, names) {
      const { ns } = naming(names);
      return `The conference ends: ${e.outcome}${e.killed.length ? `; killed: ${ns(e.killed)}` : '; no one in the room is killed'}.`;
    },
  }),
};
