/**
 * The analytic solvers: pure functions, usable without the engine. Time limits come in as a Budget.
 */

export {
  type BranchAndBoundOptions,
  branchAndBoundCsg,
  chooseDpSize,
} from './coalitions/branch-and-bound.js';
export {
  agentsOf,
  type CoalitionStructureResult,
  structureAgents,
  structureValue,
} from './coalitions/coalition-structure.js';
export { type CoalitionValues, MAX_AGENTS, parseCoalitionValues } from './coalitions/coalition-values.js';
export { dynamicProgrammingCsg } from './coalitions/dynamic-programming.js';
export { type BreakoutOptions, breakoutLocalSearch } from './landscape/breakout-local-search.js';
export { type ExactMaxCutOptions, exactMaxCut } from './landscape/exact-max-cut.js';
export {
  type CutSolution,
  createGraph,
  cutValue,
  graphFromMatrix,
  type WeightedEdge,
  type WeightedGraph,
} from './landscape/graph.js';
export { parseGset } from './landscape/gset.js';
export { type BlocSolution, exactMaxKCut } from './landscape/k-bloc.js';
export {
  type Alignment,
  type AlignmentOptions,
  allConfigurations,
  type Configuration,
  createLandscape,
  DEFAULT_EXACT_LIMIT,
  energy,
  frustrations,
  isLocalMinimum,
  type LandscapeInstance,
  landscapeGraph,
  MAX_BLOCS,
  MAX_ENUMERATED_ACTORS,
  predictAlignment,
  type RankedConfiguration,
} from './landscape/landscape.js';
export { parseLandscape } from './landscape/landscape-input.js';
export { type MaxCutAlgorithm, type MaxCutOptions, solveMaxCut } from './landscape/max-cut.js';
export { type TabuSearchOptions, tabuSearch } from './landscape/tabu-search.js';
export { type Fraction, fraction, fractionText, fractionValue } from './power/fraction.js';
export { parseVotingGame, type VotingGame } from './power/power-input.js';
export {
  exactShapley,
  MAX_EXACT_SHAPLEY_PLAYERS,
  type SamplingOptions,
  type ShapleyEstimate,
  type ShapleyOptions,
  sampledShapley,
  shapleyValue,
} from './power/shapley-value.js';
export {
  MAX_SIMPLE_GAME_PLAYERS,
  MAX_WEIGHTED_GAME_PLAYERS,
  type PlayerPower,
  type PowerIndex,
  powerFromSwings,
  type SimpleGame,
  simpleGamePower,
  simpleSwingsBySize,
  type WeightedGame,
  weightedGamePower,
  weightedSwingsBySize,
} from './power/voting-power.js';
