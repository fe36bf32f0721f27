/**
 * Introspection of zod schemas: following a value or a dotted field path through a schema. It lets
 * one generic pass check every id reference in a scenario (the id schemas carry their kind in the
 * `references` registry) and lets milestone patterns be checked against the fields their event
 * type really has.
 */
import { z } from 'zod';
import { hasOwn } from '../common/safe-path.js';
import { type ReferenceKind, references } from '../model/ids.js';

export type AnySchema = z.core.$ZodType;
/** The parts of a schema's definition the walks read (each kind has some of them). */
export interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  items?: AnySchema[];
  keyType?: AnySchema;
  valueType?: AnySchema;
  options?: AnySchema[];
  discriminator?: string;
}

/** A schema's definition, read for the fields its kind has (each optional: absent on other kinds). */
export const def = (s: AnySchema): Def => s._zod.def;

/** A lazy schema (`z.lazy`), known by its kind. */
const isLazy = (s: AnySchema): s is z.core.$ZodLazy => def(s).type === 'lazy';

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

export interface ReferenceMeta {
  readonly reference: ReferenceKind;
  readonly declares?: boolean;
}

/** The schema under optional/nullable/default/pipe wrappers, and the reference metadata met on the way. */
export function unwrap(schema: AnySchema): { inner: AnySchema; meta: ReferenceMeta | undefined } {
  let cur = schema;
  let meta = references.get(cur);
  for (let guard = 0; guard < 32; guard++) {
    const d = def(cur);
    if (WRAPPERS.has(d.type) && d.innerType) cur = d.innerType;
    else if (d.type === 'pipe' && d.in) cur = d.in;
    // The lazy schema's own cached inner type: calling its getter would build a new schema each time.
    else if (isLazy(cur)) cur = cur._zod.innerType;
    else break;
    meta ??= references.get(cur);
  }
  return { inner: cur, meta };
}

export type PathKey = string | number;

export interface ReferenceVisit {
  readonly kind: ReferenceKind;
  readonly declares: boolean;
  readonly value: string;
  readonly path: readonly PathKey[];
}

/**
 * Calls `visit` for every string in `value` whose schema is an id (a reference or a declaration),
 * with its path. `value` must already be valid for `schema` (walks the parsed output).
 */
export function visitReferences(
  schema: AnySchema,
  value: unknown,
  visit: (v: ReferenceVisit) => void,
  path: readonly PathKey[] = [],
): void {
  const { inner, meta } = unwrap(schema);
  if (meta && typeof value === 'string') {
    visit({ kind: meta.reference, declares: meta.declares === true, value, path });
    return;
  }
  if (value === null || value === undefined) return;
  const d = def(inner);
  switch (d.type) {
    case 'object':
      if (typeof value === 'object' && d.shape) {
        for (const [key, field] of Object.entries(d.shape)) {
          const v: unknown = Reflect.get(value, key);
          if (v !== undefined) visitReferences(field, v, visit, [...path, key]);
        }
      }
      return;
    case 'array': {
      const element = d.element;
      if (Array.isArray(value) && element)
        value.forEach((v, i) => visitReferences(element, v, visit, [...path, i]));
      return;
    }
    case 'tuple': {
      const items = d.items;
      if (Array.isArray(value) && items)
        value.forEach((v, i) => {
          const item = items[i];
          if (item) visitReferences(item, v, visit, [...path, i]);
        });
      return;
    }
    case 'record':
      if (typeof value === 'object' && d.keyType && d.valueType) {
        for (const [k, v] of Object.entries(value)) {
          visitReferences(d.keyType, k, visit, [...path, k]);
          visitReferences(d.valueType, v, visit, [...path, k]);
        }
      }
      return;
    case 'union': {
      const option = unionOptionFor(d, value);
      if (option) visitReferences(option, value, visit, path);
      return;
    }
    default:
      return;
  }
}

/** The option of a union that `value` belongs to: by discriminator when there is one, else the first that parses. */
function unionOptionFor(d: Def, value: unknown): AnySchema | undefined {
  const options = d.options ?? [];
  const discriminator = d.discriminator;
  if (discriminator && typeof value === 'object' && value !== null) {
    const tag: unknown = Reflect.get(value, discriminator);
    return options.find((o) => {
      const lit = def(unwrap(o).inner).shape?.[discriminator];
      return lit !== undefined && z.safeParse(lit, tag).success;
    });
  }
  return options.find((o) => z.safeParse(o, value).success);
}

/** A field reached by a path: its schema and whether the path crossed a list (existential match). */
export interface FieldAt {
  readonly schema: AnySchema;
  readonly throughList: boolean;
}

/**
 * The schemas found at a dotted field path (lists are crossed transparently: `provisions.kind`
 * reaches the `kind` of every provision). Several results when the path runs through a union.
 */
export function fieldsAt(schema: AnySchema, path: readonly string[], throughList = false): FieldAt[] {
  const { inner } = unwrap(schema);
  const d = def(inner);
  if (d.type === 'array' && d.element) return fieldsAt(d.element, path, true);
  const [head, ...rest] = path;
  if (head === undefined) return [{ schema, throughList }];
  if (d.type === 'object' && d.shape) {
    // Own fields only: `constructor` is no field, though every object inherits one.
    const next = hasOwn(d.shape, head) ? d.shape[head] : undefined;
    return next ? fieldsAt(next, rest, throughList) : [];
  }
  if (d.type === 'union' && d.options) return d.options.flatMap((o) => fieldsAt(o, path, throughList));
  if (d.type === 'record' && d.valueType) return fieldsAt(d.valueType, rest, throughList);
  return [];
}

/** The names of the fields directly under a schema (for "did you mean" on unknown fields). */
export function fieldNames(schema: AnySchema): string[] {
  const { inner } = unwrap(schema);
  const d = def(inner);
  if (d.type === 'array' && d.element) return fieldNames(d.element);
  if (d.type === 'object' && d.shape) return Object.keys(d.shape);
  if (d.type === 'union' && d.options) return [...new Set(d.options.flatMap(fieldNames))];
  return [];
}

/** Is the schema at the end of a path a list (before unwrapping it element-wise)? */
export function isList(schema: AnySchema): boolean {
  return def(unwrap(schema).inner).type === 'array';
}

/** Could this field hold the scalar `value` (as one of its elements, for a list)? */
export function accepts(schema: AnySchema, value: unknown): boolean {
  const { inner } = unwrap(schema);
  const d = def(inner);
  if (d.type === 'array' && d.element) return accepts(d.element, value);
  if (value === null) return z.safeParse(schema, null).success;
  return z.safeParse(inner, value).success || z.safeParse(schema, value).success;
}

/** The reference kind of the field, if it holds ids. */
export function referenceKindOf(schema: AnySchema): ReferenceKind | undefined {
  const { inner, meta } = unwrap(schema);
  const d = def(inner);
  if (d.type === 'array' && d.element) return referenceKindOf(d.element);
  return meta?.reference;
}
