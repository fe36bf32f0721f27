/**
 * The DEU III data set (Decision-making in the European Union III; Thomson, Arregui, Leuffen,
 * Costello, Cross, Hertz, Jensen 2012): for each controversial issue of EU legislative proposals
 * 1999–2009, the positions and saliences (0–100) of the Commission, the Parliament and the member
 * states, the reference point and the outcome. The file is tab-separated with a header row; its
 * second row gives a capability per actor (the GDP share column used as capability here; the
 * Commission and the Parliament are given the largest value, 4.1). Actors without a position or
 * without a salience on an issue take no part in it.
 */
import { InputError, type Problem } from '../../common/errors.js';
import type { ForecastIssue } from './types.js';

export interface DeuActorValue {
  readonly actor: string;
  readonly position: number;
  readonly salience: number;
}

export interface DeuIssue {
  /** Issue identifier, e.g. `d00032i1`. */
  readonly id: string;
  /** Proposal identifier, e.g. `d00032`: issues of one proposal are decided together. */
  readonly proposal: string;
  readonly procedure: string;
  readonly councilVote: string;
  readonly referencePoint?: number;
  readonly outcome: number;
  /** Actors with both a position and a salience, in file order. */
  readonly actors: readonly DeuActorValue[];
}

export interface DeuDataSet {
  /** Actor codes in file order (`com`, `ep`, `at`, …). */
  readonly actorCodes: readonly string[];
  /** Capability per actor code from the file's second row. */
  readonly gdpCapability: Readonly<Record<string, number>>;
  /** Issues with an outcome. */
  readonly issues: readonly DeuIssue[];
  /** Issues in the file without an outcome (left out of every benchmark). */
  readonly withoutOutcome: number;
}

export type CapabilitySource = 'equal' | 'gdp';

function splitTsv(line: string): string[] {
  return line.split('\t').map((f) => {
    const t = f.trim();
    return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : t;
  });
}

/** 1-based column of field `index` of a raw tab-separated line (1 for an empty line). */
function columnOf(index: number, raw: string): number {
  if (raw.length === 0) return 1;
  const before = raw.split('\t').slice(0, Math.max(0, index));
  return before.reduce((c, f) => c + f.length + 1, 1);
}

/** Parses the DEU III file (tab-separated). Problems are located by line and column. */
export function parseDeu3(text: string, file: string): DeuDataSet {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const problems: Problem[] = [];
  const header = splitTsv(lines[0] ?? '');
  const col = (name: string) => header.indexOf(name);
  for (const required of ['prnr', 'isnr', 'out']) {
    if (col(required) < 0) {
      problems.push({
        code: 'missing-column',
        file,
        line: 1,
        column: 1,
        path: required,
        message: `missing column "${required}"`,
        hint: 'is this the DEU III data file?',
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  // Actors are the codes X with both a position column pX and a salience column sX.
  const actorCodes = header
    .filter((h) => h.startsWith('p') && h.length > 1 && header.includes(`s${h.slice(1)}`))
    .map((h) => h.slice(1));
  const gdpCapability = capabilities(actorCodes, col, lines[1] ?? '', file, problems);
  const issues: DeuIssue[] = [];
  let withoutOutcome = 0;
  lines.forEach((raw, ln) => {
    if (ln < 2 || raw.trim() === '') return;
    const issue = deuIssue(raw, ln + 1, col, actorCodes, file, problems);
    if (issue === 'no-outcome') withoutOutcome++;
    else if (issue !== undefined) issues.push(issue);
  });
  if (problems.length > 0) throw new InputError(problems);
  return { actorCodes, gdpCapability, issues, withoutOutcome };
}

/** The second line: every actor's capability (GDP), a non-negative number. */
function capabilities(
  actorCodes: readonly string[],
  col: (name: string) => number,
  raw: string,
  file: string,
  problems: Problem[],
): Record<string, number> {
  const row = splitTsv(raw);
  // Own properties whatever the actors are called (a column may name `__proto__`).
  const gdpCapability: Record<string, number> = Object.create(null);
  for (const code of actorCodes) {
    const index = col(`p${code}`);
    const text = row[index];
    const v = Number(text);
    if (text === undefined || text === '' || !Number.isFinite(v) || v < 0) {
      problems.push({
        code: 'invalid',
        file,
        line: 2,
        column: columnOf(index, raw),
        path: `p${code}`,
        message: `capability of "${code}" must be a non-negative number, got "${text ?? ''}"`,
      });
    } else {
      gdpCapability[code] = v;
    }
  }
  return gdpCapability;
}

/**
 * An issue line (line number `line`): the issue, 'no-outcome' for an issue without an outcome, or
 * undefined when a problem was found.
 */
function deuIssue(
  raw: string,
  line: number,
  col: (name: string) => number,
  actorCodes: readonly string[],
  file: string,
  problems: Problem[],
): DeuIssue | 'no-outcome' | undefined {
  const f = splitTsv(raw);
  const num = (name: string): number | undefined | null => {
    const t = f[col(name)] ?? '';
    if (t === '' || t === 'NA' || t === '.') return undefined;
    const v = Number(t);
    if (!Number.isFinite(v)) {
      problems.push({
        code: 'invalid',
        file,
        line,
        column: columnOf(col(name), raw),
        path: name,
        message: `expected a number, got "${t}"`,
      });
      return null;
    }
    return v;
  };
  const outcome = num('out');
  if (outcome === undefined) return 'no-outcome';
  if (outcome === null) return undefined;
  const actors: DeuActorValue[] = [];
  for (const code of actorCodes) {
    const position = num(`p${code}`);
    const salience = num(`s${code}`);
    if (typeof position === 'number' && typeof salience === 'number') {
      actors.push({ actor: code, position, salience });
    }
  }
  const rp = col('rp') >= 0 ? num('rp') : undefined;
  return {
    id: f[col('isnr')] ?? `line ${line}`,
    proposal: f[col('prnr')] ?? '',
    procedure: col('proc') >= 0 ? (f[col('proc')] ?? '') : '',
    councilVote: col('counvte') >= 0 ? (f[col('counvte')] ?? '') : '',
    referencePoint: typeof rp === 'number' ? rp : undefined,
    outcome,
    actors,
  };
}

/**
 * A DEU issue as forecasting input: one dimension on [0, 100]. Capability is 1 for every actor
 * (`equal`) or the file's GDP column (`gdp`), raised to `exponent` (gdp^0.5 gives square-root
 * weights, as Penrose's rule for voting weights; exponent 0 is equal capability).
 */
export function deuForecastIssue(
  data: DeuDataSet,
  issue: DeuIssue,
  capability: CapabilitySource,
  exponent = 1,
): ForecastIssue {
  return {
    name: issue.id,
    dimensions: ['position'],
    scale: [0, 100],
    actors: issue.actors.map((a) => ({
      name: a.actor,
      capability: capability === 'equal' ? 1 : (data.gdpCapability[a.actor] ?? 0) ** exponent,
      positions: [a.position],
      saliences: [a.salience],
    })),
  };
}
