/**
 * Reading forecasting input: KTAB's CSV scenario format and a YAML/JSON document. Every problem is
 * reported with its file, line, column and path (`actors[2].positions[0]`) and a fix, all at once,
 * as an InputError (exit code 2).
 *
 * KTAB's CSV (`smpread.cpp`): a first line `name, description, number of actors, number of
 * dimensions`; a header line `Actor, Description, Power, <dim 1>, <salience 1>, …`; then one line per
 * actor with its name, description, capability and, per dimension, a position and a salience, both
 * on a 0–100 scale, saliences summing to at most 100. Trailing commas are allowed; double quotes
 * around a field are removed.
 */
import { z } from 'zod';
import { at } from '../../common/checked.js';
import { type DocumentPath, formatPath } from '../../common/document.js';
import { InputError, type Problem } from '../../common/errors.js';
import { ProblemCollector, parseAndValidate } from '../../common/validate.js';
import { DEFAULT_SCALE, type ForecastActor, type ForecastIssue } from './types.js';

export type InputFormat = 'ktab-csv' | 'document';

/** The input format a file name implies: `.csv` is KTAB's CSV, anything else YAML or JSON. */
export function formatForFile(file: string): InputFormat {
  return /\.csv$/i.test(file) ? 'ktab-csv' : 'document';
}

/** Parses forecasting input in the given format (by default, the one the file name implies). */
export function parseForecastInput(text: string, file: string, format = formatForFile(file)): ForecastIssue {
  return format === 'ktab-csv' ? parseKtabCsv(text, file) : parseForecastDocument(text, file);
}

// ---------------------------------------------------------------------------------------------
// KTAB CSV

interface Field {
  readonly text: string;
  /** 1-based column of the field's first character. */
  readonly column: number;
}

interface CsvLine {
  readonly line: number;
  readonly fields: readonly Field[];
}

/** Splits one line into comma-separated fields; quoted fields may contain commas and "" escapes. */
function splitCsvLine(raw: string): Field[] {
  const fields: Field[] = [];
  let i = 0;
  for (;;) {
    const start = i;
    let text = '';
    // Leading blanks before a quote are allowed (KTAB pads its columns).
    let k = i;
    while (k < raw.length && (raw[k] === ' ' || raw[k] === '\t')) k++;
    if (raw[k] === '"') {
      k++;
      for (;;) {
        if (k >= raw.length) break;
        if (raw[k] === '"') {
          if (raw[k + 1] === '"') {
            text += '"';
            k += 2;
            continue;
          }
          k++;
          break;
        }
        text += raw[k];
        k++;
      }
      while (k < raw.length && raw[k] !== ',') k++;
      i = k;
    } else {
      while (i < raw.length && raw[i] !== ',') i++;
      text = raw.slice(start, i).trim();
    }
    fields.push({ text, column: start + 1 });
    if (i >= raw.length) break;
    i++; // past the comma
  }
  // KTAB's files end each line with a comma: drop empty trailing fields.
  while (fields.at(-1)?.text === '') fields.pop();
  return fields;
}

type Report = (line: number, column: number, path: DocumentPath, message: string, hint?: string) => void;

/**
 * Parses KTAB's CSV scenario format (`--csv` input of KTAB's `smpc`). Positions are on [0, 100]
 * and saliences are percentages; the issue's scale is [0, 100].
 */
export function parseKtabCsv(text: string, file: string): ForecastIssue {
  const problems: Problem[] = [];
  const report: Report = (line, column, path, message, hint) =>
    problems.push({ code: 'invalid', file, line, column, path: formatPath(path), message, hint });

  const lines: CsvLine[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      if (raw.trim() === '') return;
      lines.push({ line: index + 1, fields: splitCsvLine(raw) });
    });
  const [head, header, ...rows] = lines;
  if (head === undefined) {
    throw new InputError([
      {
        code: 'empty',
        file,
        line: 1,
        column: 1,
        path: '',
        message: 'empty file',
        hint: 'the first line is "name, description, number of actors, number of dimensions"',
      },
    ]);
  }
  const { name, description, numActors, numDims } = ktabHead(head, report);
  if (numActors === undefined || numDims === undefined) throw new InputError(problems);
  if (header === undefined) {
    report(
      head.line,
      1,
      [],
      'missing header line',
      'the second line names the columns: Actor, Description, Power, …',
    );
    throw new InputError(problems);
  }
  const dimensions = ktabDimensions(header, numDims, report);
  if (rows.length !== numActors) {
    report(
      head.line,
      at(head.fields, 2, 'field').column,
      ['numberOfActors'],
      `the first line announces ${numActors} actor(s) but the file has ${rows.length} actor line(s)`,
      'make the count match the actor lines',
    );
  }
  const actors: ForecastActor[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const actor = ktabActor(row, i, numDims, seen, report);
    if (actor) actors.push(actor);
  });
  if (problems.length === 0) {
    for (const d of idleDimensions(actors, dimensions)) {
      report(
        header.line,
        header.fields[3 + 2 * d]?.column ?? 1,
        ['dimensions', d],
        idleMessage(at(dimensions, d, 'dimension')),
        idleHint,
      );
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return { name, description, dimensions, actors, scale: DEFAULT_SCALE };
}

/** The first line: name, description, number of actors, number of dimensions (counts ≥ 1). */
function ktabHead(
  head: CsvLine,
  report: Report,
): { name: string; description: string; numActors?: number; numDims?: number } {
  const count = (index: number, what: string, min: number): number | undefined => {
    const f = head.fields[index];
    if (f === undefined) {
      report(
        head.line,
        1,
        [what],
        `missing ${what}`,
        'the first line is "name, description, actors, dimensions"',
      );
      return undefined;
    }
    if (!/^\d+$/.test(f.text) || Number(f.text) < min) {
      report(head.line, f.column, [what], `expected a whole number ≥ ${min}, got "${f.text}"`);
      return undefined;
    }
    return Number(f.text);
  };
  return {
    name: head.fields[0]?.text ?? '',
    description: head.fields[1]?.text ?? '',
    numActors: count(2, 'numberOfActors', 1),
    numDims: count(3, 'numberOfDimensions', 1),
  };
}

/** The header line's dimension names (a position and a salience column per dimension). */
function ktabDimensions(header: CsvLine, numDims: number, report: Report): string[] {
  const wantFields = 3 + 2 * numDims;
  if (header.fields.length < wantFields) {
    report(
      header.line,
      1,
      ['dimensions'],
      `header has ${header.fields.length} columns, expected ${wantFields} for ${numDims} dimension(s)`,
      'after Actor, Description and Power, each dimension has a position column and a salience column',
    );
  }
  return Array.from({ length: numDims }, (_, d) => header.fields[3 + 2 * d]?.text || `Dimension ${d + 1}`);
}

/** One actor line: name, description, capability, then a position and a salience per dimension. */
function ktabActor(
  row: CsvLine,
  i: number,
  numDims: number,
  seen: Map<string, number>,
  report: Report,
): ForecastActor | undefined {
  const path = (...rest: (string | number)[]): DocumentPath => ['actors', i, ...rest];
  const wantFields = 3 + 2 * numDims;
  if (row.fields.length < wantFields) {
    report(
      row.line,
      row.fields[row.fields.length - 1]?.column ?? 1,
      path(),
      `actor line has ${row.fields.length} columns, expected ${wantFields}`,
      'each actor line is: name, description, capability, then a position and a salience per dimension',
    );
    return undefined;
  }
  // The line has every field up to wantFields (at least five).
  const field = (index: number) => at(row.fields, index, 'field');
  const nameField = field(0);
  const actorName = nameField.text;
  if (actorName === '') report(row.line, nameField.column, path('name'), 'actor name is empty');
  const earlier = seen.get(actorName);
  if (earlier !== undefined && actorName !== '') {
    report(
      row.line,
      nameField.column,
      path('name'),
      `duplicate actor name "${actorName}"`,
      `also on line ${earlier}`,
    );
  }
  seen.set(actorName, row.line);
  const number = (index: number, p: DocumentPath, min: number, max: number, what: string) => {
    const f = field(index);
    const v = Number(f.text);
    if (f.text === '' || !Number.isFinite(v)) {
      report(row.line, f.column, p, `${what} must be a number, got "${f.text}"`);
      return Number.NaN;
    }
    if (v < min || v > max) {
      report(row.line, f.column, p, `${what} ${v} is out of range`, `use a value between ${min} and ${max}`);
    }
    return v;
  };
  const capability = number(2, path('capability'), 0, 1e8, 'capability');
  const positions: number[] = [];
  const saliences: number[] = [];
  for (let d = 0; d < numDims; d++) {
    positions.push(number(3 + 2 * d, path('positions', d), 0, 100, 'position'));
    saliences.push(number(4 + 2 * d, path('saliences', d), 0, 100, 'salience'));
  }
  const total = saliences.reduce((a, b) => a + b, 0);
  if (total > 100 + 1e-9) {
    report(
      row.line,
      field(4).column,
      path('saliences'),
      `saliences add up to ${round(total)}, more than 100`,
      'saliences are percentages of the actor’s attention across all dimensions',
    );
  }
  return { name: actorName, description: field(1).text || undefined, capability, positions, saliences };
}

/** Dimensions on which no actor has both capability and salience: nothing to forecast there. */
function idleDimensions(actors: readonly ForecastActor[], dimensions: readonly string[]): number[] {
  return dimensions
    .map((_, d) => d)
    .filter((d) => !actors.some((a) => a.capability > 0 && (a.saliences[d] ?? 0) > 0));
}

const idleMessage = (dimension: string) =>
  `no actor has both capability and salience above zero on dimension "${dimension}"`;
const idleHint = 'nothing to forecast there: give some actor a capability and a salience';

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

// ---------------------------------------------------------------------------------------------
// YAML / JSON

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

const actorSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    capability: finite.refine((v) => v >= 0, 'capability must not be negative'),
    positions: z.array(finite).min(1),
    saliences: z.array(finite.refine((v) => v >= 0 && v <= 100, 'salience must be between 0 and 100')).min(1),
  })
  .strict();

export const forecastDocumentSchema = z
  .object({
    name: z.string().optional(),
    description: z.string().optional(),
    scale: z.tuple([finite, finite]).optional(),
    dimensions: z.array(z.string().min(1)).min(1).optional(),
    actors: z.array(actorSchema).min(1),
  })
  .strict();

/**
 * Parses `{name?, description?, scale?: [low, high], dimensions?: [...], actors: [{name, capability,
 * positions: [...], saliences: [...]}]}` from YAML or JSON. `scale` defaults to [0, 100];
 * `dimensions` defaults to one unnamed dimension per position of the first actor.
 */
export function parseForecastDocument(text: string, file: string): ForecastIssue {
  const { value, doc } = parseAndValidate(forecastDocumentSchema, text, file);
  const problems = new ProblemCollector(doc);
  const scale: [number, number] = value.scale ? [value.scale[0], value.scale[1]] : [...DEFAULT_SCALE];
  if (!(scale[0] < scale[1])) {
    problems.add(
      ['scale'],
      'invalid',
      'the low end of the scale must be below the high end',
      'e.g. [0, 100]',
    );
  }
  const numDims = value.dimensions?.length ?? at(value.actors, 0, 'actor').positions.length;
  const dimensions = value.dimensions ?? Array.from({ length: numDims }, (_, d) => `Dimension ${d + 1}`);
  const seen = new Set<string>();
  value.actors.forEach((a, i) => {
    if (seen.has(a.name))
      problems.add(['actors', i, 'name'], 'duplicate', `duplicate actor name "${a.name}"`);
    seen.add(a.name);
    checkDocumentActor(a, ['actors', i], numDims, scale, problems);
  });
  if (problems.problems.length === 0) {
    for (const d of idleDimensions(value.actors, dimensions)) {
      problems.add(
        value.dimensions ? ['dimensions', d] : ['actors'],
        'invalid',
        idleMessage(at(dimensions, d, 'dimension')),
        idleHint,
      );
    }
  }
  problems.throwIfAny();
  return {
    name: value.name,
    description: value.description,
    dimensions,
    scale,
    actors: value.actors.map((a) => ({
      name: a.name,
      description: a.description,
      capability: a.capability,
      positions: a.positions,
      saliences: a.saliences,
    })),
  };
}

/** An actor of a document: a position and a salience per dimension, positions on the scale. */
function checkDocumentActor(
  a: z.output<typeof actorSchema>,
  path: DocumentPath,
  numDims: number,
  scale: readonly [number, number],
  problems: ProblemCollector,
): void {
  if (a.positions.length !== numDims) {
    problems.add(
      [...path, 'positions'],
      'wrong-length',
      `${a.positions.length} position(s) for ${numDims} dimension(s)`,
      'give one position per dimension',
    );
  }
  if (a.saliences.length !== numDims) {
    problems.add(
      [...path, 'saliences'],
      'wrong-length',
      `${a.saliences.length} salience(s) for ${numDims} dimension(s)`,
      'give one salience per dimension',
    );
  }
  a.positions.forEach((x, d) => {
    if (scale[0] < scale[1] && (x < scale[0] || x > scale[1])) {
      problems.add(
        [...path, 'positions', d],
        'out-of-range',
        `position ${x} is outside the scale [${scale[0]}, ${scale[1]}]`,
        'set "scale" or move the position',
      );
    }
  });
  const total = a.saliences.reduce((s, x) => s + x, 0);
  if (total > 100 + 1e-9) {
    problems.add(
      [...path, 'saliences'],
      'out-of-range',
      `saliences add up to ${round(total)}, more than 100`,
      'saliences are percentages of the actor’s attention across all dimensions',
    );
  }
}
