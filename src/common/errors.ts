/**
 * One error family for the whole project. Every error a user can cause carries a stable `code` and
 * the process exit code it maps to; input errors carry every problem found, as data (as zod's issues
 * are data and a separate renderer turns them into text).
 */

/** A single located problem in some input: what is wrong, where, and how to fix it. */
export interface Problem {
  /** Stable machine-readable kind, e.g. `unknown-reference`, `invalid-type`, `syntax`. */
  readonly code: string;
  /** File the problem is in, as the user named it. */
  readonly file?: string;
  /** 1-based line and column of the offending value, when known. */
  readonly line?: number;
  readonly column?: number;
  /** Dotted path inside the document, e.g. `factions.raiders.leader`; empty for the whole document. */
  readonly path: string;
  readonly message: string;
  /** How to fix it, e.g. `did you mean "Warlord"?`. */
  readonly hint?: string;
}

export type ExitCode = 0 | 1 | 2;

export class AlliancesError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  constructor(code: string, message: string, exitCode: ExitCode = 1) {
    super(message);
    this.name = 'AlliancesError';
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** Bad input from the user: exit code 2, with every problem found. */
export class InputError extends AlliancesError {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[], summary?: string) {
    // A message quotes input; it never quotes more than a short excerpt of it.
    const short = problems.map((p) => ({
      ...p,
      path: excerpt(p.path, 120),
      message: excerpt(p.message),
      ...(p.hint !== undefined ? { hint: excerpt(p.hint) } : {}),
    }));
    super('input', summary ?? renderProblems(short), 2);
    this.name = 'InputError';
    this.problems = short;
  }
}

/** `text` cut to `max` characters, with an ellipsis in the middle when cut. */
export function excerpt(text: string, max = 240): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - 1) / 2);
  return `${text.slice(0, half)}…${text.slice(text.length - half)}`;
}

/** A named thing (run, scenario, file) that does not exist: exit code 2. */
export class NotFoundError extends AlliancesError {
  constructor(message: string) {
    super('not-found', message, 2);
    this.name = 'NotFoundError';
  }
}

/** Raised for states the code believes impossible; a failure of ours, not of the input. */
export class InvariantError extends AlliancesError {
  constructor(message: string) {
    super('invariant', message, 1);
    this.name = 'InvariantError';
  }
}

export function invariant(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new InvariantError(typeof message === 'string' ? message : message());
}

/**
 * A value an invariant guarantees is there (an entry looked up by an id the caller has checked, an
 * index within bounds): returned as is, or an `InvariantError` naming `what` is missing.
 */
export function must<T>(value: T | undefined | null, what: string | (() => string)): T {
  if (value === undefined || value === null)
    throw new InvariantError(`missing ${typeof what === 'string' ? what : what()}`);
  return value;
}

/** The `code` of a system error (`ENOENT`, `EISDIR`, `EAGAIN`…), if it has one. */
export function errorCode(err: unknown): unknown {
  return err instanceof Error && 'code' in err ? err.code : undefined;
}

/** The message of an error, or the thrown value as text. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** `file:line:col path: message (hint)` — the one textual form of a problem. */
export function renderProblem(p: Problem): string {
  let where = p.file ?? '';
  if (p.line !== undefined) where += `${where ? ':' : ''}${p.line}:${p.column ?? 1}`;
  const head = [where, p.path].filter((s) => s.length > 0).join(' ');
  const hint = p.hint ? ` (${p.hint})` : '';
  return `${head ? `${head}: ` : ''}${p.message}${hint}`;
}

export function renderProblems(problems: readonly Problem[]): string {
  return problems.map(renderProblem).join('\n');
}

/** Convenience for a single problem without a document location. */
export function inputError(message: string, extra: Partial<Problem> = {}): InputError {
  return new InputError([{ code: 'invalid', path: '', message, ...extra }]);
}
