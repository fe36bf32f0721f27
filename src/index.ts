/**
 * The library API of Alliances. The CLI and the server are thin shells over what is exported here.
 */

export { type ParallelTournamentOptions, runTournamentParallel } from './cli/tournament-runner.js';
export { type Budget, unlimitedBudget, wallClockBudget, workBudget } from './common/budget.js';
export { canonicalJson, sha256Hex } from './common/canonical-json.js';
export * from './common/errors.js';
export { createRng, type Rng } from './common/random.js';
export {
  createWorkerPool,
  defaultPoolSize,
  serveTasks,
  type WorkerPool,
  type WorkerPoolOptions,
  WorkerTaskError,
} from './common/worker-pool.js';
export * from './diplomacy/negotiation/index.js';
