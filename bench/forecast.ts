/**
 * Speed of the forecasting models: the expected-utility model and KTAB's SMP on 30 actors × 1
 * dimension to convergence, on the whole DEU III set, and on KTAB's two reference scenarios beside
 * the elapsed times KTAB's own 2017 reference logs report (C++, with its SQLite logging, on the
 * KTAB developers' machine: a reference, not a like-for-like comparison).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deuForecastIssue } from '../src/analysis/forecast/deu3.js';
import {
  type ForecastIssue,
  parseDeu3,
  parseKtabCsv,
  parseKtabParameters,
  runDeuBenchmark,
  runEuModel,
  runSmp,
} from '../src/analysis/forecast/index.js';
import { sharedDataDir } from '../src/runner/shared-data.js';
import { createRng } from '../src/common/random.js';
import type { Benchmark } from './benchmark.js';

interface Row {
  readonly case: string;
  readonly model: string;
  readonly runs: number;
  readonly rounds: string;
  readonly msPerRun: number;
  readonly reference?: string;
}

/** A seeded random issue: `n` actors on one dimension, capabilities 10–200, saliences 10–100. */
export function randomIssue(n: number, seed: string): ForecastIssue {
  const rng = createRng(seed);
  return {
    name: `random-${n}`,
    dimensions: ['x'],
    scale: [0, 100],
    actors: Array.from({ length: n }, (_, i) => ({
      name: `a${i}`,
      capability: 10 + 190 * rng.float(),
      positions: [100 * rng.float()],
      saliences: [10 + 90 * rng.float()],
    })),
  };
}

/** Median wall time in milliseconds of `repeat` calls. */
function time(repeat: number, fn: () => void): number {
  const times: number[] = [];
  for (let k = 0; k < repeat; k++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export const forecastBenchmark: Benchmark = {
  name: 'forecast',
  title: 'forecasting models: expected-utility model and KTAB SMP',
  async run({ json }) {
    const rows: Row[] = [];
    // 30 actors × 1 dimension, five seeded instances.
    for (const model of ['eu', 'smp'] as const) {
      const issues = [1, 2, 3, 4, 5].map((s) => randomIssue(30, `forecast-bench-${s}`));
      let rounds = 0;
      const ms = time(3, () => {
        rounds = 0;
        for (const issue of issues) {
          if (model === 'eu') rounds += runEuModel(issue).dimensions[0]!.rounds.length;
          else rounds += runSmp(issue).turns.length;
        }
      });
      rows.push({
        case: '30 actors × 1 dimension (5 seeded issues)',
        model,
        runs: issues.length,
        rounds: `${rounds / issues.length} per run`,
        msPerRun: ms / issues.length,
      });
    }

    const data = join(sharedDataDir(), 'ktab');
    const ktab: [string, string, number][] = [
      ['dummyData_3Dim', '7 actors × 3 dimensions', 160.9],
      ['SOE-Pol-Comp', '13 actors × 2 dimensions', 1209.2],
    ];
    for (const [name, shape, kTabMs] of ktab) {
      const file = join(data, `ktab_smp_${name}_input.csv`);
      if (!existsSync(file)) continue;
      const issue = parseKtabCsv(readFileSync(file, 'utf8'), file);
      const params = parseKtabParameters(
        readFileSync(join(data, 'ktab_smp_dummyData_3Dim_ref_params.txt'), 'utf8'),
      );
      let turns = 0;
      const ms = time(5, () => {
        turns = runSmp(issue, params).turns.length;
      });
      rows.push({
        case: `KTAB ${name} (${shape})`,
        model: 'smp',
        runs: 1,
        rounds: `${turns}`,
        msPerRun: ms,
        reference: `KTAB 2017 log: ${kTabMs} ms`,
      });
    }

    const deuFile = join(sharedDataDir(), 'deu3', 'deu3.csv');
    if (existsSync(deuFile)) {
      const deu = parseDeu3(readFileSync(deuFile, 'utf8'), deuFile);
      const issues = deu.issues.map((i) => deuForecastIssue(deu, i, 'gdp'));
      for (const model of ['eu', 'smp'] as const) {
        let rounds = 0;
        const ms = time(1, () => {
          for (const issue of issues) {
            if (model === 'eu') rounds += runEuModel(issue).dimensions[0]!.rounds.length;
            else rounds += runSmp(issue).turns.length;
          }
        });
        rows.push({
          case: `DEU III, all ${issues.length} issues (GDP capability)`,
          model,
          runs: issues.length,
          rounds: `${rounds} in all`,
          msPerRun: ms / issues.length,
          reference: `${(ms / 1000).toFixed(2)} s in all`,
        });
      }
      const ms = time(1, () => {
        runDeuBenchmark(deu);
      });
      rows.push({
        case: 'DEU III benchmark (every model and setting, cross-validated)',
        model: 'all',
        runs: 1,
        rounds: '',
        msPerRun: ms,
      });
    }

    if (json) return rows;
    const header = ['case', 'model', 'runs', 'rounds/turns', 'ms per run', 'reference'];
    const body = rows.map((r) => [
      r.case,
      r.model,
      String(r.runs),
      r.rounds,
      r.msPerRun.toFixed(1),
      r.reference ?? '',
    ]);
    const widths = header.map((h, c) => Math.max(h.length, ...body.map((b) => b[c]!.length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
    process.stdout.write(
      `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n')}\n`,
    );
    return rows;
  },
};
