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
import { must } from '../common/errors.js';
import { createRng, type Rng } from '../common/random.js';
import { id } from '../model/ids.js';
import type { Decision } from '../model/intents.js';
import { later, type Minutes, minutes } from '../model/time.js';
import type { RunMode } from '../model/vocabulary.js';
import type { World } from '../model/world.js';
import type { Scenario } from '../scenario/loader.js';
import { describeIntent } from './describe.js';
import { buildWorld } from './initial-world.js';
import { LogHasher } from './log-hash.js';
import { type MilestoneResult, matchMilestones } from './milestones.js';
import { runProcesses } from './processes.js';
import { applyRule } from './rules/index.js';
import { type EngineSettings, settingsOf } from './settings.js';
import type { EventPayload, WorldEvent } from '../events/index.js';
import { apply } from '../events/index.js';
import { consequencesOf } from '../events/index.js';

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
  const run = new Run(scenario, options);
  const startTick = run.begin();
  for (let t = startTick; t <= run.settings.duration; t = later(t, run.settings.tick)) run.tick(t);
  return {
    events: run.events,
    world: run.world,
    hash: run.hasher.digest(),
    milestones: matchMilestones(scenario.spec.milestones, run.events),
  };
}

/** One run in progress: the world, the log so far, the clock, and the seeded streams. */
class Run {
  readonly settings: EngineSettings;
  readonly events: WorldEvent[] = [];
  readonly hasher = new LogHasher();
  world: World;
  private readonly spec: Scenario['spec'];
  private readonly mode: RunMode;
  private readonly root: Rng;
  private readonly streams = new Map<string, Rng>();
  private readonly counters = new Map<string, number>();
  private tickEvents: WorldEvent[] = [];
  private now = minutes(0);
  /** The script's next step. */
  private nextStep = 0;
  /** For each decision maker, the seq of the first event since it was last asked. */
  private asked: number[] = [];
  /** Script decisions up to this time are forced (all in scripted mode, none in autonomous). */
  private readonly scriptDecisionsUntil: number;

  constructor(
    scenario: Scenario,
    private readonly options: SimulationOptions,
  ) {
    this.spec = scenario.spec;
    this.settings = settingsOf(this.spec);
    this.mode = options.mode ?? 'scripted';
    this.root = createRng(options.seed);
    this.world = buildWorld(this.spec);
    this.scriptDecisionsUntil =
      this.mode === 'scripted'
        ? Number.POSITIVE_INFINITY
        : this.mode === 'mixed'
          ? (options.scriptUntil ?? 0)
          : Number.NEGATIVE_INFINITY;
  }

  /** Starts the run, or resumes a fork after its prefix; returns the time of the first tick to run. */
  begin(): Minutes {
    const prefix = this.options.prefix ?? [];
    let startTick = minutes(0);
    // A fork replays its parent's prefix verbatim, then continues from the prefix's last tick.
    if (prefix.length > 0) {
      for (const e of prefix) {
        this.now = e.t;
        this.record(e);
      }
      startTick = later(this.now, this.settings.tick);
      restoreCounters(prefix, this.counters);
    } else {
      this.emit({
        type: 'run-started',
        scenario: this.spec.id,
        title: this.spec.title,
        seed: this.options.seed,
        mode: this.mode,
      });
    }
    for (const edit of this.options.edits ?? [])
      this.emit({ type: 'world-edited', path: edit.path, value: edit.value, reason: edit.reason });
    // After a fork's prefix, decision makers start with what happens next: the prefix is their past.
    if (prefix.length > 0) this.asked = (this.options.decisionMakers ?? []).map(() => this.events.length);
    // Steps already covered by the prefix of a fork are not replayed.
    while ((this.spec.script[this.nextStep]?.at ?? Number.POSITIVE_INFINITY) < startTick) this.nextStep++;
    return startTick;
  }

  /** One tick: processes, the script's steps due, the decision makers; the tick's events handed on. */
  tick(t: Minutes): void {
    this.now = t;
    runProcesses(
      () => this.world,
      this.now,
      this.settings,
      (e) => this.emit(e),
      (name) => this.stream(name),
    );
    this.scriptSteps(t);
    (this.options.decisionMakers ?? []).forEach((maker, i) => {
      const since = this.asked[i] ?? 0;
      this.asked[i] = this.events.length;
      const ctx = {
        world: this.world,
        t: this.now,
        rng: this.stream(`decisions:${i}`),
        settings: this.settings,
        log: this.events,
        since,
      };
      for (const d of maker.decide(ctx)) this.decide(d);
    });
    if (t + this.settings.tick > this.settings.duration)
      this.emit({ type: 'run-ended', reason: 'scenario duration reached' });
    this.options.onTick?.(this.tickEvents, this.now);
    this.tickEvents = [];
  }

  /** The script's steps due by `t`: exogenous events as written, forced decisions to the rules. */
  private scriptSteps(t: Minutes): void {
    for (
      let step = this.spec.script[this.nextStep];
      step && step.at <= t;
      step = this.spec.script[this.nextStep]
    ) {
      this.nextStep++;
      if (step.event) {
        this.emit(step.event);
      } else if (step.do && step.actor && step.at <= this.scriptDecisionsUntil) {
        this.decide({
          actor: step.actor,
          intent: step.do,
          summary: step.summary,
          reasons: step.reasons,
        });
      }
    }
  }

  /** A seeded stream per purpose, so that a new draw in one purpose never shifts another. */
  private stream(name: string): Rng {
    let s = this.streams.get(name);
    if (!s) this.streams.set(name, (s = this.root.split(name)));
    return s;
  }

  /** `kind-n`, the next id of a kind. */
  private nextId = (prefix: string): string => {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${n}`;
  };

  private record(event: WorldEvent): void {
    this.world = apply(this.world, event);
    this.events.push(event);
    this.tickEvents.push(event);
    this.hasher.add(event);
  }

  /** An event stamped with its place in the log and the tick's time, then its consequences. */
  private emit(payload: EventPayload, depth = 0): void {
    const event = { ...payload, seq: this.events.length, t: this.now } as WorldEvent;
    this.record(event);
    if (depth >= MAX_CONSEQUENCE_DEPTH) return;
    for (const follow of consequencesOf(this.world, event)) this.emit(follow, depth + 1);
  }

  /** A decision checked by the rules: its events, or an explained rejection. */
  private decide(decision: Decision): void {
    const ctx = {
      world: this.world,
      t: this.now,
      rng: this.stream(`rules:${decision.intent.type}`),
      settings: this.settings,
      reasons: decision.reasons,
      nextId: this.nextId,
    };
    const outcome = applyRule(ctx, decision.actor, decision.intent);
    const actor = this.world.persons[decision.actor];
    // A spy opens covert channels for the faction of their true loyalty.
    const faction = decision.intent.type === 'open-covert-channel' ? actor?.loyalty : actor?.faction;
    if (!outcome.ok) {
      this.emit({
        type: 'intent-rejected',
        actor: decision.actor,
        // An unknown actor acts for no faction.
        faction: faction ?? id.faction(''),
        intent: decision.intent.type,
        rule: outcome.rule,
        message: outcome.message,
      });
      return;
    }
    this.emit({
      type: 'decision-made',
      actor: decision.actor,
      // The rules allow only a known actor's intents.
      faction: must(faction, () => `the faction of ${decision.actor}`),
      question: decision.question ?? null,
      decision: decision.intent.type,
      choice: decision.choice ?? null,
      summary: decision.summary ?? describeIntent(decision.intent),
      reasons: [...decision.reasons],
      ...(decision.against?.length ? { against: [...decision.against] } : {}),
      options: decision.options ? [...decision.options] : [],
      counsel: decision.counsel ? [...decision.counsel] : [],
      ...(decision.votes
        ? { votes: { rule: decision.votes.rule, ballots: decision.votes.ballots.map((b) => ({ ...b })) } }
        : {}),
    });
    for (const e of outcome.events) this.emit(e);
  }
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
