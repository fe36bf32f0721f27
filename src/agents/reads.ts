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
import { decisionSubstance, type Question } from './deliberation.js';
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

/**
 * What a faction has heard of each event type: when it last observed one, and the last tick in which
 * it observed one that arrived only after it was asked in that tick — another faction's deed of the
 * same tick, decided on the same state of the world.
 */
export interface Heard {
  readonly last: ReadonlyMap<EventType, Minutes>;
  readonly late: ReadonlyMap<EventType, Minutes>;
  /** The faction's last decision on each question: what it chose, on what (`decisionSubstance`). */
  readonly decided: ReadonlyMap<string, Decided>;
}

interface HeardSoFar {
  readonly last: Map<EventType, Minutes>;
  readonly late: Map<EventType, Minutes>;
  readonly decided: Map<string, Decided>;
}

/** A decision remembered: the option chosen and the substance it was chosen on. */
export interface Decided {
  readonly choice: string;
  readonly substance: string;
}

/**
 * A log read up to `length` events. A tick's events come in two phases: the world's processes and
 * the script first, which every leader asked in that tick has seen; then the decisions, each with its
 * consequences, in blocks that open with the decider's `decision-made` (or `intent-rejected`).
 */
interface LogRead {
  length: number;
  tick: Minutes | undefined;
  /** The faction whose decision's consequences are being read, once the decisions have begun. */
  decider: FactionId | undefined;
  readonly byFaction: Map<FactionId, HeardSoFar>;
}

const readByLog = new WeakMap<readonly WorldEvent[], LogRead>();

/**
 * What the faction has heard of each event type in the log. The log only grows during a run, so each
 * call reads only the events added since the last (their observers as the world now has them, as
 * `FactionView.observed` does). Read from the log alone, it is the same in a run, its replay and its
 * forks.
 */
export function lastObserved(world: World, log: readonly WorldEvent[], faction: FactionId): Heard {
  let read = readByLog.get(log);
  if (!read || read.length > log.length) {
    read = { length: 0, tick: undefined, decider: undefined, byFaction: new Map() };
    readByLog.set(log, read);
  }
  if (read.length < log.length) {
    const factions = sortedIds(world.factions);
    for (let i = read.length; i < log.length; i++) {
      const e = log[i];
      if (!e) continue;
      if (e.t !== read.tick) {
        read.tick = e.t;
        read.decider = undefined;
      }
      if (e.type === 'decision-made' || e.type === 'intent-rejected') read.decider = e.faction;
      if (e.type === 'decision-made' && e.question !== null)
        heardBy(read, e.faction).decided.set(e.question, {
          choice: e.choice ?? e.decision,
          substance: decisionSubstance(e.options),
        });
      const observers = observersOf(world, e);
      for (const f of observers === 'all' ? factions : observers) {
        const heard = heardBy(read, f);
        heard.last.set(e.type, e.t);
        if (read.decider !== undefined && read.decider !== f) heard.late.set(e.type, e.t);
      }
    }
    read.length = log.length;
  }
  return read.byFaction.get(faction) ?? NOTHING;
}

function heardBy(read: LogRead, faction: FactionId): HeardSoFar {
  let heard = read.byFaction.get(faction);
  if (!heard) read.byFaction.set(faction, (heard = { last: new Map(), late: new Map(), decided: new Map() }));
  return heard;
}

const NOTHING: Heard = { last: new Map(), late: new Map(), decided: new Map() };

/**
 * Whether the source has news since the faction was asked in tick `since`: an event it reads
 * observed in a later tick, or one that arrived in that tick after it was asked (another faction's
 * deed). What the faction knew when asked, its own deeds among them, is no news.
 */
export function newsAfter(source: QuestionSource, heard: Heard, since: Minutes): boolean {
  if (source.clock) return true;
  for (const type of source.types) {
    const t = heard.last.get(type);
    if (t !== undefined && t > since) return true;
    if (heard.late.get(type) === since) return true;
  }
  return false;
}
