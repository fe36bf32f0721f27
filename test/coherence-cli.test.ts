/**
 * End to end: `alliances coherence`, the `coherence` object and the on-time/late shares of
 * `alliances fidelity --json`, on the built binary and through the library API.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as alliances from '../src/index.js';
import { projectRoot, runCli } from './cli-harness.js';

const fixture = 'test/fixtures/coherence.yaml';
const json = <T>(text: string): T => JSON.parse(text) as T;

interface Coherence {
  runs: number;
  perRun: Record<string, { median: number; p90: number; max: number; total: number }>;
  patterns: { id: string; title: string; share: number; runs: number }[];
}

describe('alliances coherence', () => {
  it('prints the per-run measures and the share of runs matching each declared pattern (JSON)', () => {
    const r = runCli(['coherence', fixture, '--seeds', '3', '--json']);
    expect(r.status).toBe(0);
    const c = json<Coherence & { scenario: string; seedList: number[] }>(r.stdout);
    expect(c.scenario).toBe('coherence');
    expect(c.runs).toBe(3);
    expect(c.seedList).toEqual([1, 2, 3]);
    expect(Object.keys(c.perRun).sort()).toEqual([
      'abandonedProposals',
      'duplicateIntents',
      'repeatedDecisions',
      'reversedMoves',
    ]);
    for (const m of Object.values(c.perRun)) {
      expect(typeof m.median).toBe('number');
      expect(m.median).toBeLessThanOrEqual(m.p90);
    }
    // Blue sends food while Red still holds Bo in every run; when both envoys are freed first, never.
    expect(c.patterns).toEqual([
      {
        id: 'aid-to-captors',
        title: 'Blue gives aid to a faction that holds one of its people',
        share: 1,
        runs: 3,
      },
    ]);
    const freed = json<Coherence>(
      runCli(['coherence', fixture, '--seeds', '3', '--variant', 'all-freed', '--json']).stdout,
    );
    expect(freed.patterns[0]).toMatchObject({ id: 'aid-to-captors', share: 0 });
  });

  it('prints a table for people', () => {
    const r = runCli(['coherence', fixture, '--seeds', '2']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Coherence of coherence: 2 autonomous runs, seeds 1–2');
    expect(r.stdout).toContain('decisions repeated on no new input');
    expect(r.stdout).toMatch(/100% {2}aid-to-captors/);
  });

  it('refuses an unknown scenario or variant and a bad --seeds (exit 2)', () => {
    const unknown = runCli(['coherence', 'delta-quadrnt', '--seeds', '2']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('delta-quadrant');
    const variant = runCli(['coherence', fixture, '--seeds', '2', '--variant', 'all-free']);
    expect(variant.status).toBe(2);
    expect(variant.stderr).toContain('all-freed');
    for (const seeds of ['0', 'many', '-3']) {
      const bad = runCli(['coherence', fixture, '--seeds', seeds]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('--seeds');
    }
  });

  it('measures the built-in scenarios, each with its declared patterns', () => {
    const r = runCli(['coherence', 'delta-quadrant', '--seeds', '2', '--json']);
    expect(r.status).toBe(0);
    const ids = json<Coherence>(r.stdout).patterns.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['aid-to-captors', 'alliance-sought-with-new-enemy']));
  });
});

describe('alliances fidelity: on time and late, and coherence', () => {
  it('reports on-time and late shares separately and the coherence object (JSON and text)', () => {
    const r = runCli(['fidelity', fixture, '--seeds', '2', '--json']);
    expect(r.status).toBe(0);
    const report = json<{
      milestones: {
        id: string;
        share: number;
        due: string | null;
        onTime: number | null;
        late: number | null;
      }[];
      coherence: Coherence;
    }>(r.stdout);
    // Red detains the envoys at once (due by 30m: on time); the gift comes 2 h later (due within 1h: late).
    expect(report.milestones).toEqual([
      expect.objectContaining({ id: 'envoys-held', share: 1, due: 'by 30m', onTime: 1, late: 0 }),
      expect.objectContaining({
        id: 'gift-sent',
        share: 1,
        due: 'within 1h of envoys-held',
        onTime: 0,
        late: 1,
      }),
    ]);
    const alone = json<Coherence>(runCli(['coherence', fixture, '--seeds', '2', '--json']).stdout);
    expect(report.coherence).toEqual({ runs: alone.runs, perRun: alone.perRun, patterns: alone.patterns });
    const text = runCli(['fidelity', fixture, '--seeds', '2']).stdout;
    expect(text).toContain('share  on time   late  milestone');
    expect(text).toMatch(/100% +0% +100% +2\. gift-sent \(due within 1h of envoys-held\)/);
    expect(text).toContain('Coherence (alliances coherence):');
  });
});

describe('the library API', () => {
  it('measures coherence and timing from src/index.ts', () => {
    const scenario = alliances.loadScenario(readFileSync(join(projectRoot, fixture), 'utf8'), fixture);
    const report = alliances.runFidelity(scenario, [1, 2]);
    expect(report.coherence.patterns).toEqual([expect.objectContaining({ id: 'aid-to-captors', share: 1 })]);
    expect(report.milestones.map((m) => [m.id, m.onTime, m.late])).toEqual([
      ['envoys-held', 1, 0],
      ['gift-sent', 0, 1],
    ]);
    const run = alliances.runScenario(scenario, { seed: 1, mode: 'autonomous' });
    expect(alliances.measureCoherence(scenario.spec, run.events).patterns).toEqual(['aid-to-captors']);
    expect(alliances.dueOutcomes(scenario.spec.milestones, run.milestones, run.events)).toEqual([
      true,
      false,
    ]);
    expect(alliances.COHERENCE_MEASURES).toHaveLength(4);
  });
});
