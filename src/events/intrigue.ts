/**
 * What factions hide and uncover: hidden agendas planned and sprung, intelligence received,
 * precautions taken, spies sought and exposed.
 */
import { z } from 'zod';
import {
  conferenceId,
  declaredId,
  factionId,
  id,
  intentId,
  locationId,
  personId,
  shipId,
} from '../model/ids.js';
import type { FactionId } from '../model/ids.js';
import { days } from '../model/time.js';
import { hiddenIntentKind, hiddenIntentTarget, precautionKind } from '../model/vocabulary.js';
import { relationKey, sortedIds, type World } from '../model/world.js';
import { defineEvent, type EventOf } from './definition.js';
import { atWarWith } from './obligations.js';
import type { WarPayload } from './wars.js';
import { factionOfPerson, factionOfShip, factionsOfPersons, partiesToConference } from './observers.js';
import { type Consequence, distrust, grievance, relationChange } from './relations.js';
import { because, list, nameOf, naming, physicsWord } from './telling.js';
import { roleOfPrecaution } from '../model/physics.js';
import { updateBelief, updateEntry, updateFaction, updatePerson, updateShip, withEntry } from './updates.js';

const YEAR = days(365);

/** The mark the deed of springing an ambush on a peace conference earns in everyone's eyes. */
export const AMBUSH_MARK = 'executioner';

const ambushFields = {
  intent: intentId,
  faction: factionId,
  ship: shipId,
  location: locationId,
  conference: conferenceId.nullable().default(null),
};

export const intrigueEvents = {
  'intent-planned': defineEvent({
    fields: {
      intent: declaredId(intentId),
      faction: factionId,
      kind: hiddenIntentKind,
      target: hiddenIntentTarget,
      text: z.string(),
    },
    apply: (world, e) => ({
      ...world,
      intents: withEntry(world.intents, e.intent, {
        id: e.intent,
        faction: e.faction,
        kind: e.kind,
        target: e.target,
        text: e.text,
        indicators: world.intents[e.intent]?.indicators ?? [],
        status: 'planned',
        suspectedBy: [],
      }),
    }),
    // A hidden agenda is known to its faction alone.
    observers: (_world, e) => [e.faction],
    tell(e, names) {
      const { n } = naming(names);
      return `In secret, ${n(e.faction)} plan to ${e.text}.`;
    },
  }),

  'intelligence-received': defineEvent({
    fields: {
      faction: factionId,
      source: personId.nullable().default(null),
      about: factionId.nullable().default(null),
      /** The hidden intent this intelligence points to, when it does (the receiver may not know whose). */
      intent: intentId.nullable().default(null),
      indicator: z.string(),
      reliability: z.number().min(0).max(1).default(0.5),
    },
    apply(world, e) {
      if (e.intent) {
        world = {
          ...world,
          intents: updateEntry(world.intents, e.intent, (i) =>
            i.suspectedBy.includes(e.faction)
              ? i
              : { ...i, suspectedBy: [...i.suspectedBy, e.faction].sort() },
          ),
        };
      }
      if (!e.about) return world;
      return updateBelief(world, e.faction, e.about, (b) => ({
        ...b,
        suspicions: [...b.suspicions, { text: e.indicator, since: e.t }],
      }));
    },
    observers: (world, e) => [e.faction, ...factionOfPerson(world, e.source)],
    tell(e, names) {
      const { n } = naming(names);
      return `Intelligence for ${n(e.faction)}${e.source ? ` from ${n(e.source)}` : ''}: ${e.indicator}.`;
    },
  }),

  'precaution-taken': defineEvent({
    fields: {
      faction: factionId,
      kind: precautionKind,
      ship: shipId.nullable().default(null),
      persons: z.array(personId).default([]),
      reasons: z.array(z.string()).default([]),
    },
    apply(world, e) {
      if (roleOfPrecaution(world.physics, e.kind) === 'hold-ready' && e.ship) {
        return updateShip(world, e.ship, (s) => ({
          ...s,
          heldReady: [...new Set([...s.heldReady, ...e.persons])].sort(),
        }));
      }
      return updateFaction(world, e.faction, (f) => ({ ...f, readiness: { ...f.readiness, [e.kind]: e.t } }));
    },
    // A faction-wide alert (a mobilisation) cannot be hidden: everyone sees it. Other precautions,
    // and an alert on one force, are seen by those they concern.
    observers: (world, e) =>
      e.ship === null && roleOfPrecaution(world.physics, e.kind) === 'alert'
        ? 'all'
        : [e.faction, ...factionsOfPersons(world, e.persons), ...factionOfShip(world, e.ship)],
    tell(e, names) {
      const { n, ns } = naming(names);
      return `Precaution by ${n(e.faction)}: ${physicsWord(names, e.kind)}${e.persons.length ? ` on ${ns(e.persons)}` : ''}${e.ship ? ` (${n(e.ship)})` : ''}${because(e.reasons)}.`;
    },
  }),

  /** A faction searched its ranks; `exposed` are those found loyal to another faction. */
  'spies-sought': defineEvent({
    fields: {
      faction: factionId,
      exposed: z.array(z.strictObject({ person: personId, loyalty: factionId })).default([]),
    },
    // Exposed spies are confined where they are.
    apply(world, e) {
      for (const { person } of e.exposed)
        world = updatePerson(world, person, (p) => ({ ...p, status: 'detained' }));
      return world;
    },
    // The masters of an exposed spy learn of it.
    observers: (_world, e) => [e.faction, ...e.exposed.map((x) => x.loyalty)],
    tell(e, names) {
      const { n } = naming(names);
      return e.exposed.length === 0
        ? `${n(e.faction)} search their ranks for spies and find none.`
        : `${n(e.faction)} search their ranks for spies and expose ${list(e.exposed.map((x) => `${n(x.person)}, loyal to ${n(x.loyalty)}`))}.`;
    },
    // A spy found among us is a betrayal by the faction that planted him.
    consequences(world, e): Consequence[] {
      const out: Consequence[] = [];
      for (const { person, loyalty } of e.exposed) {
        if (!world.relations[relationKey(e.faction, loyalty)]) continue;
        out.push(
          grievance(
            e.faction,
            loyalty,
            `spy-${person}`,
            `${nameOf(world, person)} spied for ${nameOf(world, loyalty)}`,
            0.6,
            YEAR,
            { kind: 'betrayal', dealings: ['channel'], sponsors: [] },
          ),
        );
        out.push(distrust(e.faction, loyalty, 2, 'a spy among us'));
      }
      return out;
    },
  }),

  'ambush-sprung': defineEvent({
    fields: ambushFields,
    apply: (world, e) => ({
      ...world,
      intents: updateEntry(world.intents, e.intent, (i) => ({ ...i, status: 'sprung' })),
    }),
    // What happens at a conference is seen by all who take part in it.
    observers: (world, e) => [...partiesToConference(world, e.conference), e.faction],
    tell(e, names) {
      const { n } = naming(names);
      return `${n(e.ship)} of ${n(e.faction)} opens fire on ${n(e.location)}: the conference was a trap.`;
    },
    consequences: ambushConsequences,
  }),
};

/**
 * An ambush at a conference: the mark of the executioner for all to see; the attacked remember it
 * (a sponsor whose good will was used, as betrayal) and hold the conference's sponsors to account;
 * witnesses who were not there remember less.
 */
function ambushConsequences(world: World, e: EventOf<typeof ambushFields>): (Consequence | WarPayload)[] {
  const out: (Consequence | WarPayload)[] = [
    {
      type: 'mark-earned',
      faction: e.faction,
      mark: AMBUSH_MARK,
      cause: `ambush at ${nameOf(world, e.location)}`,
    },
  ];
  const conference = e.conference ? world.conferences[e.conference] : undefined;
  if (!conference) return out;
  const victims = [
    ...new Set(
      conference.attendees
        .map((p) => world.persons[p]?.faction)
        .filter((f): f is FactionId => f !== undefined),
    ),
  ].sort();
  for (const v of victims) {
    if (v === e.faction) continue;
    const betrayed = conference.sponsors.includes(v);
    // A sponsor learns to beware of conferences, and of alliances when the ambusher was its ally;
    // those who came learn to beware of conferences those sponsors call.
    const allied = world.relations[relationKey(v, e.faction)]?.status === 'allied';
    out.push(
      grievance(
        v,
        e.faction,
        `ambush-${conference.id}`,
        `ambush at ${conference.title}`,
        betrayed ? 0.8 : 1,
        YEAR,
        {
          kind: betrayed ? 'betrayal' : 'trap',
          dealings: allied ? ['conference', 'alliance'] : ['conference'],
          sponsors: [...conference.sponsors],
        },
      ),
    );
    out.push(
      distrust(v, e.faction, 3, betrayed ? 'betrayed at the conference' : 'ambushed at the conference'),
    );
    if (betrayed) continue;
    out.push(relationChange(v, e.faction, 'war', -0.5, 'ambush'));
    // Those who called the conference are held to account by the attacked.
    for (const s of conference.sponsors) {
      if (s === e.faction || s === v) continue;
      out.push(
        grievance(
          v,
          s,
          `lured-${conference.id}`,
          `${nameOf(world, s)} called the conference that was a trap`,
          0.6,
          YEAR,
          { kind: 'trap', dealings: ['conference'], sponsors: [...conference.sponsors] },
        ),
      );
      out.push(distrust(v, s, 1, 'lured to an ambush'));
      out.push(relationChange(v, s, 'hostile', -0.3, 'the conference was a trap'));
    }
  }
  for (const w of sortedIds(world.factions)) {
    if (w === e.faction || victims.includes(w)) continue;
    out.push(distrust(w, e.faction, 1, 'ambush at a peace conference'));
  }
  // The ambush opens hostilities against all who were in the room: they did not strike first.
  const attacked = victims.filter((v) => v !== e.faction && !atWarWith(world, e.faction, v));
  if (attacked.length > 0)
    out.push({
      type: 'war-declared',
      war: id.war(`ambush-${e.seq}`),
      name: `the ambush at ${conference.title}`,
      by: e.faction,
      against: attacked,
      casusBelli: 'an ambush',
      declared: false,
      where: e.location,
      call: null,
      reasons: [],
    });
  return out;
}
