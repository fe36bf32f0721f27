/**
 * Where a value or key of a JSON text starts, by path, without building a document: the text is
 * scanned from the start, skipping whole values until the path's key or index is found. A lookup
 * costs one pass over the text at most, which is what locating a handful of problems needs (a
 * YAML document of the same text costs a hundred times more to build).
 */
import { missing } from './checked.js';

/** A place in a parsed document: keys and indices from its top. */
export type PathSegment = string | number;
export type DocumentPath = readonly PathSegment[];

export interface JsonSpot {
  /** Offset of the deepest value the path reaches. */
  readonly value: number;
  /** Offset of the key of the last segment, when the path ends at an object's member. */
  readonly key?: number;
  /** Whether the whole path exists. */
  readonly complete: boolean;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Finds `path` in the (valid) JSON `text`. */
export function locateJson(text: string, path: DocumentPath): JsonSpot {
  let i = skipSpace(text, 0);
  let key: number | undefined;
  for (const seg of path) {
    const c = text.charCodeAt(i);
    key = undefined;
    if (c === 0x7b /* { */) {
      const member = findMember(text, i, String(seg));
      if (member === undefined) return { value: i, complete: false };
      key = member.key;
      i = member.value;
    } else if (c === 0x5b /* [ */ && typeof seg === 'number') {
      const element = findElement(text, i, seg);
      if (element === undefined) return { value: i, complete: false };
      i = element;
    } else {
      return { value: i, complete: false };
    }
  }
  return { value: i, ...(key !== undefined ? { key } : {}), complete: true };
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The offset just after the string starting at `i`. */
function skipString(text: string, i: number): number {
  for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
  return i + 1;
}

/** The offset just after the value starting at `i`. */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x22) return skipString(text, i);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    for (; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (d === 0x22) i = skipString(text, i) - 1;
      else if (d === 0x7b || d === 0x5b) depth++;
      else if (d === 0x7d || d === 0x5d) {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return i;
  }
  // A number, true, false or null: up to the next delimiter.
  while (i < text.length && !/[,\]}\s]/.test(text.charAt(i))) i++;
  return i;
}

/** The offsets of the key and the value of member `name` of the object at `i`. */
function findMember(text: string, i: number, name: string): { key: number; value: number } | undefined {
  i = skipSpace(text, i + 1);
  while (i < text.length && text.charCodeAt(i) === 0x22) {
    const keyAt = i;
    const end = skipString(text, i);
    const key = String(JSON.parse(text.slice(keyAt, end)));
    i = skipSpace(text, end);
    i = skipSpace(text, i + 1); // the colon
    if (key === name) return { key: keyAt, value: i };
    i = skipSpace(text, skipValue(text, i));
    if (text.charCodeAt(i) !== 0x2c) return undefined;
    i = skipSpace(text, i + 1);
  }
  return undefined;
}

/** The offset of element `index` of the array at `i`. */
function findElement(text: string, i: number, index: number): number | undefined {
  i = skipSpace(text, i + 1);
  if (text.charCodeAt(i) === 0x5d) return undefined;
  for (let k = 0; k < index; k++) {
    i = skipSpace(text, skipValue(text, i));
    if (text.charCodeAt(i) !== 0x2c) return undefined;
    i = skipSpace(text, i + 1);
  }
  return i;
}

/** Line and column (1-based) of offsets in `text`. */
export function lineColumns(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x0a) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? missing()) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? missing()) + 1 };
  };
}
