import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseKtabCsv } from './input.js';
import { formatKtabLines, parseKtabParameters } from './ktab-format.js';
import { runSmp, smpChallengeEstimate } from './smp.js';
import type { ForecastIssue } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
const ktabDir = resolve(
  process.env.ALLIANCES_DATA ?? join(here, '..', '..', '..', '..', 'shared', 'data'),
  'ktab',
);
const haveKtab = existsSync(join(ktabDir, 'ktab_smp_dummyData_3Dim_input.csv'));

/** Three actors on one dimension: positions 20, 50, 80; capabilities 1, 1, 2; saliences 100, 100, 50. */
const threeActors: ForecastIssue = {
  dimensions: ['x'],
  scale: [0, 100],
  actors: [
    { name: 'A', capability: 1, positions: [20], saliences: [100] },
    { name: 'B', capability: 1, positions: [50], saliences: [100] },
    { name: 'C', capability: 2, positions: [80], saliences: [50] },
  ],
};

describe('KTAB SMP on a hand-worked three-actor case', () => {
  it('infers the risk attitudes from the probabilities 2/19, 9/19, 8/19', () => {
    // See ktab-kernel.test.ts for the coalitions: R = −½, 1, 11/14.
    const run = runSmp(threeActors);
    expect(run.states[0]!.risk[0]).toBeCloseTo(-0.5, 7);
    expect(run.states[0]!.risk[1]).toBeCloseTo(1, 7);
    expect(run.states[0]!.risk[2]).toBeCloseTo(11 / 14, 7);
  });

  it("computes A's estimate of its challenge to B", () => {
    // A's estimates of risk (OneThird): of A −½, of B (2·(−½) + 1)/3 = 0, of C (−1 + 11/14)/3 = −1/14.
    // Utilities from A's view: u(A,B) = 0.7 × (1 − 0.3 × ½) = 0.595; u(B,A) = 0.7;
    // u(C,A) = 0.4 × (1 − 0.6/14) = 0.382857; u(C,B) = 0.7 × (1 − 0.3/14) = 0.685.
    // Principals: A votes 1 × (1 − 0.595) = 0.405 for A; B votes 1 × (0.7 − 1) = −0.3, for B.
    // Third party C (weight ½ × 2 = 1): p(A with C wins) = 0.405 / (0.405 + 0.3 + 0.302143) = 0.402128;
    // semi-committed values: join A 0.402128 × 1.765714 + 0.597872 × 2.055 = 1.938670,
    // join B 0.402128 × 1.148571 + 0.597872 × 2.37 = 1.878830; C adds 0.059840 to A's side.
    // P(A beats B) = 0.464840 / 0.764840 = 0.607761. B resists with its salience 1, so
    // E = 0.607761 × 2 + 0.392239 × 1.19 = 1.682289, versus the status quo 1 + 0.595: gain 0.087287.
    const e = smpChallengeEstimate(threeActors, 0, 0, 0, 1);
    expect(e.probability).toBeCloseTo(0.607761, 6);
    expect(e.expectedGain).toBeCloseTo(0.087287, 6);
  });

  it('runs to a stop and reports a forecast inside the range of positions', () => {
    const run = runSmp(threeActors);
    expect(run.converged).toBe(true);
    expect(run.fractionalChanges.length).toBe(run.turns.length);
    expect(run.forecast[0]!).toBeGreaterThanOrEqual(20);
    expect(run.forecast[0]!).toBeLessThanOrEqual(80);
    const last = run.states[run.states.length - 1]!;
    expect(last.distinctProbabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('draws stochastic transitions from the seeded KTAB generator, reproducibly', () => {
    const a = runSmp(threeActors, { stateTransitions: 'Stochastic', seed: 7n });
    const b = runSmp(threeActors, { stateTransitions: 'Stochastic', seed: 7n });
    expect(a.forecast).toEqual(b.forecast);
    expect(a.states.map((s) => s.positions)).toEqual(b.states.map((s) => s.positions));
  });

  it('supports every bargaining and interpolation option', () => {
    for (const bargnModel of ['InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'] as const) {
      for (const interVecBrgn of ['S1P1', 'S2P2', 'S2PMax'] as const) {
        const run = runSmp(threeActors, { bargnModel, interVecBrgn });
        expect(run.forecast[0]!).toBeGreaterThanOrEqual(20);
        expect(run.forecast[0]!).toBeLessThanOrEqual(80);
      }
    }
  });
});

describe.skipIf(!haveKtab)('KTAB conformance: the 2017 reference runs', () => {
  const read = (name: string) => readFileSync(join(ktabDir, name), 'utf8');
  const params = () => parseKtabParameters(read('ktab_smp_dummyData_3Dim_ref_params.txt'));
  const checked = (text: string) =>
    text
      .split(/\r?\n/)
      .map((l) => l.trimEnd())
      .filter((l) => l.startsWith('Fractional change compared to first step') || l.includes(', prob :'));

  for (const name of ['dummyData_3Dim', 'SOE-Pol-Comp']) {
    it(`reproduces every checked line of ${name}`, () => {
      const issue = parseKtabCsv(read(`ktab_smp_${name}_input.csv`), `${name}.csv`);
      const run = runSmp(issue, params());
      const expected = checked(read(`ktab_smp_${name}_ref_checklines.txt`));
      expect(expected.length).toBeGreaterThan(10);
      expect(formatKtabLines(issue, run)).toEqual(expected);
    });
  }

  it('reproduces the position history of dummyData_3Dim', () => {
    const issue = parseKtabCsv(read('ktab_smp_dummyData_3Dim_input.csv'), 'dummy.csv');
    const run = runSmp(issue, params());
    const lines: string[] = [];
    run.actors.forEach((a, i) => {
      issue.dimensions.forEach((d, k) => {
        const values = run.states.map((s) => s.positions[i]![k]!.toFixed(1).padStart(5)).join(' ');
        lines.push(`${issue.actors[a]!.name}, ${d}: ${values}`);
      });
    });
    const expected = read('ktab_smp_dummyData_3Dim_ref_final_history.txt')
      .split(/\r?\n/)
      .map((l) => l.trimEnd())
      .filter((l) => /, Pstn\d:/.test(l));
    expect(lines).toEqual(expected);
  });
});
