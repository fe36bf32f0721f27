/**
 * What every inverse-utility index answers, and the rule it answers ties by: among outcomes of
 * equal utility, the first in lexicographic order (first issue most significant), as NegMAS's
 * presorted inverse does (a stable ascending sort, then the leftmost match).
 */
import { missing } from '../../../common/checked.js';
import type { Assignment } from '../outcome-space.js';

export interface RankedOutcome {
  readonly assignment: Assignment;
  readonly utility: number;
}

export interface UtilityIndex {
  /** The allowed outcome of highest utility, or null when red lines forbid every outcome. */
  best(): RankedOutcome | null;
  /** The allowed outcome of lowest utility, or null. */
  worst(): RankedOutcome | null;
  /** The allowed outcome with the smallest utility ≥ threshold, or null when there is none. */
  atLeast(threshold: number): RankedOutcome | null;
  /** The allowed outcome with the largest utility ≤ threshold, or null when there is none. */
  atMost(threshold: number): RankedOutcome | null;
  /** The allowed outcome whose utility is nearest to target (the higher one on a tie). */
  nearest(target: number): RankedOutcome | null;
  /** How many outcomes have been materialised so far (for reports and tests). */
  materialised(): number;
}

export interface UtilityIndexOptions {
  /** Most outcomes the lazy enumeration may hold before switching to meet in the middle. */
  readonly maxMaterialised?: number;
  /** Largest space enumerated outright for a utility that is not linear-additive. */
  readonly maxEnumerated?: number;
  /** Largest half list (and combination list) meet in the middle may build. */
  readonly maxHalf?: number;
}

/** Whether assignment a comes before b in lexicographic order (first issue most significant). */
export function lexicographicallyBefore(a: Assignment, b: Assignment): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? missing();
    const y = b[i];
    if (x !== y) return y !== undefined && x < y;
  }
  return false;
}

/** The nearer of the outcomes just above and just below a target (the higher one on a tie). */
export function nearestOf(
  target: number,
  hi: RankedOutcome | null,
  lo: RankedOutcome | null,
): RankedOutcome | null {
  if (!hi) return lo;
  if (!lo) return hi;
  return hi.utility - target <= target - lo.utility ? hi : lo;
}
