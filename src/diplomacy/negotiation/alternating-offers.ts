/**
 * Alternating offers (Rubinstein 1982) and its n-party generalisation, the stacked alternating
 * offers protocol (SAOP; Aydoğan, Festen, Hindriks & Jonker 2017), with the conventions of NegMAS's
 * `SAOMechanism`:
 *
 * - Parties move in a fixed order (the order they are listed); a round is one move by each party.
 * - The first mover opens with an offer. Every later mover either accepts the standing offer,
 *   rejects it by making a counter-offer (which becomes the standing offer), or walks away.
 * - Offering is accepting: the proposer counts as accepting its own offer; the offer is agreed
 *   when every other party has accepted it in turn (for two parties: as soon as the other accepts).
 * - The deadline is checked at the start of each round: rounds ≥ N, or simulated time ≥ T, ends
 *   the negotiation without agreement (a timeout). Each round advances time by `roundDuration`.
 *
 * With two parties this is the bilateral protocol; with more it is SAOP.
 */
import { missing } from '../../common/checked.js';
import { invariant } from '../../common/errors.js';
import { type Assignment, isValidAssignment, type OutcomeSpace, toOutcome } from './outcome-space.js';
import {
  createDeadlineClock,
  type Deadline,
  type NegotiationEvent,
  type ProtocolMachine,
  type ProtocolStateBase,
  type Turn,
} from './protocol.js';

export interface AlternatingOffersState extends ProtocolStateBase {
  readonly protocol: 'alternating-offers';
  /** Index of the party to move in the current round. */
  readonly turn: number;
  /** The offer on the table, or null before the opening offer. */
  readonly standing: Assignment | null;
  /** Who made the standing offer (-2 when none). */
  readonly standingBy: number;
  /** How many parties accept the standing offer (its proposer included). */
  readonly acceptances: number;
}

export interface AlternatingOffersConfig {
  readonly space: OutcomeSpace;
  /** Party names, in moving order. */
  readonly parties: readonly string[];
  readonly deadline: Deadline;
  /** Simulated time per round (default 1). */
  readonly roundDuration?: number;
}

const NONE = -2;

/** Every state is built here, with its fields in one order (one object shape for the JIT). */
function build(
  status: AlternatingOffersState['status'],
  round: number,
  time: number,
  rounds: number,
  turn: number,
  standing: Assignment | null,
  standingBy: number,
  acceptances: number,
  agreement: Assignment | null = null,
  endedBy: number | null = null,
): AlternatingOffersState {
  return {
    protocol: 'alternating-offers',
    status,
    round,
    time,
    agreement,
    endedBy,
    rounds,
    turn,
    standing,
    standingBy,
    acceptances,
  };
}

export function createAlternatingOffers(
  config: AlternatingOffersConfig,
): ProtocolMachine<AlternatingOffersState> {
  const { space, parties, deadline } = config;
  const n = parties.length;
  const roundDuration = config.roundDuration ?? 1;
  invariant(n >= 2, 'alternating offers needs at least two parties');
  invariant(roundDuration > 0, 'round duration must be positive');
  const clock = createDeadlineClock(deadline);

  /** Moves to the next mover; a new round checks the deadline first. */
  const advance = (
    s: AlternatingOffersState,
    standing: Assignment | null,
    standingBy: number,
    acceptances: number,
    emit: ((e: NegotiationEvent) => void) | undefined,
  ): AlternatingOffersState => {
    const turn = s.turn + 1;
    if (turn < n) return build('running', s.round, s.time, s.rounds, turn, standing, standingBy, acceptances);
    const round = s.round + 1;
    const time = s.time + roundDuration;
    if (clock.passed(round, time)) {
      emit?.({ type: 'timeout', round, time });
      return build('timeout', round, time, round, 0, standing, standingBy, acceptances);
    }
    return build('running', round, time, round + 1, 0, standing, standingBy, acceptances);
  };

  return {
    name: n === 2 ? 'alternating-offers' : 'stacked-alternating-offers',

    start(): AlternatingOffersState {
      const over = clock.passed(0, 0);
      return build(over ? 'timeout' : 'running', 0, 0, over ? 0 : 1, 0, null, NONE, 0);
    },

    expected(s): Turn | null {
      if (s.status !== 'running') return null;
      return {
        mover: s.turn,
        phase: s.standing === null ? 'propose' : 'respond',
        offer: s.standing,
        offeredBy: s.standingBy,
        round: s.round,
        time: s.time,
        relativeTime: clock.relativeTime(s.round, s.time),
      };
    },

    apply(s, move, emit): AlternatingOffersState {
      invariant(s.status === 'running', 'the negotiation has ended');
      const party = parties[s.turn] ?? missing('party');
      const { round, time } = s;
      switch (move.kind) {
        case 'offer': {
          if (!isValidAssignment(space, move.outcome))
            invariant(false, `${party} offered an invalid outcome`);
          if (emit) {
            const outcome = toOutcome(space, move.outcome);
            emit({ type: s.standing === null ? 'offer' : 'counter-offer', round, time, party, outcome });
          }
          return advance(s, move.outcome, s.turn, 1, emit);
        }
        case 'accept': {
          if (s.standing === null) invariant(false, `${party} accepted with no offer on the table`);
          const acceptances = s.acceptances + 1;
          if (emit) emit({ type: 'accept', round, time, party, outcome: toOutcome(space, s.standing) });
          if (acceptances === n) {
            if (emit) emit({ type: 'agreement', round, time, outcome: toOutcome(space, s.standing) });
            return build(
              'agreement',
              round,
              time,
              s.rounds,
              s.turn,
              s.standing,
              s.standingBy,
              acceptances,
              s.standing,
            );
          }
          return advance(s, s.standing, s.standingBy, acceptances, emit);
        }
        case 'walk-away': {
          emit?.({ type: 'walk-away', round, time, party, reason: move.reason ?? 'strategy' });
          return build(
            'walk-away',
            round,
            time,
            s.rounds,
            s.turn,
            s.standing,
            s.standingBy,
            s.acceptances,
            null,
            s.turn,
          );
        }
        case 'reject':
          invariant(false, `${party}: in alternating offers a rejection is a counter-offer`);
      }
    },
  };
}
