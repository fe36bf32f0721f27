/** A stored run described in a few words (the `about` column of `alliances runs`). */
import { formatDuration } from '../model/time.js';
import type { RunRecord } from './store.js';

/** What set a run apart beyond its scenario, seed and mode: fork, variant, switch to leaders, player. */
export function aboutRun(r: RunRecord): string[] {
  const about: string[] = [];
  const fork = r.options.fork as { at?: unknown } | undefined;
  if (r.parent !== null)
    about.push(`fork of ${r.parent}${typeof fork?.at === 'number' ? ` at ${fork.at}` : ''}`);
  if (typeof r.options.variant === 'string') about.push(`variant ${r.options.variant}`);
  if (typeof r.options.scriptUntil === 'number')
    about.push(`script until ${formatDuration(r.options.scriptUntil)}`);
  const play = r.options.play as { faction?: unknown } | undefined;
  if (typeof play?.faction === 'string') about.push(`played: ${play.faction}`);
  return about;
}
