/**
 * The library API of Alliances. The CLI (and later the server) are thin shells over what is
 * exported here.
 */

export { type ParallelTournamentOptions, runTournamentParallel } from './cli/tournament-runner.js';
/**
 * Forecasting bargaining outcomes (expected-utility model, KTAB's SMP, baselines, DEU III benchmark),
 * as one namespace: `import { forecast } from 'alliances'; forecast.runSmp(issue)`.
 */
export * as forecast from './analysis/forecast/index.js';
export * from './analysis/index.js';
export {
  type Budget,
  spend,
  TimeLimitError,
  unlimitedBudget,
  wallClockBudget,
  workBudget,
} from './common/budget.js';
export {
  checkInputSize,
  DEFAULT_MAX_INPUT_BYTES,
  inputTooLarge,
  readTextFile,
  resolveConfigPath,
} from './common/input-file.js';
export { canonicalJson, sha256Hex } from './common/canonical-json.js';
export * from './common/errors.js';
export { FORBIDDEN_KEYS, hasOwn, isForbiddenKey, pathProblem, protoKeyPaths } from './common/safe-path.js';
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
export { type Names, namesOf, renderChronicle, renderEvent } from './engine/chronicle.js';
export { resolveEngagement } from './engine/combat.js';
export { buildWorld } from './engine/initial-world.js';
export { logHash } from './engine/log-hash.js';
export { type MilestoneResult, matchMilestone, matchMilestones } from './engine/milestones.js';
export { apply, fold } from './engine/reducer.js';
export {
  type DecisionContext,
  type DecisionMaker,
  type RunMode,
  type SimulationOptions,
  type SimulationResult,
  simulate,
} from './engine/simulation.js';
export { type RunSummary, renderSummary, summarize } from './engine/summary.js';
export * from './model/events.js';
export * from './model/ids.js';
export * from './model/intents.js';
export { worldViolations } from './model/invariants.js';
export * from './model/provision.js';
export * from './model/time.js';
export * from './model/world.js';
export { builtinScenarioNames, DEFAULT_SCENARIO, resolveScenario } from './scenario/builtin.js';
export { DEFAULT_MAX_TICKS, type LoadOptions, loadScenario, type Scenario } from './scenario/loader.js';
export {
  type GenerateOptions,
  generateScenario,
  generateScenarioInput,
  MAX_GENERATED_DAYS,
  MAX_GENERATED_FACTIONS,
} from './scenario/generate.js';
export { type MilestoneSpec, type ScenarioSpec, scenarioSchema } from './scenario/schema.js';
export {
  checkFork,
  type ForkOptions,
  forkRun,
  type Play,
  recordRun,
  scenarioOfRun,
  type Verification,
  verifyRun,
} from './store/recorder.js';
export { type Explanation, explainEvent, renderExplanation } from './engine/explanation.js';
export { diffRuns, type RunDiff } from './engine/run-diff.js';
export { applyEdit, editProblems, parseEdit, type WorldEdit } from './engine/world-edit.js';
export {
  type FidelityReport,
  fidelityReport,
  runFidelity,
  runSeed,
  type SeedOutcome,
} from './agents/fidelity.js';
export { type ParallelFidelityOptions, runFidelityParallel } from './cli/fidelity-runner.js';
export { deliberate, type Deliberation, type Option, type Question } from './agents/deliberation.js';
export { runScenario, type RunOptions } from './agents/run.js';
export {
  type ChoiceRequest,
  choiceProblem,
  type Player,
  type PresentedOption,
  type QuestionPut,
  type RecordedChoice,
  recordingPlayer,
  replayingPlayer,
} from './agents/players.js';
export { decisionMakersFor } from './agents/modes.js';
export {
  createLeaders,
  createNegotiators,
  type LeaderOptions,
  QUESTION_SOURCES,
  REVIEW_EVERY,
  startingAt,
} from './agents/leaders.js';
export { type Situation, situationOf } from './agents/situation.js';
export { FactionView } from './agents/view.js';
export { type RunRecord, resolveDbPath, Store, type StoreOpenOptions } from './store/store.js';
export { checkDatabase, type DatabaseCheck } from './store/check.js';
export { DamagedStoreError, type DatabaseFileKind, inspectDatabaseFile } from './store/database-file.js';
