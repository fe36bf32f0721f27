/**
 * The options stored with a run (JSON in its row), read back typed: what set the run apart beyond
 * its scenario, seed and mode.
 */
import { z } from 'zod';
import { factionId } from '../model/ids.js';
import { minutesSchema } from '../model/time.js';
import type { RunRecord } from './store.js';

/**
 * What a stored run's options say beyond its scenario, seed and mode, as the runner's `recordRun`
 * and `forkRun` write them: its variant, the switch from script to leaders, the fork, the player's
 * answers. A field that is not as written is left out (the run is then re-simulated without it).
 */
const storedOptionsSchema = z.object({
  variant: z.string().optional().catch(undefined),
  scriptUntil: minutesSchema.optional().catch(undefined),
  fork: z
    .object({ at: z.number(), edits: z.array(z.object({ path: z.string(), value: z.unknown() })) })
    .optional()
    .catch(undefined),
  play: z
    .object({ faction: factionId, choices: z.array(z.array(z.string()).nullable()) })
    .optional()
    .catch(undefined),
});
export type StoredOptions = z.infer<typeof storedOptionsSchema>;

/** A stored run's options, read (see `storedOptionsSchema`). */
export function storedOptionsOf(run: RunRecord): StoredOptions {
  return storedOptionsSchema.parse(run.options);
}
