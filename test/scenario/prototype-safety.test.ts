/**
 * No input reaches `Object.prototype`: not a variant's `set:` path, not `fork --set`, not a key of
 * any map in an input file. Property-tested over arbitrary paths and values (fast-check), and the
 * known attacks are checked one by one, with their located errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseSourceDocument } from '../../src/common/document.js';
import { InputError } from '../../src/common/errors.js';
import { buildWorld } from '../../src/engine/initial-world.js';
import { defaultScenario } from '../support.js';
import { applyEdit, editProblems, parseEdit } from '../../src/engine/world-edit.js';
import { builtinScenarioDir } from '../../src/runner/builtin-scenarios.js';
import { loadScenario } from '../../src/scenario/loader.js';
import { parseDomain } from '../../src/diplomacy/negotiation/domain.js';
import { toOutcome } from '../../src/diplomacy/negotiation/outcome-space.js';
import { parseEuSettings, parseSmpSettings } from '../../src/cli/commands/forecast.js';

const text = readFileSync(join(builtinScenarioDir(), 'delta-quadrant.yaml'), 'utf8');

/** Every name on the prototypes an attack could reach, to compare before and after. */
function prototypeState(): string {
  const names = (o: object) =>
    Object.getOwnPropertyNames(o)
      .map((n) => {
        const d = Object.getOwnPropertyDescriptor(o, n)!;
        return `${n}:${'value' in d ? typeof d.value : 'accessor'}`;
      })
      .sort()
      .join(',');
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype]
    .map(names)
    .join('|');
}

const before = prototypeState();
const clean = () => {
  expect(prototypeState()).toBe(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
};

/** A scenario text with one more variant, `attack`, that sets `path` to `value`. */
const withVariant = (path: string, value: unknown) =>
  `${text}\n${stringify([{ id: 'attack', title: 'an attack', set: { [path]: value } }])
    .split('\n')
    .map((l) => (l ? `  ${l}` : l))
    .join('\n')}`;

const segment = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'polluted',
    'factions',
    'federation',
    'persons',
    'culluh',
    'personality',
    'pride',
    'principles',
    'no-technology-transfer',
    'variants',
    'resources',
    'toString',
    'hasOwnProperty',
    'length',
    '0',
  ),
  fc.string({ maxLength: 8 }),
);
const path = fc.array(segment, { minLength: 1, maxLength: 6 }).map((s) => s.join('.'));
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant({ polluted: true }),
  fc.constant({ __proto__: { polluted: true } }),
);

describe('input never changes Object.prototype', () => {
  it('variant paths: arbitrary paths and values, applied and validated', () => {
    fc.assert(
      fc.property(path, value, (p, v) => {
        for (const options of [{ variant: 'attack' }, { checkVariants: true }]) {
          try {
            loadScenario(withVariant(p, v), 'attack.yaml', options);
          } catch (err) {
            expect(err).toBeInstanceOf(InputError);
            for (const problem of (err as InputError).problems) expect(problem.line).toBeGreaterThan(0);
          }
          clean();
        }
      }),
      { numRuns: 80 },
    );
  });

  it('fork --set: arbitrary paths and values, checked and applied', () => {
    const world = buildWorld(defaultScenario().spec);
    fc.assert(
      fc.property(path, value, (p, v) => {
        const edit = parseEdit(`${p}=${JSON.stringify(v)}`);
        if (!('error' in edit) && editProblems(world, edit).length === 0) {
          const edited = applyEdit(world, edit) as unknown as Record<string, unknown>;
          expect(Object.getPrototypeOf(edited)).toBe(Object.prototype);
        }
        clean();
      }),
      { numRuns: 500 },
    );
  });

  it('documents: any map key, any depth', () => {
    fc.assert(
      fc.property(fc.dictionary(segment, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), (d) => {
        const json = JSON.stringify({ a: d, b: [d] }).replace(/"polluted"/g, '"__proto__"');
        try {
          const doc = parseSourceDocument(json, 'x.json');
          // "__proto__" may stand as a string value; never as a key.
          expect(keysOf(doc.value)).not.toContain('__proto__');
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
        clean();
      }),
      { numRuns: 300 },
    );
  });
});

/** Every own key of every object in a parsed value, at any depth. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
}

describe('the known attacks get a located error', () => {
  it('variants setting __proto__ or constructor.prototype', () => {
    for (const p of ['__proto__.polluted', 'constructor.prototype.polluted', 'factions.__proto__.x']) {
      for (const options of [{ variant: 'attack' }, { checkVariants: true }]) {
        let error: InputError | undefined;
        try {
          loadScenario(withVariant(p, 1), 'attack.yaml', options);
        } catch (err) {
          error = err as InputError;
        }
        expect(error, `${p} ${JSON.stringify(options)}`).toBeInstanceOf(InputError);
        expect(error!.problems[0]).toMatchObject({ file: 'attack.yaml', code: 'unknown-path' });
        expect(error!.problems[0]!.message).toMatch(/cannot be part of a path/);
        expect(error!.problems[0]!.line).toBeGreaterThan(text.split('\n').length);
        clean();
      }
    }
  });

  it('validate checks every variant: a misspelt path, a value out of range, an unknown reference', () => {
    const broken = `${text}
  - id: misspelt
    title: a misspelt path
    set:
      factions.federation.principels: []
  - id: too-proud
    title: a value out of range
    set:
      persons.culluh.personality.pride: 7
  - id: nobody-leads
    title: an unknown reference
    set:
      factions.federation.leader: nobody
`;
    expect(() => loadScenario(broken, 'v.yaml')).not.toThrow();
    let error: InputError | undefined;
    try {
      loadScenario(broken, 'v.yaml', { checkVariants: true });
    } catch (err) {
      error = err as InputError;
    }
    const lineOf = (needle: string) => broken.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(error?.problems.map((p) => [p.line, p.message])).toEqual([
      [lineOf('principels'), 'no field "principels" in factions.federation'],
      [
        lineOf('pride: 7'),
        expect.stringMatching(/^variant "too-proud" makes persons\[\d+\]\.personality\.pride invalid/),
      ],
      [
        lineOf('leader: nobody'),
        'variant "nobody-leads" makes factions[0].leader invalid: unknown person "nobody"',
      ],
    ]);
  });

  it('fork --set with __proto__ or constructor in the path, or __proto__ in the value', () => {
    const world = buildWorld(defaultScenario().spec);
    for (const raw of [
      '__proto__={"a":1}',
      'factions.federation.__proto__={"a":1}',
      'factions.federation.constructor.prototype.a=1',
      'persons.culluh.prototype=1',
    ]) {
      const edit = parseEdit(raw);
      expect(edit, raw).toMatchObject({ error: expect.stringMatching(/cannot be part of a path/) });
    }
    expect(parseEdit('factions.federation.resources={"__proto__": {"a": 1}}')).toMatchObject({
      error: expect.stringContaining('"__proto__"'),
    });
    // Names every object inherits are no keys of the world.
    expect(editProblems(world, { path: 'factions.federation.toString', value: 'x' })).toEqual([
      expect.objectContaining({ message: 'factions.federation has no "toString"' }),
    ]);
    clean();
  });

  it('__proto__ keys in any input map are an error like any other unknown key', () => {
    const scenario = text.replace('resources: { food: 900,', 'resources: { __proto__: 5, food: 900,');
    expect(scenario).not.toBe(text);
    expect(() => loadScenario(scenario, 'r.yaml')).toThrow(/unknown field "__proto__"/);
    const domain = `issues: [{name: a, values: [x, y]}]
parties:
  - {name: p, weights: {a: 1, __proto__: 2}}
  - {name: q, weights: {a: 1}}
deadline: {rounds: 10}
`;
    let error: InputError | undefined;
    try {
      parseDomain(domain, 'd.yaml');
    } catch (err) {
      error = err as InputError;
    }
    expect(error?.problems).toEqual([
      expect.objectContaining({
        file: 'd.yaml',
        line: 3,
        path: 'parties[0].weights.__proto__',
        code: 'unknown-field',
      }),
    ]);
  });

  it('ids cannot be names every object inherits', () => {
    const renamed = text.replace(/\bid: tuvok\b/, 'id: constructor');
    expect(() => loadScenario(renamed, 'c.yaml')).toThrow(
      /"constructor" and "prototype" cannot be person ids/,
    );
  });
});

describe('names from input are own properties, never looked up on a prototype', () => {
  it('an issue named constructor is negotiated and reported like any other; __proto__ names none', () => {
    const domain = (name: string, weights: string) => `issues:
  - {name: ${name}, values: [x, y]}
  - {name: constructor, values: [a, b]}
parties:
  - {name: p, weights: ${weights}, utilities: {constructor: {a: 1, b: 0}}, forbid: [{constructor: b}]}
  - {name: q, weights: {constructor: 1}, utilities: {constructor: {a: 0, b: 1}}}
deadline: {rounds: 10}
`;
    // Every object inherits a \`constructor\`: a missing weight for that issue is still missing.
    expect(() => parseDomain(domain('price', '{price: 1}'), 'd.yaml')).toThrow(
      'd.yaml:5:24 parties[0].weights: no weight for issue "constructor"',
    );
    expect(() => parseDomain(domain('__proto__', '{constructor: 1}'), 'd.yaml')).toThrow(
      /d\.yaml:2:12 issues\[0\]\.name: "__proto__" cannot name an issue/,
    );
    const ok = parseDomain(
      domain('price', '{price: 0, constructor: 1}').replace(
        '{constructor: 1}, utilities: {constructor: {a: 0',
        '{price: 0, constructor: 1}, utilities: {constructor: {a: 0',
      ),
      'ok.yaml',
    );
    const outcome = toOutcome(ok.space, [1, 0]);
    expect(Object.keys(outcome)).toEqual(['price', 'constructor']);
    expect(outcome).toEqual({ price: 'y', constructor: 'a' });
    clean();
  });

  it('forecast settings named constructor are unknown settings, not inherited ones', () => {
    expect(() => parseSmpSettings(['constructor=1'])).toThrow(InputError);
    expect(() => parseSmpSettings(['constructor=1'])).toThrow('unknown SMP parameter "constructor"');
    expect(() => parseEuSettings(['constructor=net'])).toThrow(InputError);
  });

  it('a milestone condition on a field named constructor is an unknown field, reported once', () => {
    const withMilestone = text.replace(
      'milestones:\n',
      'milestones:\n  - id: odd\n    title: odd\n    steps:\n      - { event: offer-made, where: { constructor: 1 } }\n',
    );
    let error: InputError | undefined;
    try {
      loadScenario(withMilestone, 'm.yaml', { checkVariants: true });
    } catch (err) {
      error = err as InputError;
    }
    expect(error?.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'milestones[0].steps[0].where.constructor: event "offer-made" has no field "constructor"',
    ]);
  });
});
