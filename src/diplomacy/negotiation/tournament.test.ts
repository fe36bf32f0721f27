import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, renderProblem } from '../../common/errors.js';
import {
  parseTournamentConfig,
  planTournament,
  renderTournament,
  runTournament,
  runTournamentJobs,
  summariseTournament,
} from './tournament.js';

const CONFIG = `domains:
  - random: {issues: 2, values: 4, count: 2}
strategies: [aspiration, hardliner, {name: conceder, e: 2}]
repetitions: 2
seed: 7
deadline: {rounds: 30}
`;

const DOMAIN = `issues:
  - {name: x, values: [a, b, c]}
parties:
  - {name: p, weights: {x: 1}, utilities: {x: {a: 1, b: 0.5, c: 0}}}
  - {name: q, weights: {x: 1}, utilities: {x: {a: 0, b: 0.6, c: 1}}}
  - {name: r, weights: {x: 1}, utilities: {x: {a: 0.5, b: 1, c: 0.5}}}
deadline: {rounds: 10}
`;

describe('tournaments', () => {
  it('plan every assignment of strategies to roles, for every domain and repetition', () => {
    const config = parseTournamentConfig(CONFIG, 't.yaml');
    expect(config.files).toEqual([]);
    const t = planTournament(config.input([]));
    expect(t.domains.map((d) => d.name)).toEqual(['random-2x4#0.0', 'random-2x4#0.1']);
    expect(t.domains[0]!.deadline).toEqual({ rounds: 30 });
    // 2 domains × 3² assignments × 2 repetitions.
    expect(t.jobs).toHaveLength(36);
    const pairs = t.jobs
      .filter((j) => j.domain === 0 && j.repetition === 0)
      .map((j) => j.strategies.join(''));
    expect(pairs).toEqual(['00', '01', '02', '10', '11', '12', '20', '21', '22']);
    const noSelf = parseTournamentConfig(`${CONFIG}selfPlay: false\n`, 't.yaml');
    expect(planTournament(noSelf.input([])).jobs).toHaveLength(2 * 6 * 2);
  });

  it('play domains read from files, with n parties in every role', () => {
    const config = parseTournamentConfig(
      'domains: [three.yaml]\nstrategies: [aspiration, hardliner]\n',
      't.yaml',
    );
    expect(config.files).toEqual([{ path: 'three.yaml', index: 0 }]);
    const t = planTournament(config.input([{ file: '/x/three.yaml', text: DOMAIN }]));
    expect(t.jobs).toHaveLength(8); // 2³
    const summary = summariseTournament(t, runTournamentJobs(t, 0, t.jobs.length));
    expect(summary.negotiations).toBe(8);
    for (const s of summary.standings) expect(s.negotiations).toBe(12); // 24 roles, half each
  });

  it('summarise utilities, agreements, rounds, distances and welfare per strategy', () => {
    const input = parseTournamentConfig(CONFIG, 't.yaml').input([]);
    const summary = runTournament(input);
    expect(summary.negotiations).toBe(36);
    expect(summary.standings.map((s) => s.strategy).sort()).toEqual([
      'aspiration',
      'conceder(e=2)',
      'hardliner',
    ]);
    for (const s of summary.standings) {
      expect(s.negotiations).toBe(24); // 36 negotiations × 2 roles / 3 strategies
      expect(s.agreementRate).toBeGreaterThanOrEqual(0);
      expect(s.agreementRate).toBeLessThanOrEqual(1);
      if (s.agreementRate > 0) expect(s.meanParetoDistance).toBeGreaterThanOrEqual(0);
      expect(s.meanWelfare).toBeGreaterThanOrEqual(0);
    }
    // Sorted by mean utility.
    const utilities = summary.standings.map((s) => s.meanUtility);
    expect([...utilities].sort((a, b) => b - a)).toEqual(utilities);
    // Two hardliners only agree when their best outcomes coincide; the conceder always concedes.
    const conceder = summary.standings.find((s) => s.strategy === 'conceder(e=2)')!;
    expect(conceder.agreementRate).toBeGreaterThan(0.5);
    expect(renderTournament(summary).split('\n').slice(0, 4)).toEqual([
      '36 negotiations on 2 domains, 32 agreements',
      '',
      'strategy       negotiations  utility  agreements  rounds  to Nash  to Pareto  welfare',
      '-------------  ------------  -------  ----------  ------  -------  ---------  -------',
    ]);
  });

  it('is deterministic, and each job is independent of the others', () => {
    const input = parseTournamentConfig(CONFIG, 't.yaml').input([]);
    expect(runTournament(input)).toEqual(runTournament(input));
    const t = planTournament(input);
    const all = runTournamentJobs(t, 0, t.jobs.length);
    const backwards = t.jobs
      .map((_, i) => runTournamentJobs(t, i, i + 1)[0]!)
      .reverse()
      .reverse();
    expect(backwards).toEqual(all);
    const reseeded = parseTournamentConfig(CONFIG.replace('seed: 7', 'seed: 8'), 't.yaml').input([]);
    expect(runTournament(reseeded)).not.toEqual(runTournament(input));
  });

  it('report configuration problems located', () => {
    try {
      parseTournamentConfig(
        'domains: []\nstrategies: [aspiraton, hardliner, hardliner]\ndeadline: {}\n',
        't.yaml',
      );
      expect.unreachable();
    } catch (err) {
      expect((err as InputError).problems.map(renderProblem)).toEqual([
        't.yaml:1:10 domains: Too small: expected array to have >=1 items',
      ]);
    }
    try {
      parseTournamentConfig(
        'domains: [a.yaml]\nstrategies: [aspiraton, hardliner, hardliner]\ndeadline: {}\n',
        't.yaml',
      );
      expect.unreachable();
    } catch (err) {
      expect((err as InputError).problems.map(renderProblem)).toEqual([
        't.yaml:2:14 strategies[0]: unknown strategy "aspiraton" (did you mean "aspiration"?)',
        't.yaml:3:11 deadline: a deadline needs rounds, time or both (e.g. {rounds: 100})',
        't.yaml:2:36 strategies[2]: strategy hardliner is listed twice',
      ]);
    }
  });

  it('never fails on arbitrary configuration text with anything but located input errors', () => {
    const texts = fc.oneof(
      fc.string(),
      fc.constantFrom(
        CONFIG,
        CONFIG.replace('2, values', '0, values'),
        'domains: [{random: 3}]\nstrategies: [7]\n',
        '[',
        '*a',
      ),
    );
    fc.assert(
      fc.property(texts, fc.nat(300), (text, cut) => {
        for (const t of [text, text.slice(0, cut)]) {
          try {
            parseTournamentConfig(t, 't.yaml').input([]);
          } catch (err) {
            expect(err).toBeInstanceOf(InputError);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
