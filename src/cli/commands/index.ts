/**
 * Every command of the CLI, registered in help order. Each command lives in its own file and
 * exports a `register…` function; adding a command is one line here.
 */
import type { Command } from 'commander';
import { registerAnalyze } from './analyze.js';

type Register = (program: Command) => void;

const commands: readonly Register[] = [registerAnalyze];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
