/**
 * Runs a reliability sweep on every core: each worker thread builds the world of the seeds it is
 * given (a scenario loaded once, or the world generated for each seed) and returns the runs' calls;
 * the outcomes are put back in seed order before counting, so the report is the same as on one
 * thread whatever the scheduling. A time limit stops the sweep between runs: the report then counts
 * the runs that finished, and says it stopped.
 */
import {
  type ReliabilityReport,
  reliabilityReport,
  type ReliabilitySeedOutcome,
  type ReliabilitySubject,
  reliabilityWorld,
  runReliabilitySeed,
} from '../agents/reliability.js';
import { createWorkerPool, defaultPoolSize } from './worker-pool.js';

/** What a worker needs to build the worlds itself. */
export type ReliabilityInput =
  | {
      readonly kind: 'scenario';
      readonly text: string;
      readonly file: string;
      readonly variant: string | null;
      readonly days: number | null;
    }
  | { readonly kind: 'generated'; readonly factions: number; readonly days: number | null };

export interface ParallelReliabilityOptions {
  /** Days each run lasts (default: the scenario's duration; 30 for generated worlds). */
  readonly days?: number;
  /** Worker threads (default: all cores); 1 runs on this thread. */
  readonly threads?: number;
  /** Wall-clock seconds after which no further run is started (default: none). */
  readonly seconds?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export async function runReliabilityParallel(
  subject: ReliabilitySubject,
  seeds: readonly number[],
  options: ParallelReliabilityOptions = {},
): Promise<ReliabilityReport> {
  const threads = Math.max(
    1,
    Math.min(options.threads ?? defaultPoolSize(), defaultPoolSize(), seeds.length),
  );
  const deadline = performance.now() + 1000 * (options.seconds ?? Number.POSITIVE_INFINITY);
  const late = () => performance.now() >= deadline;
  const outcomes: ReliabilitySeedOutcome[] = [];
  if (threads === 1) {
    for (const seed of seeds) {
      if (late()) break;
      outcomes.push(runReliabilitySeed(reliabilityWorld(subject, seed, options.days), seed));
      options.onProgress?.(outcomes.length, seeds.length);
    }
    return reliabilityReport(subject, outcomes, options.days, outcomes.length < seeds.length);
  }
  // Generated worlds take seconds a run: one seed a task; a scenario's runs are batched a little.
  const batch =
    subject.kind === 'generated' ? 1 : Math.max(1, Math.min(8, Math.ceil(seeds.length / (threads * 8))));
  const tasks: number[][] = [];
  for (let i = 0; i < seeds.length; i += batch) tasks.push(seeds.slice(i, i + batch));
  const input: ReliabilityInput =
    subject.kind === 'generated'
      ? { kind: 'generated', factions: subject.factions, days: options.days ?? null }
      : {
          kind: 'scenario',
          text: subject.scenario.text,
          file: subject.scenario.file,
          variant: subject.scenario.variant ?? null,
          days: options.days ?? null,
        };
  const pool = createWorkerPool<readonly number[], ReliabilitySeedOutcome[]>(
    new URL('./reliability-worker.js', import.meta.url),
    { size: threads, workerData: input },
  );
  let stopped = false;
  const timer =
    options.seconds === undefined
      ? undefined
      : setTimeout(
          () => {
            stopped = true;
            void pool.close();
          },
          Math.max(0, deadline - performance.now()),
        );
  try {
    // `threads` tasks in flight; each that finishes starts the next, until the tasks or the time run out.
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < tasks.length && !stopped && !late()) {
        const task = tasks[next++]!;
        try {
          outcomes.push(...(await pool.run(task)));
        } catch (err) {
          if (stopped) return;
          throw err;
        }
        options.onProgress?.(outcomes.length, seeds.length);
      }
    };
    await Promise.all(Array.from({ length: threads }, worker));
    return reliabilityReport(subject, outcomes, options.days, outcomes.length < seeds.length);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    await pool.close();
  }
}
