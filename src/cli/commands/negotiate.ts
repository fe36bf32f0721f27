/**
 * `alliances negotiate DOMAIN [--seed N] [--json]`: one negotiation on a domain file, its transcript
 * and the bargaining analysis of the domain (Pareto frontier, Nash, Kalai–Smorodinsky, welfare).
 */
import type { Command } from 'commander';
import { analyseBargaining } from '../../diplomacy/negotiation/analysis.js';
import { parseDomain } from '../../diplomacy/negotiation/domain.js';
import { runNegotiation } from '../../diplomacy/negotiation/negotiate.js';
import { negotiationReport, renderReport } from '../../diplomacy/negotiation/report.js';
import { parseIntegerOption, printJson, readInputFile } from '../io.js';

export function registerNegotiate(program: Command): void {
  program
    .command('negotiate')
    .description('run one negotiation on a domain file; print the transcript and the bargaining analysis')
    .argument('<domain>', 'domain file (YAML or JSON)')
    .option('--seed <n>', 'seed of the random streams', '0')
    .option('--json', 'print the result as JSON')
    .action((file: string, options: { seed: string; json?: boolean }) => {
      const seed = parseIntegerOption('--seed', options.seed);
      const domain = parseDomain(readInputFile(file), file);
      const result = runNegotiation(domain, { seed });
      const analysis = analyseBargaining(
        domain.space,
        domain.parties.map((p) => p.preferences),
      );
      const report = negotiationReport(domain, result, analysis);
      if (options.json) printJson(report);
      else process.stdout.write(`${renderReport(report)}\n`);
    });
}
