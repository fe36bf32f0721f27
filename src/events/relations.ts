/**
 * How factions regard each other: relation status and liking, grievances, trust, marks, beliefs.
 * These are the events other events' consequences produce (see `Consequence`), so that the log
 * explains every change of feeling by the deed that caused it.
 *
 * Models: opinion as named, decaying modifiers (Unciv's DiplomaticModifiers) — grievances with a
 * half-life; trust as a Beta reputation (Jøsang & Ismail 2002) counting positive and negative
 * observations.
 */
import { z } from 'zod';
import { factionId } from '../model/ids.js';
import type { FactionId } from '../model/ids.js';
import { type Minutes, minutesSchema } from '../model/time.js';
import { lessonSchema, relationStatus } from '../model/vocabulary.js';
import type { Lesson } from '../model/world.js';
import { defineEvent, type PayloadsOf } from './definition.js';
import { clamp, updateBelief, updateEntry, updateRelation } from './updates.js';
import { naming } from './telling.js';

export const relationEvents = {
  'relation-changed': defineEvent({
    fields: {
      from: factionId,
      to: factionId,
      status: relationStatus.nullable().default(null),
      affinityDelta: z.number().default(0),
      cause: z.string(),
    },
    apply: (world, e) =>
      updateRelation(world, e.from, e.to, (r) => ({
        ...r,
        status: e.status ?? r.status,
        affinity: clamp(r.affinity + e.affinityDelta, -1, 1),
        ...(e.status ? { turned: { t: e.t, cause: e.cause } } : {}),
      })),
    observers: (_world, e) => [e.from, e.to],
    tell(e, names) {
      const { n } = naming(names);
      return e.status ? `Relation: ${n(e.from)} → ${n(e.to)} is now ${e.status} (${e.cause}).` : null;
    },
  }),

  'grievance-added': defineEvent({
    fields: {
      from: factionId,
      to: factionId,
      grievance: z.string(),
      cause: z.string(),
      weight: z.number().positive(),
      halfLife: minutesSchema.positive(),
      /** What the wrong teaches, when it was a betrayal, a trap or a broken promise. */
      lesson: lessonSchema.optional(),
    },
    apply: (world, e) =>
      updateRelation(world, e.from, e.to, (r) => ({
        ...r,
        grievances: [
          ...r.grievances,
          {
            id: e.grievance,
            cause: e.cause,
            weight: e.weight,
            since: e.t,
            halfLife: e.halfLife,
            ...(e.lesson ? { lesson: e.lesson } : {}),
          },
        ],
      })),
    observers: (_world, e) => [e.from, e.to],
    tell(e, names) {
      const { n } = naming(names);
      return `Grievance: ${n(e.from)} against ${n(e.to)} — ${e.cause}.`;
    },
  }),

  'trust-updated': defineEvent({
    fields: {
      from: factionId,
      to: factionId,
      positive: z.number().nonnegative().default(0),
      negative: z.number().nonnegative().default(0),
      cause: z.string(),
    },
    apply: (world, e) =>
      updateRelation(world, e.from, e.to, (r) => ({
        ...r,
        trust: { alpha: r.trust.alpha + e.positive, beta: r.trust.beta + e.negative },
      })),
    observers: (_world, e) => [e.from, e.to],
    tell: () => null,
  }),

  /** A deed's mark on a faction's name, seen by all (principles may forbid partners with a mark). */
  'mark-earned': defineEvent({
    fields: { faction: factionId, mark: z.string(), cause: z.string() },
    apply: (world, e) => ({
      ...world,
      factions: updateEntry(world.factions, e.faction, (f) =>
        f.marks[e.mark] !== undefined ? f : { ...f, marks: { ...f.marks, [e.mark]: e.t } },
      ),
    }),
    observers: () => 'all',
    tell(e, names) {
      const { n } = naming(names);
      return `Mark: ${n(e.faction)} — ${e.mark} (${e.cause}).`;
    },
  }),

  'belief-updated': defineEvent({
    fields: {
      holder: factionId,
      about: factionId,
      intentions: z.number().min(-1).max(1).nullable().default(null),
      suspicion: z.string().nullable().default(null),
    },
    apply: (world, e) =>
      updateBelief(world, e.holder, e.about, (b) => ({
        ...b,
        intentions: e.intentions ?? b.intentions,
        suspicions: e.suspicion ? [...b.suspicions, { text: e.suspicion, since: e.t }] : b.suspicions,
        lastContact: e.t,
      })),
    observers: (_world, e) => [e.holder],
    tell: () => null,
  }),
};

/** An event that follows from another: how relations respond to a deed. */
export type Consequence = PayloadsOf<typeof relationEvents>;

/**
 * A grievance of `from` against `to`, whose weight halves every `halfLife`; with the lesson a
 * betrayal, a trap or a broken promise teaches (see `Lesson`, ../model/world.ts).
 */
export const grievance = (
  from: FactionId,
  to: FactionId,
  id: string,
  cause: string,
  weight: number,
  halfLife: Minutes,
  lesson?: Lesson,
): Consequence => ({
  type: 'grievance-added',
  from,
  to,
  grievance: id,
  cause,
  weight,
  halfLife,
  ...(lesson
    ? { lesson: { kind: lesson.kind, dealings: [...lesson.dealings], sponsors: [...lesson.sponsors] } }
    : {}),
});

/** Negative observations of `to` by `from` (Beta reputation). */
export const distrust = (from: FactionId, to: FactionId, negative: number, cause: string): Consequence => ({
  type: 'trust-updated',
  from,
  to,
  positive: 0,
  negative,
  cause,
});

/** Positive observations of `to` by `from` (Beta reputation). */
export const trust = (from: FactionId, to: FactionId, positive: number, cause: string): Consequence => ({
  type: 'trust-updated',
  from,
  to,
  positive,
  negative: 0,
  cause,
});

/** A change of how `from` stands towards `to`: a new status (or none) and a change of liking. */
export const relationChange = (
  from: FactionId,
  to: FactionId,
  status: z.infer<typeof relationStatus> | null,
  affinityDelta: number,
  cause: string,
): Consequence => ({ type: 'relation-changed', from, to, status, affinityDelta, cause });
