/**
 * Validation of parsed documents against zod schemas, turning every zod issue into a located
 * Problem, and the "did you mean" suggestions used for unknown names everywhere.
 */
import type { z } from 'zod';
import { type DocumentPath, parseSourceDocument, problemAt, type SourceDocument } from './document.js';
import { at } from './checked.js';
import { InputError, type Problem } from './errors.js';

/** Every schema problem of `doc`, located; an empty list when the document is valid. */
export function schemaProblems(doc: SourceDocument, issues: readonly z.core.$ZodIssue[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push(
          problemAt(doc, [...path, key], 'unknown-field', `unknown field "${key}"`, undefined, true),
        );
      }
      continue;
    }
    if (issue.code === 'invalid_union' && issue.discriminator) {
      problems.push(discriminatorProblem(doc, path, issue.discriminator, issue.message));
      continue;
    }
    problems.push(problemAt(doc, path, issue.code, describeIssue(issue)));
  }
  return problems;
}

/** `unknown kind "tribute"` with the valid kinds, for a discriminated union that matched no option. */
function discriminatorProblem(
  doc: SourceDocument,
  path: (string | number)[],
  field: string,
  issueMessage: string,
): Problem {
  const valuePath = path[path.length - 1] === field ? path : [...path, field];
  let value: unknown = doc.value;
  for (const seg of valuePath)
    value = value !== null && typeof value === 'object' ? Reflect.get(value, seg) : undefined;
  // zod names the valid options in its message, each in single quotes.
  const options = Array.from(issueMessage.matchAll(/'([^']+)'/g), (m) => at(m, 1, 'quoted option'));
  const message = value === undefined ? `missing "${field}"` : `unknown ${field} ${JSON.stringify(value)}`;
  const hint =
    typeof value === 'string'
      ? (suggestionHint(value, options) ?? `valid: ${options.join(', ')}`)
      : `valid: ${options.join(', ')}`;
  return problemAt(doc, valuePath, 'unknown-kind', message, hint);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const received = issue.input;
    if (received === undefined) return `required ${issue.expected} is missing`;
    return `expected ${issue.expected}, received ${describeValue(received)}`;
  }
  if (issue.code === 'invalid_union')
    return 'matches none of the allowed forms (see docs/scenario-format.md)';
  if (issue.code === 'invalid_value') {
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return issue.message;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${String(v)}`;
  return typeof v;
}

/**
 * Parses `text` (YAML or JSON) and validates it with `schema`; throws an InputError listing every
 * syntax or schema problem. Returns the typed value and the source document for later checks.
 */
export function parseAndValidate<S extends z.ZodType>(
  schema: S,
  text: string,
  file: string,
): { value: z.output<S>; doc: SourceDocument } {
  const doc = parseSourceDocument(text, file);
  const result = schema.safeParse(doc.value, { reportInput: true });
  if (!result.success) throw new InputError(schemaProblems(doc, result.error.issues));
  return { value: result.data, doc };
}

/** Levenshtein distance, for suggestions only (short strings). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  // prev: the distances of a's first i − 1 characters to each prefix of b; cur: of its first i.
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    let left = i;
    const cur = [left];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      left = Math.min(at(prev, j) + 1, left + 1, at(prev, j - 1) + cost);
      cur.push(left);
    }
    prev = cur;
  }
  return at(prev, n);
}

/**
 * The candidate nearest to `name` (case-insensitive edit distance), if it is near enough to be a
 * plausible typo: at most a third of the longer name's length (at least one edit), and fewer edits
 * than the name has characters.
 */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  // A suggestion must keep some of the typed name: never more edits than the name has characters.
  const limit = Math.min(Math.max(1, Math.floor(Math.max(name.length, best.length) / 3)), name.length - 1);
  return bestDistance <= limit ? best : undefined;
}

/** The `did you mean "x"?` hint for an unknown reference, or a list of valid ids when few. */
export function suggestionHint(name: string, candidates: readonly string[]): string | undefined {
  const near = nearest(name, candidates);
  if (near !== undefined) return `did you mean "${near}"?`;
  if (candidates.length > 0 && candidates.length <= 8) {
    return `valid: ${candidates.map((c) => `"${c}"`).join(', ')}`;
  }
  return undefined;
}

/** Collects reference problems for one document; `throwIfAny` raises them together. */
export class ProblemCollector {
  readonly problems: Problem[] = [];
  constructor(readonly doc: SourceDocument) {}

  add(path: DocumentPath, code: string, message: string, hint?: string): void {
    this.problems.push(problemAt(this.doc, path, code, message, hint));
  }

  /** Checks that `name` is one of `valid`; records an `unknown-reference` problem otherwise. */
  reference(
    path: DocumentPath,
    kind: string,
    name: string,
    valid: ReadonlySet<string> | readonly string[],
  ): boolean {
    const list = [...valid];
    if (list.includes(name)) return true;
    this.add(path, 'unknown-reference', `unknown ${kind} "${name}"`, suggestionHint(name, list));
    return false;
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new InputError(this.problems);
  }
}
