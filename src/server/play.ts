/**
 * A player in the seat of a faction's leader, in the browser: the same `Player` interface as
 * `alliances run --play`, the same questions, the same stored answers, so `alliances verify`
 * replays the run.
 *
 * The engine asks a player synchronously. Rather than keep a simulation blocked in a thread while
 * a person thinks, a seat is only its answers so far: each answer re-runs the scenario from the
 * start with the answers given (./sim-worker.ts, a replaying player that stops at the first
 * question it has no answer for) and shows that question. A run is a function of its scenario,
 * seed and answers, so the question reached is the one a continuous run would have put; nothing is
 * held between requests but a list of answers, and a seat survives any number of slow answers.
 * When the seat is given up, or no question is left, the run is recorded with the answers given
 * (the leader takes the recommendation after them), exactly as `--play` records it.
 */
import { randomUUID } from 'node:crypto';
import {
  AlliancesError,
  choiceProblem,
  InputError,
  type QuestionPut,
  type RecordedChoice,
} from '../index.js';
import type { PlayView, QuestionView } from './api-types.js';
import type { Jobs } from './jobs.js';
import type { RunTask, SimResult } from './sim-worker.js';

/** Seats kept at once; the oldest is forgotten beyond. */
const MAX_SEATS = 32;

interface Seat {
  readonly id: string;
  readonly task: Omit<RunTask, 'action' | 'play'>;
  readonly faction: string;
  readonly choices: RecordedChoice[];
  question: QuestionView | null;
  job: string | null;
  busy: boolean;
}

export class Seats {
  private readonly seats = new Map<string, Seat>();

  constructor(private readonly jobs: Jobs) {}

  /** Takes a seat and finds the first question. */
  async take(task: Omit<RunTask, 'action' | 'play'>, faction: string): Promise<PlayView> {
    const seat: Seat = {
      id: randomUUID(),
      task,
      faction,
      choices: [],
      question: null,
      job: null,
      busy: true,
    };
    this.seats.set(seat.id, seat);
    if (this.seats.size > MAX_SEATS) this.seats.delete(this.seats.keys().next().value!);
    await this.advance(seat);
    return this.view(seat);
  }

  get(id: string): PlayView {
    return this.view(this.seat(id));
  }

  /** Answers the waiting question: option ids, or null for the recommendation. */
  async answer(id: string, choose: readonly string[] | null): Promise<PlayView> {
    const seat = this.seat(id);
    const q = seat.question;
    if (!q) throw new AlliancesError('conflict', 'no question is waiting in this seat', 2);
    if (seat.busy) throw new AlliancesError('conflict', 'the last answer is still being played', 2);
    if (choose !== null) {
      // choiceProblem reads the options and how many may be picked, as the prompt's check does.
      const problem = choiceProblem(q as unknown as QuestionPut, choose);
      if (problem) throw new InputError([{ code: 'invalid-choice', path: 'choose', message: problem }]);
    }
    seat.choices.push(choose === null ? null : [...choose]);
    seat.busy = true;
    try {
      await this.advance(seat);
    } catch (err) {
      seat.choices.pop();
      seat.busy = false;
      throw err;
    }
    return this.view(seat);
  }

  /** Hands the faction back to its leader: the run is recorded with the answers given. */
  leave(id: string): PlayView {
    const seat = this.seat(id);
    if (seat.busy) throw new AlliancesError('conflict', 'the last answer is still being played', 2);
    this.record(seat);
    return this.view(seat);
  }

  private seat(id: string): Seat {
    const seat = this.seats.get(id);
    if (!seat)
      throw new AlliancesError('not-found', `no seat "${id}" (seats are kept while the server runs)`, 2);
    return seat;
  }

  private async advance(seat: Seat): Promise<void> {
    const play = { faction: seat.faction, choices: [...seat.choices] };
    const job = this.jobs.submit('question', (progress) =>
      this.jobs.simulate({ ...seat.task, action: 'question', play }, progress),
    );
    const done = await this.jobs.wait(job.id);
    if (done.status === 'failed') {
      this.seats.delete(seat.id);
      throw new AlliancesError(
        done.error?.error ?? 'failed',
        done.error?.message ?? 'the seat could not be played',
      );
    }
    const result = done.result as Extract<SimResult, { question: unknown }>;
    seat.question = result.question;
    seat.busy = false;
    if (result.question === null) this.record(seat);
  }

  private record(seat: Seat): void {
    const play = { faction: seat.faction, choices: [...seat.choices] };
    seat.question = null;
    seat.busy = true;
    const job = this.jobs.submit('run', (progress) =>
      this.jobs.simulate({ ...seat.task, action: 'record', play }, progress),
    );
    seat.job = job.id;
  }

  private view(seat: Seat): PlayView {
    return {
      id: seat.id,
      faction: seat.faction,
      answers: seat.choices.length,
      question: seat.question,
      job: seat.job,
    };
  }
}
