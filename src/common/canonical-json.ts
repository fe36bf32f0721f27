/**
 * Canonical JSON: object keys sorted, no whitespace, numbers in JavaScript's shortest round-trip
 * form. Two equal values always give the same bytes, which is what a run's identity (the SHA-256 of
 * its canonical event log) rests on.
 */
import { createHash } from 'node:crypto';
import { invariant } from './errors.js';

export function canonicalJson(value: unknown): string {
  return write(value);
}

// Every event of every run is written here to be hashed, so the writer builds its string in one
// pass: no intermediate arrays, and each object key quoted once per process.
const quotedKeys = new Map<string, string>();

function quoteKey(k: string): string {
  let q = quotedKeys.get(k);
  if (q === undefined) {
    q = JSON.stringify(k);
    if (quotedKeys.size < 10_000) quotedKeys.set(k, q);
  }
  return q;
}

function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      invariant(Number.isFinite(value), () => `canonical JSON cannot hold the number ${value}`);
      // For a finite number JSON.stringify and String agree (both are Number::toString).
      return Object.is(value, -0) ? '0' : String(value);
    case 'string':
      return JSON.stringify(value);
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
      const keys = Object.keys(obj).sort();
      let out = '{';
      let first = true;
      for (const k of keys) {
        const v = obj[k];
        if (v === undefined) continue;
        out += `${first ? '' : ','}${quoteKey(k)}:${write(v)}`;
        first = false;
      }
      return `${out}}`;
    }
  }
  invariant(false, `canonical JSON cannot hold a ${typeof value}`);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
