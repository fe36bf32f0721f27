/**
 * Running a negotiation: a protocol state machine driven by the parties' strategies (and a
 * mediator's), with red lines enforced, deterministic for a seed.
 *
 * `createNegotiation` returns a session that advances one move at a time (`step`) — what the engine
 * uses to spread talks over ticks and store each move's events — and `runNegotiation` plays it to
 * the end. Each party's strategy draws from its own random stream, split from the seed by the
 * party's name, so adding a party or a draw never shifts another's numbers.
 *
 * Red lines are the driver's business, not the strategies': when the offer a party must answer
 * crosses one of its red lines, the party either walks away (its `onRedLine` is `walk-away`) or
 * rejects it — in alternating offers by a counter-offer, in mediated talks by a veto — without its
 * strategy being asked. A strategy offering an outcome that crosses its own red line is an error.
 */
import { type Budget, spend } from '../../common/budget.js';
import { at, missing } from '../../common/checked.js';
import { AlliancesError, invariant } from '../../common/errors.js';
import { createRng, type Rng } from '../../common/random.js';
import { type AlternatingOffersState, createAlternatingOffers } from './alternating-offers.js';
import { createMediated, type MediatedState } from './mediated.js';
import { type Mediator, type MediatorFactory, type MediatorSpec, mediatorFromSpec } from './mediators.js';
import {
  type Assignment,
  formatOutcome,
  isValidAssignment,
  type Outcome,
  type OutcomeSpace,
  toOutcome,
} from './outcome-space.js';
import { discounted, isForbidden, type PartyPreferences } from './preferences.js';
import {
  type Deadline,
  MEDIATOR,
  type Move,
  type NegotiationEvent,
  type NegotiationStatus,
  type ProtocolMachine,
  type ProtocolStateBase,
  relativeTime,
  type Turn,
} from './protocol.js';
import { type StrategySpec, strategyFromSpec } from './strategies.js';
import type { Strategy, StrategyContext, StrategyFactory } from './strategy.js';
import { createUtilityIndex, type UtilityIndex, type UtilityIndexOptions } from './utility-index/index.js';

export interface NegotiationParty {
  readonly name: string;
  readonly preferences: PartyPreferences;
  readonly strategy: StrategySpec | StrategyFactory;
}

export type ProtocolSpec =
  | { readonly kind: 'alternating-offers' }
  | {
      readonly kind: 'mediated';
      readonly mediator: string;
      readonly strategy: MediatorSpec | MediatorFactory;
    };

export interface NegotiationSetup {
  readonly space: OutcomeSpace;
  /** In moving order. */
  readonly parties: readonly NegotiationParty[];
  /** Default: alternating offers (stacked for more than two parties). */
  readonly protocol?: ProtocolSpec;
  readonly deadline: Deadline;
  /** Simulated time per round (default 1). */
  readonly roundDuration?: number;
}

export interface NegotiationOptions {
  /** Seed of every random stream of the negotiation (default 0). */
  readonly seed?: number | string;
  /** Keep the events (default true); off, nothing but the result is built (tournaments, benchmarks). */
  readonly record?: boolean;
  /** Tuning of the parties' utility indices. */
  readonly index?: UtilityIndexOptions;
  /** A time limit for `run` (checked every 1024 moves): a TimeLimitError when it runs out. */
  readonly budget?: Budget;
}

export interface NegotiationResult {
  readonly status: Exclude<NegotiationStatus, 'running'>;
  readonly agreement: Assignment | null;
  /** The agreement in named form. */
  readonly outcome: Outcome | null;
  /** Rounds started (NegMAS's step count at the end). */
  readonly rounds: number;
  readonly time: number;
  readonly relativeTime: number;
  /** Each party's utility of the result: of the agreement, else its reservation value; discounted. */
  readonly utilities: readonly number[];
  /** Who walked away, when status is `walk-away`. */
  readonly endedBy: string | null;
  /** The transcript (empty when not recorded). */
  readonly events: readonly NegotiationEvent[];
}

export class StrategyError extends AlliancesError {
  constructor(message: string) {
    super('strategy', message, 1);
    this.name = 'StrategyError';
  }
}

/**
 * A strategy's context. A class with prototype getters (not an object literal with getters, which
 * V8 builds slowly and accesses through dictionaries): the index and the random stream are made on
 * first use, so strategies that need neither pay nothing for them.
 */
class PartyContext implements StrategyContext {
  readonly name: string;
  readonly preferences: PartyPreferences;
  #index: UtilityIndex | undefined;
  #rng: Rng | undefined;

  constructor(
    readonly party: number,
    source: NegotiationParty,
    readonly parties: readonly string[],
    readonly space: OutcomeSpace,
    readonly deadline: Deadline,
    private readonly root: () => Rng,
    private readonly indexOptions: UtilityIndexOptions | undefined,
  ) {
    this.name = source.name;
    this.preferences = source.preferences;
  }

  get index(): UtilityIndex {
    this.#index ??= createUtilityIndex(this.space, this.preferences, this.indexOptions);
    return this.#index;
  }

  get rng(): Rng {
    this.#rng ??= this.root().split(`party:${this.name}`);
    return this.#rng;
  }
}

export interface NegotiationSession {
  readonly setup: NegotiationSetup;
  readonly machine: ProtocolMachine<AlternatingOffersState> | ProtocolMachine<MediatedState>;
  /** The protocol state (plain data). */
  state(): AlternatingOffersState | MediatedState;
  /** The move expected next, or null once ended. */
  turn(): Turn | null;
  /** Plays one move; returns its events (empty when not recording), or null once ended. */
  step(): readonly NegotiationEvent[] | null;
  /** Plays to the end. */
  run(): NegotiationResult;
  result(): NegotiationResult;
}

// Moves without data are shared constants: nothing is allocated for them.
const ACCEPT: Move = { kind: 'accept' };
const REJECT: Move = { kind: 'reject' };
const WALK_AWAY: Move = { kind: 'walk-away', reason: 'strategy' };
const RED_LINE: Move = { kind: 'walk-away', reason: 'red-line' };
const NOTHING_TO_OFFER: Move = { kind: 'walk-away', reason: 'nothing-to-offer' };

/** Whether the seed material of a negotiation may be a number or a label. */
function rootRng(seed: number | string | undefined): Rng {
  return createRng(seed ?? 0).split('negotiation');
}

export function createNegotiation(
  setup: NegotiationSetup,
  options: NegotiationOptions = {},
): NegotiationSession {
  const { space, deadline, roundDuration } = setup;
  const names = setup.parties.map((p) => p.name);
  invariant(new Set(names).size === names.length, 'party names must be distinct');
  const record = options.record ?? true;
  const protocol = setup.protocol ?? { kind: 'alternating-offers' };
  // The machine first: its checks of the setup come before any strategy is made.
  if (protocol.kind === 'mediated') {
    const machine = createMediated({
      space,
      parties: names,
      mediator: protocol.mediator,
      deadline,
      roundDuration,
    });
    return playing(machine, new Movers(setup, names, protocol, options), setup, record, options.budget);
  }
  const machine = createAlternatingOffers({ space, parties: names, deadline, roundDuration });
  return playing(machine, new Movers(setup, names, protocol, options), setup, record, options.budget);
}

/**
 * The parties' strategies and the mediator, asked for each expected move; the driver enforces red
 * lines around them.
 */
class Movers {
  private readonly strategies: Strategy[];
  private readonly observers: Strategy[];
  private readonly mediator: Mediator | undefined;
  /** Whether anyone watches the moves (strategies that learn from the opponent, a mediator). */
  readonly observing: boolean;
  private readonly mediated: boolean;
  private readonly space: OutcomeSpace;
  private readonly parties: readonly NegotiationParty[];

  constructor(
    setup: NegotiationSetup,
    private readonly names: readonly string[],
    protocol: ProtocolSpec,
    options: NegotiationOptions,
  ) {
    const { space, parties, deadline } = setup;
    this.space = space;
    this.parties = parties;
    // The root stream is made on first use: strategies that draw nothing cost nothing.
    let root: Rng | undefined;
    const rng = (): Rng => {
      root ??= rootRng(options.seed);
      return root;
    };
    this.strategies = parties.map((party, i) => {
      const context = new PartyContext(i, party, names, space, deadline, rng, options.index);
      const factory =
        typeof party.strategy === 'function' ? party.strategy : strategyFromSpec(party.strategy);
      return factory(context);
    });
    this.mediated = protocol.kind === 'mediated';
    if (protocol.kind === 'mediated') {
      const factory =
        typeof protocol.strategy === 'function' ? protocol.strategy : mediatorFromSpec(protocol.strategy);
      this.mediator = factory({
        name: protocol.mediator,
        space,
        parties: names,
        preferences: parties.map((p) => p.preferences),
        deadline,
        rng: rng().split(`mediator:${protocol.mediator}`),
      });
    }
    this.observers = this.strategies.filter((s) => s.observe !== undefined);
    this.observing = this.observers.length > 0 || this.mediator?.observe !== undefined;
  }

  decide(turn: Turn): Move {
    const p = turn.mover;
    if (p === MEDIATOR) {
      const mediator = this.mediator;
      invariant(mediator !== undefined, 'only a mediated negotiation has a mediator to move');
      const text = mediator.propose(turn);
      if (text === null) return NOTHING_TO_OFFER;
      if (!isValidAssignment(this.space, text))
        throw new StrategyError('the mediator proposed an invalid outcome');
      return { kind: 'offer', outcome: text };
    }
    if (turn.phase === 'propose') return this.proposal(p, turn);
    const offer = turn.offer;
    invariant(offer !== null, 'a response answers an offer');
    const prefs = this.preferences(p);
    if (isForbidden(prefs, offer)) {
      if (prefs.onRedLine === 'walk-away') return RED_LINE;
      return this.mediated ? REJECT : this.proposal(p, turn);
    }
    const response = this.strategy(p).respond(turn, offer);
    if (response === 'accept') return ACCEPT;
    if (response === 'walk-away') return WALK_AWAY;
    return this.mediated ? REJECT : this.proposal(p, turn);
  }

  observe(turn: Turn, move: Move): void {
    for (const s of this.observers) s.observe?.(turn.mover, move, turn);
    this.mediator?.observe?.(turn.mover, move, turn);
  }

  private proposal(p: number, turn: Turn): Move {
    const offer = this.strategy(p).propose(turn);
    if (offer === null) return NOTHING_TO_OFFER;
    const space = this.space;
    if (!isValidAssignment(space, offer))
      throw new StrategyError(`${this.names[p]}'s strategy offered an invalid outcome`);
    if (isForbidden(this.preferences(p), offer)) {
      throw new StrategyError(
        `${this.names[p]}'s strategy offered ${formatOutcome(space, offer)}, which crosses its own red line`,
      );
    }
    return { kind: 'offer', outcome: offer };
  }

  private strategy(p: number): Strategy {
    return this.strategies[p] ?? missing('strategy');
  }

  private preferences(p: number): PartyPreferences {
    return (this.parties[p] ?? missing('party')).preferences;
  }
}

/** A session of one kind of protocol (what NegotiationSession is for either kind). */
type SessionOf<S extends ProtocolStateBase> = Omit<NegotiationSession, 'machine' | 'state'> & {
  readonly machine: ProtocolMachine<S>;
  state(): S;
};

/** A session playing a protocol machine with the movers. */
function playing<S extends AlternatingOffersState | MediatedState>(
  machine: ProtocolMachine<S>,
  movers: Movers,
  setup: NegotiationSetup,
  record: boolean,
  budget: Budget | undefined,
): SessionOf<S> {
  const events: NegotiationEvent[] = [];
  const emit = record ? (e: NegotiationEvent) => events.push(e) : undefined;
  let state = machine.start();
  const play = (turn: Turn): void => {
    const move = movers.decide(turn);
    state = machine.apply(state, move, emit);
    if (movers.observing) movers.observe(turn, move);
  };
  const session = {
    setup,
    machine,
    state: () => state,
    turn: () => machine.expected(state),
    step() {
      const turn = machine.expected(state);
      if (turn === null) return null;
      const before = events.length;
      play(turn);
      return record ? events.slice(before) : [];
    },
    run() {
      let moves = 0;
      for (let turn = machine.expected(state); turn !== null; turn = machine.expected(state)) {
        if (budget && (++moves & 1023) === 0) spendRound(budget, state.round, setup.deadline);
        play(turn);
      }
      return session.result();
    },
    result: () => resultOf(state, setup, events),
  };
  return session;
}

/** Progress and the time limit of a run, checked every 1024 moves. */
function spendRound(budget: Budget, round: number, deadline: Deadline): void {
  budget.progress?.(round, deadline.rounds ?? round + 1);
  spend(budget, `the negotiation (round ${round})`);
}

function resultOf(
  state: ProtocolStateBase,
  setup: NegotiationSetup,
  events: readonly NegotiationEvent[],
): NegotiationResult {
  const { status, agreement } = state;
  invariant(status !== 'running', 'the negotiation is still running');
  const t = relativeTime(setup.deadline, state.round, state.time);
  const utilities = setup.parties.map((p) =>
    discounted(
      p.preferences,
      agreement ? p.preferences.utility.utility(agreement) : p.preferences.reservation,
      t,
    ),
  );
  const protocol = setup.protocol;
  const endedBy =
    state.endedBy === null
      ? null
      : state.endedBy === MEDIATOR && protocol?.kind === 'mediated'
        ? protocol.mediator
        : at(setup.parties, state.endedBy, 'party').name;
  return {
    status,
    agreement,
    outcome: agreement ? toOutcome(setup.space, agreement) : null,
    rounds: state.rounds,
    time: state.time,
    relativeTime: t,
    utilities,
    endedBy,
    events,
  };
}

export function runNegotiation(setup: NegotiationSetup, options: NegotiationOptions = {}): NegotiationResult {
  return createNegotiation(setup, options).run();
}
