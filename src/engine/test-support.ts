/**
 * Helpers shared by the engine's tests: the default scenario loaded once, and small worlds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinScenarioDir } from '../scenario/builtin.js';
import { loadScenario, type Scenario } from '../scenario/loader.js';

let cached: Scenario | undefined;

/** The built-in delta-quadrant scenario. */
export function deltaQuadrant(): Scenario {
  cached ??= loadScenario(
    readFileSync(join(builtinScenarioDir(), 'delta-quadrant.yaml'), 'utf8'),
    'scenarios/delta-quadrant.yaml',
  );
  return cached;
}

/** A scenario from YAML text (for small hand-made worlds in tests). */
export function scenarioFrom(text: string): Scenario {
  return loadScenario(text, 'test.yaml');
}
