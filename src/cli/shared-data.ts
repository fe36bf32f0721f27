/**
 * Where the public benchmark data lives: `$ALLIANCES_DATA` when set, else `../shared/data` beside
 * the project (the layout of a clone in CI). The data is read in place, never copied.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotFoundError } from '../common/errors.js';

/** The project root: two levels above this file's compiled folder (dist/src/cli → root). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

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
