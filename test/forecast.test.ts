import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forecast } from '../src/index.js';
import { runCli, sharedData, tempDir } from './cli-harness.js';

const ktab = join(sharedData, 'ktab');
const haveKtab = existsSync(join(ktab, 'ktab_smp_SOE-Pol-Comp_input.csv'));
const haveDeu = existsSync(join(sharedData, 'deu3', 'deu3.csv'));

const issueYaml = `name: Emissions
scale: [4, 10]
dimensions: [year]
actors:
  - {name: Netherlands, capability: 0.08, positions: [4], saliences: [80]}
  - {name: Belgium, capability: 0.08, positions: [7], saliences: [40]}
  - {name: France, capability: 0.16, positions: [10], saliences: [60]}
  - {name: UK, capability: 0.16, positions: [10], saliences: [90]}
  - {name: Denmark, capability: 0.05, positions: [4], saliences: [100]}
`;

function fixture(name: string, text: string): string {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}

describe('alliances forecast', () => {
  it('prints every model by default, with the rounds and offers of the expected-utility model', () => {
    const r = runCli(['forecast', fixture('issue.yaml', issueYaml)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Emissions: 5 actors, 1 dimension(s), scale 4–10');
    for (const model of ['eu', 'smp', 'mean', 'median', 'nbs', 'condorcet']) {
      expect(r.stdout).toMatch(new RegExp(`^${model} +\\d`, 'm'));
    }
    expect(r.stdout).toMatch(/round 0: \d+ offer\(s\), \d+ accepted/);
    expect(r.stdout).toContain('KTAB spatial model of politics (VictoryProbModel Linear');
  });

  it('prints JSON with the forecast per dimension', () => {
    const r = runCli(['forecast', fixture('issue.yaml', issueYaml), '--model', 'mean,eu', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.issue.actors).toEqual(['Netherlands', 'Belgium', 'France', 'UK', 'Denmark']);
    expect(out.models.map((m: { model: string }) => m.model)).toEqual(['mean', 'eu']);
    // (4·6.4 + 7·3.2 + 10·9.6 + 10·14.4 + 4·5) / 38.6
    expect(out.models[0].forecast.year).toBeCloseTo(
      (4 * 6.4 + 7 * 3.2 + 10 * 9.6 + 10 * 14.4 + 4 * 5) / 38.6,
      9,
    );
    expect(out.models[1].dimensions[0].rounds[0].offers.length).toBeGreaterThan(0);
  });

  it('takes the alternative readings as options', () => {
    const file = fixture('issue.yaml', issueYaml);
    const a = JSON.parse(runCli(['forecast', file, '--model', 'eu', '--json', '--eu', 'maxRounds=1']).stdout);
    const b = JSON.parse(
      runCli(['forecast', file, '--model', 'eu', '--json', '--eu', 'maxRounds=1', 'probability=all-pairs'])
        .stdout,
    );
    expect(a.models[0].parameters.probability).toBe('paper');
    expect(b.models[0].parameters.probability).toBe('all-pairs');
    const s = runCli(['forecast', file, '--model', 'smp', '--json', '--smp', 'VotingRule=Binary', 'seed=7']);
    expect(JSON.parse(s.stdout).models[0].parameters).toMatchObject({ votingRule: 'Binary', seed: '7' });
  });

  it('rejects bad options with exit code 2 and a hint', () => {
    const file = fixture('issue.yaml', issueYaml);
    const unknown = runCli(['forecast', file, '--model', 'smpp']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--model: unknown model "smpp" (did you mean "smp"?)');
    const ktabEu = runCli(['forecast', file, '--model', 'eu', '--format', 'ktab']);
    expect(ktabEu.status).toBe(2);
    expect(ktabEu.stderr).toContain('use --model smp');
    const badSmp = runCli(['forecast', file, '--smp', 'VotingRule=Majority']);
    expect(badSmp.status).toBe(2);
    expect(badSmp.stderr).toContain('valid: Binary, PropBin, Prop');
    const badEu = runCli(['forecast', file, '--eu', 'probabilty=net']);
    expect(badEu.stderr).toContain('did you mean "probability"?');
    expect(runCli(['forecast']).status).toBe(2);
    expect(runCli(['forecast', join(tempDir(), 'missing.csv')]).status).toBe(2);
  });

  it('reports a bad input file located, with exit code 2', () => {
    const bad = fixture('bad.csv', 'Demo,,2,1,\nActor,Description,Power,P,S,\nA,,1,150,10,\nB,,1,20,10,\n');
    const r = runCli(['forecast', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.csv:3:6 actors\[0\]\.positions\[0\]: position 150 is out of range/);
    const yaml = fixture(
      'bad.yaml',
      'actors:\n  - {name: A, capability: 1, positions: [1], saliences: [120]}\n',
    );
    const y = runCli(['forecast', yaml]);
    expect(y.status).toBe(2);
    expect(y.stderr).toMatch(
      /bad\.yaml:2:58 actors\[0\]\.saliences\[0\]: salience must be between 0 and 100/,
    );
  });
});

describe.skipIf(!haveKtab)('alliances forecast --format ktab', () => {
  it("prints KTAB's reference lines for SOE-Pol-Comp exactly", () => {
    const r = runCli([
      'forecast',
      join(ktab, 'ktab_smp_SOE-Pol-Comp_input.csv'),
      '--model',
      'smp',
      '--format',
      'ktab',
    ]);
    expect(r.status).toBe(0);
    const expected = readFileSync(join(ktab, 'ktab_smp_SOE-Pol-Comp_ref_checklines.txt'), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trimEnd())
      .filter((l) => l.length > 0);
    expect(r.stdout.trimEnd().split('\n')).toEqual(expected);
  });
});

describe.skipIf(!haveDeu)('alliances forecast --benchmark deu3', () => {
  // Several minutes of work on a shared machine: the limit only keeps a hung run from blocking the suite.
  it('scores every model on the 353 DEU III issues', { timeout: 600_000 }, () => {
    const r = runCli(['forecast', '--benchmark', 'deu3', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      issues: number;
      models: { name: string; capability: string; mae: number; chosen?: string }[];
    };
    expect(out.issues).toBe(353);
    const mae = (name: string, capability: string) =>
      out.models.find((m) => m.name === name && m.capability === capability)!.mae;
    expect(mae('mean', 'equal').toFixed(2)).toBe('23.68');
    expect(mae('mean', 'gdp').toFixed(2)).toBe('23.22');
    expect(mae('unweighted-median', 'none').toFixed(2)).toBe('28.42');
    for (const name of ['eu', 'smp']) {
      expect(mae(name, 'equal')).toBeGreaterThan(0);
      expect(mae(name, 'gdp')).toBeGreaterThan(0);
    }
    for (const m of out.models.filter((x) => x.name.endsWith('-cv'))) expect(m.chosen).toMatch(/folds/);
  });

  it('refuses an unknown benchmark', () => {
    const r = runCli(['forecast', '--benchmark', 'deu4']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('did you mean "deu3"?');
  });
});

describe('library API', () => {
  it('exposes the forecasting module as the namespace `forecast`', () => {
    const issue = forecast.parseForecastInput(issueYaml, 'issue.yaml');
    const results = forecast.forecastIssue(issue, ['mean', 'eu', 'smp']);
    expect(results.map((r) => r.model)).toEqual(['mean', 'eu', 'smp']);
    expect(results[0]!.forecast[0]).toBeCloseTo((4 * 6.4 + 7 * 3.2 + 10 * 9.6 + 10 * 14.4 + 4 * 5) / 38.6, 9);
    expect(typeof forecast.runDeuBenchmark).toBe('function');
  });
});
