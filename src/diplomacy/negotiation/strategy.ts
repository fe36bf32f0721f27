/**
 * The interface every negotiation strategy implements — the built-in ones and yours.
 *
 * A strategy is created once per party per negotiation by a `StrategyFactory`, from a context that
 * gives it its own preferences (never the others'), an inverse-utility index over the outcomes it
 * may propose, the deadline and its own seeded random stream. It is then asked, on each of its
 * turns, to `propose` an outcome or to `respond` to one; it may `observe` every move.
 *
 * Contract (what the driver relies on and enforces):
 * - Decisions depend only on the context, the turns given and the moves observed, so replaying the
 *   same moves to a fresh strategy rebuilds the same decisions (the engine replays event logs).
 *   Randomness comes only from `context.rng`. No clock, no I/O.
 * - `propose` returns an outcome that does not cross the party's own red lines, or null to walk
 *   away. Offering a forbidden outcome is a bug in the strategy and raises an error.
 * - `respond` is never asked about an outcome that crosses the party's red lines: the driver
 *   handles those itself (a rejection, or a walk-out when the party's `onRedLine` says so).
 *   Built-in strategies never accept an outcome worth less than their reservation value.
 */
import type { Rng } from '../../common/random.js';
import type { Assignment, OutcomeSpace } from './outcome-space.js';
import type { PartyPreferences } from './preferences.js';
import type { Deadline, Move, Turn } from './protocol.js';
import type { UtilityIndex } from './utility-index/index.js';

export interface StrategyContext {
  /** This party's index among the parties (its position in the moving order). */
  readonly party: number;
  readonly name: string;
  /** Names of all parties, in moving order. */
  readonly parties: readonly string[];
  readonly space: OutcomeSpace;
  /** This party's own preferences. */
  readonly preferences: PartyPreferences;
  /** Inverse utility over the outcomes this party may propose (built on first use). */
  readonly index: UtilityIndex;
  readonly deadline: Deadline;
  /** This party's own random stream (split from the negotiation seed by party name). */
  readonly rng: Rng;
}

/** A response to an offer: accept it, reject it (and counter-offer when the protocol asks), or leave. */
export type Response = 'accept' | 'reject' | 'walk-away';

export interface Strategy {
  /** The outcome to offer on this turn, or null to walk away. */
  propose(turn: Turn): Assignment | null;
  /** Whether to accept `offer` (made by `turn.offeredBy`). */
  respond(turn: Turn, offer: Assignment): Response;
  /** Every move by every party (this one included), after it is applied. */
  observe?(mover: number, move: Move, turn: Turn): void;
}

export type StrategyFactory = (context: StrategyContext) => Strategy;
