/**
 * Coherence of the autonomous leaders (`alliances coherence`, and `coherence` in `alliances
 * fidelity --json`): per run, how often they repeat a decision on no new input, reverse a move
 * within a day for nothing, abandon a proposal before its reply, or carry out one intent twice in a tick; and
 * the share of runs that match each incoherence pattern the scenario declares (in the milestones'
 * language, matched by engine/milestones.ts). The measures are defined in docs/leaders.md
 * ("Coherence"); each reads only the event log (and the world it folds to), so a report depends
 * only on the scenario and the seeds.
 */
import { canonicalJson } from '../common/canonical-json.js';
import { buildWorld } from '../engine/initial-world.js';
import { matchMilestones } from '../engine/milestones.js';
import { apply, type WorldEvent } from '../events/index.js';
import { days } from '../model/time.js';
import { decisionSubstance } from './deliberation.js';
import type { PersonId } from '../model/ids.js';
import type { Position } from '../model/vocabulary.js';
import { topLocation, type World } from '../model/world.js';
import type { ScenarioSpec } from '../scenario/schema.js';

/** A move undone within this long after arriving counts as reversed. */
export const REVERSAL_WINDOW = days(1);

/** Ways a person is moved by others or by circumstance, not by their own choice. */
const FORCED_MEANS = new Set(['escort', 'escape', 'expulsion', 'journey']);

/** The counts of one run. */
export interface RunCoherence {
  readonly repeatedDecisions: number;
  readonly reversedMoves: number;
  readonly abandonedProposals: number;
  readonly duplicateIntents: number;
  /** Ids of the scenario's incoherence patterns the run matched. */
  readonly patterns: readonly string[];
}

export const COHERENCE_MEASURES = [
  'repeatedDecisions',
  'reversedMoves',
  'abandonedProposals',
  'duplicateIntents',
] as const;
export type CoherenceMeasure = (typeof COHERENCE_MEASURES)[number];

export interface CoherenceReport {
  readonly runs: number;
  /** Each measure's distribution over the runs (nearest-rank percentiles), and its total. */
  readonly perRun: Readonly<
    Record<
      CoherenceMeasure,
      { readonly median: number; readonly p90: number; readonly max: number; readonly total: number }
    >
  >;
  readonly patterns: readonly {
    readonly id: string;
    readonly title: string;
    readonly share: number;
    readonly runs: number;
  }[];
}

/**
 * Decisions repeated on no new input: a decision answering a question, by the same leader on the
 * same question as their previous one, with the same choice and the same substance. Anything the
 * leader observed in between bore on the decision only if it changed what the decision weighs (an
 * option, a veto, a term's value or note); a decision taken again unchanged was taken on nothing new.
 */
export function repeatedDecisions(events: readonly WorldEvent[]): number {
  const last = new Map<string, string>();
  let count = 0;
  for (const e of events) {
    if (e.type !== 'decision-made' || e.question === null) continue;
    const key = `${e.actor}\u0000${e.question}`;
    const signature = `${e.choice ?? e.decision}\u0000${decisionSubstance(e.options)}`;
    if (last.get(key) === signature) count++;
    last.set(key, signature);
  }
  return count;
}

/**
 * Intents carried out twice in one tick: the same actor's intent of the same type and summary with
 * the same resulting events (all but their `seq`), or rejected twice by the same rule; or an intent
 * whose every resulting event repeats one already carried out in the tick, whoever decided it (a
 * person moved again, aboard, where their leader's move had just taken them).
 */
export function duplicateIntents(events: readonly WorldEvent[]): number {
  const intents = new Set<string>();
  const acts = new Set<string>();
  let count = 0;
  let t = Number.NaN;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (!e) continue;
    if (e.t !== t) {
      intents.clear();
      acts.clear();
      t = e.t;
    }
    if (e.type === 'intent-rejected') {
      const key = canonicalJson([e.actor, e.intent, e.rule, e.message]);
      if (intents.has(key)) count++;
      intents.add(key);
      continue;
    }
    if (e.type !== 'decision-made') continue;
    // The intent's events follow its decision, up to the next decision or rejection.
    const effects: string[] = [];
    for (let j = i + 1; j < events.length; j++) {
      const f = events[j];
      if (!f || f.t !== t || f.type === 'decision-made' || f.type === 'intent-rejected') break;
      const { seq: _seq, ...payload } = f;
      effects.push(canonicalJson(payload));
    }
    const key = canonicalJson([e.actor, e.decision, e.summary, effects]);
    if (intents.has(key) || (effects.length > 0 && effects.every((x) => acts.has(x)))) count++;
    intents.add(key);
    for (const x of effects) acts.add(x);
  }
  return count;
}

/** Where a mover is, as a key: a place, or a force a person is aboard. */
const placeOf = (p: Position) => (p.kind === 'ship' ? `ship:${p.ship}` : `location:${p.location}`);

/**
 * A move a mover chose: from a place to another, when it got there (null until it does), and
 * whether its stay there served anything (see `servesStay`).
 */
interface Leg {
  readonly from: string;
  readonly to: string;
  arrived: number | null;
  served: boolean;
}

/** Events that are deliberation or movement itself: taking part in them is not using a stay. */
const NOT_A_PURPOSE = new Set<string>([
  'decision-made',
  'counsel-given',
  'intent-rejected',
  'person-moved',
  'journey-begun',
  'ship-departed',
  'ship-arrived',
  'ships-met',
]);

/** Every string in an event's payload (ids of the persons, forces and places it names). */
function namesIn(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) namesIn(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) namesIn(v, out);
  return out;
}

/** The world before each event, and the voluntary legs of every force and person. */
interface Walk {
  /** Voluntary moves reversed within the window. */
  readonly reversed: number;
  /** The world just before each event (index-aligned with the log). */
  readonly before: readonly World[];
}

function walk(spec: ScenarioSpec, events: readonly WorldEvent[]): Walk {
  let world = buildWorld(spec);
  const before: World[] = [];
  const legs = new Map<string, Leg>();
  let reversed = 0;
  const leave = (mover: string, from: string, to: string, t: number, arrived: number | null) => {
    const last = legs.get(mover);
    const reachedAt = last?.arrived ?? null;
    if (
      last &&
      last.to === from &&
      last.from === to &&
      !last.served &&
      reachedAt !== null &&
      t - reachedAt <= REVERSAL_WINDOW
    )
      reversed++;
    legs.set(mover, { from, to, arrived, served: false });
  };
  for (const e of events) {
    before.push(world);
    // A stay served something when the mover took part in an event there (talks, a conference, a
    // fight): the return from it is not a reversal.
    if (!NOT_A_PURPOSE.has(e.type)) {
      for (const name of namesIn(e, new Set())) {
        for (const mover of [`person:${name}`, `ship:${name}`]) {
          const leg = legs.get(mover);
          if (leg && leg.arrived !== null) leg.served = true;
        }
      }
    }
    switch (e.type) {
      case 'ship-departed':
        leave(`ship:${e.ship}`, `location:${e.from}`, `location:${e.to}`, e.t, null);
        break;
      case 'ship-arrived': {
        const leg = legs.get(`ship:${e.ship}`);
        if (leg && leg.to === `location:${e.location}`) leg.arrived = e.t;
        break;
      }
      case 'journey-begun': {
        const p = world.persons[e.person];
        if (p) leave(`person:${e.person}`, placeOf(p.position), `location:${e.to}`, e.t, null);
        break;
      }
      case 'person-moved': {
        const p = world.persons[e.person];
        const mover = `person:${e.person}`;
        const to = placeOf(e.to);
        if (e.means === 'journey') {
          const leg = legs.get(mover);
          if (leg && leg.to === to) leg.arrived = e.t;
        } else if (FORCED_MEANS.has(e.means)) legs.delete(mover);
        else if (p && placeOf(p.position) !== to) leave(mover, placeOf(p.position), to, e.t, e.t);
        break;
      }
      case 'person-detained':
        legs.delete(`person:${e.person}`);
        break;
      case 'prisoners-escaped':
        for (const p of e.persons) legs.delete(`person:${p}`);
        break;
      case 'persons-evacuated':
        for (const p of e.persons) legs.delete(`person:${p}`);
        break;
      default:
        break;
    }
    world = apply(world, e);
  }
  return { reversed, before };
}

/** The top-level place a position is at: its own, or its force's (a room is in its place). */
function locationOf(world: World, position: Position): string | null {
  const at =
    position.kind === 'location' ? position.location : (world.ships[position.ship]?.location ?? null);
  return at === null ? null : topLocation(world, at);
}

/** The top-level place a person is at or heading for (their force's, when aboard one). */
function whereabouts(world: World, person: PersonId): string | null {
  const p = world.persons[person];
  if (!p) return null;
  if (p.journey) return topLocation(world, p.journey.to);
  if (p.position.kind === 'location') return topLocation(world, p.position.location);
  const ship = world.ships[p.position.ship];
  return ship ? topLocation(world, ship.course?.to ?? ship.location) : null;
}

/**
 * Does event `e` take `person` elsewhere than `towards` (by their own move, or their force's)? A
 * force that carries the talks themselves (`venue`) takes them along.
 */
function setsOut(
  e: WorldEvent,
  world: World,
  person: PersonId,
  towards: ReadonlySet<string>,
  venue: string | null = null,
): boolean {
  const p = world.persons[person];
  if (!p) return false;
  if (e.type === 'ship-departed')
    return (
      p.position.kind === 'ship' &&
      p.position.ship === e.ship &&
      e.ship !== venue &&
      !towards.has(topLocation(world, e.to))
    );
  if (e.type === 'journey-begun') return e.person === person && !towards.has(topLocation(world, e.to));
  if (e.type === 'person-moved' && e.person === person && !FORCED_MEANS.has(e.means)) {
    // Going aboard another force, or into a room, at the same place is not leaving it.
    const to = locationOf(world, e.to);
    return to !== locationOf(world, p.position) && (to === null || !towards.has(to));
  }
  return false;
}

/**
 * Proposals abandoned before their reply: a proposal is a `proposal` message, or an offer or demand
 * put in talks. Its reply is the addressee's next message to the proposer's faction or talks opened
 * between them (for a message), the other side's next move in the talks (for an offer). It is
 * abandoned when, before the reply arrives (or, when none comes, before one could have: a message's
 * round trip; for an offer, before the talks end), the proposer sets out elsewhere than to the
 * addressee, or the proposer's side walks out of the talks.
 */
function abandonedProposals(events: readonly WorldEvent[], before: readonly World[]): number {
  let count = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e?.type === 'message-sent' && e.topic === 'proposal') {
      const world = before[i];
      if (!world) continue;
      const towards = new Set(e.recipients.flatMap((r) => whereabouts(world, r) ?? []));
      let due = e.t + 2 * Math.max(0, e.arrivesAt - e.t);
      for (let j = i + 1; j < events.length; j++) {
        const f = events[j];
        if (!f || f.t > due) break;
        if (f.type === 'message-sent' && f.from === e.to && f.to === e.from) due = Math.min(due, f.arrivesAt);
        if (f.type === 'negotiation-opened' && f.parties.includes(e.from) && f.parties.includes(e.to)) break;
        const w = before[j];
        if (f.t < due && w && setsOut(f, w, e.sender, towards)) {
          count++;
          break;
        }
      }
    } else if (e?.type === 'offer-made') {
      const world = before[i];
      const talks = world?.negotiations[e.negotiation];
      for (let j = i + 1; j < events.length; j++) {
        const f = events[j];
        if (!f) break;
        const inTalks = 'negotiation' in f && f.negotiation === e.negotiation;
        if (inTalks && f.type === 'negotiation-ended') {
          if (f.by === e.by && f.outcome === 'walk-out') count++;
          break;
        }
        if (inTalks && (f.type === 'offer-made' || f.type === 'offer-rejected') && f.by !== e.by) break;
        if (f.type === 'agreement-concluded' && f.negotiation === e.negotiation) break;
        const w = before[j];
        const venue = talks?.venue ?? (talks?.aboard ? (w?.ships[talks.aboard]?.location ?? null) : null);
        if (w && setsOut(f, w, e.speaker, new Set(venue ? [venue] : []), talks?.aboard ?? null)) {
          count++;
          break;
        }
      }
    }
  }
  return count;
}

/** The coherence counts of one run of `spec`, from its event log. */
export function measureCoherence(spec: ScenarioSpec, events: readonly WorldEvent[]): RunCoherence {
  const { reversed, before } = walk(spec, events);
  return {
    repeatedDecisions: repeatedDecisions(events),
    reversedMoves: reversed,
    abandonedProposals: abandonedProposals(events, before),
    duplicateIntents: duplicateIntents(events),
    patterns: matchMilestones(spec.incoherence, events)
      .filter((m) => m.reached)
      .map((m) => m.id),
  };
}

/** The nearest-rank percentile of a sorted list (p in (0, 1]). */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

/** The report over the runs' counts (in any order: it depends only on the multiset). */
export function coherenceReport(spec: ScenarioSpec, runs: readonly RunCoherence[]): CoherenceReport {
  const n = runs.length;
  const measure = (name: CoherenceMeasure) => {
    const sorted = runs.map((r) => r[name]).sort((a, b) => a - b);
    return {
      median: percentile(sorted, 0.5),
      p90: percentile(sorted, 0.9),
      max: sorted[n - 1] ?? 0,
      total: sorted.reduce((a, b) => a + b, 0),
    };
  };
  return {
    runs: n,
    perRun: {
      repeatedDecisions: measure('repeatedDecisions'),
      reversedMoves: measure('reversedMoves'),
      abandonedProposals: measure('abandonedProposals'),
      duplicateIntents: measure('duplicateIntents'),
    },
    patterns: spec.incoherence.map((p) => {
      const matched = runs.filter((r) => r.patterns.includes(p.id)).length;
      return { id: p.id, title: p.title, share: n === 0 ? 0 : matched / n, runs: matched };
    }),
  };
}
