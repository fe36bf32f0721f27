/**
 * Parsing of YAML and JSON input files that remembers where every value came from, so that a
 * problem found later (by a schema or by a reference check) can name its file, line and column.
 * JSON is parsed by the YAML parser too (YAML 1.2 is a superset of JSON), so both get locations.
 */
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { InputError, type Problem } from './errors.js';
import { protoKeyPaths } from './safe-path.js';

export type PathSegment = string | number;
export type DocumentPath = readonly PathSegment[];

export interface Location {
  readonly line: number;
  readonly column: number;
}

export interface SourceDocument {
  readonly file: string;
  readonly text: string;
  /** The plain JavaScript value of the document. */
  readonly value: unknown;
  /**
   * Where the value at `path` starts. For a path that does not exist, the location of its nearest
   * existing ancestor (a missing field is reported at the map that lacks it).
   */
  locate(path: DocumentPath): Location | undefined;
  /** Where the key of the last path segment starts, when the path ends at a map entry. */
  locateKey(path: DocumentPath): Location | undefined;
}

/** `a.b[2].c` — the form paths take in messages. */
export function formatPath(path: DocumentPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out.length === 0 ? seg : `.${seg}`;
  }
  return out;
}

/**
 * Parses YAML or JSON text. Syntax errors (and duplicate keys) are all reported at once as an
 * InputError with their positions; nothing is thrown for an empty document (its value is null).
 */
export function parseSourceDocument(text: string, file: string): SourceDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    merge: true,
  });
  if (doc.errors.length > 0) {
    const problems: Problem[] = doc.errors.map((e) => {
      const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
      return {
        code: 'syntax',
        file,
        line: pos.line,
        column: pos.col,
        path: '',
        message: firstLine(e.message),
        hint: e.code === 'DUPLICATE_KEY' ? 'each key may appear once in a map' : undefined,
      };
    });
    throw new InputError(problems);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 }) as unknown;
  } catch (err) {
    // An alias to an anchor that does not exist (`*x`) or an alias bomb fails only here.
    throw new InputError([
      {
        code: 'syntax',
        file,
        line: 1,
        column: 1,
        path: '',
        message: firstLine((err as Error).message),
        hint: 'check the anchors (&name) and aliases (*name)',
      },
    ]);
  }

  const at = (offset: number): Location => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };

  /** Follows `path` as far as it exists; remembers the deepest value and the key that led to it. */
  function walk(path: DocumentPath): { location?: Location; key?: Location; complete: boolean } {
    let node: unknown = doc.contents;
    let location = isNode(node) && node.range ? at(node.range[0]) : undefined;
    let key: Location | undefined;
    for (const seg of path) {
      key = undefined;
      if (isMap(node)) {
        const pair = node.items.find(
          (it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg),
        );
        if (!pair) return { location, complete: false };
        if (isNode(pair.key) && pair.key.range) key = at(pair.key.range[0]);
        node = pair.value;
        location = isNode(node) && node.range ? at(node.range[0]) : (key ?? location);
      } else if (isSeq(node) && typeof seg === 'number' && seg >= 0 && seg < node.items.length) {
        node = node.items[seg];
        if (isNode(node) && node.range) location = at(node.range[0]);
      } else {
        return { location, complete: false };
      }
    }
    return { location, key, complete: true };
  }

  const source: SourceDocument = {
    file,
    text,
    value,
    locate: (path) => walk(path).location,
    locateKey(path) {
      const found = walk(path);
      return found.complete && found.key ? found.key : found.location;
    },
  };
  // `__proto__` is no name in any of our formats; refused here, it never reaches a copy that would
  // set a prototype with it (and is never silently dropped by a schema).
  const proto = protoKeyPaths(value);
  if (proto.length > 0) {
    throw new InputError(
      proto.map((path) =>
        problemAt(
          source,
          path,
          'unknown-field',
          'unknown field "__proto__"',
          '__proto__ is not a name this format uses; remove it',
          true,
        ),
      ),
    );
  }
  return source;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/** A problem located in a document at a path. */
export function problemAt(
  doc: SourceDocument,
  path: DocumentPath,
  code: string,
  message: string,
  hint?: string,
  onKey = false,
): Problem {
  const loc = onKey ? doc.locateKey(path) : doc.locate(path);
  return {
    code,
    file: doc.file,
    line: loc?.line,
    column: loc?.column,
    path: formatPath(path),
    message,
    hint,
  };
}
