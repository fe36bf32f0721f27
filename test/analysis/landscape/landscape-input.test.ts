import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectOnlyInputErrors, renderedProblems } from '../../input-errors.js';
import { InputError } from '../../../src/common/errors.js';
import { parseGset } from '../../../src/analysis/landscape/gset.js';
import { parseLandscape } from '../../../src/analysis/landscape/landscape-input.js';

const problems = renderedProblems;

describe('parseLandscape', () => {
  it('reads propensity pairs, symmetric, unlisted pairs 0', () => {
    const x = parseLandscape(
      'actors:\n  - {name: A, size: 1}\n  - {name: B, size: 2}\n  - {name: C, size: 3}\npropensities:\n  - [A, B, 0.5]\n',
      'x.yaml',
    );
    expect(x.names).toEqual(['A', 'B', 'C']);
    expect(Array.from(x.propensity)).toEqual([0, 0.5, 0, 0.5, 0, 0, 0, 0, 0]);
  });

  it('reads a full matrix (JSON)', () => {
    const x = parseLandscape(
      '{"actors": [{"name": "A", "size": 1}, {"name": "B", "size": 1}], "matrix": [[0, -1], [-1, 0]]}',
      'x.json',
    );
    expect(Array.from(x.propensity)).toEqual([0, -1, -1, 0]);
  });

  it('locates unknown actor names with a suggestion', () => {
    expect(
      problems(() =>
        parseLandscape(
          'actors:\n  - {name: Nistrim, size: 1}\n  - {name: Ogla, size: 2}\npropensities:\n  - [Nistrin, Ogla, 1]\n',
          'x.yaml',
        ),
      ),
    ).toEqual(['x.yaml:5:6 propensities[0][0]: unknown actor "Nistrin" (did you mean "Nistrim"?)']);
  });

  it('locates asymmetric entries and wrong sizes', () => {
    const text = 'actors:\n  - {name: A, size: 1}\n  - {name: B, size: 1}\nmatrix:\n  - [0, 1]\n  - [2, 0]\n';
    expect(problems(() => parseLandscape(text, 'm.yaml'))).toEqual([
      'm.yaml:5:9 matrix[0][1]: matrix is not symmetric: [0][1] = 1 (A–B) but [1][0] = 2 (propensities are symmetric: p_ij = p_ji)',
    ]);
    const short =
      'actors:\n  - {name: A, size: 1}\n  - {name: B, size: 1}\nmatrix:\n  - [0, 1]\n  - [1]\n  - [0, 0]\n';
    expect(problems(() => parseLandscape(short, 'm.yaml'))).toEqual([
      'm.yaml:5:3 matrix: the matrix has 3 rows but there are 2 actors (give 2 rows of 2)',
      'm.yaml:6:5 matrix[1]: row 2 has 1 entries, expected 2 (one entry per actor, in actor order)',
    ]);
  });

  it('reports duplicates, self pairs, negative sizes and both forms at once', () => {
    const text = [
      'actors:',
      '  - {name: A, size: -1}',
      '  - {name: A, size: 1}',
      'propensities:',
      '  - [A, A, 1]',
      'matrix: [[0]]',
    ].join('\n');
    const out = problems(() => parseLandscape(text, 'd.yaml'));
    expect(out).toEqual(['d.yaml:2:21 actors[0].size: Too small: expected number to be >=0']);
    const text2 = text.replace('size: -1', 'size: 1');
    expect(problems(() => parseLandscape(text2, 'd.yaml'))).toEqual([
      'd.yaml:3:12 actors[1].name: actor "A" is listed twice (first at actors[0])',
      'd.yaml:6:9 matrix: give either propensities or matrix, not both',
    ]);
    const text3 =
      'actors:\n  - {name: A, size: 1}\n  - {name: B, size: 1}\npropensities:\n  - [A, A, 1]\n  - [A, B, 1]\n  - [B, A, 2]\n';
    expect(problems(() => parseLandscape(text3, 'd.yaml'))).toEqual([
      'd.yaml:5:5 propensities[0]: "A" is paired with itself (a propensity joins two different actors)',
      'd.yaml:7:5 propensities[2]: the pair "B"–"A" is listed twice (first at propensities[1]; propensities are symmetric, list each pair once)',
    ]);
  });

  it('never throws anything but an InputError on arbitrary text', () => {
    expectOnlyInputErrors(fc.string(), (text) => parseLandscape(text, 'fuzz.yaml'), 300);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          parseLandscape(
            JSON.stringify({ actors: [{ name: 'A', size: 1 }], ...(value as object) }),
            'fuzz.json',
          );
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseGset', () => {
  it('reads vertices 1-based into a CSR graph', () => {
    const g = parseGset('3 2\n1 2 1\n2 3 -1\n', 'g.txt');
    expect(g.nodes).toBe(3);
    expect(g.edgeCount).toBe(2);
    expect(Array.from(g.offsets)).toEqual([0, 1, 3, 4]);
  });

  it('locates every bad line', () => {
    expect(problems(() => parseGset('3 3\n1 4 1\n1 1 1\n2 x\n', 'g.txt'))).toEqual([
      'g.txt:2:3: vertex "4" is not in 1..3',
      'g.txt:3:1: self-loop at vertex 1 (a cut never separates a vertex from itself)',
      'g.txt:4:1: expected "u v w", got "2 x"',
    ]);
    expect(problems(() => parseGset('3 5\n1 2 1\n', 'g.txt'))).toEqual([
      'g.txt:1:3: header says 5 edges but the file lists 1',
    ]);
    expect(problems(() => parseGset('hello\n', 'g.txt'))).toEqual([
      'g.txt:1:1: expected "n m" (vertex and edge counts), got "hello"',
    ]);
    expect(problems(() => parseGset('', 'g.txt'))).toEqual([
      'g.txt:1:1: empty graph file (the first line is "n m")',
    ]);
    expect(problems(() => parseGset('99999999999 0\n', 'g.txt'))).toEqual([
      'g.txt:1:1: 99999999999 vertices is more than the 50000000 supported',
    ]);
  });

  it('never throws anything but an InputError on arbitrary text', () => {
    expectOnlyInputErrors(fc.string(), (text) => parseGset(text, 'fuzz.txt'), 500);
  });
});
