/**
 * Characteristic functions v(C) of n agents, as one value per line: line k (0-based) is v(C) for
 * the coalition whose bitmask is k (agent a belongs to C when bit a of k is set), line 0 is v(∅) = 0.
 * This is the file `csg_uniform_gen.mjs N SEED OUT` writes, and the input of coalition structure
 * generation and of the Shapley value of TU games.
 *
 * The parser reads 2^22 lines in well under a second: it walks the character codes once, with a
 * fast path for integers, and reports every malformed line (up to 20) with its line and column.
 */
import { InputError, type Problem } from '../../common/errors.js';

export interface CoalitionValues {
  /** Number of agents. */
  readonly agents: number;
  /** v[mask], length 2^agents, v[0] = 0. */
  readonly values: Float64Array;
}

const MAX_PROBLEMS = 20;
/** 2^26 doubles are 512 MB; more would not fit in memory beside the solvers' tables. */
export const MAX_AGENTS = 26;

type Report = (line: number, column: number, message: string, hint?: string) => void;

export function parseCoalitionValues(text: string, file: string): CoalitionValues {
  const problems: Problem[] = [];
  const report: Report = (line, column, message, hint) => {
    if (problems.length < MAX_PROBLEMS)
      problems.push({ code: 'coalition-values', file, line, column, path: '', message, hint });
  };
  const { values, count, lines } = readValues(text, report);
  if (problems.length === 0) {
    const agents = checkSize(values, count, lines, report);
    if (problems.length === 0)
      return { agents, values: values.length === count ? values : values.slice(0, count) };
  }
  throw new InputError(problems);
}

/** The value of every line (NaN for a malformed one, reported), and how many lines were read. */
function readValues(text: string, report: Report): { values: Float64Array; count: number; lines: number } {
  // Count lines first to size the array once.
  let lines = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  if (text.length > 0 && text.charCodeAt(text.length - 1) !== 10) lines++;
  let values = new Float64Array(lines);
  let count = 0;
  let line = 0;
  let pos = 0;
  const end = text.length;
  while (pos < end) {
    line++;
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = end;
    let a = pos;
    let b = lineEnd;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (a === b) {
      // A blank line is only allowed at the very end (trailing newlines).
      if (text.slice(lineEnd).trim() !== '')
        report(line, 1, 'blank line', 'one value per line, line k = v(coalition with bitmask k)');
      pos = lineEnd + 1;
      continue;
    }
    const value = numberIn(text, a, b);
    if (!Number.isFinite(value))
      report(line, a - pos + 1, `"${text.slice(a, Math.min(b, a + 40))}" is not a number`);
    if (count >= values.length) {
      const grown = new Float64Array(values.length * 2 + 1);
      grown.set(values);
      values = grown;
    }
    values[count++] = value;
    pos = lineEnd + 1;
  }
  return { values, count, lines: line };
}

/** The number text[a, b) spells, or NaN. Fast path: an optional minus sign and digits. */
function numberIn(text: string, a: number, b: number): number {
  let i = a;
  let negative = false;
  if (text.charCodeAt(i) === 45) {
    negative = true;
    i++;
  }
  let acc = 0;
  let digits = 0;
  while (i < b) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    acc = acc * 10 + c;
    digits++;
    i++;
  }
  if (i === b && digits > 0 && digits <= 15) return negative ? -acc : acc;
  const raw = text.slice(a, b);
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
}

/** The number of agents: the count must be 2^n, n within bounds, and v(∅) = 0. */
function checkSize(values: Float64Array, count: number, lastLine: number, report: Report): number {
  const agents = count > 0 ? Math.round(Math.log2(count)) : -1;
  if (count < 2 || 2 ** agents !== count) {
    const below = count < 2 ? 2 : 2 ** Math.floor(Math.log2(count));
    report(
      Math.max(1, lastLine),
      1,
      `the file has ${count} values; it needs 2^n (one per coalition of n agents)`,
      `the nearest sizes are ${below} (n = ${Math.log2(below)}) and ${below * 2} (n = ${Math.log2(below) + 1})`,
    );
  } else if (agents > MAX_AGENTS) {
    report(1, 1, `${agents} agents is more than the ${MAX_AGENTS} supported`);
  } else if (values[0] !== 0) {
    report(1, 1, `line 1 is v(∅) and must be 0, got ${values[0]}`);
  }
  return agents;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}
