import { describe, expect, it } from 'vitest';
import { milestoneSchema } from '../scenario/schema.js';
import { dueOutcomes, matchMilestone, matchMilestones, valuesAt } from './milestones.js';
import type { WorldEvent } from '../events/index.js';

const ev = (seq: number, t: number, payload: Record<string, unknown>) =>
  ({ seq, t, ...payload }) as unknown as WorldEvent;

const log: WorldEvent[] = [
  ev(0, 0, {
    type: 'negotiation-opened',
    negotiation: 'a',
    parties: ['x', 'y'],
    initiator: 'x',
    aboard: null,
    at: null,
    channel: null,
  }),
  ev(1, 0, {
    type: 'negotiation-opened',
    negotiation: 'b',
    parties: ['x', 'z'],
    initiator: 'x',
    aboard: null,
    at: null,
    channel: null,
  }),
  ev(2, 60, {
    type: 'offer-made',
    negotiation: 'a',
    agreement: 'a',
    by: 'x',
    speaker: 'p',
    kind: 'offer',
    provisions: [{ kind: 'aid', resource: 'food', amount: 5 }],
    excluded: [],
  }),
  ev(3, 120, {
    type: 'negotiation-ended',
    negotiation: 'b',
    outcome: 'walk-out',
    by: 'x',
    speaker: 'p',
    reason: '',
  }),
  ev(4, 600, {
    type: 'negotiation-ended',
    negotiation: 'a',
    outcome: 'walk-out',
    by: 'x',
    speaker: 'p',
    reason: '',
  }),
];

const milestone = (spec: unknown) => milestoneSchema.parse({ id: 'm', title: 'M', ...(spec as object) });

describe('milestone matching', () => {
  it('crosses lists in paths', () => {
    expect(valuesAt(log[2], ['provisions', 'resource'])).toEqual(['food']);
    expect(valuesAt({ a: [{ b: [1, 2] }, { b: [3] }] }, ['a', 'b'])).toEqual([1, 2, 3]);
  });

  it('finds the earliest completion, backtracking over earlier candidates when `same` fails', () => {
    const m = milestone({
      steps: [
        { event: 'negotiation-opened', where: { parties: 'x' } },
        { event: 'offer-made', same: ['negotiation'] },
        { event: 'negotiation-ended', where: { outcome: 'walk-out' }, same: ['negotiation'] },
      ],
    });
    expect(matchMilestone(m, log)).toMatchObject({ reached: true, seq: 4 });
  });

  it('supports in, all, none, min/max, exists, some and allOf', () => {
    const reached = (where: unknown) =>
      matchMilestone(milestone({ steps: [{ event: 'offer-made', where }] }), log).reached;
    expect(reached({ by: { in: ['x', 'q'] } })).toBe(true);
    expect(reached({ 'provisions.kind': { all: ['aid'] } })).toBe(true);
    expect(reached({ 'provisions.kind': { none: ['aid'] } })).toBe(false);
    expect(reached({ 'provisions.amount': { min: 5, max: 5 } })).toBe(true);
    expect(reached({ 'provisions.amount': { min: 6 } })).toBe(false);
    expect(reached({ 'provisions.giver': { exists: true } })).toBe(false);
    expect(reached({ provisions: { some: { kind: 'aid', amount: { max: 10 } } } })).toBe(true);
    expect(reached({ provisions: { some: { kind: 'aid', amount: { min: 10 } } } })).toBe(false);
    expect(
      reached({ provisions: { allOf: [{ some: { kind: 'aid' } }, { some: { resource: 'food' } }] } }),
    ).toBe(true);
  });

  it('honours `within` and `unless`', () => {
    const steps = [
      { event: 'offer-made', where: { negotiation: 'a' } },
      { event: 'negotiation-ended', where: { negotiation: 'a' } },
    ];
    expect(matchMilestone(milestone({ steps, within: '10h' }), log).reached).toBe(true);
    expect(matchMilestone(milestone({ steps, within: '8h' }), log).reached).toBe(false);
    const unless = [{ event: 'negotiation-ended', where: { negotiation: 'b' } }];
    expect(matchMilestone(milestone({ steps, unless }), log)).toMatchObject({ reached: false, seq: null });
  });

  it('compares a field with another field of the previous step (`same: [{ field: previousField }]`)', () => {
    // Talks b were opened by x with z; x then walks out of talks b: `by` holds the initiator.
    const walkOut = (same: unknown) =>
      matchMilestone(
        milestone({
          steps: [
            { event: 'negotiation-opened', where: { negotiation: 'b' } },
            { event: 'negotiation-ended', same },
          ],
        }),
        log,
      );
    expect(walkOut([{ by: 'initiator' }])).toMatchObject({ reached: true, seq: 3 });
    // `by` must hold every value of the previous step's `parties` (x and z); it holds only x.
    expect(walkOut([{ by: 'parties' }]).reached).toBe(false);
  });

  it('refuses a step when a `without` pattern matches between the previous step and it', () => {
    const steps = (without: unknown[]) => [
      { event: 'negotiation-opened', where: { negotiation: 'a' } },
      { event: 'negotiation-ended', where: { negotiation: 'a' }, without },
    ];
    // An offer in talks a comes between their opening and their end; one in talks b does not.
    const offerInSame = [{ event: 'offer-made', same: ['negotiation'] }];
    expect(matchMilestone(milestone({ steps: steps(offerInSame) }), log).reached).toBe(false);
    const endOfOther = [{ event: 'negotiation-ended', where: { negotiation: 'b' } }];
    expect(matchMilestone(milestone({ steps: steps(endOfOther) }), log).reached).toBe(false);
    const offerElsewhere = [{ event: 'offer-made', where: { negotiation: 'b' } }];
    expect(matchMilestone(milestone({ steps: steps(offerElsewhere) }), log)).toMatchObject({
      reached: true,
      seq: 4,
    });
  });

  it('says whether each milestone was reached on time: `by` from the start, `within` after another', () => {
    const ms = [
      milestone({ id: 'opened', steps: [{ event: 'negotiation-opened' }], due: { by: '1h' } }),
      milestone({ id: 'offered', steps: [{ event: 'offer-made' }], due: { by: '30m' } }),
      milestone({
        id: 'ended',
        steps: [{ event: 'negotiation-ended', where: { negotiation: 'a' } }],
        due: { after: 'offered', within: '10h' },
      }),
      milestone({
        id: 'ended-soon',
        steps: [{ event: 'negotiation-ended', where: { negotiation: 'a' } }],
        due: { after: 'offered', within: '8h' },
      }),
      milestone({ id: 'undated', steps: [{ event: 'offer-made' }] }),
      milestone({ id: 'never', steps: [{ event: 'war-declared' }], due: { by: '1d' } }),
    ];
    // Opened at 0 (by 1h: on time); offered at 1h (by 30m: late); ended at 10h, 9h after the offer.
    expect(dueOutcomes(ms, matchMilestones(ms, log), log)).toEqual([true, false, true, false, null, null]);
  });
});
