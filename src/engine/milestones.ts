/**
 * Milestones: named patterns over the event log, declared in the scenario and matched generically.
 * A milestone is reached at the earliest event that completes its steps in order (each step an
 * event type and conditions on its fields), unless one of its `unless` patterns matched earlier, and
 * within its time limit. The condition language is documented in docs/scenario-format.md.
 */
import type { MilestoneCondition, MilestoneSpec, PatternSpec } from '../scenario/schema.js';
import { must } from '../common/errors.js';
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

/** Does `event` match `pattern` (and agree with `previous` on the pattern's `same` fields)? */
export function matchesPattern(event: WorldEvent, pattern: PatternSpec, previous?: WorldEvent): boolean {
  if (event.type !== pattern.event) return false;
  if (!matchesWhere(event, pattern.where)) return false;
  if (previous) {
    for (const field of pattern.same) {
      const path = field.split('.');
      const mine = valuesAt(event, path);
      const theirs = valuesAt(previous, path);
      if (mine.length === 0 || !mine.every((v) => theirs.includes(v))) return false;
    }
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

/** The index of the event completing the milestone earliest, or null. */
function earliestCompletion(m: MilestoneSpec, events: readonly WorldEvent[]): number | null {
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
    for (let i = from; i < events.length; i++) {
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

export function matchMilestone(m: MilestoneSpec, events: readonly WorldEvent[]): MilestoneResult {
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
    outcome: m.outcome,
  };
}

export function matchMilestones(
  milestones: readonly MilestoneSpec[],
  events: readonly WorldEvent[],
): MilestoneResult[] {
  return milestones.map((m) => matchMilestone(m, events));
}
