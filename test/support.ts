/**
 * Helpers shared by the engine's tests: the default scenario loaded once, and small worlds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinScenarioDir, DEFAULT_SCENARIO } from '../src/runner/builtin-scenarios.js';
import { loadScenario, type Scenario } from '../src/scenario/loader.js';

let cached: Scenario | undefined;

/** The default built-in scenario, loaded once. */
export function defaultScenario(): Scenario {
  cached ??= loadScenario(
    readFileSync(join(builtinScenarioDir(), `${DEFAULT_SCENARIO}.yaml`), 'utf8'),
    `scenarios/${DEFAULT_SCENARIO}.yaml`,
  );
  return cached;
}

/** A scenario from YAML text (for small hand-made worlds in tests). */
export function scenarioFrom(text: string): Scenario {
  return loadScenario(text, 'test.yaml');
}
