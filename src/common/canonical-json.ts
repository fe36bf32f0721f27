/**
 * Canonical JSON: object keys sorted, no whitespace, numbers in JavaScript's shortest round-trip
 * form. Two equal values always give the same bytes, which is what a run's identity (the SHA-256 of
 * its canonical event log) rests on.
 */
import { invariant } from './errors.js';

export function canonicalJson(value: unknown): string {
  return write(value);
}

// Every event of every run is written here to be hashed, so the writer builds its string in one
// pass: no intermediate arrays, and the sorted, quoted keys of each shape of object (events of a
// type share one) worked out once per process rather than sorted for every object.
interface Shape {
  readonly count: number;
  /** The keys in sorted order, and each quoted as JSON. */
  readonly keys: readonly string[];
  readonly quoted: readonly string[];
}
const shapes = new Map<string, Shape>();

function shapeOf(obj: object): Shape {
  const keys = Object.keys(obj);
  // Keys joined by NUL name the shape exactly when no key holds a NUL itself (then the joined
  // string has exactly count − 1 of them); other shapes are sorted each time, not remembered.
  const signature = keys.join('\u0000');
  const known = shapes.get(signature);
  if (known !== undefined && known.count === keys.length) return known;
  const sorted = keys.sort();
  const shape = { count: sorted.length, keys: sorted, quoted: sorted.map((k) => JSON.stringify(k)) };
  if (shapes.size < 10_000 && signature.split('\u0000').length === sorted.length)
    shapes.set(signature, shape);
  return shape;
}

/** Characters a JSON string must escape (quote, backslash, controls) or may (surrogates). */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      invariant(Number.isFinite(value), () => `canonical JSON cannot hold the number ${value}`);
      // For a finite number JSON.stringify and String agree (both are Number::toString).
      return Object.is(value, -0) ? '0' : String(value);
    case 'string':
      // Most strings are ids and plain text: quoted as they are, JSON.stringify for the rest.
      return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      invariant(false, 'canonical JSON cannot hold undefined outside an object');
      break;
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const v: unknown = value[i];
          if (i > 0) out += ',';
          out += v === undefined ? 'null' : write(v);
        }
        return `${out}]`;
      }
      const obj = value as Record<string, unknown>;
      const { keys, quoted } = shapeOf(obj);
      let out = '{';
      let first = true;
      for (let i = 0; i < keys.length; i++) {
        const v = obj[keys[i]!];
        if (v === undefined) continue;
        out += `${first ? '' : ','}${quoted[i]}:${write(v)}`;
        first = false;
      }
      return `${out}}`;
    }
  }
  invariant(false, `canonical JSON cannot hold a ${typeof value}`);
}
