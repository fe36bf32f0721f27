/**
 * A player at a prompt (`alliances run --play FACTION`): before each question put to the faction's
 * leader it shows what the faction saw since the last question, then the options as the leader
 * scored them, the vetoes, the counsel and the leader's recommendation, and reads an answer.
 *
 * The engine asks synchronously, so the answer is read with a blocking read of standard input;
 * prompts go to standard error so that `--json` output on standard output stays clean. Input can
 * be piped (one answer per line): at the end of input the leader takes the faction back.
 */
import { readSync } from 'node:fs';
import { isatty } from 'node:tty';
import { errorCode, InputError } from '../common/errors.js';
import { buildWorld } from '../engine/initial-world.js';
import type { Scenario } from '../scenario/loader.js';
import type { Play } from '../runner/recorder.js';
import { choiceProblem, type ChoiceRequest, type Player, type PresentedOption } from '../agents/players.js';
import { formatTime } from '../model/time.js';
import { type Names, namesOf, renderEvent, type WorldEvent } from '../events/index.js';

export interface LineIo {
  /** The next line of input without its line break, or null at the end of input. */
  readLine(): string | null;
  write(text: string): void;
}

/** Lines of a file descriptor, read synchronously (standard input by default). */
export function syncLines(fd = 0): () => string | null {
  const chunk = Buffer.alloc(4096);
  let pending = '';
  let ended = false;
  return () => {
    for (;;) {
      const nl = pending.indexOf('\n');
      if (nl >= 0) {
        const line = pending.slice(0, nl).replace(/\r$/, '');
        pending = pending.slice(nl + 1);
        return line;
      }
      if (ended) {
        if (pending === '') return null;
        const last = pending;
        pending = '';
        return last;
      }
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        // A non-blocking standard input has nothing yet: wait a little and read again.
        if (errorCode(e) === 'EAGAIN') {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
          continue;
        }
        if (errorCode(e) === 'EOF') n = 0;
        else throw e;
      }
      if (n === 0) ended = true;
      else pending += chunk.toString('utf8', 0, n);
    }
  };
}

const HELP =
  'Answer with the number of an option (several, comma-separated, where more than one may be chosen), ' +
  'Enter for the recommendation, "?N" for the reasons behind option N, "auto" to hand the faction back ' +
  'to its leader for the rest of the run.';

/** `since`: the first event of the log the player has not seen (a fork's players know its prefix). */
export function promptPlayer(io: LineIo, names: Names, since = 0): Player {
  let seen = since;
  let auto = false;
  return {
    choose(request: ChoiceRequest) {
      if (auto) return null;
      const news = request.view.observed(request.log, seen);
      seen = request.log.length;
      const order = ranked(request.options);
      showQuestion(io, names, request, news, order);
      const answer = readAnswer(io, request, order);
      if (answer !== 'auto') return answer;
      auto = true;
      return null;
    },
  };
}

/** What the faction saw since the last question, then the question, its counsel and its options. */
function showQuestion(
  io: LineIo,
  names: Names,
  request: ChoiceRequest,
  news: readonly WorldEvent[],
  order: readonly PresentedOption[],
): void {
  const show = (text: string) => io.write(`${text}\n`);
  for (const e of news) {
    const line = renderEvent(e, names);
    if (line !== null) show(`  ${formatTime(e.t)}  ${line}`);
  }
  show('');
  show(
    `── ${formatTime(request.t)} · ${names.name(request.faction)} · ${names.name(request.decider)}: ${request.topic}`,
  );
  for (const c of request.counsel) {
    const option = request.options.find((o) => o.option === c.option);
    show(
      `   ${names.name(c.advisor)} counsels ${c.position} ${option?.label ?? c.option}: ${c.reasons.join('; ')}`,
    );
  }
  order.forEach((o, i) => {
    const mark = request.recommended.includes(o.option) ? '  ← recommended' : '';
    const status = o.vetoedBy ? `vetoed: ${o.vetoedBy}` : `score ${o.score.toFixed(3)}`;
    show(`   ${String(i + 1).padStart(2)}. ${o.label}  (${status})${mark}`);
  });
}

/**
 * Reads answers until one is a valid choice: the options chosen, null for the recommendation, or
 * `auto` when the player hands the faction back to its leader (or the input ends).
 */
function readAnswer(
  io: LineIo,
  request: ChoiceRequest,
  order: readonly PresentedOption[],
): readonly string[] | null | 'auto' {
  const show = (text: string) => io.write(`${text}\n`);
  for (;;) {
    io.write(
      `Your choice${request.pick > 1 ? ` (up to ${request.pick})` : ''} [Enter: recommended, ? for help] > `,
    );
    const line = io.readLine();
    if (line === null) {
      show('\n(end of input: the leader decides from here on)');
      return 'auto';
    }
    const answer = line.trim();
    if (answer === '') return null;
    if (answer === 'auto') return 'auto';
    if (answer === '?' || answer === 'help') {
      show(HELP);
      continue;
    }
    const why = /^\?\s*(\d+)$/.exec(answer);
    if (why) {
      const o = order[Number(why[1]) - 1];
      if (!o) show(`there is no option ${why[1]}`);
      else
        for (const t of o.terms)
          show(
            `     ${t.value >= 0 ? '+' : ''}${t.value.toFixed(3)}  ${t.name}${t.note ? ` — ${t.note}` : ''}`,
          );
      continue;
    }
    // Each number names an option, from 1; anything else names none.
    const numbers = answer.split(/[\s,]+/).map(Number);
    const chosen = numbers.flatMap((n) => {
      const o = Number.isInteger(n) ? order[n - 1] : undefined;
      return o ? [o.option] : [];
    });
    if (chosen.length < numbers.length) {
      show(`answer with numbers from 1 to ${order.length} (? for help)`);
      continue;
    }
    const problem = choiceProblem(request, chosen);
    if (problem) {
      show(problem);
      continue;
    }
    return chosen;
  }
}

/** Options best first, vetoed ones last, ties in the question's order. */
function ranked(options: readonly PresentedOption[]): PresentedOption[] {
  return options
    .map((o, i) => ({ o, i }))
    .sort(
      (a, b) =>
        Number(a.o.vetoedBy !== null) - Number(b.o.vetoedBy !== null) || b.o.score - a.o.score || a.i - b.i,
    )
    .map(({ o }) => o);
}

/** A player at the prompt (stdin, stderr) in the seat of `faction`'s leader: `--play FACTION`. */
export function promptPlay(scenario: Scenario, faction: string, since = 0): Play {
  const seat = scenario.spec.factions.find((f) => f.id === faction);
  if (!seat) {
    throw new InputError([
      {
        code: 'invalid-option',
        path: '--play',
        message: `the scenario has no faction "${faction}"`,
        hint: `factions: ${scenario.spec.factions.map((f) => f.id).join(', ')}`,
      },
    ]);
  }
  const lines = syncLines();
  // `isatty`, not `process.stdin.isTTY`: touching `process.stdin` would open a stream on the
  // descriptor the prompt reads synchronously.
  const interactive = isatty(0);
  const io = {
    // Piped answers are echoed, so that the transcript reads as it would at a terminal.
    readLine: () => {
      const line = lines();
      if (line !== null && !interactive) process.stderr.write(`${line}\n`);
      return line;
    },
    write: (text: string) => process.stderr.write(text),
  };
  return {
    faction: seat.id,
    player: promptPlayer(io, namesOf(buildWorld(scenario.spec)), since),
  };
}
