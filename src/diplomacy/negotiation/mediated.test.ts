import { describe, expect, it } from 'vitest';
import { createMediated, type MediatedState } from './mediated.js';
import { createOutcomeSpace, integerIssue } from './outcome-space.js';
import { MEDIATOR, type Move, type NegotiationEvent } from './protocol.js';

const space = createOutcomeSpace([integerIssue('x', 0, 3)]);
const machine = createMediated({ space, parties: ['a', 'b'], mediator: 'tersa', deadline: { rounds: 2 } });
const text = (x: number): Move => ({ kind: 'offer', outcome: [x] });
const accept: Move = { kind: 'accept' };
const reject: Move = { kind: 'reject' };

function play(moves: readonly Move[]): { state: MediatedState; events: NegotiationEvent[] } {
  const events: NegotiationEvent[] = [];
  let state = machine.start();
  for (const m of moves) state = machine.apply(state, m, (e) => events.push(e));
  return { state, events };
}

describe('mediated single-text negotiation', () => {
  it('the mediator proposes, every party votes, and a text all accept is the agreement', () => {
    expect(machine.expected(machine.start())).toMatchObject({
      mover: MEDIATOR,
      phase: 'propose',
      offer: null,
    });
    const { state, events } = play([text(1), accept, reject, text(2), accept, accept]);
    expect(events).toEqual([
      { type: 'offer', round: 0, time: 0, party: 'tersa', outcome: { x: 1 } },
      { type: 'accept', round: 0, time: 0, party: 'a', outcome: { x: 1 } },
      { type: 'reject', round: 0, time: 0, party: 'b', outcome: { x: 1 } },
      { type: 'offer', round: 1, time: 1, party: 'tersa', outcome: { x: 2 } },
      { type: 'accept', round: 1, time: 1, party: 'a', outcome: { x: 2 } },
      { type: 'accept', round: 1, time: 1, party: 'b', outcome: { x: 2 } },
      { type: 'agreement', round: 1, time: 1, outcome: { x: 2 } },
    ]);
    expect(state).toMatchObject({ status: 'agreement', agreement: [2], rounds: 2 });
  });

  it('every party votes even after a veto', () => {
    const s = play([text(1), reject]).state;
    expect(machine.expected(s)).toMatchObject({
      mover: 1,
      phase: 'respond',
      offer: [1],
      offeredBy: MEDIATOR,
    });
  });

  it('times out after the last round without a unanimous text', () => {
    const { state, events } = play([text(1), reject, reject, text(2), accept, reject]);
    expect(state).toMatchObject({ status: 'timeout', rounds: 2 });
    expect(events.at(-1)).toEqual({ type: 'timeout', round: 2, time: 2 });
  });

  it('ends when a party walks out or the mediator gives up', () => {
    expect(play([text(1), { kind: 'walk-away', reason: 'red-line' }]).state).toMatchObject({
      status: 'walk-away',
      endedBy: 0,
    });
    const gaveUp = play([{ kind: 'walk-away', reason: 'nothing-to-offer' }]);
    expect(gaveUp.state).toMatchObject({ status: 'walk-away', endedBy: MEDIATOR });
    expect(gaveUp.events[0]).toMatchObject({ type: 'walk-away', party: 'tersa' });
  });

  it('only the mediator proposes', () => {
    const s = play([text(1)]).state;
    expect(() => machine.apply(s, text(2))).toThrow(/only the mediator proposes/);
    expect(() => machine.apply(machine.start(), accept)).toThrow(/proposes a text or gives up/);
  });
});
