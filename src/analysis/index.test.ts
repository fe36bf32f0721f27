import { describe, expect, it } from 'vitest';
import * as library from '../index.js';

describe('library API', () => {
  it('exports every analysis command from the package entry point', () => {
    for (const name of [
      'predictAlignment',
      'allConfigurations',
      'parseLandscape',
      'solveMaxCut',
      'parseGset',
      'weightedGamePower',
      'simpleGamePower',
      'shapleyValue',
      'parseVotingGame',
      'branchAndBoundCsg',
      'dynamicProgrammingCsg',
      'parseCoalitionValues',
    ]) {
      expect(typeof (library as Record<string, unknown>)[name]).toBe('function');
    }
    const game = library.parseVotingGame(
      'quota: 2\nplayers: [{name: A, weight: 1}, {name: B, weight: 1}]\n',
      'g.yaml',
    );
    expect(game.kind).toBe('weighted');
  });
});
