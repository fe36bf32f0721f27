import { describe, expect, it } from 'vitest';
import { twoByTwo } from '../../negotiation-helpers.js';
import { analyseBargaining } from '../../../src/diplomacy/negotiation/analysis.js';
import { runNegotiation } from '../../../src/diplomacy/negotiation/negotiate.js';
import {
  negotiationReport,
  renderReport,
  renderTranscript,
} from '../../../src/diplomacy/negotiation/report.js';

describe('negotiation reports', () => {
  const { space, parties } = twoByTwo();
  const setup = {
    space,
    parties: [
      { name: 'federation', preferences: parties[0]!, strategy: 'hardliner' as const },
      { name: 'nistrim', preferences: parties[1]!, strategy: { name: 'random' as const, pAccept: 1 } },
    ],
    deadline: { rounds: 5 },
  };
  const result = runNegotiation(setup, { seed: 1 });
  const report = negotiationReport(setup, result, analyseBargaining(space, parties));

  it('give the agreement, utilities by party, the transcript and the analysis as plain data', () => {
    expect(report).toMatchObject({
      protocol: 'alternating-offers',
      status: 'agreement',
      agreement: { a: 'a0', b: 'b0' },
      rounds: 1,
      utilities: { federation: 1, nistrim: 0 },
      analysis: {
        method: 'dynamic-programming',
        nash: { outcome: { a: 'a1', b: 'b0' }, utilities: { federation: 0.5, nistrim: 0.75 } },
        distances: { pareto: 0 },
      },
    });
    expect(report.analysis.distances!.nash).toBeCloseTo(Math.hypot(0.5, 0.75), 12);
    expect(report.analysis.pareto).toHaveLength(3);
    expect(report.transcript).toEqual(result.events);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('render a transcript and a summary as text', () => {
    expect(renderTranscript(result.events)).toEqual([
      'round   1  federation  offers      a=a0, b=b0',
      'round   1  nistrim     accepts     a=a0, b=b0',
      'round   1              agreement   a=a0, b=b0',
    ]);
    const text = renderReport(report);
    expect(text).toContain('Agreement after 1 round: a=a0, b=b0');
    expect(text).toContain('Nash         a=a1, b=b0   (federation 0.500, nistrim 0.750)   distance 0.901');
  });
});
