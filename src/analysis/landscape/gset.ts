/**
 * The G-set graph format (Helmberg & Rendl 1997, made with rudy): a first line `n m`, then m lines
 * `u v w` with 1-based vertices and integer weights. Parsing is pure; every malformed line is
 * reported at its line and column.
 */
import { InputError, type Problem } from '../../common/errors.js';
import { createGraph, type WeightedEdge, type WeightedGraph } from './graph.js';

const MAX_PROBLEMS = 20;
/** Larger graphs would not fit the solvers' arrays in memory. */
export const MAX_NODES = 50_000_000;

type Report = (line: number, column: number, message: string, hint?: string) => void;

export function parseGset(text: string, file: string): WeightedGraph {
  const problems: Problem[] = [];
  const report: Report = (line, column, message, hint) => {
    if (problems.length < MAX_PROBLEMS)
      problems.push({ code: 'gset', file, line, column, path: '', message, hint });
  };
  const fail = (line: number, column: number, message: string, hint?: string): never => {
    throw new InputError([
      { code: 'gset', file, line, column, path: '', message, ...(hint === undefined ? {} : { hint }) },
    ]);
  };
  const lines = text.split('\n');
  // Skip leading blank lines.
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  const headerText = lines[headerIndex];
  if (headerText === undefined) return fail(1, 1, 'empty graph file', 'the first line is "n m"');
  const headerLine = headerIndex + 1;
  const header = fields(headerText);
  const [nField, mField] = header;
  if (
    header.length !== 2 ||
    nField === undefined ||
    mField === undefined ||
    !isNonNegativeInteger(nField.text) ||
    !isNonNegativeInteger(mField.text)
  ) {
    return fail(
      headerLine,
      (nField?.column ?? 0) + 1,
      `expected "n m" (vertex and edge counts), got "${headerText.trim()}"`,
    );
  }
  const n = Number(nField.text);
  const m = Number(mField.text);
  if (n > MAX_NODES)
    return fail(headerLine, nField.column + 1, `${n} vertices is more than the ${MAX_NODES} supported`);
  const edges: WeightedEdge[] = [];
  lines.forEach((raw, lineIndex) => {
    const edge = lineIndex > headerIndex ? edgeOf(raw, lineIndex + 1, n, report) : undefined;
    if (edge) edges.push(edge);
  });
  if (problems.length === 0 && edges.length !== m) {
    report(headerLine, mField.column + 1, `header says ${m} edges but the file lists ${edges.length}`);
  }
  if (problems.length > 0) throw new InputError(problems);
  return createGraph(n, edges);
}

/** The edge of a line `u v w`; undefined for a blank line or a reported problem. */
function edgeOf(raw: string, line: number, n: number, report: Report): WeightedEdge | undefined {
  const [a, b, c, ...more] = fields(raw);
  if (a === undefined) return undefined;
  if (b === undefined || c === undefined || more.length > 0) {
    report(line, a.column + 1, `expected "u v w", got "${raw.trim()}"`);
    return undefined;
  }
  let ok = true;
  for (const end of [a, b]) {
    if (!isNonNegativeInteger(end.text) || Number(end.text) < 1 || Number(end.text) > n) {
      report(line, end.column + 1, `vertex "${end.text}" is not in 1..${n}`);
      ok = false;
    }
  }
  const weight = Number(c.text);
  if (c.text === '' || !Number.isFinite(weight)) {
    report(line, c.column + 1, `weight "${c.text}" is not a number`);
    ok = false;
  }
  if (ok && a.text === b.text) {
    report(line, a.column + 1, `self-loop at vertex ${a.text}`, 'a cut never separates a vertex from itself');
    ok = false;
  }
  return ok ? { u: Number(a.text) - 1, v: Number(b.text) - 1, weight } : undefined;
}

function isNonNegativeInteger(text: string): boolean {
  return /^\d+$/.test(text) && Number.isSafeInteger(Number(text));
}

function fields(line: string): { text: string; column: number }[] {
  const out: { text: string; column: number }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) out.push({ text: m[0], column: m.index });
  return out;
}
