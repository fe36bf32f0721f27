/**
 * Built-in negotiation strategies.
 *
 * - `aspiration`: NegMAS's `AspirationNegotiator` (negmas 0.15.7, `gb/negotiators/timebased.py`
 *   with `PolyAspiration` and `PresortingInverseUtilityFunction`), reproduced in behaviour:
 *   aspiration a(t) = m·(1 − t^x) with x = 4 for "boulware", 1 "linear", 0.25 "conceder" (or any
 *   exponent); the threshold is θ(t) = clamp(umin + (umax − umin)·a(t) − ε, umin, umax) with umax the
 *   best utility, umin the worst raised to the reservation value and ε = 0.001 the tolerance; it
 *   offers the outcome with the smallest utility ≥ θ(t) and accepts an offer worth ≥ θ(t).
 * - `time-dependent` (`boulware`, `linear`, `conceder`): Faratin, Sierra & Jennings 1998 as GENIUS's
 *   `TimeDependentAgent` implements it: target p(t) = pmin + (pmax − pmin)·(1 − F(t)),
 *   F(t) = k + (1 − k)·t^(1/e), pmin = max(reservation, worst utility); it offers the outcome whose
 *   utility is nearest the target and accepts by AC_next. e < 1 concedes late (Boulware, default
 *   0.2), e = 1 linearly, e > 1 early (Conceder, default 2) — GENIUS's defaults.
 * - `tit-for-tat`: naive relative tit-for-tat (NegMAS `NaiveTitForTatNegotiator`; Baarslag,
 *   Hindriks & Jonker 2013 on tit-for-tat in negotiation): it concedes, in its own utility, what the
 *   other side's last offer conceded to it (assuming a zero-sum situation), scaled by 1 + kindness;
 *   it opens with its best outcome and never concedes first.
 * - `hardliner`: always offers its best outcome and accepts nothing worse (NegMAS `ToughNegotiator`).
 * - `random`: offers a uniformly random outcome it finds acceptable (not forbidden, at least its
 *   reservation value) and accepts an acceptable offer with probability p (NegMAS
 *   `RandomNegotiator`, default p = 0.15).
 */
import { invariant } from '../../common/errors.js';
import { type AcceptanceSpec, createAcceptance, describeAcceptance } from './acceptance.js';
import { type Assignment, randomAssignment } from './outcome-space.js';
import { isForbidden } from './preferences.js';
import type { Turn } from './protocol.js';
import type { Response, Strategy, StrategyContext, StrategyFactory } from './strategy.js';
import type { RankedOutcome } from './utility-index/index.js';

/** NegMAS's named aspiration exponents (`PolyAspiration`). */
export const ASPIRATION_EXPONENTS = { boulware: 4, linear: 1, conceder: 0.25 } as const;
/** GENIUS's concession parameters for the Faratin family. */
export const TIME_DEPENDENT_E = { boulware: 0.2, linear: 1, conceder: 2 } as const;

/**
 * tˣ, by repeated squaring when x is a small whole number (Math.pow costs some forty nanoseconds;
 * the two may differ in the last bit, which no threshold comparison can notice).
 */
export function power(t: number, x: number): number {
  if (x === 1) return t;
  if (x === 2) return t * t;
  if (x === 4) {
    const q = t * t;
    return q * q;
  }
  return t ** x;
}

/**
 * The utility range a conceding party moves in: from its best outcome (umax) down to its worst,
 * raised to its reservation value (umin) — NegMAS's scaled range, Faratin's [pmin, pmax]. Null when
 * nothing the party may propose is worth its reservation value: it can then only walk away.
 */
export function concessionRange(
  ctx: StrategyContext,
): { readonly best: RankedOutcome; readonly umax: number; readonly umin: number } | null {
  const best = ctx.index.best();
  if (best === null || best.utility < ctx.preferences.reservation) return null;
  const worst = ctx.index.worst();
  return { best, umax: best.utility, umin: Math.max(worst ? worst.utility : 0, ctx.preferences.reservation) };
}

/** A party with nothing to offer: it rejects what it is offered and walks away when it must propose. */
const hopeless: Strategy = { propose: () => null, respond: () => 'reject' };

export interface AspirationOptions {
  /** `boulware`, `linear`, `conceder` or the exponent x of a(t) = m·(1 − t^x). */
  readonly curve?: keyof typeof ASPIRATION_EXPONENTS | number;
  /** m, the aspiration at time 0 (NegMAS `max_aspiration`, default 1). */
  readonly max?: number;
  /** ε, subtracted from the threshold (NegMAS `tolerance`, default 0.001). */
  readonly tolerance?: number;
  /** Replaces the threshold acceptance when given. */
  readonly accept?: AcceptanceSpec;
}

export function aspiration(options: AspirationOptions = {}): StrategyFactory {
  const curve = options.curve ?? 'boulware';
  const exponent = typeof curve === 'number' ? curve : ASPIRATION_EXPONENTS[curve];
  invariant(exponent > 0, 'aspiration exponent must be positive');
  const max = options.max ?? 1;
  const tolerance = options.tolerance ?? 0.001;
  const acceptance = options.accept !== undefined ? createAcceptance(options.accept) : undefined;
  return (ctx) => {
    const prefs = ctx.preferences;
    const utility = prefs.utility;
    const range = concessionRange(ctx);
    if (range === null) return hopeless;
    const { best, umax, umin } = range;
    const span = umax - umin;
    // Both moves of a turn (respond, then counter-offer) use the same threshold: compute it once.
    let memoTime = -1;
    let memoThreshold = umax;
    const threshold = (t: number): number => {
      if (t === memoTime) return memoThreshold;
      const a = max * (1 - power(t, exponent));
      const x = span * a + umin - tolerance;
      memoTime = t;
      memoThreshold = x < umin ? umin : Math.min(x, umax);
      return memoThreshold;
    };
    const propose = (turn: Turn): Assignment => {
      const r = ctx.index.atLeast(threshold(turn.relativeTime));
      return r ? r.assignment : best.assignment;
    };
    return {
      propose,
      respond(turn, offer): Response {
        const u = utility.utility(offer);
        if (acceptance) {
          return acceptance({
            offerUtility: u,
            nextUtility: () => utility.utility(propose(turn)),
            relativeTime: turn.relativeTime,
            reservation: prefs.reservation,
          })
            ? 'accept'
            : 'reject';
        }
        return u >= threshold(turn.relativeTime) && u <= umax ? 'accept' : 'reject';
      },
    };
  };
}

export interface TimeDependentOptions {
  /** Concession exponent e > 0 (Boulware < 1 < Conceder). */
  readonly e?: number;
  /** Initial concession k ∈ [0, 1] (default 0). */
  readonly k?: number;
  /** Acceptance condition (default AC_next). */
  readonly accept?: AcceptanceSpec;
}

export function timeDependent(options: TimeDependentOptions = {}): StrategyFactory {
  const e = options.e ?? 1;
  const k = options.k ?? 0;
  invariant(e > 0, 'time-dependent concession needs e > 0');
  invariant(k >= 0 && k <= 1, 'time-dependent initial concession k lies in [0, 1]');
  const acceptance = createAcceptance(options.accept ?? 'next');
  return (ctx) => {
    const prefs = ctx.preferences;
    const range = concessionRange(ctx);
    if (range === null) return hopeless;
    const { best, umax: pmax, umin: pmin } = range;
    let memoTime = -1;
    let memo: Assignment = best.assignment;
    const propose = (turn: Turn): Assignment => {
      if (turn.relativeTime === memoTime) return memo;
      const f = k + (1 - k) * power(turn.relativeTime, 1 / e);
      const target = pmin + (pmax - pmin) * (1 - f);
      const above = ctx.index.atLeast(target);
      let below = ctx.index.atMost(target);
      if (below && below.utility < pmin) below = null;
      let chosen = above ?? below;
      if (above && below && target - below.utility < above.utility - target) chosen = below;
      memoTime = turn.relativeTime;
      memo = chosen ? chosen.assignment : best.assignment;
      return memo;
    };
    return {
      propose,
      respond: (turn, offer) =>
        acceptance({
          offerUtility: prefs.utility.utility(offer),
          nextUtility: () => prefs.utility.utility(propose(turn)),
          relativeTime: turn.relativeTime,
          reservation: prefs.reservation,
        })
          ? 'accept'
          : 'reject',
    };
  };
}

export interface TitForTatOptions {
  /** Extra concession per unit the other side concedes (0: exact reciprocity). */
  readonly kindness?: number;
}

export function titForTat(options: TitForTatOptions = {}): StrategyFactory {
  const kindness = options.kindness ?? 0;
  return (ctx) => {
    const prefs = ctx.preferences;
    const utility = prefs.utility;
    const range = concessionRange(ctx);
    if (range === null) return hopeless;
    const { best, umax, umin } = range;
    let target = umax;
    /** My utility of the previous offer by each other party. */
    const previous = new Map<number, number>();
    const propose = (): Assignment => {
      const r = ctx.index.atLeast(target);
      return r ? r.assignment : best.assignment;
    };
    return {
      propose,
      respond(_turn, offer): Response {
        const u = utility.utility(offer);
        return u >= prefs.reservation && u >= utility.utility(propose()) ? 'accept' : 'reject';
      },
      observe(mover, move) {
        if (mover === ctx.party || mover < 0 || move.kind !== 'offer') return;
        const u = utility.utility(move.outcome);
        const before = previous.get(mover);
        previous.set(mover, u);
        if (before === undefined) return;
        // The other side moved u − before in my utility; reciprocate (a retraction hardens me).
        target -= (1 + kindness) * (u - before);
        if (target > umax) target = umax;
        if (target < umin) target = umin;
      },
    };
  };
}

export function hardliner(): StrategyFactory {
  return (ctx) => {
    const range = concessionRange(ctx);
    if (range === null) return hopeless;
    const { best } = range;
    return {
      propose: () => best.assignment,
      respond: (_turn, offer) =>
        ctx.preferences.utility.utility(offer) >= best.utility ? 'accept' : 'reject',
    };
  };
}

export interface RandomOptions {
  /** Probability of accepting an acceptable offer (default 0.15, as NegMAS). */
  readonly pAccept?: number;
}

/** Draws before falling back to the best outcome when acceptable outcomes are rare. */
const RANDOM_TRIES = 64;

export function randomStrategy(options: RandomOptions = {}): StrategyFactory {
  const pAccept = options.pAccept ?? 0.15;
  invariant(pAccept >= 0 && pAccept <= 1, 'acceptance probability lies in [0, 1]');
  return (ctx) => {
    const prefs = ctx.preferences;
    const rng = ctx.rng;
    const int = (a: number, b: number) => rng.int(a, b);
    return {
      propose() {
        for (let i = 0; i < RANDOM_TRIES; i++) {
          const a = randomAssignment(ctx.space, int);
          if (!isForbidden(prefs, a) && prefs.utility.utility(a) >= prefs.reservation) return a;
        }
        const best = ctx.index.best();
        return best && best.utility >= prefs.reservation ? best.assignment : null;
      },
      respond: (_turn, offer) =>
        prefs.utility.utility(offer) >= prefs.reservation && rng.chance(pAccept) ? 'accept' : 'reject',
    };
  };
}

/** The names a strategy may be given by in domain and tournament files. */
export const STRATEGY_NAMES = [
  'aspiration',
  'boulware',
  'linear',
  'conceder',
  'time-dependent',
  'tit-for-tat',
  'hardliner',
  'random',
] as const;

export type StrategyName = (typeof STRATEGY_NAMES)[number];

/** A strategy by name, or by name with parameters: `boulware`, `{name: conceder, e: 2}`. */
export type StrategySpec =
  | StrategyName
  | ({ readonly name: 'aspiration' } & AspirationOptions)
  | ({ readonly name: 'boulware' | 'linear' | 'conceder' | 'time-dependent' } & TimeDependentOptions)
  | ({ readonly name: 'tit-for-tat' } & TitForTatOptions)
  | { readonly name: 'hardliner' }
  | ({ readonly name: 'random' } & RandomOptions);

export function strategyFromSpec(spec: StrategySpec): StrategyFactory {
  const s: Exclude<StrategySpec, string> = typeof spec === 'string' ? { name: spec } : spec;
  switch (s.name) {
    case 'aspiration':
      return aspiration(s);
    case 'boulware':
    case 'linear':
    case 'conceder':
      return timeDependent({ ...s, e: s.e ?? TIME_DEPENDENT_E[s.name] });
    case 'time-dependent':
      return timeDependent(s);
    case 'tit-for-tat':
      return titForTat(s);
    case 'hardliner':
      return hardliner();
    case 'random':
      return randomStrategy(s);
  }
}

/** A short label: `aspiration`, `conceder(e=2)`, `boulware(e=0.2, AC_const(0.8))`. */
export function describeStrategy(spec: StrategySpec): string {
  if (typeof spec === 'string') return spec;
  const params: string[] = [];
  const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
  for (const [key, value] of Object.entries(spec).sort(byKey)) {
    if (key === 'name') continue;
    // A strategy's `accept` parameter is an acceptance condition (see StrategySpec).
    params.push(key === 'accept' ? describeAcceptance(value) : `${key}=${String(value)}`);
  }
  return params.length === 0 ? spec.name : `${spec.name}(${params.join(', ')})`;
}
