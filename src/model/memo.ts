/**
 * Memoisation on immutable objects: the world never changes in place (the reducer replaces a
 * collection whenever it changes anything in it), so a value computed from some collections is
 * valid exactly as long as they are the same objects. Used by the world's indices
 * (./world-index.ts), its geometry (./world.ts) and the factions' views.
 */

/**
 * `build(a)` memoised on the object `a` (dropped with it). No allocation on a hit: these are
 * called tens of thousands of times a run.
 */
export function memo1<A extends object, T>(build: (a: A) => T): (a: A) => T {
  const cache = new WeakMap<A, T>();
  return (a) => {
    let value = cache.get(a);
    if (value === undefined && !cache.has(a)) cache.set(a, (value = build(a)));
    return value as T;
  };
}

/**
 * `build(a, b, …)` (up to four collections) memoised on the object `a`, and rebuilt when the others
 * it read are not the same objects any more (only the latest is kept for each `a`). Written without
 * rest parameters so that a hit allocates nothing.
 */
export function memoN<
  A extends object,
  R extends readonly [object] | readonly [object, object] | readonly [object, object, object],
  T,
>(build: (a: A, ...rest: R) => T): (a: A, ...rest: R) => T {
  type Hit = { readonly b?: object; readonly c?: object; readonly d?: object; readonly value: T };
  const cache = new WeakMap<A, Hit>();
  const plain = build as unknown as (a: A, b?: object, c?: object, d?: object) => T;
  const memoised = (a: A, b?: object, c?: object, d?: object): T => {
    const hit = cache.get(a);
    if (hit !== undefined && hit.b === b && hit.c === c && hit.d === d) return hit.value;
    const value = plain(a, b, c, d);
    cache.set(a, { b, c, d, value });
    return value;
  };
  return memoised as unknown as (a: A, ...rest: R) => T;
}

/** The keys of a record in code-point order (cached: records are never changed in place). */
export function sortedKeys<K extends string>(record: Readonly<Record<K, unknown>>): readonly K[] {
  return sortedKeysOf(record) as readonly K[];
}

const sortedKeysOf = memo1((record: object): readonly string[] => Object.freeze(Object.keys(record).sort()));

/** The values of a record in code-point order of their keys (cached, like `sortedKeys`). */
export function sortedValues<K extends string, T>(record: Readonly<Record<K, T>>): readonly T[] {
  // Built from the record's own keys, so every value is one of the record's.
  return sortedValuesOf(record) as readonly T[];
}

const sortedValuesOf = memo1((record: Readonly<Record<string, unknown>>): readonly unknown[] =>
  Object.freeze(sortedKeys(record).map((k) => record[k])),
);
