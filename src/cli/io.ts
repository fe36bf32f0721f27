/**
 * Input and output helpers shared by the commands: reading input files with clear errors, printing
 * JSON, and progress lines that appear only on a terminal.
 */
import { InputError } from '../common/errors.js';
import { DEFAULT_MAX_INPUT_BYTES, readTextFile } from '../runner/input-file.js';

let maxInputBytes = DEFAULT_MAX_INPUT_BYTES;

/** The input limit of this process's commands (`alliances --max-input MB`). */
export function setMaxInputBytes(bytes: number): void {
  maxInputBytes = bytes;
}

export function getMaxInputBytes(): number {
  return maxInputBytes;
}

/**
 * Reads a UTF-8 text file; a missing or unreadable file, or one over the input limit, is bad input
 * (exit 2), refused before it is parsed.
 */
export function readInputFile(path: string): string {
  return readTextFile(path, maxInputBytes);
}

/** Prints one JSON document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Parses a non-negative integer option, or throws a bad-input error naming the option. */
export function parseIntegerOption(name: string, raw: string, min = 0): number {
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new InputError([
      { code: 'invalid-option', path: name, message: `expected an integer ≥ ${min}, got "${raw}"` },
    ]);
  }
  return n;
}

/** Parses a finite number option, or throws a bad-input error naming the option. */
export function parseNumberOption(name: string, raw: string, min = Number.NEGATIVE_INFINITY): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < min) {
    throw new InputError([
      { code: 'invalid-option', path: name, message: `expected a number ≥ ${min}, got "${raw}"` },
    ]);
  }
  return n;
}

export interface Progress {
  /** Reports `done` of `total` units; draws at most ten times a second. */
  update(done: number, total: number, note?: string): void;
  /** Clears the progress line. */
  done(): void;
}

/** Work shorter than this shows no progress at all. */
export const PROGRESS_DELAY_MS = 1000;

/** Where progress is drawn, and the clock it is timed by (a test gives its own). */
export interface ProgressOutput {
  readonly stream?: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;
  readonly now?: () => number;
  readonly env?: NodeJS.ProcessEnv;
}

/** Whether progress is drawn on `stream`: a terminal, outside CI. */
export const showsProgress = (output: ProgressOutput = {}): boolean =>
  (output.stream ?? process.stderr).isTTY === true && !(output.env ?? process.env).CI;

/** A progress line on stderr when it is a terminal, after the first second; silent when piped or under CI. */
export function createProgress(label: string, output: ProgressOutput = {}): Progress {
  const active = showsProgress(output);
  const stream = output.stream ?? process.stderr;
  const clock = output.now ?? (() => performance.now());
  const start = clock();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total, note) {
      if (!active) return;
      const now = clock();
      if (now - start < PROGRESS_DELAY_MS || (now - lastDraw < 100 && done < total)) return;
      lastDraw = now;
      drawn = true;
      const pct = total > 0 ? Math.floor((100 * done) / total) : 0;
      stream.write(`\r\x1b[K${label}: ${done}/${total} (${pct}%)${note ? ` ${note}` : ''}`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
