/**
 * Time budgets for anytime solvers. The solvers in the core never read a clock themselves (that
 * would make them non-deterministic); the caller injects a Budget. The CLI passes a wall-clock
 * budget; tests pass a work-counting one so that results do not depend on machine speed.
 */

export interface Budget {
  /** True once the solver should stop and report its best so far. */
  exhausted(): boolean;
  /** Seconds elapsed since the budget started (wall clock, or work units for counting budgets). */
  elapsed(): number;
}

/** Never exhausted; elapsed is always 0. For exact runs without a limit. */
export const unlimitedBudget: Budget = { exhausted: () => false, elapsed: () => 0 };

/** A wall-clock budget of `seconds` (Infinity for none), measured with the monotonic clock. */
export function wallClockBudget(seconds: number, now: () => number = () => performance.now()): Budget {
  const start = now();
  return {
    exhausted: () => (now() - start) / 1000 >= seconds,
    elapsed: () => (now() - start) / 1000,
  };
}

/** A deterministic budget: exhausted after `checks` calls to `exhausted()`. */
export function workBudget(checks: number): Budget {
  let used = 0;
  return {
    exhausted: () => ++used > checks,
    elapsed: () => used,
  };
}
