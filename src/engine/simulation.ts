/**
 * The tick loop. A run is `scenario + seed + directives → event log`:
 *
 *   for each tick t = 0, tick, 2·tick, … up to the scenario's duration:
 *     1. processes: deliver messages, arrive ships, check rendezvous, repairs, principles;
 *     2. directives due by t: exogenous events are applied as written; forced decisions and the
 *        decisions of the decision makers are checked by the rules and become events, or an
 *        `intent-rejected` event naming the rule;
 *     3. after every event, its consequences (relations, trust, marks) follow as events.
 *
 * Every event is stamped with its position `seq` and the tick's time `t`, applied by the pure
 * reducer, and handed to `onTick` at the end of its tick (the store writes a tick per transaction).
 */
import { createRng, type Rng } from '../common/random.js';
import type { EventPayload, WorldEvent } from '../model/events.js';
import type { PersonId } from '../model/ids.js';
import type { Decision, Intent } from '../model/intents.js';
import type { Minutes } from '../model/time.js';
import type { World } from '../model/world.js';
import type { Scenario } from '../scenario/loader.js';
import { consequencesOf } from './consequences.js';
import { describeIntent } from './describe.js';
import { buildWorld } from './initial-world.js';
import { LogHasher } from './log-hash.js';
import { type MilestoneResult, matchMilestones } from './milestones.js';
import { runProcesses } from './processes.js';
import { apply } from './reducer.js';
import { applyRule } from './rules/index.js';
import { type EngineSettings, settingsOf } from './settings.js';

export type RunMode = 'scripted' | 'autonomous' | 'mixed';

/**
 * What a decision maker is told each tick. The whole world and log are passed for speed; a leader
 * must read them only through its faction's view (agents/view.ts), which filters what it could know.
 */
export interface DecisionContext {
  readonly world: World;
  readonly t: Minutes;
  readonly rng: Rng;
  readonly settings: EngineSettings;
  /** The log so far. */
  readonly log: readonly WorldEvent[];
  /** The seq of the first event since this maker was last asked (new observations start here). */
  readonly since: number;
}

/** Anything that decides for the factions: scripted, autonomous leaders, a human at a prompt. */
export interface DecisionMaker {
  decide(ctx: DecisionContext): readonly Decision[];
}

export interface SimulationOptions {
  readonly seed: number;
  readonly mode?: RunMode;
  /** In mixed mode, script decisions up to this time are forced; after it, only decision makers decide. */
  readonly scriptUntil?: Minutes;
  /**
   * Deciders, asked every tick in every mode, after the script's forced steps: in scripted mode the
   * negotiators that conduct open talks; in autonomous and mixed modes the leaders as well.
   */
  readonly decisionMakers?: readonly DecisionMaker[];
  /** Changes applied as `world-edited` events right after a fork's prefix (or at the start). */
  readonly edits?: readonly { readonly path: string; readonly value: unknown; readonly reason: string }[];
  /** Called with each tick's events once the tick is complete. */
  readonly onTick?: (events: readonly WorldEvent[], t: Minutes) => void;
  /** Resume from a prefix of another run's log (a fork): these events are replayed as they are. */
  readonly prefix?: readonly WorldEvent[];
}

export interface SimulationResult {
  readonly events: readonly WorldEvent[];
  readonly world: World;
  readonly hash: string;
  readonly milestones: readonly MilestoneResult[];
}

/** Max depth of consequence chains (a consequence's consequences…): a guard, never reached in practice. */
const MAX_CONSEQUENCE_DEPTH = 4;

/**
 * The engine alone: the tick loop with the script and only the decision makers given (none by
 * default, so nobody negotiates or decides beyond the script). A complete run — what `alliances run`
 * runs — is `runScenario` (agents/run.ts), which gives the decision makers of the mode.
 */
export function simulate(scenario: Scenario, options: SimulationOptions): SimulationResult {
  const spec = scenario.spec;
  const settings = settingsOf(spec);
  const mode = options.mode ?? 'scripted';
  const root = createRng(options.seed);
  const streams = new Map<string, Rng>();
  const stream = (name: string): Rng => {
    let s = streams.get(name);
    if (!s) streams.set(name, (s = root.split(name)));
    return s;
  };
  const counters = new Map<string, number>();
  const nextId = (prefix: string): string => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `${prefix}-${n}`;
  };

  let world = buildWorld(spec);
  const events: WorldEvent[] = [];
  const hasher = new LogHasher();
  let tickEvents: WorldEvent[] = [];
  let now = 0 as Minutes;

  const record = (event: WorldEvent) => {
    world = apply(world, event);
    events.push(event);
    tickEvents.push(event);
    hasher.add(event);
  };

  const emit = (payload: EventPayload, depth = 0): void => {
    const event = { ...payload, seq: events.length, t: now } as WorldEvent;
    record(event);
    if (depth >= MAX_CONSEQUENCE_DEPTH) return;
    for (const follow of consequencesOf(world, event)) emit(follow, depth + 1);
  };

  const decide = (decision: Decision): void => {
    const ctx = {
      world,
      t: now,
      rng: stream(`rules:${decision.intent.type}`),
      settings,
      reasons: decision.reasons,
      nextId,
    };
    const outcome = applyRule(ctx, decision.actor, decision.intent);
    const actor = world.persons[decision.actor];
    const faction = actor
      ? decision.intent.type === 'open-covert-channel'
        ? actor.loyalty
        : actor.faction
      : null;
    if (!outcome.ok) {
      emit({
        type: 'intent-rejected',
        actor: decision.actor,
        faction: faction ?? ('' as never),
        intent: decision.intent.type,
        rule: outcome.rule,
        message: outcome.message,
      });
      return;
    }
    emit({
      type: 'decision-made',
      actor: decision.actor,
      faction: faction!,
      question: decision.question ?? null,
      decision: decision.intent.type,
      choice: decision.choice ?? null,
      summary: decision.summary ?? describeIntent(decision.intent),
      reasons: [...decision.reasons],
      options: decision.options ? [...decision.options] : [],
      counsel: decision.counsel ? [...decision.counsel] : [],
    });
    for (const e of outcome.events) emit(e);
  };

  // A fork replays its parent's prefix verbatim, then continues from the prefix's last tick.
  let startTick = 0;
  if (options.prefix && options.prefix.length > 0) {
    for (const e of options.prefix) {
      now = e.t as Minutes;
      record(e);
    }
    startTick = now + settings.tick;
    restoreCounters(options.prefix, counters);
  } else {
    emit({ type: 'run-started', scenario: spec.id, title: spec.title, seed: options.seed, mode });
  }
  for (const edit of options.edits ?? [])
    emit({ type: 'world-edited', path: edit.path, value: edit.value, reason: edit.reason });

  const scriptDecisionsUntil =
    mode === 'scripted'
      ? Number.POSITIVE_INFINITY
      : mode === 'mixed'
        ? (options.scriptUntil ?? 0)
        : Number.NEGATIVE_INFINITY;
  // After a fork's prefix, decision makers start with what happens next: the prefix is their past.
  const asked: number[] =
    options.prefix && options.prefix.length > 0
      ? (options.decisionMakers ?? []).map(() => events.length)
      : [];
  let nextStep = 0;
  // Steps already covered by the prefix of a fork are not replayed.
  while (nextStep < spec.script.length && spec.script[nextStep]!.at < startTick) nextStep++;

  for (let t = startTick; t <= settings.duration; t += settings.tick) {
    now = t as Minutes;
    runProcesses(
      () => world,
      now,
      settings,
      (e) => emit(e),
      stream,
    );
    while (nextStep < spec.script.length && spec.script[nextStep]!.at <= t) {
      const step = spec.script[nextStep++]!;
      if (step.event) {
        emit(step.event as EventPayload);
      } else if (step.do && step.actor && step.at <= scriptDecisionsUntil) {
        decide({
          actor: step.actor as PersonId,
          intent: step.do as Intent,
          summary: step.summary,
          reasons: step.reasons,
        });
      }
    }
    (options.decisionMakers ?? []).forEach((maker, i) => {
      const since = asked[i] ?? 0;
      asked[i] = events.length;
      for (const d of maker.decide({
        world,
        t: now,
        rng: stream(`decisions:${i}`),
        settings,
        log: events,
        since,
      }))
        decide(d);
    });
    if (t + settings.tick > settings.duration)
      emit({ type: 'run-ended', reason: 'scenario duration reached' });
    options.onTick?.(tickEvents, now);
    tickEvents = [];
  }

  return { events, world, hash: hasher.digest(), milestones: matchMilestones(spec.milestones, events) };
}

/**
 * The id counters after a prefix: an id made by `nextId(kind)` is stored as `kind-n` in the field
 * named `kind` (a message's id in `message`), so the highest n seen per kind resumes the count.
 */
function restoreCounters(prefix: readonly WorldEvent[], counters: Map<string, number>): void {
  for (const e of prefix) {
    for (const [key, value] of Object.entries(e)) {
      if (typeof value !== 'string' || !value.startsWith(`${key}-`)) continue;
      const n = Number(value.slice(key.length + 1));
      if (Number.isInteger(n) && n > (counters.get(key) ?? 0)) counters.set(key, n);
    }
  }
}
