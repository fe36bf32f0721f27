/**
 * `alliances bench NAME… [--json]`: the benchmarks of `npm run bench`, from the installed binary.
 * With `--json` and one benchmark, its result object alone; with several, an object by name.
 */
import type { Command } from 'commander';
import { benchmarks } from '../../../bench/index.js';
import { InputError } from '../../common/errors.js';
import { suggestionHint } from '../../common/validate.js';
import { parseIntegerOption, parseNumberOption, printJson } from '../io.js';

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description(`run benchmarks (${benchmarks.map((b) => b.name).join(', ') || 'none registered'})`)
    .argument('[names...]', 'benchmarks to run (default: all)')
    .option('--json', 'print the results as JSON')
    .option('--runs <n>', 'autonomous: number of runs (seeds 1…n)')
    .option('--days <d>', 'autonomous, scaling: simulated days per run')
    .option('--factions <n>', 'scaling: one size instead of the series 25, 50, 100, 200')
    .action(
      async (
        names: string[],
        options: { json?: boolean; runs?: string; days?: string; factions?: string },
      ) => {
        const params: Record<string, number> = {};
        if (options.runs !== undefined) params.runs = parseIntegerOption('--runs', options.runs, 1);
        if (options.days !== undefined) params.days = parseNumberOption('--days', options.days, 0);
        if (options.factions !== undefined)
          params.factions = parseIntegerOption('--factions', options.factions, 2);
        const known = benchmarks.map((b) => b.name);
        const unknown = names.filter((n) => !known.includes(n));
        if (unknown.length > 0) {
          throw new InputError(
            unknown.map((n) => ({
              code: 'unknown-benchmark',
              path: n,
              message: `unknown benchmark "${n}"`,
              hint: suggestionHint(n, known),
            })),
          );
        }
        const selected = names.length === 0 ? benchmarks : benchmarks.filter((b) => names.includes(b.name));
        const results: Record<string, unknown> = {};
        for (const bench of selected) {
          if (!options.json) process.stdout.write(`\n## ${bench.name}: ${bench.title}\n\n`);
          results[bench.name] = await bench.run({ json: options.json === true, params });
        }
        const [only, ...others] = selected;
        if (options.json) printJson(only !== undefined && others.length === 0 ? results[only.name] : results);
      },
    );
}
