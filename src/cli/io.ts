/**
 * Input and output helpers shared by the commands: reading input files with clear errors, printing
 * JSON, and progress lines that appear only on a terminal.
 */
import { readFileSync } from 'node:fs';
import { InputError, NotFoundError } from '../common/errors.js';

/** Reads a UTF-8 text file; a missing or unreadable file is bad input (exit 2). */
export function readInputFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = errorCode(err);
    if (code === 'ENOENT') throw new NotFoundError(`${path}: no such file`);
    if (code === 'EISDIR')
      throw new InputError([{ code: 'io', file: path, path: '', message: 'is a directory, not a file' }]);
    throw new InputError([
      { code: 'io', file: path, path: '', message: `cannot read: ${errorMessage(err)}` },
    ]);
  }
}

/** The `code` of a system error (`ENOENT`, `EISDIR`, `EAGAIN`…), if it has one. */
export function errorCode(err: unknown): unknown {
  return err instanceof Error && 'code' in err ? err.code : undefined;
}

/** The message of an error, or the thrown value as text. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
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

/** A progress line on stderr when it is a terminal; silent when piped or under CI. */
export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const active = stream.isTTY === true && !process.env.CI;
  let lastDraw = 0;
  return {
    update(done, total, note) {
      if (!active) return;
      const now = performance.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      const pct = total > 0 ? Math.floor((100 * done) / total) : 0;
      stream.write(`\r\x1b[K${label}: ${done}/${total} (${pct}%)${note ? ` ${note}` : ''}`);
    },
    done() {
      if (active) stream.write('\r\x1b[K');
    },
  };
}
