import { describe, expect, it } from 'vitest';
import type { EventType } from '../events/index.js';
import { type Minutes, minutes } from '../model/time.js';
import { newsAfter, questionSource } from './reads.js';

const none = () => [];

describe('what a question source reads', () => {
  it('a family is every event type in it but the faction’s own deliberation; an edit is news to all', () => {
    const source = questionSource(none, ['deliberation', 'talks']);
    expect(source.types.has('offer-made')).toBe(true);
    expect(source.types.has('alliance-sought')).toBe(true);
    expect(source.types.has('decision-made')).toBe(false);
    expect(source.types.has('counsel-given')).toBe(false);
    expect(source.types.has('world-edited')).toBe(true);
    expect(source.types.has('engagement')).toBe(false);
    expect(questionSource(none, ['decision-made']).types.has('decision-made')).toBe(true);
  });

  it('news is an event it reads observed in a later tick than the one it was asked in', () => {
    const source = questionSource(none, ['relations']);
    const observed = {
      last: new Map<EventType, Minutes>([
        ['grievance-added', minutes(600)],
        ['engagement', minutes(900)],
      ]),
      late: new Map<EventType, Minutes>(),
      decided: new Map(),
    };
    expect(newsAfter(source, observed, minutes(540))).toBe(true);
    expect(newsAfter(source, observed, minutes(600))).toBe(false);
    // An engagement is not news to a question that reads only relations…
    expect(newsAfter(source, observed, minutes(700))).toBe(false);
    // …and a question that reads the clock needs no news.
    expect(newsAfter(questionSource(none, ['relations', 'clock']), observed, minutes(700))).toBe(true);
  });

  it('another faction’s deed of the tick the question was asked in is news; what it knew is not', () => {
    const source = questionSource(none, ['relations']);
    const heard = {
      last: new Map<EventType, Minutes>([['grievance-added', minutes(600)]]),
      late: new Map<EventType, Minutes>([['grievance-added', minutes(600)]]),
      decided: new Map(),
    };
    expect(newsAfter(source, heard, minutes(600))).toBe(true);
    expect(newsAfter(source, { ...heard, late: new Map() }, minutes(600))).toBe(false);
  });
});
