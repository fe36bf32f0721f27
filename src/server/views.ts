/**
 * What the web app shows of stored runs, as JSON: a run with its chronicle, milestones and
 * decisions; one event explained; talks in utility space; two runs compared; the network and map
 * over time. Everything is told by the library's own renderers (the chronicle, explanations,
 * summaries), so new event types show up here as they show up in the CLI.
 */
import {
  aboutRun,
  buildWorld,
  chronicleEntries,
  diffRuns,
  explainEvent,
  fold,
  formatDuration,
  formatTime,
  InputError,
  matchMilestones,
  namesOf,
  type Names,
  type NegotiationId,
  NotFoundError,
  renderEvent,
  renderSummary,
  type RunRecord,
  type Scenario,
  scenarioOfRun,
  settingsOf,
  type Store,
  summarize,
  talksSpace,
  type World,
  type WorldEvent,
} from '../index.js';
import type {
  ChronicleLine,
  DecisionView,
  DiffView,
  RunRow,
  RunView,
  ScenarioInfo,
  TalksView,
  TimelineView,
} from './api-types.js';

export function runRow(r: RunRecord): RunRow {
  return {
    id: r.id,
    scenario: r.scenario,
    seed: r.seed,
    mode: r.mode,
    status: r.status,
    hash: r.hash,
    events: r.events,
    parent: r.parent,
    createdAt: r.createdAt,
    about: aboutRun(r),
  };
}

export function scenarioInfo(s: Scenario): ScenarioInfo {
  return {
    id: s.spec.id,
    title: s.spec.title,
    file: s.file,
    factions: s.spec.factions.map((f) => ({ id: f.id, name: f.name })),
    variants: (s.spec.variants ?? []).map((v) => ({ id: v.id, title: v.title ?? v.id })),
    duration: formatDuration(s.spec.duration),
    ticks: Math.ceil(s.spec.duration / Math.max(1, s.spec.tick)),
  };
}

/** A stored run read once: its record, scenario, events and the names of its world. */
interface LoadedRun {
  readonly record: RunRecord;
  readonly scenario: Scenario;
  readonly events: readonly WorldEvent[];
  readonly names: Names;
  readonly start: World;
  world?: World;
  timeline?: Promise<TimelineView>;
  chronicle?: ChronicleLine[];
}

/** Complete runs never change: the last few read are kept. */
const CACHED_RUNS = 8;

export class RunViews {
  private readonly cache = new Map<number, LoadedRun>();

  constructor(
    private readonly store: Store,
    /** Computes a run's timeline (in a worker thread: it takes seconds for large worlds). */
    private readonly computeTimeline: (run: number) => Promise<TimelineView>,
  ) {}

  /** A run by id; a NotFoundError for none. */
  load(id: number): LoadedRun {
    const cached = this.cache.get(id);
    const record = this.store.getRun(id);
    if (cached && cached.record.status === 'complete') return cached;
    const scenario = scenarioOfRun(record);
    const start = buildWorld(scenario.spec);
    const run: LoadedRun = {
      record,
      scenario,
      events: this.store.events(id),
      names: namesOf(start),
      start,
    };
    if (record.status === 'complete') {
      this.cache.set(id, run);
      if (this.cache.size > CACHED_RUNS) this.cache.delete(this.cache.keys().next().value!);
    }
    return run;
  }

  private worldOf(run: LoadedRun): World {
    return (run.world ??= fold(run.start, run.events));
  }

  private chronicleOf(run: LoadedRun): ChronicleLine[] {
    return (run.chronicle ??= chronicleEntries(run.events, run.names).map((x) => ({
      ...x,
      time: formatTime(x.t),
      type: run.events[x.seq]!.type,
    })));
  }

  run(id: number): RunView {
    const run = this.load(id);
    const { events, names } = run;
    const world = this.worldOf(run);
    return {
      run: {
        ...runRow(run.record),
        scenarioTitle: run.scenario.spec.title,
        factions: run.scenario.spec.factions.map((f) => ({ id: f.id, name: f.name })),
      },
      times: events.map((e) => e.t),
      chronicle: this.chronicleOf(run),
      milestones: matchMilestones(run.scenario.spec.milestones, events).map((m) => ({
        id: m.id,
        title: m.title,
        outcome: m.outcome,
        reached: m.reached,
        seq: m.seq ?? null,
      })),
      decisions: events.flatMap((e) =>
        e.type === 'decision-made' && e.options.length > 0
          ? [{ seq: e.seq, time: formatTime(e.t), text: `${names.name(e.actor)}: ${e.summary}` }]
          : [],
      ),
      talks: events.flatMap((e) =>
        e.type === 'negotiation-opened'
          ? [{ negotiation: e.negotiation, parties: e.parties.map((p) => names.name(p)), opened: e.seq }]
          : [],
      ),
      summary: renderSummary(summarize(world, events), names),
    };
  }

  /** A complete run's timeline is computed once (concurrent requests share it). */
  timeline(id: number): Promise<TimelineView> {
    const run = this.load(id);
    if (!run.timeline) {
      const timeline = this.computeTimeline(id);
      run.timeline = timeline;
      // A failure is not kept: the next request tries again.
      timeline.catch(() => {
        if (run.timeline === timeline) run.timeline = undefined;
      });
    }
    return run.timeline;
  }

  event(id: number, seq: number): DecisionView {
    const run = this.load(id);
    const { events, names } = run;
    const x = explainEvent(events, seq);
    if (!x)
      throw new InputError([
        {
          code: 'invalid-argument',
          path: 'seq',
          message: `run ${id} has no event ${seq}`,
          hint: `its events are numbered 0 to ${events.length - 1}`,
        },
      ]);
    const told = (s: number) => renderEvent(events[s]!, names);
    const cause =
      x.causedBy === null ? null : (events[x.causedBy] as Extract<WorldEvent, { type: 'decision-made' }>);
    return {
      run: id,
      seq,
      time: formatTime(x.t),
      type: x.type,
      text: renderEvent(x.event, names),
      decision: x.decision && {
        actor: names.name(x.decision.actor),
        faction: names.name(x.decision.faction),
        question: x.decision.question,
        summary: x.decision.summary,
        reasons: x.decision.reasons,
        choice: x.decision.choice,
        options: x.decision.options.map((o) => ({
          option: o.option,
          score: o.score,
          terms: o.terms,
          vetoedBy: o.vetoedBy,
          chosen: o.chosen,
        })),
        counsel: x.decision.counsel.map((c) => ({
          advisor: names.name(c.advisor),
          position: c.position,
          option: c.option,
          reasons: c.reasons,
        })),
      },
      rejection: x.rejection && {
        actor: names.name(x.rejection.actor),
        rule: x.rejection.rule,
        message: x.rejection.message,
      },
      causedBy: cause && {
        seq: cause.seq,
        text: `${names.name(cause.actor)} decides: ${cause.summary}`,
      },
      effects: x.effects.flatMap((s) => {
        const text = told(s);
        return text === null ? [] : [{ seq: s, text }];
      }),
    };
  }

  talks(id: number, negotiation: string): TalksView {
    const run = this.load(id);
    const { events, names } = run;
    const ofTalks = events.filter((e) => 'negotiation' in e && e.negotiation === negotiation);
    if (ofTalks.length === 0) throw new NotFoundError(`run ${id} has no talks "${negotiation}"`);
    // Every offer is measured as the parties valued the agenda after the talks' last move.
    const world = fold(run.start, events.slice(0, ofTalks.at(-1)!.seq + 1));
    const space = talksSpace(world, negotiation as NegotiationId, settingsOf(run.scenario.spec));
    const seqs = new Set(ofTalks.map((e) => e.seq));
    const n = world.negotiations[negotiation as NegotiationId]!;
    return {
      run: id,
      negotiation,
      parties: n.parties.map((p) => ({ id: p, name: names.name(p) })),
      status: n.status,
      issues: space?.issues ?? [],
      reservations: space?.reservations ?? [],
      transcript: this.chronicleOf(run).filter((l) => seqs.has(l.seq)),
      offers: (space?.offers ?? []).map((o) => ({
        utilities: o.utilities,
        terms: o.terms,
        by: names.name(o.by),
        speaker: names.name(o.speaker),
        kind: o.kind,
        time: formatTime(o.t),
      })),
      pareto: space?.pareto ?? [],
      nash: space?.nash ?? null,
    };
  }

  diff(a: number, b: number): DiffView {
    const ra = this.load(a);
    const rb = this.load(b);
    const side = (r: LoadedRun) => ({
      events: r.events,
      milestones: matchMilestones(r.scenario.spec.milestones, r.events),
      summary: summarize(this.worldOf(r), r.events),
    });
    const d = diffRuns(side(ra), side(rb));
    const tell = (e: WorldEvent | null, names: Names) =>
      e === null
        ? null
        : `${formatTime(e.t)}  ${e.type === 'decision-made' ? `${names.name(e.actor)} decides: ${e.summary}` : (renderEvent(e, names) ?? e.type)}`;
    // Each chronicle from the last few lines both share.
    const from = Math.max(0, d.commonPrefix - 3);
    const tail = (r: LoadedRun) =>
      this.chronicleOf(r)
        .filter((l) => l.seq >= from)
        .slice(0, 600);
    return {
      a,
      b,
      commonPrefix: d.commonPrefix,
      divergence: d.divergence && {
        seq: d.divergence.seq,
        a: tell(d.divergence.a, ra.names),
        b: tell(d.divergence.b, rb.names),
      },
      milestones: d.milestones,
      agreements: d.agreements,
      wars: d.wars,
      dead: {
        onlyA: d.dead.onlyA.map((p) => ra.names.name(p)),
        onlyB: d.dead.onlyB.map((p) => rb.names.name(p)),
      },
      events: d.events,
      chronicles: { a: tail(ra), b: tail(rb) },
    };
  }
}
