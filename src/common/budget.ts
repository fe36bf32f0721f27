/**
 * Time budgets for long and anytime computations. The solvers in the core never read a clock
 * themselves (that would make them non-deterministic); the caller injects a Budget. The CLI passes
 * a wall-clock budget that also draws progress on a terminal; tests pass a work-counting one so
 * that results do not depend on machine speed.
 *
 * An anytime solver stops when its budget is exhausted and reports its best so far, marked as
 * such; an exact computation with no useful partial answer calls `spend`, which throws a
 * TimeLimitError naming the limit and how to raise it.
 */
import { AlliancesError } from './errors.js';

export interface Budget {
  /** True once the solver should stop and report its best so far. */
  exhausted(): boolean;
  /** Seconds elapsed since the budget started (wall clock, or work units for counting budgets). */
  elapsed(): number;
  /** How far the work has got (`done` of `total` units), for a progress display; solvers call it as they go. */
  progress?(done: number, total: number): void;
  /** The limit, in the units of `elapsed` (Infinity for none), for messages. */
  readonly limit?: number;
  /** How to raise the limit, for messages (e.g. `raise it with --seconds N`). */
  readonly raise?: string;
}

/** Never exhausted; elapsed is always 0. For exact runs without a limit. */
export const unlimitedBudget: Budget = {
  exhausted: () => false,
  elapsed: () => 0,
  limit: Number.POSITIVE_INFINITY,
};

/** A wall-clock budget of `seconds` (Infinity for none), measured with the monotonic clock. */
export function wallClockBudget(seconds: number, now: () => number = () => performance.now()): Budget {
  const start = now();
  return {
    exhausted: () => (now() - start) / 1000 >= seconds,
    elapsed: () => (now() - start) / 1000,
    limit: seconds,
  };
}

/** A deterministic budget: exhausted after `checks` calls to `exhausted()`. */
export function workBudget(checks: number): Budget {
  let used = 0;
  return {
    exhausted: () => ++used > checks,
    elapsed: () => used,
    limit: checks,
  };
}

/** A computation stopped by its time limit before it could give an answer (exit 1). */
export class TimeLimitError extends AlliancesError {
  constructor(
    readonly what: string,
    readonly limit: number,
    raise?: string,
  ) {
    super(
      'time-limit',
      `${what} did not finish within the time limit of ${formatLimit(limit)}; ${raise ?? 'give it more time'}`,
      1,
    );
    this.name = 'TimeLimitError';
  }
}

const formatLimit = (limit: number) =>
  Number.isFinite(limit) ? `${Number(limit.toPrecision(6))} s` : 'none';

/** Throws a TimeLimitError for `what` when the budget is exhausted; call it between units of work. */
export function spend(budget: Budget, what: string): void {
  if (budget.exhausted()) throw new TimeLimitError(what, budget.limit ?? budget.elapsed(), budget.raise);
}
