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
  relativeTime,
  type Turn,
} from './protocol.js';
import { type StrategySpec, strategyFromSpec } from './strategies.js';
import type { Strategy, StrategyContext, StrategyFactory } from './strategy.js';
import { createUtilityIndex, type UtilityIndex, type UtilityIndexOptions } from './utility-index.js';

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
  const { space, parties, deadline } = setup;
  const names = parties.map((p) => p.name);
  invariant(new Set(names).size === names.length, 'party names must be distinct');
  const record = options.record ?? true;
  // The root stream is made on first use: strategies that draw nothing cost nothing.
  let root: Rng | undefined;
  const rng = (): Rng => {
    root ??= rootRng(options.seed);
    return root;
  };
  const protocol = setup.protocol ?? { kind: 'alternating-offers' };
  const mediated = protocol.kind === 'mediated';
  const machine = mediated
    ? createMediated({
        space,
        parties: names,
        mediator: protocol.mediator,
        deadline,
        roundDuration: setup.roundDuration,
      })
    : createAlternatingOffers({ space, parties: names, deadline, roundDuration: setup.roundDuration });

  const strategies: Strategy[] = parties.map((party, i) => {
    const context = new PartyContext(i, party, names, space, deadline, rng, options.index);
    const factory = typeof party.strategy === 'function' ? party.strategy : strategyFromSpec(party.strategy);
    return factory(context);
  });
  let mediator: Mediator | undefined;
  if (protocol.kind === 'mediated') {
    const factory =
      typeof protocol.strategy === 'function' ? protocol.strategy : mediatorFromSpec(protocol.strategy);
    mediator = factory({
      name: protocol.mediator,
      space,
      parties: names,
      preferences: parties.map((p) => p.preferences),
      deadline,
      rng: rng().split(`mediator:${protocol.mediator}`),
    });
  }
  const observers = strategies.filter((s) => s.observe !== undefined);
  const observing = observers.length > 0 || mediator?.observe !== undefined;

  const events: NegotiationEvent[] = [];
  let state: AlternatingOffersState | MediatedState = machine.start();
  const apply = machine.apply as (
    s: AlternatingOffersState | MediatedState,
    m: Move,
    emit?: (e: NegotiationEvent) => void,
  ) => AlternatingOffersState | MediatedState;
  const expected = machine.expected as (s: AlternatingOffersState | MediatedState) => Turn | null;

  const proposal = (p: number, turn: Turn): Move => {
    const offer = strategies[p]!.propose(turn);
    if (offer === null) return NOTHING_TO_OFFER;
    if (!isValidAssignment(space, offer))
      throw new StrategyError(`${names[p]}'s strategy offered an invalid outcome`);
    if (isForbidden(parties[p]!.preferences, offer)) {
      throw new StrategyError(
        `${names[p]}'s strategy offered ${formatOutcome(space, offer)}, which crosses its own red line`,
      );
    }
    return { kind: 'offer', outcome: offer };
  };

  const decide = (turn: Turn): Move => {
    const p = turn.mover;
    if (p === MEDIATOR) {
      const text = mediator!.propose(turn);
      if (text === null) return NOTHING_TO_OFFER;
      if (!isValidAssignment(space, text))
        throw new StrategyError('the mediator proposed an invalid outcome');
      return { kind: 'offer', outcome: text };
    }
    if (turn.phase === 'propose') return proposal(p, turn);
    const offer = turn.offer!;
    const prefs = parties[p]!.preferences;
    if (isForbidden(prefs, offer)) {
      if (prefs.onRedLine === 'walk-away') return RED_LINE;
      return mediated ? REJECT : proposal(p, turn);
    }
    const response = strategies[p]!.respond(turn, offer);
    if (response === 'accept') return ACCEPT;
    if (response === 'walk-away') return WALK_AWAY;
    return mediated ? REJECT : proposal(p, turn);
  };

  const emit = record ? (e: NegotiationEvent) => events.push(e) : undefined;

  const session: NegotiationSession = {
    setup,
    machine,
    state: () => state,
    turn: () => expected(state),
    step() {
      const turn = expected(state);
      if (turn === null) return null;
      const before = events.length;
      const move = decide(turn);
      state = apply(state, move, emit);
      if (observing) {
        for (const s of observers) s.observe!(turn.mover, move, turn);
        mediator?.observe?.(turn.mover, move, turn);
      }
      return record ? events.slice(before) : [];
    },
    run() {
      const budget = options.budget;
      let moves = 0;
      for (;;) {
        const turn = expected(state);
        if (turn === null) break;
        if (budget && (++moves & 1023) === 0) {
          budget.progress?.(state.round, deadline.rounds ?? state.round + 1);
          spend(budget, `the negotiation (round ${state.round})`);
        }
        const move = decide(turn);
        state = apply(state, move, emit);
        if (observing) {
          for (const s of observers) s.observe!(turn.mover, move, turn);
          mediator?.observe?.(turn.mover, move, turn);
        }
      }
      return session.result();
    },
    result(): NegotiationResult {
      invariant(state.status !== 'running', 'the negotiation is still running');
      const t = relativeTime(deadline, state.round, state.time);
      const agreement = state.agreement;
      const utilities = parties.map((p) =>
        discounted(
          p.preferences,
          agreement ? p.preferences.utility.utility(agreement) : p.preferences.reservation,
          t,
        ),
      );
      const endedBy =
        state.endedBy === null
          ? null
          : state.endedBy === MEDIATOR && protocol.kind === 'mediated'
            ? protocol.mediator
            : names[state.endedBy]!;
      return {
        status: state.status as NegotiationResult['status'],
        agreement,
        outcome: agreement ? toOutcome(space, agreement) : null,
        rounds: state.rounds,
        time: state.time,
        relativeTime: t,
        utilities,
        endedBy,
        events,
      };
    },
  };
  return session;
}

export function runNegotiation(setup: NegotiationSetup, options: NegotiationOptions = {}): NegotiationResult {
  return createNegotiation(setup, options).run();
}
