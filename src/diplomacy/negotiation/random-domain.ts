/**
 * Random negotiation domains, as negotiation benchmarks generate them (NegMAS
 * `LinearAdditiveUtilityFunction.random`; the reference workload of the project's benchmarks):
 * issues named `issue0…` with integer values 0…m−1; for each party, issue weights drawn uniformly
 * in [0, 1] and normalised to sum 1, and each value's utility drawn uniformly in [0, 1].
 */
import type { Rng } from '../../common/random.js';
import { createOutcomeSpace, integerIssue, type OutcomeSpace } from './outcome-space.js';
import { createPreferences, LinearAdditiveUtility, type PartyPreferences } from './preferences.js';

export interface RandomDomainOptions {
  readonly issues: number;
  /** Values per issue. */
  readonly values: number;
  /** Number of parties (default 2). */
  readonly parties?: number;
  /** Every party's reservation value (default 0). */
  readonly reservation?: number;
}

export interface RandomDomain {
  readonly space: OutcomeSpace;
  readonly preferences: readonly PartyPreferences[];
}

export function randomSpace(issues: number, values: number): OutcomeSpace {
  return createOutcomeSpace(
    Array.from({ length: issues }, (_, i) => integerIssue(`issue${i}`, 0, values - 1)),
  );
}

export function randomLinearAdditive(space: OutcomeSpace, rng: Rng): LinearAdditiveUtility {
  // Plain loops: this runs once per party per negotiation in tournaments and benchmarks.
  const sizes = space.sizes;
  const weights: number[] = [];
  let positive = false;
  for (let i = 0; i < sizes.length; i++) {
    const w = rng.float();
    if (w > 0) positive = true;
    weights.push(w);
  }
  // All-zero weights have probability 2⁻³²ᵏ; guard anyway so the utility stays defined.
  if (!positive) weights[0] = 1;
  const values: number[][] = [];
  for (const size of sizes) {
    const f: number[] = [];
    for (let v = 0; v < size; v++) f.push(rng.float());
    values.push(f);
  }
  return new LinearAdditiveUtility(weights, values);
}

export function createRandomDomain(options: RandomDomainOptions, rng: Rng): RandomDomain {
  const space = randomSpace(options.issues, options.values);
  const preferences = Array.from({ length: options.parties ?? 2 }, () =>
    createPreferences(randomLinearAdditive(space, rng), { reservation: options.reservation ?? 0 }),
  );
  return { space, preferences };
}
