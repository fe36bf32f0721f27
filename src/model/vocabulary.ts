/**
 * The domain's enumerations and the small shapes shared by the world, the events, the intents and
 * the scenario format — each defined once, as a zod schema, with its TypeScript type inferred from
 * it. A new value (a precaution, a way of moving) is added here and nowhere else.
 */
import { z } from 'zod';
import {
  agreementId,
  conferenceId,
  factionId,
  locationId,
  personId,
  physicsIdSchema,
  shipId,
} from './ids.js';

/**
 * A component of a force (./physics.ts): an id the scenario's physics declares. Checked against
 * the physics where a scenario is loaded and by the rules that act on components.
 */
export const componentId = physicsIdSchema('component');

/** How a faction takes its decisions (see agents/deliberation.ts). */
export const doctrine = z.enum(['autocratic', 'council', 'consensus']);
export type Doctrine = z.infer<typeof doctrine>;

/** How one faction stands towards another. */
export const relationStatus = z.enum(['war', 'hostile', 'neutral', 'allied']);
export type RelationStatus = z.infer<typeof relationStatus>;

export const personStatus = z.enum(['active', 'injured', 'detained', 'dead']);
export type PersonStatus = z.infer<typeof personStatus>;

/** Where a person is: aboard a ship, or at a location. */
export const positionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ship'), ship: shipId }),
  z.strictObject({ kind: z.literal('location'), location: locationId }),
]);
export type Position = Readonly<z.infer<typeof positionSchema>>;

/**
 * How a person goes from one position to another: escorted, escaping, expelled, on foot, or by one
 * of the transfers of the world's physics (./physics.ts), named by its id.
 */
export const meansOfMoving = physicsIdSchema('means');
/** The means of moving every world has, beside the transfers its physics declares. */
export const COMMON_MEANS = ['escort', 'escape', 'expulsion', 'on-foot', 'journey'] as const;
export type MeansOfMoving = z.infer<typeof meansOfMoving>;

export const messageTopic = z.enum(['proposal', 'acceptance', 'refusal', 'whereabouts', 'warning', 'text']);
export type MessageTopic = z.infer<typeof messageTopic>;

export const channelKind = z.enum(['direct', 'envoy', 'intermediary', 'covert']);
export type ChannelKind = z.infer<typeof channelKind>;

/** A move in talks: a first offer, a counter-offer adding terms, or a demand. */
export const offerKind = z.enum(['offer', 'counter', 'demand']);
export type OfferKind = z.infer<typeof offerKind>;

export const invitationAnswer = z.enum(['attend', 'decline']);
export type InvitationAnswer = z.infer<typeof invitationAnswer>;

/**
 * What a wrong teaches (see `Lesson` in ./world.ts): a betrayal by one trusted, a trap laid under
 * a promise of safety, a promise broken.
 */
export const lessonKind = z.enum(['betrayal', 'trap', 'broken-promise']);
export type LessonKind = z.infer<typeof lessonKind>;

/** The kinds of dealing a lesson is drawn from and applies to: the same kind of offer. */
export const dealingKind = z.enum(['alliance', 'conference', 'talks', 'aid', 'channel']);
export type DealingKind = z.infer<typeof dealingKind>;

/** A lesson as events and scenarios write it. */
export const lessonSchema = z.strictObject({
  kind: lessonKind,
  /** The dealings in which the wrong was done (an alliance, a conference…). */
  dealings: z.array(dealingKind).min(1),
  /** The factions that called or vouched for the dealing (a conference's sponsors). */
  sponsors: z.array(factionId).default([]),
});

/** The kinds of hidden agenda a faction may keep (see `HiddenIntent` in ./world.ts). */
export const hiddenIntentKind = z.enum(['ambush', 'betrayal', 'espionage', 'leave-early', 'conquest']);
export type HiddenIntentKind = z.infer<typeof hiddenIntentKind>;

/** What a hidden agenda aims at: a faction, a conference, a place (any of them). */
export const hiddenIntentTarget = z
  .strictObject({
    faction: factionId.optional(),
    conference: conferenceId.optional(),
    location: locationId.optional(),
  })
  .default({});

/** A precaution: an id the world's physics declares (./physics.ts), with its role there. */
export const precautionKind = physicsIdSchema('precaution');
export type PrecautionKind = z.infer<typeof precautionKind>;

/** How decisions are made in a run: the script's, the leaders', or the script's until a time. */
export const runMode = z.enum(['scripted', 'autonomous', 'mixed']);
export type RunMode = z.infer<typeof runMode>;

/** Where an advisor stands on a question. */
export const counselPosition = z.enum(['for', 'against', 'neutral']);
export type CounselPosition = z.infer<typeof counselPosition>;

/** A term of a scored option: a named contribution to its score (see the leaders' decision model). */
export const scoreTermSchema = z.strictObject({
  name: z.string(),
  value: z.number(),
  note: z.string().optional(),
});

/** An option a decision maker weighed, with its score broken into named terms. */
export const optionSchema = z.strictObject({
  option: z.string(),
  score: z.number(),
  terms: z.array(scoreTermSchema).default([]),
  vetoedBy: z.string().nullable().default(null),
});
export type ScoredOption = z.output<typeof optionSchema>;

/** Advice an advisor gave on a decision. */
export const counselSchema = z.strictObject({
  advisor: personId,
  position: counselPosition,
  option: z.string().nullable().default(null),
  reasons: z.array(z.string()).default([]),
});
export type Counsel = z.output<typeof counselSchema>;

/**
 * An act a principle may forbid: attacking a faction, any member of an agreement (a league), or any
 * faction not at war with us (`not-at-war`); entering a war as the aggressor (`aggression`);
 * breaking a named agreement (reneging on its calls, acting against its pledges).
 */
export const forbiddenActSchema = z.union([
  z.strictObject({
    attack: z.union([z.literal('not-at-war'), factionId, z.strictObject({ membersOf: agreementId })]),
  }),
  z.strictObject({ aggression: z.literal(true) }),
  z.strictObject({ break: agreementId }),
]);
export type ForbiddenAct = z.output<typeof forbiddenActSchema>;
