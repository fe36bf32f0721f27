/**
 * A worker thread that simulates for the server, so that the server keeps answering (and streaming
 * progress) while a run is computed: it records a run or a fork in the store, or finds the next
 * question a player must answer. One task per worker, given as `workerData`; it posts progress
 * messages and then one result or one error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  AlliancesError,
  buildWorld,
  type ChoiceRequest,
  type FactionId,
  checkFork,
  forkRun,
  formatTime,
  InputError,
  loadScenario,
  type Minutes,
  namesOf,
  type Player,
  type RecordedChoice,
  recordRun,
  replayingPlayer,
  renderEvent,
  runScenario,
  type RunMode,
  type Scenario,
  scenarioOfRun,
  Store,
  type WorldEdit,
  type WorldEvent,
} from '../index.js';
import type { QuestionView } from './api-types.js';
import { type Timeline, timelineOf } from './timeline.js';

export interface RunPlan {
  readonly text: string;
  readonly file: string;
  readonly variant?: string;
  readonly seed: number;
  readonly mode: RunMode;
  readonly scriptUntil?: number;
}

export interface ForkPlan {
  readonly parent: number;
  readonly at: number;
  readonly edits: readonly WorldEdit[];
  readonly seed?: number;
}

/** A run or a fork to record, or to play up to a player's next question. */
export interface RunTask {
  readonly action: 'record' | 'question';
  readonly db: string;
  readonly plan: { readonly run: RunPlan } | { readonly fork: ForkPlan };
  /** A player's seat: the answers so far, in the order the questions were put. */
  readonly play?: { readonly faction: string; readonly choices: readonly RecordedChoice[] };
}

/** The network and the map of a stored run over time (./timeline.ts), computed off the server's thread. */
export interface TimelineTask {
  readonly action: 'timeline';
  readonly db: string;
  readonly run: number;
}

export type SimTask = RunTask | TimelineTask;

export type SimMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'result'; readonly value: SimResult }
  | {
      readonly type: 'error';
      readonly error: { readonly code: string; readonly message: string; readonly problems?: unknown };
    };

export type SimResult =
  | { readonly run: number; readonly hash: string; readonly events: number }
  | { readonly question: QuestionView | null }
  | { readonly timeline: Timeline };

/** Thrown by a player at the first question it has no answer for: the simulation stops there. */
class Unanswered {
  constructor(
    readonly request: ChoiceRequest,
    readonly since: number,
  ) {}
}

/**
 * Answers the questions put so far from `choices`, and stops the run at the next one. Re-running
 * the scenario with one more answer each time reaches the same question the same way: a run is a
 * function of its scenario, seed and answers, so the seat needs no simulation kept waiting.
 */
function pausingPlayer(choices: readonly RecordedChoice[], since: number): Player {
  let next = 0;
  let seen = since;
  return {
    choose(request) {
      if (next < choices.length) {
        seen = request.log.length;
        return choices[next++] ?? null;
      }
      throw new Unanswered(request, seen);
    },
  };
}

function questionView(scenario: Scenario, paused: Unanswered, asked: number): QuestionView {
  const r = paused.request;
  const names = namesOf(buildWorld(scenario.spec));
  const label = (option: string | null) => r.options.find((o) => o.option === option)?.label ?? option;
  return {
    number: asked + 1,
    t: r.t,
    time: formatTime(r.t),
    faction: r.faction,
    factionName: names.name(r.faction),
    decider: names.name(r.decider),
    question: r.question,
    topic: r.topic,
    pick: r.pick,
    recommended: [...r.recommended],
    news: r.view.observed(r.log, paused.since).flatMap((e: WorldEvent) => {
      const text = renderEvent(e, names);
      return text === null ? [] : [{ seq: e.seq, time: formatTime(e.t), text }];
    }),
    counsel: r.counsel.map((c) => ({
      advisor: names.name(c.advisor),
      position: c.position,
      option: label(c.option),
      reasons: [...c.reasons],
    })),
    options: r.options.map((o) => ({
      option: o.option,
      label: o.label,
      score: o.score,
      terms: o.terms.map((t) => ({ name: t.name, value: t.value, ...(t.note ? { note: t.note } : {}) })),
      vetoedBy: o.vetoedBy,
      exclusive: [...o.exclusive],
    })),
  };
}

function run(task: SimTask, progress: (done: number, total: number) => void): SimResult {
  const store = Store.open(task.db);
  try {
    if (task.action === 'timeline') {
      const record = store.getRun(task.run);
      return { timeline: timelineOf(scenarioOfRun(record).spec, store.events(record.id)) };
    }
    const plan = task.plan;
    const scenario =
      'run' in plan
        ? loadScenario(plan.run.text, plan.run.file, plan.run.variant ? { variant: plan.run.variant } : {})
        : scenarioOfRun(store.getRun(plan.fork.parent));
    const total = scenario.spec.duration;
    const onTick = (_events: readonly WorldEvent[], t: Minutes) => progress(t, total);
    const faction = task.play?.faction as FactionId | undefined;
    const choices = task.play?.choices ?? [];
    if (task.action === 'record') {
      const play = faction ? { faction, player: replayingPlayer(choices) } : undefined;
      if ('run' in plan) {
        const r = plan.run;
        const recorded = recordRun(store, scenario, {
          seed: r.seed,
          mode: r.mode,
          ...(r.scriptUntil !== undefined ? { scriptUntil: r.scriptUntil as Minutes } : {}),
          storeOptions: r.variant ? { variant: r.variant } : {},
          ...(play ? { play } : {}),
          onTick,
        });
        return { run: recorded.runId, hash: recorded.hash, events: recorded.events.length };
      }
      const f = plan.fork;
      const recorded = forkRun(store, store.getRun(f.parent), {
        at: f.at,
        edits: f.edits,
        ...(f.seed !== undefined ? { seed: f.seed } : {}),
        ...(play ? { play } : {}),
        onTick,
      });
      return { run: recorded.runId, hash: recorded.hash, events: recorded.events.length };
    }
    if (!faction) throw new AlliancesError('invalid', 'a question needs a player');
    const since = 'fork' in plan ? plan.fork.at : 0;
    const players = { [faction]: pausingPlayer(choices, since) };
    try {
      if ('run' in plan) {
        const r = plan.run;
        runScenario(scenario, {
          seed: r.seed,
          mode: r.mode,
          ...(r.scriptUntil !== undefined ? { scriptUntil: r.scriptUntil as Minutes } : {}),
          players,
          onTick,
        });
      } else {
        // As forkRun simulates a fork: the parent's prefix, the edits, then the leaders (autonomous).
        const f = plan.fork;
        const parent = store.getRun(f.parent);
        runScenario(scenario, {
          seed: f.seed ?? parent.seed,
          mode: 'autonomous',
          prefix: store.events(parent.id, f.at),
          edits: checkFork(store, parent, { at: f.at, edits: f.edits }).edits.map((e) => ({
            ...e,
            reason: 'fork',
          })),
          players,
          onTick,
        });
      }
    } catch (err) {
      if (err instanceof Unanswered) return { question: questionView(scenario, err, choices.length) };
      throw err;
    }
    return { question: null };
  } finally {
    store.close();
  }
}

if (parentPort) {
  const port = parentPort;
  let last = 0;
  try {
    const value = run(workerData as SimTask, (done, total) => {
      // At most twenty progress messages a second.
      const now = performance.now();
      if (now - last < 50) return;
      last = now;
      port.postMessage({ type: 'progress', done, total } satisfies SimMessage);
    });
    port.postMessage({ type: 'result', value } satisfies SimMessage);
  } catch (err) {
    const error =
      err instanceof InputError
        ? { code: err.code, message: err.message, problems: err.problems }
        : err instanceof AlliancesError
          ? { code: err.code, message: err.message }
          : { code: 'internal', message: 'the simulation failed' };
    if (!(err instanceof AlliancesError)) console.error(err);
    port.postMessage({ type: 'error', error } satisfies SimMessage);
  }
}
