/**
 * Exact Shapley–Shubik (and Banzhaf) indices of the US Electoral College (51 units, 538 votes,
 * quota 270) by generating functions, against a pure-Python big-integer DP (0.72 s) and numpy
 * (0.19 s) measured on this machine kind. Goal: exact, ≤ 20 ms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fractionText } from '../../src/analysis/power/fraction.js';
import { at } from '../../src/common/checked.js';
import { parseVotingGame } from '../../src/analysis/power/power-input.js';
import { type WeightedGame, weightedGamePower } from '../../src/analysis/power/voting-power.js';
import { projectRoot } from '../../src/runner/shared-data.js';
import type { Benchmark } from '../benchmark.js';
import { loadLine, machineLine, median } from './machine.js';

const REPEATS = 50;

export const powerBenchmark: Benchmark = {
  name: 'power',
  title: 'Exact power indices of the US Electoral College (51 units, quota 270)',
  async run({ json }) {
    const file = join(projectRoot, 'examples', 'analysis', 'us-electoral-college.yaml');
    const parsed = parseVotingGame(readFileSync(file, 'utf8'), file);
    const game = parsed.game as WeightedGame;
    const time = (index: 'shapley-shubik' | 'both'): { first: number; median: number; ca: string } => {
      const times: number[] = [];
      let ca = '';
      for (let i = 0; i < REPEATS; i++) {
        const t0 = performance.now();
        const p = weightedGamePower(game, index);
        times.push(performance.now() - t0);
        ca = fractionText(at(p, game.names.indexOf('CA'), 'unit').shapleyShubik!);
      }
      return { first: at(times, 0, 'time'), median: median(times), ca };
    };
    const ss = time('shapley-shubik');
    const both = time('both');
    const rows = [
      {
        what: 'Shapley–Shubik, exact',
        first: ss.first,
        median: ss.median,
        reference: '0.72 s (pure Python big-integer DP)',
      },
      {
        what: 'Shapley–Shubik + Banzhaf, exact',
        first: both.first,
        median: both.median,
        reference: '0.19 s (numpy, floating point)',
      },
    ];
    if (!json) {
      process.stdout.write(
        `${machineLine()}\n\n| computation | first call (ms) | median of ${REPEATS} (ms) | reference | goal ≤ 20 ms |\n|---|---|---|---|---|\n`,
      );
      for (const r of rows) {
        process.stdout.write(
          `| ${r.what} | ${r.first.toFixed(2)} | ${r.median.toFixed(2)} | ${r.reference} | ${r.first <= 20 ? 'met' : 'not met'} |\n`,
        );
      }
      process.stdout.write(`\nCalifornia's Shapley–Shubik index: ${ss.ca}. ${loadLine()}\n`);
    }
    return { machine: machineLine(), rows, california: ss.ca };
  },
};
