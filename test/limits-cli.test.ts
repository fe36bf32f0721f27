/**
 * Bounded work from the command line: every long computation honours `--seconds` with a message
 * naming the limit and how to raise it, sizes beyond a command's limits are refused up front
 * (exit 2, located), thread counts are capped at the cores, inputs over the size limit are refused
 * before parsing, and paths in config files stay in their folder.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { projectRoot, runCli, tempDir } from './cli-harness.js';

const scenarioText = readFileSync(join(projectRoot, 'scenarios', 'delta-quadrant.yaml'), 'utf8');

/** A pseudo-random number in [0, 1) from a small linear congruential generator (test data only). */
function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

/** `n` actors named a0, a1, … made by `make`. */
const actorsOf = <T>(n: number, make: (name: string) => T): T[] =>
  Array.from({ length: n }, (_, i) => make(`a${i}`));

describe('scenario length', () => {
  it('refuses a tick under a minute and a run of more ticks than the limit, located; --max-ticks raises it', () => {
    const dir = tempDir();
    const write = (name: string, tick: string, duration: string) => {
      const text = scenarioText
        .replace(/^tick: .*$/m, '')
        .replace(/^duration: .*$/m, `duration: ${duration}\ntick: ${tick}`);
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    for (const tick of ['0h', '0.0000001h']) {
      const r = runCli(['validate', write('zero.yaml', tick, '5d')]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/zero\.yaml:\d+:7 tick: a tick lasts at least one minute/);
    }
    const huge = write('huge.yaml', '1h', '99999999999d');
    const r = runCli(['run', huge, '--no-store']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /huge\.yaml:\d+:11 duration: a run would take [\d,]+ ticks of 1h; at most 100,000/,
    );
    // --seconds stops a run between two ticks; a stored run keeps them, incomplete.
    const db = join(dir, 'runs.db');
    const stopped = runCli(['run', '--mode', 'autonomous', '--seconds', '0', '--db', db]);
    expect(stopped.status).toBe(1);
    expect(stopped.stderr).toBe(
      'error: the run (tick 1 of 169; the run is kept, incomplete) did not finish within the time limit of 0 s; raise it with --seconds N, or --seconds none for no limit\n',
    );
    expect(runCli(['runs', '--db', db]).stdout).toMatch(/ 1 {2}delta-quadrant +1 {2}autonomous incomplete/);
    expect(runCli(['db', 'check', '--db', db]).status).toBe(0);
    const long = write('long.yaml', '1m', '100d');
    expect(runCli(['validate', long]).status).toBe(2);
    expect(runCli(['validate', long, '--max-ticks', '200000'])).toMatchObject({ status: 0, stdout: 'ok\n' });
  });
});

describe('time limits', () => {
  it('analyze power: 200 players exactly, and an exact computation stopped by --seconds names the limit', () => {
    const dir = tempDir();
    const next = lcg(7);
    const weights = Array.from({ length: 200 }, () => 1 + Math.floor(next() * 100));
    const game = {
      quota: Math.floor(weights.reduce((a, b) => a + b, 0) / 2) + 1,
      players: weights.map((weight, i) => ({ name: `p${i}`, weight })),
    };
    const file = join(dir, 'p200.yaml');
    writeFileSync(file, stringify(game));
    const ok = runCli(['analyze', 'power', file, '--json', '--index', 'shapley-shubik']);
    expect(ok.status).toBe(0);
    const players = (JSON.parse(ok.stdout) as { players: { shapleyShubik: { value: number } }[] }).players;
    expect(players).toHaveLength(200);
    expect(players.reduce((s, p) => s + p.shapleyShubik.value, 0)).toBeCloseTo(1, 9);

    const stopped = runCli(['analyze', 'power', file, '--seconds', '0']);
    expect(stopped.status).toBe(1);
    expect(stopped.stderr).toBe(
      'error: the exact power indices did not finish within the time limit of 0 s; raise it with --seconds N, or --seconds none for no limit\n',
    );
  });

  it('analyze landscape --blocs 10 on 45 actors reports the best found at its time limit', () => {
    const dir = tempDir();
    const next = lcg(3);
    const actors = actorsOf(45, (name) => ({ name, size: 1 + Math.floor(next() * 9) }));
    const propensities: [string, string, number][] = [];
    for (let i = 0; i < 45; i++)
      for (let j = i + 1; j < 45; j++)
        propensities.push([`a${i}`, `a${j}`, Math.round((next() * 2 - 1) * 100) / 100]);
    const file = join(dir, 'l45.yaml');
    writeFileSync(file, stringify({ actors, propensities }));
    const r = runCli(['analyze', 'landscape', file, '--blocs', '10', '--seconds', '0.5']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^45 actors, at most 10 blocs: best found, not proven minimal: the exact search stopped at its time limit of 0\.5 s \(raise it with --seconds N/,
    );
    const tooMany = runCli(['analyze', 'landscape', file, '--blocs', '1000']);
    expect(tooMany.status).toBe(2);
    expect(tooMany.stderr).toContain('at most 255 blocs');
  });

  it('analyze csg --algorithm dp stops at its time limit with the best structure so far and a bound', () => {
    const file = join(projectRoot, '..', 'shared', 'data', 'csg', 'csg_uniform_n12_seed1.txt');
    const r = runCli(['analyze', 'csg', file, '--algorithm', 'dp', '--seconds', '0']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^12 agents: best found \(stopped at the time limit of 0 s; raise it with --seconds N/,
    );
    expect(r.stdout).toMatch(/upper bound/);
  });

  it('forecast stops its bargaining models at the time limit', () => {
    const dir = tempDir();
    const next = lcg(11);
    const actors = actorsOf(300, (name) => ({
      name,
      capability: 1 + Math.floor(next() * 100),
      positions: [Math.round(next() * 100)],
      saliences: [Math.round(10 + next() * 90)],
    }));
    const file = join(dir, 'f300.yaml');
    writeFileSync(file, stringify({ scale: [0, 100], actors }));
    const r = runCli(['forecast', file, '--model', 'smp', '--seconds', '0']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^error: the spatial model \(turn 1\) did not finish within the time limit of 0 s; raise it with --seconds N/,
    );
  });

  it('negotiate: a deadline beyond the limit is refused, located; a long one honours --seconds', () => {
    const dir = tempDir();
    const domain = (rounds: number) => `issues: [{name: a, values: [x, y]}]
parties:
  - {name: p, weights: {a: 1}, utilities: {a: {x: 1, y: 0}}, strategy: hardliner}
  - {name: q, weights: {a: 1}, utilities: {a: {x: 0, y: 1}}, strategy: hardliner}
deadline: {rounds: ${rounds}}
`;
    writeFileSync(join(dir, 'huge.yaml'), domain(1_000_000_000));
    const huge = runCli(['negotiate', join(dir, 'huge.yaml')]);
    expect(huge.status).toBe(2);
    expect(huge.stderr).toMatch(/huge\.yaml:5:20 deadline\.rounds: at most 1,000,000 rounds/);
    writeFileSync(join(dir, 'long.yaml'), domain(1_000_000));
    const long = runCli(['negotiate', join(dir, 'long.yaml'), '--seconds', '0']);
    expect(long.status).toBe(1);
    expect(long.stderr).toMatch(
      /^error: the negotiation \(round \d+\) did not finish within the time limit of 0 s/,
    );
  });

  it('tournament: threads capped at the cores with a note, --seconds honoured, domain paths kept in the folder', () => {
    const fixture = join(projectRoot, 'test', 'fixtures', 'negotiation', 'tournament.yaml');
    const cores = availableParallelism();
    const capped = runCli(['tournament', fixture, '--json', '--threads', '1000']);
    expect(capped.status).toBe(0);
    expect(capped.stderr).toBe(`note: --threads 1000 is more than the ${cores} cores here; using ${cores}\n`);
    const one = runCli(['tournament', fixture, '--json', '--threads', '1']);
    expect(capped.stdout).toBe(one.stdout);
    const stopped = runCli(['tournament', fixture, '--seconds', '0', '--threads', '1']);
    expect(stopped.status).toBe(1);
    expect(stopped.stderr).toMatch(
      /^error: the tournament \(0 of 360 negotiations run\) did not finish within the time limit of 0 s/,
    );

    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    const config = join(dir, 'sub', 'tour.yaml');
    writeFileSync(
      config,
      'domains: [../../../../../../../../etc/passwd]\nstrategies: [boulware, aspiration]\n',
    );
    const outside = runCli(['tournament', config]);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(
      /tour\.yaml:1:11 domains\[0\]: "\.\.\/.*etc\/passwd" is outside the folder of/,
    );
    expect(outside.stderr).not.toContain('root:');
  });

  it('generate and forecast --folds refuse sizes beyond their limits', () => {
    const gen = runCli(['generate', '--factions', '1000000000']);
    expect(gen.status).toBe(2);
    expect(gen.stderr).toContain('a generated scenario has 2 to 10,000 factions');
    const folds = runCli(['forecast', '--benchmark', 'deu3', '--folds', '100000']);
    expect(folds.status).toBe(2);
    expect(folds.stderr).toMatch(/--folds: at most \d+ folds \(one per proposal of DEU III\), got 100000/);
  });
});

describe('input size', () => {
  it('refuses a file over the limit before parsing it; --max-input raises the limit', () => {
    const dir = tempDir();
    const file = join(dir, 'big.yaml');
    writeFileSync(file, `# ${'x'.repeat(11 * 1024 * 1024)}\n`);
    const r = runCli(['validate', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `${file}: is 11 MB, over the input limit of 10 MB (raise the limit with --max-input 12 (megabytes))\n`,
    );
    const raised = runCli(['--max-input', '12', 'validate', file]);
    expect(raised.status).toBe(2);
    expect(raised.stderr).not.toContain('input limit');
    expect(runCli(['validate', file, '--max-input', '12']).stderr).not.toContain('input limit');
  });
});
