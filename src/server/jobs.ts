/**
 * Long work started by a request — a run, a fork, a player's next question, a fidelity report —
 * as jobs: queued (one runs at a time, so a burst of requests cannot exhaust the machine), with
 * progress that clients follow as server-sent events, and a result or an error kept for a while.
 * Simulations run in a worker thread (./sim-worker.ts) so the server keeps answering meanwhile.
 */
import { Worker } from 'node:worker_threads';
import { AlliancesError, InputError } from '../index.js';
import type { ApiError, JobView } from './api-types.js';
import type { SimMessage, SimResult, SimTask } from './sim-worker.js';
import type { Timeline } from './timeline.js';

/** More queued jobs than this and new ones are refused (503) until some finish. */
const MAX_QUEUED = 16;
/** Finished jobs kept for clients to read. */
const KEEP_FINISHED = 200;

export type Progress = (done: number, total: number) => void;

interface Job {
  view: JobView;
  readonly work: (progress: Progress) => Promise<unknown>;
  readonly listeners: Set<(view: JobView) => void>;
}

export class BusyError extends AlliancesError {
  constructor() {
    super('busy', `the server already has ${MAX_QUEUED} jobs waiting; try again when some have finished`, 1);
  }
}

/** An error as an API answer: known errors keep their message and problems; others say only that they failed. */
export function apiError(err: unknown): ApiError {
  if (err instanceof InputError) return { error: err.code, message: err.message, problems: err.problems };
  if (err instanceof AlliancesError) return { error: err.code, message: err.message };
  return { error: 'internal', message: 'the work failed on the server' };
}

export class Jobs {
  private readonly jobs = new Map<string, Job>();
  private readonly queue: Job[] = [];
  private running = 0;
  private counter = 0;
  private readonly workers = new Set<Worker>();

  constructor(private readonly concurrency = 1) {}

  /** Queues work; it starts when a slot is free. */
  submit(kind: string, work: (progress: Progress) => Promise<unknown>): JobView {
    if (this.queue.length >= MAX_QUEUED) throw new BusyError();
    const id = `job-${++this.counter}`;
    const job: Job = {
      view: { id, kind, status: 'queued', done: 0, total: 0, result: null, error: null },
      work,
      listeners: new Set(),
    };
    this.jobs.set(id, job);
    this.queue.push(job);
    this.forgetOld();
    this.pump();
    return job.view;
  }

  get(id: string): JobView | undefined {
    return this.jobs.get(id)?.view;
  }

  /** Calls `listener` on every change of the job until it finishes; returns the unsubscribe. */
  subscribe(id: string, listener: (view: JobView) => void): () => void {
    const job = this.jobs.get(id);
    if (!job) return () => {};
    job.listeners.add(listener);
    return () => job.listeners.delete(listener);
  }

  /** Resolves with the job's result, or rejects with its error. */
  wait(id: string): Promise<JobView> {
    return new Promise((resolve) => {
      const view = this.get(id);
      if (!view || view.status === 'done' || view.status === 'failed') return resolve(view!);
      const off = this.subscribe(id, (v) => {
        if (v.status === 'done' || v.status === 'failed') {
          off();
          resolve(v);
        }
      });
    });
  }

  /** Simulates in a worker thread (see ./sim-worker.ts), reporting its progress. */
  simulate(task: SimTask, progress: Progress): Promise<SimResult> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./sim-worker.js', import.meta.url), { workerData: task });
      this.workers.add(worker);
      let settled = false;
      const settle = (f: () => void) => {
        if (settled) return;
        settled = true;
        this.workers.delete(worker);
        f();
      };
      worker.on('message', (m: SimMessage) => {
        if (m.type === 'progress') progress(m.done, m.total);
        else if (m.type === 'result') settle(() => resolve(m.value));
        else
          settle(() =>
            reject(
              m.error.problems
                ? new InputError(m.error.problems as InputError['problems'])
                : new AlliancesError(m.error.code, m.error.message),
            ),
          );
      });
      worker.on('error', () => settle(() => reject(new AlliancesError('internal', 'the simulation failed'))));
      worker.on('exit', () =>
        settle(() => reject(new AlliancesError('stopped', 'the simulation was stopped'))),
      );
    });
  }

  /** A stored run's timeline, computed in a worker thread (not queued: it stores nothing and is quick). */
  async timeline(db: string, run: number): Promise<Timeline> {
    const result = await this.simulate({ action: 'timeline', db, run }, () => {});
    return (result as { timeline: Timeline }).timeline;
  }

  /** Stops every worker (the server is closing). */
  async close(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.running++;
      this.update(job, { status: 'running' });
      job
        .work((done, total) => this.update(job, { done, total }))
        .then(
          (result) =>
            this.update(job, { status: 'done', result, done: job.view.total, total: job.view.total }),
          (err: unknown) => this.update(job, { status: 'failed', error: apiError(err) }),
        )
        .finally(() => {
          this.running--;
          this.pump();
        });
    }
  }

  private update(job: Job, change: Partial<JobView>): void {
    job.view = { ...job.view, ...change };
    for (const l of [...job.listeners]) l(job.view);
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter(
      (j) => j.view.status === 'done' || j.view.status === 'failed',
    );
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(j.view.id);
  }
}
