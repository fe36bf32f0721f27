import { describe, expect, it } from 'vitest';
import { singleIssue } from '../../../test/negotiation-helpers.js';
import { createRng } from '../../common/random.js';
import { acceptConst, acceptNext, acceptTime, createAcceptance, describeAcceptance } from './acceptance.js';
import { createOutcomeSpace, createPattern, integerIssue, type OutcomeSpace } from './outcome-space.js';
import { createPreferences, LinearAdditiveUtility, type PartyPreferences } from './preferences.js';
import type { Turn } from './protocol.js';
import {
  aspiration,
  describeStrategy,
  hardliner,
  power,
  randomStrategy,
  STRATEGY_NAMES,
  strategyFromSpec,
  timeDependent,
  titForTat,
} from './strategies.js';
import type { StrategyContext, StrategyFactory } from './strategy.js';
import { createUtilityIndex } from './utility-index/index.js';

function context(space: OutcomeSpace, preferences: PartyPreferences, seed = 1): StrategyContext {
  return {
    party: 0,
    name: 'me',
    parties: ['me', 'you'],
    space,
    preferences,
    index: createUtilityIndex(space, preferences),
    deadline: { rounds: 100 },
    rng: createRng(seed),
  };
}

const at = (relativeTime: number, round = 0): Turn => ({
  mover: 0,
  phase: 'respond',
  offer: null,
  offeredBy: 1,
  round,
  time: round,
  relativeTime,
});
/** NegMAS's relative time of round r with a 100-round deadline. */
const roundTime = (r: number) => (r + 1) / 101;

/** One issue, values 0…4 worth 1, 0.95, 0.7, 0.3, 0 to me. */
function ladder(reservation = 0) {
  const { space, parties } = singleIssue([[1, 0.95, 0.7, 0.3, 0]], [reservation]);
  return { space, prefs: parties[0]! };
}

describe('aspiration (NegMAS AspirationNegotiator)', () => {
  it('offers the worst outcome at or above θ(t) = umin + (umax − umin)(1 − t⁴) − 0.001', () => {
    const { space, prefs } = ladder();
    const s = aspiration()(context(space, prefs));
    // Round 46: t = 47/101, t⁴ = 0.04689, θ = 0.95211 > 0.95: still the best outcome.
    expect(s.propose(at(roundTime(46), 46))).toEqual([0]);
    // Round 47: t = 48/101, t⁴ = 0.05101, θ = 0.94799: the 0.95 outcome, not the best.
    expect(s.propose(at(roundTime(47), 47))).toEqual([1]);
    expect(s.respond(at(roundTime(47), 47), [1])).toBe('accept');
    expect(s.respond(at(roundTime(47), 47), [2])).toBe('reject');
    // At t = 1 the threshold reaches umin: anything goes.
    expect(s.propose(at(1))).toEqual([4]);
    expect(s.respond(at(1), [4])).toBe('accept');
  });

  it('never goes below its reservation value', () => {
    const { space, prefs } = ladder(0.5);
    const s = aspiration()(context(space, prefs));
    // θ(1) = umin = 0.5: the smallest outcome at or above is 0.7.
    expect(s.propose(at(1))).toEqual([2]);
    expect(s.respond(at(1), [3])).toBe('reject');
    expect(s.respond(at(1), [2])).toBe('accept');
  });

  it('follows the linear and conceder curves and custom exponents', () => {
    const { space, prefs } = ladder();
    // Linear at t = 0.3: θ = 0.699 → 0.7. Conceder (x = 0.25) at t = 0.01: θ = 1 − 0.3162 − 0.001 → 0.7.
    expect(aspiration({ curve: 'linear' })(context(space, prefs)).propose(at(0.3))).toEqual([2]);
    expect(aspiration({ curve: 'conceder' })(context(space, prefs)).propose(at(0.01))).toEqual([2]);
    expect(aspiration({ curve: 1 })(context(space, prefs)).propose(at(0.3))).toEqual([2]);
    // Tolerance 0: at t = 0 the threshold is exactly 1.
    expect(aspiration({ tolerance: 0 })(context(space, prefs)).respond(at(0), [1])).toBe('reject');
  });

  it('walks away when nothing it may offer is worth its reservation value', () => {
    const { space, prefs } = ladder(0.5);
    const forbidden = createPreferences(prefs.utility, {
      reservation: 0.5,
      redLines: [createPattern(space, { x: [0, 1, 2] })],
    });
    const s = aspiration()(context(space, forbidden));
    expect(s.propose(at(0.5))).toBeNull();
    expect(s.respond(at(0.5), [3])).toBe('reject');
  });
});

describe('time-dependent (Faratin, Sierra & Jennings)', () => {
  /** Values 0…4 worth 1, 0.75, 0.5, 0.25, 0. */
  const { space, parties } = singleIssue([[1, 0.75, 0.5, 0.25, 0]]);
  const prefs = parties[0]!;

  it('offers the outcome nearest the target pmin + (pmax − pmin)(1 − t^(1/e))', () => {
    const linear = timeDependent({ e: 1 })(context(space, prefs));
    expect(linear.propose(at(0.3))).toEqual([1]); // target 0.7 → 0.75
    expect(linear.propose(at(0.6))).toEqual([2]); // target 0.4 → 0.5 (0.1 away, 0.25 is 0.15 away)
    expect(timeDependent({ e: 0.2 })(context(space, prefs)).propose(at(0.5))).toEqual([0]); // 1 − 0.5⁵
    expect(timeDependent({ e: 2 })(context(space, prefs)).propose(at(0.25))).toEqual([2]); // 1 − 0.5
    expect(timeDependent({ e: 1, k: 0.2 })(context(space, prefs)).propose(at(0))).toEqual([1]); // 0.8
  });

  it('accepts by AC_next: an offer at least as good as its own next one', () => {
    const linear = timeDependent({ e: 1 })(context(space, prefs));
    expect(linear.respond(at(0.6), [2])).toBe('accept');
    expect(linear.respond(at(0.6), [3])).toBe('reject');
  });

  it('keeps to outcomes worth its reservation value', () => {
    const { space: s2, parties: p2 } = singleIssue([[1, 0.75, 0.5, 0.25, 0]], [0.4]);
    const strategy = timeDependent({ e: 1 })(context(s2, p2[0]!));
    expect(strategy.propose(at(1))).toEqual([2]); // target 0.4; 0.25 is below the reservation
    expect(strategy.respond(at(1), [3])).toBe('reject');
  });

  it('takes other acceptance conditions', () => {
    const constant = timeDependent({ e: 0.2, accept: { const: 0.6 } })(context(space, prefs));
    expect(constant.respond(at(0.1), [1])).toBe('accept');
    expect(constant.respond(at(0.1), [2])).toBe('reject');
    const late = timeDependent({ e: 0.2, accept: { time: 0.9 } })(context(space, prefs));
    expect(late.respond(at(0.5), [3])).toBe('reject');
    expect(late.respond(at(0.95), [3])).toBe('accept');
    const either = timeDependent({ e: 0.2, accept: ['next', { time: 0.9 }] })(context(space, prefs));
    expect(either.respond(at(0.95), [4])).toBe('accept');
  });

  it('named variants carry GENIUS defaults', () => {
    expect(strategyFromSpec('boulware')(context(space, prefs)).propose(at(0.5))).toEqual([0]);
    expect(strategyFromSpec('conceder')(context(space, prefs)).propose(at(0.25))).toEqual([2]);
    expect(strategyFromSpec({ name: 'conceder', e: 1 })(context(space, prefs)).propose(at(0.3))).toEqual([1]);
  });
});

describe('hardliner', () => {
  it('offers its best and accepts nothing worse', () => {
    const { space, prefs } = ladder();
    const s = hardliner()(context(space, prefs));
    expect(s.propose(at(0.99))).toEqual([0]);
    expect(s.respond(at(0.99), [1])).toBe('reject');
    expect(s.respond(at(0.99), [0])).toBe('accept');
  });
});

describe('naive tit-for-tat', () => {
  const { space, parties } = singleIssue([[1, 0.75, 0.5, 0.25, 0]]);
  const offerBy = (x: number) => ({ kind: 'offer' as const, outcome: [x] });

  it('concedes what the other side concedes, and hardens when it retracts', () => {
    const s = titForTat()(context(space, parties[0]!));
    expect(s.propose(at(0))).toEqual([0]); // never concedes first
    s.observe!(1, offerBy(4), at(0));
    expect(s.propose(at(0.1))).toEqual([0]);
    s.observe!(1, offerBy(3), at(0.1)); // the other side gave me 0.25 more
    expect(s.propose(at(0.2))).toEqual([1]);
    s.observe!(1, offerBy(2), at(0.2));
    expect(s.propose(at(0.3))).toEqual([2]);
    expect(s.respond(at(0.3), [2])).toBe('accept');
    s.observe!(1, offerBy(4), at(0.4)); // retraction: back to the top
    expect(s.propose(at(0.5))).toEqual([0]);
    // Its own moves are not the other side's concessions.
    s.observe!(0, offerBy(3), at(0.5));
    expect(s.propose(at(0.5))).toEqual([0]);
  });

  it('kindness scales the reciprocated concession', () => {
    const s = titForTat({ kindness: 1 })(context(space, parties[0]!));
    s.observe!(1, offerBy(4), at(0));
    s.observe!(1, offerBy(3), at(0.1));
    expect(s.propose(at(0.2))).toEqual([2]); // concedes 2 × 0.25
  });
});

describe('random', () => {
  it('offers random acceptable outcomes, deterministically for a seed', () => {
    const space = createOutcomeSpace([integerIssue('x', 0, 9), integerIssue('y', 0, 9)]);
    const prefs = createPreferences(
      new LinearAdditiveUtility([1, 1], [[...Array(10).keys()].map((v) => v / 9), Array(10).fill(0.5)]),
      {
        reservation: 0.5,
        redLines: [createPattern(space, { y: 0 })],
      },
    );
    const draw = (seed: number) => {
      const s = randomStrategy()(context(space, prefs, seed));
      return Array.from({ length: 30 }, () => s.propose(at(0.5))!);
    };
    const offers = draw(7);
    expect(draw(7)).toEqual(offers);
    expect(draw(8)).not.toEqual(offers);
    for (const o of offers) {
      expect(o[1]).not.toBe(0);
      expect(prefs.utility.utility(o)).toBeGreaterThanOrEqual(0.5);
    }
    expect(new Set(offers.map((o) => o.join())).size).toBeGreaterThan(5);
  });

  it('accepts acceptable offers with probability p, never unacceptable ones', () => {
    const { space, prefs } = ladder(0.5);
    const always = randomStrategy({ pAccept: 1 })(context(space, prefs));
    const never = randomStrategy({ pAccept: 0 })(context(space, prefs));
    expect(always.respond(at(0.5), [2])).toBe('accept');
    expect(always.respond(at(0.5), [3])).toBe('reject');
    expect(never.respond(at(0.5), [0])).toBe('reject');
    const some = randomStrategy()(context(space, prefs, 3));
    const accepted = Array.from({ length: 2000 }, () => some.respond(at(0.5), [0])).filter(
      (r) => r === 'accept',
    );
    expect(accepted.length / 2000).toBeGreaterThan(0.12);
    expect(accepted.length / 2000).toBeLessThan(0.18);
  });
});

describe('acceptance conditions', () => {
  const input = (offerUtility: number, next: number | null, relativeTime = 0.5, reservation = 0) => ({
    offerUtility,
    nextUtility: () => next,
    relativeTime,
    reservation,
  });

  it('AC_next, AC_const, AC_time and their disjunction, guarded by the reservation value', () => {
    expect(acceptNext()(input(0.5, 0.5))).toBe(true);
    expect(acceptNext()(input(0.49, 0.5))).toBe(false);
    expect(acceptNext(1.1, 0)(input(0.46, 0.5))).toBe(true);
    expect(acceptNext(1, 0.1)(input(0.41, 0.5))).toBe(true);
    expect(acceptConst(0.7)(input(0.7, 1))).toBe(true);
    expect(acceptTime(0.9)(input(0, 1, 0.95))).toBe(true);
    expect(createAcceptance({ time: 0.9 })(input(0.1, 1, 0.95, 0.2))).toBe(false);
    expect(createAcceptance(['next', { const: 0.9 }])(input(0.95, 1))).toBe(true);
    expect(createAcceptance(['next', { const: 0.9 }])(input(0.85, 1))).toBe(false);
    expect(describeAcceptance(['next', { const: 0.8 }, { time: 0.9 }, { next: { a: 1.1 } }])).toBe(
      'AC_next ∨ AC_const(0.8) ∨ AC_time(0.9) ∨ AC_next(1.1, 0)',
    );
  });
});

describe('strategy specs', () => {
  it('names every built-in and describes parameters', () => {
    const specs = STRATEGY_NAMES;
    const { space, prefs } = ladder();
    for (const spec of specs) {
      const factory: StrategyFactory = strategyFromSpec(spec);
      expect(factory(context(space, prefs)).propose(at(0))).not.toBeNull();
    }
    expect(describeStrategy({ name: 'conceder', e: 2 })).toBe('conceder(e=2)');
    expect(describeStrategy({ name: 'boulware', accept: { const: 0.8 } })).toBe('boulware(AC_const(0.8))');
    expect(describeStrategy('hardliner')).toBe('hardliner');
  });

  it('powers by squaring agree with Math.pow to the last bits', () => {
    for (const t of [0, 0.1, 0.47, 0.99, 1]) {
      expect(power(t, 4)).toBeCloseTo(t ** 4, 15);
      expect(power(t, 0.25)).toBe(t ** 0.25);
    }
  });
});
