/**
 * The library API of Alliances on Node: the platform-free engine and models (./core.ts), and the
 * store, recording, built-in scenarios and parallel sweeps (./runner/, ./store/). The CLI and the
 * server are thin shells over what is exported here. Importing it installs Node's native SHA-256
 * for run identities (the same digests as the portable one the core uses elsewhere).
 */
import { installNativeSha256 } from './runner/native-sha256.js';

installNativeSha256();

export * from './core.js';
export { type ParallelTournamentOptions, runTournamentParallel } from './runner/tournament.js';
export {
  createWorkerPool,
  defaultPoolSize,
  serveTasks,
  type WorkerPool,
  type WorkerPoolOptions,
  WorkerTaskError,
} from './runner/worker-pool.js';
export {
  builtinScenarioDir,
  builtinScenarioNames,
  DEFAULT_SCENARIO,
  resolveScenario,
} from './runner/builtin-scenarios.js';
export {
  checkFork,
  type ForkOptions,
  forkRun,
  type Play,
  recordRun,
  scenarioOfRun,
  type Verification,
  verifyRun,
} from './runner/recorder.js';
export { type ParallelFidelityOptions, runFidelityParallel } from './runner/fidelity.js';
export { type ParallelReliabilityOptions, runReliabilityParallel } from './runner/reliability.js';
export { type RunRecord, resolveDbPath, Store, type StoreOpenOptions } from './store/store.js';
export { checkDatabase, type DatabaseCheck } from './store/check.js';
export { DamagedStoreError, type DatabaseFileKind, inspectDatabaseFile } from './store/database-file.js';
export {
  checkInputSize,
  DEFAULT_MAX_INPUT_BYTES,
  inputTooLarge,
  readTextFile,
  resolveConfigPath,
} from './runner/input-file.js';
export { aboutRun } from './store/about.js';
