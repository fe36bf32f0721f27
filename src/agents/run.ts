/**
 * Running a scenario with the decision makers its mode calls for (see ./modes.ts): the library's
 * entry point for a complete run.
 */
import { type SimulationOptions, type SimulationResult, simulate } from '../engine/simulation.js';
import type { Scenario } from '../scenario/loader.js';
import { decisionMakersFor } from './modes.js';

export function runScenario(scenario: Scenario, options: SimulationOptions): SimulationResult {
  const mode = options.mode ?? 'scripted';
  return simulate(scenario, {
    ...options,
    mode,
    decisionMakers: options.decisionMakers ?? decisionMakersFor(mode, options.scriptUntil),
  });
}
