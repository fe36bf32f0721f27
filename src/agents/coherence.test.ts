import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorldEvent } from '../events/index.js';
import { loadScenario } from '../scenario/loader.js';
import { coherenceReport, duplicateIntents, measureCoherence, repeatedDecisions } from './coherence.js';

const file = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'coherence.yaml');
const spec = loadScenario(readFileSync(file, 'utf8'), file).spec;

/** A log of payloads, each stamped with its place and a time in minutes. */
const logOf = (entries: readonly [number, Record<string, unknown>][]): WorldEvent[] =>
  entries.map(([t, payload], seq) => ({ seq, t, ...payload }) as unknown as WorldEvent);

const decision = (options: { judgement?: number; danger?: number; choice?: string } = {}) => ({
  type: 'decision-made',
  actor: 'ada',
  faction: 'blue',
  question: 'security',
  decision: 'hold',
  choice: options.choice ?? 'wait',
  summary: 'stands alone',
  reasons: [],
  options: [
    {
      option: 'wait',
      score: 0,
      vetoedBy: null,
      terms: [
        { name: 'danger', value: options.danger ?? 0.5 },
        { name: 'judgement', value: options.judgement ?? 0.1 },
      ],
    },
    { option: 'act', score: 0, vetoedBy: null, terms: [{ name: 'counsel', value: options.judgement ?? 0 }] },
  ],
  counsel: [],
});

const moved = (person: string, ship: string, means = 'transporter') => ({
  type: 'person-moved',
  person,
  to: { kind: 'ship', ship },
  means,
});

describe('repeated decisions', () => {
  it('counts the same choice on the same terms, whatever the judgement and counsel drew', () => {
    const log = logOf([
      [0, decision({ judgement: 0.1 })],
      [360, decision({ judgement: -0.2 })],
      [720, decision({ judgement: 0.3 })],
    ]);
    expect(repeatedDecisions(log)).toBe(2);
  });

  it('does not count a decision whose terms changed, or a different choice', () => {
    const log = logOf([
      [0, decision()],
      [360, decision({ danger: 0.6 })],
      [720, decision({ danger: 0.6, choice: 'act' })],
      [1080, decision({ danger: 0.6 })],
    ]);
    expect(repeatedDecisions(log)).toBe(0);
  });
});

describe('duplicate intents', () => {
  it('counts an act carried out again in the same tick, and not in the next', () => {
    const board = { ...decision(), question: 'rejoin', decision: 'board', summary: 'returns aboard' };
    const log = logOf([
      [60, board],
      [60, moved('bo', 'blue-ship')],
      [60, { ...board, actor: 'ada' }],
      [60, moved('bo', 'blue-ship')],
      [120, board],
      [120, moved('bo', 'blue-ship')],
    ]);
    expect(duplicateIntents(log)).toBe(1);
  });
});

describe('measureCoherence', () => {
  it('counts a move undone within a day, unless the stay served something', () => {
    const there = logOf([
      [60, moved('ada', 'red-ship')],
      [120, moved('ada', 'blue-ship')],
    ]);
    expect(measureCoherence(spec, there).reversedMoves).toBe(1);
    const talks = logOf([
      [60, moved('ada', 'red-ship')],
      [
        90,
        {
          type: 'offer-rejected',
          negotiation: 'n',
          agreement: 'n',
          by: 'blue',
          speaker: 'ada',
          reason: '',
          principle: null,
          provisions: [],
        },
      ],
      [120, moved('ada', 'blue-ship')],
    ]);
    expect(measureCoherence(spec, talks).reversedMoves).toBe(0);
    const voyage = (back: number) =>
      logOf([
        [0, { type: 'ship-departed', ship: 'blue-ship', from: 'here', to: 'there', arrivesAt: 60 }],
        [60, { type: 'ship-arrived', ship: 'blue-ship', location: 'there' }],
        [back, { type: 'ship-departed', ship: 'blue-ship', from: 'there', to: 'here', arrivesAt: back + 60 }],
      ]);
    expect(measureCoherence(spec, voyage(120)).reversedMoves).toBe(1);
    expect(measureCoherence(spec, voyage(60 + 25 * 60)).reversedMoves).toBe(0);
  });

  it('counts a proposer who sets out elsewhere before the reply arrives', () => {
    const proposal = {
      type: 'message-sent',
      message: 'message-1',
      from: 'blue',
      to: 'red',
      sender: 'ada',
      recipients: ['rex'],
      channel: null,
      topic: 'proposal',
      text: 'talks?',
      arrivesAt: 60,
    };
    const reply = {
      ...proposal,
      message: 'message-2',
      from: 'red',
      to: 'blue',
      sender: 'rex',
      recipients: ['ada'],
    };
    // The reply arrives at 2h; Ada's ship sets out for elsewhere at `leavesAt`.
    const abandoned = (leavesAt: number) =>
      measureCoherence(
        spec,
        logOf([
          [0, proposal],
          [60, { ...reply, topic: 'acceptance', arrivesAt: 120 }],
          [
            leavesAt,
            { type: 'ship-departed', ship: 'blue-ship', from: 'here', to: 'there', arrivesAt: leavesAt + 60 },
          ],
        ]),
      ).abandonedProposals;
    expect(abandoned(90)).toBe(1);
    expect(abandoned(180)).toBe(0);
  });

  it('matches the scenario’s incoherence patterns, and the report gives each a share', () => {
    const detained = { type: 'person-detained', person: 'bo', by: 'red', at: 'there', reason: '' };
    const gift = {
      type: 'resources-transferred',
      from: 'blue',
      to: 'red',
      resource: 'food',
      amount: 1,
      purpose: '',
    };
    const escape = (persons: string[]) => ({
      type: 'prisoners-escaped',
      persons,
      from: 'there',
      rescuers: null,
      to: { kind: 'location', location: 'here' },
    });
    const held = measureCoherence(
      spec,
      logOf([
        [0, detained],
        [60, escape(['cy'])],
        [120, gift],
      ]),
    );
    const freed = measureCoherence(
      spec,
      logOf([
        [0, detained],
        [60, escape(['cy', 'bo'])],
        [120, gift],
      ]),
    );
    expect(held.patterns).toEqual(['aid-to-captors']);
    expect(freed.patterns).toEqual([]);
    const report = coherenceReport(spec, [held, freed, freed, freed]);
    expect(report).toMatchObject({ runs: 4, patterns: [{ id: 'aid-to-captors', share: 0.25, runs: 1 }] });
    expect(report.perRun.repeatedDecisions).toEqual({ median: 0, p90: 0, max: 0, total: 0 });
  });
});
