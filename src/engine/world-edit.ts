/**
 * Changes to a world for a counterfactual fork (`alliances fork --set PATH=VALUE`): a dotted path
 * into the world (`persons.warlord.personality.pride`, `factions.starship.principles.non-interference`,
 * `intents.ambush-at-the-summit.status`) and a new value. An edit is checked before it is
 * applied, so a fork never starts from a world no event could have produced:
 *
 * - every segment of the path must name an existing key (with a "did you mean" for near misses);
 * - the new value has the type of the old one (a number for a number, a list for a list…);
 * - `null` removes an entry of a collection (a principle, an intent, a crew) or clears a value that
 *   may be empty;
 * - the edited world must keep every invariant (model/invariants.ts), e.g. traits in [0, 1].
 *
 * Applied edits become `world-edited` events in the fork's log, so the log alone still tells the
 * whole story of the fork.
 */
import { parse as parseYaml } from 'yaml';
import { formatPath } from '../common/document.js';
import { hasOwn, pathProblem, protoKeyPaths } from '../common/safe-path.js';
import { nearest } from '../common/validate.js';
import { worldViolations } from '../model/invariants.js';
import type { World } from '../model/world.js';
import { setAt } from '../events/index.js';

export interface WorldEdit {
  readonly path: string;
  readonly value: unknown;
}

/** Splits `PATH=VALUE`; the value is read as YAML (`0.2`, `abandoned`, `null`, `[a, b]`, `{x: 1}`). */
export function parseEdit(raw: string): WorldEdit | { readonly error: string } {
  const eq = raw.indexOf('=');
  if (eq <= 0) return { error: `"${raw}" is not PATH=VALUE` };
  const path = raw.slice(0, eq).trim();
  const text = raw.slice(eq + 1).trim();
  if (!/^[^.\s]+(\.[^.\s]+)*$/.test(path)) return { error: `"${path}" is not a dotted path` };
  const unsafe = pathProblem(path);
  if (unsafe) return { error: `${unsafe.message} (${unsafe.hint})` };
  let value: unknown;
  try {
    value = text === '' ? '' : (parseYaml(text, { logLevel: 'error' }) as unknown);
  } catch (err) {
    return { error: `the value "${excerpt(text)}" cannot be read: ${(err as Error).message.split('\n')[0]}` };
  }
  const proto = protoKeyPaths(value)[0];
  if (proto)
    return {
      error: `the value has a key "__proto__" (at ${formatPath(proto) || 'its top'}), which no field of the world has`,
    };
  return { path, value };
}

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

const kindOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v === 'object' ? 'record' : typeof v;

/** What is wrong with setting `path` to `value` in `world` (empty when the edit is sound). */
export function editProblems(world: World, edit: WorldEdit): { message: string; hint?: string }[] {
  const unsafe = pathProblem(edit.path);
  if (unsafe) return [unsafe];
  const keys = edit.path.split('.');
  let node: unknown = world;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const where = keys.slice(0, i).join('.') || 'the world';
    if (Array.isArray(node)) {
      // A list of entries with ids (a faction's principles) is addressed by id.
      const ids = node.flatMap((x) =>
        x !== null && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string'
          ? [(x as { id: string }).id]
          : [],
      );
      if (ids.length === 0 || ids.length !== node.length) {
        return [
          {
            message: `${where} is a list without ids: "${key}" cannot be reached`,
            hint: `set the whole list: --set ${keys.slice(0, i).join('.')}=[...]`,
          },
        ];
      }
      const entry = node.find((x) => (x as { id: string }).id === key);
      if (entry === undefined) {
        const near = nearest(key, ids);
        return [
          {
            message: `${where} has no entry "${key}"`,
            hint:
              near !== undefined
                ? `did you mean "${[...keys.slice(0, i), near].join('.')}"?`
                : `valid: ${ids.join(', ')}`,
          },
        ];
      }
      node = entry;
      continue;
    }
    if (node === null || typeof node !== 'object') {
      return [{ message: `${where} is a ${kindOf(node)}, not a record: "${key}" cannot be reached` }];
    }
    const record = node as Record<string, unknown>;
    if (!hasOwn(record, key)) {
      const near = nearest(key, Object.keys(record));
      const keysList = Object.keys(record).sort();
      return [
        {
          message: `${where} has no "${key}"`,
          hint:
            near !== undefined
              ? `did you mean "${[...keys.slice(0, i), near].join('.')}"?`
              : keysList.length <= 12
                ? `valid: ${keysList.join(', ')}`
                : undefined,
        },
      ];
    }
    node = record[key];
  }
  const old = node;
  const value = edit.value;
  if (value === null) {
    if (old === null) return [];
    if (kindOf(old) === 'record' && keys.length >= 2) return [];
    return [
      {
        message: `${edit.path} cannot be removed: it is a ${kindOf(old)}, not an entry of a collection`,
        hint: `give a new ${kindOf(old)} instead`,
      },
    ];
  }
  if (old !== null && kindOf(old) !== kindOf(value)) {
    return [
      {
        message: `${edit.path} is a ${kindOf(old)} (now ${excerpt(JSON.stringify(old))}); ${excerpt(JSON.stringify(value))} is a ${kindOf(value)}`,
        hint: `give a ${kindOf(old)}`,
      },
    ];
  }
  const shape = shapeProblem(world, old, value, edit.path);
  if (shape) return [shape];
  const edited = applyEdit(world, edit);
  return worldViolations(edited).map((message) => ({ message: `after the edit, ${message}` }));
}

/**
 * What is wrong with the shape of `value` as a replacement for `old`: a record keeps the fields it
 * had (a collection's new entries take the fields of its entries), a list's elements take the
 * shape of the elements it had, numbers are finite, and a name of an entry of the world (a faction,
 * a person…) is replaced by the name of another entry of the same collection.
 */
function shapeProblem(
  world: World,
  old: unknown,
  value: unknown,
  path: string,
): { message: string; hint?: string } | undefined {
  if (old === null || old === undefined) return undefined;
  if (value === null) return { message: `${path} cannot be null`, hint: `give a ${kindOf(old)}` };
  if (kindOf(old) !== kindOf(value))
    return {
      message: `${path} is a ${kindOf(old)}; ${excerpt(JSON.stringify(value))} is a ${kindOf(value)}`,
    };
  if (typeof value === 'number' && !Number.isFinite(value))
    return { message: `${path} must be a finite number` };
  if (typeof old === 'string') return referenceProblem(world, old, value as string, path);
  if (Array.isArray(old)) {
    if (old.length === 0) return undefined;
    for (const [i, element] of (value as unknown[]).entries()) {
      const fits = old.some((o) => shapeProblem(world, o, element, `${path}[${i}]`) === undefined);
      if (!fits) return shapeProblem(world, old[0], element, `${path}[${i}]`);
    }
    return undefined;
  }
  if (kindOf(old) !== 'record') return undefined;
  const before = old as Record<string, unknown>;
  const after = value as Record<string, unknown>;
  const entries = Object.values(before);
  const collection = entries.length > 0 && entries.every((e) => kindOf(e) === 'record');
  if (collection) {
    for (const key of Object.keys(after)) {
      const model = hasOwn(before, key) ? before[key] : entries[0];
      const p = shapeProblem(world, model, after[key], `${path}.${key}`);
      if (p) return p;
    }
    return undefined;
  }
  for (const key of Object.keys(after)) {
    if (!hasOwn(before, key))
      return {
        message: `${path} has no field "${key}"`,
        hint: `its fields: ${Object.keys(before).sort().join(', ')}`,
      };
    const p = shapeProblem(world, before[key], after[key], `${path}.${key}`);
    if (p) return p;
  }
  const missing = Object.keys(before).filter((k) => !hasOwn(after, k) && before[k] !== undefined);
  if (missing.length > 0)
    return { message: `${path} needs its field${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` };
  return undefined;
}

/** The world's collections that `name` is an entry of (a faction's id is an entry of `factions`). */
function collectionsNaming(world: World, name: string): string[] {
  const all = world as unknown as Record<string, unknown>;
  return Object.keys(all).filter((c) => {
    const collection = all[c];
    return kindOf(collection) === 'record' && hasOwn(collection as object, name);
  });
}

function referenceProblem(
  world: World,
  old: string,
  value: string,
  path: string,
): { message: string; hint?: string } | undefined {
  const collections = collectionsNaming(world, old);
  if (collections.length === 0) return undefined;
  if (collectionsNaming(world, value).some((c) => collections.includes(c))) return undefined;
  const names = collections.flatMap((c) => Object.keys((world as unknown as Record<string, object>)[c]!));
  const near = nearest(value, names);
  return {
    message: `${path} names an entry of ${collections.join(' or ')}; there is no "${excerpt(value)}"`,
    hint: near !== undefined ? `did you mean "${near}"?` : undefined,
  };
}

/** The world with one edit applied (unchecked: call `editProblems` first). */
export function applyEdit(world: World, edit: WorldEdit): World {
  return setAt(world, edit.path, edit.value);
}
