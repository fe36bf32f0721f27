import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runCli, tempDir } from './cli-harness.js';

const fixture = (name: string) => join(projectRoot, 'test', 'fixtures', 'negotiation', name);

describe('alliances negotiate', () => {
  it('prints the result, transcript and analysis as JSON', () => {
    const r = runCli(['negotiate', fixture('example.yaml'), '--seed', '3', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(['agreement', 'rounds', 'utilities', 'transcript', 'analysis']),
    );
    expect(Object.keys(out.utilities)).toEqual(['federation', 'nistrim']);
    expect(out.transcript[0]).toMatchObject({ type: 'offer', round: 0, party: 'federation' });
    expect(Object.keys(out.analysis)).toEqual(
      expect.arrayContaining(['pareto', 'nash', 'kalai', 'maxWelfare']),
    );
    expect(out.analysis.nash).toMatchObject({ outcome: expect.any(Object), utilities: expect.any(Object) });
    // The federation's red line: no agreement and no frontier point includes a crew exchange.
    for (const p of out.analysis.pareto) expect(p.outcome['crew-exchange']).toBe('no');
    if (out.agreement) expect(out.agreement['crew-exchange']).toBe('no');
    // Same seed, same bytes.
    expect(runCli(['negotiate', fixture('example.yaml'), '--seed', '3', '--json']).stdout).toBe(r.stdout);
  });

  it('tells the Nistrim talks: the crew-exchange demand meets a red line and a walk-out', () => {
    const r = runCli(['negotiate', fixture('nistrim.yaml')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/nistrim\s+counters\s+supplies=food, mutual-defence=yes, crew-exchange=yes/);
    expect(r.stdout).toMatch(/federation\s+walks away\s+\(red-line\)/);
    expect(r.stdout).toContain('No agreement: federation walked away in round 4.');
    expect(r.stdout).toContain(
      'Analysis (exact, dynamic programming over issues): 3 Pareto-optimal outcomes',
    );
    const json = JSON.parse(runCli(['negotiate', fixture('nistrim.yaml'), '--json']).stdout);
    expect(json).toMatchObject({ agreement: null, status: 'walk-away', endedBy: 'federation' });
  });

  it('reports bad input located, with exit code 2', () => {
    const r = runCli(['negotiate', fixture('bad-domain.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'bad-domain.yaml:8:28 parties[0].utilities.supplies.fod: issue "supplies" has no value "fod" (did you mean "food"?)',
    );
    expect(r.stderr).toContain(
      'bad-domain.yaml:9:15 parties[0].strategy: unknown strategy "bulware" (did you mean "boulware"?)',
    );
    expect(runCli(['negotiate', fixture('no-such.yaml')]).status).toBe(2);
    expect(runCli(['negotiate', fixture('example.yaml'), '--seed', 'x']).status).toBe(2);
  });
});

describe('alliances tournament', () => {
  it('runs on worker threads with the same standings as on one thread', () => {
    const parallel = runCli(['tournament', fixture('tournament.yaml'), '--json', '--threads', '2']);
    expect(parallel.stderr).toBe('');
    expect(parallel.status).toBe(0);
    const one = runCli(['tournament', fixture('tournament.yaml'), '--json', '--threads', '1']);
    expect(one.stdout).toBe(parallel.stdout);
    const summary = JSON.parse(parallel.stdout);
    // 5 domains × 6² assignments × 2 repetitions.
    expect(summary.negotiations).toBe(360);
    expect(summary.domains).toEqual([
      'example.yaml',
      'nistrim.yaml',
      'random-3x5#2.0',
      'random-3x5#2.1',
      'random-3x5#2.2',
    ]);
    expect(summary.standings).toHaveLength(6);
    for (const s of summary.standings) {
      expect(s.negotiations).toBe(120);
      expect(Object.keys(s)).toEqual(
        expect.arrayContaining([
          'meanUtility',
          'agreementRate',
          'meanRounds',
          'meanNashDistance',
          'meanParetoDistance',
          'meanWelfare',
        ]),
      );
    }
    const text = runCli(['tournament', fixture('tournament.yaml')]);
    expect(text.stdout).toContain('360 negotiations on 5 domains');
    expect(text.stdout).toMatch(
      /strategy\s+negotiations\s+utility\s+agreements\s+rounds\s+to Nash\s+to Pareto\s+welfare/,
    );
  });

  it('reports a missing domain file where the tournament names it', () => {
    const dir = tempDir();
    const file = join(dir, 't.yaml');
    writeFileSync(file, 'domains:\n  - missing.yaml\nstrategies: [aspiration]\n');
    const r = runCli(['tournament', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/t\.yaml:2:5 domains\[0\]: cannot read domain file "missing\.yaml"/);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'domains:\n  - random: {issues: 2, values: 2}\nstrategies: [aspiraton]\n');
    expect(runCli(['tournament', bad]).stderr).toContain('did you mean "aspiration"?');
  });
});

describe('alliances bench negotiation', () => {
  it('prints the reference workload figures as JSON', () => {
    const r = runCli(['bench', 'negotiation', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      negotiations: 10_000,
      agreements: 10_000,
      seconds: expect.any(Number),
      negotiationsPerSecond: expect.any(Number),
    });
    expect(out.negotiationsPerSecond).toBeCloseTo(out.negotiations / out.seconds, 6);
    expect(out.meanRounds).toBeGreaterThan(60);
    expect(out.meanRounds).toBeLessThan(68);
    expect(out.large.outcomes).toBe(1e10);
    expect(runCli(['bench', 'negotiaton']).stderr).toContain('did you mean "negotiation"?');
  });
});
