/**
 * A small pool of worker threads for embarrassingly parallel work (tournaments, Monte Carlo
 * sweeps): tasks go to idle workers in submission order, results come back through promises, and
 * `map` returns results in task order whatever order they finish in, so the outcome of a parallel
 * run never depends on thread scheduling.
 *
 * The worker side is a module that calls `serveTasks(handler)`. A task that throws rejects its
 * promise with an error carrying the worker's message, name, code and stack; a worker that dies
 * rejects its task and is replaced.
 *
 * ```ts
 * // square-worker.ts
 * serveTasks((n: number) => n * n);
 * // main
 * const pool = createWorkerPool<number, number>(new URL('../common/square-worker.js', import.meta.url));
 * const squares = await pool.map([1, 2, 3]);   // [1, 4, 9]
 * await pool.close();
 * ```
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { AlliancesError } from '../common/errors.js';

export interface WorkerPoolOptions {
  /**
   * Number of threads (default: the number of cores the process may use); never more than the
   * cores, since more threads only add memory and switching.
   */
  readonly size?: number;
  /** Passed to every worker once, as `workerData` (structured-cloned): shared inputs go here. */
  readonly workerData?: unknown;
}

export interface WorkerPool<In, Out> {
  readonly size: number;
  /** Runs one task on the next idle worker. */
  run(task: In): Promise<Out>;
  /** Runs every task; results in task order. `onDone` is called as each finishes (any order). */
  map(tasks: readonly In[], onDone?: (done: number, total: number) => void): Promise<Out[]>;
  /** Terminates the workers; pending tasks are rejected. */
  close(): Promise<void>;
}

/** An error thrown inside a worker, carried back to the caller. */
export class WorkerTaskError extends AlliancesError {
  readonly workerStack: string | undefined;
  constructor(message: string, code: string, workerStack?: string) {
    super(code, message, 1);
    this.name = 'WorkerTaskError';
    this.workerStack = workerStack;
  }
}

interface Request {
  readonly id: number;
  readonly task: unknown;
}

type Reply =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { message: string; name: string; code?: string; stack?: string; exitCode?: number };
    };

interface Pending {
  readonly id: number;
  readonly task: unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism());
}

export function createWorkerPool<In, Out>(
  script: URL | string,
  options: WorkerPoolOptions = {},
): WorkerPool<In, Out> {
  const size = Math.max(1, Math.min(options.size ?? defaultPoolSize(), defaultPoolSize()));
  const queue: Pending[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending>();
  const workers = new Set<Worker>();
  let nextId = 0;
  let closed = false;

  const spawn = (): void => {
    const worker = new Worker(script, { workerData: options.workerData });
    workers.add(worker);
    worker.on('message', (reply: Reply) => {
      const pending = busy.get(worker);
      if (!pending || pending.id !== reply.id) return;
      busy.delete(worker);
      if (reply.ok) pending.resolve(reply.result);
      else {
        const e = reply.error;
        const error = new WorkerTaskError(e.message, e.code ?? e.name, e.stack);
        pending.reject(error);
      }
      idle.push(worker);
      dispatch();
    });
    worker.on('error', (err) => fail(worker, err));
    worker.on('exit', (code) => {
      if (!closed && workers.has(worker)) fail(worker, new Error(`worker exited with code ${code}`));
    });
    idle.push(worker);
  };

  /** A dead worker: its task fails, and a fresh worker takes its place. */
  const fail = (worker: Worker, err: unknown): void => {
    workers.delete(worker);
    const i = idle.indexOf(worker);
    if (i >= 0) idle.splice(i, 1);
    const pending = busy.get(worker);
    busy.delete(worker);
    void worker.terminate();
    pending?.reject(err instanceof Error ? err : new Error(String(err)));
    if (!closed) {
      spawn();
      dispatch();
    }
  };

  const dispatch = (): void => {
    while (queue.length > 0) {
      if (idle.length === 0 && workers.size < size) spawn();
      const worker = idle.pop();
      if (!worker) return;
      const pending = queue.shift()!;
      busy.set(worker, pending);
      worker.postMessage({ id: pending.id, task: pending.task } satisfies Request);
    }
  };

  const pool: WorkerPool<In, Out> = {
    size,
    run(task) {
      if (closed) return Promise.reject(new Error('the worker pool is closed'));
      return new Promise<Out>((resolve, reject) => {
        queue.push({ id: nextId++, task, resolve: resolve as (v: unknown) => void, reject });
        dispatch();
      });
    },
    async map(tasks, onDone) {
      let done = 0;
      return Promise.all(
        tasks.map((task) =>
          pool.run(task).then((result) => {
            done++;
            onDone?.(done, tasks.length);
            return result;
          }),
        ),
      );
    },
    async close() {
      closed = true;
      for (const p of queue.splice(0)) p.reject(new Error('the worker pool was closed'));
      for (const [, p] of busy) p.reject(new Error('the worker pool was closed'));
      busy.clear();
      const all = [...workers];
      workers.clear();
      idle.length = 0;
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
  return pool;
}

/**
 * The worker side: answers every task with `handler(task, workerData)`. Call it once at the top
 * level of the worker module.
 */
export function serveTasks<In, Out>(handler: (task: In, data: unknown) => Out | Promise<Out>): void {
  if (isMainThread || !parentPort) throw new Error('serveTasks must run in a worker thread');
  const port = parentPort;
  port.on('message', async (request: Request) => {
    try {
      const result = await handler(request.task as In, workerData);
      port.postMessage({ id: request.id, ok: true, result } satisfies Reply);
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      port.postMessage({
        id: request.id,
        ok: false,
        error: {
          message: e.message,
          name: e.name,
          code:
            (e as { code?: unknown }).code === undefined ? undefined : String((e as { code?: unknown }).code),
          stack: e.stack,
        },
      } satisfies Reply);
    }
  });
}
