/**
 * Where two runs part and how their endings differ (`alliances diff RUN_A RUN_B`): the length of
 * their common prefix (a fork shares its parent's prefix byte for byte), the first pair of events
 * that differ, each milestone's fate in both, who went to war and how calls were answered, and
 * what differs in their summaries (agreements, deaths, principle violations).
 */
import { must } from '../common/errors.js';
import { canonicalJson } from '../common/canonical-json.js';
import type { MilestoneResult } from './milestones.js';
import type { RunSummary } from './summary.js';
import type { WorldEvent } from '../events/index.js';

export interface RunSide {
  readonly events: readonly WorldEvent[];
  readonly milestones: readonly MilestoneResult[];
  readonly summary: RunSummary;
}

export interface MilestoneComparison {
  readonly id: string;
  readonly title: string;
  readonly outcome: boolean;
  readonly a: { readonly reached: boolean; readonly seq: number | null } | null;
  readonly b: { readonly reached: boolean; readonly seq: number | null } | null;
  readonly differs: boolean;
}

export interface RunDiff {
  /** How many leading events the runs share exactly. */
  readonly commonPrefix: number;
  /** The first events that differ (null on the side whose log ended), or null for identical logs. */
  readonly divergence: {
    readonly seq: number;
    readonly a: WorldEvent | null;
    readonly b: WorldEvent | null;
  } | null;
  readonly milestones: readonly MilestoneComparison[];
  readonly agreements: { readonly onlyA: readonly string[]; readonly onlyB: readonly string[] };
  /** Entries into wars, separate peaces and answers to calls, in words (war and call ids differ between runs). */
  readonly wars: { readonly onlyA: readonly string[]; readonly onlyB: readonly string[] };
  readonly dead: { readonly onlyA: readonly string[]; readonly onlyB: readonly string[] };
  readonly principleViolations: { readonly a: number; readonly b: number };
  readonly events: { readonly a: number; readonly b: number };
}

/** An agreement as compared across runs: its parties, status and provisions (ids differ between runs). */
const agreementKey = (a: RunSummary['agreements'][number]) =>
  `${[...a.parties].sort().join(' + ')} (${a.status}): ${a.provisions.join('; ')}`;

const onlyIn = (xs: readonly string[], ys: readonly string[]) => {
  const other = new Set(ys);
  return [...new Set(xs)].filter((x) => !other.has(x)).sort();
};

/** Who went to war against whom, who made peace, who answered which call how, in words. */
function warDeeds(events: readonly WorldEvent[]): string[] {
  const caller = new Map<string, string>();
  const out: string[] = [];
  for (const e of events) {
    if (e.type === 'war-declared')
      out.push(
        `${e.by} ${e.declared ? 'declared war on' : 'opened hostilities against'} ${e.against.join(', ')}`,
      );
    else if (e.type === 'war-joined') out.push(`${e.faction} entered a war beside ${e.side}`);
    else if (e.type === 'peace-made') out.push(`${e.faction} made a separate peace`);
    else if (e.type === 'call-issued') caller.set(e.call, e.from);
    else if (e.type === 'call-answered')
      out.push(`${e.by} ${e.answer} the call of ${caller.get(e.call) ?? 'an ally'}`);
  }
  return out;
}

export function diffRuns(a: RunSide, b: RunSide): RunDiff {
  let common = 0;
  const n = Math.min(a.events.length, b.events.length);
  while (common < n && canonicalJson(a.events[common]) === canonicalJson(b.events[common])) common++;
  const identical = common === a.events.length && common === b.events.length;

  const ids: string[] = [];
  for (const m of [...a.milestones, ...b.milestones]) if (!ids.includes(m.id)) ids.push(m.id);
  const milestones = ids.map((id): MilestoneComparison => {
    const ma = a.milestones.find((m) => m.id === id);
    const mb = b.milestones.find((m) => m.id === id);
    const side = (m: MilestoneResult | undefined) => (m ? { reached: m.reached, seq: m.seq } : null);
    // The id was taken from one of the two lists.
    const either = must(ma ?? mb, () => `milestone ${id}`);
    return {
      id,
      title: either.title,
      outcome: either.outcome,
      a: side(ma),
      b: side(mb),
      differs: (ma?.reached ?? false) !== (mb?.reached ?? false),
    };
  });

  const agreementsA = a.summary.agreements.map(agreementKey);
  const agreementsB = b.summary.agreements.map(agreementKey);
  const deedsA = warDeeds(a.events);
  const deedsB = warDeeds(b.events);
  return {
    commonPrefix: common,
    divergence: identical ? null : { seq: common, a: a.events[common] ?? null, b: b.events[common] ?? null },
    milestones,
    agreements: { onlyA: onlyIn(agreementsA, agreementsB), onlyB: onlyIn(agreementsB, agreementsA) },
    wars: { onlyA: onlyIn(deedsA, deedsB), onlyB: onlyIn(deedsB, deedsA) },
    dead: {
      onlyA: onlyIn(a.summary.casualties.dead, b.summary.casualties.dead),
      onlyB: onlyIn(b.summary.casualties.dead, a.summary.casualties.dead),
    },
    principleViolations: { a: a.summary.principleViolations, b: b.summary.principleViolations },
    events: { a: a.events.length, b: b.events.length },
  };
}
