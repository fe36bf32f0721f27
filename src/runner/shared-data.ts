/**
 * Where the public benchmark data lives: `$ALLIANCES_DATA` when set, else `../shared/data` beside
 * the project (the layout of a clone in CI). The data is read in place, never copied.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotFoundError } from '../common/errors.js';
import { isRecord } from '../common/guards.js';

/** The project root: the nearest folder above this file whose package.json names `alliances`. */
export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && packageName(manifest) === 'alliances') return dir;
    const parent = dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

function packageName(manifest: string): unknown {
  const json: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
  return isRecord(json) ? json.name : undefined;
}

export function sharedDataDir(): string {
  return process.env.ALLIANCES_DATA
    ? resolve(process.env.ALLIANCES_DATA)
    : resolve(projectRoot, '..', 'shared', 'data');
}

/** The absolute path of a file in the shared data folder; a clear error when it is absent. */
export function sharedDataFile(...parts: string[]): string {
  const path = join(sharedDataDir(), ...parts);
  if (!existsSync(path)) {
    throw new NotFoundError(
      `${path}: benchmark data not found (set ALLIANCES_DATA to the folder holding gset/, deu3/, ktab/, csg/)`,
    );
  }
  return path;
}
