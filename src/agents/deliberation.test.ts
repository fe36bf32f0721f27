import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../common/random.js';
import { buildWorld } from '../engine/initial-world.js';
import { loadScenario } from '../scenario/loader.js';
import type { Person } from '../model/world.js';
import {
  CLEAR_MARGIN,
  JUDGEMENT_BOUND,
  deliberate,
  judgementBound,
  type Option,
  type Question,
} from './deliberation.js';
import type { Doctrine } from '../model/vocabulary.js';

/** A faction of one leader, Ada, and advisors (each `name: influence on Ada`). */
const councilOf = (advisors: Readonly<Record<string, number>>) =>
  buildWorld(
    loadScenario(
      `
version: 1
id: council
title: A council
duration: 1h
locations: [{ id: here, name: Here }]
factions: [{ id: blue, name: Blue, culture: blue, leader: ada }]
persons:
  - { id: ada, name: Ada, faction: blue, role: leader, at: here }
${Object.entries(advisors)
  .map(
    ([id, w]) =>
      `  - { id: ${id}, name: ${id}, faction: blue, role: officer, at: here, influence: { ada: ${w} } }`,
  )
  .join('\n')}
`,
      'test.yaml',
    ).spec,
  );

// A leader and two advisors whose counsel weighs with her.
const world = councilOf({ bo: 0.8, cy: 0.6 });
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

  it("gives no counsel when an advisor's own terms do not clearly favour anything", () => {
    // Bo and Cy see trade and holding as near equals: whatever their reading, they have no counsel.
    const options = (judge: Person) => [hold, act('trade', judge.id === 'ada' ? 1 : 0.15)];
    for (const seed of [1, 2, 3, 4, 5]) {
      const decisions = deliberate(question(options), members, createRng(seed)).decisions;
      expect(decisions.filter((d) => d.intent.type === 'counsel')).toEqual([]);
      const final = decisions.find((d) => d.actor === 'ada');
      expect(final?.counsel).toEqual([]);
      expect(final?.options?.flatMap((o) => o.terms.map((t) => t.name))).not.toContain('counsel');
    }
  });
});

// Four advisors of equal influence: two see a gain in the change, two a loss.
const council = councilOf({ bo: 0.5, cy: 0.5, di: 0.5, ed: 0.5 });
const fourMembers = Object.values(council.persons).sort((a, b) => (a.id < b.id ? -1 : 1));
const termOf = (o: { terms: readonly { name: string; value: number }[] } | undefined, name: string) =>
  o?.terms.filter((t) => t.name === name).reduce((s, t) => s + t.value, 0) ?? 0;

describe('counsel, counted once', () => {
  const ally: Option = {
    id: 'ally',
    label: 'ally',
    acts: [{ intent: { type: 'hold' } }],
    terms: [],
  };
  const askFour = (gain: (judge: Person) => number, seed = 1) => {
    const q: Question = {
      id: 'test',
      topic: 'an alliance',
      decider: council.persons['ada' as never] as Person,
      options: (judge) => [
        { ...hold, terms: [] },
        { ...ally, terms: [{ name: 'gain', value: gain(judge), note: 'it pays' }] },
      ],
      counselled: true,
      doctrine: 'autocratic',
    };
    return deliberate(q, fourMembers, createRng(seed)).decisions;
  };

  it('two advisors for a change and two against it cancel: neither option gains from counsel', () => {
    const split = (judge: Person) =>
      judge.id === 'bo' || judge.id === 'cy' ? 1 : judge.id === 'ada' ? 0 : -1;
    for (const seed of [1, 2, 3]) {
      const decisions = askFour(split, seed);
      const given = decisions.filter((d) => d.intent.type === 'counsel');
      expect(given.map((d) => (d.intent as { position: string }).position).sort()).toEqual([
        'against',
        'against',
        'for',
        'for',
      ]);
      const final = decisions.find((d) => d.actor === 'ada' && d.intent.type !== 'counsel');
      const ally = final?.options?.find((o) => o.option === 'ally');
      const quo = final?.options?.find((o) => o.option === 'hold');
      expect(termOf(ally, 'counsel')).toBeCloseTo(termOf(quo, 'counsel'), 3);
      expect(termOf(ally, 'counsel')).toBeGreaterThan(0);
    }
  });

  it('one objection weighs as much as one supporter, on the status quo only', () => {
    const one = (judge: Person) => (judge.id === 'bo' ? -1 : judge.id === 'ada' ? 0 : 0.1);
    const final = askFour(one).find((d) => d.actor === 'ada' && d.intent.type !== 'counsel');
    const w = termOf(
      final?.options?.find((o) => o.option === 'hold'),
      'counsel',
    );
    expect(w).toBeGreaterThan(0);
    expect(
      termOf(
        final?.options?.find((o) => o.option === 'ally'),
        'counsel',
      ),
    ).toBe(0);
    const oneFor = (judge: Person) => (judge.id === 'bo' ? 1 : judge.id === 'ada' ? 0 : 0.1);
    const other = askFour(oneFor).find((d) => d.actor === 'ada' && d.intent.type !== 'counsel');
    expect(
      termOf(
        other?.options?.find((o) => o.option === 'ally'),
        'counsel',
      ),
    ).toBeCloseTo(w, 3);
  });
});

describe('reasons: because and against', () => {
  const attend: Option = {
    id: 'attend',
    label: 'attend',
    acts: [{ intent: { type: 'hold' } }],
    terms: [
      { name: 'peace', value: 0.3, note: 'a chance of peace' },
      { name: 'distrust', value: -0.4, note: 'distrust of the sponsors' },
      { name: 'distance', value: -0.2, note: 'distance' },
    ],
  };
  const decline: Option = {
    id: 'decline',
    label: 'decline',
    acts: [],
    terms: [{ name: 'pride', value: -0.5, note: 'pride hurts' }],
    statusQuo: true,
  };

  it('quotes only the terms that support the choice, and shows the others as against', () => {
    // Attending scores below zero, yet better than declining: its merits are the reasons.
    const [d] = chosenOf(question(() => [attend, decline], 'autocratic', false));
    expect(d?.choice).toBe('attend');
    expect(d?.reasons).toEqual(['a chance of peace']);
    expect(d?.against).toEqual(['distrust of the sponsors', 'distance']);
  });

  it('keeping things as they are is explained by what the change would cost', () => {
    const costly: Option = { ...attend, terms: [{ name: 'risk', value: -1, note: 'a trap' }] };
    const [d] = chosenOf(question(() => [costly, { ...decline, terms: [] }], 'autocratic', false));
    expect(d?.choice).toBe('decline');
    expect(d?.reasons).toEqual(['a trap']);
    expect(d?.against).toBeUndefined();
  });

  it("counsel quotes what sets the advisor's favourite above the alternative, not what both share", () => {
    const shared = { name: 'danger', value: 2, note: 'we are in danger either way' };
    const options = (judge: Person) => [
      { ...hold, terms: [...hold.terms, shared] },
      {
        ...attend,
        terms: [
          shared,
          { name: 'gain', value: judge.id === 'ada' ? 0 : 1.5, note: 'it pays' },
          { name: 'cost', value: -0.5, note: 'it costs' },
        ],
      },
    ];
    const counsel = deliberate(question(options), members, createRng(1)).decisions.filter(
      (d) => d.intent.type === 'counsel',
    );
    expect(counsel.length).toBe(2);
    for (const c of counsel) expect(c.reasons).toEqual(['it pays']);
  });
});

describe('judgement: scaled by temper, bounded', () => {
  const temper = fc.record({
    aggression: fc.double({ min: 0, max: 1, noNaN: true }),
    caution: fc.double({ min: 0, max: 1, noNaN: true }),
    pride: fc.constant(0.5),
    honour: fc.double({ min: 0, max: 1, noNaN: true }),
    patience: fc.double({ min: 0, max: 1, noNaN: true }),
    suspicion: fc.constant(0.5),
  });

  it('the steady stray less than the impulsive', () => {
    const steady = { ...ada, personality: { ...ada.personality, patience: 0.95, caution: 0.9 } };
    const rash = { ...ada, personality: { ...ada.personality, patience: 0.1, caution: 0.1 } };
    expect(judgementBound(steady)).toBeLessThan(judgementBound(ada));
    expect(judgementBound(ada)).toBeLessThan(judgementBound(rash));
    expect(judgementBound(rash)).toBeLessThanOrEqual(JUDGEMENT_BOUND);
  });

  it('never overturns a clear balance: with a margin above CLEAR_MARGIN, no seed changes the choice (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 5 }),
        temper,
        temper,
        temper,
        fc.integer({ min: 0, max: 1_000_000 }),
        (values, mine, bos, cys, seed) => {
          const who: Record<string, Person['personality']> = { ada: mine, bo: bos, cy: cys };
          const people = members.map((m) => ({ ...m, personality: who[m.id] ?? m.personality }));
          const decider = people.find((m) => m.id === 'ada')!;
          // Each judge reads the options a little differently (their values differ).
          const options = (judge: Person) => [
            hold,
            ...values.map((v, i) =>
              act(`o${i}`, v + (judge.id === 'ada' ? 0 : 0.3 * judge.personality.honour)),
            ),
          ];
          const q: Question = { ...question(options), decider };
          const decisions = deliberate(q, people, createRng(seed)).decisions;
          const d = decisions.find((x) => x.actor === 'ada' && x.intent.type !== 'counsel');
          const scored = d?.options ?? [];
          for (const o of scored) {
            const j = o.terms.find((t) => t.name === 'judgement')!;
            expect(Math.abs(j.value)).toBeLessThanOrEqual(judgementBound(decider) + 1e-9);
          }
          // What the terms say without judgement (counsel included: it is the same for every seed).
          const substance = scored
            .map((o) => ({
              id: o.option,
              v: o.terms.filter((t) => t.name !== 'judgement').reduce((s, t) => s + t.value, 0),
            }))
            .sort((a, b) => b.v - a.v);
          const [first, second] = substance;
          if (first && second && first.v - second.v > CLEAR_MARGIN) expect(d?.choice).toBe(first.id);
          // Counsel comes from the advisors' own terms: another seed, the same counsel.
          const again = deliberate(q, people, createRng(seed + 1)).decisions;
          const counselOf = (ds: typeof decisions) =>
            ds.filter((x) => x.intent.type === 'counsel').map((x) => [x.actor, x.intent, x.reasons]);
          expect(counselOf(again)).toEqual(counselOf(decisions));
        },
      ),
      { numRuns: 300 },
    );
  });
});
