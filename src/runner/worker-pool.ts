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
import { AlliancesError, must } from '../common/errors.js';

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

/** The messages between the pool and a worker: a task to run, and its result or error. */
interface Request<In> {
  readonly id: number;
  readonly task: In;
}

type Reply<Out> =
  | { readonly id: number; readonly ok: true; readonly result: Out }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { message: string; name: string; code?: string; stack?: string; exitCode?: number };
    };

interface Pending<In, Out> {
  readonly id: number;
  readonly task: In;
  resolve(value: Out): void;
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
  return new Pool<In, Out>(script, size, options.workerData);
}

/**
 * The pool's state: tasks waiting in submission order, idle workers, the task each busy worker
 * runs. Workers are started as tasks need them, up to `size`.
 */
class Pool<In, Out> implements WorkerPool<In, Out> {
  private readonly queue: Pending<In, Out>[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending<In, Out>>();
  private readonly workers = new Set<Worker>();
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly script: URL | string,
    readonly size: number,
    private readonly workerData: unknown,
  ) {}

  run(task: In): Promise<Out> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  async map(tasks: readonly In[], onDone?: (done: number, total: number) => void): Promise<Out[]> {
    let done = 0;
    return Promise.all(
      tasks.map((task) =>
        this.run(task).then((result) => {
          done++;
          onDone?.(done, tasks.length);
          return result;
        }),
      ),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('the worker pool was closed'));
    for (const [, p] of this.busy) p.reject(new Error('the worker pool was closed'));
    this.busy.clear();
    const all = [...this.workers];
    this.workers.clear();
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }

  private spawn(): void {
    const worker = new Worker(this.script, { workerData: this.workerData });
    this.workers.add(worker);
    worker.on('message', (reply: Reply<Out>) => this.answer(worker, reply));
    worker.on('error', (err) => this.fail(worker, err));
    worker.on('exit', (code) => {
      if (!this.closed && this.workers.has(worker))
        this.fail(worker, new Error(`worker exited with code ${code}`));
    });
    this.idle.push(worker);
  }

  /** A worker's reply settles its task, and the worker takes the next. */
  private answer(worker: Worker, reply: Reply<Out>): void {
    const pending = this.busy.get(worker);
    if (!pending || pending.id !== reply.id) return;
    this.busy.delete(worker);
    if (reply.ok) pending.resolve(reply.result);
    else {
      const e = reply.error;
      pending.reject(new WorkerTaskError(e.message, e.code ?? e.name, e.stack));
    }
    this.idle.push(worker);
    this.dispatch();
  }

  /** A dead worker: its task fails, and a fresh worker takes its place. */
  private fail(worker: Worker, err: unknown): void {
    this.workers.delete(worker);
    const i = this.idle.indexOf(worker);
    if (i >= 0) this.idle.splice(i, 1);
    const pending = this.busy.get(worker);
    this.busy.delete(worker);
    void worker.terminate();
    pending?.reject(err instanceof Error ? err : new Error(String(err)));
    if (!this.closed) {
      this.spawn();
      this.dispatch();
    }
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      if (this.idle.length === 0 && this.workers.size < this.size) this.spawn();
      const worker = this.idle.pop();
      if (!worker) return;
      const pending = must(this.queue.shift(), 'a queued task');
      this.busy.set(worker, pending);
      worker.postMessage({ id: pending.id, task: pending.task } satisfies Request<In>);
    }
  }
}

/**
 * The worker side: answers every task with `handler(task, workerData)`. Call it once at the top
 * level of the worker module. `Data` is the type of the pool's `workerData`, as `In` and `Out` are
 * those of its tasks and results: the caller of `createWorkerPool` and the worker module agree on them.
 */
export function serveTasks<In, Out, Data = unknown>(
  handler: (task: In, data: Data) => Out | Promise<Out>,
): void {
  if (isMainThread || !parentPort) throw new Error('serveTasks must run in a worker thread');
  const port = parentPort;
  const data: Data = workerData;
  port.on('message', async (request: Request<In>) => {
    try {
      const result = await handler(request.task, data);
      port.postMessage({ id: request.id, ok: true, result } satisfies Reply<Out>);
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      const code: unknown = 'code' in e ? e.code : undefined;
      port.postMessage({
        id: request.id,
        ok: false,
        error: {
          message: e.message,
          name: e.name,
          code: code === undefined ? undefined : String(code),
          stack: e.stack,
        },
      } satisfies Reply<Out>);
    }
  });
}
