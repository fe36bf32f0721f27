/**
 * Built-in scenarios, shipped as YAML files in the project's `scenarios/` folder, and the
 * resolution of a scenario argument: a path to a file, or the name of a built-in scenario.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, NotFoundError } from '../common/errors.js';
import { readTextFile } from './input-file.js';
import { suggestionHint } from '../common/validate.js';
import { type LoadOptions, loadScenario, type Scenario } from '../scenario/loader.js';

export const DEFAULT_SCENARIO = 'delta-quadrant';

/** The `scenarios/` folder: found by walking up from this file (works from `src/` and `dist/src/`). */
export function builtinScenarioDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let guard = 0; guard < 8; guard++) {
    const candidate = join(dir, 'scenarios');
    if (existsSync(join(candidate, `${DEFAULT_SCENARIO}.yaml`))) return candidate;
    dir = dirname(dir);
  }
  return resolve('scenarios');
}

export function builtinScenarioNames(): string[] {
  const dir = builtinScenarioDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/**
 * Loads a scenario named by the user: an existing file path, or a built-in scenario's name
 * (default `delta-quadrant`). Throws an InputError for an invalid scenario or a file over the input
 * limit (`maxInputBytes`, default 10 MB), NotFoundError for none.
 */
export function resolveScenario(
  arg: string | undefined,
  options: LoadOptions & { readonly maxInputBytes?: number } = {},
): Scenario {
  const name = arg ?? DEFAULT_SCENARIO;
  if (existsSync(name) && statSync(name).isFile())
    return loadScenario(readTextFile(name, options.maxInputBytes), name, options);
  const builtins = builtinScenarioNames();
  if (builtins.includes(name)) {
    const file = join(builtinScenarioDir(), `${name}.yaml`);
    return loadScenario(readFileSync(file, 'utf8'), `scenarios/${name}.yaml`, options);
  }
  if (existsSync(name))
    throw new InputError([{ code: 'io', file: name, path: '', message: 'is not a file' }]);
  const hint = suggestionHint(name, builtins);
  throw new NotFoundError(`no scenario file or built-in scenario named "${name}"${hint ? ` (${hint})` : ''}`);
}
