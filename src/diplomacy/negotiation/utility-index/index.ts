/**
 * Inverse utility: "which allowed outcome has the smallest utility at or above θ?" — the query
 * behind every time-dependent offering strategy (NegMAS's `PresortingInverseUtilityFunction`,
 * GENIUS's `getBidNearUtility`). NegMAS enumerates and sorts the whole outcome space up front; that
 * is what dominates its per-negotiation cost and makes large spaces impossible. Here:
 *
 * - **Lazy best-first enumeration** (linear-additive utilities, ./lazy.ts). With each issue's
 *   weighted values sorted in decreasing order, outcomes are generated in decreasing utility by a
 *   chain of lazy sorted merges (./merge-enumerator.ts). Only the outcomes above the lowest
 *   threshold asked for are ever produced: O(K·k·log m) for the top K outcomes of k issues of m
 *   values, whatever the size of the space. Concession strategies ask for thresholds from the top
 *   down, so K stays small.
 * - **Meet in the middle** when a query reaches below what may be materialised (large spaces and low
 *   thresholds, ./meet-in-the-middle.ts): two sorted half lists and a two-pointer sweep, with the
 *   issues named by red lines enumerated on top.
 * - **Sorted enumeration** for other utility functions on small spaces (./enumerated.ts).
 *
 * Among outcomes of equal utility every implementation answers with the first in lexicographic
 * order (first issue most significant), as NegMAS's presorted inverse does (./contract.ts):
 * answers are deterministic and agree across implementations. Red lines of the party are
 * applied: forbidden outcomes are never returned.
 */
import { invariant } from '../../../common/errors.js';
import type { OutcomeSpace } from '../outcome-space.js';
import { asLinearAdditive, type PartyPreferences } from '../preferences.js';
import type { UtilityIndex, UtilityIndexOptions } from './contract.js';
import { enumeratedIndex } from './enumerated.js';
import { LazyIndex } from './lazy.js';

export type { RankedOutcome, UtilityIndex, UtilityIndexOptions } from './contract.js';
export { sortNonNegative } from './meet-in-the-middle.js';

const DEFAULTS = { maxMaterialised: 1 << 14, maxEnumerated: 1 << 22, maxHalf: 1 << 22 };

export function createUtilityIndex(
  space: OutcomeSpace,
  prefs: Pick<PartyPreferences, 'utility' | 'redLines'>,
  options: UtilityIndexOptions = {},
): UtilityIndex {
  const opts = { ...DEFAULTS, ...options };
  const lin = asLinearAdditive(prefs.utility);
  if (lin) return new LazyIndex(space, lin.weighted, prefs.redLines, opts);
  invariant(
    space.cardinality <= opts.maxEnumerated,
    () =>
      `cannot invert a general utility function over ${space.cardinality} outcomes (limit ${opts.maxEnumerated}); use a linear-additive utility`,
  );
  return enumeratedIndex(space, prefs);
}
