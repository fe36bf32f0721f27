/**
 * Optimal coalition structure by dynamic programming (Yeh 1986; Rothkopf, Pekeč & Harstad 1998):
 * f(C) = max(v(C), max over splits {A, C∖A} of f(A) + f(C∖A)), computed for every coalition in
 * increasing order of bitmask (every subset of C is a smaller number). Each split is visited once by
 * letting A range over the subsets of C that hold C's lowest agent. Θ(3^n) time, 2^n doubles and
 * 2^n split indices of memory: the reference that the branch and bound is checked against.
 */
import { type Budget, unlimitedBudget } from '../../common/budget.js';
import { missing } from '../../common/checked.js';
import { type CoalitionStructureResult, normaliseStructure } from './coalition-structure.js';
import type { CoalitionValues } from './coalition-values.js';

export function dynamicProgrammingCsg(
  input: CoalitionValues,
  budget: Budget = unlimitedBudget,
): CoalitionStructureResult {
  const { agents: n, values: v } = input;
  const size = 2 ** n;
  const f = new Float64Array(size);
  const split = new Int32Array(size);
  for (let c = 1; c < size; c++) {
    if ((c & 1023) === 0) {
      budget.progress?.(c, size);
      if (budget.exhausted()) return stopped(input);
    }
    const low = c & -c;
    const rest = c ^ low;
    let best = v[c] ?? missing();
    let bestSplit = 0;
    // Proper subsets A of C with C's lowest agent: A = low | s for s ⊊ rest.
    for (let s = (rest - 1) & rest; rest !== 0; s = (s - 1) & rest) {
      const a = low | s;
      const total = (f[a] ?? missing()) + (f[c ^ a] ?? missing());
      if (total > best) {
        best = total;
        bestSplit = a;
      }
      if (s === 0) break;
    }
    f[c] = best;
    split[c] = bestSplit;
  }
  const coalitions: number[] = [];
  const stack = [size - 1];
  for (let c = stack.pop(); c !== undefined; c = stack.pop()) {
    if (c === 0) continue;
    const a = split[c] ?? missing();
    if (a === 0) coalitions.push(c);
    else stack.push(a, c ^ a);
  }
  const value = n === 0 ? 0 : (f[size - 1] ?? missing());
  return { value, coalitions: normaliseStructure(coalitions), optimal: true, bound: value };
}

/** When the budget runs out: the better of the grand coalition and the singletons, unproven. */
function stopped(input: CoalitionValues): CoalitionStructureResult {
  const { agents: n, values: v } = input;
  const grand = v[2 ** n - 1] ?? missing();
  let singles = 0;
  for (let a = 0; a < n; a++) singles += v[1 << a] ?? missing();
  const coalitions = grand >= singles ? [2 ** n - 1] : Array.from({ length: n }, (_, a) => 1 << a);
  // Any structure is worth at most Σ_a max_{C∋a} v(C)/|C|.
  let bound = 0;
  const ratio = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  for (let c = 1; c < 2 ** n; c++) {
    let k = 0;
    for (let m = c; m !== 0; m &= m - 1) k++;
    const r = (v[c] ?? missing()) / k;
    for (let m = c; m !== 0; m &= m - 1) {
      const a = 31 - Math.clz32(m & -m);
      if (r > (ratio[a] ?? missing())) ratio[a] = r;
    }
  }
  for (let a = 0; a < n; a++) bound += ratio[a] ?? missing();
  return { value: Math.max(grand, singles), coalitions, optimal: false, bound };
}
