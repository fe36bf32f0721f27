/**
 * KTAB's spatial model of politics (SMP): the bargaining model of KAPSARC's Knowledge and Tools for
 * Analysing Bargaining (Wise, Lester et al., 2015–2017; `examples/smp` of the KTAB sources, reference
 * runs of 30 May 2017). Actors hold positions in a space of one or more dimensions. Each turn:
 *
 * 1. Utilities. Actor i values actor j's position by the salience-weighted distance d_ij from its
 *    ideal point, u = (1 − d)(1 + d·R), with a risk attitude R inferred from how likely its own
 *    position is to prevail in a probabilistic Condorcet election among all positions (`BigRRange`);
 *    actor h estimates i's attitude as a blend of its own and i's (`BigRAdjust`).
 * 2. Challenges. Each actor i estimates, for every j, the probability that i would defeat j once
 *    third parties have joined the side they expect to serve them best (`ThirdPartyCommit`,
 *    `VotingRule`), and the expected gain of challenging j, which j resists with probability equal
 *    to its total salience. It targets the j of largest gain, if that gain is positive.
 * 3. Bargains. The challenge is settled by a bargain interpolated between the two positions, each
 *    coordinate weighted by salience and victory probability (`InterVecBrgn`), from the
 *    initiator's view, the receiver's, or a power-weighted compromise (`BargnModel`).
 * 4. State transition. Every actor considers the bargains it is part of (and keeping its position);
 *    a probabilistic Condorcet election among them by all actors picks the most likely one
 *    (`StateTransitions`: Deterministic) or draws one (Stochastic, with KTAB's generator).
 *
 * The run stops when the total movement of a turn falls below `minDeltaRatio` of the first turn's
 * movement (after at least `minIterations` turns) or after `maxIterations` turns, as KTAB's
 * `smpStopFn`. Ideal points track positions (KTAB's CSV reader uses the identity accommodation
 * matrix). Positions are normalised to [0, 1] and saliences to fractions internally, as in KTAB.
 */

import { type Budget, spend } from '../../common/budget.js';
import { at, missing } from '../../common/checked.js';
import { invariant } from '../../common/errors.js';
import {
  type BigRAdjust,
  type BigRRange,
  bigRFromProbabilities,
  coalitions,
  distanceUtility,
  estimatedRisk,
  littleVictoryProbability,
  type PceModel,
  probabilisticCondorcet,
  SquareMatrix,
  scalarPce,
  sumOf,
  type ThirdPartyCommit,
  thirdPartyVote,
  type VictoryProbModel,
  type VotingRule,
  vote,
  weightedDistance,
} from './ktab-kernel.js';
import { KTAB_DEFAULT_SEED, KtabPrng } from './ktab-prng.js';
import type { ForecastIssue } from './types.js';

export const STATE_TRANSITIONS = ['Deterministic', 'Stochastic'] as const;
export type StateTransitions = (typeof STATE_TRANSITIONS)[number];
export const INTER_VEC_BRGNS = ['S1P1', 'S2P2', 'S2PMax'] as const;
export type InterVecBrgn = (typeof INTER_VEC_BRGNS)[number];
export const BARGN_MODELS = ['InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'] as const;
export type BargnModel = (typeof BARGN_MODELS)[number];

/** The SMP's parameters, named as KTAB names them (camel-cased), with KTAB's defaults. */
export interface SmpParameters {
  readonly victoryProbModel: VictoryProbModel;
  readonly votingRule: VotingRule;
  readonly pceModel: PceModel;
  readonly stateTransitions: StateTransitions;
  readonly bigRRange: BigRRange;
  readonly bigRAdjust: BigRAdjust;
  readonly thirdPartyCommit: ThirdPartyCommit;
  readonly interVecBrgn: InterVecBrgn;
  readonly bargnModel: BargnModel;
  /** Seed of KTAB's generator; used only by stochastic state transitions. */
  readonly seed: bigint;
  /** Stopping rule of KTAB's `configExec`. */
  readonly minIterations: number;
  readonly maxIterations: number;
  readonly minDeltaRatio: number;
  readonly minSigDelta: number;
  /** Positions closer than this (Euclidean, on the unit scale) are the same position. */
  readonly positionTolerance: number;
  /**
   * The order actors are processed in. KTAB uses the file's order, which breaks ties (the first of
   * equally good targets, the representative of positions closer than `positionTolerance`);
   * `canonical` processes them sorted by position, capability and salience, so that the forecast does
   * not depend on the order the actors were listed in. Results are reported in the issue's order.
   */
  readonly actorOrder: 'canonical' | 'input';
}

export const DEFAULT_SMP_PARAMETERS: SmpParameters = {
  victoryProbModel: 'Linear',
  votingRule: 'Prop',
  pceModel: 'Conditional',
  stateTransitions: 'Deterministic',
  bigRRange: 'Mid',
  bigRAdjust: 'OneThird',
  thirdPartyCommit: 'SemiCommit',
  interVecBrgn: 'S2P2',
  bargnModel: 'InitOnlyInterp',
  seed: KTAB_DEFAULT_SEED,
  minIterations: 2,
  maxIterations: 100,
  minDeltaRatio: 0.02,
  minSigDelta: 1e-4,
  positionTolerance: 1e-3,
  actorOrder: 'canonical',
};

/** A bargain between an initiator and a receiver: the positions each would adopt. */
export interface SmpBargain {
  readonly id: number;
  readonly initiator: number;
  readonly receiver: number;
  /** On the issue's scale. */
  readonly initiatorPosition: readonly number[];
  readonly receiverPosition: readonly number[];
}

/** Actor i's best challenge in a turn. */
export interface SmpChallenge {
  readonly initiator: number;
  readonly target: number;
  /** i's estimate of the probability that it defeats the target. */
  readonly probability: number;
  /** i's expected gain from the challenge, versus the status quo. */
  readonly expectedGain: number;
}

export interface SmpChoice {
  readonly actor: number;
  /** Ids of the bargains the actor considered, in order; the first is keeping its position. */
  readonly bargains: readonly number[];
  readonly probabilities: readonly number[];
  readonly chosen: number;
}

export interface SmpState {
  /** Positions on the issue's scale, one array per actor. */
  readonly positions: readonly (readonly number[])[];
  /** Inferred risk attitudes R_i. */
  readonly risk: readonly number[];
  /** Probability that each actor's position prevails (KTAB's `<actor>, prob` history). */
  readonly probabilities: readonly number[];
  /** Representative actor of each distinct position, and the probability of each. */
  readonly distinct: readonly number[];
  readonly distinctProbabilities: readonly number[];
}

export interface SmpTurn {
  readonly challenges: readonly SmpChallenge[];
  readonly bargains: readonly SmpBargain[];
  readonly choices: readonly SmpChoice[];
}

export interface SmpRun {
  readonly parameters: SmpParameters;
  /** The actors taking part, as indices into the issue's actors. */
  readonly actors: readonly number[];
  readonly states: readonly SmpState[];
  readonly turns: readonly SmpTurn[];
  /** Per turn, the movement of the turn over the first turn's (KTAB's "Fractional change"). */
  readonly fractionalChanges: readonly number[];
  readonly converged: boolean;
  /** Per dimension: the expected outcome, Σ over distinct final positions of probability × position. */
  readonly forecast: readonly number[];
  /** Per dimension: the most probable final position. */
  readonly mostProbable: readonly number[];
}

interface Actor {
  readonly capability: number;
  /** Saliences as fractions. */
  readonly saliences: Float64Array;
  readonly totalSalience: number;
}

/** One turn's derived quantities: distances, risk attitudes, distinct positions. */
class Snapshot {
  readonly n: number;
  /** d(i, j): distance of j's position from i's ideal, weighted by i's saliences. */
  readonly distance: SquareMatrix;
  /** Risk attitudes. */
  readonly risk: number[];
  /** estRisk(h, i): h's estimate of i's risk attitude. */
  readonly estRisk: SquareMatrix;
  readonly distinct: number[];

  constructor(
    readonly actors: readonly Actor[],
    readonly positions: readonly Float64Array[],
    readonly ideals: readonly Float64Array[],
    readonly params: SmpParameters,
  ) {
    const n = actors.length;
    this.n = n;
    this.distance = new SquareMatrix(n);
    for (let i = 0; i < n; i++) {
      const ideal = ideals[i] ?? missing();
      const saliences = (actors[i] ?? missing()).saliences;
      for (let j = 0; j < n; j++)
        this.distance.set(i, j, weightedDistance(ideal, positions[j] ?? missing(), saliences));
    }
    // Risk attitudes from the probability that each (risk-neutral) position prevails; coalitions
    // are weighted by raw capability (KTAB `SMPState::setAllAUtil`).
    const neutral = (i: number, j: number) => distanceUtility(this.distance.get(i, j), 0);
    const c = coalitions(
      (k, i, j) => vote(params.votingRule, (actors[k] ?? missing()).capability, neutral(k, i), neutral(k, j)),
      n,
      n,
    );
    const { p } = probabilisticCondorcet(params.pceModel, params.victoryProbModel, c);
    this.risk = bigRFromProbabilities(p, params.bigRRange);
    this.estRisk = new SquareMatrix(n);
    this.risk.forEach((rh, h) => {
      this.risk.forEach((ri, i) => this.estRisk.set(h, i, estimatedRisk(rh, ri, params.bigRAdjust)));
    });
    this.distinct = [];
    for (let i = 0; i < n; i++) {
      if (!this.distinct.some((k) => this.same(i, k))) this.distinct.push(i);
    }
  }

  /** h's estimate of the utility to i of j's position (KTAB `aUtil[h](i, j)`). */
  utility(h: number, i: number, j: number): number {
    return distanceUtility(this.distance.get(i, j), this.estRisk.get(h, i));
  }

  /** h's estimates of every actor's utility of every position, row-major (a · n + b). */
  view(h: number): Float64Array {
    const n = this.n;
    const out = new Float64Array(n * n);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) out[a * n + b] = this.utility(h, a, b);
    return out;
  }

  /** The utility to actor i of an arbitrary position, with i's own risk attitude. */
  positionUtility(i: number, position: Float64Array): number {
    const d = weightedDistance(
      this.ideals[i] ?? missing(),
      position,
      (this.actors[i] ?? missing()).saliences,
    );
    return distanceUtility(d, this.risk[i] ?? missing());
  }

  same(i: number, j: number): boolean {
    return (
      norm(this.positions[i] ?? missing(), this.positions[j] ?? missing()) < this.params.positionTolerance
    );
  }

  /** The probability that each distinct position prevails, every actor from its own view. */
  distinctProbabilities(): number[] {
    const w = this.actors.map((a) => a.capability);
    const d = this.distinct;
    return scalarPce(
      this.n,
      d.length,
      w,
      (k, m) => this.utility(k, k, d[m] ?? missing()),
      this.params.votingRule,
      this.params.victoryProbModel,
      this.params.pceModel,
    );
  }

  /**
   * h's estimate of the probability that i defeats j, and of the expected gain to k of i
   * challenging j versus the status quo (KTAB `SMPState::probEduChlg`). The principals contribute
   * their own votes; each third party joins the side it expects to serve it best; j resists with
   * probability equal to its total salience, otherwise concedes.
   */
  challenge(h: number, k: number, i: number, j: number, view = this.view(h)): [number, number] {
    const { votingRule: rule, thirdPartyCommit: commit } = this.params;
    const n = this.n;
    // view[a·n + b]: h's estimate of the utility to a of b's position.
    const u = (a: number, b: number) => view[a * n + b] ?? missing();
    const ai = this.actors[i] ?? missing();
    const aj = this.actors[j] ?? missing();
    const euSQ = u(k, i) + u(k, j);
    const uVictory = u(k, i) + u(k, i);
    const uDefeat = u(k, j) + u(k, j);
    const contribI = vote(rule, ai.totalSalience * ai.capability, u(i, i), u(i, j));
    const contribJ = vote(rule, aj.totalSalience * aj.capability, u(j, i), u(j, j));
    let cij = 1e-10;
    let cji = 1e-10;
    if (contribI > 0) cij += contribI;
    if (contribI < 0) cji -= contribI;
    if (contribJ > 0) cij += contribJ;
    if (contribJ < 0) cji -= contribJ;
    const principalsI = cij;
    const principalsJ = cji;
    for (let m = 0; m < n; m++) {
      if (m === i || m === j) continue;
      const am = this.actors[m] ?? missing();
      const wn = am.totalSalience * am.capability;
      const uni = u(m, i);
      const unj = u(m, j);
      const unn = u(m, m);
      const pin = littleVictoryProbability(rule, wn, uni, unj, principalsI, principalsJ);
      const v = thirdPartyVote(wn, rule, commit, pin, 1 - pin, uni, unj, unn);
      if (v > 0) cij += v;
      if (v < 0) cji -= v;
    }
    const pij = cij / (cij + cji);
    const pji = cji / (cij + cji);
    const contest = pij * uVictory + pji * uDefeat;
    const expected = (1 - aj.totalSalience) * uVictory + aj.totalSalience * contest;
    return [pij, expected - euSQ];
  }
}

function norm(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) {
    const d = (a[k] ?? missing()) - (b[k] ?? missing());
    s += d * d;
  }
  return Math.sqrt(s);
}

/** KTAB rounds interpolated bargains to four decimals to avoid spurious asymmetry and precision. */
function round4(x: number): number {
  return Math.trunc(0.5 + x * 10000) / 10000;
}

/**
 * The bargain positions of i and j on one coordinate (KTAB `interpBrgnSnPm` / `interpBrgnS2PMax`).
 * SnPm weights each side's position by salience^n × victory probability^m; the tiny extra weight on
 * i keeps the result defined when neither side cares. S2PMax moves only the likelier loser, by its
 * probability deficit, weighted by squared saliences.
 */
function interpolateCoordinate(
  mode: InterVecBrgn,
  ti: number,
  si: number,
  pi: number,
  tj: number,
  sj: number,
  pj: number,
): [number, number] {
  const minW = 1e-6;
  if (mode === 'S2PMax') {
    const di = pj > pi ? pj - pi : 0;
    const dj = pi > pj ? pi - pj : 0;
    const si2 = si * si;
    const sj2 = sj * sj;
    const dik = (di * sj2) / (di * sj2 + minW + (1 - di) * si2);
    const djk = (dj * si2) / (dj * si2 + minW + (1 - dj) * sj2);
    return [ti + dik * (tj - ti), tj + djk * (ti - tj)];
  }
  const power = mode === 'S1P1' ? 1 : 2;
  const wi = si ** power * pi ** power;
  const wj = sj ** power * pj ** power;
  const bi = round4(((wi + minW) * ti + wj * tj) / (wi + minW + wj));
  const bj = round4((wi * ti + (minW + wj) * tj) / (wi + minW + wj));
  return [bi, bj];
}

interface InternalBargain {
  readonly id: number;
  readonly initiator: number;
  readonly receiver: number;
  readonly initiatorPosition: Float64Array;
  readonly receiverPosition: Float64Array;
}

function interpolateBargain(
  id: number,
  actors: readonly Actor[],
  i: number,
  j: number,
  posI: Float64Array,
  posJ: Float64Array,
  probI: number,
  probJ: number,
  mode: InterVecBrgn,
): InternalBargain {
  const nd = posI.length;
  const bi = new Float64Array(nd);
  const bj = new Float64Array(nd);
  for (let k = 0; k < nd; k++) {
    const [x, y] = interpolateCoordinate(
      mode,
      posI[k] ?? missing(),
      (actors[i] ?? missing()).saliences[k] ?? missing(),
      probI,
      posJ[k] ?? missing(),
      (actors[j] ?? missing()).saliences[k] ?? missing(),
      probJ,
    );
    bi[k] = x;
    bj[k] = y;
  }
  return { id, initiator: i, receiver: j, initiatorPosition: bi, receiverPosition: bj };
}

/** Options for a run beyond the model's parameters. */
export interface SmpRunOptions {
  /** Called after each turn (for progress); never affects the result. */
  readonly onTurn?: (turn: number) => void;
  /** A time limit, checked for every actor of every turn: a TimeLimitError when it runs out. */
  readonly budget?: Budget;
}

/** What every turn works with, and the numbering of bargains (KTAB's, from 1000, across turns). */
interface RunContext {
  readonly actors: readonly Actor[];
  /** The issue's index of each participant. */
  readonly members: readonly number[];
  readonly params: SmpParameters;
  /** From the unit scale to the issue's. */
  readonly fromUnit: (x: number) => number;
  nextBargainId: number;
  readonly budget: Budget | undefined;
}

/**
 * Runs KTAB's SMP on an issue. Actors without capability or salience are left out (KTAB refuses
 * them). Deterministic for a given issue and parameters.
 */
export function runSmp(
  issue: ForecastIssue,
  parameters: Partial<SmpParameters> = {},
  options: SmpRunOptions = {},
): SmpRun {
  const params: SmpParameters = { ...DEFAULT_SMP_PARAMETERS, ...parameters };
  const [lo, hi] = issue.scale;
  const { members, actors, positions } = prepare(issue, params.actorOrder);
  const context: RunContext = {
    actors,
    members,
    params,
    fromUnit: (x) => lo + x * (hi - lo),
    nextBargainId: 1000,
    budget: options.budget,
  };
  const rng = new KtabPrng(params.seed);
  const first = new Snapshot(actors, positions, positions, params);
  const snapshots: Snapshot[] = [first];
  const turns: SmpTurn[] = [];
  const fractionalChanges: number[] = [];
  let converged = false;
  for (let iteration = 1, current = first; ; iteration++) {
    const { lists, challenges, made } = challengesOf(current, context, iteration);
    const { next, choices } = choicesOf(current, lists, context, rng, iteration);
    turns.push({ challenges, bargains: made.map((b) => reportedBargain(b, context)), choices });
    const previous = current;
    current = new Snapshot(actors, next, next, params);
    snapshots.push(current);
    options.onTurn?.(iteration);

    // KTAB's stopping rule: the last turn's movement relative to the first turn's.
    const firstMove = stateDistance(first.positions, at(snapshots, 1).positions) + params.minSigDelta;
    const ratio = stateDistance(current.positions, previous.positions) / firstMove;
    fractionalChanges.push(ratio);
    if (iteration >= params.minIterations && ratio < params.minDeltaRatio) {
      converged = true;
      break;
    }
    if (iteration >= params.maxIterations) break;
  }
  return reportRun(issue.dimensions.length, snapshots, turns, fractionalChanges, converged, context);
}

/**
 * Every actor's best challenge and the bargains it offers. Each actor's list of bargains starts
 * with its status quo, then the bargains it is part of, in the order of their initiators.
 */
function challengesOf(
  s: Snapshot,
  context: RunContext,
  iteration: number,
): { lists: InternalBargain[][]; challenges: SmpChallenge[]; made: InternalBargain[] } {
  const lists: InternalBargain[][] = s.positions.map((position, i) => [
    {
      id: context.nextBargainId++,
      initiator: i,
      receiver: i,
      initiatorPosition: position,
      receiverPosition: position,
    },
  ]);
  const challenges: SmpChallenge[] = [];
  const made: InternalBargain[] = [];
  for (let i = 0; i < s.n; i++) {
    spendTurn(context, iteration, i / (2 * s.n));
    const challenge = bestChallenge(s, i);
    if (challenge === undefined) continue;
    challenges.push(challenge);
    for (const b of offeredBargains(s, challenge, context)) {
      at(lists, b.initiator).push(b);
      at(lists, b.receiver).push(b);
      made.push(b);
    }
  }
  return { lists, challenges, made };
}

/**
 * Progress and the time limit, checked before each actor's challenge and each actor's choice:
 * `part` of turn `iteration` is done (challenges fill its first half, choices its second).
 */
function spendTurn(context: RunContext, iteration: number, part: number): void {
  const budget = context.budget;
  if (budget === undefined) return;
  budget.progress?.(iteration - 1 + part, context.params.maxIterations);
  spend(budget, `the spatial model (turn ${iteration})`);
}

/** The target of largest expected gain for i, if that gain is positive (the first on ties). */
function bestChallenge(s: Snapshot, i: number): SmpChallenge | undefined {
  let best = -1;
  let bestGain = -1;
  let bestProb = 0;
  const view = s.view(i);
  for (let j = 0; j < s.n; j++) {
    if (j === i) continue;
    const [p, gain] = s.challenge(i, i, i, j, view);
    if (gain > 1e-5 && gain > bestGain) {
      best = j;
      bestGain = gain;
      bestProb = p;
    }
  }
  return best < 0 ? undefined : { initiator: i, target: best, probability: bestProb, expectedGain: bestGain };
}

/** The bargains a challenge offers, by the run's bargaining model (`BargnModel`). */
function offeredBargains(s: Snapshot, challenge: SmpChallenge, context: RunContext): InternalBargain[] {
  const { actors, params } = context;
  const { initiator: i, target: j, probability } = challenge;
  const posI = at(s.positions, i);
  const posJ = at(s.positions, j);
  const mode = params.interVecBrgn;
  const fromI = interpolateBargain(
    context.nextBargainId++,
    actors,
    i,
    j,
    posI,
    posJ,
    probability,
    1 - probability,
    mode,
  );
  if (params.bargnModel === 'InitOnlyInterp') return [fromI];
  const pj = s.challenge(j, i, i, j)[0];
  const fromJ = interpolateBargain(context.nextBargainId++, actors, i, j, posI, posJ, pj, 1 - pj, mode);
  if (params.bargnModel === 'InitRcvrInterp') return [fromI, fromJ];
  // KTAB weighs the two views by capability × total salience; its code takes the capability of
  // the initiator for both weights (`brgnJIJ->actInit` is i), which is reproduced here.
  const ai = at(actors, i);
  const wi = ai.capability * ai.totalSalience;
  const wj = ai.capability * at(actors, j).totalSalience;
  const mix = (a: Float64Array, b: Float64Array) =>
    Float64Array.from(a, (x, k) => (wi * x + wj * (b[k] ?? missing())) / (wi + wj));
  return [
    {
      id: context.nextBargainId++,
      initiator: i,
      receiver: j,
      initiatorPosition: mix(fromI.initiatorPosition, fromJ.initiatorPosition),
      receiverPosition: mix(fromI.receiverPosition, fromJ.receiverPosition),
    },
  ];
}

/**
 * Every actor's choice among its bargains, by a probabilistic Condorcet election of all actors, and
 * the positions the choices lead to.
 */
function choicesOf(
  s: Snapshot,
  lists: readonly (readonly InternalBargain[])[],
  context: RunContext,
  rng: KtabPrng,
  iteration: number,
): { next: Float64Array[]; choices: SmpChoice[] } {
  const { params } = context;
  const n = s.n;
  const w = context.actors.map((a) => a.capability);
  const rowSums = Array.from({ length: n }, (_, a) => {
    let sum = 0;
    for (let m = 0; m < n; m++) sum += s.utility(a, a, m);
    return sum;
  });
  const next: Float64Array[] = [];
  const choices: SmpChoice[] = [];
  lists.forEach((list, k) => {
    spendTurn(context, iteration, 0.5 + k / (2 * n));
    const utilities = bargainUtilities(s, list, rowSums);
    const count = list.length;
    const p = scalarPce(
      n,
      count,
      w,
      (a, m) => utilities[a * count + m] ?? missing(),
      params.votingRule,
      params.victoryProbModel,
      params.pceModel,
    );
    const chosen = params.stateTransitions === 'Deterministic' ? argMaxAbs(p) : rng.probSel(p);
    const b = at(list, chosen, 'bargain');
    choices.push({ actor: k, bargains: list.map((x) => x.id), probabilities: p, chosen: b.id });
    if (b.initiator === b.receiver) next.push(at(s.positions, k));
    else next.push(b.initiator === k ? b.initiatorPosition : b.receiverPosition);
  });
  return { next, choices };
}

/**
 * Each actor's utility of each bargain of a list (row-major, actor · list length + bargain): its
 * own utility of the two positions the bargain gives and of everyone else's position, over n.
 */
function bargainUtilities(
  s: Snapshot,
  list: readonly InternalBargain[],
  rowSums: readonly number[],
): Float64Array {
  const n = s.n;
  const out = new Float64Array(n * list.length);
  for (let a = 0; a < n; a++) {
    list.forEach((b, m) => {
      let u: number;
      if (b.initiator === b.receiver) {
        u = rowSums[a] ?? missing();
      } else {
        u = s.positionUtility(a, b.initiatorPosition);
        u += s.positionUtility(a, b.receiverPosition);
        for (let o = 0; o < n; o++) {
          if (o !== b.initiator && o !== b.receiver) u += s.utility(a, a, o);
        }
      }
      out[a * list.length + m] = u / n;
    });
  }
  return out;
}

/** A bargain as reported: issue indices, positions on the issue's scale. */
function reportedBargain(b: InternalBargain, context: RunContext): SmpBargain {
  const scaled = (p: Float64Array) => Array.from(p, context.fromUnit);
  return {
    id: b.id,
    initiator: at(context.members, b.initiator),
    receiver: at(context.members, b.receiver),
    initiatorPosition: scaled(b.initiatorPosition),
    receiverPosition: scaled(b.receiverPosition),
  };
}

/** A state as reported: per-actor arrays in the issue's order (`order`), positions on its scale. */
function reportedState(snap: Snapshot, order: readonly number[], context: RunContext): SmpState {
  const { members, fromUnit } = context;
  const dp = snap.distinctProbabilities();
  // KTAB's `posProb`: the probability of the last distinct position equivalent to the actor's.
  const probabilities = snap.positions.map((_, i) => {
    let k = -1;
    snap.distinct.forEach((d, m) => {
      if (snap.same(i, d)) k = m;
    });
    return at(dp, k);
  });
  return {
    positions: order.map((k) => Array.from(at(snap.positions, k), fromUnit)),
    risk: order.map((k) => at(snap.risk, k)),
    probabilities: order.map((k) => at(probabilities, k)),
    distinct: snap.distinct.map((d) => at(members, d)),
    distinctProbabilities: dp,
  };
}

/** The run as reported: per-actor arrays in the issue's order, actors by their issue index. */
function reportRun(
  dimensions: number,
  snapshots: readonly Snapshot[],
  turns: readonly SmpTurn[],
  fractionalChanges: readonly number[],
  converged: boolean,
  context: RunContext,
): SmpRun {
  const { members, fromUnit } = context;
  const order = members.map((_, k) => k).sort((x, y) => at(members, x) - at(members, y));
  const states = snapshots.map((snap) => reportedState(snap, order, context));
  const last = at(snapshots, snapshots.length - 1);
  const lastProbs = at(states, states.length - 1).distinctProbabilities;
  const forecast: number[] = [];
  const mostProbable: number[] = [];
  const top = at(last.positions, at(last.distinct, argMaxAbs(lastProbs)));
  for (let d = 0; d < dimensions; d++) {
    let x = 0;
    last.distinct.forEach((a, m) => {
      x += at(lastProbs, m) * at(at(last.positions, a), d);
    });
    forecast.push(fromUnit(x));
    mostProbable.push(fromUnit(at(top, d)));
  }
  // Turn indices in challenges and choices refer to participants; report them as issue indices.
  const reported = turns.map((t) => ({
    bargains: t.bargains,
    challenges: t.challenges.map((c) => ({
      ...c,
      initiator: at(members, c.initiator),
      target: at(members, c.target),
    })),
    choices: t.choices.map((c) => ({ ...c, actor: at(members, c.actor) })),
  }));
  return {
    parameters: context.params,
    actors: order.map((k) => at(members, k)),
    states,
    turns: reported,
    fractionalChanges,
    converged,
    forecast,
    mostProbable,
  };
}

/**
 * At the issue's initial positions: h's estimate of the probability that i defeats j, and of the
 * expected gain to k if i challenges j (KTAB `probEduChlg`). Indices are the issue's actor indices;
 * all four must take part (positive capability and salience).
 */
export function smpChallengeEstimate(
  issue: ForecastIssue,
  h: number,
  k: number,
  i: number,
  j: number,
  parameters: Partial<SmpParameters> = {},
): { probability: number; expectedGain: number } {
  const params: SmpParameters = { ...DEFAULT_SMP_PARAMETERS, ...parameters };
  const { members, actors, positions } = prepare(issue, params.actorOrder);
  const participant = (a: number) => {
    const m = members.indexOf(a);
    invariant(m >= 0, `actor ${a} takes no part (no capability or no salience)`);
    return m;
  };
  const snap = new Snapshot(actors, positions, positions, params);
  const [probability, expectedGain] = snap.challenge(
    participant(h),
    participant(k),
    participant(i),
    participant(j),
  );
  return { probability, expectedGain };
}

/** The participating actors, their normalised data and initial positions on the unit scale. */
function prepare(
  issue: ForecastIssue,
  order: SmpParameters['actorOrder'],
): { members: number[]; actors: Actor[]; positions: Float64Array[] } {
  const [lo, hi] = issue.scale;
  const members: number[] = [];
  issue.actors.forEach((a, i) => {
    if (a.capability > 0 && a.saliences.some((s) => s > 0)) members.push(i);
  });
  invariant(members.length > 0, 'runSmp: no actor has both capability and salience');
  if (order === 'canonical') {
    // Actors with equal data are interchangeable, so any order among them gives the same run.
    const key = (i: number) => {
      const a = issue.actors[i] ?? missing();
      return [...a.positions, a.capability, ...a.saliences];
    };
    members.sort((x, y) => {
      const kx = key(x);
      const ky = key(y);
      for (let d = 0; d < kx.length; d++)
        if (kx[d] !== ky[d]) return (kx[d] ?? missing()) - (ky[d] ?? missing());
      return 0;
    });
  }
  const actors: Actor[] = members.map((m) => {
    const a = issue.actors[m] ?? missing();
    const saliences = Float64Array.from(a.saliences, (s) => s / 100);
    return { capability: a.capability, saliences, totalSalience: sumOf(saliences) };
  });
  const positions = members.map((m) =>
    Float64Array.from((issue.actors[m] ?? missing()).positions, (x) => (x - lo) / (hi - lo)),
  );
  return { members, actors, positions };
}

/** KTAB's `SMPModel::stateDist`: the sum over actors of the distance each moved. */
function stateDistance(a: readonly Float64Array[], b: readonly Float64Array[]): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d += norm(a[i] ?? missing(), b[i] ?? missing());
  return d;
}

/** Index of the first largest absolute value (KTAB `ndxMaxAbs`). */
function argMaxAbs(p: readonly number[]): number {
  let best = -1;
  let index = 0;
  p.forEach((x, i) => {
    if (best < Math.abs(x)) {
      best = Math.abs(x);
      index = i;
    }
  });
  return index;
}
