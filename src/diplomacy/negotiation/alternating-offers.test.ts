import { describe, expect, it } from 'vitest';
import { type AlternatingOffersState, createAlternatingOffers } from './alternating-offers.js';
import { createOutcomeSpace, integerIssue } from './outcome-space.js';
import type { Move, NegotiationEvent, ProtocolMachine } from './protocol.js';

const space = createOutcomeSpace([integerIssue('x', 0, 3)]);
const offer = (x: number): Move => ({ kind: 'offer', outcome: [x] });
const accept: Move = { kind: 'accept' };

/** Applies moves in turn, collecting the events. */
function play(machine: ProtocolMachine<AlternatingOffersState>, moves: readonly Move[]) {
  const events: NegotiationEvent[] = [];
  let state = machine.start();
  const states = [state];
  for (const m of moves) {
    state = machine.apply(state, m, (e) => events.push(e));
    states.push(state);
  }
  return { state, events, states };
}

describe('bilateral alternating offers', () => {
  const machine = createAlternatingOffers({ space, parties: ['a', 'b'], deadline: { rounds: 3 } });

  it('opens with an offer, alternates and agrees when the other side accepts', () => {
    const start = machine.start();
    expect(machine.expected(start)).toEqual({
      mover: 0,
      phase: 'propose',
      offer: null,
      offeredBy: -2,
      round: 0,
      time: 0,
      relativeTime: 1 / 4,
    });
    const { state, events, states } = play(machine, [offer(0), offer(3), accept]);
    expect(machine.expected(states[1]!)).toMatchObject({
      mover: 1,
      phase: 'respond',
      offer: [0],
      offeredBy: 0,
    });
    expect(machine.expected(states[2]!)).toMatchObject({ mover: 0, round: 1, time: 1, relativeTime: 2 / 4 });
    expect(events).toEqual([
      { type: 'offer', round: 0, time: 0, party: 'a', outcome: { x: 0 } },
      { type: 'counter-offer', round: 0, time: 0, party: 'b', outcome: { x: 3 } },
      { type: 'accept', round: 1, time: 1, party: 'a', outcome: { x: 3 } },
      { type: 'agreement', round: 1, time: 1, outcome: { x: 3 } },
    ]);
    expect(state).toMatchObject({ status: 'agreement', agreement: [3], rounds: 2, endedBy: null });
    expect(machine.expected(state)).toBeNull();
  });

  it('times out at the start of the round after the last, like NegMAS (N rounds played)', () => {
    const { state, events } = play(machine, [offer(0), offer(1), offer(0), offer(1), offer(0), offer(1)]);
    expect(state).toMatchObject({ status: 'timeout', agreement: null, rounds: 3, round: 3, time: 3 });
    expect(events.at(-1)).toEqual({ type: 'timeout', round: 3, time: 3 });
    expect(events.filter((e) => e.type === 'counter-offer')).toHaveLength(5);
  });

  it('ends when a party walks away, naming it', () => {
    const { state, events } = play(machine, [offer(0), { kind: 'walk-away', reason: 'red-line' }]);
    expect(state).toMatchObject({ status: 'walk-away', endedBy: 1, rounds: 1 });
    expect(events.at(-1)).toEqual({ type: 'walk-away', round: 0, time: 0, party: 'b', reason: 'red-line' });
  });

  it('refuses moves the protocol does not allow', () => {
    const s = machine.start();
    expect(() => machine.apply(s, accept)).toThrow(/no offer on the table/);
    expect(() => machine.apply(s, { kind: 'reject' })).toThrow(/counter-offer/);
    expect(() => machine.apply(s, offer(4))).toThrow(/invalid outcome/);
    const done = play(machine, [{ kind: 'walk-away' }]).state;
    expect(() => machine.apply(done, offer(0))).toThrow(/ended/);
  });

  it('never mutates a state, and states and events are plain JSON', () => {
    const { states, events } = play(machine, [offer(0), offer(3), accept]);
    const copies = states.map((s) => JSON.parse(JSON.stringify(s)));
    play(machine, [offer(1), offer(2), offer(1)]);
    expect(states).toEqual(copies);
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
  });

  it('honours a deadline in simulated time', () => {
    const timed = createAlternatingOffers({
      space,
      parties: ['a', 'b'],
      deadline: { time: 5 },
      roundDuration: 2,
    });
    const s = timed.start();
    expect(timed.expected(s)!.relativeTime).toBe(0);
    const { state } = play(timed, [offer(0), offer(1), offer(0), offer(1), offer(0), offer(1)]);
    // Rounds start at times 0, 2, 4; the fourth would start at 6 ≥ 5.
    expect(state).toMatchObject({ status: 'timeout', rounds: 3, time: 6 });
    const both = createAlternatingOffers({
      space,
      parties: ['a', 'b'],
      deadline: { rounds: 9, time: 10 },
      roundDuration: 4,
    });
    const afterOne = play(both, [offer(0), offer(1)]).state;
    expect(both.expected(afterOne)!.relativeTime).toBe(0.4); // max(2/10, 4/10)
  });

  it('times out before any move when the deadline is zero rounds', () => {
    const none = createAlternatingOffers({ space, parties: ['a', 'b'], deadline: { rounds: 0 } });
    expect(none.start()).toMatchObject({ status: 'timeout', rounds: 0 });
    expect(none.expected(none.start())).toBeNull();
  });
});

describe('stacked alternating offers (three parties)', () => {
  const machine = createAlternatingOffers({ space, parties: ['a', 'b', 'c'], deadline: { rounds: 10 } });

  it('agrees once every other party has accepted the standing offer in turn', () => {
    const { state, events } = play(machine, [offer(2), accept, accept]);
    expect(state).toMatchObject({ status: 'agreement', agreement: [2], rounds: 1 });
    expect(events.map((e) => e.type)).toEqual(['offer', 'accept', 'accept', 'agreement']);
  });

  it('a counter-offer cancels earlier acceptances', () => {
    const { state, states } = play(machine, [offer(2), accept, offer(1), accept, accept]);
    expect(states[3]).toMatchObject({ acceptances: 1, standing: [1], standingBy: 2 });
    expect(state).toMatchObject({ status: 'agreement', agreement: [1], rounds: 2 });
    expect(machine.name).toBe('stacked-alternating-offers');
  });
});
