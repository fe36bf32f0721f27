/**
 * The strategic reasons in the value of an alliance (src/agents/models/strategy.ts), read on a small
 * world (test/fixtures/strategy/rising-threat.yaml): a secure realm, a neighbour that may turn
 * hostile, a partner both could court, and a third power. Each variation changes one thing in the
 * text and checks that the term moves the way its theory says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/agents/run.js';
import type { Term } from '../../src/agents/models/valuation.js';
import { ALARM } from '../../src/agents/questions/security.js';
// The library's exports (src/core.ts): what a user computes the strategic terms with.
import { assessThreat, FactionView, strategicTerms } from '../../src/core.js';
import { buildWorld } from '../../src/engine/initial-world.js';
import type { WorldEvent } from '../../src/events/index.js';
import { id } from '../../src/model/ids.js';
import type { Call, World } from '../../src/model/world.js';
import { scenarioFrom } from '../support.js';

const base = readFileSync('test/fixtures/strategy/rising-threat.yaml', 'utf8');

/** The fixture with each `[from, to]` replacement made (each must change the text). */
function variant(...edits: readonly (readonly [string, string])[]): string {
  let text = base;
  for (const [from, to] of edits) {
    const next = text.replace(from, to);
    expect(next, `the fixture contains ${from}`).not.toBe(text);
    text = next;
  }
  return text;
}

const HOSTILE: [string, string] = [
  '{ from: realm, to: rival, mutual: true, status: neutral }',
  '{ from: realm, to: rival, mutual: true, status: hostile }',
];
const RISEN: [string, string] = ['faction: rival, firepower: 4', 'faction: rival, firepower: 12'];
const relation = (line: string): [string, string] => ['relations:\n', `relations:\n  - ${line}\n`];

const worldOf = (text: string) => buildWorld(scenarioFrom(text).spec);

/** The strategic terms of an alliance with `partner` as the realm's queen weighs them. */
function termsIn(world: World, partner = 'partner', caution?: number): Term[] {
  const view = new FactionView(world, id.faction('realm'));
  const queen = view.leader();
  const judge = caution === undefined ? queen : { ...queen, personality: { ...queen.personality, caution } };
  return strategicTerms(view, assessThreat(view), id.faction(partner), judge);
}
const terms = (text: string, partner?: string, caution?: number) => termsIn(worldOf(text), partner, caution);
const value = (ts: readonly Term[], name: string) => ts.find((t) => t.name === name)?.value ?? 0;

describe('balance of threat (Walt 1987)', () => {
  it('appears when a rival threatens us, and weighs more the more hostile the rival', () => {
    const calm = value(terms(base), 'balance of threat');
    const hostile = terms(variant(HOSTILE));
    expect(value(hostile, 'balance of threat')).toBeGreaterThan(calm);
    expect(hostile.find((t) => t.name === 'balance of threat')?.note).toBe(
      "keeps partner's strength from rival",
    );
    const war = value(
      terms(variant([HOSTILE[0], '{ from: realm, to: rival, mutual: true, status: war }'])),
      'balance of threat',
    );
    expect(war).toBeGreaterThan(value(hostile, 'balance of threat'));
  });

  it('weighs more the more readily the partner could align with the rival: neutral, hostile, at war; nothing for its ally', () => {
    const aligned = (status: string) =>
      value(
        terms(variant(HOSTILE, relation(`{ from: partner, to: rival, mutual: true, status: ${status} }`))),
        'balance of threat',
      );
    const [neutral, hostile, war] = [aligned('neutral'), aligned('hostile'), aligned('war')] as const;
    expect(neutral).toBeGreaterThan(hostile);
    expect(hostile).toBeGreaterThan(war);
    // At war with the rival, or bound to it already, the partner's strength cannot be kept from it:
    // what is left is the weight of another rival.
    for (const status of ['war', 'allied']) {
      const bound = terms(
        variant(HOSTILE, relation(`{ from: partner, to: rival, mutual: true, status: ${status} }`)),
      );
      expect(bound.find((t) => t.name === 'balance of threat')?.note ?? '').not.toContain('from rival');
    }
    // A shared culture draws partner and rival together.
    const kin = terms(variant(HOSTILE, ['culture: partner', 'culture: rival']));
    expect(value(kin, 'balance of threat')).toBeGreaterThan(neutral);
  });

  it('weighs more the stronger the partner whose strength is at stake', () => {
    const weak = value(terms(variant(HOSTILE)), 'balance of threat');
    const strong = value(
      terms(variant(HOSTILE, ['faction: partner, firepower: 5', 'faction: partner, firepower: 9'])),
      'balance of threat',
    );
    expect(strong).toBeGreaterThan(weak);
  });
});

describe('the war expected', () => {
  it('is nothing without hostility, and grows with the hostility and the strength of the rival', () => {
    expect(value(terms(base), 'war expected')).toBeLessThan(0.01);
    const hostile = value(terms(variant(HOSTILE)), 'war expected');
    const risen = value(terms(variant(HOSTILE, RISEN)), 'war expected');
    expect(hostile).toBeGreaterThan(0.01);
    expect(risen).toBeGreaterThan(hostile);
  });

  it('grows when the rival is already at war nearby, and is not counted for a war already under way', () => {
    const hostile = value(terms(variant(HOSTILE)), 'war expected');
    const fighting = terms(
      variant(HOSTILE, [
        'relations:\n',
        'wars:\n  - { id: west-war, name: the western war, sides: [[rival], [third]] }\nrelations:\n',
      ]),
    );
    expect(value(fighting, 'war expected')).toBeGreaterThan(hostile);
    expect(fighting.find((t) => t.name === 'war expected')?.note).toContain(
      'rival is hostile and already at war',
    );
    const atWar = terms(variant(relation('{ from: realm, to: rival, mutual: true, status: war }')));
    expect(value(atWar, 'war expected')).toBe(0);
  });
});

describe('entrapment (Snyder 1984)', () => {
  const quarrel = relation('{ from: partner, to: third, mutual: true, status: hostile }');

  it("costs when the partner has quarrels of its own, more for the cautious and the more aggressive the partner's record", () => {
    expect(value(terms(base), 'entrapment')).toBe(0);
    const bold = value(terms(variant(quarrel), 'partner', 0.1), 'entrapment');
    const cautious = value(terms(variant(quarrel), 'partner', 0.9), 'entrapment');
    expect(bold).toBeLessThan(0);
    expect(cautious).toBeLessThan(bold);
    const war = (aggressor: string) =>
      value(
        terms(
          variant(quarrel, [
            'relations:\n',
            `wars:\n  - { id: old-war, name: the old war, sides: [[${aggressor}], [${aggressor === 'partner' ? 'rival' : 'partner'}]] }\nrelations:\n`,
          ]),
        ),
        'entrapment',
      );
    expect(war('partner')).toBeLessThan(war('rival'));
  });

  it('costs nothing for quarrels with those already hostile to us', () => {
    const mine = variant(quarrel, relation('{ from: realm, to: third, status: war }'));
    expect(value(terms(mine), 'entrapment')).toBeGreaterThan(value(terms(variant(quarrel)), 'entrapment'));
  });
});

describe("the partner's record of honouring calls", () => {
  const pact = `agreements:
  - id: pact
    parties: [partner, third]
    provisions: [{ kind: defence }]
relations:
`;
  /** The fixture's world with calls to the partner under its public pact, answered as given. */
  function answered(...statuses: Call['status'][]): World {
    const world = worldOf(variant(['relations:\n', pact]));
    const calls: Record<string, Call> = {};
    statuses.forEach((status, i) => {
      const call = {
        id: `call-${i}`,
        agreement: 'pact',
        provision: 0,
        obligation: 'defence',
        support: 'active',
        from: 'third',
        to: 'partner',
        war: 'war-1',
        against: ['rival'],
        conditionsMet: true,
        failing: null,
        issuedAt: 0,
        powerAtSigning: 5,
        powerNow: 5,
        status,
        invoked: null,
      } as unknown as Call;
      calls[call.id] = call;
    });
    return { ...world, calls: calls as World['calls'] };
  }

  it('is absent without a record, worth more for calls honoured and less for calls reneged', () => {
    expect(termsIn(answered()).find((t) => t.name === "partner's record")).toBeUndefined();
    const faithful = termsIn(answered('honoured', 'honoured', 'honoured'));
    const faithless = termsIn(answered('reneged', 'lapsed', 'honoured'));
    expect(value(faithful, "partner's record")).toBeGreaterThan(0);
    expect(value(faithless, "partner's record")).toBeLessThan(0);
    expect(faithful.find((t) => t.name === "partner's record")?.note).toBe('partner honoured 3 of 3 calls');
  });
});

const ofType = <T extends WorldEvent['type']>(events: readonly WorldEvent[], type: T) =>
  events.filter((e): e is Extract<WorldEvent, { type: T }> => e.type === type);

describe('a secure power facing a rising threat', () => {
  it('stands alone while the neighbour is weak and calm, and seeks an ally once it grows strong and hostile', () => {
    const calm = runScenario(scenarioFrom(base), { mode: 'autonomous', seed: 1 });
    expect(ofType(calm.events, 'decision-made').filter((d) => d.question === 'security')).toEqual([]);
    expect(ofType(calm.events, 'alliance-sought')).toEqual([]);

    const risen = variant(HOSTILE, RISEN);
    // Secure by the measure of its own danger: not vulnerable enough to look for allies on that ground.
    const view = new FactionView(worldOf(risen), id.faction('realm'));
    expect(assessThreat(view).vulnerability).toBeLessThan(ALARM);
    for (const seed of [1, 2, 3]) {
      const { events } = runScenario(scenarioFrom(risen), { mode: 'autonomous', seed });
      const decision = ofType(events, 'decision-made').find((d) => d.question === 'security');
      expect(decision?.choice).toBe('seek-alliance');
      const seek = decision?.options.find((o) => o.option === 'seek-alliance');
      const names = seek?.terms.map((t) => t.name) ?? [];
      expect(names).toEqual(expect.arrayContaining(['balance of threat', 'war expected']));
      expect(ofType(events, 'alliance-sought').map((e) => e.faction)).toContain('realm');
    }
  });

  it('fears abandonment when the others have paired off in defence pacts', () => {
    const paired = variant(HOSTILE, RISEN, [
      'relations:\n',
      'agreements:\n  - { id: axis, parties: [rival, third], provisions: [{ kind: defence }] }\nrelations:\n',
    ]);
    const { events } = runScenario(scenarioFrom(paired), { mode: 'autonomous', seed: 1 });
    const decision = ofType(events, 'decision-made').find((d) => d.question === 'security');
    const terms = decision?.options.find((o) => o.option === 'seek-alliance')?.terms ?? [];
    expect(terms.find((t) => t.name === 'abandonment')?.value).toBeGreaterThan(0);
    const alone = runScenario(scenarioFrom(variant(HOSTILE, RISEN)), { mode: 'autonomous', seed: 1 });
    const before = ofType(alone.events, 'decision-made').find((d) => d.question === 'security');
    expect(before?.options.find((o) => o.option === 'seek-alliance')?.terms.map((t) => t.name)).not.toContain(
      'abandonment',
    );
  });
});
