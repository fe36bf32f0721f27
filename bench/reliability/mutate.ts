/**
 * Mutated scenarios for fuzzing the loader: a valid scenario's text or value changed by one to
 * three random edits, as a careless or hostile author would — lines dropped, repeated, swapped or
 * cut; characters replaced; values of the wrong type, out of range, huge, empty or named
 * `__proto__`; fields removed, added or exchanged; ids renamed or repeated; variants with arbitrary
 * paths. Deterministic for a seed.
 */
import { stringify } from 'yaml';
import type { Rng } from '../../src/common/random.js';

/** A scenario to mutate: its text, and its value (the text parsed). */
export interface Base {
  readonly name: string;
  readonly text: string;
  readonly value: unknown;
}

/** Characters and tokens that mean something to YAML or to the scenario format. */
const TOKENS = [
  ':',
  '-',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '#',
  '&a',
  '*a',
  '!!str',
  '<<: *a',
  ' ',
  '\t',
  '\n',
  '0',
  '9e999',
  '-1',
  'null',
  '~',
  '__proto__',
  'constructor',
  '\u0000',
  'é',
  '🚀',
  '1d',
  '0h',
  '99999999999d',
];

/** Keys worth adding: fields of the format, near misses, and names that reach a prototype. */
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'id',
  'leader',
  'faction',
  'at',
  'aboard',
  'tick',
  'duration',
  'set',
  'steps',
  'where',
  'event',
  'do',
  'type',
  'principles',
  'resources',
  'personality',
  'influence',
  'leaderr',
  'x',
];

/** Values of every kind, including the extremes. */
function randomValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(0, 17)) {
    case 0:
      return null;
    case 1:
      return rng.int(-5, 5);
    case 2:
      return rng.float() * 2 - 0.5;
    case 3:
      return 1e308;
    case 4:
      return -1e-308;
    case 5:
      return '';
    case 6:
      return 'x'.repeat(rng.int(1, 5000));
    case 7:
      return TOKENS[rng.int(0, TOKENS.length - 1)];
    case 8:
      return rng.float() < 0.5;
    case 9:
      return depth < 2 ? [randomValue(rng, depth + 1), randomValue(rng, depth + 1)] : [];
    case 10:
      return depth < 2 ? { [KEYS[rng.int(0, KEYS.length - 1)]!]: randomValue(rng, depth + 1) } : {};
    case 11:
      return JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    case 12:
      return ['1h', '0m', '-3d', '1e9d', '2.5h', '90m'][rng.int(0, 5)];
    case 13:
      return 'constructor';
    case 14:
      return 'federation';
    case 15:
      return Array.from({ length: rng.int(0, 50) }, (_, i) => i);
    case 16:
      return Number.MAX_SAFE_INTEGER + 2;
    default:
      return 'kebab-case-id';
  }
}

/** Every container (object or array) in `value`, with the path to it. */
function containers(value: unknown): unknown[] {
  const out: unknown[] = [];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    out.push(node);
    for (const child of Array.isArray(node) ? node : Object.values(node)) walk(child);
  };
  walk(value);
  return out;
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(0, xs.length - 1)]!;

/** One structural edit of `value` (changed in place). */
function mutateValue(rng: Rng, root: Record<string, unknown>): void {
  const nodes = containers(root);
  const node = pick(rng, nodes) as Record<string, unknown> | unknown[];
  const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
  const key = keys.length > 0 ? pick(rng, keys as (string | number)[]) : undefined;
  const at = node as Record<string | number, unknown>;
  switch (rng.int(0, 7)) {
    case 0: // a value of another kind
      if (key !== undefined) at[key] = randomValue(rng);
      return;
    case 1: // a field or element removed
      if (key === undefined) return;
      if (Array.isArray(node)) node.splice(key as number, 1);
      else delete at[key];
      return;
    case 2: // a field added (defined as an own property, as a parser would: `__proto__` included)
      if (Array.isArray(node)) node.push(randomValue(rng));
      else
        Object.defineProperty(node, pick(rng, KEYS), {
          value: randomValue(rng),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return;
    case 3: {
      // a value exchanged with another's
      const other = pick(rng, nodes) as Record<string | number, unknown>;
      const otherKeys = Object.keys(other);
      if (key === undefined || otherKeys.length === 0) return;
      const k2 = pick(rng, otherKeys);
      // Copies, not the values themselves: one may hold the other, and a swap would close a cycle.
      [at[key], other[k2]] = [structuredClone(other[k2]), structuredClone(at[key])];
      return;
    }
    case 4: // an element repeated (duplicate ids)
      if (Array.isArray(node) && node.length > 0) node.push(structuredClone(pick(rng, node)));
      return;
    case 5: {
      // an id renamed (its references dangle), or a reference to an id of another kind
      if (key !== undefined && typeof at[key] === 'string')
        at[key] = `${String(at[key])}${pick(rng, ['x', '', '-2'])}`;
      return;
    }
    case 6: {
      // a variant with an arbitrary path
      const segments = [
        'factions',
        'federation',
        'persons',
        'culluh',
        'personality',
        'pride',
        '__proto__',
        'constructor',
        'prototype',
        'x',
        '0',
        'principles',
        'leader',
      ];
      const path = Array.from({ length: rng.int(1, 5) }, () => pick(rng, segments)).join('.');
      const variants = (root.variants ??= []) as unknown[];
      if (Array.isArray(variants))
        variants.push({ id: `v${rng.int(0, 99)}`, title: 'fuzz', set: { [path]: randomValue(rng) } });
      return;
    }
    default: // a number pushed out of range
      if (key !== undefined && typeof at[key] === 'number')
        at[key] = pick(rng, [-1, 2, 1e9, -1e9, 0.5, Number.MAX_VALUE]);
  }
}

/** One textual edit of `text`. */
function mutateText(rng: Rng, text: string): string {
  const lines = text.split('\n');
  const i = rng.int(0, Math.max(0, lines.length - 1));
  switch (rng.int(0, 6)) {
    case 0:
      lines.splice(i, 1);
      return lines.join('\n');
    case 1:
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    case 2:
      if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
      return lines.join('\n');
    case 3: {
      const at = rng.int(0, Math.max(0, text.length - 1));
      return text.slice(0, at) + pick(rng, TOKENS) + text.slice(at + 1);
    }
    case 4: {
      const at = rng.int(0, text.length);
      return text.slice(0, at) + pick(rng, TOKENS) + text.slice(at);
    }
    case 5:
      return text.slice(0, rng.int(0, text.length));
    default:
      lines[i] = `${' '.repeat(rng.int(0, 6))}${(lines[i] ?? '').trimStart()}`;
      return lines.join('\n');
  }
}

/** A mutant of `base`: one to three edits of its text (40 %), or of its value written as JSON (42 %) or YAML (18 %). */
export function mutant(rng: Rng, base: Base): { text: string; file: string } {
  const edits = rng.int(1, 3);
  if (rng.float() < 0.4) {
    let text = base.text;
    for (let e = 0; e < edits; e++) text = mutateText(rng, text);
    return { text, file: `${base.name}.yaml` };
  }
  const value = structuredClone(base.value) as Record<string, unknown>;
  for (let e = 0; e < edits; e++) mutateValue(rng, value);
  return rng.float() < 0.7
    ? { text: JSON.stringify(value), file: `${base.name}.json` }
    : { text: stringify(value, { aliasDuplicateObjects: false }), file: `${base.name}.yaml` };
}
