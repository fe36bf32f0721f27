import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DocumentPath, parseSourceDocument } from './document.js';

/** Every path into a JSON value, and one missing path below each container. */
function paths(value: unknown, at: (string | number)[] = []): DocumentPath[] {
  const out: DocumentPath[] = [at];
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.push(...paths(v, [...at, i])));
    out.push([...at, value.length]);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
    out.push([...at, 'no such key']);
  }
  return out;
}

describe('locating values of plain JSON by scanning its text', () => {
  it('finds what the YAML document of the same text finds, values and keys', () => {
    const json = fc
      .dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 })
      .filter((v) => !JSON.stringify(v).includes('"__proto__"'));
    fc.assert(
      fc.property(json, fc.integer({ min: 0, max: 2 }), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const scanned = parseSourceDocument(text, 'f.json');
        // A comment line first makes it YAML (located by its document), one line lower.
        const yaml = parseSourceDocument(`#\n${text}`, 'f.yaml');
        const down = (l: { line: number; column: number } | undefined) =>
          l && { line: l.line + 1, column: l.column };
        for (const path of paths(value)) {
          expect(down(scanned.locate(path)), JSON.stringify(path)).toEqual(yaml.locate(path));
          expect(down(scanned.locateKey(path)), JSON.stringify(path)).toEqual(yaml.locateKey(path));
        }
      }),
      { numRuns: 200 },
    );
  });
});
