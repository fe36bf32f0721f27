/**
 * What every negotiation protocol shares: moves, events, deadlines and the state-machine contract.
 *
 * A protocol is an explicit state machine over plain JSON-serialisable state: `start` makes the
 * initial state, `expected` says whose move it is and what may be done, `apply` takes one move and
 * returns the next state, handing the events of the transition to `emit`. The engine can keep the
 * state in its world, feed moves tick by tick and store the events in its log; the negotiation
 * driver (`negotiate.ts`) feeds moves from strategies. States are never mutated.
 */
import { invariant } from '../../common/errors.js';
import type { Assignment, Outcome } from './outcome-space.js';

/** A negotiation deadline: in rounds, in simulated time, or both (whichever comes first). */
export interface Deadline {
  /** Number of rounds; in a round every party moves once (NegMAS: one mechanism step). */
  readonly rounds?: number;
  /** Simulated time units (hours in the engine); each round lasts `roundDuration`. */
  readonly time?: number;
}

/** A move by a party (or the mediator). */
export type Move =
  | { readonly kind: 'offer'; readonly outcome: Assignment }
  | { readonly kind: 'accept' }
  | { readonly kind: 'reject' }
  | { readonly kind: 'walk-away'; readonly reason?: WalkAwayReason };

/**
 * Why a party walked away: its strategy chose to, an offer crossed one of its red lines, or it had
 * nothing left it could offer (every outcome it may propose is forbidden or below its reservation).
 */
export type WalkAwayReason = 'strategy' | 'red-line' | 'nothing-to-offer';

interface EventBase {
  /** 0-based round of the move. */
  readonly round: number;
  /** Simulated time of the move. */
  readonly time: number;
}

/**
 * Protocol events: plain data (the engine stores them in its event log). Parties are named;
 * outcomes are in named form.
 */
export type NegotiationEvent =
  /** The first offer of a negotiation, or a mediator's proposed text. */
  | (EventBase & { readonly type: 'offer'; readonly party: string; readonly outcome: Outcome })
  /** An offer that rejects and replaces the standing offer. */
  | (EventBase & { readonly type: 'counter-offer'; readonly party: string; readonly outcome: Outcome })
  | (EventBase & { readonly type: 'accept'; readonly party: string; readonly outcome: Outcome })
  /** A rejection without a counter-offer (a veto of a mediator's text). */
  | (EventBase & { readonly type: 'reject'; readonly party: string; readonly outcome: Outcome })
  | (EventBase & { readonly type: 'walk-away'; readonly party: string; readonly reason: WalkAwayReason })
  | (EventBase & { readonly type: 'agreement'; readonly outcome: Outcome })
  | (EventBase & { readonly type: 'timeout' });

export type NegotiationEventType = NegotiationEvent['type'];

export type NegotiationStatus = 'running' | 'agreement' | 'timeout' | 'walk-away';

/** The mover index used for a mediator. */
export const MEDIATOR = -1;

/** Whose move it is, and what is on the table. */
export interface Turn {
  /** Index of the party to move, or MEDIATOR. */
  readonly mover: number;
  /** What the mover must do: propose (offer or walk away) or respond to `offer`. */
  readonly phase: 'propose' | 'respond';
  /** The outcome to respond to (the standing offer or the mediator's text); null when proposing. */
  readonly offer: Assignment | null;
  /** Who made `offer` (a party index or MEDIATOR); -2 when there is none. */
  readonly offeredBy: number;
  readonly round: number;
  readonly time: number;
  /** Relative time in [0, 1] (see `relativeTime`). */
  readonly relativeTime: number;
}

/** The common fields of every protocol state. */
export interface ProtocolStateBase {
  readonly status: NegotiationStatus;
  readonly round: number;
  readonly time: number;
  readonly agreement: Assignment | null;
  /** Index of the party (or MEDIATOR) that walked away, when status is `walk-away`. */
  readonly endedBy: number | null;
  /** Round at which the negotiation ended (the number of rounds started). */
  readonly rounds: number;
}

export interface ProtocolMachine<S extends ProtocolStateBase> {
  readonly name: string;
  start(): S;
  /** The next move expected, or null once the negotiation has ended. */
  expected(state: S): Turn | null;
  /** Applies a move by the expected mover. Invalid moves are invariant failures. */
  apply(state: S, move: Move, emit?: (event: NegotiationEvent) => void): S;
}

/**
 * Relative time of a round, as NegMAS computes it (`Mechanism.relative_time`): with a limit of N
 * rounds, round r (0-based) is at (r + 1)/(N + 1); with a time limit T, time τ is at τ/T; with both,
 * the later of the two; never above 1.
 */
export function relativeTime(deadline: Deadline, round: number, time: number): number {
  let t = 0;
  if (deadline.rounds !== undefined) t = (round + 1) / (deadline.rounds + 1);
  if (deadline.time !== undefined && deadline.time > 0) t = Math.max(t, time / deadline.time);
  return Math.min(t, 1);
}

/** True once round `round` (starting at `time`) may no longer be played. */
export function deadlinePassed(deadline: Deadline, round: number, time: number): boolean {
  return (
    (deadline.rounds !== undefined && round >= deadline.rounds) ||
    (deadline.time !== undefined && time >= deadline.time)
  );
}

/**
 * `relativeTime` and `deadlinePassed` for one deadline, with its limits read once (the machines
 * call these on every move).
 */
export interface DeadlineClock {
  relativeTime(round: number, time: number): number;
  passed(round: number, time: number): boolean;
}

export function createDeadlineClock(deadline: Deadline): DeadlineClock {
  invariant(
    deadline.rounds !== undefined || deadline.time !== undefined,
    'a negotiation needs a deadline in rounds or in time',
  );
  const rounds = deadline.rounds ?? -1;
  const limit = deadline.time ?? -1;
  return {
    relativeTime(round, time) {
      let t = rounds >= 0 ? (round + 1) / (rounds + 1) : 0;
      if (limit > 0) {
        const u = time / limit;
        if (u > t) t = u;
      }
      return Math.min(t, 1);
    },
    passed: (round, time) => (rounds >= 0 && round >= rounds) || (limit >= 0 && time >= limit),
  };
}
