/**
 * Intents: what a decision maker wants to do. An intent is not yet a fact: the engine checks it
 * against the rules (capabilities, resources, principles, who may act) and turns it into events, or
 * into an `intent-rejected` event naming the rule. Scripted, autonomous and human decision makers
 * all produce intents of this one vocabulary.
 */
import { z } from 'zod';
import {
  agreementId,
  callId,
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
  warId,
} from './ids.js';
import { provisionKind, provisionSchema } from './provision.js';
import { durationSchema } from './time.js';
import { taggedSchemas, taggedUnion } from './tagged.js';
import {
  type Counsel,
  counselPosition,
  hiddenIntentKind,
  hiddenIntentTarget,
  invitationAnswer,
  messageTopic,
  offerKind,
  positionSchema,
  precautionKind,
  type ScoredOption,
  componentId,
} from './vocabulary.js';

const intentShapes = {
  /** Advise a decision maker for or against a course. */
  counsel: {
    to: personId,
    question: z.string(),
    position: counselPosition,
  },
  /** Decide to seek an alliance: with which candidates, offering what, excluding what. */
  'seek-alliance': {
    candidates: z.array(factionId).default([]),
    offer: z.array(provisionSchema).default([]),
    exclude: z.array(provisionKind).default([]),
  },
  /** Send a message to persons of another faction (it travels at the speed of the world's messages). */
  'send-message': { to: z.array(personId).min(1), text: z.string(), topic: messageTopic.default('text') },
  /** Send an envoy with a force to a place, to sound out a faction through a contact there. */
  'send-envoy': {
    channel: declaredId(channelId),
    envoy: personId,
    ship: shipId,
    to: locationId,
    contact: personId,
    target: factionId,
  },
  /** As the contact of an envoy: relay the approach to one's leader, or deny knowing the envoy. */
  'respond-to-envoy': { channel: channelId, response: z.enum(['relay', 'deny']) },
  /** Hold a person at a place. */
  detain: { person: personId, at: locationId },
  /** Free detained persons from a place (a break-out or a rescue). */
  rescue: { persons: z.array(personId).min(1), from: locationId, to: positionSchema },
  /** Open talks with a faction, aboard a ship or at a place. */
  meet: {
    negotiation: declaredId(negotiationId),
    with: z.array(factionId).min(1),
    aboard: shipId.nullable().default(null),
    at: locationId.nullable().default(null),
  },
  /**
   * Put terms on the table in an open negotiation: an offer (what we give defaults to us), or a
   * demand (what is asked defaults to the other side: an ultimatum, when it opens the talks).
   */
  propose: {
    negotiation: negotiationId,
    provisions: z.array(provisionSchema).min(1),
    exclude: z.array(provisionKind).default([]),
    kind: offerKind.exclude(['counter']).optional(),
  },
  /** Add terms to the other side's offer: a counter-offer or a demand. */
  counter: {
    negotiation: negotiationId,
    add: z.array(provisionSchema).min(1),
    kind: offerKind.exclude(['offer']).default('counter'),
  },
  accept: { negotiation: negotiationId },
  reject: { negotiation: negotiationId },
  'walk-out': { negotiation: negotiationId },
  /** Open a secret line to another faction (a spy's channel). */
  'open-covert-channel': { channel: declaredId(channelId), to: factionId, contact: personId },
  /** Move a ship to a place. */
  move: { ship: shipId, to: locationId },
  /** Wait at a place for a person; if the person is not there by the deadline, the rendezvous is missed. */
  'await-rendezvous': { ship: shipId, person: personId, at: locationId, within: durationSchema },
  /** Propose a conference: host, venue, invitees. */
  'propose-conference': {
    conference: declaredId(conferenceId),
    title: z.string(),
    host: factionId,
    venue: locationId,
    invitees: z.array(factionId).min(1),
    sponsors: z.array(factionId).default([]),
    /** How long after the proposal the host means to open it; empty for whenever the host convenes. */
    opensIn: durationSchema.optional(),
  },
  'answer-invitation': { conference: conferenceId, answer: invitationAnswer },
  /** As host, open the conference with those present. */
  'convene-conference': { conference: conferenceId, arrangement: z.string().nullable().default(null) },
  /** Adopt a hidden agenda (known to one's own faction only). */
  'plan-intent': {
    intent: declaredId(intentId),
    kind: hiddenIntentKind,
    target: hiddenIntentTarget,
    text: z.string(),
  },
  /** Search the faction's own people for anyone loyal to another faction. */
  'search-for-spies': {},
  /** Carry out a planned ambush with a ship. */
  'spring-ambush': { intent: intentId, ship: shipId },
  'take-precaution': {
    kind: precautionKind,
    ship: shipId.nullable().default(null),
    persons: z.array(personId).default([]),
  },
  /** Bring persons at the same place aboard a force (by the first transfer that works). */
  board: { ship: shipId, persons: z.array(personId).min(1) },
  /** Walk to another location within the same place. */
  go: { to: locationId },
  /** Travel on one's own to another place, by the world's means of travel (a train, a coach, a ship of the line). */
  travel: { to: locationId },
  /** Send persons from a force to a place at its location. */
  disembark: { ship: shipId, persons: z.array(personId).min(1), to: locationId },
  /** Take persons out to a force from where they stand (a transfer that reaches). */
  evacuate: { ship: shipId, persons: z.array(personId).min(1) },
  attack: { ships: z.array(shipId).min(1), targets: z.array(shipId).min(1) },
  retreat: { ship: shipId, to: locationId },
  repair: { ship: shipId, systems: z.array(componentId).min(1) },
  'dissolve-agreement': { agreement: agreementId, principle: principleId.nullable().default(null) },
  /** Send a person off one's ship to another ship. */
  expel: { person: personId, to: shipId },
  /** Give resources to another faction, under an agreement or not. */
  'provide-aid': {
    to: factionId,
    resource: resourceId,
    amount: z.number().positive(),
    agreement: agreementId.nullable().default(null),
  },
  /** Declare war on factions, for a stated casus belli. */
  'declare-war': {
    war: declaredId(warId).optional(),
    against: z.array(factionId).min(1),
    casusBelli: z.string().min(1),
  },
  /** Enter a war under way on the side of one of its belligerents. */
  'join-war': { war: warId, side: factionId },
  /** Make a separate peace: leave a war. */
  'make-peace': { war: warId },
  /** Declare that the faction stays out of a war. */
  'declare-neutrality': { war: warId },
  /**
   * Answer a call to honour a treaty: honour it (enter the war when the pledge is of forces; aid or
   * words when it is less), honour it in part (aid only), or renege — possibly invoking a condition.
   * A script names the call by its treaty when the engine issued it (its id depends on the log).
   */
  'answer-call': {
    /** The call answered; or, without it, the oldest open call to us under `agreement`. */
    call: callId.optional(),
    agreement: agreementId.optional(),
    answer: z.enum(['honour', 'partly', 'renege']),
    invoke: z.string().nullable().default(null),
    /** What is given when the answer is aid. */
    aid: z.strictObject({ resource: resourceId, amount: z.number().positive() }).nullable().default(null),
  },
  /** Ask an ally to join a war under a treaty (even where its conditions do not oblige it). */
  'call-to-arms': { agreement: agreementId, ally: factionId, war: warId },
  /** Do nothing, deliberately (the reasons say why). */
  hold: {},
} as const;

type Shapes = typeof intentShapes;
export type IntentType = keyof Shapes;
export const INTENT_TYPES: readonly IntentType[] = Object.freeze(
  (Object.keys(intentShapes) as IntentType[]).sort(),
);

export const intentSchemas = taggedSchemas(intentShapes);

export const intentSchema = taggedUnion(intentSchemas, INTENT_TYPES);

export type Intent = { [K in IntentType]: z.output<(typeof intentSchemas)[K]> }[IntentType];
export type IntentOf<K extends IntentType> = z.output<(typeof intentSchemas)[K]>;

/** An intent with who wants it and why. */
export interface Decision {
  readonly actor: z.output<typeof personId>;
  readonly intent: Intent;
  /** One-line summary for the chronicle; derived from the intent when absent. */
  readonly summary?: string;
  /** What favours the choice (over the best other option), strongest first. */
  readonly reasons: readonly string[];
  /** What argued against the choice, strongest first (absent when nothing did). */
  readonly against?: readonly string[];
  /** The options considered (the chosen one among them), each with its score's terms. */
  readonly options?: readonly ScoredOption[];
  /** The counsel received before deciding. */
  readonly counsel?: readonly Counsel[];
  /** The question this decision answers; the faction remembers when it last deliberated it. */
  readonly question?: string;
  /** The id of the option chosen among `options`. */
  readonly choice?: string;
  /** The vote taken, when the faction's council decides by majority or unanimity. */
  readonly votes?: {
    readonly rule: 'majority' | 'unanimity' | 'leader';
    readonly ballots: readonly Ballot[];
  };
}

/** One vote cast in a council: who voted, for which option. */
export interface Ballot {
  readonly voter: z.output<typeof personId>;
  readonly option: string;
}
