/**
 * A scenario's counterfactual variants: `set: {PATH: VALUE}` changes to the scenario, the path in
 * the dotted form of error messages. A path is walked through the scenario's schema and its data
 * together: each segment must name a field the schema has (or, in a list, the element with that
 * `id`, or a key a record accepts), never `__proto__`, `constructor` or `prototype`; the changed
 * scenario is then checked like any other. Setting a list element to null removes it.
 */
import { z } from 'zod';
import { type DocumentPath, problemAt, type SourceDocument } from '../common/document.js';
import type { Problem } from '../common/errors.js';
import { isRecord } from '../common/guards.js';
import { hasOwn, pathProblem } from '../common/safe-path.js';
import { suggestionHint } from '../common/validate.js';
import { type AnySchema, def, unwrap } from './schema-walk.js';

/**
 * The raw scenario (`doc.value`, not changed) with variant `index`'s changes applied, or the
 * problems of its paths, located at the variant's `set:` entries.
 */
export function applyVariant(
  doc: SourceDocument,
  schema: AnySchema,
  index: number,
): { value: unknown; problems: Problem[] } {
  const raw: unknown = structuredClone(doc.value);
  const problems: Problem[] = [];
  for (const [path, value] of Object.entries(variantChanges(raw, index))) {
    const at: DocumentPath = ['variants', index, 'set', path];
    const problem = setAtPath(raw, schema, path, value);
    if (problem) problems.push(problemAt(doc, at, 'unknown-path', problem.message, problem.hint, true));
  }
  return { value: raw, problems };
}

/** The changes of the variant at `index` of the raw document (which the schema has accepted). */
function variantChanges(raw: unknown, index: number): Record<string, unknown> {
  const variants: unknown = isRecord(raw) ? raw.variants : undefined;
  const variant: unknown = Array.isArray(variants) ? variants[index] : undefined;
  return isRecord(variant) && isRecord(variant.set) ? variant.set : {};
}

/** Sets `path` in `root` to `value`, following `schema`; what is wrong with the path, if anything. */
function setAtPath(
  root: unknown,
  schema: AnySchema,
  path: string,
  value: unknown,
): { message: string; hint?: string } | undefined {
  const unsafe = pathProblem(path);
  if (unsafe) return unsafe;
  const segments = path.split('.');
  let node: unknown = root;
  let nodeSchema: AnySchema = schema;
  for (const [i, seg] of segments.entries()) {
    const last = i === segments.length - 1;
    const where = segments.slice(0, i).join('.') || 'the scenario';
    const step = stepInto(nodeSchema, node, seg);
    if ('problem' in step) return { message: step.problem.replace('{where}', where), hint: step.hint };
    if (Array.isArray(node)) {
      const k = node.findIndex((el) => isRecord(el) && el.id === seg);
      if (k < 0) {
        const ids = node
          .map((el: unknown) => String((isRecord(el) ? el.id : undefined) ?? ''))
          .filter(Boolean);
        return { message: `no element "${seg}" in ${where}`, hint: suggestionHint(seg, ids) };
      }
      if (last) {
        if (value === null) node.splice(k, 1);
        else node[k] = value;
        return undefined;
      }
      node = node[k];
    } else if (isRecord(node)) {
      // `seg` was checked against the schema, so it is a field or record key, never a prototype's.
      if (last) {
        node[seg] = value;
        return undefined;
      }
      // A field left out of the file (it has a default) is created, so that its parts can be set.
      if (!hasOwn(node, seg) || node[seg] === undefined) node[seg] = {};
      node = node[seg];
    } else {
      return { message: `${where} has no fields` };
    }
    nodeSchema = step.schema;
  }
  return undefined;
}

/**
 * The schema one segment below `schema` (whose value is `node`): a field of an object, the element
 * of a list (addressed by id), the value of a record whose keys accept `seg`; or a problem.
 */
function stepInto(
  schema: AnySchema,
  node: unknown,
  seg: string,
): { schema: AnySchema } | { problem: string; hint?: string } {
  const { inner } = unwrap(schema);
  const d = def(inner);
  switch (d.type) {
    case 'object': {
      const shape = d.shape ?? {};
      const field = hasOwn(shape, seg) ? shape[seg] : undefined;
      if (field) return { schema: field };
      return {
        problem: `no field "${seg}" in {where}`,
        hint: suggestionHint(seg, Object.keys(shape)) ?? `fields: ${Object.keys(shape).join(', ')}`,
      };
    }
    case 'array':
      return d.element ? { schema: d.element } : { problem: '{where} has no elements' };
    case 'record': {
      if (!d.keyType || !d.valueType) return { problem: '{where} has no fields' };
      if (!z.safeParse(d.keyType, seg).success) return { problem: `"${seg}" cannot be a key of {where}` };
      return { schema: d.valueType };
    }
    case 'union': {
      // The form the value has now (or, for a value not there yet, the first form with that field).
      const options = d.options ?? [];
      const current = options.filter((o) => z.safeParse(o, node).success);
      for (const option of [...current, ...options]) {
        const step = stepInto(option, node, seg);
        if ('schema' in step) return step;
      }
      return { problem: `no field "${seg}" in {where}` };
    }
    default:
      return { problem: '{where} has no fields' };
  }
}
