/**
 * Milestones: named patterns over the event log, declared in the scenario and matched generically.
 * A milestone is reached at the earliest event that completes its steps in order (each step an
 * event type and conditions on its fields, agreeing with the previous step on its `same` fields, with
 * none of its `without` patterns in between), unless one of its `unless` patterns matched earlier,
 * and within its time limit. A milestone's `due` says whether it was reached on time (`dueOutcome`).
 * Incoherence patterns (agents/coherence.ts) are matched the same way. The condition language is
 * documented in docs/scenario-format.md.
 */
import type {
  DueSpec,
  LogPatternSpec,
  MilestoneCondition,
  MilestoneSpec,
  PatternSpec,
  SameSpec,
  StepPatternSpec,
} from '../scenario/schema.js';
import { must } from '../common/errors.js';
import { formatDuration } from '../model/time.js';
import type { WorldEvent } from '../events/index.js';

export interface MilestoneResult {
  readonly id: string;
  readonly title: string;
  readonly reached: boolean;
  /** The event that completed the milestone. */
  readonly seq: number | null;
  /** An outcome milestone (not a beat of the story). */
  readonly outcome: boolean;
}

/** Every value at a dotted path; lists along the way are crossed (each element contributes). */
export function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, path));
  const [head, ...rest] = path;
  if (head === undefined) return value === undefined ? [] : [value];
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, head)) return [];
  return valuesAt(Reflect.get(value, head), rest);
}

function holds(values: readonly unknown[], condition: MilestoneCondition): boolean {
  if (condition === null || typeof condition !== 'object') return values.some((v) => v === condition);
  if ('in' in condition) return values.some((v) => condition.in.some((c) => c === v));
  if ('all' in condition) return condition.all.every((c) => values.includes(c));
  if ('none' in condition) return !condition.none.some((c) => values.includes(c));
  if ('exists' in condition) return values.some((v) => v !== null && v !== undefined) === condition.exists;
  if ('some' in condition) return values.some((element) => matchesWhere(element, condition.some));
  if ('allOf' in condition) return condition.allOf.every((c) => holds(values, c));
  const { min, max } = condition;
  return values.some(
    (v) => typeof v === 'number' && (min === undefined || v >= min) && (max === undefined || v <= max),
  );
}

function matchesWhere(value: unknown, where: Readonly<Record<string, MilestoneCondition>>): boolean {
  for (const [field, condition] of Object.entries(where)) {
    if (!holds(valuesAt(value, field.split('.')), condition)) return false;
  }
  return true;
}

/** Does `event` agree with `previous` on one `same` entry? */
function agrees(event: WorldEvent, previous: WorldEvent, same: SameSpec): boolean {
  if (typeof same === 'string') {
    const path = same.split('.');
    const mine = valuesAt(event, path);
    const theirs = valuesAt(previous, path);
    return mine.length > 0 && mine.every((v) => theirs.includes(v));
  }
  // `{ field: previousField }`: this event's field holds every value of the previous one's.
  return Object.entries(same).every(([field, previousField]) => {
    const mine = valuesAt(event, field.split('.'));
    const theirs = valuesAt(previous, previousField.split('.'));
    return theirs.length > 0 && theirs.every((v) => mine.includes(v));
  });
}

/** Does `event` match `pattern` (and agree with `previous` on the pattern's `same` fields)? */
export function matchesPattern(event: WorldEvent, pattern: PatternSpec, previous?: WorldEvent): boolean {
  if (event.type !== pattern.event) return false;
  if (!matchesWhere(event, pattern.where)) return false;
  if (previous) {
    for (const same of pattern.same) if (!agrees(event, previous, same)) return false;
  }
  return true;
}

/**
 * Where an `anyOrder` group completes: each of its patterns matched by the earliest event at or
 * after `from` (distinct events), the group ending at the latest of them. Null if one never matches.
 */
function groupEnd(group: readonly PatternSpec[], events: readonly WorldEvent[], from: number): number | null {
  const used = new Set<number>();
  let end = -1;
  for (const pattern of group) {
    let found = -1;
    for (let i = from; i < events.length; i++) {
      const e = events[i];
      if (e && !used.has(i) && matchesPattern(e, pattern)) {
        found = i;
        break;
      }
    }
    if (found < 0) return null;
    used.add(found);
    end = Math.max(end, found);
  }
  return end;
}

/**
 * The index of the first event after `prev` matching one of a step's `without` patterns (compared
 * with the previous step's event), or the log's length when none does: the step must come before it.
 */
function withoutBound(step: StepPatternSpec, events: readonly WorldEvent[], prev: number): number {
  if (step.without.length === 0) return events.length;
  const previous = prev >= 0 ? events[prev] : undefined;
  for (let j = prev + 1; j < events.length; j++) {
    const e = must(events[j], () => `event ${j}`);
    if (step.without.some((p) => matchesPattern(e, p, previous))) return j;
  }
  return events.length;
}

/** The index of the event completing the milestone earliest, or null. */
function earliestCompletion(m: LogPatternSpec, events: readonly WorldEvent[]): number | null {
  const steps = m.steps;
  const at = (i: number) => must(events[i], () => `event ${i}`);
  const failed = new Set<string>();
  let best: number | null = null;
  const search = (step: number, from: number, prev: number, first: number): void => {
    const key = `${step}:${from}:${prev}`;
    if (failed.has(key)) return;
    let found = false;
    const current = must(steps[step], () => `step ${step} of ${m.id}`);
    if ('anyOrder' in current) {
      // A group is matched at its earliest completion; later steps continue after it.
      const end = groupEnd(current.anyOrder, events, from);
      if (end === null || (best !== null && end >= best)) {
        failed.add(key);
        return;
      }
      const start = first >= 0 ? first : from;
      if (m.within !== undefined && at(end).t - at(Math.min(start, end)).t > m.within) return;
      if (step === steps.length - 1) best = end;
      else search(step + 1, end + 1, end, first >= 0 ? first : end);
      return;
    }
    const bound = withoutBound(current, events, prev);
    for (let i = from; i < bound; i++) {
      if (best !== null && i >= best) break;
      const e = at(i);
      if (!matchesPattern(e, current, prev >= 0 ? events[prev] : undefined)) continue;
      const start = first >= 0 ? first : i;
      if (m.within !== undefined && e.t - at(start).t > m.within) continue;
      if (step === steps.length - 1) {
        best = i;
        return;
      }
      search(step + 1, i + 1, i, start);
      if (best !== null) found = true;
    }
    if (!found) failed.add(key);
  };
  search(0, 0, -1, -1);
  return best;
}

export function matchMilestone(m: LogPatternSpec, events: readonly WorldEvent[]): MilestoneResult {
  const done = earliestCompletion(m, events);
  const blocked =
    done !== null &&
    (m.unless.some((p) => events.slice(0, done).some((e) => matchesPattern(e, p))) ||
      !m.requires.every((p) => events.slice(0, done + 1).some((e) => matchesPattern(e, p))));
  const reached = done !== null && !blocked;
  return {
    id: m.id,
    title: m.title,
    reached,
    seq: reached ? (events[done]?.seq ?? null) : null,
    outcome: m.outcome === true,
  };
}

export function matchMilestones(
  milestones: readonly LogPatternSpec[],
  events: readonly WorldEvent[],
): MilestoneResult[] {
  return milestones.map((m) => matchMilestone(m, events));
}

/** A milestone's `due` in words: "by 1d", "within 12h of envoy-denied". */
export function describeDue(due: DueSpec): string {
  return 'by' in due
    ? `by ${formatDuration(due.by)}`
    : `within ${formatDuration(due.within)} of ${due.after}`;
}

/**
 * Whether each reached milestone with a `due` was reached on time: `true` on time, `false` late
 * (a milestone due after another that was not reached is late), `null` when it has no `due` or was
 * not reached. `results` are `matchMilestones(milestones, events)`.
 */
export function dueOutcomes(
  milestones: readonly MilestoneSpec[],
  results: readonly MilestoneResult[],
  events: readonly WorldEvent[],
): (boolean | null)[] {
  const timeOf = new Map<string, number>();
  for (const r of results) {
    if (r.seq === null) continue;
    const e = events[r.seq]?.seq === r.seq ? events[r.seq] : events.find((x) => x.seq === r.seq);
    if (e) timeOf.set(r.id, e.t);
  }
  return milestones.map((m) => {
    const t = timeOf.get(m.id);
    if (m.due === undefined || t === undefined) return null;
    if ('by' in m.due) return t <= m.due.by;
    const start = timeOf.get(m.due.after);
    return start !== undefined && t - start <= m.due.within;
  });
}
