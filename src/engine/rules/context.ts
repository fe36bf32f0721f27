/**
 * What a rule sees and returns. A rule turns one intent of one actor into events, or refuses it
 * naming the rule that forbids it. Rules read the world as it is when the intent is handled and
 * draw randomness only from the stream they are given.
 */
import type { Rng } from '../../common/random.js';
import type { IntentOf, IntentType } from '../../model/intents.js';
import type { Minutes } from '../../model/time.js';
import type { Faction, Person, World } from '../../model/world.js';
import type { EngineSettings } from '../settings.js';
import type { EventPayload } from '../../events/index.js';

export interface RuleContext {
  readonly world: World;
  readonly t: Minutes;
  readonly rng: Rng;
  readonly settings: EngineSettings;
  /** The reasons the decision maker gave, for events that carry them. */
  readonly reasons: readonly string[];
  /** A fresh id for something the rule creates (`message-3`), deterministic within a run. */
  nextId(prefix: string): string;
}

export type RuleOutcome =
  | { readonly ok: true; readonly events: readonly EventPayload[] }
  | { readonly ok: false; readonly rule: string; readonly message: string };

export type Rule<K extends IntentType> = (
  ctx: RuleContext,
  actor: Person,
  faction: Faction,
  intent: IntentOf<K>,
) => RuleOutcome;

export const allow = (...events: EventPayload[]): RuleOutcome => ({ ok: true, events });

/** The things looked up by the ids an intent names, or null when one of them does not exist. */
export function allThere<T>(found: readonly (T | undefined)[]): T[] | null {
  const there = found.filter((x): x is T => x !== undefined);
  return there.length === found.length ? there : null;
}
export const refuse = (rule: string, message: string): RuleOutcome => ({ ok: false, rule, message });

/** Rules by intent type: each family module (./diplomacy.ts, …) provides its part. */
export type Rulebook = { readonly [K in IntentType]?: Rule<K> };
