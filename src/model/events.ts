/**
 * Events: the only way the world changes. Each is a plain JSON object with a `type`, applied by the
 * engine's pure reducer. The schemas here serve four purposes: the TypeScript types (inferred),
 * validation of exogenous events written in a scenario's script, the check that a milestone pattern
 * names fields its event type really has, and the JSON Schema printed by `alliances schema`.
 *
 * Events carry their outcomes (the damage an engagement did, who died): randomness is drawn when
 * the engine creates an event, never when the reducer applies it, so replaying a log needs no RNG.
 */
import { z } from 'zod';
import {
  agreementId,
  channelId,
  conferenceId,
  declaredId,
  factionId,
  intentId,
  locationId,
  negotiationId,
  personId,
  principleId,
  resourceId,
  shipId,
} from './ids.js';
import { provisionKind, provisionSchema } from './provision.js';
import { SHIP_SYSTEMS } from './world.js';

export const shipSystem = z.enum(SHIP_SYSTEMS);
export const messageTopic = z.enum(['proposal', 'acceptance', 'refusal', 'whereabouts', 'warning', 'text']);
const minutesSchema = z.number().int();
const text = z.string();
const reasons = z.array(z.string()).default([]);

export const positionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ship'), ship: shipId }),
  z.strictObject({ kind: z.literal('location'), location: locationId }),
]);

/** A term of a scored option: a named contribution to its score (see the leaders' decision model). */
export const scoreTermSchema = z.strictObject({
  name: z.string(),
  value: z.number(),
  note: z.string().optional(),
});

export const optionSchema = z.strictObject({
  option: z.string(),
  score: z.number(),
  terms: z.array(scoreTermSchema).default([]),
  vetoedBy: z.string().nullable().default(null),
});

export const counselSchema = z.strictObject({
  advisor: personId,
  position: z.enum(['for', 'against', 'neutral']),
  option: z.string().nullable().default(null),
  reasons,
});

const eventShapes = {
  'run-started': {
    scenario: z.string(),
    title: z.string(),
    seed: z.number().int(),
    mode: z.enum(['scripted', 'autonomous', 'mixed']),
  },
  'run-ended': { reason: text },

  engagement: {
    initiator: factionId,
    attackers: z.array(shipId).min(1),
    defenders: z.array(shipId).min(1),
    location: locationId,
    outcome: z.enum([
      'attackers-withdrew',
      'defenders-withdrew',
      'attackers-destroyed',
      'defenders-destroyed',
      'broken-off',
    ]),
    /** Integrity of each damaged system after the engagement. */
    damage: z
      .array(z.strictObject({ ship: shipId, system: shipSystem, integrity: z.number().min(0).max(1) }))
      .default([]),
    casualties: z
      .array(
        z.strictObject({
          ship: shipId,
          injured: z.number().int().nonnegative(),
          killed: z.number().int().nonnegative(),
        }),
      )
      .default([]),
    /** Ships of a squadron lost (count reduced). */
    losses: z.array(z.strictObject({ ship: shipId, count: z.number().int().positive() })).default([]),
    notes: z.array(text).default([]),
  },
  'person-injured': { person: personId, cause: text },
  'person-died': { person: personId, cause: text },
  'repair-started': {
    ship: shipId,
    systems: z.array(shipSystem).min(1),
    by: personId.nullable().default(null),
  },
  'systems-repaired': {
    ship: shipId,
    systems: z.array(z.strictObject({ system: shipSystem, integrity: z.number().min(0).max(1) })).min(1),
  },

  'counsel-given': {
    advisor: personId,
    to: personId,
    question: text,
    position: z.enum(['for', 'against', 'neutral']),
    reasons,
  },
  'decision-made': {
    actor: personId,
    faction: factionId,
    /** The question deliberated (e.g. `security`), when the decision answers one. */
    question: text.nullable().default(null),
    decision: text,
    /** The id of the chosen option among `options` (null when no options were scored). */
    choice: text.nullable().default(null),
    summary: text,
    reasons,
    options: z.array(optionSchema).default([]),
    counsel: z.array(counselSchema).default([]),
  },
  'intent-rejected': { actor: personId, faction: factionId, intent: text, rule: text, message: text },
  'alliance-sought': {
    faction: factionId,
    actor: personId,
    candidates: z.array(factionId).default([]),
    offer: z.array(provisionSchema).default([]),
    excluded: z.array(provisionKind).default([]),
    reasons,
  },

  'message-sent': {
    message: z.string(),
    from: factionId,
    to: factionId,
    sender: personId,
    recipients: z.array(personId).min(1),
    channel: channelId.nullable().default(null),
    topic: messageTopic.default('text'),
    text,
    arrivesAt: minutesSchema,
  },
  'message-delivered': { message: z.string(), to: factionId, recipients: z.array(personId).min(1) },
  'channel-opened': {
    channel: declaredId(channelId),
    kind: z.enum(['direct', 'envoy', 'intermediary', 'covert']),
    from: factionId,
    to: factionId,
    agent: personId.nullable().default(null),
    contact: personId.nullable().default(null),
    secret: z.boolean().default(false),
  },
  'channel-denied': { channel: channelId, by: personId, reason: text },
  'channel-closed': { channel: channelId, reason: text },

  'ship-departed': { ship: shipId, from: locationId, to: locationId, arrivesAt: minutesSchema },
  'ship-arrived': { ship: shipId, location: locationId },
  'person-moved': {
    person: personId,
    to: positionSchema,
    means: z.enum(['shuttle', 'transporter', 'escort', 'escape', 'expulsion', 'on-foot']),
  },
  'person-detained': { person: personId, by: factionId, at: locationId, reason: text },
  'prisoners-escaped': {
    persons: z.array(personId).min(1),
    from: locationId,
    rescuers: factionId.nullable().default(null),
    to: positionSchema,
  },
  'rendezvous-set': { ship: shipId, person: personId, at: locationId, deadline: minutesSchema },
  'rendezvous-kept': { ship: shipId, person: personId, at: locationId },
  'rendezvous-missed': { ship: shipId, person: personId, at: locationId },
  'ships-met': { ships: z.array(shipId).min(2), location: locationId },

  'negotiation-opened': {
    negotiation: declaredId(negotiationId),
    parties: z.array(factionId).min(2),
    initiator: factionId,
    aboard: shipId.nullable().default(null),
    at: locationId.nullable().default(null),
    channel: channelId.nullable().default(null),
  },
  'offer-made': {
    negotiation: negotiationId,
    agreement: declaredId(agreementId),
    by: factionId,
    speaker: personId,
    kind: z.enum(['offer', 'counter', 'demand']),
    /** The full terms now on the table. */
    provisions: z.array(provisionSchema),
    /** What this move added to the terms that stood before it (all of them for a first offer). */
    added: z.array(provisionSchema).default([]),
    excluded: z.array(provisionKind).default([]),
  },
  'offer-rejected': {
    negotiation: negotiationId,
    agreement: agreementId,
    by: factionId,
    speaker: personId,
    reason: text,
    /** The rule that made the offer unacceptable: a principle or red line, when one did. */
    principle: principleId.nullable().default(null),
    provisions: z.array(provisionKind).default([]),
  },
  'agreement-concluded': {
    agreement: declaredId(agreementId),
    negotiation: negotiationId.nullable().default(null),
    parties: z.array(factionId).min(2),
    provisions: z.array(provisionSchema).min(1),
  },
  'negotiation-ended': {
    negotiation: negotiationId,
    outcome: z.enum(['agreed', 'walk-out', 'timeout']),
    by: factionId.nullable().default(null),
    speaker: personId.nullable().default(null),
    reason: text,
  },
  'agreement-dissolved': {
    agreement: agreementId,
    by: factionId,
    speaker: personId,
    reason: text,
    principle: principleId.nullable().default(null),
  },
  'resources-transferred': {
    from: factionId,
    to: factionId,
    resource: resourceId,
    amount: z.number().positive(),
    agreement: agreementId.nullable().default(null),
    purpose: text,
  },

  'conference-proposed': {
    conference: declaredId(conferenceId),
    title: text,
    proposer: personId,
    host: factionId,
    sponsors: z.array(factionId).default([]),
    venue: locationId,
    invitees: z.array(factionId).min(1),
    opensAt: minutesSchema.nullable().default(null),
  },
  'invitation-answered': {
    conference: conferenceId,
    faction: factionId,
    by: personId,
    answer: z.enum(['attend', 'decline']),
    reasons,
  },
  'conference-convened': {
    conference: conferenceId,
    attendees: z.array(personId).min(1),
    arrangement: text.nullable().default(null),
  },
  'conference-ended': {
    conference: conferenceId,
    outcome: z.enum(['concluded', 'adjourned', 'attacked', 'walk-out']),
    killed: z.array(personId).default([]),
  },

  'intent-planned': {
    intent: declaredId(intentId),
    faction: factionId,
    kind: z.enum(['ambush', 'betrayal', 'espionage', 'leave-early', 'conquest']),
    target: z
      .strictObject({
        faction: factionId.optional(),
        conference: conferenceId.optional(),
        location: locationId.optional(),
      })
      .default({}),
    text,
  },
  'intelligence-received': {
    faction: factionId,
    source: personId.nullable().default(null),
    about: factionId.nullable().default(null),
    /** The hidden intent this intelligence points to, when it does (the receiver may not know whose). */
    intent: intentId.nullable().default(null),
    indicator: text,
    reliability: z.number().min(0).max(1).default(0.5),
  },
  'precaution-taken': {
    faction: factionId,
    kind: z.enum([
      'transporter-lock',
      'monitor-ship-movements',
      'diagnostics',
      'battle-drills',
      'red-alert',
      'yellow-alert',
    ]),
    ship: shipId.nullable().default(null),
    persons: z.array(personId).default([]),
    reasons,
  },
  /** A faction searched its ranks; `exposed` are those found loyal to another faction. */
  'spies-sought': {
    faction: factionId,
    exposed: z.array(z.strictObject({ person: personId, loyalty: factionId })).default([]),
  },
  'ambush-sprung': {
    intent: intentId,
    faction: factionId,
    ship: shipId,
    location: locationId,
    conference: conferenceId.nullable().default(null),
  },
  'persons-evacuated': { ship: shipId, persons: z.array(personId).min(1), from: locationId },

  'relation-changed': {
    from: factionId,
    to: factionId,
    status: z.enum(['war', 'hostile', 'neutral', 'allied']).nullable().default(null),
    affinityDelta: z.number().default(0),
    cause: text,
  },
  'grievance-added': {
    from: factionId,
    to: factionId,
    grievance: z.string(),
    cause: text,
    weight: z.number().positive(),
    halfLife: minutesSchema.positive(),
  },
  'trust-updated': {
    from: factionId,
    to: factionId,
    positive: z.number().nonnegative().default(0),
    negative: z.number().nonnegative().default(0),
    cause: text,
  },
  'mark-earned': { faction: factionId, mark: z.string(), cause: text },
  'belief-updated': {
    holder: factionId,
    about: factionId,
    intentions: z.number().min(-1).max(1).nullable().default(null),
    suspicion: text.nullable().default(null),
  },
  /** A deliberate change to the world from outside the story (a fork's `--set`). */
  'world-edited': { path: z.string().min(1), value: z.unknown(), reason: text },
  'principle-violated': { faction: factionId, principle: principleId, agreement: agreementId, by: text },
} as const;

type Shapes = typeof eventShapes;
export type EventType = keyof Shapes;
export const EVENT_TYPES = Object.keys(eventShapes).sort() as EventType[];

/** The payload schema of each event type (without seq and t). */
export const eventPayloadSchemas = Object.fromEntries(
  Object.entries(eventShapes).map(([type, shape]) => [
    type,
    z.strictObject({ type: z.literal(type), ...shape }),
  ]),
) as {
  [K in EventType]: z.ZodObject<
    { type: z.ZodLiteral<K> } & Extract<Shapes[K], z.ZodRawShape>,
    z.core.$strict
  >;
};

/** An event as written in a scenario's script: a payload without seq and time. */
export const eventInputSchema = z.discriminatedUnion(
  'type',
  Object.values(eventPayloadSchemas) as unknown as [
    z.ZodObject<{ type: z.ZodLiteral<EventType> }>,
    ...z.ZodObject<{ type: z.ZodLiteral<EventType> }>[],
  ],
);

export type EventPayload = { [K in EventType]: z.output<(typeof eventPayloadSchemas)[K]> }[EventType];
export type EventPayloadOf<K extends EventType> = z.output<(typeof eventPayloadSchemas)[K]>;

/** An event in a log: its payload, its position `seq` (from 0) and simulated time `t` (minutes). */
export type WorldEvent = EventPayload & { readonly seq: number; readonly t: number };
export type WorldEventOf<K extends EventType> = EventPayloadOf<K> & {
  readonly seq: number;
  readonly t: number;
};

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventShapes, type);
}
