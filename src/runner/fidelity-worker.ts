/**
 * Worker thread of a parallel fidelity report: loads the scenario once from the shared input
 * (`workerData`), then runs the seeds it is given.
 */
import { runSeed, type SeedOutcome } from '../agents/fidelity.js';
import { installNativeSha256 } from './native-sha256.js';
import { serveTasks } from './worker-pool.js';
import { loadScenario, type Scenario } from '../scenario/loader.js';
import type { FidelityInput } from './fidelity.js';

installNativeSha256();

let scenario: Scenario | undefined;

serveTasks<readonly number[], SeedOutcome[], FidelityInput>((seeds, input) => {
  // The main thread checked the scenario, its length included.
  const maxTicks = Number.POSITIVE_INFINITY;
  const loaded = (scenario ??= loadScenario(
    input.text,
    input.file,
    input.variant === null ? { maxTicks } : { variant: input.variant, maxTicks },
  ));
  return seeds.map((seed) => runSeed(loaded, seed));
});
