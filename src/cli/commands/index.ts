/**
 * Every command of the CLI, registered in help order. Each command lives in its own file and
 * exports a `register…` function; adding a command is one line here.
 */
import type { Command } from 'commander';
import { registerAnalyze } from './analyze.js';
import { registerBench } from './bench.js';
import { registerCoherence } from './coherence.js';
import { registerDb } from './db.js';
import { registerFidelity } from './fidelity.js';
import { registerForecast } from './forecast.js';
import { registerDiff, registerExplain, registerFork } from './inspect-commands.js';
import { registerNegotiate } from './negotiate.js';
import { registerReliability } from './reliability.js';
import { registerReplay, registerRun, registerRuns, registerVerify } from './run-commands.js';
import { registerServe } from './serve.js';
import { registerGenerate, registerSchema, registerValidate } from './scenario-commands.js';
import { registerTournament } from './tournament.js';

type Register = (program: Command) => void;

const commands: readonly Register[] = [
  registerRun,
  registerValidate,
  registerSchema,
  registerGenerate,
  registerRuns,
  registerReplay,
  registerVerify,
  registerExplain,
  registerFork,
  registerDiff,
  registerDb,
  registerFidelity,
  registerCoherence,
  registerReliability,
  registerNegotiate,
  registerTournament,
  registerForecast,
  registerAnalyze,
  registerServe,
  registerBench,
];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
