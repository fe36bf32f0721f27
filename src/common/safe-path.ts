/**
 * Walking objects by names that come from input — a variant's `set:` paths, `fork --set`, the keys
 * of a YAML map — without ever reaching `Object.prototype`. Three names lead from a plain object to
 * the prototype every object shares: `__proto__` (the prototype itself), `constructor` (the
 * function `Object`) and `prototype` (its prototype object). A path segment may be none of them,
 * and a key is looked up only among an object's own properties (`key in obj` also finds inherited
 * names such as `constructor`).
 */

/** Names that reach an object's prototype: never a path segment or an id. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

/** Whether `key` is an own property of `node` (never an inherited one). */
export function hasOwn(node: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(node, key);
}

/** What is wrong with a dotted path's segments: a forbidden or empty segment (undefined when sound). */
export function pathProblem(path: string): { readonly message: string; readonly hint: string } | undefined {
  const segments = path.split('.');
  const empty = segments.findIndex((s) => s.length === 0);
  if (empty >= 0)
    return {
      message: `"${path}" has an empty segment`,
      hint: 'write the path as a.b.c, one name per segment',
    };
  const bad = segments.find(isForbiddenKey);
  if (bad !== undefined)
    return {
      message: `"${bad}" cannot be part of a path`,
      hint: 'a path names fields and entries of the data; __proto__, constructor and prototype are none',
    };
  return undefined;
}

/**
 * The paths to every own key `__proto__` inside `value` (plain objects and arrays). Parsers that
 * build objects from text keep such a key as an own property; anything that later copies the
 * object with `obj[key] = …` would set a prototype instead, so input may not use the name at all.
 */
export function protoKeyPaths(value: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === '__proto__') found.push([...path, key]);
      else walk(child, [...path, key]);
    }
  };
  walk(value, []);
  return found;
}
