/**
 * What an event type is, in one place: the fields of its payload (a zod shape, from which its
 * TypeScript type, the validation of scripted events and the JSON Schema all follow), how it
 * changes the world, which factions observe it, how the chronicle tells it, and how relations
 * respond to it. Each family module (./talks.ts, ./conflict.ts, …) defines its event types with
 * `defineEvent`; ./index.ts gathers them into the table the engine, the views and the chronicle
 * read — as the rulebook (engine/rules) does for intents.
 */
import type { z } from 'zod';
import type { FactionId } from '../model/ids.js';
import type { Minutes } from '../model/time.js';
import type { World } from '../model/world.js';
import type { Names } from './telling.js';

/** Who learns of an event: every faction, or the factions listed (a faction may appear twice). */
export type Observers = 'all' | readonly FactionId[];

/** An event as its handlers see it: its fields, its position `seq` in the log and its time `t`. */
export type EventOf<S extends z.ZodRawShape> = z.output<z.ZodObject<S>> & {
  readonly seq: number;
  readonly t: Minutes;
};

export interface EventDefinition<S extends z.ZodRawShape, C = never> {
  /** The payload's fields (besides `type`); defaults fill what a scripted event leaves out. */
  readonly fields: S;
  /**
   * The world after the event. Pure and total: it never draws random numbers or reads a clock
   * (events carry their outcomes), and an event about things that do not exist changes nothing,
   * so that a log always folds.
   */
  apply(world: World, e: EventOf<S>): World;
  /** The factions that observe the event, read from the world after it (see agents/view.ts). */
  observers(world: World, e: EventOf<S>): Observers;
  /** The chronicle's sentence, or null for bookkeeping a reader need not see. */
  tell(e: EventOf<S>, names: Names): string | null;
  /** How relations respond (./relations.ts events), read from the world after the event. */
  consequences?(world: World, e: EventOf<S>): readonly C[];
}

/** An event type's definition, its handlers typed from its fields. */
export function defineEvent<S extends z.ZodRawShape, C = never>(
  definition: EventDefinition<S, C>,
): EventDefinition<S, C> {
  return definition;
}

/** A family's events as payloads, `{ type, …fields }`, one member per event type. */
export type PayloadsOf<F extends { readonly [type: string]: { readonly fields: z.ZodRawShape } }> = {
  [K in keyof F & string]: { readonly type: K } & z.output<z.ZodObject<F[K]['fields']>>;
}[keyof F & string];
