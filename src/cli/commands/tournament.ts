/**
 * `alliances tournament CONFIG [--json] [--threads N]`: every strategy against every other across
 * domains, with role swapping and repetitions, on all cores; the standings table.
 */
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { problemAt } from '../../common/document.js';
import { InputError, NotFoundError, type Problem } from '../../common/errors.js';
import { parseTournamentConfig, renderTournament } from '../../diplomacy/negotiation/tournament.js';
import { createProgress, parseIntegerOption, printJson, readInputFile } from '../io.js';
import { runTournamentParallel } from '../../runner/tournament.js';

export function registerTournament(program: Command): void {
  program
    .command('tournament')
    .description('run a negotiation tournament (strategies × domains × roles × seeds) on all cores')
    .argument('<config>', 'tournament file (YAML or JSON)')
    .option('--threads <n>', 'worker threads (default: all cores)')
    .option('--json', 'print the standings as JSON')
    .action(async (file: string, options: { threads?: string; json?: boolean }) => {
      const threads =
        options.threads === undefined ? undefined : parseIntegerOption('--threads', options.threads, 1);
      const config = parseTournamentConfig(readInputFile(file), file);
      // Domain files are relative to the tournament file; a missing one is reported where it is named.
      const problems: Problem[] = [];
      const texts = config.files.map(({ path, index }) => {
        const full = resolve(dirname(file), path);
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
      const progress = createProgress('tournament');
      const summary = await runTournamentParallel(config.input(texts), {
        ...(threads !== undefined ? { threads } : {}),
        onProgress: (done, total) => progress.update(done, total, 'negotiations'),
      });
      progress.done();
      if (options.json) printJson(summary);
      else process.stdout.write(`${renderTournament(summary)}\n`);
    });
}
