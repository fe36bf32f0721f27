/**
 * Worker thread of a parallel reliability sweep: builds the world of each seed it is given from
 * the shared input (`workerData`: a scenario's text, loaded once, or the size of generated worlds)
 * and runs it autonomously.
 */
import {
  type ReliabilitySeedOutcome,
  type ReliabilitySubject,
  reliabilityWorld,
  runReliabilitySeed,
} from '../agents/reliability.js';
import { installNativeSha256 } from './native-sha256.js';
import { serveTasks } from './worker-pool.js';
import { loadScenario } from '../scenario/loader.js';
import type { ReliabilityInput } from './reliability.js';

installNativeSha256();

let subject: ReliabilitySubject | undefined;

serveTasks<readonly number[], ReliabilitySeedOutcome[]>((seeds, data) => {
  const input = data as ReliabilityInput;
  const s = (subject ??=
    input.kind === 'generated'
      ? { kind: 'generated', factions: input.factions }
      : {
          kind: 'scenario',
          scenario: loadScenario(
            input.text,
            input.file,
            input.variant === null ? {} : { variant: input.variant },
          ),
        });
  const runDays = input.days ?? undefined;
  return seeds.map((seed) => runReliabilitySeed(reliabilityWorld(s, seed, runDays), seed));
});
