/**
 * Running a scenario into the store, and checking a stored run: the library functions behind
 * `alliances run`, `replay` and `verify`.
 */
import { canonicalJson } from '../common/canonical-json.js';
import { logHash } from '../engine/log-hash.js';
import { runScenario } from '../agents/run.js';
import type { RunMode, SimulationOptions, SimulationResult } from '../engine/simulation.js';
import type { Minutes } from '../model/time.js';
import { loadScenario, type Scenario } from '../scenario/loader.js';
import type { RunRecord, Store } from './store.js';

export interface RecordedRun extends SimulationResult {
  readonly runId: number;
}

/** Simulates `scenario` and stores the run as it goes, one transaction per tick. */
export function recordRun(
  store: Store,
  scenario: Scenario,
  options: SimulationOptions & { storeOptions?: Record<string, unknown> },
): RecordedRun {
  const runId = store.createRun({
    scenario: scenario.spec.id,
    scenarioFile: scenario.file,
    scenarioText: scenario.text,
    seed: options.seed,
    mode: options.mode ?? 'scripted',
    options: options.storeOptions,
  });
  const result = runScenario(scenario, {
    ...options,
    onTick: (events, t) => {
      store.appendEvents(runId, events);
      options.onTick?.(events, t);
    },
  });
  store.completeRun(runId, result.hash);
  return { ...result, runId };
}

export interface Verification {
  readonly run: RunRecord;
  readonly storedHash: string;
  /** The hash of the events as stored (detects tampering with the table). */
  readonly recomputedStoredHash: string;
  /** The hash of a fresh simulation from the stored scenario text and seed. */
  readonly simulatedHash: string;
  readonly matches: boolean;
  /** The first seq where the stored and simulated logs differ, if they do. */
  readonly firstDifference: number | null;
}

/** Re-simulates a stored run from its stored scenario text, seed and mode and compares the logs. */
export function verifyRun(store: Store, run: RunRecord): Verification {
  const stored = store.events(run.id);
  const variant = typeof run.options.variant === 'string' ? run.options.variant : undefined;
  const scenario = loadScenario(run.scenarioText, run.scenarioFile, variant === undefined ? {} : { variant });
  const mode = run.mode as RunMode;
  const scriptUntil =
    typeof run.options.scriptUntil === 'number' ? (run.options.scriptUntil as Minutes) : undefined;
  const fresh = runScenario(scenario, { seed: run.seed, mode, scriptUntil });
  const recomputedStoredHash = logHash(stored);
  let firstDifference: number | null = null;
  const n = Math.max(stored.length, fresh.events.length);
  for (let i = 0; i < n; i++) {
    if (canonicalJson(stored[i] ?? null) !== canonicalJson(fresh.events[i] ?? null)) {
      firstDifference = i;
      break;
    }
  }
  const storedHash = run.hash ?? recomputedStoredHash;
  return {
    run,
    storedHash,
    recomputedStoredHash,
    simulatedHash: fresh.hash,
    matches: run.status === 'complete' && storedHash === fresh.hash && recomputedStoredHash === fresh.hash,
    firstDifference,
  };
}
