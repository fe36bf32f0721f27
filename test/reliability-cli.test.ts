/**
 * End to end: `alliances reliability` on generated worlds and on a scenario with treaties in force,
 * and a forbidden act refused naming the principle (test/fixtures/treaties.yaml).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli, tempDir } from './cli-harness.js';

const TREATIES = 'test/fixtures/treaties.yaml';

describe('alliances reliability', () => {
  it('counts calls in generated worlds, the same on one thread or two', () => {
    const args = ['reliability', '--generated', '12', '--seeds', '3', '--days', '20', '--json'];
    const one = runCli([...args, '--threads', '1']);
    expect(one.status, one.stderr).toBe(0);
    const two = runCli([...args, '--threads', '2']);
    expect(two.stdout).toBe(one.stdout);
    const r = JSON.parse(one.stdout);
    expect(r).toMatchObject({ scenario: 'generated-12', generated: { factions: 12 }, days: 20, runs: 3 });
    expect(r.seedList).toEqual([1, 2, 3]);
    expect(r.calls).toBeGreaterThan(0);
    expect(r.honoured + r.partly + r.reneged).toBe(r.calls);
    expect(r.share).toBeCloseTo(r.honoured / r.calls, 10);
    const groups = ['rose', 'steady', 'fell'].map((k) => r.byPowerChange[k].calls);
    expect(groups.reduce((s: number, x: number) => s + x, 0)).toBe(r.calls);
    expect(Object.keys(r.byCondition).length).toBeGreaterThan(0);
  });

  it('prints a text report', () => {
    const r = runCli(['reliability', '--generated', '12', '--seeds', '1', '--days', '10', '--threads', '1']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Reliability of alliances: 1 generated worlds of 12 factions');
    expect(r.stdout).toContain("By the called party's power since signing (±10 %)");
  });

  it('counts the calls of a scenario with treaties in force: the league called, by the conditions of its pledges', () => {
    const r = runCli(['reliability', TREATIES, '--seeds', '2', '--threads', '1', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.scenario).toBe('treaties');
    // Two pledges of the league fall due each run (defence and consultation), answered within the run.
    expect(out).toMatchObject({ calls: 4, unanswered: 0 });
    expect(out.honoured + out.partly + out.reneged).toBe(4);
    // North's strength is 6, 4 when the league was signed: its power rose.
    expect(out.byPowerChange.rose.calls).toBe(4);
    expect(
      Object.fromEntries(
        Object.entries(out.byCondition).map(([k, g]) => [k, (g as { calls: number }).calls]),
      ),
    ).toEqual({
      consultation: 2,
      defence: 2,
      'against-named': 2,
      'unless-provoked': 2,
      'diplomatic-only': 2,
    });
  });

  it('refuses bad options with exit 2', () => {
    for (const args of [
      ['--generated', '1'],
      ['--seeds', '0'],
      ['--seeds', '10001'],
      ['--days', '0'],
      [TREATIES, '--generated', '12'],
    ]) {
      const r = runCli(['reliability', ...args]);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(2);
    }
  });
});

describe('a scenario with treaties in force', () => {
  it('issues the league’s calls when its partner is attacked, and refuses a forbidden act naming the principle', () => {
    const r = runCli(['run', TREATIES, '--no-store', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const run = JSON.parse(r.stdout);
    const events: { type: string; [k: string]: unknown }[] = run.events;
    const calls = events.filter((e) => e.type === 'call-issued');
    expect(calls.map((c) => [c.agreement, c.obligation, c.from, c.to])).toEqual([
      ['northern-league', 'defence', 'centre', 'north'],
      ['northern-league', 'consultation', 'centre', 'north'],
    ]);
    const refused = events.find((e) => e.type === 'intent-rejected');
    expect(refused).toMatchObject({ rule: 'principle:never-strikes-first' });
    expect(events.some((e) => e.type === 'war-declared' && e.by === 'north')).toBe(false);
    const text = runCli(['run', TREATIES, '--no-store']).stdout;
    expect(text).toContain('the Centre call on the North to honour its pledge of defence against the South');
    expect(text).toContain('principle "never-strikes-first" forbids entering a war as the aggressor');
  });
});

describe('fork --set with treaties', () => {
  const GUARANTEE = 'test/fixtures/obligations/guarantee.yaml';
  const joiners = (stdout: string) =>
    (JSON.parse(stdout) as { events: { type: string; faction?: string }[] }).events
      .filter((e) => e.type === 'war-joined')
      .map((e) => e.faction);

  it('removes a treaty, adds one in the scenario format, and refuses one naming no faction (exit 2)', () => {
    const db = join(tempDir(), 'treaties.db');
    const run = runCli(['run', GUARANTEE, '--mode', 'autonomous', '--seed', '1', '--db', db, '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect(joiners(run.stdout)).toContain('west');

    const without = runCli([
      'fork',
      '1',
      '--at',
      '1',
      '--db',
      db,
      '--json',
      '--set',
      'agreements.guarantee=null',
    ]);
    expect(without.status, without.stderr).toBe(0);
    expect(joiners(without.stdout)).toEqual([]);
    const diff = runCli(['diff', '1', String(JSON.parse(without.stdout).run), '--db', db]);
    expect(diff.stdout).toContain('Wars and calls that differ:');
    expect(diff.stdout).toContain('only in 1: west entered a war beside east');
    expect(diff.stdout).toContain('only in 1: west honoured the call of east');

    // Only the western king's pledge, given as a scenario's `agreements:` entry would give it.
    const pact =
      '{parties: [east, west], provisions: [{kind: defence, by: [west], to: [east], against: [north]}]}';
    const added = runCli([
      'fork',
      '1',
      '--at',
      '1',
      '--db',
      db,
      '--json',
      '--set',
      'agreements.guarantee=null',
      '--set',
      `agreements.western-pledge=${pact}`,
    ]);
    expect(added.status, added.stderr).toBe(0);
    expect(joiners(added.stdout)).toEqual(['west']);
    const verified = runCli(['verify', String(JSON.parse(added.stdout).run), '--db', db, '--json']);
    expect(JSON.parse(verified.stdout).matches).toBe(true);

    const bad = runCli([
      'fork',
      '1',
      '--at',
      '1',
      '--db',
      db,
      '--set',
      'agreements.x={parties: [east, nobody], provisions: [{kind: defence}]}',
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('names no faction "nobody"');
  });
});
