/**
 * The `alliances` command: a thin shell over the library. Known errors print their message and
 * exit with their code (2 for bad input, 1 for failure); anything else prints its stack and exits 1.
 */
import { Command, CommanderError } from 'commander';
import { AlliancesError, InputError, renderProblems } from '../common/errors.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../runner/input-file.js';
import { installNativeSha256 } from '../runner/native-sha256.js';
import { registerCommands } from './commands/index.js';
import { parseNumberOption, setMaxInputBytes } from './io.js';

export function createProgram(): Command {
  const program = new Command();
  program
    .name('alliances')
    .description('Simulate, negotiate and forecast alliances among factions.')
    .version('0.1.0')
    .option('--max-input <MB>', 'largest input file read, in megabytes (default 10)')
    .showHelpAfterError()
    .exitOverride()
    .hook('preAction', () => {
      const raw = program.opts<{ maxInput?: string }>().maxInput;
      setMaxInputBytes(
        raw === undefined ? DEFAULT_MAX_INPUT_BYTES : parseNumberOption('--max-input', raw, 0) * 1024 * 1024,
      );
    });
  registerCommands(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  installNativeSha256();
  const program = createProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    return reportError(err);
  }
}

function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    // Help and version exit 0; usage errors (unknown option, missing argument) are bad input.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0)
      return 0;
    return 2;
  }
  if (err instanceof InputError) {
    process.stderr.write(`${renderProblems(err.problems)}\n`);
    const n = err.problems.length;
    if (n > 1) process.stderr.write(`${n} problems\n`);
    return err.exitCode;
  }
  if (err instanceof AlliancesError) {
    process.stderr.write(`error: ${err.message}\n`);
    return err.exitCode;
  }
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return 1;
}
