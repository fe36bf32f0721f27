/**
 * Memoisation on immutable objects: the world never changes in place (the reducer replaces a
 * collection whenever it changes anything in it), so a value computed from some collections is
 * valid exactly as long as they are the same objects. Used by the world's indices
 * (./world-index.ts), its geometry (./world.ts) and the factions' views.
 */

/**
 * `build(a)` memoised on the object `a` (dropped with it). No allocation on a hit: these are
 * called tens of thousands of times a run. A value is never `undefined`, so a miss is told apart
 * from a hit without a second lookup.
 */
export function memo1<A extends object, T extends NonNullable<unknown> | null>(
  build: (a: A) => T,
): (a: A) => T {
  const cache = new WeakMap<A, T>();
  return (a) => {
    let value = cache.get(a);
    if (value === undefined) cache.set(a, (value = build(a)));
    return value;
  };
}

/**
 * `build(a, b, …)` (up to five collections) memoised on the object `a`, and rebuilt when the others
 * it read are not the same objects any more (only the latest is kept for each `a`). Written without
 * rest parameters, one overload per arity, so that a hit allocates nothing.
 */
export function memoN<A extends object, B extends object, T>(build: (a: A, b: B) => T): (a: A, b: B) => T;
export function memoN<A extends object, B extends object, C extends object, T>(
  build: (a: A, b: B, c: C) => T,
): (a: A, b: B, c: C) => T;
export function memoN<A extends object, B extends object, C extends object, D extends object, T>(
  build: (a: A, b: B, c: C, d: D) => T,
): (a: A, b: B, c: C, d: D) => T;
export function memoN<
  A extends object,
  B extends object,
  C extends object,
  D extends object,
  E extends object,
  T,
>(build: (a: A, b: B, c: C, d: D, e: E) => T): (a: A, b: B, c: C, d: D, e: E) => T;
export function memoN<
  A extends object,
  B extends object,
  C extends object,
  D extends object,
  E extends object,
  T,
>(build: (a: A, b: B, c?: C, d?: D, e?: E) => T): (a: A, b: B, c?: C, d?: D, e?: E) => T {
  type Hit = { readonly b: B; readonly c?: C; readonly d?: D; readonly e?: E; readonly value: T };
  const cache = new WeakMap<A, Hit>();
  return (a, b, c, d, e) => {
    const hit = cache.get(a);
    if (hit !== undefined && hit.b === b && hit.c === c && hit.d === d && hit.e === e) return hit.value;
    const value = build(a, b, c, d, e);
    cache.set(a, { b, c, d, e, value });
    return value;
  };
}

/** The keys of a record in code-point order (cached: records are never changed in place). */
export function sortedKeys<K extends string>(record: Readonly<Record<K, unknown>>): readonly K[] {
  // The record's own keys are its keys of type K: the one place they are read as K.
  return sortedKeysOf(record) as readonly K[];
}

const sortedKeysOf = memo1((record: object): readonly string[] => Object.freeze(Object.keys(record).sort()));

/** The entries of a record as `[key, value]` pairs, in code-point order of the keys. */
export function sortedEntries<K extends string, T>(record: Readonly<Record<K, T>>): [K, T][] {
  const out: [K, T][] = [];
  for (const key of sortedKeys(record)) {
    const value = record[key];
    if (value !== undefined) out.push([key, value]);
  }
  return out;
}

/** The values of a record in code-point order of their keys (cached, like `sortedKeys`). */
export function sortedValues<K extends string, T>(record: Readonly<Record<K, T>>): readonly T[] {
  // Built from the record's own keys, so every value is one of the record's.
  return sortedValuesOf(record) as readonly T[];
}

const sortedValuesOf = memo1((record: Readonly<Record<string, unknown>>): readonly unknown[] =>
  Object.freeze(sortedKeys(record).map((k) => record[k])),
);
