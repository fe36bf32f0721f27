/**
 * The HTTP API of `alliances serve` (hono): a thin shell over the library and the store, and the
 * built web app. Every answer is JSON; every error is `{error, message, problems?}` with the
 * located problems of bad input, never a stack.
 *
 * Security: the server reads no file a client names (scenarios arrive as text, or by the name of a
 * built-in one; the app's files are read into memory at start); bodies are limited in size; writes
 * must be JSON (so that another site's page cannot post to it without a CORS preflight, which is
 * never granted: no CORS headers are sent) and may not come from another origin; `readOnly`
 * refuses every request that would store something.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import {
  AlliancesError,
  builtinScenarioNames,
  checkFork,
  InputError,
  NotFoundError,
  parseDuration,
  parseEdit,
  type Problem,
  runFidelityParallel,
  scenarioOfRun,
  type Store,
  verifyRun,
  type WorldEdit,
} from '../index.js';
import { forecastOf, landscape, power } from './analysis.js';
import type { FidelityView, JobView } from './api-types.js';
import { apiError, BusyError, Jobs } from './jobs.js';
import { MAX_SEEDS, parseBody, scenarioFrom, scenarioSource, sourceSchema } from './input.js';
import { Seats } from './play.js';
import type { RunTask } from './sim-worker.js';
import { RunViews, runRow, scenarioInfo } from './views.js';

export interface AppOptions {
  readonly store: Store;
  /**
   * The address the server listens on. On a loopback address only requests naming a loopback host
   * are answered, so that a page of another site whose name was made to point here (DNS
   * rebinding) cannot read or write through the browser.
   */
  readonly host?: string;
  /** The database file, for the worker threads that simulate (each opens it itself). */
  readonly dbPath: string;
  readonly readOnly?: boolean;
  /** The built web app: URL path → file contents and type. */
  readonly files?: ReadonlyMap<string, { readonly body: Uint8Array; readonly type: string }>;
}

/** Largest request body: a scenario's text with room to spare. */
export const MAX_BODY = 4 * 1024 * 1024;

class ReadOnlyError extends AlliancesError {
  constructor() {
    super('read-only', 'this server was started with --read-only: it stores nothing', 1);
  }
}

function statusOf(err: unknown): 400 | 403 | 404 | 409 | 500 | 503 {
  if (err instanceof ReadOnlyError) return 403;
  if (err instanceof BusyError) return 503;
  if (err instanceof NotFoundError || (err instanceof AlliancesError && err.code === 'not-found')) return 404;
  if (err instanceof AlliancesError && err.code === 'conflict') return 409;
  if (err instanceof InputError) return 400;
  return 500;
}

const seedSchema = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);
const idParam = (c: Context, name: string) => {
  const raw = c.req.param(name) ?? '';
  if (!/^\d{1,12}$/.test(raw))
    throw new InputError([{ code: 'invalid-argument', path: name, message: `"${raw}" is not a number` }]);
  return Number(raw);
};

const runBody = z.strictObject({
  ...scenarioSource,
  seed: seedSchema.optional(),
  mode: z.enum(['scripted', 'autonomous', 'mixed']).default('scripted'),
  /** In mixed mode: follow the script until this time (`30h`, `1d 6h`). */
  scriptUntil: z.string().max(40).optional(),
});

const forkBody = z.strictObject({
  at: z.number().int().min(1),
  /** Changes as `PATH=VALUE`, the same checked paths as `alliances fork --set`. */
  set: z.array(z.string().max(10_000)).max(100).default([]),
  seed: seedSchema.optional(),
});

const playBody = z.strictObject({
  ...runBody.shape,
  mode: z.enum(['autonomous', 'mixed']).default('autonomous'),
  faction: z.string().min(1).max(200),
  /** Take the seat in a fork of a stored run instead. */
  fork: z.strictObject({ run: z.number().int().min(1), ...forkBody.shape }).optional(),
});

const answerBody = z.strictObject({ choose: z.array(z.string().max(500)).max(50).nullable() });

const fidelityBody = z.strictObject({
  scenario: scenarioSource.scenario,
  text: scenarioSource.text,
  file: scenarioSource.file,
  /** The variants to compare; null is the scenario as written. */
  variants: z.array(z.string().max(200).nullable()).min(1).max(8).default([null]),
  seeds: z.number().int().min(1).max(MAX_SEEDS).default(50),
  firstSeed: seedSchema.default(1),
});

const analysisBody = z.strictObject({
  text: z.string().max(2_000_000),
  file: scenarioSource.file,
});

function scriptUntilOf(mode: string, raw: string | undefined): number | undefined {
  const t = raw === undefined ? undefined : parseDuration(/^\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw);
  if (raw !== undefined && (t === undefined || t < 0))
    throw new InputError([
      {
        code: 'invalid-option',
        path: 'scriptUntil',
        message: `"${raw}" is not a time`,
        hint: 'write e.g. 30h, 1d 6h or 90m',
      },
    ]);
  if (mode === 'mixed' && t === undefined)
    throw new InputError([
      {
        code: 'invalid-option',
        path: 'scriptUntil',
        message: 'mixed mode needs scriptUntil',
        hint: 'e.g. "30h"',
      },
    ]);
  return t;
}

function editsOf(set: readonly string[]): WorldEdit[] {
  const edits: WorldEdit[] = [];
  const problems: Problem[] = [];
  set.forEach((raw, i) => {
    const e = parseEdit(raw);
    if ('error' in e)
      problems.push({
        code: 'invalid-edit',
        path: `set[${i}]`,
        message: e.error,
        hint: 'write PATH=VALUE, e.g. persons.p.personality.pride=0.2',
      });
    else edits.push(e);
  });
  if (problems.length > 0) throw new InputError(problems);
  return edits;
}

export function createApp(options: AppOptions): { app: Hono; close(): Promise<void> } {
  const { store } = options;
  const jobs = new Jobs();
  const seats = new Seats(jobs);
  const views = new RunViews(store, (run) => jobs.timeline(options.dbPath, run));
  const app = new Hono();

  const writable = () => {
    if (options.readOnly) throw new ReadOnlyError();
  };
  const json = async (c: Context): Promise<unknown> => {
    try {
      return await c.req.json();
    } catch {
      throw new InputError([{ code: 'syntax', path: '', message: 'the request body is not JSON' }]);
    }
  };

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'",
    );
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY,
      onError: (c) =>
        c.json({ error: 'too-large', message: `the request body is larger than ${MAX_BODY} bytes` }, 413),
    }),
  );
  const loopback = (name: string) => /^(127(\.\d{1,3}){3}|localhost|\[::1\]|::1)$/i.test(name);
  app.use('*', async (c, next) => {
    const host = (c.req.header('host') ?? '').replace(/:\d+$/, '');
    if (loopback(options.host ?? '127.0.0.1') && !loopback(host))
      return c.json(
        { error: 'forbidden', message: `this server answers only to a local name, not "${host}"` },
        403,
      );
    await next();
  });
  app.use('/api/*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/json\b/i.test(type))
        return c.json({ error: 'unsupported-media-type', message: 'send the body as application/json' }, 415);
      const origin = c.req.header('origin');
      const host = c.req.header('host');
      if (origin !== undefined && origin !== `http://${host}`)
        return c.json({ error: 'forbidden', message: 'requests from another origin are refused' }, 403);
    }
    await next();
  });
  app.onError((err, c) => {
    const status = statusOf(err);
    // Unknown failures are logged here, and answered without their details.
    if (status === 500 && !(err instanceof AlliancesError)) console.error(err);
    return c.json(apiError(err), status);
  });

  app.get('/api/health', (c) => c.json({ ok: true, readOnly: options.readOnly === true }));

  app.get('/api/scenarios', (c) =>
    c.json({
      scenarios: builtinScenarioNames().map((name) =>
        scenarioInfo(scenarioFrom({ scenario: name, file: 'scenario.yaml' })),
      ),
    }),
  );
  app.get('/api/scenarios/:name', (c) => {
    const s = scenarioFrom({ scenario: c.req.param('name'), file: 'scenario.yaml' });
    return c.json({ scenario: scenarioInfo(s), text: s.text });
  });
  app.post('/api/scenarios/check', async (c) => {
    const body = parseBody(sourceSchema, await json(c));
    return c.json({ scenario: scenarioInfo(scenarioFrom(body)) });
  });

  app.get('/api/runs', (c) => {
    const { scenario, mode, status } = c.req.query();
    const runs = store
      .listRuns()
      .filter((r) => (scenario ? r.scenario === scenario : true))
      .filter((r) => (mode ? r.mode === mode : true))
      .filter((r) => (status ? r.status === status : true))
      .map(runRow);
    return c.json({ runs });
  });
  app.post('/api/runs', async (c) => {
    writable();
    const body = parseBody(runBody, await json(c));
    const scenario = scenarioFrom(body);
    const scriptUntil = scriptUntilOf(body.mode, body.scriptUntil);
    const task: RunTask = {
      action: 'record',
      db: options.dbPath,
      plan: {
        run: {
          text: scenario.text,
          file: scenario.file,
          ...(body.variant ? { variant: body.variant } : {}),
          seed: body.seed ?? scenario.spec.seed,
          mode: body.mode,
          ...(scriptUntil !== undefined ? { scriptUntil } : {}),
        },
      },
    };
    const job = jobs.submit('run', (progress) => jobs.simulate(task, progress));
    return c.json({ job }, 202);
  });
  app.get('/api/runs/:id', (c) => c.json(views.run(idParam(c, 'id'))));
  app.get('/api/runs/:id/timeline', async (c) => c.json(await views.timeline(idParam(c, 'id'))));
  app.get('/api/runs/:id/events/:seq', (c) => c.json(views.event(idParam(c, 'id'), idParam(c, 'seq'))));
  app.get('/api/runs/:id/talks/:negotiation', (c) =>
    c.json(views.talks(idParam(c, 'id'), c.req.param('negotiation'))),
  );
  app.get('/api/runs/:id/verify', (c) => {
    const v = verifyRun(store, store.getRun(idParam(c, 'id')));
    return c.json({
      run: v.run.id,
      matches: v.matches,
      storedHash: v.storedHash,
      simulatedHash: v.simulatedHash,
      firstDifference: v.firstDifference,
    });
  });

  /** A fork's task, checked as `alliances fork` checks it: nothing is queued for a bad edit. */
  const forkTask = (parentId: number, body: z.output<typeof forkBody>): Omit<RunTask, 'action' | 'play'> => {
    const parent = store.getRun(parentId);
    const edits = editsOf(body.set);
    const { problems } = checkFork(store, parent, { at: body.at, edits });
    if (problems.length > 0)
      throw new InputError(
        problems.map((p) => ({
          code: 'invalid-edit',
          path: `set[${edits.indexOf(p.edit)}]`,
          message: `${p.edit.path}=${JSON.stringify(p.edit.value)}: ${p.message}`,
          ...(p.hint ? { hint: p.hint } : {}),
        })),
      );
    return {
      db: options.dbPath,
      plan: {
        fork: {
          parent: parent.id,
          at: body.at,
          edits,
          ...(body.seed !== undefined ? { seed: body.seed } : {}),
        },
      },
    };
  };
  app.post('/api/runs/:id/forks', async (c) => {
    writable();
    const id = idParam(c, 'id');
    const task = forkTask(id, parseBody(forkBody, await json(c)));
    const job = jobs.submit('fork', (progress) => jobs.simulate({ ...task, action: 'record' }, progress));
    return c.json({ job }, 202);
  });

  app.get('/api/diff', (c) => {
    const q = c.req.query();
    const ref = (name: 'a' | 'b') => {
      const raw = q[name] ?? '';
      if (!/^\d{1,12}$/.test(raw))
        throw new InputError([{ code: 'invalid-argument', path: name, message: `"${raw}" is not a run id` }]);
      return Number(raw);
    };
    return c.json(views.diff(ref('a'), ref('b')));
  });

  app.get('/api/jobs/:id', (c) => {
    const job = jobs.get(c.req.param('id'));
    if (!job) throw new NotFoundError(`no job "${c.req.param('id')}"`);
    return c.json(job);
  });
  app.get('/api/jobs/:id/events', (c) => {
    const id = c.req.param('id');
    if (!jobs.get(id)) throw new NotFoundError(`no job "${id}"`);
    return streamSSE(c, async (stream) => {
      // Writes are chained so that the last (done or failed) is sent before the stream closes.
      let written = Promise.resolve();
      await new Promise<void>((resolve) => {
        const send = (view: JobView) => {
          const finished = view.status === 'done' || view.status === 'failed';
          const event = finished ? view.status : 'progress';
          written = written.then(() => stream.writeSSE({ event, data: JSON.stringify(view) }));
          if (finished) {
            off();
            void written.then(resolve, resolve);
          }
        };
        const off = jobs.subscribe(id, send);
        stream.onAbort(() => {
          off();
          resolve();
        });
        send(jobs.get(id)!);
      });
    });
  });

  app.post('/api/play', async (c) => {
    writable();
    const body = parseBody(playBody, await json(c));
    let task: Omit<RunTask, 'action' | 'play'>;
    let factions: string[];
    if (body.fork) {
      task = forkTask(body.fork.run, body.fork);
      factions = scenarioOfRun(store.getRun(body.fork.run)).spec.factions.map((f) => f.id);
    } else {
      const scenario = scenarioFrom(body);
      const scriptUntil = scriptUntilOf(body.mode, body.scriptUntil);
      factions = scenario.spec.factions.map((f) => f.id);
      task = {
        db: options.dbPath,
        plan: {
          run: {
            text: scenario.text,
            file: scenario.file,
            ...(body.variant ? { variant: body.variant } : {}),
            seed: body.seed ?? scenario.spec.seed,
            mode: body.mode,
            ...(scriptUntil !== undefined ? { scriptUntil } : {}),
          },
        },
      };
    }
    if (!factions.includes(body.faction))
      throw new InputError([
        {
          code: 'invalid-option',
          path: 'faction',
          message: `the scenario has no faction "${body.faction}"`,
          hint: `factions: ${factions.join(', ')}`,
        },
      ]);
    return c.json(await seats.take(task, body.faction), 201);
  });
  app.get('/api/play/:id', (c) => c.json(seats.get(c.req.param('id'))));
  app.post('/api/play/:id/answer', async (c) => {
    writable();
    const body = parseBody(answerBody, await json(c));
    return c.json(await seats.answer(c.req.param('id'), body.choose));
  });
  app.post('/api/play/:id/leave', (c) => {
    writable();
    return c.json(seats.leave(c.req.param('id')));
  });

  // A fidelity report computes and stores nothing, so a read-only server runs it too.
  app.post('/api/fidelity', async (c) => {
    const body = parseBody(fidelityBody, await json(c));
    const scenarios = body.variants.map((variant) =>
      scenarioFrom({ ...body, ...(variant === null ? {} : { variant }) }),
    );
    const seeds = Array.from({ length: body.seeds }, (_, i) => body.firstSeed + i);
    const job = jobs.submit('fidelity', async (progress): Promise<FidelityView> => {
      const reports = [];
      for (const [k, scenario] of scenarios.entries()) {
        const variant = body.variants[k] ?? undefined;
        const r = await runFidelityParallel(scenario, seeds, {
          ...(variant ? { variant } : {}),
          onProgress: (done) => progress(k * seeds.length + done, scenarios.length * seeds.length),
        });
        reports.push({
          variant: r.variant,
          seeds: r.seeds,
          milestones: r.milestones.map((m) => ({
            id: m.id,
            title: m.title,
            outcome: m.outcome,
            share: m.share,
          })),
          reachedPerRun: {
            of: r.reachedPerRun.of,
            median: r.reachedPerRun.median,
            distribution: r.reachedPerRun.distribution,
          },
          principleViolations: r.principleViolations,
        });
      }
      return { scenario: scenarios[0]!.spec.id, reports };
    });
    return c.json({ job }, 202);
  });

  app.post('/api/analysis/landscape', async (c) => {
    const body = parseBody(analysisBody, await json(c));
    return c.json(landscape(body.text, body.file));
  });
  app.post('/api/analysis/power', async (c) => {
    const body = parseBody(analysisBody, await json(c));
    return c.json(power(body.text, body.file));
  });
  app.post('/api/analysis/forecast', async (c) => {
    const body = parseBody(analysisBody, await json(c));
    return c.json(forecastOf(body.text, body.file));
  });

  app.all('/api/*', (c) =>
    c.json({ error: 'not-found', message: `no API at ${c.req.method} ${c.req.path}` }, 404),
  );

  // The web app: its files as built, from memory.
  app.get('*', (c) => {
    const file = options.files?.get(c.req.path === '/' ? '/index.html' : c.req.path);
    if (!file) return c.json({ error: 'not-found', message: `no page at ${c.req.path}` }, 404);
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': file.type });
  });

  return { app, close: () => jobs.close() };
}
