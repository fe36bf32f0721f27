/**
 * Checked reads of arrays and maps, for the places where an invariant (not the type system) says
 * the element exists: `at(actors, i)` instead of `actors[i]!`. A broken invariant then fails where
 * it breaks, with an InvariantError naming what was missing, instead of an `undefined` travelling
 * on as a NaN or a wrong answer.
 *
 * `at` and `get` are generic, so every kind of array passes through them; V8 then compiles their
 * element reads for all kinds at once, several times slower than a plain read. Inner loops over
 * numbers (solvers' kernels, typed arrays) read `a[i] ?? missing()` instead: the same check, which
 * costs nothing there because a typed array's element is never undefined once in range.
 */
import { InvariantError } from './errors.js';

/** `array[index]`, which the caller's invariant guarantees exists (arrays without holes). */
export function at<T>(array: ArrayLike<T>, index: number, what = 'element'): T {
  const value = array[index];
  if (value === undefined) throw new InvariantError(`${what} ${index} is missing (length ${array.length})`);
  return value;
}

/** `map.get(key)`, which the caller's invariant guarantees is there. */
export function get<K, V>(map: ReadonlyMap<K, V>, key: K, what = 'key'): V {
  const value = map.get(key);
  if (value === undefined) throw new InvariantError(`${what} ${String(key)} is missing`);
  return value;
}

/** The failure of `a[i] ?? missing()` in an inner loop: the index broke the loop's invariant. */
export function missing(what = 'an element the invariant guarantees'): never {
  throw new InvariantError(`${what} is missing`);
}
