/**
 * The frame of a run: its start and end, and deliberate changes to the world from outside the
 * story (a fork's `--set`).
 */
import { z } from 'zod';
import { isRecord } from '../common/guards.js';
import { runMode } from '../model/vocabulary.js';
import type { World } from '../model/world.js';
import { defineEvent } from './definition.js';

export const runEvents = {
  'run-started': defineEvent({
    fields: { scenario: z.string(), title: z.string(), seed: z.number().int(), mode: runMode },
    apply: (world) => world,
    observers: () => 'all',
    tell: (e) => `${e.title} begins (${e.mode}, seed ${e.seed}).`,
  }),

  'run-ended': defineEvent({
    fields: { reason: z.string() },
    apply: (world) => world,
    observers: () => 'all',
    tell: (e) => `The chronicle ends: ${e.reason}.`,
  }),

  /** A deliberate change to the world from outside the story (a fork's `--set`). */
  'world-edited': defineEvent({
    fields: { path: z.string().min(1), value: z.unknown(), reason: z.string() },
    apply: (world, e) => setAt(world, e.path, e.value),
    observers: () => 'all',
    tell: (e) => `The world is changed: ${e.path} = ${JSON.stringify(e.value)} (${e.reason}).`,
  }),
};

/**
 * The world with the value at a dotted path replaced (`persons.warlord.biases`). Path segments name
 * record keys, or, in a list of entries with ids (a faction's principles), the entry with that id.
 * `null` for an entry of a collection removes the entry. A path through anything else leaves the
 * world as it is; callers check paths first (see engine/world-edit.ts).
 */
export function setAt(world: World, path: string, value: unknown): World {
  const keys = path.split('.');
  const set = (node: unknown, i: number): unknown => {
    const key = keys[i];
    if (key === undefined) return value;
    const last = i === keys.length - 1;
    if (Array.isArray(node)) {
      const at = node.findIndex((x) => isRecord(x) && x.id === key);
      if (at < 0) return node;
      if (last && value === null) return node.filter((_, j) => j !== at);
      return node.map((x, j) => (j === at ? set(x, i + 1) : x));
    }
    if (!isRecord(node)) return node;
    if (!Object.prototype.hasOwnProperty.call(node, key) && !last) return node;
    if (last && value === null && isRecord(node[key])) {
      const { [key]: _removed, ...rest } = node;
      return rest;
    }
    return { ...node, [key]: set(node[key], i + 1) };
  };
  return set(world, 0) as World;
}
