/**
 * Mediated single-text negotiation (Raiffa 1982, "The Art and Science of Negotiation", ch. 14: the
 * single negotiating text used at Camp David; Klein, Faratin, Sayama & Bar-Yam 2003 for its
 * automated form): a mediator proposes one text, every party accepts or vetoes it, and the
 * mediator revises the text from the votes. The first text every party accepts is the agreement.
 *
 * The same machine serves intermediaries (an envoy or a go-between carrying one text between
 * parties who do not meet) and conferences (a host proposing to many parties at once).
 *
 * Each round: the mediator proposes (or gives up, which ends the talks as a walk-away by the
 * mediator); then every party, in order, accepts, rejects or walks away. All parties vote even
 * after a veto, so the mediator learns who objects. The deadline is checked at each new round.
 */
import { missing } from '../../common/checked.js';
import { invariant } from '../../common/errors.js';
import { type Assignment, isValidAssignment, type OutcomeSpace, toOutcome } from './outcome-space.js';
import {
  createDeadlineClock,
  type Deadline,
  type DeadlineClock,
  MEDIATOR,
  type Move,
  type NegotiationEvent,
  type ProtocolMachine,
  type ProtocolStateBase,
  type Turn,
} from './protocol.js';

export interface MediatedState extends ProtocolStateBase {
  readonly protocol: 'mediated';
  /** MEDIATOR when the mediator is to propose, else the index of the party to vote. */
  readonly turn: number;
  /** The text under vote this round (null before the mediator's first proposal). */
  readonly text: Assignment | null;
  /** How many parties accepted the text this round. */
  readonly accepted: number;
}

export interface MediatedConfig {
  readonly space: OutcomeSpace;
  readonly parties: readonly string[];
  readonly mediator: string;
  readonly deadline: Deadline;
  readonly roundDuration?: number;
}

export function createMediated(config: MediatedConfig): ProtocolMachine<MediatedState> {
  const n = config.parties.length;
  const roundDuration = config.roundDuration ?? 1;
  invariant(n >= 1, 'a mediated negotiation needs at least one party');
  invariant(roundDuration > 0, 'round duration must be positive');
  const clock = createDeadlineClock(config.deadline);
  const rules: Rules = { ...config, roundDuration, clock };

  return {
    name: 'mediated-single-text',

    start(): MediatedState {
      const over = clock.passed(0, 0);
      return {
        protocol: 'mediated',
        status: over ? 'timeout' : 'running',
        round: 0,
        time: 0,
        agreement: null,
        endedBy: null,
        rounds: over ? 0 : 1,
        turn: MEDIATOR,
        text: null,
        accepted: 0,
      };
    },

    expected(s): Turn | null {
      if (s.status !== 'running') return null;
      const base = { round: s.round, time: s.time, relativeTime: clock.relativeTime(s.round, s.time) };
      if (s.turn === MEDIATOR)
        return { ...base, mover: MEDIATOR, phase: 'propose', offer: null, offeredBy: -2 };
      return { ...base, mover: s.turn, phase: 'respond', offer: s.text, offeredBy: MEDIATOR };
    },

    apply(s, move, emit?: (e: NegotiationEvent) => void): MediatedState {
      invariant(s.status === 'running', 'the negotiation has ended');
      return s.turn === MEDIATOR ? mediatorMove(rules, s, move, emit) : partyVote(rules, s, move, emit);
    },
  };
}

interface Rules extends MediatedConfig {
  readonly roundDuration: number;
  readonly clock: DeadlineClock;
}

const next = (s: MediatedState, patch: Partial<MediatedState>): MediatedState => ({ ...s, ...patch });

/** The mediator proposes a text (the parties vote on it next) or gives up. */
function mediatorMove(
  { space, mediator }: Rules,
  s: MediatedState,
  move: Move,
  emit?: (e: NegotiationEvent) => void,
): MediatedState {
  const { round, time } = s;
  if (move.kind === 'walk-away') {
    emit?.({ type: 'walk-away', round, time, party: mediator, reason: move.reason ?? 'strategy' });
    return next(s, { status: 'walk-away', endedBy: MEDIATOR });
  }
  invariant(move.kind === 'offer', 'the mediator proposes a text or gives up');
  invariant(isValidAssignment(space, move.outcome), 'the mediator proposed an invalid outcome');
  emit?.({ type: 'offer', round, time, party: mediator, outcome: toOutcome(space, move.outcome) });
  return next(s, { turn: 0, text: move.outcome, accepted: 0 });
}

/**
 * A party accepts, rejects or walks away; after the last vote the text is the agreement if all
 * accepted, else a new round begins (or the deadline has passed).
 */
function partyVote(
  { space, parties, roundDuration, clock }: Rules,
  s: MediatedState,
  move: Move,
  emit?: (e: NegotiationEvent) => void,
): MediatedState {
  const { round, time, text } = s;
  const party = parties[s.turn] ?? missing('party');
  invariant(text !== null, 'parties vote once the mediator has proposed a text');
  let accepted = s.accepted;
  switch (move.kind) {
    case 'accept':
      accepted++;
      emit?.({ type: 'accept', round, time, party, outcome: toOutcome(space, text) });
      break;
    case 'reject':
      emit?.({ type: 'reject', round, time, party, outcome: toOutcome(space, text) });
      break;
    case 'walk-away':
      emit?.({ type: 'walk-away', round, time, party, reason: move.reason ?? 'strategy' });
      return next(s, { status: 'walk-away', endedBy: s.turn });
    case 'offer':
      invariant(false, `${party}: parties vote on the mediator's text; only the mediator proposes`);
  }
  if (s.turn + 1 < parties.length) return next(s, { turn: s.turn + 1, accepted });
  if (accepted === parties.length) {
    emit?.({ type: 'agreement', round, time, outcome: toOutcome(space, text) });
    return next(s, { status: 'agreement', agreement: text, accepted });
  }
  const newRound = round + 1;
  const newTime = time + roundDuration;
  if (clock.passed(newRound, newTime)) {
    emit?.({ type: 'timeout', round: newRound, time: newTime });
    return next(s, { status: 'timeout', round: newRound, time: newTime, rounds: newRound, accepted });
  }
  return next(s, { turn: MEDIATOR, round: newRound, time: newTime, rounds: newRound + 1, accepted: 0 });
}
