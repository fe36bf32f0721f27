import { describe, expect, it } from 'vitest';
import { runEuModel } from './eu-model.js';
import type { ForecastIssue } from './types.js';

/**
 * Three actors worked by hand (span Δ = 100): A at 0 (capability 1, salience 1), B at 50 (1, ½),
 * C at 100 (2, ½). Vote weights c·s: 1, ½, 1.
 *
 * Median voter: cumulative weight 1, 1.5, 2.5 of 2.5 → μ = 50.
 * P_AB: votes A +1·50/100 = 0.5, B −0.5·50/100 = −0.25, C −1·50/100 = −0.5 → 0.5 / 1.25 = 0.4.
 * Likewise P_BA = 0.6, P_AC = P_CA = 0.5, P_BC = 0.6, P_CB = 0.4.
 * Risk-neutral (r = 1): U^s = 2d, U^f = −2d, U^sq = 0, so E(a→b) = 2d (1 − 2 s_b (1 − P_ab)):
 * E(A→B) = 0.4, E(B→A) = 0.2, E(A→C) = 1, E(C→A) = 0, E(B→C) = 0.6, E(C→B) = 0.4.
 * Security S = (0.2, 0.8, 1.6); R = (2S − 1.8)/1.4 = (−1, −1/7, 1); r = (1 − R/3)/(1 + R/3) = (2, 1.1, ½).
 *
 * Offers, each receiver with its own r. B (r = 1.1) against A (d = ½): U^s = 2 − 4·¼^1.1 = 1.129…,
 * U^f = 2 − 4·¾^1.1 = −0.914…, U^sq = 2 − 4·½^1.1 = 0.1339…;
 * u = E^B(B→A) = 0.6 U^s + 0.4 U^f − U^sq = 0.177766; v = E^B(A→B) = ½(0.4 U^s + 0.6 U^f) + ½ U^s − U^sq
 * = 0.382203: v > u > 0, B expects to lose a conflict and takes A's position 0.
 * C (r = ½) against A (d = 1): U^s = 2, U^f = −2, U^sq = 2 − 4/√2; u = 0.828427, v = 1.828427:
 * conflict, to 0. Against B (d = ½): U^s = 0, U^f = 2 − 4√¾; u = 0.389197, v = 0.535607: conflict, to 50.
 * C accepts the offer that moves it least, B's. A receives no offer (u ≥ 0 > v against both).
 */
const threeActors: ForecastIssue = {
  dimensions: ['x'],
  scale: [0, 100],
  actors: [
    { name: 'A', capability: 1, positions: [0], saliences: [100] },
    { name: 'B', capability: 1, positions: [50], saliences: [50] },
    { name: 'C', capability: 2, positions: [100], saliences: [50] },
  ],
};

describe('expected-utility model on a hand-worked three-actor case', () => {
  const run = runEuModel(threeActors);
  const round0 = run.dimensions[0]!.rounds[0]!;

  it('finds the median voter and the risk exponents', () => {
    expect(round0.median).toBe(50);
    expect(round0.riskExponents[0]).toBeCloseTo(2, 12);
    expect(round0.riskExponents[1]).toBeCloseTo(1.1, 12);
    expect(round0.riskExponents[2]).toBeCloseTo(0.5, 12);
  });

  it('classifies the offers and their expected utilities', () => {
    const offer = (from: number, to: number) => round0.offers.find((o) => o.from === from && o.to === to);
    expect(round0.offers).toHaveLength(3);
    expect(offer(0, 1)).toMatchObject({ kind: 'conflict', position: 0, accepted: true });
    expect(offer(0, 1)!.receiverUtility).toBeCloseTo(0.177766, 6);
    expect(offer(0, 1)!.senderUtility).toBeCloseTo(0.382203, 6);
    expect(offer(0, 2)).toMatchObject({ kind: 'conflict', position: 0, accepted: false });
    expect(offer(0, 2)!.receiverUtility).toBeCloseTo(0.828427, 6);
    expect(offer(0, 2)!.senderUtility).toBeCloseTo(1.828427, 6);
    expect(offer(1, 2)).toMatchObject({ kind: 'conflict', position: 50, accepted: true });
    expect(offer(1, 2)!.receiverUtility).toBeCloseTo(0.389197, 6);
    expect(offer(1, 2)!.senderUtility).toBeCloseTo(0.535607, 6);
  });

  it('moves everyone at once after the round', () => {
    expect(run.dimensions[0]!.rounds[1]!.positions).toEqual([0, 0, 50]);
  });

  it('classifies compromise and capitulation by |u| against v', () => {
    // C (r = ½) challenged by a strong A: shrink C's salience so that C expects less from resisting.
    const issue: ForecastIssue = {
      ...threeActors,
      actors: [
        { name: 'A', capability: 10, positions: [0], saliences: [100] },
        { name: 'B', capability: 1, positions: [40], saliences: [10] },
        { name: 'C', capability: 1, positions: [100], saliences: [100] },
      ],
    };
    const offers = runEuModel(issue, { maxRounds: 1 }).dimensions[0]!.rounds[0]!.offers;
    for (const o of offers) {
      const u = o.receiverUtility;
      const v = o.senderUtility;
      expect(v).toBeGreaterThan(0);
      if (o.kind === 'conflict') expect(u).toBeGreaterThan(0);
      if (o.kind === 'compromise') {
        expect(u).toBeLessThan(0);
        expect(v).toBeGreaterThan(-u);
      }
      if (o.kind === 'capitulation') {
        expect(u).toBeLessThan(0);
        expect(v).toBeLessThanOrEqual(-u);
      }
    }
    expect(new Set(offers.map((o) => o.kind)).size).toBeGreaterThan(1);
  });
});

describe("expected-utility model on Bueno de Mesquita's EC emissions example", () => {
  // Bueno de Mesquita (1994, Table 1), as used by Scholz et al. (2011): the year by which emission
  // standards should apply to medium-sized cars; capability, position (years) and salience.
  const data: [string, number, number, number][] = [
    ['Netherlands', 0.08, 4, 80],
    ['Belgium', 0.08, 7, 40],
    ['Luxembourg', 0.03, 4, 20],
    ['Germany', 0.16, 4, 80],
    ['France', 0.16, 10, 60],
    ['Italy', 0.16, 10, 60],
    ['UK', 0.16, 10, 90],
    ['Ireland', 0.05, 7, 10],
    ['Denmark', 0.05, 4, 100],
    ['Greece', 0.08, 7, 70],
  ];
  const issue: ForecastIssue = {
    dimensions: ['year'],
    scale: [4, 10],
    actors: data.map(([name, capability, x, s]) => ({ name, capability, positions: [x], saliences: [s] })),
  };

  it("reproduces the first-round risk exponents printed by Masad's replication (net probability reading)", () => {
    // Values printed in the notebook "Comparison with Original" of dmasad/BDM_DecisionModel_Replication.
    const printed = [
      1.1271980463, 0.780917839132, 0.5, 1.1271980463, 1.07789229892, 1.07789229892, 2.0, 0.524782172174,
      1.47169654498, 1.14047944802,
    ];
    const r = runEuModel(issue, { probability: 'net' }).dimensions[0]!.rounds[0]!;
    expect(r.median).toBe(7);
    printed.forEach((v, i) => {
      expect(r.riskExponents[i]).toBeCloseTo(v, 9);
    });
  });

  it('offers every reading of the paper as an option', () => {
    const base = runEuModel(issue, { maxRounds: 3 }).forecast[0]!;
    expect(base).toBeGreaterThanOrEqual(4);
    expect(base).toBeLessThanOrEqual(10);
    const variants = [
      { probability: 'all-pairs' as const },
      { resistance: 'as-printed' as const },
      { statusQuo: 'flipped' as const, q: 0.5 },
      { offerChoice: 'strongest-challenger' as const },
      { outcome: 'mean' as const },
      { risk: 'neutral' as const },
    ];
    const rounds = variants.map((v) =>
      runEuModel(issue, { ...v, maxRounds: 3 })
        .dimensions[0]!.rounds.map((r) => r.positions.join(','))
        .join('|'),
    );
    const reference = runEuModel(issue, { maxRounds: 3 })
      .dimensions[0]!.rounds.map((r) => r.positions.join(','))
      .join('|');
    // Every reading but the read-out changes the course of the rounds on this example.
    rounds.slice(0, 4).forEach((r) => {
      expect(r).not.toBe(reference);
    });
  });

  it('with Q = 1 the sign of the (1 − Q) term does not matter', () => {
    const a = runEuModel(issue, { statusQuo: 'paper' });
    const b = runEuModel(issue, { statusQuo: 'flipped' });
    expect(a.forecast).toEqual(b.forecast);
  });
});
