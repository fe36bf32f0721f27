/**
 * Players: someone other than the built-in leader who makes a faction leader's choices — a person
 * at a prompt (`alliances run --play FACTION`), a test, or a program.
 *
 * A player is asked exactly the questions the built-in leader deliberates, when the leader would
 * deliberate them, and sees what the leader sees: the options with their scores broken into named
 * terms, the vetoes, the counsel of the advisors, and the leader's own choice as a recommendation.
 * The player answers with the options to carry out, or `null` to take the recommendation. Vetoed
 * options cannot be chosen: the faction's principles, its leader's demands and the engine's rules
 * bind a player as they bind the leader.
 *
 * The seat includes the leader's answers in talks (accept, counter, walk out; ./negotiator.ts). The
 * rest of the faction stays autonomous: advisors counsel, the negotiator makes opening offers, a
 * spy among the crew serves its true masters. A player who always takes the recommendation makes
 * the same run, byte for byte, as the built-in leader.
 *
 * A run with a player is reproducible from the choices made (`recordingPlayer` /
 * `replayingPlayer`): `alliances verify` re-simulates a played run by replaying its stored choices.
 */
import type { FactionId, PersonId } from '../model/ids.js';
import type { Minutes } from '../model/time.js';
import type { FactionView } from './view.js';
import type { WorldEvent } from '../events/index.js';
import type { Counsel, ScoredOption } from '../model/vocabulary.js';

/** An option as a player sees it. */
export interface PresentedOption extends ScoredOption {
  readonly label: string;
  /** When several options may be chosen, at most one per key. */
  readonly exclusive: readonly string[];
}

/** A question as deliberation puts it to the one in the decider's seat. */
export interface QuestionPut {
  /** The question's id (`security`, `letter:message-3`) and how it reads (`seeking an alliance`). */
  readonly question: string;
  readonly topic: string;
  readonly decider: PersonId;
  /** Every option in the question's order, vetoed ones included (with `vetoedBy`). */
  readonly options: readonly PresentedOption[];
  readonly counsel: readonly Counsel[];
  /** The ids the built-in leader would choose. */
  readonly recommended: readonly string[];
  /** How many options may be chosen at once (at most one per exclusive key). */
  readonly pick: number;
}

/** A question put to a player: for which faction, when, and what the faction can see. */
export interface ChoiceRequest extends QuestionPut {
  readonly faction: FactionId;
  readonly t: Minutes;
  /** The faction's view of the world (what it may know), as its leader has it. */
  readonly view: FactionView;
  /** The log so far: `view.observed(log, since)` is what the faction saw of it. */
  readonly log: readonly WorldEvent[];
}

export interface Player {
  /** The ids of the options to carry out, or `null` to take the recommendation. */
  choose(request: ChoiceRequest): readonly string[] | null;
}

/** What is wrong with a player's answer, or null if it can be carried out. */
export function choiceProblem(request: QuestionPut, ids: readonly string[]): string | null {
  if (ids.length === 0) return 'choose at least one option';
  if (ids.length > request.pick)
    return request.pick === 1 ? 'choose one option' : `choose at most ${request.pick} options`;
  if (new Set(ids).size !== ids.length) return 'an option is chosen twice';
  const keys: string[] = [];
  for (const id of ids) {
    const option = request.options.find((o) => o.option === id);
    if (!option)
      return `there is no option "${id}" (options: ${request.options.map((o) => o.option).join(', ')})`;
    if (option.vetoedBy) return `"${id}" is vetoed (${option.vetoedBy})`;
    keys.push(...option.exclusive);
  }
  if (new Set(keys).size !== keys.length) return 'two of the options chosen exclude each other';
  return null;
}

/** One answer as stored with a played run: the option ids chosen, or null for the recommendation. */
export type RecordedChoice = readonly string[] | null;

/** Wraps a player so that every answer it gives is kept, in the order asked. */
export function recordingPlayer(player: Player): { player: Player; choices: RecordedChoice[] } {
  const choices: RecordedChoice[] = [];
  return {
    choices,
    player: {
      choose(request) {
        const answer = player.choose(request);
        choices.push(answer === null ? null : [...answer]);
        return answer;
      },
    },
  };
}

/**
 * Gives recorded answers back in order; once they run out, takes the recommendation (a player who
 * left the prompt hands the faction back to its leader).
 */
export function replayingPlayer(choices: readonly RecordedChoice[]): Player {
  let next = 0;
  return { choose: () => (next < choices.length ? (choices[next++] ?? null) : null) };
}
