/**
 * The landscape input file (YAML or JSON):
 *
 * ```yaml
 * actors:
 *   - { name: Britain, size: 3 }
 *   - { name: France, size: 2 }
 * propensities:            # symmetric pairs; unlisted pairs are 0
 *   - [Britain, France, 1]
 * # or, instead of propensities, a full matrix in actor order:
 * # matrix: [[0, 1], [1, 0]]
 * ```
 *
 * Every problem is reported located (file:line:col path) with a fix: unknown actor names (with the
 * nearest name), wrong matrix sizes, asymmetric entries, duplicate actors or pairs.
 */
import { z } from 'zod';
import { get, missing } from '../../common/checked.js';
import { ProblemCollector, parseAndValidate } from '../../common/validate.js';
import { createLandscape, type LandscapeInstance } from './landscape.js';

const actorSchema = z.strictObject({
  name: z.string().min(1),
  size: z.number().finite().nonnegative(),
});

export const landscapeSchema = z.strictObject({
  title: z.string().optional(),
  actors: z.array(actorSchema).min(1),
  propensities: z.array(z.tuple([z.string(), z.string(), z.number().finite()])).optional(),
  matrix: z.array(z.array(z.number().finite())).optional(),
});

export type LandscapeFile = z.output<typeof landscapeSchema>;

export function parseLandscape(text: string, file: string): LandscapeInstance {
  const { value, doc } = parseAndValidate(landscapeSchema, text, file);
  const problems = new ProblemCollector(doc);
  const names = value.actors.map((a) => a.name);
  const n = names.length;
  const index = new Map<string, number>();
  value.actors.forEach((actor, i) => {
    const seen = index.get(actor.name);
    if (seen !== undefined) {
      problems.add(
        ['actors', i, 'name'],
        'duplicate',
        `actor "${actor.name}" is listed twice`,
        `first at actors[${seen}]`,
      );
    } else {
      index.set(actor.name, i);
    }
  });

  const p = new Float64Array(n * n);
  if (value.propensities !== undefined && value.matrix !== undefined) {
    problems.add(['matrix'], 'conflict', 'give either propensities or matrix, not both');
  } else if (value.propensities === undefined && value.matrix === undefined) {
    problems.add([], 'missing', 'no propensities', 'add "propensities: [[a, b, p], …]" or a full "matrix"');
  } else if (value.propensities !== undefined) {
    fromPairs(value.propensities, names, index, p, problems);
  } else if (value.matrix !== undefined) {
    fromMatrix(value.matrix, names, p, problems);
  }
  problems.throwIfAny();
  return createLandscape(
    names,
    value.actors.map((a) => a.size),
    (i, j) => p[i * n + j] ?? missing(),
  );
}

/** Propensities `[a, b, p]` into p (row-major n×n): known actors, distinct, each pair once. */
function fromPairs(
  pairs: NonNullable<LandscapeFile['propensities']>,
  names: readonly string[],
  index: ReadonlyMap<string, number>,
  p: Float64Array,
  problems: ProblemCollector,
): void {
  const n = names.length;
  const given = new Map<string, number>();
  pairs.forEach(([a, b, v], k) => {
    const okA = problems.reference(['propensities', k, 0], 'actor', a, names);
    const okB = problems.reference(['propensities', k, 1], 'actor', b, names);
    if (!okA || !okB) return;
    const i = get(index, a, 'actor');
    const j = get(index, b, 'actor');
    if (i === j) {
      problems.add(
        ['propensities', k],
        'self-pair',
        `"${a}" is paired with itself`,
        'a propensity joins two different actors',
      );
      return;
    }
    const key = i < j ? `${i},${j}` : `${j},${i}`;
    const earlier = given.get(key);
    if (earlier !== undefined) {
      problems.add(
        ['propensities', k],
        'duplicate',
        `the pair "${a}"–"${b}" is listed twice`,
        `first at propensities[${earlier}]; propensities are symmetric, list each pair once`,
      );
      return;
    }
    given.set(key, k);
    p[i * n + j] = v;
    p[j * n + i] = v;
  });
}

/** A full matrix into p: n rows of n, a zero diagonal, symmetric. */
function fromMatrix(
  m: NonNullable<LandscapeFile['matrix']>,
  names: readonly string[],
  p: Float64Array,
  problems: ProblemCollector,
): void {
  const n = names.length;
  if (m.length !== n) {
    problems.add(
      ['matrix'],
      'size',
      `the matrix has ${m.length} rows but there are ${n} actors`,
      `give ${n} rows of ${n}`,
    );
  }
  m.forEach((row, i) => {
    if (row.length !== n) {
      problems.add(
        ['matrix', i],
        'size',
        `row ${i + 1} has ${row.length} entries, expected ${n}`,
        'one entry per actor, in actor order',
      );
    }
  });
  const rows = Math.min(m.length, n);
  m.slice(0, rows).forEach((row, i) => {
    row.slice(0, n).forEach((v, j) => {
      if (i === j) {
        if (v !== 0)
          problems.add(
            ['matrix', i, j],
            'diagonal',
            `diagonal entry for "${names[i]}" is ${v}`,
            'an actor has no propensity with itself: use 0',
          );
        return;
      }
      const mirror = m[j]?.[i];
      if (j > i && j < rows && mirror !== undefined && mirror !== v) {
        problems.add(
          ['matrix', i, j],
          'asymmetric',
          `matrix is not symmetric: [${i}][${j}] = ${v} (${names[i]}–${names[j]}) but [${j}][${i}] = ${mirror}`,
          'propensities are symmetric: p_ij = p_ji',
        );
      }
      p[i * n + j] = v;
    });
  });
}
