/**
 * End-to-end tests of `alliances analyze …`: the built binary on the example files and on bad
 * files (located errors, exit code 2). Needs `npm run build` first.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, sharedData, tempDir } from './cli-harness.js';

const examples = join('examples', 'analysis');
const hasData = existsSync(join(sharedData, 'gset', 'G1.txt'));

function writeTemp(name: string, text: string): string {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}

describe('alliances analyze landscape', () => {
  it('prints the minimum-energy configuration as JSON', () => {
    const r = runCli(['analyze', 'landscape', join(examples, 'delta-quadrant-landscape.yaml'), '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['energy', 'sides', 'frustration', 'exact']);
    expect(out.energy).toBe(-169);
    expect(out.sides).toEqual([
      ['Voyager', 'Trabe'],
      ['Nistrim', 'Ogla', 'Relora', 'Pommar'],
    ]);
    expect(out.exact).toBe(true);
    expect(out.frustration.Trabe).toBe(-28);
  });

  it('lists every configuration and the local minima', () => {
    const all = JSON.parse(
      runCli(['analyze', 'landscape', join(examples, 'delta-quadrant-landscape.yaml'), '--all', '--json'])
        .stdout,
    );
    expect(all.configurations).toHaveLength(32);
    expect(Object.keys(all.configurations[0])).toEqual(['sides', 'energy', 'frustration', 'localMinimum']);
    const minima = JSON.parse(
      runCli([
        'analyze',
        'landscape',
        join(examples, 'delta-quadrant-landscape.yaml'),
        '--local-minima',
        '--json',
      ]).stdout,
    );
    expect(minima.configurations.map((c: { energy: number }) => c.energy)).toEqual([-169, -133]);
    const human = runCli([
      'analyze',
      'landscape',
      join(examples, 'delta-quadrant-landscape.yaml'),
      '--local-minima',
    ]);
    expect(human.stdout).toContain('2 local minima');
  });

  it('solves k blocs and reports the heuristic as not exact beyond the exact limit', () => {
    const three = JSON.parse(
      runCli([
        'analyze',
        'landscape',
        join(examples, 'delta-quadrant-landscape.yaml'),
        '--blocs',
        '3',
        '--json',
      ]).stdout,
    );
    expect(three.sides).toHaveLength(3);
    expect(three.energy).toBe(-222);
    const heuristic = JSON.parse(
      runCli([
        'analyze',
        'landscape',
        join(examples, 'delta-quadrant-landscape.yaml'),
        '--exact-limit',
        '0',
        '--seconds',
        '0.2',
        '--json',
      ]).stdout,
    );
    expect(heuristic.exact).toBe(false);
    expect(heuristic.energy).toBe(-169);
  });

  it('rejects unknown actor names and asymmetric matrices with located errors, exit 2', () => {
    const unknown = writeTemp(
      'u.yaml',
      'actors:\n  - {name: Ogla, size: 1}\n  - {name: Relora, size: 1}\npropensities:\n  - [Oglaa, Relora, 1]\n',
    );
    const r = runCli(['analyze', 'landscape', unknown]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('u.yaml:5:6 propensities[0][0]: unknown actor "Oglaa" (did you mean "Ogla"?)');
    const asym = writeTemp(
      'a.yaml',
      'actors:\n  - {name: A, size: 1}\n  - {name: B, size: 1}\nmatrix: [[0, 1], [3, 0]]\n',
    );
    const r2 = runCli(['analyze', 'landscape', asym]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/a\.yaml:4:14 matrix\[0\]\[1\]: matrix is not symmetric/);
    const wrong = writeTemp(
      'w.yaml',
      'actors:\n  - {name: A, size: 1}\n  - {name: B, size: 1}\nmatrix: [[0, 1, 2], [1, 0, 2]]\n',
    );
    const r3 = runCli(['analyze', 'landscape', wrong]);
    expect(r3.status).toBe(2);
    expect(r3.stderr).toContain('row 1 has 3 entries, expected 2');
  });

  it('exits 2 on a missing file and on --all beyond 20 actors', () => {
    expect(runCli(['analyze', 'landscape', 'no-such-file.yaml']).status).toBe(2);
    const actors = Array.from({ length: 21 }, (_, i) => `  - {name: a${i}, size: 1}`).join('\n');
    const big = writeTemp('big.yaml', `actors:\n${actors}\npropensities: []\n`);
    const r = runCli(['analyze', 'landscape', big, '--all']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('at most 20 actors; this file has 21');
  });
});

describe('alliances analyze maxcut', () => {
  it('prints the cut in the documented JSON format', () => {
    const g = writeTemp('c5.txt', '5 5\n1 2 1\n2 3 1\n3 4 1\n4 5 1\n5 1 1\n');
    const r = runCli(['analyze', 'maxcut', g, '--seconds', '0.2', '--target', '4', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['cut', 'seconds', 'nodes', 'edges']);
    expect(out).toMatchObject({ cut: 4, nodes: 5, edges: 5 });
  });

  it.skipIf(!hasData)('reaches the best-known cut of G43 (6660) with a target', () => {
    const r = runCli([
      'analyze',
      'maxcut',
      join(sharedData, 'gset', 'G43.txt'),
      '--seconds',
      '60',
      '--target',
      '6660',
      '--json',
    ]);
    expect(JSON.parse(r.stdout).cut).toBe(6660);
  });

  it('rejects a malformed graph with located errors, exit 2', () => {
    const g = writeTemp('bad.txt', '3 2\n1 2 1\n2 9 1\n');
    const r = runCli(['analyze', 'maxcut', g]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad.txt:3:3: vertex "9" is not in 1..3');
    expect(runCli(['analyze', 'maxcut', g, '--algorithm', 'magic']).status).toBe(2);
  });
});

describe('alliances analyze power', () => {
  it('prints exact Shapley–Shubik and Banzhaf indices in the documented JSON format', () => {
    const r = runCli(['analyze', 'power', join(examples, 'un-security-council.yaml'), '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.players[0]).toEqual({
      name: 'China',
      shapleyShubik: { exact: '421/2145', value: 421 / 2145 },
      banzhaf: {
        swings: 848,
        absolute: { exact: '53/1024', value: 53 / 1024 },
        normalized: { exact: '106/635', value: 106 / 635 },
      },
    });
    const ss = JSON.parse(
      runCli(['analyze', 'power', join(examples, 'committee.yaml'), '--index', 'shapley-shubik', '--json'])
        .stdout,
    );
    expect(ss.players.map((p: { shapleyShubik: { exact: string } }) => p.shapleyShubik.exact)).toEqual([
      '2/3',
      '1/6',
      '1/6',
    ]);
    expect(ss.players[0].banzhaf).toBeUndefined();
  });

  it('computes the Electoral College exactly', () => {
    const r = runCli(['analyze', 'power', join(examples, 'us-electoral-college.yaml'), '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.players).toHaveLength(51);
    const sum = out.players.reduce(
      (a: number, p: { shapleyShubik: { value: number } }) => a + p.shapleyShubik.value,
      0,
    );
    expect(sum).toBeCloseTo(1, 12);
    const human = runCli(['analyze', 'power', join(examples, 'us-electoral-college.yaml')]);
    expect(human.stdout).toContain('51 players, weighted voting game, quota 270');
  });

  it('gives the Shapley value of a TU game from a coalition-value file, exact or sampled', () => {
    // v(S) = 10·|S| plus a synergy of 10 whenever players 0 and 1 are together: they share it.
    const values = [0, 10, 10, 30, 10, 20, 20, 40];
    const file = writeTemp('tu.txt', `${values.join('\n')}\n`);
    const exact = JSON.parse(runCli(['analyze', 'power', file, '--json']).stdout);
    expect(exact.exact).toBe(true);
    expect(exact.players.map((p: { shapley: number }) => Math.round(p.shapley * 1e9) / 1e9)).toEqual([
      15, 15, 10,
    ]);
    const sampled = JSON.parse(
      runCli(['analyze', 'power', file, '--exact-limit', '0', '--samples', '500', '--json']).stdout,
    );
    expect(sampled.exact).toBe(false);
    expect(sampled.samples).toBe(500);
    expect(sampled.players[0].interval).toHaveLength(2);
  });

  it('rejects a quota above the total weight, located, exit 2', () => {
    const f = writeTemp(
      'q.yaml',
      'quota: 600\nplayers:\n  - {name: A, weight: 300}\n  - {name: B, weight: 238}\n',
    );
    const r = runCli(['analyze', 'power', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'q.yaml:1:8 quota: quota 600 is above the total weight 538: no coalition can win',
    );
    expect(runCli(['analyze', 'power', f, '--index', 'gini']).status).toBe(2);
  });
});

describe('alliances analyze csg', () => {
  it('prints the optimal structure in the documented JSON format', () => {
    const file = writeTemp('v.txt', '0\n1\n1\n2\n2\n2\n4\n4\n');
    for (const algorithm of ['bnb', 'dp']) {
      const r = runCli(['analyze', 'csg', file, '--algorithm', algorithm, '--json']);
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(Object.keys(out)).toEqual(['value', 'structure', 'optimal', 'bound', 'seconds']);
      expect(out).toMatchObject({ value: 5, structure: [[0], [1, 2]], optimal: true, bound: 5 });
    }
  });

  it.skipIf(!hasData)('matches the ODP-IP optimum on the shared n = 12 instance', () => {
    const r = runCli(['analyze', 'csg', join(sharedData, 'csg', 'csg_uniform_n12_seed1.txt'), '--json']);
    expect(JSON.parse(r.stdout).value).toBe(118045740);
  });

  it('rejects a file whose length is not a power of two, located, exit 2', () => {
    const file = writeTemp('bad.txt', '0\n1\n2\n');
    const r = runCli(['analyze', 'csg', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad.txt:3:1: the file has 3 values; it needs 2^n');
  });
});
