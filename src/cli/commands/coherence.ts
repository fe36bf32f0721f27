/**
 * `alliances coherence [SCENARIO] --seeds N [--variant NAME] [--json]`: how coherently the
 * autonomous leaders act over N seeds — decisions repeated on no new input, moves reversed within
 * a day, proposals abandoned before their reply, intents carried out twice — and the share of runs
 * matching each incoherence pattern the scenario declares (agents/coherence.ts). The runs are
 * fidelity's (worker threads; progress on a terminal).
 */
import type { Command } from 'commander';
import { COHERENCE_MEASURES, type CoherenceMeasure, type CoherenceReport } from '../../agents/coherence.js';
import { printJson } from '../io.js';
import { registerSweep } from './sweep.js';

const MEASURE_NAMES: Readonly<Record<CoherenceMeasure, string>> = {
  repeatedDecisions: 'decisions repeated on no new input',
  reversedMoves: 'moves reversed within a day',
  abandonedProposals: 'proposals abandoned before their reply',
  duplicateIntents: 'intents carried out twice in a tick',
};

/** The coherence part of a report, as text (also the end of `alliances fidelity`'s). */
export function renderCoherence(c: CoherenceReport): string[] {
  const lines = ['Per run                                     median   p90   max  total'];
  for (const m of COHERENCE_MEASURES) {
    const s = c.perRun[m];
    lines.push(
      `  ${MEASURE_NAMES[m].padEnd(40)} ${String(s.median).padStart(6)} ${String(s.p90).padStart(5)} ${String(s.max).padStart(5)} ${String(s.total).padStart(6)}`,
    );
  }
  lines.push('');
  if (c.patterns.length === 0) lines.push('Incoherence patterns: none declared');
  else {
    lines.push('  share  incoherence pattern');
    for (const p of c.patterns) lines.push(`  ${(100 * p.share).toFixed(0).padStart(4)}%  ${p.id}`);
  }
  return lines;
}

export function registerCoherence(program: Command): void {
  registerSweep(
    program,
    'coherence',
    'run a scenario autonomously over many seeds and count incoherent conduct: repeated decisions, reversed moves, abandoned proposals, duplicate intents, declared patterns',
    (report, opts) => {
      const c = report.coherence;
      if (opts.json) {
        printJson({ scenario: report.scenario, variant: report.variant, seedList: report.seedList, ...c });
        return;
      }
      const seeds = report.seedList;
      const title = `Coherence of ${report.scenario}${report.variant ? ` (variant ${report.variant})` : ''}: ${c.runs} autonomous runs, seeds ${seeds[0]}–${seeds[seeds.length - 1]}`;
      process.stdout.write(`${[title, '', ...renderCoherence(c)].join('\n')}\n`);
    },
  );
}
