/**
 * What a leader's questions read, so that a question is asked again only when something it reads
 * has changed (or the time it reads has passed), and an event wakes only the questions it touches.
 *
 * A question source declares what it reads as families of events (the parts of the world each
 * family of ../events/ changes: `relations`, `conflict`, `movement`…), single event types for a
 * narrower interest (`alliance-sought`), and `clock` when the passage of time alone may change its
 * answer (the days a war has lasted, a timetable running). A faction's own decisions and counsel
 * (`decision-made`, `counsel-given`) are news to none of its questions unless one names them.
 *
 * The news is read from the log: when the faction last observed an event of each type, built once
 * per log and extended tick by tick, so it is the same in a run, its replay and its forks.
 */
import {
  EVENT_TYPES,
  type EventFamily,
  type EventType,
  familyOf,
  observersOf,
  type WorldEvent,
} from '../events/index.js';
import type { FactionId } from '../model/ids.js';
import type { Minutes } from '../model/time.js';
import { sortedIds, type World } from '../model/world.js';
import type { Question } from './deliberation.js';
import type { Situation } from './situation.js';

/** A part of the world a question reads: a family of events, one event type, or the clock. */
export type Read = EventFamily | EventType | 'clock';

/** An edit of the world (a fork's change) may change anything: news to every question. */
const EDITED: EventType = 'world-edited';

/** The events of a faction's own deliberation: news to no question that does not name them. */
const OWN_DELIBERATION: ReadonlySet<EventType> = new Set<EventType>(['decision-made', 'counsel-given']);

/** A source of questions and what they read. */
export interface QuestionSource {
  /** The questions the situation raises (none when it raises none). */
  readonly ask: (s: Situation) => Question[];
  /** The event types that may change its questions' answers. */
  readonly types: ReadonlySet<EventType>;
  /** Whether time passing alone may change them: a cooldown then suffices to ask again. */
  readonly clock: boolean;
}

/**
 * A question source reading `reads`. A family read includes every type in it but the faction's own
 * deliberation; an event type named alone is read as named.
 */
export function questionSource(ask: (s: Situation) => Question[], reads: readonly Read[]): QuestionSource {
  const named = new Set(reads);
  const types = new Set<EventType>(
    EVENT_TYPES.filter(
      (type) =>
        type === EDITED || named.has(type) || (named.has(familyOf(type)) && !OWN_DELIBERATION.has(type)),
    ),
  );
  return { ask, types, clock: named.has('clock') };
}

/** Whether any of the events is one the source reads: the events wake it. */
export function touches(source: QuestionSource, events: readonly WorldEvent[]): boolean {
  return events.some((e) => source.types.has(e.type));
}

/** When each faction last observed an event of each type, for one log, up to `length` events. */
interface LastObserved {
  length: number;
  readonly byFaction: Map<FactionId, Map<EventType, Minutes>>;
}

const lastObservedByLog = new WeakMap<readonly WorldEvent[], LastObserved>();

/**
 * When the faction last observed an event of each type in the log. The log only grows during a run,
 * so each call reads only the events added since the last (their observers as the world now has
 * them, as `FactionView.observed` does).
 */
export function lastObserved(
  world: World,
  log: readonly WorldEvent[],
  faction: FactionId,
): ReadonlyMap<EventType, Minutes> {
  let cache = lastObservedByLog.get(log);
  if (!cache || cache.length > log.length) {
    cache = { length: 0, byFaction: new Map() };
    lastObservedByLog.set(log, cache);
  }
  if (cache.length < log.length) {
    const factions = sortedIds(world.factions);
    for (let i = cache.length; i < log.length; i++) {
      const e = log[i];
      if (!e) continue;
      const observers = observersOf(world, e);
      for (const f of observers === 'all' ? factions : observers) {
        let times = cache.byFaction.get(f);
        if (!times) cache.byFaction.set(f, (times = new Map()));
        times.set(e.type, e.t);
      }
    }
    cache.length = log.length;
  }
  return cache.byFaction.get(faction) ?? NOTHING;
}

const NOTHING: ReadonlyMap<EventType, Minutes> = new Map();

/**
 * Whether the source has news after `since`: the faction observed an event it reads in a later
 * tick (what happened in the tick it was last asked, its own deeds among them, it had answered).
 */
export function newsAfter(
  source: QuestionSource,
  observed: ReadonlyMap<EventType, Minutes>,
  since: Minutes,
): boolean {
  if (source.clock) return true;
  for (const type of source.types) {
    const t = observed.get(type);
    if (t !== undefined && t > since) return true;
  }
  return false;
}
