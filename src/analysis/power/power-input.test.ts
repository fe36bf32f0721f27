import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectOnlyInputErrors, renderedProblems } from '../../../test/input-errors.js';
import { InputError } from '../../common/errors.js';
import { parseVotingGame } from './power-input.js';

const problems = (text: string): string[] => renderedProblems(() => parseVotingGame(text, 'g.yaml'));

describe('parseVotingGame', () => {
  it('reads weighted and simple games', () => {
    expect(
      parseVotingGame('quota: 3\nplayers:\n  - {name: A, weight: 2}\n  - {name: B, weight: 1}\n', 'g.yaml'),
    ).toEqual({
      kind: 'weighted',
      game: { names: ['A', 'B'], weights: [2, 1], quota: 3 },
    });
    expect(
      parseVotingGame('players: [{name: A}, {name: B}]\nminimalWinningCoalitions: [[A], [B]]\n', 'g.yaml'),
    ).toEqual({
      kind: 'simple',
      game: { names: ['A', 'B'], minimalWinning: [[0], [1]] },
    });
  });

  it('rejects a quota above the total weight, located', () => {
    expect(problems('quota: 600\nplayers:\n  - {name: A, weight: 2}\n')).toEqual([
      'g.yaml:1:8 quota: quota 600 is above the total weight 2: no coalition can win (use a quota of at most 2)',
    ]);
    expect(problems('quota: 0\nplayers:\n  - {name: A, weight: 2}\n')[0]).toMatch(
      /^g.yaml:1:8 quota: quota 0 is not positive/,
    );
  });

  it('locates missing and fractional weights, duplicates and unknown names', () => {
    expect(problems('quota: 2\nplayers:\n  - {name: A, weight: 1.5}\n  - {name: A}\n')).toEqual([
      'g.yaml:4:12 players[1].name: player "A" is listed twice (first at players[0])',
      'g.yaml:3:23 players[0].weight: weight 1.5 is not an integer (scale every weight and the quota to integers)',
      'g.yaml:4:5 players[1]: player "A" has no weight (a weighted game needs a weight for every player)',
    ]);
    expect(
      problems('players: [{name: Alpha}, {name: Beta}]\nminimalWinningCoalitions: [[Alpha, Bete], []]\n'),
    ).toEqual([
      'g.yaml:2:36 minimalWinningCoalitions[0][1]: unknown player "Bete" (did you mean "Beta"?)',
      'g.yaml:2:43 minimalWinningCoalitions[1]: the empty coalition cannot win (list its members)',
    ]);
    expect(problems('players: [{name: A}]\n')[0]).toMatch(/no rule for winning/);
  });

  it('never throws anything but an InputError on arbitrary input', () => {
    expectOnlyInputErrors(fc.string(), (text) => parseVotingGame(text, 'fuzz.yaml'), 300);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          parseVotingGame(
            JSON.stringify({ players: [{ name: 'A', weight: 1 }], ...(value as object) }),
            'fuzz.json',
          );
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
