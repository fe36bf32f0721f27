/**
 * KTAB's own wording: reading the parameter block KTAB prints before a run, and printing a run's
 * history in the lines KTAB's reference logs contain, so that they can be compared line by line.
 */
import { at } from '../../common/checked.js';
import { InputError, type Problem } from '../../common/errors.js';
import {
  BIG_R_ADJUSTS,
  BIG_R_RANGES,
  PCE_MODELS,
  THIRD_PARTY_COMMITS,
  VICTORY_PROB_MODELS,
  VOTING_RULES,
} from './ktab-kernel.js';
import { BARGN_MODELS, INTER_VEC_BRGNS, type SmpParameters, type SmpRun, STATE_TRANSITIONS } from './smp.js';
import type { ForecastIssue } from './types.js';

/** KTAB's printed parameter names, the SmpParameters key each sets, and the values allowed. */
export const KTAB_PARAMETERS = [
  ['VictoryProbModel', 'victoryProbModel', VICTORY_PROB_MODELS],
  ['VotingRule', 'votingRule', VOTING_RULES],
  ['PCEModel', 'pceModel', PCE_MODELS],
  ['StateTransitions', 'stateTransitions', STATE_TRANSITIONS],
  ['BigRRange', 'bigRRange', BIG_R_RANGES],
  ['BigRAdjust', 'bigRAdjust', BIG_R_ADJUSTS],
  ['ThirdPartyCommit', 'thirdPartyCommit', THIRD_PARTY_COMMITS],
  ['InterVecBrgn', 'interVecBrgn', INTER_VEC_BRGNS],
  ['BargnModel', 'bargnModel', BARGN_MODELS],
] as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Reads the parameters from text in KTAB's log wording (`VotingRule: Prop`, `Using PRNG seed: 154…`);
 * other lines are ignored. Unknown values are located errors. The result also asks for KTAB's
 * processing order (the file's order of actors), which its printed probabilities depend on.
 */
export function parseKtabParameters(text: string, file = 'parameters'): Partial<SmpParameters> {
  // A KTAB run processes the actors in the file's order.
  const out: Partial<Mutable<SmpParameters>> = { actorOrder: 'input' };
  const problems: Problem[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const seed = /^\s*Using PRNG seed:\s*(\d+)/.exec(raw);
    if (seed) {
      out.seed = BigInt(at(seed, 1, 'seed'));
      return;
    }
    const m = /^\s*([A-Za-z]+):\s*(\S+)\s*$/.exec(raw);
    if (!m) return;
    const entry = KTAB_PARAMETERS.find(([name]) => name === m[1]);
    if (!entry) return;
    const [name, key, values] = entry;
    const value = at(m, 2, 'value');
    if (!values.some((v) => v === value)) {
      problems.push({
        code: 'invalid-value',
        file,
        line: index + 1,
        column: raw.indexOf(value) + 1,
        path: name,
        message: `unknown ${name} "${value}"`,
        hint: `valid: ${values.join(', ')}`,
      });
      return;
    }
    // The value is one of those this parameter allows (checked just above).
    Object.assign(out, { [key]: value });
  });
  if (problems.length > 0) throw new InputError(problems);
  return out;
}

/** The parameter block as KTAB prints it before a run. */
export function formatKtabParameters(params: SmpParameters): string[] {
  return [
    `Using PRNG seed: ${params.seed.toString().padStart(20, '0')}`,
    'Model Paramaters to run the model...',
    ...KTAB_PARAMETERS.map(([name, key]) => `${name}: ${params[key]}`),
  ];
}

/**
 * The lines KTAB's comparison of reference runs checks: one `Fractional change compared to first
 * step` line per turn, then each actor's probability of prevailing in every state. KTAB's logger
 * appends a space to each line; these lines have none.
 */
export function formatKtabLines(issue: ForecastIssue, run: SmpRun): string[] {
  const lines = run.fractionalChanges.map(
    (r) =>
      `Fractional change compared to first step: ${r.toFixed(4)}  (target=${run.parameters.minDeltaRatio.toFixed(4)})`,
  );
  run.actors.forEach((a, i) => {
    const probs = run.states.map((s) => at(s.probabilities, i, 'probability').toFixed(4)).join(' ');
    lines.push(`${at(issue.actors, a, 'actor').name}, prob : ${probs}`);
  });
  return lines;
}
