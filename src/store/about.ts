/** A stored run described in a few words (the `about` column of `alliances runs`). */
import { formatDuration } from '../model/time.js';
import { storedOptionsOf } from './run-options.js';
import type { RunRecord } from './store.js';

/** What set a run apart beyond its scenario, seed and mode: fork, variant, switch to leaders, player. */
export function aboutRun(r: RunRecord): string[] {
  const about: string[] = [];
  const { fork, variant, scriptUntil, play } = storedOptionsOf(r);
  if (r.parent !== null) about.push(`fork of ${r.parent}${fork ? ` at ${fork.at}` : ''}`);
  if (variant !== undefined) about.push(`variant ${variant}`);
  if (scriptUntil !== undefined) about.push(`script until ${formatDuration(scriptUntil)}`);
  if (play) about.push(`played: ${play.faction}`);
  return about;
}
