/**
 * `alliances analyze …`: the analytic models, each a subcommand. Other areas add their own
 * subcommands to the same parent through `analyzeCommand`.
 */
import type { Command } from 'commander';
import { registerAnalyzeCsg } from './analyze-csg.js';
import { registerAnalyzeLandscape, registerAnalyzeMaxCut } from './analyze-landscape.js';
import { registerAnalyzePower } from './analyze-power.js';

/** The `analyze` command, created on first use. */
export function analyzeCommand(program: Command): Command {
  const existing = program.commands.find((c) => c.name() === 'analyze');
  if (existing) return existing;
  return program
    .command('analyze')
    .description('analytic models: alignment (landscape, max-cut), power indices, coalition structures');
}

export function registerAnalyze(program: Command): void {
  const analyze = analyzeCommand(program);
  registerAnalyzeLandscape(analyze);
  registerAnalyzeMaxCut(analyze);
  registerAnalyzePower(analyze);
  registerAnalyzeCsg(analyze);
}
