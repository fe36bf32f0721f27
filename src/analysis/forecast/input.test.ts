import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../common/errors.js';
import { formatForFile, parseForecastDocument, parseForecastInput, parseKtabCsv } from './input.js';
import { parseKtabParameters } from './ktab-format.js';

const csv = `Demo,"A scenario, quoted",3,2,
Actor,Description,Power,Pstn1,Sal1,Pstn2,Sal2,
A, first,  10, 20, 30, 40, 50,
B, second, 20.5, 60, 10, 0, 90,
C, third,  5, 100, 0, 100, 0,
`;

function problemsOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).problems;
  }
  throw new Error('expected an InputError');
}

describe('KTAB CSV input', () => {
  it('reads the scenario line, the dimension names and each actor', () => {
    const issue = parseKtabCsv(csv, 'demo.csv');
    expect(issue.name).toBe('Demo');
    expect(issue.description).toBe('A scenario, quoted');
    expect(issue.dimensions).toEqual(['Pstn1', 'Pstn2']);
    expect(issue.scale).toEqual([0, 100]);
    expect(issue.actors).toEqual([
      { name: 'A', description: 'first', capability: 10, positions: [20, 40], saliences: [30, 50] },
      { name: 'B', description: 'second', capability: 20.5, positions: [60, 0], saliences: [10, 90] },
      { name: 'C', description: 'third', capability: 5, positions: [100, 100], saliences: [0, 0] },
    ]);
  });

  it('accepts Windows line ends and files without the final comma', () => {
    const issue = parseKtabCsv(csv.replace(/,\n/g, '\r\n'), 'demo.csv');
    expect(issue.actors).toHaveLength(3);
  });

  it('locates every bad value by line and column', () => {
    const bad = `Demo,desc,3,2,
Actor,Description,Power,Pstn1,Sal1,Pstn2,Sal2,
A, first,  ten, 20, 30, 40, 50,
B, second, 20, 160, 10, 0, 95,
A, third,  5, 100, 0, 100,
`;
    const problems = problemsOf(() => parseKtabCsv(bad, 'bad.csv'));
    expect(problems.map((p) => `${p.line}:${p.column} ${p.path}`)).toEqual([
      '3:10 actors[0].capability',
      '4:15 actors[1].positions[0]',
      '4:20 actors[1].saliences',
      '5:22 actors[2]',
    ]);
    expect(problems[0]!.message).toContain('"ten"');
    expect(problems[1]!.hint).toContain('between 0 and 100');
    expect(problems[2]!.message).toContain('105');
    expect(problems.every((p) => p.file === 'bad.csv')).toBe(true);
  });

  it('reports a wrong actor count and duplicate names', () => {
    const bad = `Demo,desc,4,1,
Actor,Description,Power,Pstn1,Sal1,
A,,1,10,10,
A,,1,20,10,
`;
    const problems = problemsOf(() => parseKtabCsv(bad, 'bad.csv'));
    expect(problems.map((p) => p.path)).toEqual(['numberOfActors', 'actors[1].name']);
    expect(problems[0]).toMatchObject({ line: 1, column: 11 });
  });

  it('reports a broken first line', () => {
    expect(problemsOf(() => parseKtabCsv('', 'e.csv'))[0]!.code).toBe('empty');
    expect(problemsOf(() => parseKtabCsv('Demo,desc,x,1\n', 'e.csv'))[0]!.path).toBe('numberOfActors');
  });

  it('refuses an issue where no actor has both capability and salience', () => {
    const none = 'Demo,,2,1,\nActor,Description,Power,P,S,\nA,,0,10,10,\nB,,5,20,0,\n';
    expect(problemsOf(() => parseKtabCsv(none, 'n.csv'))[0]).toMatchObject({
      line: 2,
      column: 25,
      path: 'dimensions[0]',
    });
    const doc =
      'dimensions: [a, b]\nactors:\n  - {name: A, capability: 1, positions: [1, 2], saliences: [10, 0]}\n';
    const problems = problemsOf(() => parseForecastDocument(doc, 'd.yaml'));
    expect(problems[0]!.message).toBe(
      'no actor has both capability and salience above zero on dimension "b"',
    );
    expect(problems[0]).toMatchObject({ line: 1, path: 'dimensions[1]' });
  });
});

describe('YAML and JSON input', () => {
  const yaml = `name: Demo
scale: [0, 10]
dimensions: [year]
actors:
  - name: A
    capability: 1
    positions: [4]
    saliences: [80]
  - {name: B, capability: 2, positions: [7], saliences: [40]}
`;

  it('reads the document', () => {
    const issue = parseForecastDocument(yaml, 'demo.yaml');
    expect(issue).toMatchObject({ name: 'Demo', scale: [0, 10], dimensions: ['year'] });
    expect(issue.actors[1]).toEqual({
      name: 'B',
      description: undefined,
      capability: 2,
      positions: [7],
      saliences: [40],
    });
  });

  it('reads JSON and defaults the scale and the dimension names', () => {
    const issue = parseForecastInput(
      JSON.stringify({ actors: [{ name: 'A', capability: 1, positions: [1, 2], saliences: [10, 20] }] }),
      'x.json',
    );
    expect(issue.scale).toEqual([0, 100]);
    expect(issue.dimensions).toEqual(['Dimension 1', 'Dimension 2']);
  });

  it('locates schema and semantic problems', () => {
    const bad = `dimensions: [a, b]
actors:
  - name: A
    capability: -1
    positions: [4]
    saliences: [80, 30]
  - name: A
    capability: 1
    positions: [4, 200]
    saliences: [10, 10]
    colour: red
`;
    const schema = problemsOf(() => parseForecastDocument(bad, 'bad.yaml'));
    expect(schema.map((p) => `${p.line}:${p.column} ${p.path}`)).toEqual([
      '4:17 actors[0].capability',
      '11:5 actors[1].colour',
    ]);
    const semantic = problemsOf(() =>
      parseForecastDocument(bad.replace('-1', '1').replace('    colour: red\n', ''), 'bad.yaml'),
    );
    expect(semantic.map((p) => `${p.line}:${p.column} ${p.path}`)).toEqual([
      '5:16 actors[0].positions',
      '6:16 actors[0].saliences',
      '7:11 actors[1].name',
      '9:20 actors[1].positions[1]',
    ]);
    expect(semantic[1]!.message).toContain('110');
  });

  it('chooses the reader by file name', () => {
    expect(formatForFile('a.CSV')).toBe('ktab-csv');
    expect(formatForFile('a.yaml')).toBe('document');
  });
});

describe('input fuzzing', () => {
  it('never throws anything but an InputError', () => {
    const lines = fc.array(
      fc.oneof(
        fc.string(),
        fc.constantFrom(
          'Demo,desc,2,1,',
          'Actor,Description,Power,P,S,',
          'A,,1,10,10,',
          'B,,x,200,-1,',
          'a:\n  - b',
        ),
      ),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(lines, fc.constantFrom('f.csv', 'f.yaml', 'f.json'), (ls, file) => {
        try {
          parseForecastInput(ls.join('\n'), file);
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('KTAB parameter blocks', () => {
  it('reads KTAB names and the seed, and asks for KTAB order', () => {
    const p = parseKtabParameters(
      'Using PRNG seed: 42\nVotingRule: Binary\nBargnModel: PWCompInterp\nother: line\n',
    );
    expect(p).toEqual({ actorOrder: 'input', seed: 42n, votingRule: 'Binary', bargnModel: 'PWCompInterp' });
  });

  it('locates an unknown value', () => {
    const problems = problemsOf(() => parseKtabParameters('x\nVotingRule: Majority\n', 'p.txt'));
    expect(problems[0]).toMatchObject({ line: 2, column: 13, path: 'VotingRule' });
    expect(problems[0]!.hint).toContain('PropBin');
  });
});
