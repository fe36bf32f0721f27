/**
 * Who decides in each mode of a run:
 * - `scripted`: the script forces every decision it makes; the negotiators conduct the talks it opens;
 * - `autonomous`: only the script's exogenous events are forced; the leaders decide everything else;
 * - `mixed`: scripted until `scriptUntil`, autonomous after (the counterfactual fork).
 * In the autonomous part, `players` may take the seat of some factions' leaders (./players.ts).
 */
import type { DecisionContext, DecisionMaker } from '../engine/simulation.js';
import { type Minutes, minutes } from '../model/time.js';
import { createLeaders, createNegotiators, type LeaderOptions, startingAt } from './leaders.js';
import type { RunMode } from '../model/vocabulary.js';

export function decisionMakersFor(
  mode: RunMode,
  scriptUntil?: Minutes,
  players?: LeaderOptions['players'],
): DecisionMaker[] {
  if (mode === 'scripted') return [createNegotiators()];
  if (mode === 'autonomous') return [createLeaders({ players })];
  const until = scriptUntil ?? minutes(0);
  const negotiators = createNegotiators();
  return [
    { decide: (ctx: DecisionContext) => (ctx.t <= until ? negotiators.decide(ctx) : []) },
    startingAt(createLeaders({ players }), until),
  ];
}
