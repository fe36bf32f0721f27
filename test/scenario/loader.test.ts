import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, type Problem, renderProblem } from '../../src/common/errors.js';
import {
  builtinScenarioDir,
  builtinScenarioNames,
  resolveScenario,
} from '../../src/runner/builtin-scenarios.js';
import { loadScenario } from '../../src/scenario/loader.js';

const fixtures = resolve(import.meta.dirname, '..', 'fixtures');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');

function problemsOf(text: string, file = 'f.yaml'): Problem[] {
  try {
    loadScenario(text, file);
  } catch (err) {
    if (err instanceof InputError) return [...err.problems];
    throw err;
  }
  return [];
}

describe('loadScenario', () => {
  it('accepts the built-in scenarios and the small fixture', () => {
    expect(builtinScenarioNames()).toContain('delta-quadrant');
    for (const name of builtinScenarioNames()) expect(() => resolveScenario(name)).not.toThrow();
    expect(problemsOf(fixture('small.yaml'))).toEqual([]);
  });

  const cases: [string, string][] = [
    [
      'bad-syntax.yaml',
      'bad-syntax.yaml:4:1: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    [
      'bad-type.yaml',
      'bad-type.yaml:4:11 duration: "soon" is not a duration; write e.g. 20h, 1d 6h, 90m or 35y',
    ],
    [
      'bad-unknown-ref.yaml',
      'bad-unknown-ref.yaml:19:13 factions[1].leader: unknown person "rexx" (did you mean "rex"?)',
    ],
    [
      'bad-duplicate-id.yaml',
      'bad-duplicate-id.yaml:22:11 persons[1].id: duplicate id "ada" (first used at persons[0])',
    ],
    [
      'bad-negative-amount.yaml',
      'bad-negative-amount.yaml:35:57 script[1].do.provisions[0].amount: Too small: expected number to be >=0',
    ],
    [
      'bad-provision-kind.yaml',
      'bad-provision-kind.yaml:35:28 script[1].do.provisions[0].kind: unknown kind "tribute"',
    ],
    [
      'bad-script-person.yaml',
      'bad-script-person.yaml:37:12 script[2].actor: unknown person "rexx" (did you mean "rex"?)',
    ],
    [
      'bad-milestone.yaml',
      'bad-milestone.yaml:44:27 milestones[0].steps[0].where.outcome: event "agreement-concluded" has no field "outcome"',
    ],
    [
      'bad-milestone-never.yaml',
      'bad-milestone-never.yaml:44:27 milestones[0].steps[0].where.outcome: field "outcome" of "negotiation-ended" can never be "surrender"',
    ],
  ];
  for (const [file, expected] of cases) {
    it(`locates the problem in ${file}`, () => {
      const rendered = problemsOf(fixture(file), file).map(renderProblem);
      expect(
        rendered.some((line) => line.startsWith(expected)),
        rendered.join('\n'),
      ).toBe(true);
    });
  }

  it('reports every problem at once, not just the first', () => {
    const problems = problemsOf(fixture('bad-duplicate-id.yaml'));
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(new Set(problems.map((p) => p.code))).toEqual(
      new Set(['duplicate-id', 'unknown-reference', 'invalid-leader']),
    );
  });

  it('reads JSON as well as YAML, with locations', () => {
    const problems = problemsOf('{\n  "version": 2,\n  "id": "x"\n}', 'x.json');
    expect(problems[0]).toMatchObject({ file: 'x.json', line: 2, column: 14, path: 'version' });
  });

  it('checks script steps: one of do or event, in time order', () => {
    const text = fixture('small.yaml').replace('  - at: 2h\n    actor: rex', '  - at: 0h\n    actor: rex');
    expect(problemsOf(text).map((p) => p.code)).toContain('out-of-order');
  });

  it('checks exogenous events in the script against the event schemas and the ids', () => {
    const text = `${fixture('small.yaml').split('milestones:')[0]}  - at: 3h\n    event: { type: person-died, person: adda, cause: fever }\n`;
    const problems = problemsOf(text);
    expect(problems.map(renderProblem)[0]).toContain('unknown person "adda" (did you mean "ada"?)');
  });

  it('refuses a treaty naming a faction twice among its parties, located (found by the loader fuzz)', () => {
    const text = readFileSync('test/fixtures/obligations/guarantee.yaml', 'utf8').replace(
      'parties: [east, west, south]',
      'parties: [east, east]',
    );
    const rendered = problemsOf(text, 'guarantee.yaml').map(renderProblem);
    expect(rendered).toEqual([
      expect.stringMatching(/^guarantee\.yaml:\d+:\d+ agreements\[0\]\.parties: a faction is named twice/),
    ]);
  });

  it('checks when milestones are due and what incoherence patterns compare, located', () => {
    const coherence = fixture('coherence.yaml');
    const rendered = (from: string, to: string) =>
      problemsOf(coherence.replace(from, to), 'c.yaml').map(renderProblem);
    expect(rendered('after: envoys-held', 'after: envoy-held')).toEqual([
      expect.stringMatching(
        /^c\.yaml:\d+:\d+ milestones\[1\]\.due\.after: unknown milestone "envoy-held" \(did you mean "envoys-held"\?\)/,
      ),
    ]);
    expect(rendered('due: { by: 30m }', 'due: { after: gift-sent, within: 1h }')).toEqual([
      expect.stringContaining('milestones[0].due.after: milestone "gift-sent" is declared after this one'),
    ]);
    expect(rendered('after: envoys-held', 'after: gift-sent')).toEqual([
      expect.stringContaining('milestones[1].due.after: a milestone cannot be due after itself'),
    ]);
    expect(rendered('due: { by: 30m }', 'due: { by: 30m, within: 1h }')[0]).toContain('milestones[0].due');
    expect(rendered('same: [{ to: by }]', 'same: [{ to: bye }]')).toEqual([
      expect.stringContaining(
        'incoherence[0].steps[1].same[0].to: the previous step\'s event has no field "bye" (did you mean "by"?)',
      ),
    ]);
    expect(rendered('same: [{ persons: person }]', 'same: [{ persns: person }]')).toEqual([
      expect.stringContaining(
        'incoherence[0].steps[1].without[0].same[0].persns: event "prisoners-escaped" has no field "persns"',
      ),
    ]);
    expect(
      rendered(
        '- { event: person-detained, where: { person: { in: [ada, bo, cy] } } }',
        '- { event: person-detained, same: [{ person: by }] }',
      ),
    ).toEqual([
      expect.stringContaining('a mapped `same` compares with the previous step, and this is the first step'),
    ]);
  });

  it('rejects a milestone naming an unknown event type, with a suggestion', () => {
    const text = fixture('small.yaml').replace('event: agreement-concluded', 'event: agreement-conclude');
    expect(problemsOf(text).map(renderProblem)[0]).toContain(
      'unknown event type "agreement-conclude" (did you mean "agreement-concluded"?)',
    );
  });

  it("applies a variant's changes by path, and reports a path that leads nowhere", () => {
    const withVariant = (set: string) =>
      `${fixture('small.yaml')}variants:\n  - id: v\n    title: V\n    set: ${set}\n`;
    const spec = loadScenario(
      withVariant('{ factions.blue.name: Azure, milestones.agreed: null }'),
      'v.yaml',
      {
        variant: 'v',
      },
    ).spec;
    expect(spec.factions[0]?.name).toBe('Azure');
    expect(spec.milestones).toEqual([]);
    expect(() => loadScenario(withVariant('{ factions.bleu.name: x }'), 'v.yaml', { variant: 'v' })).toThrow(
      'no element "bleu" in factions (valid: "blue", "red")',
    );
    expect(() => loadScenario(withVariant('{ title.x: 1 }'), 'v.yaml', { variant: 'v' })).toThrow(
      'title has no fields',
    );
  });

  it("never lets a variant's path reach an object's prototype", () => {
    for (const path of ['__proto__.polluted', 'constructor.prototype.polluted', 'factions.blue.__proto__']) {
      const text = `${fixture('small.yaml')}variants:\n  - id: v\n    title: V\n    set: { ${path}: 1 }\n`;
      expect(() => loadScenario(text, 'v.yaml', { variant: 'v' })).toThrow(InputError);
      expect(Object.prototype).not.toHaveProperty('polluted');
    }
  });

  it('never throws anything but an InputError, whatever the text (fuzz)', () => {
    const base = readFileSync(join(builtinScenarioDir(), 'delta-quadrant.yaml'), 'utf8');
    const lines = base.split('\n');
    const mutated = fc
      .tuple(fc.nat(lines.length - 1), fc.nat(40), fc.string({ maxLength: 8 }), fc.boolean())
      .map(([line, col, insert, drop]) => {
        const copy = [...lines];
        if (drop) copy.splice(line, 1);
        else copy[line] = copy[line]!.slice(0, col) + insert + copy[line]!.slice(col);
        return copy.join('\n');
      });
    const anyText = fc.oneof(fc.string(), fc.json(), mutated);
    fc.assert(
      fc.property(anyText, (text) => {
        try {
          loadScenario(text, 'fuzz.yaml');
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          expect(err.problems.length).toBeGreaterThan(0);
          for (const p of err.problems) expect(p.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 250 },
    );
  });
});
