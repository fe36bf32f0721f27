/**
 * `alliances fidelity [SCENARIO] --seeds N [--variant NAME] [--json]`: how often the autonomous
 * leaders re-enact each milestone of a scenario's story, over N seeds (worker threads; progress on
 * a terminal).
 */
import type { Command } from 'commander';
import type { FidelityReport } from '../../agents/fidelity.js';
import { printJson } from '../io.js';
import { registerSweep } from './sweep.js';
import { renderCoherence } from './coherence.js';

function renderReport(r: FidelityReport): string {
  const pct = (x: number) => `${(100 * x).toFixed(0).padStart(3)}%`;
  const lines = [
    `Fidelity of ${r.scenario}${r.variant ? ` (variant ${r.variant})` : ''}: ${r.seeds} autonomous runs, seeds ${r.seedList[0]}–${r.seedList[r.seedList.length - 1]}`,
    '',
    '  share  on time   late  milestone',
  ];
  const story = r.milestones.filter((m) => !m.outcome);
  const outcomes = r.milestones.filter((m) => m.outcome);
  const timing = (m: FidelityReport['milestones'][number]) =>
    m.onTime === null || m.late === null ? '      –      –' : `   ${pct(m.onTime)}   ${pct(m.late)}`;
  story.forEach((m, i) =>
    lines.push(
      `  ${pct(m.share)}  ${timing(m)}  ${String(i + 1).padStart(2)}. ${m.id}${m.due ? ` (due ${m.due})` : ''}`,
    ),
  );
  if (outcomes.length > 0) {
    lines.push('', '  share  outcome');
    for (const m of outcomes) lines.push(`  ${pct(m.share)}  ${m.id}`);
  }
  const p = r.reachedPerRun;
  lines.push(
    '',
    `Story milestones reached per run (of ${p.of}): median ${p.median}, p10 ${p.p10}, p90 ${p.p90}, min ${p.min}, max ${p.max}`,
    `  ${p.distribution.map((count, k) => `${k}:${count}`).join('  ')}`,
    '',
    r.principleViolations === 0
      ? 'Principle violations: none'
      : `Principle violations: ${r.principleViolations}`,
  );
  for (const v of r.violations)
    lines.push(`  seed ${v.seed}, event ${v.seq}: ${v.faction} broke ${v.principle} (${v.agreement})`);
  lines.push('', 'Coherence (alliances coherence):', ...renderCoherence(r.coherence));
  return `${lines.join('\n')}\n`;
}

export function registerFidelity(program: Command): void {
  registerSweep(
    program,
    'fidelity',
    'run a scenario autonomously over many seeds and report how often each milestone is reached',
    (report, opts) => {
      if (opts.json) printJson(report);
      else process.stdout.write(renderReport(report));
    },
  );
}
