/**
 * Optimal coalition structures on UNIFORM instances (n = 20 and 22, seeds 1–5, from the shared
 * generator) against the published Java ODP-IP on this machine kind (two threads, one JVM per
 * instance): same optimal values, median time. Instance generation is excluded; each instance is
 * solved in a fresh Node process; reading the file is timed separately. CSG_DP=1 adds the DP
 * reference at n = 20 (seed 1).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDataFile } from '../../src/runner/shared-data.js';
import type { Benchmark } from '../benchmark.js';
import { loadLine, machineLine, median } from './machine.js';

interface Reference {
  readonly ms: number;
  readonly value: number;
}

function references(): Map<string, Reference> {
  const out = new Map<string, Reference>();
  const text = readFileSync(sharedDataFile('csg', 'odpip_reference.csv'), 'utf8');
  for (const line of text.trim().split('\n').slice(1)) {
    const [n, , solver, seed, , ms, value] = line.split(',');
    out.set(`${solver}:${n}:${seed}`, { ms: Number(ms), value: Number(value) });
  }
  return out;
}

interface Solved {
  readonly value: number;
  readonly optimal: boolean;
  readonly readMs: number;
  readonly solveMs: number;
  readonly maxRssMB: number;
}

export const csgBenchmark: Benchmark = {
  name: 'csg',
  title: 'Optimal coalition structures, UNIFORM n = 20 and 22, seeds 1–5, vs Java ODP-IP',
  async run({ json }) {
    const refs = references();
    const generator = sharedDataFile('csg', 'csg_uniform_gen.mjs');
    const solver = join(dirname(fileURLToPath(import.meta.url)), 'csg-solve.js');
    const dir = mkdtempSync(join(tmpdir(), 'alliances-csg-'));
    const sizes = [20, 22];
    const result: unknown[] = [];
    if (!json) {
      process.stdout.write(
        `${machineLine()}\n\n| n | seed | value | ODP-IP value | same | read (ms) | solve (ms) | ODP-IP (ms) | peak RSS (MB) |\n|---|---|---|---|---|---|---|---|---|\n`,
      );
    }
    const solve = (file: string, algorithm: string): Solved =>
      JSON.parse(
        execFileSync(process.execPath, [solver, file, algorithm], { encoding: 'utf8', maxBuffer: 1 << 20 }),
      ) as Solved;
    try {
      for (const n of sizes) {
        const times: number[] = [];
        const refTimes: number[] = [];
        let allSame = true;
        let peak = 0;
        for (let seed = 1; seed <= 5; seed++) {
          const file = join(dir, `uniform-${n}-${seed}.txt`);
          execFileSync(process.execPath, [generator, String(n), String(seed), file]);
          const r = solve(file, 'bnb');
          rmSync(file);
          const ref = refs.get(`ODPIP:${n}:${seed}`);
          const same = ref !== undefined && ref.value === r.value && r.optimal;
          allSame &&= same;
          times.push(r.solveMs);
          if (ref) refTimes.push(ref.ms);
          peak = Math.max(peak, r.maxRssMB);
          result.push({ n, seed, ...r, reference: ref });
          if (!json) {
            process.stdout.write(
              `| ${n} | ${seed} | ${r.value} | ${ref?.value ?? '—'} | ${same ? 'yes' : 'NO'} | ${r.readMs.toFixed(0)} | ${r.solveMs.toFixed(0)} | ${ref?.ms.toFixed(0) ?? '—'} | ${r.maxRssMB.toFixed(0)} |\n`,
            );
          }
        }
        const mine = median(times);
        const theirs = median(refTimes);
        result.push({ n, medianSolveMs: mine, referenceMedianMs: theirs, allSame, peakRssMB: peak });
        if (!json) {
          process.stdout.write(
            `| **${n}** | **median** | | | ${allSame ? 'all' : 'NOT all'} | | **${mine.toFixed(0)}** | **${theirs.toFixed(0)}** | ${peak.toFixed(0)} |\n`,
          );
        }
      }
      if (process.env.CSG_DP === '1') {
        const file = join(dir, 'uniform-20-1.txt');
        execFileSync(process.execPath, [generator, '20', '1', file]);
        const r = solve(file, 'dp');
        const ref = refs.get('DP:20:1');
        result.push({ n: 20, seed: 1, algorithm: 'dp', ...r, reference: ref });
        if (!json) {
          process.stdout.write(
            `| 20 | 1 (DP) | ${r.value} | ${ref?.value ?? '—'} | ${ref?.value === r.value ? 'yes' : 'NO'} | ${r.readMs.toFixed(0)} | ${r.solveMs.toFixed(0)} | ${ref?.ms.toFixed(0) ?? '—'} (Java DP) | ${r.maxRssMB.toFixed(0)} |\n`,
          );
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    if (!json) process.stdout.write(`\nSolve time excludes reading the file (read column). ${loadLine()}\n`);
    return { machine: machineLine(), rows: result };
  },
};
