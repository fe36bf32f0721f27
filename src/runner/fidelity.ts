/**
 * Runs a fidelity report on every core: the seeds are cut into small batches that worker threads
 * run; the outcomes are put back in seed order before the report is made, so the report is the
 * same as on one thread (`runFidelity`) whatever the scheduling.
 */
import { fidelityReport, type FidelityReport, runSeed, type SeedOutcome } from '../agents/fidelity.js';
import { createWorkerPool, defaultPoolSize } from './worker-pool.js';
import type { Scenario } from '../scenario/loader.js';

/** What a worker needs to load the scenario itself. */
export interface FidelityInput {
  readonly text: string;
  readonly file: string;
  readonly variant: string | null;
}

export interface ParallelFidelityOptions {
  readonly variant?: string;
  /** Worker threads (default: all cores); 1 runs on this thread. */
  readonly threads?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export async function runFidelityParallel(
  scenario: Scenario,
  seeds: readonly number[],
  options: ParallelFidelityOptions = {},
): Promise<FidelityReport> {
  const variant = options.variant ?? null;
  const threads = Math.max(1, Math.min(options.threads ?? defaultPoolSize(), seeds.length));
  if (threads === 1) {
    const outcomes: SeedOutcome[] = [];
    for (const seed of seeds) {
      outcomes.push(runSeed(scenario, seed));
      options.onProgress?.(outcomes.length, seeds.length);
    }
    return fidelityReport(scenario, outcomes, variant);
  }
  // Batches of a few seeds amortise messaging and still balance runs of uneven length.
  const batch = Math.max(1, Math.min(8, Math.ceil(seeds.length / (threads * 8))));
  const tasks: number[][] = [];
  for (let i = 0; i < seeds.length; i += batch) tasks.push(seeds.slice(i, i + batch));
  const input: FidelityInput = { text: scenario.text, file: scenario.file, variant };
  const pool = createWorkerPool<readonly number[], SeedOutcome[]>(
    new URL('./fidelity-worker.js', import.meta.url),
    { size: threads, workerData: input },
  );
  try {
    let done = 0;
    const results = await Promise.all(
      tasks.map((task) =>
        pool.run(task).then((r) => {
          done += r.length;
          options.onProgress?.(done, seeds.length);
          return r;
        }),
      ),
    );
    return fidelityReport(scenario, results.flat(), variant);
  } finally {
    await pool.close();
  }
}
