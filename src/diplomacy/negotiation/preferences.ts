/**
 * Preferences of a negotiating party: a linear-additive utility function (Keeney & Raiffa 1976;
 * the standard model of NegMAS and GENIUS), a reservation value, red lines and time discounting.
 *
 *   u(o) = Σᵢ wᵢ · fᵢ(oᵢ),   wᵢ ≥ 0, Σᵢ wᵢ = 1, fᵢ(v) ∈ [0, 1]   ⇒   u(o) ∈ [0, 1]
 *
 * The reservation value is the utility of no agreement (the BATNA). Red lines are hard
 * constraints, not large penalties (as DESIGN.md asks): an outcome matching any of a party's red
 * lines is unacceptable to it whatever its utility, and the protocols enforce this (a party is never
 * asked to accept such an outcome, and may not offer one). Discounting multiplies utilities by δᵗ
 * with t the relative time of the agreement (the convention of GENIUS; Fatima, Wooldridge &
 * Jennings 2004): δ = 1 means no discount.
 */
import { at, missing } from '../../common/checked.js';
import { invariant } from '../../common/errors.js';
import { type Assignment, matchesAny, type OutcomePattern, type OutcomeSpace } from './outcome-space.js';

/** Any utility function over assignments. */
export interface UtilityFunction {
  utility(a: Assignment): number;
}

/**
 * A linear-additive utility. `weighted[i][v] = wᵢ · fᵢ(v)` is precomputed, and `utility` sums it in
 * issue order starting from 0: every solver that adds the same terms in the same order (the Pareto
 * dynamic programme, the utility index) gets bit-identical sums, so exact comparisons stay exact.
 */
export class LinearAdditiveUtility implements UtilityFunction {
  readonly kind = 'linear-additive';
  /** Normalised issue weights (sum 1). */
  readonly weights: readonly number[];
  /** fᵢ(v) for every issue and value index, in [0, 1]. */
  readonly values: readonly (readonly number[])[];
  /** wᵢ · fᵢ(v). Plain arrays, not typed ones: V8 keeps small double arrays unboxed and on-heap. */
  readonly weighted: readonly (readonly number[])[];

  /**
   * @param weights relative issue weights (≥ 0, not all zero); divided by their sum.
   * @param values the value function of each issue, one number in [0, 1] per value.
   */
  constructor(weights: readonly number[], values: readonly (readonly number[])[]) {
    invariant(weights.length === values.length, 'one weight and one value function per issue');
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] ?? missing();
      invariant(Number.isFinite(w) && w >= 0, 'issue weights must be finite and ≥ 0');
      total += w;
    }
    invariant(total > 0, 'at least one issue weight must be positive');
    const normalised: number[] = [];
    const copies: number[][] = [];
    const weighted: number[][] = [];
    for (let i = 0; i < weights.length; i++) {
      const w = (weights[i] ?? missing()) / total;
      const f = values[i] ?? missing();
      const copy: number[] = [];
      const wf: number[] = [];
      for (let v = 0; v < f.length; v++) {
        const x = f[v] ?? missing();
        invariant(x >= 0 && x <= 1, 'value utilities lie in [0, 1]');
        copy.push(x);
        wf.push(w * x);
      }
      normalised.push(w);
      copies.push(copy);
      weighted.push(wf);
    }
    this.weights = normalised;
    this.values = copies;
    this.weighted = weighted;
  }

  utility(a: Assignment): number {
    const weighted = this.weighted;
    let u = 0;
    for (let i = 0; i < weighted.length; i++) {
      const issue = weighted[i] ?? missing();
      u += issue[a[i] ?? missing()] ?? missing();
    }
    return u;
  }

  /** The largest utility of any outcome (ignoring red lines): Σᵢ maxᵥ wᵢfᵢ(v). */
  maxUtility(): number {
    let u = 0;
    for (const w of this.weighted) u += Math.max(...w);
    return u;
  }

  /** The smallest utility of any outcome (ignoring red lines). */
  minUtility(): number {
    let u = 0;
    for (const w of this.weighted) u += Math.min(...w);
    return u;
  }
}

/** What a party does when offered an outcome that crosses one of its red lines. */
export type RedLineResponse = 'reject' | 'walk-away';

export interface PartyPreferences {
  readonly utility: UtilityFunction;
  /** Utility of no agreement, in [0, 1]. */
  readonly reservation: number;
  /** Outcomes matching any of these are unacceptable whatever their utility. */
  readonly redLines: readonly OutcomePattern[];
  /** Discount factor δ ∈ (0, 1]: utility at relative time t is u·δᵗ. */
  readonly discount: number;
  /** `reject` (counter-offer as usual) or `walk-away` (end the talks) when a red line is crossed. */
  readonly onRedLine: RedLineResponse;
}

export function createPreferences(
  utility: UtilityFunction,
  options: Partial<Omit<PartyPreferences, 'utility'>> = {},
): PartyPreferences {
  const prefs: PartyPreferences = {
    utility,
    reservation: options.reservation ?? 0,
    redLines: options.redLines ?? [],
    discount: options.discount ?? 1,
    onRedLine: options.onRedLine ?? 'reject',
  };
  invariant(
    Number.isFinite(prefs.reservation) && prefs.reservation >= 0 && prefs.reservation <= 1,
    'reservation value lies in [0, 1]',
  );
  invariant(prefs.discount > 0 && prefs.discount <= 1, 'discount factor lies in (0, 1]');
  return prefs;
}

/** True when the outcome crosses one of the party's red lines. */
export function isForbidden(prefs: PartyPreferences, a: Assignment): boolean {
  return prefs.redLines.length > 0 && matchesAny(prefs.redLines, a);
}

/** Utility discounted to relative time t ∈ [0, 1]. */
export function discounted(prefs: PartyPreferences, utility: number, relativeTime: number): number {
  return prefs.discount === 1 ? utility : utility * prefs.discount ** relativeTime;
}

/** True when every party's red lines allow the outcome (it is in the agreement space). */
export function inAgreementSpace(parties: readonly PartyPreferences[], a: Assignment): boolean {
  for (const p of parties) if (isForbidden(p, a)) return false;
  return true;
}

/**
 * The linear-additive utility of a party, or undefined for another kind of utility function (the
 * structure-exploiting solvers need it; the others fall back to enumeration of small spaces).
 */
export function asLinearAdditive(u: UtilityFunction): LinearAdditiveUtility | undefined {
  return u instanceof LinearAdditiveUtility ? u : undefined;
}

/** Checks that a linear-additive utility fits the space (one value function per issue, right sizes). */
export function checkUtilityFitsSpace(space: OutcomeSpace, u: UtilityFunction): void {
  const lin = asLinearAdditive(u);
  if (!lin) return;
  invariant(lin.values.length === space.sizes.length, 'utility has one value function per issue');
  lin.values.forEach((f, i) => {
    invariant(f.length === space.sizes[i], () => `issue ${at(space.issues, i).name}: one utility per value`);
  });
}
