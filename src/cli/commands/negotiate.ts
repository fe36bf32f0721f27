/**
 * `alliances negotiate DOMAIN [--seed N] [--json]`: one negotiation on a domain file, its transcript
 * and the bargaining analysis of the domain (Pareto frontier, Nash, Kalai–Smorodinsky, welfare).
 */
import type { Command } from 'commander';
import { analyseBargaining } from '../../diplomacy/negotiation/analysis.js';
import { MAX_DEADLINE_ROUNDS, parseDomain } from '../../diplomacy/negotiation/domain.js';
import { type NegotiationResult, runNegotiation } from '../../diplomacy/negotiation/negotiate.js';
import { MAX_ISSUE_VALUES } from '../../diplomacy/negotiation/outcome-space.js';
import { negotiationReport, renderReport } from '../../diplomacy/negotiation/report.js';
import { parseIntegerOption, printJson, readInputFile } from '../io.js';
import { commandBudget, DEFAULT_SECONDS, parseSeconds, secondsHelp } from '../limits.js';

export function registerNegotiate(program: Command): void {
  program
    .command('negotiate')
    .description('run one negotiation on a domain file; print the transcript and the bargaining analysis')
    .argument('<domain>', 'domain file (YAML or JSON)')
    .option('--seed <n>', 'seed of the random streams', '0')
    .option('--json', 'print the result as JSON')
    .option('--seconds <s>', secondsHelp('the negotiation'))
    .addHelpText(
      'after',
      `
Limits: a deadline of at most ${MAX_DEADLINE_ROUNDS.toLocaleString('en-US')} rounds; at most ${MAX_ISSUE_VALUES.toLocaleString('en-US')} values per issue.`,
    )
    .action((file: string, options: { seed: string; json?: boolean; seconds?: string }) => {
      const seed = parseIntegerOption('--seed', options.seed);
      const seconds = parseSeconds(options.seconds, DEFAULT_SECONDS);
      const domain = parseDomain(readInputFile(file), file);
      const budget = commandBudget('negotiate', seconds);
      let result: NegotiationResult;
      try {
        result = runNegotiation(domain, { seed, budget });
      } finally {
        budget.done();
      }
      const analysis = analyseBargaining(
        domain.space,
        domain.parties.map((p) => p.preferences),
      );
      const report = negotiationReport(domain, result, analysis);
      if (options.json) printJson(report);
      else process.stdout.write(`${renderReport(report)}\n`);
    });
}
