import { describe, expect, it } from 'vitest';
import {
  bigRFromProbabilities,
  coalitions,
  distanceUtility,
  estimatedRisk,
  littleVictoryProbability,
  probabilisticCondorcet,
  scalarPce,
  thirdPartyVote,
  victoryProbability,
  vote,
  weightedDistance,
} from './ktab-kernel.js';

describe('KTAB voting rules', () => {
  it('scales the utility difference by the voter weight, per rule', () => {
    // du = 0.8 − 0.5 = 0.3, weight 2.
    expect(vote('Prop', 2, 0.8, 0.5)).toBeCloseTo(0.6, 12);
    expect(vote('Binary', 2, 0.8, 0.5)).toBe(2); // saturates beyond 1e-8
    expect(vote('Binary', 2, 0.5, 0.5 + 5e-9)).toBeCloseTo(-1, 6); // −5e-9 / 1e-8 = −½ → 2 × −½
    expect(vote('PropBin', 2, 0.8, 0.5)).toBeCloseTo(2 * (0.8 * 0.3 + 0.2), 12);
    expect(vote('Cubic', 2, 0.8, 0.5)).toBeCloseTo(2 * 0.027, 12);
    expect(vote('PropCbc', 2, 0.8, 0.5)).toBeCloseTo(2 * (0.15 + 0.0135), 12);
    expect(vote('ASymProsp', 3, 0.8, 0.5)).toBeCloseTo((2 * 3 * 0.3) / 3, 12); // gains count ⅔
    expect(vote('ASymProsp', 3, 0.5, 0.8)).toBeCloseTo(-0.9, 12); // losses in full
    expect(vote('ASymProsp', 3, 0.5, 0.5)).toBe(0);
  });
});

describe('KTAB victory probabilities', () => {
  it('raises strengths to the model power', () => {
    expect(victoryProbability('Linear', 3, 1)[0]).toBeCloseTo(0.75, 12);
    expect(victoryProbability('Square', 3, 1)[0]).toBeCloseTo(0.9, 12);
    expect(victoryProbability('Quartic', 3, 1)[0]).toBeCloseTo(81 / 82, 12);
    expect(victoryProbability('Octic', 2, 1)[0]).toBeCloseTo(256 / 257, 12);
  });

  it('uses a 10 % threshold in the Binary model, interpolating closer contests', () => {
    expect(victoryProbability('Binary', 1.1, 1)[0]).toBeCloseTo(1 / (1 + 1e-6), 12);
    // s1 = s2: r = ½, p = (½ × 2.1 − 1) / 0.1 = ½.
    expect(victoryProbability('Binary', 1, 1)[0]).toBeCloseTo(0.5, 12);
  });
});

/**
 * A three-actor case worked by hand: positions 0.2, 0.5, 0.8 on one dimension, capabilities 1, 1, 2,
 * risk-neutral utilities u_k(j) = 1 − |x_k − x_j|:
 *   u_A = (1, 0.7, 0.4), u_B = (0.7, 1, 0.7), u_C = (0.4, 0.7, 1).
 * Proportional votes for B over A: A −0.3, B +0.3, C 2 × 0.3 = +0.6, so c(B,A) = 0.9, c(A,B) = 0.3.
 * C over A: A −0.6, B 0, C +1.2 → c(C,A) = 1.2, c(A,C) = 0.6. C over B: A −0.3, B −0.3, C +0.6.
 * Linear victory probabilities: P(B>A) = ¾, P(C>A) = ⅔, P(C>B) = ½.
 * Conditional PCE: A ½·¼·⅓ = 1/24, B ¾·½·½ = 3/16, C ⅔·½·½ = 1/6; normalised 2/19, 9/19, 8/19.
 * Mid risk range: R = (3p − (pMax + 2pMin)) / (2(pMax − pMin)) = (3p − 13/19) / (14/19):
 *   R_A = −½, R_B = 1, R_C = 11/14.
 */
describe('KTAB coalitions, PCE and risk on a hand-worked three-actor case', () => {
  const u = [
    [1, 0.7, 0.4],
    [0.7, 1, 0.7],
    [0.4, 0.7, 1],
  ];
  const w = [1, 1, 2];

  it('sums positive votes into coalition strengths', () => {
    const c = coalitions((k, i, j) => vote('Prop', w[k]!, u[k]![i]!, u[k]![j]!), 3, 3);
    expect(c.get(1, 0)).toBeCloseTo(0.9, 7);
    expect(c.get(0, 1)).toBeCloseTo(0.3, 7);
    expect(c.get(2, 0)).toBeCloseTo(1.2, 7);
    expect(c.get(0, 2)).toBeCloseTo(0.6, 7);
    expect(c.get(2, 1)).toBeCloseTo(0.6, 7);
    expect(c.get(1, 2)).toBeCloseTo(0.6, 7);
    expect(c.get(1, 1)).toBe(1e-8);
  });

  it('gives the conditional PCE distribution 2/19, 9/19, 8/19', () => {
    const p = scalarPce(3, 3, w, (k, j) => u[k]![j]!, 'Prop', 'Linear', 'Conditional');
    expect(p[0]).toBeCloseTo(2 / 19, 7);
    expect(p[1]).toBeCloseTo(9 / 19, 7);
    expect(p[2]).toBeCloseTo(8 / 19, 7);
  });

  it('maps probabilities to risk attitudes on each range', () => {
    const p = [2 / 19, 9 / 19, 8 / 19];
    const mid = bigRFromProbabilities(p, 'Mid');
    expect(mid[0]).toBeCloseTo(-0.5, 12);
    expect(mid[1]).toBeCloseTo(1, 12);
    expect(mid[2]).toBeCloseTo(11 / 14, 12);
    expect(bigRFromProbabilities(p, 'Min')).toEqual([0, 1, 6 / 7].map((x) => expect.closeTo(x, 12)));
    expect(bigRFromProbabilities(p, 'Max')).toEqual([-1, 1, 5 / 7].map((x) => expect.closeTo(x, 12)));
    // Equal probabilities: KTAB would divide by zero; every actor is risk-neutral here.
    expect(bigRFromProbabilities([0.5, 0.5], 'Mid')).toEqual([0, 0]);
  });

  it('finds a stationary distribution with the Markov PCE models', () => {
    const c = coalitions((k, i, j) => vote('Prop', w[k]!, u[k]![i]!, u[k]![j]!), 3, 3);
    const uniform = probabilisticCondorcet('MarkovUniform', 'Linear', c);
    expect(uniform.p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    // Fixed point of p_i = Σ_j P(i>j)(p_i + p_j) / n.
    uniform.p.forEach((pi, i) => {
      let q = 0;
      for (let j = 0; j < 3; j++) q += uniform.victory.get(i, j) * (pi + uniform.p[j]!);
      expect(q / 3).toBeCloseTo(pi, 5);
    });
    const incentive = probabilisticCondorcet('MarkovIncentive', 'Linear', c).p;
    expect(incentive.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    // A, the extreme with the weakest coalitions, is the least likely either way.
    expect(Math.min(...uniform.p)).toBe(uniform.p[0]);
    expect(Math.min(...incentive)).toBe(incentive[0]);
  });
});

describe('KTAB utilities and third parties', () => {
  it('blends risk estimates', () => {
    expect(estimatedRisk(-0.5, 1, 'OneThird')).toBeCloseTo(0, 12);
    expect(estimatedRisk(-0.5, 1, 'Half')).toBeCloseTo(0.25, 12);
    expect(estimatedRisk(-0.5, 1, 'TwoThirds')).toBeCloseTo(0.5, 12);
    expect(estimatedRisk(-0.5, 1, 'Full')).toBe(1);
    expect(estimatedRisk(-0.5, 1, 'None')).toBe(-0.5);
  });

  it('values a distance by (1 − d)(1 + dR)', () => {
    expect(distanceUtility(0.3, -0.5)).toBeCloseTo(0.7 * 0.85, 12);
    expect(distanceUtility(0.3, 0)).toBeCloseTo(0.7, 12);
    expect(distanceUtility(1.2, 0.5)).toBeCloseTo(-0.2 * 1.5, 12);
  });

  it('weights distance by salience', () => {
    // d = (0.3, 0.4), s = (1, 0): only the first dimension counts.
    expect(weightedDistance([0.5, 0.5], [0.2, 0.9], [1, 0])).toBeCloseTo(0.3, 12);
    // s = (1, 1): sqrt((0.09 + 0.16) / 2).
    expect(weightedDistance([0.5, 0.5], [0.2, 0.9], [1, 1])).toBeCloseTo(Math.sqrt(0.125), 12);
  });

  it('lets a third party join the side it expects to serve it best', () => {
    // From the hand-worked SMP case below: u_ni = 0.382857…, u_nj = 0.685, u_nn = 1,
    // principals' coalitions 0.405 : 0.3 (plus 1e-10 each).
    const uni = 0.4 * (1 - 0.6 / 14);
    const unj = 0.7 * (1 - 0.3 / 14);
    const pin = littleVictoryProbability('Prop', 1, uni, unj, 0.405 + 1e-10, 0.3 + 1e-10);
    expect(pin).toBeCloseTo(0.405 / (0.405 + 0.3 + (unj - uni)), 9);
    // Semi-committed: joining i yields 2u_ni + u_nn if (i, n) wins, 3u_nj if j wins;
    // joining j yields 3u_ni if i wins, 2u_nj + u_nn if (j, n) wins.
    const joinI = pin * (2 * uni + 1) + (1 - pin) * 3 * unj;
    const joinJ = pin * 3 * uni + (1 - pin) * (2 * unj + 1);
    expect(thirdPartyVote(1, 'Prop', 'SemiCommit', pin, 1 - pin, uni, unj, 1)).toBeCloseTo(joinI - joinJ, 12);
    expect(thirdPartyVote(1, 'Prop', 'SemiCommit', pin, 1 - pin, uni, unj, 1)).toBeCloseTo(0.0598404, 6);
    // Fully committed third parties value only the winner's position: 3(p u_ni + (1−p) u_nj) both ways.
    expect(thirdPartyVote(1, 'Prop', 'FullCommit', pin, 1 - pin, uni, unj, 1)).toBeCloseTo(0, 12);
  });
});
