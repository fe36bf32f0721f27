/** `alliances analyze csg FILE`: the coalition structure of maximum total value. */
import type { Command } from 'commander';
import { branchAndBoundCsg } from '../../analysis/coalitions/branch-and-bound.js';
import {
  type CoalitionStructureResult,
  structureAgents,
} from '../../analysis/coalitions/coalition-structure.js';
import { MAX_AGENTS, parseCoalitionValues } from '../../analysis/coalitions/coalition-values.js';
import { dynamicProgrammingCsg } from '../../analysis/coalitions/dynamic-programming.js';
import { InputError, must } from '../../common/errors.js';
import { printJson, readInputFile } from '../io.js';
import { commandBudget, DEFAULT_SECONDS, parseSeconds, RAISE_SECONDS, secondsHelp } from '../limits.js';
import { formatNumber } from './format.js';

interface CsgOptions {
  json?: boolean;
  seconds?: string;
  algorithm: string;
}

export function registerAnalyzeCsg(analyze: Command): void {
  analyze
    .command('csg')
    .description('optimal coalition structure: anytime branch and bound (IP/ODP-IP family), or DP (Yeh 1986)')
    .argument('<file>', 'one value per line, line k = v(coalition with bitmask k), line 0 = 0')
    .option('--json', 'print JSON')
    .option(
      '--seconds <s>',
      `${secondsHelp('the search')}; when it runs out, the best structure so far and a proven upper bound are reported`,
    )
    .option('--algorithm <name>', 'bnb (default) or dp', 'bnb')
    .addHelpText(
      'after',
      `
Limits: at most ${MAX_AGENTS} agents (the file holds 2^n values). The DP takes Θ(3^n) steps (n = 22 about
40 s here) and 12 · 2^n bytes; the branch and bound is usually far faster and reports its best so far
at the time limit.`,
    )
    .action((file: string, opts: CsgOptions) => {
      if (opts.algorithm !== 'bnb' && opts.algorithm !== 'dp') {
        throw new InputError([
          {
            code: 'invalid-option',
            path: '--algorithm',
            message: `unknown algorithm "${opts.algorithm}"`,
            hint: 'valid: "bnb", "dp"',
          },
        ]);
      }
      const seconds = parseSeconds(opts.seconds, DEFAULT_SECONDS);
      const input = parseCoalitionValues(readInputFile(file), file);
      const budget = commandBudget('analyze csg', seconds);
      let result: CoalitionStructureResult;
      try {
        result =
          opts.algorithm === 'dp'
            ? dynamicProgrammingCsg(input, budget)
            : branchAndBoundCsg(input, { budget });
      } finally {
        budget.done();
      }
      const elapsed = Math.round(budget.elapsed() * 1000) / 1000;
      const structure = structureAgents(result.coalitions);
      if (opts.json) {
        printJson({
          value: result.value,
          structure,
          optimal: result.optimal,
          bound: result.bound,
          seconds: elapsed,
        });
        return;
      }
      const lines = [
        `${input.agents} agents: ${result.optimal ? 'optimal' : `best found (stopped at the time limit of ${seconds} s; ${RAISE_SECONDS})`} coalition structure`,
        `value ${formatNumber(result.value)}${result.optimal ? '' : `, upper bound ${formatNumber(result.bound)}`}`,
        ...structure.map(
          (c) =>
            `  {${c.join(', ')}}  v = ${formatNumber(must(input.values[c.reduce((m, a) => m | (1 << a), 0)], 'the value of a coalition'))}`,
        ),
        `solved in ${elapsed.toFixed(3)} s (${opts.algorithm})`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
