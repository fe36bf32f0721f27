/**
 * The index for utilities without linear-additive structure, on small spaces: every allowed
 * outcome evaluated and sorted once; queries by binary search.
 */
import { at } from '../../../common/checked.js';
import { enumerateAssignments, matchesAny, type OutcomeSpace } from '../outcome-space.js';
import type { PartyPreferences } from '../preferences.js';
import { nearestOf, type RankedOutcome, type UtilityIndex } from './contract.js';

export function enumeratedIndex(
  space: OutcomeSpace,
  prefs: Pick<PartyPreferences, 'utility' | 'redLines'>,
): UtilityIndex {
  const outcomes: RankedOutcome[] = [];
  for (const a of enumerateAssignments(space)) {
    if (prefs.redLines.length > 0 && matchesAny(prefs.redLines, a)) continue;
    outcomes.push({ assignment: a, utility: prefs.utility.utility(a) });
  }
  // Descending utility; the enumeration order (lexicographic) breaks ties, as in the lazy index.
  outcomes.sort((x, y) => y.utility - x.utility);
  const utilityAt = (p: number) => at(outcomes, p).utility;
  const lastAtLeast = (threshold: number): number => {
    let lo = 0;
    let hi = outcomes.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (utilityAt(mid) >= threshold) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  /** The first of the run of equal utilities that position p is in. */
  const firstOfRun = (p: number): RankedOutcome => {
    let q = p;
    while (q > 0 && utilityAt(q - 1) === utilityAt(q)) q--;
    return at(outcomes, q);
  };
  const index: UtilityIndex = {
    best: () => outcomes[0] ?? null,
    worst: () => outcomes[outcomes.length - 1] ?? null,
    // The stable sort keeps equal utilities in enumeration (lexicographic) order: the first of a
    // run of equals is the lexicographically first, as in the lazy index.
    atLeast(threshold) {
      const p = lastAtLeast(threshold);
      return p < 0 ? null : firstOfRun(p);
    },
    atMost(threshold) {
      let p = lastAtLeast(threshold);
      if (p < 0 || utilityAt(p) !== threshold) p++;
      return p >= outcomes.length ? null : firstOfRun(p);
    },
    nearest(target) {
      const hi = index.atLeast(target);
      const lo = index.atMost(target);
      return nearestOf(target, hi, lo);
    },
    materialised: () => outcomes.length,
  };
  return index;
}
