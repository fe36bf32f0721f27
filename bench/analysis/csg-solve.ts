/**
 * One coalition-structure instance in a fresh process (as the reference ran one JVM per instance):
 * prints {value, readMs, solveMs, maxRssMB} as JSON. Used by the csg benchmark.
 */
import { readFileSync } from 'node:fs';
import { resourceUsage } from 'node:process';
import { branchAndBoundCsg } from '../../src/analysis/coalitions/branch-and-bound.js';
import { parseCoalitionValues } from '../../src/analysis/coalitions/coalition-values.js';
import { dynamicProgrammingCsg } from '../../src/analysis/coalitions/dynamic-programming.js';

const [file, algorithm] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write('usage: csg-solve.js FILE [dp|bnb]\n');
  process.exit(2);
}
const t0 = performance.now();
const input = parseCoalitionValues(readFileSync(file, 'utf8'), file);
const t1 = performance.now();
const result = algorithm === 'dp' ? dynamicProgrammingCsg(input) : branchAndBoundCsg(input);
const t2 = performance.now();
process.stdout.write(
  `${JSON.stringify({
    value: result.value,
    optimal: result.optimal,
    readMs: t1 - t0,
    solveMs: t2 - t1,
    maxRssMB: resourceUsage().maxRSS / 1024,
  })}\n`,
);
