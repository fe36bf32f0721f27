/**
 * Fidelity of the autonomous leaders to a scenario's story (`alliances fidelity`): run the scenario
 * autonomously over many seeds and report, for each declared milestone, the share of runs that
 * reach it (on time and late, for a milestone with a `due`), the distribution of story milestones
 * reached per run, every principle violated, and how coherently the leaders acted (./coherence.ts).
 *
 * The report depends only on the scenario and the list of seeds: each seed's run is deterministic
 * and the outcomes are aggregated in seed order, however many threads ran them.
 */
import { describeDue, dueOutcomes } from '../engine/milestones.js';
import type { Scenario } from '../scenario/loader.js';
import { type CoherenceReport, coherenceReport, measureCoherence, type RunCoherence } from './coherence.js';
import { runScenario } from './run.js';

export interface SeedOutcome {
  readonly seed: number;
  /** Ids of the milestones (story and outcome) the run reached. */
  readonly reached: readonly string[];
  /** Ids of the milestones with a `due` that the run reached on time. */
  readonly onTime: readonly string[];
  /** How many story milestones (not outcomes) the run reached. */
  readonly storyReached: number;
  readonly violations: readonly {
    readonly seq: number;
    readonly faction: string;
    readonly principle: string;
    readonly agreement: string;
  }[];
  readonly events: number;
  readonly hash: string;
  readonly coherence: RunCoherence;
}

export interface FidelityReport {
  readonly scenario: string;
  readonly variant: string | null;
  readonly seeds: number;
  readonly seedList: readonly number[];
  readonly milestones: readonly {
    readonly id: string;
    readonly title: string;
    readonly outcome: boolean;
    readonly share: number;
    readonly runs: number;
    /** When it is due ("by 1d", "within 12h of other-id"), or null. */
    readonly due: string | null;
    /** Shares of runs that reached it on time and late (null without a `due`); they add up to `share`. */
    readonly onTime: number | null;
    readonly late: number | null;
  }[];
  readonly reachedPerRun: {
    readonly of: number;
    readonly median: number;
    readonly p10: number;
    readonly p90: number;
    readonly min: number;
    readonly max: number;
    /** `distribution[k]` runs reached exactly k story milestones. */
    readonly distribution: readonly number[];
  };
  readonly principleViolations: number;
  readonly violations: readonly (SeedOutcome['violations'][number] & { readonly seed: number })[];
  /** The hash of every run's event log, in seed order (a digest of the whole report's inputs). */
  readonly hashes: readonly string[];
  /** How coherently the leaders acted (./coherence.ts). */
  readonly coherence: CoherenceReport;
}

/** One autonomous run of `scenario` with `seed`, reduced to what the report needs. */
export function runSeed(scenario: Scenario, seed: number): SeedOutcome {
  const result = runScenario(scenario, { seed, mode: 'autonomous' });
  const violations: SeedOutcome['violations'][number][] = [];
  for (const e of result.events) {
    if (e.type === 'principle-violated')
      violations.push({ seq: e.seq, faction: e.faction, principle: e.principle, agreement: e.agreement });
  }
  const reached = result.milestones.filter((m) => m.reached);
  const due = dueOutcomes(scenario.spec.milestones, result.milestones, result.events);
  return {
    seed,
    reached: reached.map((m) => m.id),
    onTime: scenario.spec.milestones.filter((_, i) => due[i] === true).map((m) => m.id),
    storyReached: reached.filter((m) => !m.outcome).length,
    violations,
    events: result.events.length,
    hash: result.hash,
    coherence: measureCoherence(scenario.spec, result.events),
  };
}

/** The nearest-rank percentile of a sorted list (p in (0, 1]). */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

/** The report over outcomes given in any order (they are put in seed order first). */
export function fidelityReport(
  scenario: Scenario,
  outcomes: readonly SeedOutcome[],
  variant: string | null = null,
): FidelityReport {
  const ordered = [...outcomes].sort((a, b) => a.seed - b.seed);
  const n = ordered.length;
  const share = (runs: number) => (n === 0 ? 0 : runs / n);
  const milestones = scenario.spec.milestones.map((m) => {
    const runs = ordered.filter((o) => o.reached.includes(m.id)).length;
    const onTime = ordered.filter((o) => o.onTime.includes(m.id)).length;
    return {
      id: m.id,
      title: m.title,
      outcome: m.outcome === true,
      share: share(runs),
      runs,
      due: m.due === undefined ? null : describeDue(m.due),
      onTime: m.due === undefined ? null : share(onTime),
      late: m.due === undefined ? null : share(runs - onTime),
    };
  });
  const story = scenario.spec.milestones.filter((m) => m.outcome !== true).length;
  const perRun = ordered.map((o) => o.storyReached).sort((a, b) => a - b);
  const distribution = Array.from({ length: story + 1 }, (_, k) => perRun.filter((x) => x === k).length);
  const violations = ordered.flatMap((o) => o.violations.map((v) => ({ seed: o.seed, ...v })));
  return {
    scenario: scenario.spec.id,
    variant,
    seeds: n,
    seedList: ordered.map((o) => o.seed),
    milestones,
    reachedPerRun: {
      of: story,
      median: percentile(perRun, 0.5),
      p10: percentile(perRun, 0.1),
      p90: percentile(perRun, 0.9),
      min: perRun[0] ?? 0,
      max: perRun[n - 1] ?? 0,
      distribution,
    },
    principleViolations: violations.length,
    violations,
    hashes: ordered.map((o) => o.hash),
    coherence: coherenceReport(
      scenario.spec,
      ordered.map((o) => o.coherence),
    ),
  };
}

/** The whole report on one thread (the CLI spreads the seeds over worker threads instead). */
export function runFidelity(
  scenario: Scenario,
  seeds: readonly number[],
  options: { readonly variant?: string; readonly onProgress?: (done: number, total: number) => void } = {},
): FidelityReport {
  const outcomes = seeds.map((seed, i) => {
    const o = runSeed(scenario, seed);
    options.onProgress?.(i + 1, seeds.length);
    return o;
  });
  return fidelityReport(scenario, outcomes, options.variant ?? null);
}
