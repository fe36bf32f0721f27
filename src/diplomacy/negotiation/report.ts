/**
 * A negotiation's result and the bargaining analysis of its domain as plain data (the `--json`
 * output of `alliances negotiate`) and as text (its human output).
 */
import { at } from '../../common/checked.js';
import {
  type AgreementDistances,
  agreementDistances,
  type BargainingAnalysis,
  type UtilityPoint,
} from './analysis.js';
import type { NegotiationResult, NegotiationSetup } from './negotiate.js';
import { type Outcome, toOutcome } from './outcome-space.js';
import type { NegotiationEvent } from './protocol.js';

export interface ReportPoint {
  readonly outcome: Outcome;
  /** Party name → utility. */
  readonly utilities: Readonly<Record<string, number>>;
}

export interface NegotiationReport {
  readonly protocol: string;
  readonly status: NegotiationResult['status'];
  readonly agreement: Outcome | null;
  readonly rounds: number;
  readonly time: number;
  readonly endedBy: string | null;
  readonly utilities: Readonly<Record<string, number>>;
  readonly transcript: readonly NegotiationEvent[];
  readonly analysis: {
    readonly method: BargainingAnalysis['method'];
    readonly pareto: readonly ReportPoint[];
    readonly nash: ReportPoint | null;
    readonly kalai: ReportPoint | null;
    readonly maxWelfare: ReportPoint | null;
    /** The agreement's distances (in utility space) to the frontier and each point; null without one. */
    readonly distances: AgreementDistances | null;
  };
}

export function negotiationReport(
  setup: NegotiationSetup,
  result: NegotiationResult,
  analysis: BargainingAnalysis,
): NegotiationReport {
  const names = setup.parties.map((p) => p.name);
  const byName = (values: readonly number[]) => Object.fromEntries(names.map((n, i) => [n, at(values, i)]));
  const pointOf = (p: UtilityPoint): ReportPoint => ({
    outcome: toOutcome(setup.space, p.assignment),
    utilities: byName(p.utilities),
  });
  const point = (p: UtilityPoint | null): ReportPoint | null => (p ? pointOf(p) : null);
  const agreement = result.agreement;
  const undiscounted = agreement ? setup.parties.map((p) => p.preferences.utility.utility(agreement)) : null;
  return {
    protocol: setup.protocol?.kind ?? 'alternating-offers',
    status: result.status,
    agreement: result.outcome,
    rounds: result.rounds,
    time: result.time,
    endedBy: result.endedBy,
    utilities: byName(result.utilities),
    transcript: result.events,
    analysis: {
      method: analysis.method,
      pareto: analysis.pareto.map(pointOf),
      nash: point(analysis.nash),
      kalai: point(analysis.kalai),
      maxWelfare: point(analysis.maxWelfare),
      distances: undiscounted ? agreementDistances(analysis, undiscounted) : null,
    },
  };
}

const fmt = (x: number) => x.toFixed(3);

function describeOutcome(outcome: Outcome): string {
  return Object.entries(outcome)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}

function describeUtilities(u: Readonly<Record<string, number>>): string {
  return Object.entries(u)
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(', ');
}

const VERBS: Readonly<Record<NegotiationEvent['type'], string>> = {
  offer: 'offers',
  'counter-offer': 'counters',
  accept: 'accepts',
  reject: 'rejects',
  'walk-away': 'walks away',
  agreement: 'agreement',
  timeout: 'deadline',
};

/** One line per event: `round 3  raiders  counters  supplies=food, crew-exchange=yes`. */
export function renderTranscript(events: readonly NegotiationEvent[]): string[] {
  const width = Math.max(0, ...events.map((e) => ('party' in e ? e.party.length : 0)));
  return events.map((e) => {
    const who = ('party' in e ? e.party : '').padEnd(width);
    const head = `round ${String(e.round + 1).padStart(3)}  ${who}  ${VERBS[e.type].padEnd(10)}`;
    if (e.type === 'walk-away') return `${head}  (${e.reason})`;
    if (e.type === 'timeout') return `${head}  no agreement`;
    return `${head}  ${describeOutcome(e.outcome)}`;
  });
}

/** The human output of `alliances negotiate`. */
export function renderReport(report: NegotiationReport): string {
  const lines: string[] = [];
  lines.push(...renderTranscript(report.transcript));
  lines.push('');
  if (report.agreement) {
    lines.push(
      `Agreement after ${report.rounds} round${report.rounds === 1 ? '' : 's'}: ${describeOutcome(report.agreement)}`,
    );
  } else if (report.status === 'walk-away') {
    lines.push(`No agreement: ${report.endedBy} walked away in round ${report.rounds}.`);
  } else {
    lines.push(`No agreement: the deadline passed after ${report.rounds} rounds.`);
  }
  lines.push(`Utilities: ${describeUtilities(report.utilities)}`);
  const a = report.analysis;
  lines.push('');
  lines.push(
    `Analysis (${a.method === 'dynamic-programming' ? 'exact, dynamic programming over issues' : 'exact, enumeration'}): ${a.pareto.length} Pareto-optimal outcome${a.pareto.length === 1 ? '' : 's'}`,
  );
  const show = (label: string, p: ReportPoint | null, d: number | null | undefined) => {
    if (!p) {
      lines.push(`  ${label.padEnd(12)} none (no outcome is acceptable to every party)`);
      return;
    }
    const dist = d === null || d === undefined ? '' : `   distance ${fmt(d)}`;
    lines.push(
      `  ${label.padEnd(12)} ${describeOutcome(p.outcome)}   (${describeUtilities(p.utilities)})${dist}`,
    );
  };
  show('Nash', a.nash, a.distances?.nash);
  show('Kalai', a.kalai, a.distances?.kalai);
  show('Max welfare', a.maxWelfare, a.distances?.maxWelfare);
  if (a.distances)
    lines.push(`  Distance of the agreement to the Pareto frontier: ${fmt(a.distances.pareto ?? 0)}`);
  return lines.join('\n');
}
