/**
 * Time limits and progress for the commands that run long: `--seconds S` (or `none`) becomes a
 * wall-clock Budget that draws a progress line on a terminal after the first second, and whose
 * messages say how to raise it. Ctrl-C stops any command at once (the default signal handling): a
 * stored run keeps its whole ticks and stays `incomplete`.
 */
import { availableParallelism } from 'node:os';
import { type Budget, wallClockBudget } from '../common/budget.js';
import { InputError } from '../common/errors.js';
import { PROGRESS_DELAY_MS, type ProgressOutput, showsProgress } from './io.js';

/** The time limit of a computation that could otherwise run as long as it takes. */
export const DEFAULT_SECONDS = 60;

/** `--seconds` help text, with the default. */
export const secondsHelp = (what: string, fallback: number | 'none' = DEFAULT_SECONDS) =>
  `time limit of ${what} in seconds, or "none" (default ${fallback === 'none' ? 'none' : `${fallback} s`})`;

/** `--seconds S`: a non-negative number of seconds, or `none` for no limit. */
export function parseSeconds(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (/^(none|inf|infinity)$/i.test(raw.trim())) return Number.POSITIVE_INFINITY;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new InputError([
      {
        code: 'invalid-option',
        path: '--seconds',
        message: `expected a number of seconds ≥ 0 or "none", got "${raw}"`,
      },
    ]);
  }
  return n;
}

/** How to raise a limit given with `--seconds`. */
export const RAISE_SECONDS = 'raise it with --seconds N, or --seconds none for no limit';

export interface CommandBudget extends Budget {
  progress(done: number, total: number): void;
  /** Clears the progress line, if one was drawn. */
  done(): void;
  /** Whether the limit was reached (the answer is the best found, not a proven one). */
  readonly stopped: boolean;
}

/**
 * A wall-clock budget of `seconds` for the command `label`, drawing `label: 42% · 3 s of 60 s` on
 * stderr when it is a terminal, once the work has taken a second (at most ten times a second).
 */
export function commandBudget(label: string, seconds: number, output: ProgressOutput = {}): CommandBudget {
  const now = output.now ?? (() => performance.now());
  const clock = wallClockBudget(seconds, now);
  const active = showsProgress(output);
  const stream = output.stream ?? process.stderr;
  let fraction: number | undefined;
  let lastDraw = 0;
  let drawn = false;
  let stopped = false;
  const draw = () => {
    if (!active) return;
    const at = now();
    const elapsed = clock.elapsed();
    if (elapsed * 1000 < PROGRESS_DELAY_MS || at - lastDraw < 100) return;
    lastDraw = at;
    drawn = true;
    const pct = fraction === undefined ? '' : `${Math.floor(100 * fraction)}% · `;
    const limit = Number.isFinite(seconds) ? ` of ${seconds} s` : '';
    stream.write(`\r\x1b[K${label}: ${pct}${Math.floor(elapsed)} s${limit} (Ctrl-C stops)`);
  };
  return {
    exhausted() {
      draw();
      if (clock.exhausted()) stopped = true;
      return stopped;
    },
    elapsed: () => clock.elapsed(),
    progress(done, total) {
      fraction = total > 0 ? Math.min(1, done / total) : undefined;
      draw();
    },
    limit: seconds,
    raise: RAISE_SECONDS,
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
    get stopped() {
      return stopped;
    },
  };
}

/**
 * `--threads N`, capped at the number of cores this process may use (more threads than cores only
 * add memory and switching); a note on stderr says so when asked for more.
 */
export function parseThreads(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InputError([
      { code: 'invalid-option', path: '--threads', message: `expected an integer ≥ 1, got "${raw}"` },
    ]);
  }
  const cores = Math.max(1, availableParallelism());
  if (n > cores) {
    process.stderr.write(`note: --threads ${n} is more than the ${cores} cores here; using ${cores}\n`);
    return cores;
  }
  return n;
}
