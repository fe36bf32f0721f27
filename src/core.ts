/**
 * The engine and the models, for any JavaScript platform (a game, a web page, a worker): nothing
 * here reads files, opens databases or starts threads. On Node, `src/index.ts` adds the store,
 * recording, built-in scenarios from disk and parallel sweeps. Kept platform-free by a test that
 * bundles this entry for the browser (test/core-bundle.test.ts).
 */
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
export { canonicalJson } from './common/canonical-json.js';
export { createSha256, type Sha256, type Sha256Factory, sha256Hex, useSha256 } from './common/sha256.js';
export * from './common/errors.js';
export { FORBIDDEN_KEYS, hasOwn, isForbiddenKey, pathProblem, protoKeyPaths } from './common/safe-path.js';
export { createRng, type Rng } from './common/random.js';
export * from './diplomacy/negotiation/index.js';
export { type ChronicleEntry, chronicleEntries, renderChronicle } from './engine/chronicle.js';
export { type EngineSettings, settingsOf } from './engine/settings.js';
export { resolveEngagement } from './engine/combat.js';
export { buildWorld } from './engine/initial-world.js';
export { logHash } from './engine/log-hash.js';
export {
  describeDue,
  dueOutcomes,
  type MilestoneResult,
  matchMilestone,
  matchMilestones,
} from './engine/milestones.js';
export {
  type DecisionContext,
  type DecisionMaker,
  type SimulationOptions,
  type SimulationResult,
  simulate,
} from './engine/simulation.js';
export { type RunSummary, renderSummary, summarize } from './engine/summary.js';
export {
  apply,
  consequencesOf,
  EVENT_TYPES,
  type EventDefinition,
  type EventOf,
  type EventPayload,
  type EventPayloadOf,
  type EventType,
  eventInputSchema,
  eventPayloadSchemas,
  fold,
  isEventType,
  type Names,
  namesOf,
  type Observers,
  observersOf,
  renderEvent,
  type WorldEvent,
  type WorldEventOf,
} from './events/index.js';
export * from './model/vocabulary.js';
export * from './model/ids.js';
export * from './model/intents.js';
export { worldViolations } from './model/invariants.js';
export * from './model/provision.js';
export * from './model/time.js';
export * from './model/world.js';
export * from './model/council.js';
export { DEFAULT_MAX_TICKS, type LoadOptions, loadScenario, type Scenario } from './scenario/loader.js';
export {
  type GenerateOptions,
  generateScenario,
  generateScenarioInput,
  MAX_GENERATED_DAYS,
  MAX_GENERATED_FACTIONS,
} from './scenario/generate.js';
export {
  type DueSpec,
  type IncoherenceSpec,
  type MilestoneSpec,
  type ScenarioSpec,
  scenarioSchema,
} from './scenario/schema.js';
export { type Explanation, explainEvent, renderExplanation } from './engine/explanation.js';
export { diffRuns, type RunDiff } from './engine/run-diff.js';
export { applyEdit, editProblems, parseEdit, type WorldEdit } from './engine/world-edit.js';
export {
  COHERENCE_MEASURES,
  type CoherenceMeasure,
  type CoherenceReport,
  coherenceReport,
  duplicateIntents,
  measureCoherence,
  repeatedDecisions,
  REVERSAL_WINDOW,
  type RunCoherence,
} from './agents/coherence.js';
export {
  type FidelityReport,
  fidelityReport,
  runFidelity,
  runSeed,
  type SeedOutcome,
} from './agents/fidelity.js';
export {
  CALL_CONDITIONS,
  type CallCondition,
  type CallGroup,
  type CallRecord,
  callRecords,
  conditionsOf,
  POWER_CHANGE_THRESHOLD,
  type PowerChange,
  powerChange,
  RELIABILITY_DAYS,
  type Reliability,
  reliabilityOf,
  type ReliabilityReport,
  reliabilityReport,
  type ReliabilitySeedOutcome,
  type ReliabilitySubject,
  reliabilityWorld,
  runReliabilitySeed,
} from './agents/reliability.js';
export {
  deliberate,
  type Deliberation,
  type Option,
  type Question,
  type Serves,
  stanceTerms,
} from './agents/deliberation.js';
export { assessThreat, type ThreatAssessment } from './agents/models/threat.js';
export { abandonment, prevails, strategicPull, strategicTerms } from './agents/models/strategy.js';
export { allianceValue } from './agents/models/alliances.js';
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
export { type TalksOffer, type TalksPoint, type TalksSpace, talksSpace } from './agents/talks-space.js';
