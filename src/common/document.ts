/**
 * Parsing of YAML and JSON input files that remembers where every value came from, so that a
 * problem found later (by a schema or by a reference check) can name its file, line and column.
 * JSON is parsed by the YAML parser too (YAML 1.2 is a superset of JSON), so both get locations.
 */
import {
  type Document,
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
} from 'yaml';
import { InputError, type Problem } from './errors.js';
import { type DocumentPath, lineColumns, locateJson } from './json-locate.js';
import { protoKeyPaths } from './safe-path.js';

export type { DocumentPath, PathSegment } from './json-locate.js';

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
 *
 * Plain JSON is read by `JSON.parse`, a hundred times faster than the YAML parser (a generated
 * world is JSON) and located by scanning its text (./json-locate.ts). JSON with a repeated key
 * goes through the YAML parser, which reports it.
 */
export function parseSourceDocument(text: string, file: string): SourceDocument {
  let parsed: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;
  const yaml = () => (parsed ??= parseYamlDocument(text, file));
  const json = plainJson(text);
  const value = json !== undefined ? json.value : yamlValue(yaml().doc, file);

  const at = (offset: number): Location => {
    const p = yaml().lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };

  /** Follows `path` as far as it exists; remembers the deepest value and the key that led to it. */
  function walk(path: DocumentPath): { location?: Location; key?: Location; complete: boolean } {
    let node: unknown = yaml().doc.contents;
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

  // Plain JSON is located by scanning its text; anything else through its YAML document.
  let lines: ((offset: number) => Location) | undefined;
  const jsonWalk = (path: DocumentPath) => {
    lines ??= lineColumns(text);
    const spot = locateJson(text, path);
    return {
      location: lines(spot.value),
      key: spot.key === undefined ? undefined : lines(spot.key),
      complete: spot.complete,
    };
  };
  const find = json !== undefined ? jsonWalk : walk;
  const source: SourceDocument = {
    file,
    text,
    value,
    locate: (path) => find(path).location,
    locateKey(path) {
      const found = find(path);
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

/** The YAML document of `text`, or an InputError with every syntax error located. */
function parseYamlDocument(text: string, file: string): { doc: Document.Parsed; lineCounter: LineCounter } {
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
  // A map or list as a key (`? {a: 1}`) has no place in a JavaScript object: refused, never stringified.
  const complexKeys: Problem[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key)) {
        const pos = lineCounter.linePos(pair.key.range?.[0] ?? 0);
        complexKeys.push({
          code: 'syntax',
          file,
          line: pos.line,
          column: pos.col,
          path: '',
          message: 'a key must be a name or a number, not a map or a list',
        });
      }
    },
  });
  if (complexKeys.length > 0) throw new InputError(complexKeys);
  return { doc, lineCounter };
}

/** The plain JavaScript value of a YAML document. */
function yamlValue(doc: Document.Parsed, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: 1000 }) as unknown;
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
}

/**
 * The value of `text` when it is a JSON object or array without a repeated key in any object
 * (`JSON.parse` would keep the last silently, where the YAML parser reports it), else undefined.
 */
function plainJson(text: string): { value: unknown } | undefined {
  const first = /\S/.exec(text)?.[0];
  if (first !== '{' && first !== '[') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  return hasRepeatedKey(text) ? undefined : { value };
}

/** Whether an object of the (valid) JSON `text` repeats a key. */
function hasRepeatedKey(text: string): boolean {
  const keys: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      for (i++; text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c /* \ */) i++;
      const top = keys[keys.length - 1];
      if (expectKey && top) {
        const key = String(JSON.parse(text.slice(start, i + 1)));
        if (top.has(key)) return true;
        top.add(key);
        expectKey = false;
      }
    } else if (c === 0x7b /* { */) {
      keys.push(new Set());
      expectKey = true;
    } else if (c === 0x5b /* [ */) keys.push(null);
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) keys.pop();
    else if (c === 0x2c /* , */) expectKey = keys[keys.length - 1] !== null;
  }
  return false;
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
  // An empty document has no node to point at: its problems are at its start.
  const loc = (onKey ? doc.locateKey(path) : doc.locate(path)) ?? { line: 1, column: 1 };
  return {
    code,
    file: doc.file,
    line: loc.line,
    column: loc.column,
    path: formatPath(path),
    message,
    hint,
  };
}
