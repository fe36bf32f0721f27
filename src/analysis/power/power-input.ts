/**
 * The power-index input file (YAML or JSON), one of:
 *
 * ```yaml
 * quota: 270                      # a weighted voting game: S wins when Σ_{i∈S} w_i ≥ quota
 * players:
 *   - { name: CA, weight: 54 }
 * ```
 *
 * ```yaml
 * players: [{ name: A }, { name: B }, { name: C }]
 * minimalWinningCoalitions: [[A, B], [A, C]]   # a simple game: every superset of one wins
 * ```
 *
 * Every problem is located (file:line:col path) with a fix: a quota above the total weight, weights
 * that are not integers, unknown or repeated names, too many players for a listed game.
 */
import { z } from 'zod';
import { get } from '../../common/checked.js';
import { InputError } from '../../common/errors.js';
import { ProblemCollector, parseAndValidate } from '../../common/validate.js';
import {
  generatingTableSize,
  MAX_GENERATING_TABLE,
  MAX_SIMPLE_GAME_PLAYERS,
  MAX_WEIGHTED_GAME_PLAYERS,
  type SimpleGame,
  type WeightedGame,
} from './voting-power.js';

const playerSchema = z.strictObject({
  name: z.string().min(1),
  weight: z.number().finite().nonnegative().optional(),
});

export const votingGameSchema = z.strictObject({
  title: z.string().optional(),
  quota: z.number().finite().optional(),
  players: z.array(playerSchema).min(1),
  minimalWinningCoalitions: z.array(z.array(z.string())).optional(),
});

export type VotingGame =
  | { readonly kind: 'weighted'; readonly game: WeightedGame }
  | { readonly kind: 'simple'; readonly game: SimpleGame };

type Player = z.output<typeof playerSchema>;

export function parseVotingGame(text: string, file: string): VotingGame {
  const { value, doc } = parseAndValidate(votingGameSchema, text, file);
  const problems = new ProblemCollector(doc);
  const index = new Map<string, number>();
  value.players.forEach((p, i) => {
    const seen = index.get(p.name);
    if (seen !== undefined)
      problems.add(
        ['players', i, 'name'],
        'duplicate',
        `player "${p.name}" is listed twice`,
        `first at players[${seen}]`,
      );
    else index.set(p.name, i);
  });

  const { quota, minimalWinningCoalitions: coalitions } = value;
  if (quota !== undefined && coalitions !== undefined) {
    problems.add(
      ['minimalWinningCoalitions'],
      'conflict',
      'give either a quota (weighted game) or minimal winning coalitions, not both',
    );
    throw new InputError(problems.problems);
  }
  if (quota !== undefined) return { kind: 'weighted', game: weightedGame(quota, value.players, problems) };
  if (coalitions === undefined) {
    problems.add(
      [],
      'missing',
      'no rule for winning',
      'add "quota" with player weights, or "minimalWinningCoalitions"',
    );
    throw new InputError(problems.problems);
  }
  return { kind: 'simple', game: simpleGame(coalitions, value.players, index, problems) };
}

/** A weighted game: an integer weight for every player, a quota above 0 and at most the total. */
function weightedGame(quota: number, players: readonly Player[], problems: ProblemCollector): WeightedGame {
  let total = 0;
  let weightsOk = true;
  const weights: number[] = [];
  players.forEach((p, i) => {
    if (p.weight === undefined) {
      problems.add(
        ['players', i],
        'missing',
        `player "${p.name}" has no weight`,
        'a weighted game needs a weight for every player',
      );
      weightsOk = false;
    } else if (!Number.isInteger(p.weight)) {
      problems.add(
        ['players', i, 'weight'],
        'not-integer',
        `weight ${p.weight} is not an integer`,
        'scale every weight and the quota to integers',
      );
      weightsOk = false;
    } else {
      total += p.weight;
    }
    if (p.weight !== undefined) weights.push(p.weight);
  });
  if (quota <= 0) {
    problems.add(
      ['quota'],
      'range',
      `quota ${quota} is not positive: every coalition, even the empty one, would win`,
      'use a quota above 0',
    );
  } else if (weightsOk && quota > total) {
    problems.add(
      ['quota'],
      'range',
      `quota ${quota} is above the total weight ${total}: no coalition can win`,
      `use a quota of at most ${total}`,
    );
  }
  problems.throwIfAny();
  // Every player has a weight: a missing one is a problem thrown above.
  const game: WeightedGame = { names: players.map((p) => p.name), weights, quota: Math.ceil(quota) };
  if (players.length > MAX_WEIGHTED_GAME_PLAYERS) {
    problems.add(
      ['players'],
      'too-large',
      `${players.length} players: a weighted game may have at most ${MAX_WEIGHTED_GAME_PLAYERS}`,
    );
  } else if (generatingTableSize(game) > MAX_GENERATING_TABLE) {
    problems.add(
      ['quota'],
      'too-large',
      `the quota ${quota} with ${players.length} players needs a generating table of more than ${MAX_GENERATING_TABLE} entries`,
      'divide the weights and the quota by a common factor (rounding changes the game slightly)',
    );
  }
  problems.throwIfAny();
  return game;
}

/** A game given by its minimal winning coalitions: known players, each at most once in each. */
function simpleGame(
  coalitions: readonly (readonly string[])[],
  players: readonly Player[],
  index: ReadonlyMap<string, number>,
  problems: ProblemCollector,
): SimpleGame {
  const names = players.map((p) => p.name);
  if (names.length > MAX_SIMPLE_GAME_PLAYERS) {
    problems.add(
      ['players'],
      'too-large',
      `${names.length} players: a game given by its winning coalitions may have at most ${MAX_SIMPLE_GAME_PLAYERS}`,
      'give it as a weighted game with a quota if it is one',
    );
  }
  players.forEach((p, i) => {
    if (p.weight !== undefined)
      problems.add(
        ['players', i, 'weight'],
        'unused',
        'a weight is only used with a quota',
        'remove it, or give a quota instead of coalitions',
      );
  });
  if (coalitions.length === 0)
    problems.add(
      ['minimalWinningCoalitions'],
      'empty',
      'no winning coalition: nobody has any power',
      'list at least one coalition',
    );
  const minimalWinning: number[][] = [];
  coalitions.forEach((members, c) => {
    if (members.length === 0) {
      problems.add(
        ['minimalWinningCoalitions', c],
        'empty',
        'the empty coalition cannot win',
        'list its members',
      );
      return;
    }
    const seen = new Set<number>();
    const ids: number[] = [];
    members.forEach((m, k) => {
      if (!problems.reference(['minimalWinningCoalitions', c, k], 'player', m, names)) return;
      const id = get(index, m, 'player');
      if (seen.has(id))
        problems.add(
          ['minimalWinningCoalitions', c, k],
          'duplicate',
          `"${m}" appears twice in this coalition`,
        );
      seen.add(id);
      ids.push(id);
    });
    minimalWinning.push(ids);
  });
  problems.throwIfAny();
  return { names, minimalWinning };
}
