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
  const capabilityRow = splitTsv(lines[1] ?? '');
  // Own properties whatever the actors are called (a column may name `__proto__`).
  const gdpCapability: Record<string, number> = Object.create(null) as Record<string, number>;
  const columnOf = (index: number, fields: readonly string[], raw: string) => {
    let c = 1;
    for (let k = 0; k < index; k++) c += fields[k]!.length + 1;
    return raw.length > 0 ? c : 1;
  };
  for (const code of actorCodes) {
    const index = col(`p${code}`);
    const v = Number(capabilityRow[index]);
    if (capabilityRow[index] === undefined || capabilityRow[index] === '' || !Number.isFinite(v) || v < 0) {
      problems.push({
        code: 'invalid',
        file,
        line: 2,
        column: columnOf(index, (lines[1] ?? '').split('\t'), lines[1] ?? ''),
        path: `p${code}`,
        message: `capability of "${code}" must be a non-negative number, got "${capabilityRow[index] ?? ''}"`,
      });
    } else {
      gdpCapability[code] = v;
    }
  }
  const issues: DeuIssue[] = [];
  let withoutOutcome = 0;
  for (let ln = 2; ln < lines.length; ln++) {
    const raw = lines[ln]!;
    if (raw.trim() === '') continue;
    const rawFields = raw.split('\t');
    const f = splitTsv(raw);
    const num = (name: string): number | undefined | null => {
      const t = f[col(name)] ?? '';
      if (t === '' || t === 'NA' || t === '.') return undefined;
      const v = Number(t);
      if (!Number.isFinite(v)) {
        problems.push({
          code: 'invalid',
          file,
          line: ln + 1,
          column: columnOf(col(name), rawFields, raw),
          path: name,
          message: `expected a number, got "${t}"`,
        });
        return null;
      }
      return v;
    };
    const outcome = num('out');
    if (outcome === undefined) {
      withoutOutcome++;
      continue;
    }
    if (outcome === null) continue;
    const actors: DeuActorValue[] = [];
    for (const code of actorCodes) {
      const position = num(`p${code}`);
      const salience = num(`s${code}`);
      if (typeof position === 'number' && typeof salience === 'number') {
        actors.push({ actor: code, position, salience });
      }
    }
    const rp = col('rp') >= 0 ? num('rp') : undefined;
    issues.push({
      id: f[col('isnr')] ?? `line ${ln + 1}`,
      proposal: f[col('prnr')] ?? '',
      procedure: col('proc') >= 0 ? (f[col('proc')] ?? '') : '',
      councilVote: col('counvte') >= 0 ? (f[col('counvte')] ?? '') : '',
      referencePoint: typeof rp === 'number' ? rp : undefined,
      outcome,
      actors,
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  return { actorCodes, gdpCapability, issues, withoutOutcome };
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
