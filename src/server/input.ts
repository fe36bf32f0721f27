/**
 * What a client may send, checked before anything runs or is stored: request bodies against zod
 * schemas (every problem named by its field), scenarios as text or by the name of a built-in one —
 * never a path — and the work a request may ask for, bounded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  builtinScenarioDir,
  builtinScenarioNames,
  InputError,
  loadScenario,
  type Problem,
  type Scenario,
} from '../index.js';

/** Most ticks one run may take (a year of hourly ticks is 8,760). */
export const MAX_TICKS = 20_000;
/** Most factions in a scenario the server runs. */
export const MAX_FACTIONS = 400;
/** Most seeds in one fidelity report. */
export const MAX_SEEDS = 1_000;

const issuePath = (path: readonly PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');

/** Validates a request body; throws an InputError naming each field that is wrong. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new InputError(
    result.error.issues.map((issue): Problem => ({
      code: issue.code,
      path: issuePath(issue.path),
      message: issue.message,
    })),
  );
}

/** A label for pasted text in error messages; never opened. */
const fileLabel = z
  .string()
  .regex(/^[\w.-]{1,80}$/, 'a file name without folders, e.g. my-world.yaml')
  .default('scenario.yaml');

/** A scenario named by a request: a built-in one by name, or pasted or uploaded text. */
export const scenarioSource = {
  scenario: z.string().max(200).optional(),
  text: z.string().max(2_000_000).optional(),
  file: fileLabel,
  variant: z.string().max(200).optional(),
};

export const sourceSchema = z.strictObject(scenarioSource);
export type ScenarioSource = z.output<typeof sourceSchema>;

/** Loads the scenario a request names; throws an InputError with located problems. */
export function scenarioFrom(source: ScenarioSource): Scenario {
  const options = source.variant === undefined ? {} : { variant: source.variant };
  if (source.text !== undefined) {
    if (source.scenario !== undefined)
      throw new InputError([
        { code: 'invalid', path: 'scenario', message: 'give either a scenario name or its text, not both' },
      ]);
    return bounded(loadScenario(source.text, source.file, options));
  }
  const name = source.scenario ?? 'delta-quadrant';
  const names = builtinScenarioNames();
  // Only a name from the list of built-in scenarios is read: a client never names a file.
  if (!names.includes(name))
    throw new InputError([
      {
        code: 'unknown-scenario',
        path: 'scenario',
        message: `no built-in scenario "${name}"`,
        hint: `built-in: ${names.join(', ')}; or send the scenario's text`,
      },
    ]);
  const file = `${name}.yaml`;
  return bounded(loadScenario(readFileSync(join(builtinScenarioDir(), file), 'utf8'), file, options));
}

/** Refuses scenarios whose runs would take more work than the server does for one request. */
function bounded(scenario: Scenario): Scenario {
  const { spec } = scenario;
  const ticks = Math.ceil(spec.duration / Math.max(1, spec.tick));
  const problems: Problem[] = [];
  if (ticks > MAX_TICKS)
    problems.push({
      code: 'too-large',
      file: scenario.file,
      path: 'duration',
      message: `a run would take ${ticks} ticks; the server runs at most ${MAX_TICKS}`,
      hint: 'shorten the duration or lengthen the tick, or run it with `alliances run`',
    });
  if (spec.factions.length > MAX_FACTIONS)
    problems.push({
      code: 'too-large',
      file: scenario.file,
      path: 'factions',
      message: `${spec.factions.length} factions; the server runs at most ${MAX_FACTIONS}`,
      hint: 'run it with `alliances run`',
    });
  if (problems.length > 0) throw new InputError(problems);
  return scenario;
}
