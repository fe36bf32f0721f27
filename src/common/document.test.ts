import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatPath, parseSourceDocument } from './document.js';
import { InputError, renderProblem } from './errors.js';
import { nearest, parseAndValidate, suggestionHint } from './validate.js';

describe('parseSourceDocument', () => {
  const text = 'name: test\nfactions:\n  - id: a\n    size: 3\n  - id: b\n    size: x\n';

  it('locates values by path, 1-based', () => {
    const doc = parseSourceDocument(text, 'f.yaml');
    expect(doc.locate(['factions', 1, 'size'])).toEqual({ line: 6, column: 11 });
    expect(doc.locateKey(['factions', 1, 'size'])).toEqual({ line: 6, column: 5 });
    expect(doc.locate(['name'])).toEqual({ line: 1, column: 7 });
  });

  it('locates a missing field at its nearest existing ancestor', () => {
    const doc = parseSourceDocument(text, 'f.yaml');
    expect(doc.locate(['factions', 0, 'leader'])).toEqual({ line: 3, column: 5 });
  });

  it('parses JSON with locations', () => {
    const doc = parseSourceDocument('{\n  "a": [1, 2,\n 3]\n}', 'f.json');
    expect(doc.value).toEqual({ a: [1, 2, 3] });
    expect(doc.locate(['a', 2])).toEqual({ line: 3, column: 2 });
  });

  it('reports every syntax error with its position', () => {
    try {
      parseSourceDocument('a: 1\na: 2\nb: [1, 2\n', 'bad.yaml');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      const problems = (err as InputError).problems;
      expect(problems.length).toBeGreaterThanOrEqual(2);
      expect(problems.every((p) => p.file === 'bad.yaml' && typeof p.line === 'number')).toBe(true);
      expect(problems.some((p) => p.line === 2)).toBe(true);
    }
  });

  it('formats paths', () => {
    expect(formatPath(['factions', 2, 'leader'])).toBe('factions[2].leader');
    expect(formatPath([])).toBe('');
  });
});

describe('parseAndValidate', () => {
  const schema = z.strictObject({
    name: z.string(),
    size: z.number().nonnegative(),
    tags: z.array(z.string()),
  });

  it('reports every schema problem located', () => {
    try {
      parseAndValidate(schema, 'name: 3\nsize: -1\nextra: true\n', 'x.yaml');
      expect.unreachable();
    } catch (err) {
      const lines = (err as InputError).problems.map(renderProblem);
      expect(lines).toEqual([
        'x.yaml:1:7 name: expected string, received number 3',
        'x.yaml:2:7 size: Too small: expected number to be >=0',
        'x.yaml:1:1 tags: required array is missing',
        'x.yaml:3:1 extra: unknown field "extra"',
      ]);
    }
  });

  it('returns the typed value when valid', () => {
    const { value } = parseAndValidate(schema, '{"name": "a", "size": 1, "tags": []}', 'x.json');
    expect(value).toEqual({ name: 'a', size: 1, tags: [] });
  });
});

describe('suggestions', () => {
  it('finds the nearest plausible name', () => {
    expect(nearest('Culuh', ['Culluh', 'Seska', 'Rettick'])).toBe('Culluh');
    expect(nearest('zzzzzz', ['Culluh', 'Seska'])).toBeUndefined();
    expect(suggestionHint('Culuh', ['culluh', 'seska'])).toBe('did you mean "culluh"?');
    expect(suggestionHint('q', ['a', 'b'])).toBe('valid: "a", "b"');
  });
});

describe('documents that parse but have no value', () => {
  it('report an unresolved alias as bad input', () => {
    expect(() => parseSourceDocument('*!', 'a.yaml')).toThrow(InputError);
    try {
      parseSourceDocument('a: *nowhere\n', 'a.yaml');
    } catch (err) {
      expect((err as InputError).problems[0]).toMatchObject({ code: 'syntax', file: 'a.yaml', line: 1 });
    }
  });
});
