/**
 * `alliances validate FILE` and `alliances schema`: checking scenario files and printing the
 * scenario format as JSON Schema (for editors' completion and validation); `alliances generate`:
 * a synthetic scenario of many factions.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import {
  generateScenarioInput,
  MAX_GENERATED_DAYS,
  MAX_GENERATED_FACTIONS,
} from '../../scenario/generate.js';
import { DEFAULT_MAX_TICKS, loadScenario } from '../../scenario/loader.js';
import { parseMaxTicks } from './run-commands.js';
import { scenarioSchema } from '../../scenario/schema.js';
import { parseIntegerOption, printJson, readInputFile } from '../io.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description(
      'check a scenario file and each of its variants; prints "ok", or every problem with file:line:column (exit 2)',
    )
    .argument('<file>', 'scenario file (YAML or JSON)')
    .option(
      '--max-ticks <n>',
      `most ticks a run may take (default ${DEFAULT_MAX_TICKS.toLocaleString('en-US')})`,
    )
    .action((file: string, opts: { maxTicks?: string }) => {
      loadScenario(readInputFile(file), file, {
        checkVariants: true,
        maxTicks: parseMaxTicks(opts.maxTicks),
      });
      process.stdout.write('ok\n');
    });
}

/** The JSON Schema of the scenario format (input side: what a file may contain). */
export function scenarioJsonSchema(): z.core.JSONSchema.BaseSchema {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
}

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files')
    .action(() => {
      const schema = {
        ...scenarioJsonSchema(),
        title: 'Alliances scenario',
        $id: 'https://alliances.dev/scenario.schema.json',
      };
      process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
    });
}

/** A synthetic scenario of many factions (src/scenario/generate.ts), printed as JSON. */
export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description(
      'print a generated scenario of N factions on a grid with local relations, treaties, wars and raids (JSON)',
    )
    .option(
      '--factions <n>',
      `number of factions (2 to ${MAX_GENERATED_FACTIONS.toLocaleString('en-US')})`,
      '200',
    )
    .option('--days <d>', `simulated days the scenario lasts (1 to ${MAX_GENERATED_DAYS})`, '365')
    .option('--seed <n>', 'seed of the generator (the world drawn)', '1')
    .action((opts: { factions: string; days: string; seed: string }) => {
      const input = generateScenarioInput({
        factions: parseIntegerOption('--factions', opts.factions, 2),
        days: parseIntegerOption('--days', opts.days, 1),
        seed: parseIntegerOption('--seed', opts.seed, 0),
      });
      printJson(input);
    });
}
