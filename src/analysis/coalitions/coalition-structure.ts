/**
 * Coalition structures: partitions of the agents into disjoint coalitions, each a bitmask. The value
 * of a structure is the sum of its coalitions' values (Sandholm et al. 1999; Rahwan et al. 2009).
 */
import { missing } from '../../common/checked.js';
import { invariant } from '../../common/errors.js';

export interface CoalitionStructureResult {
  /** Σ v(C) over the structure's coalitions. */
  readonly value: number;
  /** Coalitions as bitmasks, ordered by their lowest agent. */
  readonly coalitions: readonly number[];
  /** True when no structure of greater value exists. */
  readonly optimal: boolean;
  /** An upper bound on the optimal value (equal to `value` when optimal). */
  readonly bound: number;
}

/** The agents (0-based, ascending) of a coalition bitmask. */
export function agentsOf(mask: number): number[] {
  const out: number[] = [];
  for (let a = 0; mask !== 0; a++, mask >>>= 1) if (mask & 1) out.push(a);
  return out;
}

/** The structure as lists of agent indices, coalitions ordered by their lowest agent. */
export function structureAgents(coalitions: readonly number[]): number[][] {
  return [...coalitions].sort((a, b) => (a & -a) - (b & -b) || a - b).map(agentsOf);
}

/** Σ v(C) over the coalitions; checks that they partition the n agents. */
export function structureValue(values: Float64Array, agents: number, coalitions: readonly number[]): number {
  let seen = 0;
  let total = 0;
  for (const c of coalitions) {
    invariant(c > 0 && (c & seen) === 0, 'coalitions are non-empty and disjoint');
    seen |= c;
    total += values[c] ?? missing();
  }
  invariant(seen === (agents === 0 ? 0 : 2 ** agents - 1), 'the coalitions cover every agent');
  return total;
}

/** Orders coalitions by their lowest agent. */
export function normaliseStructure(coalitions: readonly number[]): number[] {
  return [...coalitions].sort((a, b) => (a & -a) - (b & -b) || a - b);
}
