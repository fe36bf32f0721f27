import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, renderProblem } from '../../../src/common/errors.js';
import { parseDomain } from '../../../src/diplomacy/negotiation/domain.js';
import { runNegotiation } from '../../../src/diplomacy/negotiation/negotiate.js';
import { isForbidden } from '../../../src/diplomacy/negotiation/preferences.js';

/** The domain format exactly as the specification gives it. */
const EXAMPLE = `issues:
  - name: supplies          # categorical or ordinal values, or {min, max, step} for an integer range
    values: [none, food, food-and-medicine]
  - name: crew-exchange
    values: [no, yes]
parties:
  - name: federation
    reservation: 0.2          # utility of no agreement, in [0, 1]
    weights: {supplies: 0.3, crew-exchange: 0.7}
    utilities:                # value function per issue, each in [0, 1]
      supplies: {none: 1, food: 0.6, food-and-medicine: 0.3}
      crew-exchange: {no: 1, yes: 0}
    forbid: [{crew-exchange: yes}]   # red lines: any outcome matching one is unacceptable
    strategy: boulware        # or {name: conceder, e: 2}
  - name: nistrim
    reservation: 0.1
    weights: {supplies: 0.6, crew-exchange: 0.4}
    utilities:
      supplies: {none: 0, food: 0.5, food-and-medicine: 1}
      crew-exchange: {no: 0, yes: 1}
    strategy: {name: conceder, e: 2}
deadline: {rounds: 100}
`;

function problems(text: string, file = 'd.yaml'): string[] {
  try {
    parseDomain(text, file);
  } catch (err) {
    if (err instanceof InputError) return err.problems.map(renderProblem);
    throw err;
  }
  return [];
}

describe('domain files', () => {
  it('parse the format of the specification', () => {
    const d = parseDomain(EXAMPLE, 'example.yaml');
    expect(d.space.issues.map((i) => [i.name, i.values])).toEqual([
      ['supplies', ['none', 'food', 'food-and-medicine']],
      ['crew-exchange', ['no', 'yes']],
    ]);
    const [federation, nistrim] = d.parties;
    expect(federation!.name).toBe('federation');
    expect(federation!.preferences.reservation).toBe(0.2);
    // u(food, no) = 0.3·0.6 + 0.7·1
    expect(federation!.preferences.utility.utility([1, 0])).toBeCloseTo(0.88, 12);
    expect(isForbidden(federation!.preferences, [0, 1])).toBe(true);
    expect(isForbidden(federation!.preferences, [0, 0])).toBe(false);
    expect(federation!.strategy).toBe('boulware');
    expect(nistrim!.strategy).toEqual({ name: 'conceder', e: 2 });
    expect(d.deadline).toEqual({ rounds: 100 });
    expect(d.protocol).toEqual({ kind: 'alternating-offers' });
    const r = runNegotiation(d, { seed: 1 });
    expect(['agreement', 'timeout', 'walk-away']).toContain(r.status);
  });

  it('parse JSON, integer ranges, linear value functions and the optional extras', () => {
    const d = parseDomain(
      JSON.stringify({
        issues: [
          { name: 'aid', values: { min: 0, max: 100, step: 25 } },
          { name: 'pace', kind: 'ordinal', values: ['slow', 'fast'] },
        ],
        parties: [
          {
            name: 'a',
            weights: { aid: 1, pace: 0 },
            utilities: { aid: { linear: [1, 0] } },
            discount: 0.9,
            onRedLine: 'walk-away',
            forbid: [{ aid: [75, 100] }],
          },
          {
            name: 'b',
            weights: { aid: 1, pace: 1 },
            utilities: {
              aid: { '0': 0, '25': 0.25, '50': 0.5, '75': 0.75, '100': 1 },
              pace: { linear: [0, 1] },
            },
          },
        ],
        deadline: { rounds: 10, time: 24 },
        roundDuration: 2,
        protocol: { kind: 'mediated', mediator: 'tersa', strategy: 'nash' },
      }),
      'd.json',
    );
    expect(d.space.issues[0]!.values).toEqual([0, 25, 50, 75, 100]);
    expect(d.parties[0]!.preferences.utility.utility([1, 0])).toBeCloseTo(0.75, 12);
    expect(d.parties[0]!.strategy).toBe('aspiration');
    expect(d.parties[0]!.preferences.discount).toBe(0.9);
    expect(d.parties[0]!.preferences.onRedLine).toBe('walk-away');
    expect(isForbidden(d.parties[0]!.preferences, [3, 0])).toBe(true);
    expect(d.parties[1]!.preferences.utility.utility([4, 1])).toBeCloseTo(1, 12);
    expect(d.roundDuration).toBe(2);
    expect(d.deadline).toEqual({ rounds: 10, time: 24 });
    expect(d.protocol).toEqual({ kind: 'mediated', mediator: 'tersa', strategy: 'nash' });
  });

  it('report every problem with file, line, column, path and a fix', () => {
    const text = `issues:
  - name: supplies
    values: [none, food]
parties:
  - name: federation
    weights: {suplies: 1}
    utilities:
      supplies: {none: 1, fod: 0.5}
    forbid: [{supplies: gold}]
    strategy: bulware
  - name: nistrim
    weights: {supplies: 1}
    utilities:
      supplies: {none: 2, food: 0.5}
    strategy: {name: conceder, e: -1, speed: 3}
deadline: {}
`;
    expect(problems(text)).toEqual([
      'd.yaml:6:15 parties[0].weights.suplies: unknown issue "suplies" (did you mean "supplies"?)',
      'd.yaml:6:14 parties[0].weights: no weight for issue "supplies" (add "supplies: 0" to ignore it)',
      'd.yaml:8:27 parties[0].utilities.supplies.fod: issue "supplies" has no value "fod" (did you mean "food"?)',
      'd.yaml:9:25 parties[0].forbid[0].supplies: issue "supplies" has no value "gold" (valid: "none", "food")',
      'd.yaml:10:15 parties[0].strategy: unknown strategy "bulware" (did you mean "boulware"?)',
      'd.yaml:14:24 parties[1].utilities.supplies.none: utility of "none" must be a number in [0, 1]',
      'd.yaml:15:35 parties[1].strategy.e: e must be a positive number',
      'd.yaml:15:39 parties[1].strategy.speed: unknown parameter "speed" of strategy conceder (valid: e, k, accept)',
      'd.yaml:16:11 deadline: a deadline needs rounds, time or both (e.g. {rounds: 100})',
    ]);
  });

  it('report schema problems located, and the missing pieces of a value function', () => {
    expect(problems('issues: []\nparties: []\ndeadline: {rounds: 0}\nextra: 1\n')).toEqual([
      'd.yaml:1:9 issues: Too small: expected array to have >=1 items',
      'd.yaml:2:10 parties: Too small: expected array to have >=1 items',
      'd.yaml:3:20 deadline.rounds: Too small: expected number to be >0',
      'd.yaml:4:1 extra: unknown field "extra"',
    ]);
    const missing = problems(`issues:
  - {name: x, values: [a, b, c]}
parties:
  - {name: p, weights: {x: 1}, utilities: {x: {a: 1}}}
  - {name: q, weights: {x: 1}}
deadline: {rounds: 5}
`);
    expect(missing).toEqual([
      'd.yaml:4:47 parties[0].utilities.x: no utility for "b", "c" of issue "x"',
      'd.yaml:5:5 parties[1].utilities.x: no value function for issue "x" (give a utility in [0, 1] to each of "a", "b", "c")',
    ]);
  });

  it('check the protocol, the parties and the ranges', () => {
    const base = (
      extra: string,
      parties = '  - {name: p, weights: {x: 1}, utilities: {x: {a: 1, b: 0}}}\n',
    ) => `issues:\n  - {name: x, values: [a, b]}\nparties:\n${parties}deadline: {rounds: 5}\n${extra}`;
    expect(problems(base(''))).toEqual([
      'd.yaml:4:3 parties: alternating offers needs at least two parties (add a party or use a mediated protocol)',
    ]);
    expect(problems(base('protocol: {kind: mediated, mediator: p, strategy: nsh}\n'))).toEqual([
      'd.yaml:6:38 protocol.mediator: the mediator "p" is also a party (a mediator proposes; parties vote)',
      'd.yaml:6:51 protocol.strategy: unknown mediator strategy "nsh" (did you mean "nash"?)',
    ]);
    expect(
      problems(base('protocol: {kind: mediated, mediator: m, strategy: script, texts: [{x: c}]}\n')),
    ).toEqual(['d.yaml:6:71 protocol.texts[0].x: issue "x" has no value "c" (valid: "a", "b")']);
    expect(
      problems(
        'issues:\n  - {name: n, values: {min: 5, max: 1}}\nparties: [{name: p, weights: {n: 1}}]\ndeadline: {rounds: 1}\n',
      ),
    ).toEqual(['d.yaml:2:37 issues[0].values.max: max 1 is below min 5']);
    expect(
      problems(
        base(
          '',
          '  - {name: p, weights: {x: 1}, utilities: {x: {linear: [0, 1]}}}\n  - {name: p, weights: {x: 0}}\n',
        ),
      ),
    ).toEqual([
      'd.yaml:4:56 parties[0].utilities.x.linear: issue "x" is categorical: its values have no order (give each value its utility, or declare the issue "kind: ordinal")',
      'd.yaml:5:12 parties[1].name: party "p" is defined twice',
      'd.yaml:5:24 parties[1].weights: at least one weight must be positive',
    ]);
  });

  it('never fails on arbitrary input with anything but located input errors', () => {
    const fragments = fc.oneof(
      fc.string(),
      fc.constantFrom(
        EXAMPLE,
        EXAMPLE.replace('0.3', '-1'),
        EXAMPLE.replace('boulware', '{name: 7}'),
        '{',
        'issues: 3',
        EXAMPLE.slice(0, 200),
      ),
    );
    fc.assert(
      fc.property(fragments, fc.nat(400), (text, cut) => {
        for (const t of [text, text.slice(0, cut)]) {
          try {
            parseDomain(t, 'f.yaml');
          } catch (err) {
            expect(err).toBeInstanceOf(InputError);
            for (const p of (err as InputError).problems) expect(p.file).toBe('f.yaml');
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
