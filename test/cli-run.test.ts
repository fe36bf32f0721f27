import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runCli, tempDir } from './cli-harness.js';

const fixture = (name: string) => join(projectRoot, 'test', 'fixtures', name);

describe('alliances run', () => {
  it('tells the default scenario, reaches its milestones and stores the run', () => {
    const dir = tempDir();
    const r = runCli(['run'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Kurt Bendera dies');
    expect(r.stdout).toContain('Milestones: 12 of 12 reached');
    expect(r.stdout).toMatch(/Summary[\s\S]*Agreements made: 1[\s\S]*USS Voyager/);
    expect(existsSync(join(dir, 'alliances.db'))).toBe(true);
    const runs = JSON.parse(runCli(['runs', '--json'], { cwd: dir }).stdout);
    expect(runs.runs).toHaveLength(1);
    expect(runs.runs[0]).toMatchObject({
      id: 1,
      scenario: 'delta-quadrant',
      seed: 1,
      mode: 'scripted',
      status: 'complete',
    });
  });

  it('prints one JSON object, with the same hash for the same seed', () => {
    const a = runCli(['run', '--json', '--seed', '7', '--no-store']);
    const b = runCli(['run', '--json', '--seed', '7', '--no-store']);
    expect(a.status).toBe(0);
    const ja = JSON.parse(a.stdout);
    expect(ja).toMatchObject({ run: null, scenario: 'delta-quadrant', seed: 7, mode: 'scripted' });
    expect(ja.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(b.stdout).hash).toBe(ja.hash);
    expect(ja.milestones.every((m: { reached: boolean; outcome: boolean }) => m.reached || m.outcome)).toBe(
      true,
    );
    expect(ja.events[0]).toMatchObject({ seq: 0, t: 0, type: 'run-started' });
    expect(Object.keys(ja.summary)).toEqual(
      expect.arrayContaining(['agreements', 'casualties', 'ships', 'relations']),
    );
  });

  it('replays and verifies a stored run; --db and ALLIANCES_DB choose the file', () => {
    const db = join(tempDir(), 'nested', 'x.db');
    expect(runCli(['run', 'scenarios/delta-quadrant.yaml', '--db', db, '--seed', '3']).status).toBe(0);
    const replay = runCli(['replay', '1', '--db', db]);
    expect(replay.status).toBe(0);
    expect(replay.stdout).toContain('The conference ends: attacked');
    expect(replay.stdout).toContain('Milestones: 12 of 12 reached');
    const verify = runCli(['verify', 'last'], { env: { ALLIANCES_DB: db } });
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/run 1 verified: [0-9a-f]{64}/);
    const json = JSON.parse(runCli(['replay', '1', '--json', '--db', db]).stdout);
    expect(json.events.length).toBeGreaterThan(100);
  });

  it('runs a scenario file given by path', () => {
    const r = runCli(['run', fixture('small.yaml'), '--no-store', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).milestones).toEqual([
      { id: 'agreed', title: 'Blue and Red agree', reached: true, seq: expect.any(Number), outcome: false },
    ]);
  });

  it('exits 2 on bad input, writing nothing to the database', () => {
    const dir = tempDir();
    for (const bad of [
      'bad-syntax.yaml',
      'bad-unknown-ref.yaml',
      'bad-script-person.yaml',
      'bad-milestone-never.yaml',
    ]) {
      const r = runCli(['run', fixture(bad)], { cwd: dir });
      expect(r.status, bad).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${bad}:\\d+:\\d+[ :]`));
    }
    expect(existsSync(join(dir, 'alliances.db'))).toBe(false);
    expect(runCli(['run', 'no-such-scenario'], { cwd: dir }).stderr).toContain(
      'no scenario file or built-in scenario named "no-such-scenario"',
    );
    expect(runCli(['run', '--seed', 'x'], { cwd: dir }).status).toBe(2);
    expect(runCli(['run', '--mode', 'dreaming'], { cwd: dir }).status).toBe(2);
    expect(existsSync(join(dir, 'alliances.db'))).toBe(false);
    // With an existing database, a bad scenario leaves it byte for byte as it was.
    expect(runCli(['run', '--no-store'], { cwd: dir }).status).toBe(0);
    expect(runCli(['run'], { cwd: dir }).status).toBe(0);
    const before = statSync(join(dir, 'alliances.db')).size;
    expect(runCli(['run', fixture('bad-type.yaml')], { cwd: dir }).status).toBe(2);
    expect(statSync(join(dir, 'alliances.db')).size).toBe(before);
    expect(JSON.parse(runCli(['runs', '--json'], { cwd: dir }).stdout).runs).toHaveLength(1);
  });

  it('names missing runs and bad run ids', () => {
    const dir = tempDir();
    expect(runCli(['replay', '9'], { cwd: dir })).toMatchObject({ status: 2 });
    expect(runCli(['verify', 'abc'], { cwd: dir }).stderr).toContain('RUN: expected an integer');
  });
});

describe('alliances validate and schema', () => {
  it('prints ok for a valid file', () => {
    expect(runCli(['validate', 'scenarios/delta-quadrant.yaml'])).toMatchObject({
      status: 0,
      stdout: 'ok\n',
    });
  });

  it('lists every problem on stderr with exit 2', () => {
    const r = runCli(['validate', fixture('bad-duplicate-id.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(5);
    expect(r.stderr).toContain('4 problems');
  });

  it('exits 2 for a missing file', () => {
    expect(runCli(['validate', 'nope.yaml'])).toMatchObject({ status: 2 });
  });

  it('prints a JSON Schema that describes the scenario format', () => {
    const r = runCli(['schema']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toContain('json-schema.org');
    expect(schema.required).toEqual(
      expect.arrayContaining(['version', 'id', 'title', 'duration', 'locations', 'factions']),
    );
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['script', 'milestones', 'relations', 'forces', 'physics']),
    );
  });
});
