/** `alliances db check [--db PATH]`: whether a store is whole (SQLite's integrity check and the store's own). */
import type { Command } from 'commander';
import { checkDatabase } from '../../store/check.js';
import { resolveDbPath } from '../../store/store.js';
import { printJson } from '../io.js';

export function registerDb(program: Command): void {
  const db = program.command('db').description('inspect a database of runs (`alliances db check`)');
  db.command('check')
    .description(
      "check a database: SQLite's integrity check, then every run's events (count, numbering, hash); exit 0 when whole, 1 when not",
    )
    .option('--db <path>', 'database file (default: $ALLIANCES_DB or ./alliances.db)')
    .option('--json', 'print the check as JSON')
    .action((opts: { db?: string; json?: boolean }) => {
      const check = checkDatabase(resolveDbPath(opts.db));
      if (opts.json) printJson(check);
      else if (check.ok) {
        process.stdout.write(
          `${check.path}: ok — ${check.runs} run${check.runs === 1 ? '' : 's'} (${check.complete} complete, ${check.incomplete} incomplete), ${check.events} events\n`,
        );
      } else {
        const n = check.problems.length;
        process.stdout.write(
          `${check.path}: ${n} problem${n === 1 ? '' : 's'}\n${check.problems.map((p) => `  ${p}\n`).join('')}`,
        );
      }
      if (!check.ok) process.exitCode = 1;
    });
}
