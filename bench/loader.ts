/**
 * Loading scenarios: parse, schema, references, milestones (and, for `validate`, every variant).
 * The built-in scenario as YAML, and a generated world of 200 factions as JSON (as `alliances
 * generate` prints it), each loaded repeatedly after a warm-up; the median and the CPU time per load.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinScenarioDir } from '../src/runner/builtin-scenarios.js';
import { generateScenarioInput } from '../src/scenario/generate.js';
import { type LoadOptions, loadScenario } from '../src/scenario/loader.js';
import { loadLine, machineLine, median } from './analysis/machine.js';
import type { Benchmark } from './benchmark.js';

const REPEATS = 20;

function measure(text: string, file: string, options: LoadOptions) {
  for (let i = 0; i < 3; i++) loadScenario(text, file, options);
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    loadScenario(text, file, options);
    times.push(performance.now() - t0);
  }
  const used = process.cpuUsage(cpu);
  return {
    medianMs: Math.round(median(times) * 10) / 10,
    cpuMsPerLoad: Math.round((used.user + used.system) / 1000 / REPEATS) / 1,
  };
}

export const loaderBenchmark: Benchmark = {
  name: 'loader',
  title: 'Loading scenarios: the built-in one (YAML) and a generated world of 200 factions (JSON)',
  async run({ json }) {
    const builtin = readFileSync(join(builtinScenarioDir(), 'delta-quadrant.yaml'), 'utf8');
    const generated = JSON.stringify(generateScenarioInput({ factions: 200, days: 365, seed: 1 }));
    const rows = [
      {
        what: 'delta-quadrant.yaml',
        kb: builtin.length / 1024,
        ...measure(builtin, 'delta-quadrant.yaml', {}),
      },
      {
        what: 'delta-quadrant.yaml, every variant checked (validate)',
        kb: builtin.length / 1024,
        ...measure(builtin, 'delta-quadrant.yaml', { checkVariants: true }),
      },
      {
        what: 'generated, 200 factions (JSON)',
        kb: generated.length / 1024,
        ...measure(generated, 'generated.json', {}),
      },
    ].map((r) => ({ ...r, kb: Math.round(r.kb) }));
    if (!json) {
      process.stdout.write(
        `${machineLine()}\n\n| scenario | size (kB) | median ms per load | CPU ms per load |\n|---|---|---|---|\n`,
      );
      for (const r of rows)
        process.stdout.write(`| ${r.what} | ${r.kb} | ${r.medianMs} | ${r.cpuMsPerLoad} |\n`);
      process.stdout.write(`\n${REPEATS} loads each after 3 to warm up. ${loadLine()}\n`);
    }
    return { machine: machineLine(), rows };
  },
};
