import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choiceProblem, type ChoiceRequest, type PresentedOption } from '../agents/players.js';
import type { FactionView } from '../agents/view.js';
import type { FactionId, PersonId } from '../model/ids.js';
import type { Minutes } from '../model/time.js';
import { promptPlayer } from './prompt-player.js';

const option = (id: string, score: number, vetoedBy: string | null = null, exclusive: string[] = []) =>
  ({
    option: id,
    label: `do ${id}`,
    score,
    terms: [{ name: 'worth', value: score }],
    vetoedBy,
    exclusive,
  }) as PresentedOption;

/** A question with a vetoed option, two exclusive ones, and room for two choices. */
const request: ChoiceRequest = {
  faction: 'blue' as FactionId,
  t: 60 as Minutes,
  question: 'channels',
  topic: 'how to reach the candidates',
  decider: 'ada' as PersonId,
  options: [
    option('wait', 0.1),
    option('message', 0.4, null, ['red']),
    option('envoy', 0.3, null, ['red']),
    option('bribe', 0.9, 'principle:no-bribes'),
    option('hail', 0.2, null, ['green']),
  ],
  counsel: [],
  recommended: ['message'],
  pick: 2,
  // The prompt asks the view only for what the faction observed: nothing here.
  view: { observed: () => [] } as unknown as FactionView,
  log: [],
};

const names = { name: (id: string) => id };

function answer(lines: readonly string[]) {
  let next = 0;
  let output = '';
  const player = promptPlayer(
    { readLine: () => (next < lines.length ? lines[next++]! : null), write: (t) => (output += t) },
    names,
  );
  return { choice: player.choose(request), output, read: next };
}

describe('the prompt', () => {
  it('numbers the options best first, vetoed last, and marks the recommendation', () => {
    const { output } = answer(['']);
    expect(output).toMatch(/1\. do message .*← recommended/);
    expect(output).toMatch(/5\. do bribe {2}\(vetoed: principle:no-bribes\)/);
  });

  it('takes numbers, refuses what cannot be done and asks again', () => {
    // Ranked: message, envoy, hail, wait, bribe (vetoed). 1 and 2 exclude each other; 4 is wait.
    const { choice, output } = answer(['5', '1,2', 'seven', '?4', '1, 3']);
    expect(output).toContain('"bribe" is vetoed');
    expect(output).toContain('exclude each other');
    expect(output).toContain('answer with numbers from 1 to 5');
    expect(output).toContain('+0.100  worth');
    expect(choice).toEqual(['message', 'hail']);
  });

  it('whatever is typed, returns only a choice that can be carried out, or the recommendation', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 8 }), (lines) => {
        const { choice } = answer(lines);
        expect(choice === null || choiceProblem(request, choice) === null).toBe(true);
      }),
    );
  });

  it('hands the faction back at the end of input, and after "auto"', () => {
    expect(answer([]).choice).toBeNull();
    const lines = ['auto', '2'];
    let next = 0;
    const player = promptPlayer({ readLine: () => lines[next++] ?? null, write: () => {} }, names);
    expect(player.choose(request)).toBeNull();
    expect(player.choose(request)).toBeNull();
    expect(next).toBe(1);
  });
});
