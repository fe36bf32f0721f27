import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../common/random.js';
import { buildWorld } from '../engine/initial-world.js';
import { loadScenario } from '../scenario/loader.js';
import type { Person } from '../model/world.js';
import { deliberate, type Option, type Question } from './deliberation.js';
import type { Doctrine } from '../model/vocabulary.js';

const scenarioFrom = (text: string) => loadScenario(text, 'test.yaml');

// A leader and two advisors whose counsel weighs with her.
const world = buildWorld(
  scenarioFrom(`
version: 1
id: council
title: A council
duration: 1h
locations: [{ id: here, name: Here }]
factions: [{ id: blue, name: Blue, culture: blue, leader: ada }]
persons:
  - { id: ada, name: Ada, faction: blue, role: leader, at: here }
  - { id: bo, name: Bo, faction: blue, role: officer, at: here, influence: { ada: 0.8 } }
  - { id: cy, name: Cy, faction: blue, role: officer, at: here, influence: { ada: 0.6 } }
`).spec,
);
const members = Object.values(world.persons).sort((a, b) => (a.id < b.id ? -1 : 1));
const ada = world.persons['ada' as never] as Person;

const hold: Option = {
  id: 'hold',
  label: 'hold',
  acts: [],
  terms: [{ name: 'caution', value: 0.1 }],
  statusQuo: true,
};
const act = (id: string, value: number, veto: string | null = null): Option => ({
  id,
  label: id.replace(/-/g, ' '),
  acts: [{ intent: { type: 'hold' } }],
  terms: [{ name: 'gain', value, note: `${id} pays` }],
  veto,
});

const question = (
  options: (judge: Person) => Option[],
  doctrine: Doctrine = 'autocratic',
  counselled = true,
): Question => ({
  id: 'test',
  topic: 'what to do',
  decider: ada,
  options,
  counselled,
  doctrine,
});

const chosenOf = (q: Question, seed = 1) => {
  const decisions = deliberate(q, members, createRng(seed)).decisions;
  return decisions.filter((d) => d.actor === 'ada' && d.intent.type !== 'counsel');
};

describe('deliberation', () => {
  it('never chooses a vetoed option, however well it scores, and lists it with the veto', () => {
    const [d] = chosenOf(
      question(() => [hold, act('sell-secrets', 5, 'principle:no-secrets'), act('trade', 1)]),
    );
    expect(d?.choice).toBe('trade');
    expect(d?.options?.find((o) => o.option === 'sell-secrets')?.vetoedBy).toBe('principle:no-secrets');
    expect(d?.reasons.some((r) => r.startsWith('not sell secrets'))).toBe(true);
  });

  it('chooses nothing when every option is vetoed', () => {
    expect(chosenOf(question(() => [act('a', 1, 'x'), act('b', 2, 'y')]))).toEqual([]);
  });

  it('gives counsel first: advisors judge by their own lights and say why', () => {
    const decisions = deliberate(
      question(() => [hold, act('trade', 1)]),
      members,
      createRng(1),
    ).decisions;
    const counsel = decisions.filter((d) => d.intent.type === 'counsel');
    expect(counsel.map((d) => d.actor).sort()).toEqual(['bo', 'cy']);
    expect(counsel.every((d) => d.reasons.includes('trade pays'))).toBe(true);
    expect(decisions.indexOf(counsel[0]!)).toBe(0);
    const final = decisions.find((d) => d.actor === 'ada');
    expect(final?.counsel?.map((c) => c.position)).toEqual(['for', 'for']);
    // Autocratic doctrine: counsel enters the leader's score as a named term.
    expect(final?.options?.find((o) => o.option === 'trade')?.terms.map((t) => t.name)).toContain('counsel');
  });

  it('under consensus, one objection keeps the status quo', () => {
    // The advisors see no gain in trading; the leader does.
    const options = (judge: Person) => [hold, act('trade', judge.id === 'ada' ? 2 : -2)];
    expect(chosenOf(question(options, 'autocratic'))[0]?.choice).toBe('trade');
    expect(chosenOf(question(options, 'consensus'))[0]?.choice).toBe('hold');
  });

  it('under a council vote, two advisors outvote the leader', () => {
    const options = (judge: Person) => [hold, act('trade', judge.id === 'ada' ? 0.5 : -2)];
    expect(chosenOf(question(options, 'council'))[0]?.choice).toBe('hold');
  });

  it('explains every option: its terms add up to its score (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom<Doctrine>('autocratic', 'council', 'consensus'),
        (values, vetoes, seed, doctrine) => {
          const options = () => [
            hold,
            ...values.map((v, i) => act(`o${i}`, v, vetoes[i] ? `rule-${i}` : null)),
          ];
          for (const d of chosenOf(question(options, doctrine), seed)) {
            const chosen = d.options?.find((o) => o.option === d.choice);
            expect(chosen?.vetoedBy ?? null).toBeNull();
            for (const o of d.options ?? []) {
              const sum = o.terms.reduce((s, t) => s + t.value, 0);
              // Terms and scores are rounded to 1/1000 each.
              expect(Math.abs(sum - o.score)).toBeLessThanOrEqual(0.0005 * (o.terms.length + 1));
            }
          }
        },
      ),
    );
  });
});
