/**
 * Reliability of alliances, measured as the literature measures it (`alliances reliability`): over
 * autonomous runs, every call to honour a treaty whose conditions were met — the casus foederis —
 * and how the called party answered it: honoured, honoured in part, or reneged (a call left to
 * lapse unanswered is reneging). Leeds, Long & Mitchell (2000) find specific commitments honoured
 * 74.5 % of the time once their conditions are read; Leeds (2003) finds violation more likely when
 * the ally's power changed since the treaty was signed.
 *
 * Two pure steps: `callRecords` reads one run's log (with the agreements its calls name) into one
 * record per call, and `reliabilityOf` counts records of any number of runs. Calls a partner made
 * beyond the treaty's terms (`conditionsMet` false) are left out, as the literature leaves them
 * out; calls still open when a run ends are counted apart (`unanswered`), their answer unknown.
 */
import type { WorldEvent } from '../events/index.js';
import type { CallId } from '../model/ids.js';
import { type ObligationKind, isObligation } from '../model/provision.js';
import type { Agreement, CallStatus } from '../model/world.js';
import { days } from '../model/time.js';
import { generateScenario } from '../scenario/generate.js';
import type { Scenario } from '../scenario/loader.js';
import { runScenario } from './run.js';

/**
 * How much the called party's strength may differ from its strength at signing and still count as
 * steady: more than 10 % above is a rise, more than 10 % below a fall. Leeds (2003) codes a
 * change in capabilities; ten per cent is the smallest change the generated worlds' losses in a
 * month of raids make, and the margin treaties of the past are drawn around.
 */
export const POWER_CHANGE_THRESHOLD = 0.1;

export type PowerChange = 'rose' | 'steady' | 'fell';

/**
 * The conditions a call's obligation may carry (ATOP's codes): limited to named adversaries or to
 * the members of a rival league, to places, void if the partner provoked the war, limited to aid
 * or to words; `secret` when the treaty or the provision was; `unconditional` when none applies.
 */
export const CALL_CONDITIONS = [
  'unconditional',
  'against-named',
  'against-league',
  'where',
  'unless-provoked',
  'aid-only',
  'diplomatic-only',
  'secret',
] as const;
export type CallCondition = (typeof CALL_CONDITIONS)[number];

/** One call whose treaty conditions were met, and its answer (`open`: unanswered when the run ended). */
export interface CallRecord {
  readonly call: CallId;
  readonly obligation: ObligationKind;
  readonly conditions: readonly CallCondition[];
  readonly powerChange: PowerChange;
  readonly answer: CallStatus;
}

/** Calls and the share honoured, for one group of calls. */
export interface CallGroup {
  readonly calls: number;
  /** Honoured calls over calls; null when the group has no call. */
  readonly share: number | null;
}

export interface Reliability {
  /** Calls answered (honoured, partly, reneged or lapsed) whose treaty conditions were met. */
  readonly calls: number;
  readonly honoured: number;
  readonly partly: number;
  /** Refused, or left to lapse unanswered. */
  readonly reneged: number;
  /** Honoured over calls; null when there was no call. */
  readonly share: number | null;
  /** By the called party's strength when called against its strength at signing. */
  readonly byPowerChange: Readonly<Record<PowerChange, CallGroup>>;
  /**
   * By the obligation called on: its kind (`defence`, `offence`, `consultation`) and each of its
   * conditions (`CALL_CONDITIONS`); a call counts in every group that describes it.
   */
  readonly byCondition: Readonly<Record<string, CallGroup>>;
  /** Calls still open when their run ended (not counted above: their answer is not known). */
  readonly unanswered: number;
}

/** Whether the called party's strength rose, held or fell since signing (see `POWER_CHANGE_THRESHOLD`). */
export function powerChange(atSigning: number, now: number): PowerChange {
  if (atSigning <= 0) return now > 0 ? 'rose' : 'steady';
  const ratio = now / atSigning;
  return ratio > 1 + POWER_CHANGE_THRESHOLD ? 'rose' : ratio < 1 - POWER_CHANGE_THRESHOLD ? 'fell' : 'steady';
}

/** The conditions of provision `index` of agreement `a`, as `CALL_CONDITIONS` names them. */
export function conditionsOf(a: Agreement, index: number): CallCondition[] {
  const p = a.provisions[index];
  if (p === undefined || !isObligation(p)) return ['unconditional'];
  const out: CallCondition[] = [];
  if (Array.isArray(p.against)) out.push('against-named');
  else if (p.against !== 'any') out.push('against-league');
  if (p.where !== undefined) out.push('where');
  if (p.unlessProvoked) out.push('unless-provoked');
  if (p.support === 'aid') out.push('aid-only');
  if (p.support === 'diplomatic') out.push('diplomatic-only');
  const conditional = out.length > 0;
  if (a.secret || p.secret) out.push('secret');
  return conditional ? out : ['unconditional', ...out];
}

/**
 * One record per call of a run's log whose conditions were met, in the order issued, with the
 * answer the log records (the last `call-answered` for it), or `open`. `agreements` are those the
 * calls name (a run's final world has every agreement of the run).
 */
export function callRecords(
  events: readonly WorldEvent[],
  agreements: Readonly<Record<string, Agreement>>,
): CallRecord[] {
  const records = new Map<string, CallRecord>();
  for (const e of events) {
    if (e.type === 'call-issued' && e.conditionsMet) {
      const a = agreements[e.agreement];
      records.set(e.call, {
        call: e.call,
        obligation: e.obligation,
        conditions: a ? conditionsOf(a, e.provision) : ['unconditional'],
        powerChange: powerChange(e.powerAtSigning, e.powerNow),
        answer: 'open',
      });
    } else if (e.type === 'call-answered') {
      const r = records.get(e.call);
      if (r) records.set(e.call, { ...r, answer: e.answer });
    }
  }
  return [...records.values()];
}

function group(records: readonly CallRecord[]): CallGroup {
  const honoured = records.filter((r) => r.answer === 'honoured').length;
  return { calls: records.length, share: records.length === 0 ? null : honoured / records.length };
}

/** The counts over records of any number of runs (see `Reliability`). */
export function reliabilityOf(records: readonly CallRecord[]): Reliability {
  const answered = records.filter((r) => r.answer !== 'open');
  const count = (...answers: CallStatus[]) => answered.filter((r) => answers.includes(r.answer)).length;
  const kinds = [...new Set(answered.map((r) => r.obligation))].sort();
  const byCondition: Record<string, CallGroup> = {};
  for (const kind of kinds) byCondition[kind] = group(answered.filter((r) => r.obligation === kind));
  for (const c of CALL_CONDITIONS) {
    const within = answered.filter((r) => r.conditions.includes(c));
    if (within.length > 0) byCondition[c] = group(within);
  }
  return {
    calls: answered.length,
    honoured: count('honoured'),
    partly: count('partly'),
    reneged: count('reneged', 'lapsed'),
    share: group(answered).share,
    byPowerChange: {
      rose: group(answered.filter((r) => r.powerChange === 'rose')),
      steady: group(answered.filter((r) => r.powerChange === 'steady')),
      fell: group(answered.filter((r) => r.powerChange === 'fell')),
    },
    byCondition,
    unanswered: records.length - answered.length,
  };
}

/** One autonomous run's calls, and its identity. */
export interface ReliabilitySeedOutcome {
  readonly seed: number;
  readonly records: readonly CallRecord[];
  readonly events: number;
  readonly hash: string;
}

/** Runs `scenario` autonomously with `seed` and reads its calls. */
export function runReliabilitySeed(scenario: Scenario, seed: number): ReliabilitySeedOutcome {
  const result = runScenario(scenario, { seed, mode: 'autonomous' });
  return {
    seed,
    records: callRecords(result.events, result.world.agreements),
    events: result.events.length,
    hash: result.hash,
  };
}

/**
 * What the runs are of: a scenario (every run of the same world, seed 1…K), or generated worlds
 * of `factions` factions (run i is of the world the generator draws with seed i, run with seed i:
 * K different worlds, so that the figures are not those of one map).
 */
export type ReliabilitySubject =
  | { readonly kind: 'scenario'; readonly scenario: Scenario }
  | { readonly kind: 'generated'; readonly factions: number };

/** The default length of a generated world's run: long enough for raids to become wars and calls. */
export const RELIABILITY_DAYS = 30;

/** The scenario run `seed` is of: the subject's own, or the world generated with that seed. */
export function reliabilityWorld(subject: ReliabilitySubject, seed: number, runDays?: number): Scenario {
  if (subject.kind === 'generated')
    return generateScenario({ factions: subject.factions, days: runDays ?? RELIABILITY_DAYS, seed });
  if (runDays === undefined) return subject.scenario;
  return { ...subject.scenario, spec: { ...subject.scenario.spec, duration: days(runDays) } };
}

/** The report of `alliances reliability`: the counts, and what they were counted over. */
export interface ReliabilityReport extends Reliability {
  /** The scenario's id, or `generated-N`. */
  readonly scenario: string;
  readonly generated: { readonly factions: number } | null;
  readonly days: number;
  /** The runs counted (their seeds in order), and whether a time limit stopped the sweep early. */
  readonly runs: number;
  readonly seedList: readonly number[];
  readonly stopped: boolean;
  /** Each run's event-log hash, in seed order. */
  readonly hashes: readonly string[];
}

/** The report over outcomes given in any order (they are put in seed order first). */
export function reliabilityReport(
  subject: ReliabilitySubject,
  outcomes: readonly ReliabilitySeedOutcome[],
  runDays: number | undefined,
  stopped = false,
): ReliabilityReport {
  const ordered = [...outcomes].sort((a, b) => a.seed - b.seed);
  const generated = subject.kind === 'generated';
  return {
    ...reliabilityOf(ordered.flatMap((o) => o.records)),
    scenario: generated ? `generated-${subject.factions}` : subject.scenario.spec.id,
    generated: generated ? { factions: subject.factions } : null,
    days: runDays ?? (generated ? RELIABILITY_DAYS : subject.scenario.spec.duration / days(1)),
    runs: ordered.length,
    seedList: ordered.map((o) => o.seed),
    stopped,
    hashes: ordered.map((o) => o.hash),
  };
}
