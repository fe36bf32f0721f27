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
  try {
    return { path, value: text === '' ? '' : (parseYaml(text) as unknown) };
  } catch (err) {
    return { error: `the value "${text}" cannot be read: ${(err as Error).message.split('\n')[0]}` };
  }
}

const kindOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v === 'object' ? 'record' : typeof v;

/** What is wrong with setting `path` to `value` in `world` (empty when the edit is sound). */
export function editProblems(world: World, edit: WorldEdit): { message: string; hint?: string }[] {
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
    if (!(key in record)) {
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
        message: `${edit.path} is a ${kindOf(old)} (now ${JSON.stringify(old)}); ${JSON.stringify(value)} is a ${kindOf(value)}`,
        hint: `give a ${kindOf(old)}`,
      },
    ];
  }
  const edited = applyEdit(world, edit);
  return worldViolations(edited).map((message) => ({ message: `after the edit, ${message}` }));
}

/** The world with one edit applied (unchecked: call `editProblems` first). */
export function applyEdit(world: World, edit: WorldEdit): World {
  return setAt(world, edit.path, edit.value);
}
