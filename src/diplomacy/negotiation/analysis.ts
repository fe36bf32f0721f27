/**
 * Bargaining analysis of a negotiation domain, over its agreement space (the outcomes no party's
 * red lines forbid): the Pareto frontier, the Nash bargaining point (Nash 1950), the
 * Kalai–Smorodinsky point (Kalai & Smorodinsky 1975), the point of maximum welfare, and the
 * distance of any agreement to each of them (Euclidean, in utility space), as NegMAS and GENIUS
 * report them.
 *
 * Algorithms:
 * - **Enumeration** (any utility functions, spaces up to 2²² outcomes): every outcome is evaluated,
 *   O(N·n) for N outcomes and n parties, then filtered.
 * - **Dynamic programming over issues** (linear-additive utilities, any size of space). For
 *   additive utilities, if a partial assignment of the first issues is dominated by another partial
 *   assignment of the same issues, completing both the same way keeps the domination; so the
 *   frontier of the first j issues is the Pareto filter of (frontier of the first j−1 issues) ⊕
 *   (values of issue j). Red lines break this only through the issues they name, so partial
 *   assignments are grouped by which red lines they still match ("alive" patterns) and compared only
 *   within a group; a pattern is dropped from the key once its last issue is past. Time
 *   O(Σⱼ G·Fⱼ₋₁·mⱼ·log(Fⱼ₋₁·mⱼ)) for two parties (a sort and a sweep), where Fⱼ is the frontier size
 *   after j issues, mⱼ the values of issue j and G the number of red-line groups; for n > 2 the filter
 *   is the quadratic O(F²·n). F is at most the number of distinct utility vectors and in practice
 *   hundreds for 10 issues × 10 values with two parties — 10¹⁰ outcomes are never enumerated.
 *
 * One outcome is kept per distinct utility vector (the first in issue order); all three bargaining
 * points lie on the frontier (a point dominating the Nash, Kalai–Smorodinsky or welfare optimum is
 * at least as good for each), so they are searched there.
 */
import { at, get, missing } from '../../common/checked.js';
import { AlliancesError, invariant } from '../../common/errors.js';
import {
  type Assignment,
  enumerateAssignments,
  type OutcomePattern,
  type OutcomeSpace,
} from './outcome-space.js';
import { asLinearAdditive, inAgreementSpace, type PartyPreferences } from './preferences.js';

export interface UtilityPoint {
  readonly assignment: Assignment;
  /** Each party's utility, in party order. */
  readonly utilities: readonly number[];
}

export interface BargainingPoints {
  /** Maximises Π(uᵢ − rᵢ) over individually rational outcomes (uᵢ ≥ rᵢ); null when there are none. */
  readonly nash: UtilityPoint | null;
  /**
   * Maximises minᵢ (uᵢ − rᵢ)/(idealᵢ − rᵢ) over individually rational outcomes, idealᵢ being party i's
   * best rational utility: the discrete Kalai–Smorodinsky point; null when there are none.
   */
  readonly kalai: UtilityPoint | null;
  /** Maximises Σᵢ uᵢ over the agreement space; null when it is empty. */
  readonly maxWelfare: UtilityPoint | null;
}

export interface BargainingAnalysis extends BargainingPoints {
  readonly method: 'enumeration' | 'dynamic-programming';
  readonly reservations: readonly number[];
  /** Pareto-optimal outcomes of the agreement space, by decreasing utility of the first party. */
  readonly pareto: readonly UtilityPoint[];
}

export interface AnalysisOptions {
  /** Force a method (default: dynamic programming for linear-additive utilities). */
  readonly method?: 'enumeration' | 'dynamic-programming';
  /** Largest space enumerated (default 2²²). */
  readonly maxEnumerated?: number;
  /** Largest frontier (per red-line group) the dynamic programme may hold (default 2²⁰). */
  readonly maxFrontier?: number;
}

export class AnalysisTooLargeError extends AlliancesError {
  constructor(message: string) {
    super('analysis-too-large', message, 1);
    this.name = 'AnalysisTooLargeError';
  }
}

export function analyseBargaining(
  space: OutcomeSpace,
  parties: readonly PartyPreferences[],
  options: AnalysisOptions = {},
): BargainingAnalysis {
  invariant(parties.length >= 1, 'analysis needs at least one party');
  const linear = parties.every((p) => asLinearAdditive(p.utility) !== undefined);
  const method = options.method ?? (linear ? 'dynamic-programming' : 'enumeration');
  const pareto =
    method === 'dynamic-programming'
      ? paretoByDynamicProgramming(space, parties, options.maxFrontier ?? 1 << 20)
      : paretoByEnumeration(space, parties, options.maxEnumerated ?? 1 << 22);
  const reservations = parties.map((p) => p.reservation);
  return { method, reservations, pareto, ...bargainingPoints(pareto, reservations) };
}

/** True when a is at least b for everyone and better for someone. */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let better = false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? missing();
    const y = b[i] ?? missing();
    if (x < y) return false;
    if (x > y) better = true;
  }
  return better;
}

/** Lexicographic order by decreasing utilities. */
function compareDescending(a: ArrayLike<number>, b: ArrayLike<number>): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? missing();
    const y = b[i] ?? missing();
    if (x !== y) return y - x;
  }
  return 0;
}

/**
 * The non-dominated items, one per distinct utility vector (the first in the given order), sorted
 * by decreasing utilities. The sort is stable, so which duplicate survives is deterministic.
 */
function paretoFilter<T>(items: readonly T[], utilities: (item: T) => ArrayLike<number>): T[] {
  const sorted = items.slice().sort((x, y) => compareDescending(utilities(x), utilities(y)));
  const kept: T[] = [];
  const first = sorted[0];
  if (first === undefined) return kept;
  const n = utilities(first).length;
  if (n === 1) return [first];
  if (n === 2) {
    // Sweep: by decreasing u0 (then u1), a point survives when its u1 beats every earlier one.
    let bestSecond = Number.NEGATIVE_INFINITY;
    for (const item of sorted) {
      const second = utilities(item)[1] ?? missing();
      if (second > bestSecond) {
        kept.push(item);
        bestSecond = second;
      }
    }
    return kept;
  }
  // Any dominator (or duplicate) of a point precedes it in lexicographic order.
  for (const item of sorted) {
    const u = utilities(item);
    let dominated = false;
    for (const k of kept) {
      const v = utilities(k);
      let geq = true;
      for (let i = 0; i < n; i++) {
        if ((v[i] ?? missing()) < (u[i] ?? missing())) {
          geq = false;
          break;
        }
      }
      if (geq) {
        dominated = true;
        break;
      }
    }
    if (!dominated) kept.push(item);
  }
  return kept;
}

/** The frontier by evaluating every outcome of the agreement space. */
export function paretoByEnumeration(
  space: OutcomeSpace,
  parties: readonly PartyPreferences[],
  maxEnumerated = 1 << 22,
): UtilityPoint[] {
  if (space.cardinality > maxEnumerated) {
    throw new AnalysisTooLargeError(
      `cannot enumerate ${space.cardinality} outcomes (limit ${maxEnumerated}); use linear-additive utilities for the exact dynamic programme`,
    );
  }
  const points: UtilityPoint[] = [];
  for (const a of enumerateAssignments(space)) {
    if (!inAgreementSpace(parties, a)) continue;
    points.push({ assignment: a, utilities: parties.map((p) => p.utility.utility(a)) });
  }
  return paretoFilter(points, (p) => p.utilities);
}

interface Node {
  readonly utilities: Float64Array;
  readonly parent: Node | null;
  readonly value: number;
}

/** The frontier by dynamic programming over issues (linear-additive utilities only). */
export function paretoByDynamicProgramming(
  space: OutcomeSpace,
  parties: readonly PartyPreferences[],
  maxFrontier = 1 << 20,
): UtilityPoint[] {
  const weighted = parties.map((p) => {
    const lin = asLinearAdditive(p.utility);
    invariant(lin, 'the dynamic programme needs linear-additive utilities');
    return lin.weighted;
  });
  const n = parties.length;
  const patterns: OutcomePattern[] = parties.flatMap((p) => p.redLines);
  if (patterns.some((p) => p.terms.length === 0)) return []; // an empty pattern forbids everything
  const lastIssue = patterns.map((p) => at(p.terms, p.terms.length - 1).issue);
  // For each issue, the patterns with a term on it, and the values that term allows.
  const termsAt: { pattern: number; values: readonly number[] }[][] = space.sizes.map(() => []);
  patterns.forEach((p, pi) => {
    for (const t of p.terms) at(termsAt, t.issue, 'issue').push({ pattern: pi, values: t.values });
  });

  // Groups of partial assignments by the set of patterns they still match (sorted pattern indices).
  let groups = new Map<string, { alive: number[]; nodes: Node[] }>();
  groups.set(patterns.map((_, i) => i).join(','), {
    alive: patterns.map((_, i) => i),
    nodes: [{ utilities: new Float64Array(n), parent: null, value: -1 }],
  });
  for (const [issue, terms] of termsAt.entries()) {
    const next = new Map<string, { alive: number[]; nodes: Node[] }>();
    for (let v = 0; v < at(space.sizes, issue); v++) {
      // Each party's utility of value v of this issue.
      const gains = weighted.map((w) => at(at(w, issue), v));
      for (const group of groups.values()) {
        // Patterns that still match after choosing v; forbidden when one of them ends here.
        let forbidden = false;
        const alive: number[] = [];
        for (const pi of group.alive) {
          const term = terms.find((t) => t.pattern === pi);
          if (term && !term.values.includes(v)) continue;
          if (lastIssue[pi] === issue) {
            forbidden = true;
            break;
          }
          alive.push(pi);
        }
        if (forbidden) continue;
        const key = alive.join(',');
        let target = next.get(key);
        if (!target) {
          target = { alive, nodes: [] };
          next.set(key, target);
        }
        for (const node of group.nodes) {
          const u = new Float64Array(n);
          for (let p = 0; p < n; p++) u[p] = (node.utilities[p] ?? missing()) + (gains[p] ?? missing());
          target.nodes.push({ utilities: u, parent: node, value: v });
        }
      }
    }
    groups = new Map();
    // Deterministic group order: by key.
    for (const key of [...next.keys()].sort()) {
      const group = get(next, key);
      const nodes = paretoFilter(group.nodes, (x) => x.utilities);
      if (nodes.length > maxFrontier) {
        throw new AnalysisTooLargeError(
          `the Pareto frontier after ${issue + 1} issues holds ${nodes.length} points (limit ${maxFrontier})`,
        );
      }
      groups.set(key, { alive: group.alive, nodes });
    }
  }
  const finals = [...groups.values()].flatMap((g) => g.nodes);
  return paretoFilter(finals, (x) => x.utilities).map((node) => {
    // The chain of values back to the root (the empty assignment), last issue first.
    const a: number[] = [];
    for (let cur = node; cur.parent !== null; cur = cur.parent) a.push(cur.value);
    return { assignment: a.reverse(), utilities: Array.from(node.utilities) };
  });
}

/** Nash, Kalai–Smorodinsky and maximum-welfare points of a frontier (first on ties). */
export function bargainingPoints(
  pareto: readonly UtilityPoint[],
  reservations: readonly number[],
): BargainingPoints {
  const reservation = (i: number) => at(reservations, i, 'reservation of party');
  const rational = pareto.filter((p) => p.utilities.every((u, i) => u >= reservation(i)));
  let nash: UtilityPoint | null = null;
  let bestProduct = Number.NEGATIVE_INFINITY;
  for (const p of rational) {
    let product = 1;
    p.utilities.forEach((u, i) => {
      product *= u - reservation(i);
    });
    if (product > bestProduct) {
      bestProduct = product;
      nash = p;
    }
  }
  const ideal = reservations.map((r, i) => Math.max(r, ...rational.map((p) => at(p.utilities, i))));
  let kalai: UtilityPoint | null = null;
  let bestRatio = Number.NEGATIVE_INFINITY;
  for (const p of rational) {
    let ratio = Number.POSITIVE_INFINITY;
    p.utilities.forEach((u, i) => {
      const range = at(ideal, i) - reservation(i);
      // A party with nothing to gain from any rational outcome constrains nothing.
      const x = range > 1e-12 ? (u - reservation(i)) / range : 1;
      if (x < ratio) ratio = x;
    });
    if (ratio > bestRatio) {
      bestRatio = ratio;
      kalai = p;
    }
  }
  let maxWelfare: UtilityPoint | null = null;
  let bestWelfare = Number.NEGATIVE_INFINITY;
  for (const p of pareto) {
    const w = welfare(p.utilities);
    if (w > bestWelfare) {
      bestWelfare = w;
      maxWelfare = p;
    }
  }
  return { nash, kalai, maxWelfare };
}

export function welfare(utilities: readonly number[]): number {
  let s = 0;
  for (const u of utilities) s += u;
  return s;
}

export function distance(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += ((a[i] ?? missing()) - (b[i] ?? missing())) ** 2;
  return Math.sqrt(s);
}

export interface AgreementDistances {
  /** Distance to the nearest Pareto-optimal point (0 when the agreement is Pareto-optimal). */
  readonly pareto: number | null;
  readonly nash: number | null;
  readonly kalai: number | null;
  readonly maxWelfare: number | null;
}

/** How far an agreement's utilities lie from the frontier and from each bargaining point. */
export function agreementDistances(
  analysis: BargainingAnalysis,
  utilities: readonly number[],
): AgreementDistances {
  let pareto: number | null = null;
  for (const p of analysis.pareto) {
    const d = distance(utilities, p.utilities);
    if (pareto === null || d < pareto) pareto = d;
  }
  const to = (p: UtilityPoint | null) => (p ? distance(utilities, p.utilities) : null);
  return { pareto, nash: to(analysis.nash), kalai: to(analysis.kalai), maxWelfare: to(analysis.maxWelfare) };
}
