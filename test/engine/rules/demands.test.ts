/**
 * Demands put first (an ultimatum), the right of passage and stated undertakings as provisions, a
 * call answered by its treaty's name, and script steps a variant can remove by id.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/agents/run.js';
import { InputError } from '../../../src/common/errors.js';
import { valueProvision } from '../../../src/agents/models/valuation.js';
import { assessThreat } from '../../../src/agents/models/threat.js';
import { FactionView } from '../../../src/agents/view.js';
import type { FactionId } from '../../../src/model/ids.js';
import type { Minutes } from '../../../src/model/time.js';
import { describeProvision, type Provision } from '../../../src/model/provision.js';
import { loadScenario } from '../../../src/scenario/loader.js';
import { buildWorld } from '../../../src/engine/initial-world.js';

/** North demands passage of Middle, which refuses on principle; North invades; West honours its guarantee. */
const WORLD = `version: 1
id: demands
title: A demand of passage
duration: 2d
locations:
  - { id: north-land, name: the north, controlledBy: north }
  - { id: middle-land, name: the middle, controlledBy: middle }
  - { id: west-land, name: the west, controlledBy: west }
distances:
  - { between: [north-land, middle-land], distance: 2 }
  - { between: [middle-land, west-land], distance: 2 }
  - { between: [north-land, west-land], distance: 4 }
factions:
  - { id: north, name: the North, culture: north, leader: nat }
  - id: middle
    name: the Middle
    culture: middle
    leader: mo
    principles:
      - { id: no-passage, text: No army crosses our land., forbids: { provisions: [{ kind: passage, giver: self }] } }
  - { id: west, name: the West, culture: west, leader: wes }
persons:
  - { id: nat, name: Nat, faction: north, role: leader, at: north-land }
  - { id: envoy, name: the North's envoy, faction: north, role: envoy, at: middle-land }
  - { id: mo, name: Mo, faction: middle, role: leader, at: middle-land }
  - { id: wes, name: Wes, faction: west, role: leader, at: west-land }
forces:
  - { id: north-army, name: the northern army, faction: north, firepower: 8, at: north-land }
  - { id: middle-army, name: the middle army, faction: middle, firepower: 1, at: middle-land }
  - { id: west-army, name: the western army, faction: west, firepower: 5, at: west-land }
agreements:
  - id: guarantee
    name: the guarantee of the Middle
    parties: [middle, west]
    signed: -10y
    provisions: [{ kind: defence, by: [west], to: [middle] }]
script:
  - { at: 1h, actor: envoy, do: { type: meet, negotiation: note, with: [middle], at: middle-land } }
  - id: the-demand
    at: 1h
    actor: envoy
    do: { type: propose, negotiation: note, kind: demand, provisions: [{ kind: passage }, { kind: undertaking, act: disarm the forts }] }
  - { at: 3h, actor: mo, do: { type: reject, negotiation: note } }
  - { id: invasion, at: 5h, actor: nat, do: { type: declare-war, war: invasion, against: [middle], casusBelli: the refusal } }
  - { at: 6h, actor: wes, do: { type: answer-call, agreement: guarantee, answer: honour } }
  - { at: 7h, actor: wes, do: { type: answer-call, agreement: guarantee, answer: honour } }
variants:
  - { id: no-invasion, title: No invasion, set: { script.invasion: null } }
`;

describe('demands, passage and undertakings', () => {
  const run = runScenario(loadScenario(WORLD, 'demands.yaml'), { seed: 1 });
  const of = (type: string) => run.events.filter((e) => e.type === type) as Record<string, unknown>[];

  it('puts a demand first: what it asks is given by the other side, to the demanding one', () => {
    const [offer] = of('offer-made');
    expect(offer).toMatchObject({ by: 'north', kind: 'demand' });
    expect(offer!.provisions).toEqual([
      { kind: 'passage', giver: 'middle', receiver: 'north' },
      { kind: 'undertaking', giver: 'middle', receiver: 'north', act: 'disarm the forts' },
    ]);
    expect((offer!.provisions as Provision[]).map(describeProvision)).toEqual([
      "passage for north's forces through middle",
      "middle's undertaking: disarm the forts",
    ]);
  });

  it('refuses passage on the principle that forbids giving it', () => {
    expect(of('offer-rejected')[0]).toMatchObject({
      by: 'middle',
      principle: 'no-passage',
      provisions: ['passage'],
    });
  });

  it('answers the open call under a treaty named, and refuses when none is open', () => {
    expect(of('call-answered')).toEqual([expect.objectContaining({ by: 'west', answer: 'honoured' })]);
    expect(of('war-joined')).toEqual([expect.objectContaining({ faction: 'west', side: 'middle' })]);
    expect(of('intent-rejected')).toEqual([expect.objectContaining({ actor: 'wes', rule: 'call.exists' })]);
  });

  it('lets a variant remove a script step by its id, and refuses an id used twice', () => {
    const spared = runScenario(loadScenario(WORLD, 'demands.yaml', { variant: 'no-invasion' }), { seed: 1 });
    expect(spared.events.filter((e) => e.type === 'war-declared')).toEqual([]);
    const twice = WORLD.replace('id: invasion, at: 5h', 'id: the-demand, at: 5h');
    expect(() => loadScenario(twice, 'demands.yaml')).toThrow(InputError);
    expect(() => loadScenario(twice, 'demands.yaml')).toThrow(
      /script\[3\]\.id: duplicate id "the-demand" \(first used at script\[1\]\)/,
    );
  });

  it('values passage granted as a cost, more so to a hostile receiver; received, as a road', () => {
    const world = buildWorld(loadScenario(WORLD, 'demands.yaml').spec);
    const middle = new FactionView(world, 'middle' as FactionId, 0 as Minutes);
    const north = new FactionView(world, 'north' as FactionId, 0 as Minutes);
    const passage: Provision = {
      kind: 'passage',
      giver: 'middle' as FactionId,
      receiver: 'north' as FactionId,
    };
    const person = world.persons['mo' as never]!;
    const given = valueProvision(
      middle,
      'north' as FactionId,
      passage,
      assessThreat(middle),
      person.personality,
    );
    const got = valueProvision(
      north,
      'middle' as FactionId,
      passage,
      assessThreat(north),
      person.personality,
    );
    expect(given.reduce((s, t) => s + t.value, 0)).toBeLessThan(-0.15);
    expect(got.reduce((s, t) => s + t.value, 0)).toBeGreaterThan(0);
    const promise: Provision = {
      kind: 'undertaking',
      giver: 'middle' as FactionId,
      receiver: 'north' as FactionId,
      act: 'disarm the forts',
    };
    const [cost] = valueProvision(
      middle,
      'north' as FactionId,
      promise,
      assessThreat(middle),
      person.personality,
    );
    expect(cost).toMatchObject({ note: 'disarm the forts' });
    expect(cost!.value).toBeLessThan(0);
  });
});
