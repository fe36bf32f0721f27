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

export function parseGset(text: string, file: string): WeightedGraph {
  const problems: Problem[] = [];
  const report = (line: number, column: number, message: string, hint?: string): void => {
    if (problems.length < MAX_PROBLEMS)
      problems.push({ code: 'gset', file, line, column, path: '', message, hint });
  };
  const lines = text.split('\n');
  let lineIndex = 0;
  // Skip leading blank lines.
  while (lineIndex < lines.length && lines[lineIndex].trim() === '') lineIndex++;
  if (lineIndex === lines.length) {
    throw new InputError([
      {
        code: 'gset',
        file,
        line: 1,
        column: 1,
        path: '',
        message: 'empty graph file',
        hint: 'the first line is "n m"',
      },
    ]);
  }
  const header = fields(lines[lineIndex]);
  const headerLine = lineIndex + 1;
  if (header.length !== 2 || !isNonNegativeInteger(header[0].text) || !isNonNegativeInteger(header[1].text)) {
    throw new InputError([
      {
        code: 'gset',
        file,
        line: headerLine,
        column: (header[0]?.column ?? 0) + 1,
        path: '',
        message: `expected "n m" (vertex and edge counts), got "${lines[lineIndex].trim()}"`,
      },
    ]);
  }
  const n = Number(header[0].text);
  const m = Number(header[1].text);
  if (n > MAX_NODES) {
    throw new InputError([
      {
        code: 'gset',
        file,
        line: headerLine,
        column: header[0].column + 1,
        path: '',
        message: `${n} vertices is more than the ${MAX_NODES} supported`,
      },
    ]);
  }
  const edges: WeightedEdge[] = [];
  for (lineIndex++; lineIndex < lines.length; lineIndex++) {
    const raw = lines[lineIndex];
    const parts = fields(raw);
    if (parts.length === 0) continue;
    const line = lineIndex + 1;
    if (parts.length !== 3) {
      report(line, parts[0].column + 1, `expected "u v w", got "${raw.trim()}"`);
      continue;
    }
    const [a, b, c] = parts;
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
      report(
        line,
        a.column + 1,
        `self-loop at vertex ${a.text}`,
        'a cut never separates a vertex from itself',
      );
      ok = false;
    }
    if (ok) edges.push({ u: Number(a.text) - 1, v: Number(b.text) - 1, weight });
  }
  if (problems.length === 0 && edges.length !== m) {
    report(headerLine, header[1].column + 1, `header says ${m} edges but the file lists ${edges.length}`);
  }
  if (problems.length > 0) throw new InputError(problems);
  return createGraph(n, edges);
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
