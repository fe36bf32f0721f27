/**
 * Runs a tournament on every core: the job list is cut into chunks that worker threads run, and
 * the results are put back in plan order before summarising, so the summary is the same as a run
 * on one thread (`runTournament`) whatever the scheduling.
 */
import { type Budget, spend } from '../common/budget.js';
import { createWorkerPool, defaultPoolSize } from './worker-pool.js';
import {
  type JobResult,
  planTournament,
  runTournamentJobs,
  summariseTournament,
  type TournamentInput,
  type TournamentSummary,
} from '../diplomacy/negotiation/tournament.js';

export interface ParallelTournamentOptions {
  /** Worker threads (default: all cores); 1 runs on this thread. */
  readonly threads?: number;
  /** Called as jobs finish. */
  readonly onProgress?: (done: number, total: number) => void;
  /** A time limit: when it runs out, the workers are stopped and a TimeLimitError is thrown. */
  readonly budget?: Budget;
}

export async function runTournamentParallel(
  input: TournamentInput,
  options: ParallelTournamentOptions = {},
): Promise<TournamentSummary> {
  // Planning on this thread first checks every domain, so workers never meet bad input.
  const tournament = planTournament(input);
  const total = tournament.jobs.length;
  const threads = Math.max(1, Math.min(options.threads ?? defaultPoolSize(), total));
  if (threads === 1) {
    const results: JobResult[] = [];
    const step = Math.max(1, Math.ceil(total / 100));
    for (let from = 0; from < total; from += step) {
      if (options.budget)
        spend(options.budget, `the tournament (${results.length} of ${total} negotiations run)`);
      results.push(...runTournamentJobs(tournament, from, Math.min(total, from + step)));
      options.onProgress?.(results.length, total);
    }
    return summariseTournament(tournament, results);
  }
  // Several chunks per thread balance uneven jobs; each chunk is large enough to amortise messaging.
  const chunk = Math.max(1, Math.ceil(total / (threads * 16)));
  const tasks: { from: number; to: number }[] = [];
  for (let from = 0; from < total; from += chunk) tasks.push({ from, to: Math.min(total, from + chunk) });
  const pool = createWorkerPool<{ from: number; to: number }, JobResult[]>(
    new URL('./tournament-worker.js', import.meta.url),
    { size: threads, workerData: input },
  );
  let timer: NodeJS.Timeout | undefined;
  try {
    let done = 0;
    const all = Promise.all(
      tasks.map((task) =>
        pool.run(task).then((r) => {
          done += r.length;
          options.onProgress?.(done, total);
          return r;
        }),
      ),
    );
    // This thread only waits: it checks the time limit four times a second and stops the workers.
    const budget = options.budget;
    const limit = new Promise<never>((_, reject) => {
      if (!budget) return;
      timer = setInterval(() => {
        try {
          spend(budget, `the tournament (${done} of ${total} negotiations run)`);
        } catch (err) {
          reject(err);
        }
      }, 250);
    });
    all.catch(() => undefined);
    const chunks = await Promise.race([all, limit]);
    return summariseTournament(tournament, chunks.flat());
  } finally {
    if (timer) clearInterval(timer);
    await pool.close();
  }
}
