import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../src/engine/initial-world.js';
import { fold } from '../../src/events/index.js';
import { settingsOf } from '../../src/engine/settings.js';
import { defaultScenario } from '../support.js';
import type { NegotiationId } from '../../src/model/ids.js';
import { runScenario } from '../../src/agents/run.js';
import { talksSpace } from '../../src/agents/talks-space.js';

describe('talks in utility space', () => {
  const scenario = defaultScenario();
  const result = runScenario(scenario, { seed: 1 });
  /** The world just after the talks' last move. */
  const spaceOf = (id: string) => {
    const last = result.events.filter((e) => 'negotiation' in e && e.negotiation === id).at(-1)!;
    const world = fold(buildWorld(scenario.spec), result.events.slice(0, last.seq + 1));
    return talksSpace(world, id as NegotiationId, settingsOf(scenario.spec))!;
  };

  it('places every offer by both parties’ utilities, with the frontier and the Nash point', () => {
    const s = spaceOf('federation-trabe-talks');
    expect(s.parties).toEqual(['federation', 'trabe']);
    expect(s.offers.length).toBe(
      result.world.negotiations['federation-trabe-talks' as NegotiationId]!.offers.length,
    );
    expect(s.pareto.length).toBeGreaterThan(1);
    // No frontier point is dominated by another.
    for (const p of s.pareto)
      for (const q of s.pareto)
        expect(
          q.utilities[0] >= p.utilities[0] &&
            q.utilities[1] >= p.utilities[1] &&
            q !== p &&
            (q.utilities[0] > p.utilities[0] || q.utilities[1] > p.utilities[1]),
        ).toBe(false);
    // The Nash point is on the frontier, and maximises the product of gains over the reservations.
    const gain = (u: readonly number[]) => (u[0]! - s.reservations[0]) * (u[1]! - s.reservations[1]);
    expect(s.pareto.map((p) => p.terms.join()).includes(s.nash!.terms.join())).toBe(true);
    for (const p of s.pareto)
      if (p.utilities[0] >= s.reservations[0] && p.utilities[1] >= s.reservations[1])
        expect(gain(p.utilities)).toBeLessThanOrEqual(gain(s.nash!.utilities) + 1e-12);
  });

  it('has no agreement space when one side demands what the other forbids', () => {
    const s = spaceOf('federation-nistrim-talks');
    expect(s.issues).toContain('exchange of crews (10 each)');
    expect(s.offers.map((o) => o.kind)).toEqual(['offer', 'demand']);
    expect(s.pareto).toEqual([]);
    expect(s.nash).toBeNull();
  });
});
