/**
 * `alliances tournament CONFIG [--json] [--threads N]`: every strategy against every other across
 * domains, with role swapping and repetitions, on all cores; the standings table.
 */
import type { Command } from 'commander';
import { problemAt } from '../../common/document.js';
import { InputError, NotFoundError, type Problem } from '../../common/errors.js';
import { resolveConfigPath } from '../../runner/input-file.js';
import { MAX_DEADLINE_ROUNDS } from '../../diplomacy/negotiation/domain.js';
import {
  MAX_TOURNAMENT_NEGOTIATIONS,
  parseTournamentConfig,
  renderTournament,
  type TournamentSummary,
} from '../../diplomacy/negotiation/tournament.js';
import { runTournamentParallel } from '../../runner/tournament.js';
import { printJson, readInputFile } from '../io.js';
import { commandBudget, parseSeconds, parseThreads, secondsHelp } from '../limits.js';

/** A tournament may take a while: ten minutes unless told otherwise. */
const TOURNAMENT_SECONDS = 600;

export function registerTournament(program: Command): void {
  program
    .command('tournament')
    .description('run a negotiation tournament (strategies × domains × roles × seeds) on all cores')
    .argument('<config>', 'tournament file (YAML or JSON)')
    .option('--threads <n>', 'worker threads (default and most: the number of cores)')
    .option('--json', 'print the standings as JSON')
    .option('--seconds <s>', secondsHelp('the tournament', TOURNAMENT_SECONDS))
    .addHelpText(
      'after',
      `
Limits: at most ${MAX_TOURNAMENT_NEGOTIATIONS.toLocaleString('en-US')} negotiations (strategies^parties × domains × repetitions),
each of at most ${MAX_DEADLINE_ROUNDS.toLocaleString('en-US')} rounds; domain files in the tournament file's folder or below
(or given by absolute paths).`,
    )
    .action(async (file: string, options: { threads?: string; json?: boolean; seconds?: string }) => {
      const threads = parseThreads(options.threads);
      const seconds = parseSeconds(options.seconds, TOURNAMENT_SECONDS);
      const config = parseTournamentConfig(readInputFile(file), file);
      // Domain files are relative to the tournament file; a missing one is reported where it is named.
      const problems: Problem[] = [];
      const texts = config.files.map(({ path, index }) => {
        const resolved = resolveConfigPath(file, path);
        if ('error' in resolved) {
          problems.push(
            problemAt(config.doc, ['domains', index], 'outside-folder', resolved.error, resolved.hint),
          );
          return { file: path, text: '' };
        }
        const full = resolved.path;
        try {
          return { file: full, text: readInputFile(full) };
        } catch (err) {
          if (!(err instanceof NotFoundError || err instanceof InputError)) throw err;
          problems.push(
            problemAt(
              config.doc,
              ['domains', index],
              'not-found',
              `cannot read domain file "${path}" (${full})`,
            ),
          );
          return { file: full, text: '' };
        }
      });
      if (problems.length > 0) throw new InputError(problems);
      const budget = commandBudget('tournament', seconds);
      let summary: TournamentSummary;
      try {
        summary = await runTournamentParallel(config.input(texts), {
          ...(threads !== undefined ? { threads } : {}),
          onProgress: (done, total) => budget.progress(done, total),
          budget,
        });
      } finally {
        budget.done();
      }
      if (options.json) printJson(summary);
      else process.stdout.write(`${renderTournament(summary)}\n`);
    });
}
