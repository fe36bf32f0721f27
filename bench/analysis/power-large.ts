/**
 * Exact power indices of large weighted games: 100 and 200 players with integer weights drawn in
 * 1…100 (seed 1), quota half the total weight plus one. Beyond 56 players the counts no longer fit
 * in doubles; they are computed modulo primes below 2^50 and rebuilt by the Chinese remainder
 * theorem (src/analysis/power/voting-power.ts). Goal: 200 players within seconds of CPU time (on a
 * shared machine the wall clock also counts the time others' work takes; on a quiet one they agree).
 */
import { createRng } from '../../src/common/random.js';
import { type WeightedGame, weightedGamePower } from '../../src/analysis/power/voting-power.js';
import type { Benchmark } from '../benchmark.js';
import { loadLine, machineLine } from './machine.js';

export function largeGame(players: number, seed = 1): WeightedGame {
  const rng = createRng(`power-large/${seed}`);
  const weights = Array.from({ length: players }, () => rng.int(1, 100));
  return {
    names: weights.map((_, i) => `p${i}`),
    weights,
    quota: Math.floor(weights.reduce((a, b) => a + b, 0) / 2) + 1,
  };
}

export const powerLargeBenchmark: Benchmark = {
  name: 'power-large',
  title: 'Exact power indices of weighted games of 100 and 200 players (weights 1–100)',
  async run({ json, params }) {
    const sizes = params?.players !== undefined ? [params.players] : [100, 200];
    const rows = sizes.map((players) => {
      const game = largeGame(players);
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      const power = weightedGamePower(game, 'both');
      const seconds = (performance.now() - t0) / 1000;
      const used = process.cpuUsage(cpu);
      return {
        players,
        quota: game.quota,
        seconds: Math.round(seconds * 1000) / 1000,
        cpuSeconds: Math.round((used.user + used.system) / 1000) / 1000,
        digits: power[0]!.shapleyShubik!.denominator.toString().length,
      };
    });
    if (!json) {
      process.stdout.write(
        `${machineLine()}\n\n| players | quota | seconds | CPU seconds | digits of the exact denominators | goal |\n|---|---|---|---|---|---|\n`,
      );
      for (const r of rows) {
        process.stdout.write(
          `| ${r.players} | ${r.quota} | ${r.seconds} | ${r.cpuSeconds} | ${r.digits} | ${r.players === 200 ? (r.cpuSeconds < 10 ? 'met (CPU time)' : 'not met') : ''} |\n`,
        );
      }
      process.stdout.write(`\nShapley–Shubik and Banzhaf, both exact. ${loadLine()}\n`);
    }
    return { machine: machineLine(), rows };
  },
};
