/**
 * Max-Cut on the G-set: G1, G14, G22, G43 at 10 s per run, seeds 1–3, against MQLib's BURER2002
 * (C++) measured on this machine kind with the same budget, and the best-known cuts. `maxcut-all`
 * runs every G-set graph of the shared data once (seed 1) against the best-known table.
 * MAXCUT_SECONDS overrides the 10 s budget (for a quick look; the goal is stated at 10 s).
 */
import { readFileSync } from 'node:fs';
import { parseGset } from '../../src/analysis/landscape/gset.js';
import { solveMaxCut } from '../../src/analysis/landscape/max-cut.js';
import { sharedDataFile } from '../../src/runner/shared-data.js';
import { wallClockBudget } from '../../src/common/budget.js';
import { must } from '../../src/common/errors.js';
import type { Benchmark } from '../benchmark.js';
import { loadLine, machineLine } from './machine.js';

/** MQLib BURER2002, 10 s, seeds 1–3: best cut and time of last improvement (s). */
const BURER2002: Record<string, readonly [number, number][]> = {
  G1: [
    [11624, 1.4],
    [11624, 3.6],
    [11623, 1.1],
  ],
  G14: [
    [3057, 4.1],
    [3053, 0.6],
    [3060, 3.9],
  ],
  G22: [
    [13346, 0.2],
    [13340, 8.7],
    [13327, 9.6],
  ],
  G43: [
    [6658, 6.7],
    [6658, 0.8],
    [6658, 8.6],
  ],
};

function seconds(): number {
  const raw = process.env.MAXCUT_SECONDS;
  return raw ? Number(raw) : 10;
}

function bestKnown(): Map<string, number> {
  const text = readFileSync(sharedDataFile('gset', 'gset_bestknown_merged.csv'), 'utf8');
  const out = new Map<string, number>();
  for (const line of text.trim().split('\n').slice(1)) {
    const [graph, , , bls, newer] = line.split(',');
    // A split line always has a first field: the graph's name.
    out.set(must(graph, 'graph name'), Math.max(Number(bls), Number(newer)));
  }
  return out;
}

interface Run {
  readonly graph: string;
  readonly seed: number;
  readonly cut: number;
  readonly seconds: number;
}

function runOne(graph: string, seed: number, budgetSeconds: number): Run {
  const g = parseGset(readFileSync(sharedDataFile('gset', `${graph}.txt`), 'utf8'), `${graph}.txt`);
  const r = solveMaxCut(g, { seed, budget: wallClockBudget(budgetSeconds) });
  return { graph, seed, cut: r.cut, seconds: r.secondsToBest };
}

export const maxCutBenchmark: Benchmark = {
  name: 'maxcut',
  title: 'Max-Cut (tabu search) on G1, G14, G22, G43, 10 s per run, seeds 1–3, vs MQLib BURER2002',
  async run({ json }) {
    const budget = seconds();
    const known = bestKnown();
    if (!json) process.stdout.write(`${machineLine()}\n\n`);
    const rows: unknown[] = [];
    if (!json) {
      process.stdout.write(
        '| graph | seed 1 | seed 2 | seed 3 | best of 3 | BURER2002 best of 3 | best known | goal |\n|---|---|---|---|---|---|---|---|\n',
      );
    }
    for (const [graph, burer] of Object.entries(BURER2002)) {
      const runs = [1, 2, 3].map((seed) => runOne(graph, seed, budget));
      const best = Math.max(...runs.map((r) => r.cut));
      const reference = Math.max(...burer.map(([c]) => c));
      const bk = known.get(graph) ?? Number.NaN;
      const needsBestKnown = graph === 'G1' || graph === 'G43';
      const met = best >= reference && (!needsBestKnown || best >= bk);
      rows.push({ graph, runs, best, reference, bestKnown: bk, met });
      if (!json) {
        const cells = runs.map((r) => `${r.cut} / ${r.seconds.toFixed(1)} s`);
        process.stdout.write(
          `| ${graph} | ${cells.join(' | ')} | ${best} | ${reference} | ${bk} | ${met ? 'met' : 'not met'} |\n`,
        );
      }
    }
    if (!json)
      process.stdout.write(
        `\n${budget} s per run; cells are best cut / time of last improvement. ${loadLine()}\n`,
      );
    return { budgetSeconds: budget, machine: machineLine(), rows };
  },
};

export const maxCutAllBenchmark: Benchmark = {
  name: 'maxcut-all',
  title: 'Max-Cut (tabu search) on every G-set graph of the shared data, 10 s, seed 1, vs best known',
  async run({ json }) {
    const budget = seconds();
    const known = bestKnown();
    const graphs = [...known.keys()].filter((g) => {
      try {
        sharedDataFile('gset', `${g}.txt`);
        return true;
      } catch {
        return false;
      }
    });
    if (!json) {
      process.stdout.write(
        `${machineLine()}\n\n| graph | n | m | cut | time (s) | best known | gap | gap % |\n|---|---|---|---|---|---|---|---|\n`,
      );
    }
    const rows: { graph: string; cut: number; bestKnown: number }[] = [];
    for (const graph of graphs) {
      const g = parseGset(readFileSync(sharedDataFile('gset', `${graph}.txt`), 'utf8'), `${graph}.txt`);
      const r = solveMaxCut(g, { seed: 1, budget: wallClockBudget(budget) });
      const bk = known.get(graph)!;
      rows.push({ graph, cut: r.cut, bestKnown: bk });
      if (!json) {
        const gap = bk - r.cut;
        process.stdout.write(
          `| ${graph} | ${g.nodes} | ${g.edgeCount} | ${r.cut} | ${r.secondsToBest.toFixed(1)} | ${bk} | ${gap} | ${((100 * gap) / Math.abs(bk)).toFixed(2)} |\n`,
        );
      }
    }
    const reached = rows.filter((r) => r.cut >= r.bestKnown).length;
    const meanGap =
      rows.reduce((a, r) => a + (100 * (r.bestKnown - r.cut)) / Math.abs(r.bestKnown), 0) / rows.length;
    if (!json) {
      process.stdout.write(
        `\n${reached} of ${rows.length} graphs at the best-known cut; mean gap ${meanGap.toFixed(3)}%. ${budget} s per graph. ${loadLine()}\n`,
      );
    }
    return { budgetSeconds: budget, machine: machineLine(), rows, reached, meanGapPercent: meanGap };
  },
};
