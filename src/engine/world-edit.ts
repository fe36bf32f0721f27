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
import { isRecord } from '../common/guards.js';
import { worldViolations } from '../model/invariants.js';
import type { World } from '../model/world.js';
import { setAt } from '../events/index.js';
import { agreementSchema } from '../scenario/schema.js';
import { treatyInForce } from './initial-world.js';

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

type Problem = { message: string; hint?: string };

/** Collections whose new entries are given in the scenario's format and completed (`completeEdit`). */
const COMPLETED_BY_FORMAT: ReadonlySet<string> = new Set(['agreements']);

/**
 * An edit adding a treaty (`agreements.NEW-ID={parties: [...], provisions: [...]}`) gives it as a
 * scenario's `agreements:` entry does (docs/scenario-format.md): it is read with that format's
 * defaults and put in force at the fork point (signed then, unless it says when). Any other edit is
 * kept as given. Call before `editProblems`; store the completed edit.
 */
export function completeEdit(world: World, edit: WorldEdit): WorldEdit | Problem {
  const [collection, key, ...rest] = edit.path.split('.');
  if (collection !== 'agreements' || key === undefined || rest.length > 0) return edit;
  if (hasOwn(world.agreements, key) || !isRecord(edit.value)) return edit;
  const parsed = agreementSchema.safeParse({ id: key, ...edit.value });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? [edit.path, ...issue.path.map(String)].join('.') : edit.path;
    return {
      message: `${where}: ${issue?.message ?? 'not a treaty'}`,
      hint: 'see docs/scenario-format.md, agreements',
    };
  }
  const a = parsed.data;
  const named = [
    ...a.parties,
    ...(a.leader === undefined ? [] : [a.leader]),
    ...a.provisions.flatMap((p) => [
      ...('by' in p && p.by ? p.by : []),
      ...('to' in p && p.to ? p.to : []),
      ...('against' in p && Array.isArray(p.against) ? p.against : []),
    ]),
  ];
  const unknown = named.find((f) => !hasOwn(world.factions, f));
  if (unknown !== undefined) {
    const near = nearest(unknown, Object.keys(world.factions));
    return {
      message: `${edit.path} names no faction "${excerpt(unknown)}"`,
      hint: near !== undefined ? `did you mean "${near}"?` : undefined,
    };
  }
  const signed = hasOwn(edit.value, 'signed') ? a.signed : world.time;
  return { path: edit.path, value: treatyInForce({ ...a, signed }, world) };
}

/** What is wrong with setting `path` to `value` in `world` (empty when the edit is sound). */
export function editProblems(world: World, edit: WorldEdit): Problem[] {
  const unsafe = pathProblem(edit.path);
  if (unsafe) return [unsafe];
  const target = editTarget(world, edit.path.split('.'));
  if ('message' in target) return [target];
  const problem = target.adding
    ? additionProblem(world, edit, target.old)
    : replacementProblem(world, edit, target.old);
  if (problem) return [problem];
  return worldViolations(applyEdit(world, edit)).map((message) => ({
    message: `after the edit, ${message}`,
  }));
}

/**
 * What the path reaches: the value it names now, or — for a new key at the end of a path into a
 * collection (`agreements.new-pact`) — an entry of that collection as the model of the new one.
 */
function editTarget(world: World, keys: readonly string[]): { old: unknown; adding: boolean } | Problem {
  let node: unknown = world;
  for (const [i, key] of keys.entries()) {
    const where = keys.slice(0, i).join('.') || 'the world';
    const last = i === keys.length - 1;
    const next = Array.isArray(node)
      ? entryOfList(node, key, keys.slice(0, i), where)
      : entryOfRecord(node, key, keys.slice(0, i), where, last);
    if ('message' in next) return next;
    if (next.adding) return { old: next.node, adding: true };
    node = next.node;
  }
  return { old: node, adding: false };
}

/** A list of entries with ids (a faction's principles) is addressed by id. */
function entryOfList(
  list: readonly unknown[],
  key: string,
  before: readonly string[],
  where: string,
): { node: unknown; adding: false } | Problem {
  const ids = list.flatMap((x) => (isRecord(x) && typeof x.id === 'string' ? [x.id] : []));
  if (ids.length === 0 || ids.length !== list.length)
    return {
      message: `${where} is a list without ids: "${key}" cannot be reached`,
      hint: `set the whole list: --set ${before.join('.')}=[...]`,
    };
  const entry = list.find((x) => isRecord(x) && x.id === key);
  if (entry !== undefined) return { node: entry, adding: false };
  const near = nearest(key, ids);
  return {
    message: `${where} has no entry "${key}"`,
    hint: near !== undefined ? `did you mean "${[...before, near].join('.')}"?` : `valid: ${ids.join(', ')}`,
  };
}

/**
 * A field of a record, or, at the end of the path, a new entry of a collection (a record whose
 * entries are all records): its model is the collection's first entry.
 */
function entryOfRecord(
  node: unknown,
  key: string,
  before: readonly string[],
  where: string,
  last: boolean,
): { node: unknown; adding: boolean } | Problem {
  if (!isRecord(node))
    return { message: `${where} is a ${kindOf(node)}, not a record: "${key}" cannot be reached` };
  if (hasOwn(node, key)) return { node: node[key], adding: false };
  const entries = Object.values(node);
  const completed = COMPLETED_BY_FORMAT.has(before.join('.'));
  if (last && (entries.length > 0 || completed) && entries.every(isRecord))
    return { node: entries[0], adding: true };
  const near = nearest(key, Object.keys(node));
  const keysList = Object.keys(node).sort();
  return {
    message: `${where} has no "${key}"`,
    hint:
      near !== undefined
        ? `did you mean "${[...before, near].join('.')}"?`
        : keysList.length <= 12
          ? `valid: ${keysList.join(', ')}`
          : undefined,
  };
}

/** A new entry of a collection takes the fields of its entries, and its own key as its id. */
function additionProblem(world: World, edit: WorldEdit, model: unknown): Problem | undefined {
  const key = edit.path.split('.').at(-1) ?? '';
  if (edit.value === null)
    return { message: `${edit.path} does not exist: there is nothing to remove`, hint: 'check the id' };
  if (isRecord(model) && hasOwn(model, 'id') && (!isRecord(edit.value) || edit.value.id !== key))
    return { message: `a new entry ${edit.path} has the id "${key}"`, hint: `give it "id": "${key}"` };
  // A treaty added was read in the scenario's format and built by `completeEdit`: its shape is the
  // model's by construction (optional fields may be empty where the model's are not).
  if (COMPLETED_BY_FORMAT.has(edit.path.split('.')[0] ?? '')) return undefined;
  // Checked in the world with the entry added, so that its own id names an entry.
  return shapeProblem(applyEdit(world, edit), model, edit.value, edit.path);
}

/** A value replacing another: of its kind and shape; `null` removes an entry of a collection. */
function replacementProblem(world: World, edit: WorldEdit, old: unknown): Problem | undefined {
  const { value } = edit;
  if (value === null) {
    if (old === null || (kindOf(old) === 'record' && edit.path.includes('.'))) return undefined;
    return {
      message: `${edit.path} cannot be removed: it is a ${kindOf(old)}, not an entry of a collection`,
      hint: `give a new ${kindOf(old)} instead`,
    };
  }
  if (old !== null && kindOf(old) !== kindOf(value))
    return {
      message: `${edit.path} is a ${kindOf(old)} (now ${excerpt(JSON.stringify(old))}); ${excerpt(JSON.stringify(value))} is a ${kindOf(value)}`,
      hint: `give a ${kindOf(old)}`,
    };
  return shapeProblem(world, old, value, edit.path);
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
