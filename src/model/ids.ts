/**
 * Identifiers of the domain. Each kind of id is a branded string (a FactionId is not a PersonId),
 * and every id schema is registered in `references` with its kind, so that one generic walker can
 * check every reference in a scenario, a script or a milestone against the ids that exist.
 */
import { z } from 'zod';

export type ReferenceKind =
  | 'faction'
  | 'person'
  | 'ship'
  | 'location'
  | 'agreement'
  | 'negotiation'
  | 'conference'
  | 'channel'
  | 'resource'
  | 'principle'
  | 'intent'
  | 'war'
  | 'call'
  | 'component'
  | 'way'
  | 'transfer'
  | 'precaution'
  | 'means';

/**
 * Metadata attached to id schemas: which kind of thing the string names, and whether the field
 * declares a new thing of that kind (a script step that opens negotiation `x` declares `x`) rather
 * than referring to an existing one.
 */
export const references = z.registry<{ reference: ReferenceKind; declares?: boolean }>();

/** Ids are kebab-case: lowercase letters, digits and single dashes. */
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Names every JavaScript object inherits (src/common/safe-path.ts): an id is a key of the world's
 * records, and a record's `constructor` would be found where no such faction or person exists.
 */
const RESERVED_IDS: ReadonlySet<string> = new Set(['constructor', 'prototype']);

function idSchema<K extends ReferenceKind, B extends string>(kind: K, _brand: B) {
  const schema = z
    .string()
    .regex(ID_PATTERN, { message: `a ${kind} id is kebab-case: lowercase letters, digits and dashes` })
    .refine((s) => !RESERVED_IDS.has(s), { message: `"constructor" and "prototype" cannot be ${kind} ids` })
    .brand<B>();
  schema.register(references, { reference: kind });
  return schema;
}

/**
 * An id of a thing the scenario's physics declares (a component, a way of moving, a precaution):
 * checked like any reference, but a plain string, since the engine knows these only by role.
 */
export function physicsIdSchema(kind: 'component' | 'way' | 'transfer' | 'precaution' | 'means') {
  const schema = z
    .string()
    .regex(ID_PATTERN, { message: `a ${kind} id is kebab-case: lowercase letters, digits and dashes` })
    .refine((s) => !RESERVED_IDS.has(s), { message: `"constructor" and "prototype" cannot be ${kind} ids` });
  schema.register(references, { reference: kind });
  return schema;
}

export const factionId = idSchema('faction', 'FactionId');
export const personId = idSchema('person', 'PersonId');
export const shipId = idSchema('ship', 'ShipId');
export const locationId = idSchema('location', 'LocationId');
export const agreementId = idSchema('agreement', 'AgreementId');
export const negotiationId = idSchema('negotiation', 'NegotiationId');
export const conferenceId = idSchema('conference', 'ConferenceId');
export const channelId = idSchema('channel', 'ChannelId');
export const resourceId = idSchema('resource', 'ResourceId');
export const principleId = idSchema('principle', 'PrincipleId');
export const intentId = idSchema('intent', 'IntentId');
export const warId = idSchema('war', 'WarId');
export const callId = idSchema('call', 'CallId');

/** A field that introduces a new id of `kind` (later steps may refer to it). */
export function declaredId<S extends z.ZodType>(schema: S): S {
  const meta = references.get(schema);
  const copy = schema.clone();
  if (meta) references.add(copy, { ...meta, declares: true });
  return copy;
}

export type FactionId = z.infer<typeof factionId>;
export type PersonId = z.infer<typeof personId>;
export type ShipId = z.infer<typeof shipId>;
export type LocationId = z.infer<typeof locationId>;
export type AgreementId = z.infer<typeof agreementId>;
export type NegotiationId = z.infer<typeof negotiationId>;
export type ConferenceId = z.infer<typeof conferenceId>;
export type ChannelId = z.infer<typeof channelId>;
export type ResourceId = z.infer<typeof resourceId>;
export type PrincipleId = z.infer<typeof principleId>;
export type IntentId = z.infer<typeof intentId>;
export type WarId = z.infer<typeof warId>;
export type CallId = z.infer<typeof callId>;

/**
 * A constructor of one kind of id, `s` taken as it is: the one place a plain string becomes a
 * branded id without the schema's check (the loader checks user input; code and tests build ids
 * they know to be well formed).
 */
const unchecked =
  <B extends string>() =>
  (s: string): B =>
    s as B;

/** Constructors for ids in code and tests (no validation: the loader validates user input). */
export const id = {
  faction: unchecked<FactionId>(),
  person: unchecked<PersonId>(),
  ship: unchecked<ShipId>(),
  location: unchecked<LocationId>(),
  agreement: unchecked<AgreementId>(),
  negotiation: unchecked<NegotiationId>(),
  conference: unchecked<ConferenceId>(),
  channel: unchecked<ChannelId>(),
  resource: unchecked<ResourceId>(),
  principle: unchecked<PrincipleId>(),
  intent: unchecked<IntentId>(),
  war: unchecked<WarId>(),
  call: unchecked<CallId>(),
};
