/**
 * The table of event types: every event type, gathered from its family module, with its schema,
 * its effect on the world, its observers, its sentence in the chronicle and its consequences (see
 * ./definition.ts). Events are the only way the world changes; a run's log is the list of them, and
 * the world at any point is the fold of the log.
 *
 * Events carry their outcomes (the damage an engagement did, who died): randomness is drawn when
 * the engine creates an event, never when it is applied, so replaying a log needs no RNG.
 *
 * To add an event type: add an entry to the family module it belongs to (or a new family, spread
 * into `definitions` below). Nothing else is needed for it to be validated in scripts, applied,
 * observed, told and followed by its consequences.
 */
import type { z } from 'zod';
import { sortedKeys } from '../model/memo.js';
import type { Minutes } from '../model/time.js';
import { type TaggedSchema, taggedSchemas, taggedUnion } from '../model/tagged.js';
import type { World } from '../model/world.js';
import { agreementEvents } from './agreements.js';
import { callEvents } from './calls.js';
import { channelEvents } from './channels.js';
import { conferenceEvents } from './conferences.js';
import { conflictEvents } from './conflict.js';
import type { EventDefinition, Observers } from './definition.js';
import { deliberationEvents } from './deliberation.js';
import { intrigueEvents } from './intrigue.js';
import { movementEvents } from './movement.js';
import { relationEvents } from './relations.js';
import { runEvents } from './run.js';
import { talkEvents } from './talks.js';
import { warEvents } from './wars.js';
import type { Names } from './telling.js';

/** The families of event types, each the part of the world its module's events change. */
const families = {
  run: runEvents,
  deliberation: deliberationEvents,
  conflict: conflictEvents,
  intrigue: intrigueEvents,
  channels: channelEvents,
  movement: movementEvents,
  talks: talkEvents,
  agreements: agreementEvents,
  wars: warEvents,
  calls: callEvents,
  conferences: conferenceEvents,
  relations: relationEvents,
};

const definitions = {
  ...families.run,
  ...families.deliberation,
  ...families.conflict,
  ...families.intrigue,
  ...families.channels,
  ...families.movement,
  ...families.talks,
  ...families.agreements,
  ...families.wars,
  ...families.calls,
  ...families.conferences,
  ...families.relations,
};

type Definitions = typeof definitions;
export type EventType = keyof Definitions;
type FieldsOf<K extends EventType> = Definitions[K]['fields'];

/** Every event type, in code-point order. */
export const EVENT_TYPES: readonly EventType[] = sortedKeys(definitions);

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(definitions, type);
}

/** A family of event types: the module it is defined in, the part of the world it changes. */
export type EventFamily = keyof typeof families;

/** Every family, in code-point order. */
export const EVENT_FAMILIES: readonly EventFamily[] = sortedKeys(families);

const familyByType = new Map<EventType, EventFamily>(
  EVENT_FAMILIES.flatMap((family) =>
    Object.keys(families[family])
      .filter(isEventType)
      .map((type) => [type, family] as const),
  ),
);

/** The family an event type belongs to. */
export function familyOf(type: EventType): EventFamily {
  const family = familyByType.get(type);
  if (family === undefined) throw new Error(`event type ${type} has no family`);
  return family;
}

const fieldsByType = Object.fromEntries(EVENT_TYPES.map((type) => [type, definitions[type].fields])) as {
  [K in EventType]: FieldsOf<K>;
};

/** The payload schema of each event type (without seq and t). */
export const eventPayloadSchemas: { [K in EventType]: TaggedSchema<K, FieldsOf<K>> } =
  taggedSchemas(fieldsByType);

/** An event as written in a scenario's script: a payload without seq and time. */
export const eventInputSchema = taggedUnion(eventPayloadSchemas, EVENT_TYPES);

export type EventPayloadOf<K extends EventType> = z.output<(typeof eventPayloadSchemas)[K]>;
export type EventPayload = { [K in EventType]: EventPayloadOf<K> }[EventType];

/** An event in a log: its payload, its position `seq` (from 0) and simulated time `t`. */
export type WorldEventOf<K extends EventType> = EventPayloadOf<K> & {
  readonly seq: number;
  readonly t: Minutes;
};
export type WorldEvent = { [K in EventType]: WorldEventOf<K> }[EventType];

/** The table, checked by the compiler: each entry takes its own type's events and emits events. */
const table: { readonly [K in EventType]: EventDefinition<FieldsOf<K>, EventPayload> } = definitions;

/**
 * The definition of an event's type, as one that accepts the event: `table` is checked entry by
 * entry, and this lookup is where TypeScript cannot follow that `e.type` selects the entry made for
 * `e`.
 */
function definitionOf(e: WorldEvent): EventDefinition<z.ZodRawShape, EventPayload> {
  return table[e.type] as EventDefinition<z.ZodRawShape, EventPayload>;
}

/** The world after an event: the clock moves to the event's time, then its type applies it. */
export function apply(world: World, event: WorldEvent): World {
  const clocked = event.t > world.time ? { ...world, time: event.t } : world;
  return definitionOf(event).apply(clocked, event);
}

/** The world after a whole log. */
export function fold(world: World, events: readonly WorldEvent[]): World {
  let w = world;
  for (const e of events) w = apply(w, e);
  return w;
}

/**
 * Who observes an event, in the world after it: `'all'`, or the factions that do (a faction may be
 * named twice). Secret events (covert channels, hidden plans) are observed only by those they
 * belong to.
 */
export function observersOf(world: World, e: WorldEvent): Observers {
  return definitionOf(e).observers(world, e);
}

/** The chronicle's sentence for an event, or null for bookkeeping a reader need not see. */
export function renderEvent(e: WorldEvent, names: Names): string | null {
  return definitionOf(e).tell(e, names);
}

/** The events that follow from an event (how relations respond), read from the world after it. */
export function consequencesOf(world: World, e: WorldEvent): readonly EventPayload[] {
  return definitionOf(e).consequences?.(world, e) ?? [];
}

export type { EventDefinition, EventOf, Observers } from './definition.js';
export { type Names, namesOf } from './telling.js';
export { setAt } from './run.js';
export { AMBUSH_MARK } from './intrigue.js';
export type { Consequence } from './relations.js';
