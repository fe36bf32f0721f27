import { describe, expect, it } from 'vitest';
import * as alliances from '../src/index.js';

describe('the library API', () => {
  it('exports the negotiation library, the tournament runner and the worker pool', () => {
    for (const name of [
      'createOutcomeSpace',
      'LinearAdditiveUtility',
      'createPreferences',
      'createAlternatingOffers',
      'createMediated',
      'createNegotiation',
      'runNegotiation',
      'aspiration',
      'timeDependent',
      'titForTat',
      'hardliner',
      'randomStrategy',
      'createAcceptance',
      'createUtilityIndex',
      'analyseBargaining',
      'parseDomain',
      'parseTournamentConfig',
      'runTournament',
      'runTournamentParallel',
      'createWorkerPool',
      'serveTasks',
    ]) {
      expect(typeof (alliances as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('runs a negotiation from a domain text, as the CLI does', () => {
    const domain = alliances.parseDomain(
      'issues: [{name: x, values: [a, b]}]\nparties:\n  - {name: p, weights: {x: 1}, utilities: {x: {a: 1, b: 0}}, strategy: hardliner}\n  - {name: q, weights: {x: 1}, utilities: {x: {a: 0.5, b: 1}}, strategy: {name: random, pAccept: 1}}\ndeadline: {rounds: 4}\n',
      'api.yaml',
    );
    const result = alliances.runNegotiation(domain, { seed: 1 });
    expect(result).toMatchObject({ status: 'agreement', outcome: { x: 'a' }, rounds: 1 });
  });
});
