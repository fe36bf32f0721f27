/**
 * Multi-issue outcome spaces (the "agenda" of a negotiation, as in NegMAS and GENIUS): a list of
 * issues, each with a finite list of values; an outcome assigns one value to every issue.
 *
 * Outcomes have two forms. An `Assignment` is the array of value indices, one per issue, in issue
 * order: it is what strategies, protocols and analyses work with (compact, cheap to compare). An
 * `Outcome` is the named form, issue name → value, used in events, transcripts and JSON output.
 * Spaces are never enumerated unless asked: `cardinality` may be far beyond what fits in memory
 * (10 issues × 10 values = 10¹⁰ outcomes), and every solver states how it avoids enumeration.
 */
import { at, missing } from '../../common/checked.js';
import { invariant } from '../../common/errors.js';

/** A value an issue can take: a label (categorical, ordinal) or an integer (integer range). */
export type IssueValue = string | number;

/**
 * `categorical`: unordered labels; `ordinal`: labels in a meaningful order (neighbours are close);
 * `integer`: the integers of a range `{min, max, step}` (an amount of aid, a number of ships).
 * A treaty provision that may or may not be included is a categorical issue with values `[no, yes]`.
 */
export type IssueKind = 'categorical' | 'ordinal' | 'integer';

export interface Issue {
  readonly name: string;
  readonly kind: IssueKind;
  /** Distinct values, in order (ascending for integer ranges). */
  readonly values: readonly IssueValue[];
}

/** Value indices, one per issue, in issue order. */
export type Assignment = readonly number[];

/** The named form of an outcome: issue name → value. */
export type Outcome = Readonly<Record<string, IssueValue>>;

export interface OutcomeSpace {
  readonly issues: readonly Issue[];
  /** Number of values of each issue. */
  readonly sizes: readonly number[];
  /** Number of outcomes (a float: exact up to 2⁵³, approximate beyond). */
  readonly cardinality: number;
}

/** Largest number of values one issue may have (an integer range is expanded into its values). */
export const MAX_ISSUE_VALUES = 1_000_000;

export function categoricalIssue(name: string, values: readonly IssueValue[]): Issue {
  return checkedIssue({ name, kind: 'categorical', values: [...values] });
}

export function ordinalIssue(name: string, values: readonly IssueValue[]): Issue {
  return checkedIssue({ name, kind: 'ordinal', values: [...values] });
}

/** The integers min, min+step, … up to max (inclusive when reached). */
export function integerIssue(name: string, min: number, max: number, step = 1): Issue {
  invariant(
    Number.isSafeInteger(min) && Number.isSafeInteger(max) && Number.isSafeInteger(step),
    `integer issue "${name}": min, max and step must be integers`,
  );
  invariant(step > 0 && max >= min, `integer issue "${name}": needs step > 0 and max ≥ min`);
  const count = Math.floor((max - min) / step) + 1;
  invariant(
    count <= MAX_ISSUE_VALUES,
    `integer issue "${name}" has ${count} values (limit ${MAX_ISSUE_VALUES})`,
  );
  const values: number[] = [];
  for (let i = 0; i < count; i++) values.push(min + i * step);
  return { name, kind: 'integer', values };
}

function checkedIssue(issue: Issue): Issue {
  invariant(issue.values.length > 0, `issue "${issue.name}" has no values`);
  invariant(
    new Set(issue.values.map(String)).size === issue.values.length,
    `issue "${issue.name}" repeats a value`,
  );
  return issue;
}

export function createOutcomeSpace(issues: readonly Issue[]): OutcomeSpace {
  invariant(issues.length > 0, 'an outcome space needs at least one issue');
  invariant(new Set(issues.map((i) => i.name)).size === issues.length, 'issue names must be distinct');
  const sizes = issues.map((i) => i.values.length);
  let cardinality = 1;
  for (const s of sizes) cardinality *= s;
  return { issues, sizes, cardinality };
}

export function issueIndex(space: OutcomeSpace, name: string): number {
  return space.issues.findIndex((i) => i.name === name);
}

/** The index of `value` among the values of issue `issue`, or -1. Integers match their text too. */
export function valueIndex(space: OutcomeSpace, issue: number, value: IssueValue): number {
  const values = at(space.issues, issue, 'issue').values;
  const direct = values.indexOf(value);
  if (direct >= 0) return direct;
  const text = String(value);
  return values.findIndex((v) => String(v) === text);
}

/** The named form of an assignment. */
export function toOutcome(space: OutcomeSpace, assignment: Assignment): Outcome {
  // Own properties whatever the issues are called (an issue may be named `__proto__`).
  return Object.fromEntries(
    space.issues.map((issue, i) => [issue.name, issue.values[assignment[i] ?? missing()] ?? missing()]),
  );
}

/** The assignment of a named outcome; every issue must be given a known value. */
export function toAssignment(space: OutcomeSpace, outcome: Outcome): Assignment {
  return space.issues.map((issue, i) => {
    const v = outcome[issue.name];
    invariant(v !== undefined, `outcome has no value for issue "${issue.name}"`);
    const k = valueIndex(space, i, v);
    invariant(k >= 0, `issue "${issue.name}" has no value ${JSON.stringify(v)}`);
    return k;
  });
}

export function isValidAssignment(space: OutcomeSpace, a: Assignment): boolean {
  if (a.length !== space.sizes.length) return false;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] ?? missing();
    if (!Number.isInteger(v) || v < 0 || v >= (space.sizes[i] ?? missing())) return false;
  }
  return true;
}

export function sameAssignment(a: Assignment, b: Assignment): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `supplies=food, crew-exchange=no` — the one-line textual form used in transcripts. */
export function formatOutcome(space: OutcomeSpace, a: Assignment): string {
  return space.issues.map((issue, i) => `${issue.name}=${String(issue.values[at(a, i)])}`).join(', ');
}

/**
 * Every assignment in lexicographic order (the last issue varies fastest). Callers check
 * `cardinality` first: this is the one place that enumerates a space.
 */
export function* enumerateAssignments(space: OutcomeSpace): Generator<number[]> {
  const sizes = space.sizes;
  const a = new Array<number>(sizes.length).fill(0);
  for (;;) {
    yield a.slice();
    let i = sizes.length - 1;
    for (; i >= 0; i--) {
      const next = (a[i] ?? missing()) + 1;
      if (next < (sizes[i] ?? missing())) {
        a[i] = next;
        break;
      }
      a[i] = 0;
    }
    if (i < 0) return;
  }
}

/** A uniformly random assignment, drawing one integer per issue. */
export function randomAssignment(space: OutcomeSpace, int: (min: number, max: number) => number): number[] {
  return space.sizes.map((s) => int(0, s - 1));
}

/**
 * A set of outcomes described by a partial assignment: for each named issue, the values it may
 * take. A red line ("no crew exchange") is such a pattern: every outcome matching it is forbidden.
 */
export interface OutcomePattern {
  /** Terms sorted by issue index; each lists the allowed value indices of one issue. */
  readonly terms: readonly { readonly issue: number; readonly values: readonly number[] }[];
}

export function matchesPattern(pattern: OutcomePattern, a: Assignment): boolean {
  for (const term of pattern.terms) {
    if (!term.values.includes(a[term.issue] ?? missing())) return false;
  }
  return true;
}

export function matchesAny(patterns: readonly OutcomePattern[], a: Assignment): boolean {
  for (let i = 0; i < patterns.length; i++) if (matchesPattern(patterns[i] ?? missing(), a)) return true;
  return false;
}

/** Builds a pattern from issue name → value(s); unknown names and values are invariant failures. */
export function createPattern(
  space: OutcomeSpace,
  spec: Readonly<Record<string, IssueValue | readonly IssueValue[]>>,
): OutcomePattern {
  const terms = Object.entries(spec).map(([name, raw]) => {
    const issue = issueIndex(space, name);
    invariant(issue >= 0, `pattern names unknown issue "${name}"`);
    const list: readonly IssueValue[] = typeof raw === 'object' ? raw : [raw];
    const values = list.map((v) => {
      const k = valueIndex(space, issue, v);
      invariant(k >= 0, `issue "${name}" has no value ${JSON.stringify(v)}`);
      return k;
    });
    return { issue, values: [...new Set(values)].sort((x, y) => x - y) };
  });
  terms.sort((x, y) => x.issue - y.issue);
  return { terms };
}

/** The named form of a pattern (issue → values), for reports. */
export function describePattern(space: OutcomeSpace, pattern: OutcomePattern): string {
  return pattern.terms
    .map((t) => {
      const issue = at(space.issues, t.issue, 'issue');
      const vals = t.values.map((v) => String(issue.values[v]));
      return `${issue.name}=${vals.length === 1 ? vals[0] : `{${vals.join('|')}}`}`;
    })
    .join(', ');
}
