/**
 * Tables of tagged shapes — event and intent types, each a name and its fields — turned into zod
 * schemas: one strict object per type, `{ type, …fields }`, and their discriminated union.
 */
import { z } from 'zod';
import { invariant } from '../common/errors.js';

type Shapes = { readonly [type: string]: z.ZodRawShape };

/** The strict schema of one tagged type: its `type` literal and its fields. */
export type TaggedSchema<K extends string, S extends z.ZodRawShape> = z.ZodObject<
  { type: z.ZodLiteral<K> } & S,
  z.core.$strict
>;

export type TaggedSchemas<T extends Shapes> = { [K in keyof T & string]: TaggedSchema<K, T[K]> };

/** Each type's strict schema, `{ type, …fields }`. */
export function taggedSchemas<T extends Shapes>(shapes: T): TaggedSchemas<T> {
  const out: Record<string, z.ZodObject> = {};
  for (const [type, shape] of Object.entries(shapes))
    out[type] = z.strictObject({ type: z.literal(type), ...shape });
  // Built entry by entry from `shapes`, so each entry has the type its key promises.
  return out as TaggedSchemas<T>;
}

/** Any one of the tagged types, told apart by `type`. */
export function taggedUnion<T extends Shapes>(
  schemas: TaggedSchemas<T>,
  order: readonly (keyof T & string)[],
) {
  const [first, ...rest] = order.map((type) => schemas[type]);
  invariant(first !== undefined, 'a tagged union needs at least one type');
  return z.discriminatedUnion('type', [first, ...rest]);
}
