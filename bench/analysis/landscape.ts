/**
 * The exact two-bloc landscape search: the largest n solved within a second on random landscapes
 * (sizes uniform in [1, 10], propensities uniform in [−1, 1], seeds 1–3), which sets the default
 * exact limit. Each run is capped at 10 s.
 */
import { createLandscape, predictAlignment } from '../../src/analysis/landscape/landscape.js';
import { wallClockBudget } from '../../src/common/budget.js';
import { at } from '../../src/common/checked.js';
import { createRng } from '../../src/common/random.js';
import type { Benchmark } from '../benchmark.js';
import { loadLine, machineLine, median } from './machine.js';

export function randomLandscape(n: number, seed: number) {
  const rng = createRng(seed).split(`landscape-${n}`);
  const sizes = Array.from({ length: n }, () => 1 + 9 * rng.float());
  const p = Array.from({ length: n * n }, () => 2 * rng.float() - 1);
  return createLandscape(
    Array.from({ length: n }, (_, i) => `a${i}`),
    sizes,
    (i, j) => at(p, i * n + j, 'propensity'),
  );
}

export const landscapeBenchmark: Benchmark = {
  name: 'landscape',
  title: 'Exact two-bloc landscape search: time by number of actors (random landscapes)',
  async run({ json }) {
    const rows: { n: number; medianMs: number; solved: boolean }[] = [];
    if (!json)
      process.stdout.write(
        `${machineLine()}\n\n| actors | seed 1 (ms) | seed 2 (ms) | seed 3 (ms) | median (ms) |\n|---|---|---|---|---|\n`,
      );
    let largestWithinSecond = 0;
    for (let n = 10; n <= 80; n += 5) {
      const times: number[] = [];
      let solved = true;
      for (let seed = 1; seed <= 3; seed++) {
        const x = randomLandscape(n, seed);
        const t0 = performance.now();
        const r = predictAlignment(x, { exactLimit: n, budget: wallClockBudget(10) });
        times.push(performance.now() - t0);
        solved &&= r.exact;
      }
      const m = median(times);
      rows.push({ n, medianMs: m, solved });
      if (!json)
        process.stdout.write(
          `| ${n} | ${times.map((t) => t.toFixed(0)).join(' | ')} | ${solved ? m.toFixed(0) : '> 10 s'} |\n`,
        );
      if (solved && m <= 1000) largestWithinSecond = n;
      if (!solved || m > 1000) break;
    }
    if (!json)
      process.stdout.write(
        `\nLargest n solved exactly within a second (median): ${largestWithinSecond}. ${loadLine()}\n`,
      );
    return { machine: machineLine(), rows, largestWithinSecond };
  },
};
