/**
 * Running a scenario with the decision makers its mode calls for (see ./modes.ts): the library's
 * entry point for a complete run.
 */
import { type SimulationOptions, type SimulationResult, simulate } from '../engine/simulation.js';
import type { Scenario } from '../scenario/loader.js';
import type { LeaderOptions } from './leaders.js';
import { decisionMakersFor } from './modes.js';

export interface RunOptions extends SimulationOptions {
  /** Players in the seat of some factions' leaders (autonomous and mixed modes; ./players.ts). */
  readonly players?: LeaderOptions['players'];
}

export function runScenario(scenario: Scenario, options: RunOptions): SimulationResult {
  const mode = options.mode ?? 'scripted';
  return simulate(scenario, {
    ...options,
    mode,
    decisionMakers: options.decisionMakers ?? decisionMakersFor(mode, options.scriptUntil, options.players),
  });
}
