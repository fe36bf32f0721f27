import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/loader.js';
import { runScenario } from '../run.js';
import { fold, type WorldEvent } from '../../events/index.js';
import { buildWorld } from '../../engine/initial-world.js';
import { id } from '../../model/ids.js';
import { hours } from '../../model/time.js';
import { threatOf } from '../models/threat.js';
import { FactionView } from '../view.js';
import { alliesDrawnIn, pledgeHolding, sidesOfAWarOfChoice } from '../models/war.js';
import type { QuestionPut } from '../players.js';

/**
 * Four factions on one plain: Red (the leader whose decisions are tested), Green (Red's partner),
 * Blue (Green's rival) and Gold. `extra` adds relations, agreements and script steps.
 */
const world = (extra: string, aggression = 0.9, goldPrinciples = '[]', caution = 0.2, honour = 0.9) =>
  loadScenario(
    `
version: 1
id: crisis
title: A crisis
duration: 3d
locations:
  - { id: north, name: North }
  - { id: south, name: South }
  - { id: east, name: East }
  - { id: west, name: West }
distances:
  - { between: [north, south], distance: 5 }
  - { between: [north, east], distance: 5 }
  - { between: [north, west], distance: 5 }
  - { between: [south, east], distance: 5 }
  - { between: [south, west], distance: 5 }
  - { between: [east, west], distance: 5 }
factions:
  - { id: red, name: Red, culture: red, leader: rex }
  - { id: green, name: Green, culture: green, leader: gil }
  - { id: blue, name: Blue, culture: blue, leader: bo }
  - { id: gold, name: Gold, culture: gold, leader: guy, principles: ${goldPrinciples} }
persons:
  - { id: rex, name: Rex, faction: red, role: leader, at: north, personality: { aggression: ${aggression}, caution: ${caution}, honour: ${honour} } }
  - { id: gil, name: Gil, faction: green, role: leader, at: south, personality: { aggression: 0.5, caution: 0.5, honour: 0.2 } }
  - { id: bo, name: Bo, faction: blue, role: leader, at: east, personality: { aggression: 0.1, caution: 0.9 } }
  - { id: guy, name: Guy, faction: gold, role: leader, at: west, personality: { aggression: 0.1, caution: 0.9 } }
forces:
  - { id: red-army, name: Red Army, faction: red, count: 4, at: north }
  - { id: green-army, name: Green Army, faction: green, count: 2, at: south }
  - { id: blue-army, name: Blue Army, faction: blue, at: east }
  - { id: gold-army, name: Gold Army, faction: gold, at: west }
${extra}
`,
    'crisis.yaml',
  );

const run = (extra: string, aggression?: number) =>
  runScenario(world(extra, aggression), { seed: 1, mode: 'autonomous' }).events;

const decisions = (events: readonly WorldEvent[], question: string) =>
  events.flatMap((e) => (e.type === 'decision-made' && e.question === question ? [e] : []));

const termsOf = (d: WorldEvent | undefined, option: string) =>
  d?.type === 'decision-made'
    ? (d.options.find((o) => o.option === option)?.terms.map((t) => t.name) ?? [])
    : [];

describe('mobilisation', () => {
  it("a leader whose partner is attacked mobilises (the world's precaution of role alert), saying why", () => {
    const events = run(`
relations:
  - { from: red, to: green, mutual: true, status: allied, affinity: 0.6, trust: { positive: 4 } }
script:
  - at: 1h
    event: { type: war-declared, war: the-war, name: the war on Green, by: blue, against: [green], casusBelli: a border }
`);
    const [d] = decisions(events, 'mobilise').filter((e) => e.actor === 'rex');
    expect(d).toMatchObject({ choice: 'mobilise' });
    expect(termsOf(d, 'mobilise')).toEqual(['a friend attacked', 'danger', 'escalation', 'judgement']);
    // The default physics' precaution of role alert is `alert`; everyone sees a faction-wide one.
    const taken = events.find((e) => e.type === 'precaution-taken' && e.faction === 'red');
    expect(taken).toMatchObject({ kind: 'alert', ship: null });
  });

  it('no war of a friend and no rival mobilised: the question is not asked', () => {
    expect(decisions(run(''), 'mobilise')).toEqual([]);
  });

  it("a rival's mobilisation raises the threat it poses, and is seen by all", () => {
    const scenario = world(`
relations:
  - { from: red, to: blue, mutual: true, status: hostile, affinity: -0.6 }
`);
    const start = buildWorld(scenario.spec);
    const hour = hours(1);
    const alert = {
      type: 'precaution-taken',
      seq: 0,
      t: hour,
      faction: id.faction('blue'),
      kind: 'alert',
      ship: null,
      persons: [],
      reasons: [],
    } as WorldEvent;
    const mobilised = fold(start, [alert]);
    const before = threatOf(new FactionView(start, id.faction('red'), hour), id.faction('blue'));
    const after = new FactionView(mobilised, id.faction('red'), hour);
    expect(after.mobilisedAt(id.faction('blue'))).toBe(hour);
    expect(threatOf(after, id.faction('blue'))).toBeCloseTo(before * 1.5);
    // A faction-wide alert is seen even by a faction it does not concern; a drill is not.
    expect(new FactionView(mobilised, id.faction('gold')).observes(alert)).toBe(true);
    expect(
      new FactionView(mobilised, id.faction('gold')).observes({ ...alert, kind: 'drills' } as WorldEvent),
    ).toBe(false);
  });

  it("a rival's mobilisation is answered by mobilising in turn (the spiral)", () => {
    const events = run(`
relations:
  - { from: red, to: blue, mutual: true, status: hostile, affinity: -0.6 }
script:
  - at: 1h
    event: { type: precaution-taken, faction: blue, kind: alert }
`);
    const [d] = decisions(events, 'mobilise').filter((e) => e.actor === 'rex');
    expect(termsOf(d, 'mobilise')).toContain('a rival mobilised');
    expect(d).toMatchObject({ choice: 'mobilise' });
  });
});

describe('pre-emption', () => {
  const pledge = (kind: string) => `
relations:
  - { from: red, to: green, mutual: true, status: allied, affinity: 0.6, trust: { positive: 4 } }
  - { from: green, to: blue, mutual: true, status: hostile, affinity: -0.6 }
agreements:
  - { id: pact, name: the Pact, parties: [red, green], provisions: [{ kind: ${kind}, by: [red], to: [green], against: [blue] }] }
script:
  - at: 1h
    event: { type: war-declared, war: the-war, name: the war on Gold, by: green, against: [gold], casusBelli: a border }
  - at: 2h
    event: { type: precaution-taken, faction: blue, kind: alert }
`;

  it("a leader pledged to a partner at war strikes the partner's rival that mobilised, citing the pledge", () => {
    const events = run(pledge('offence'));
    const [d] = decisions(events, 'pre-emption').filter((e) => e.actor === 'rex');
    expect(termsOf(d, 'declare-war')).toEqual([
      'our pledge',
      'their mobilisation',
      'threat',
      'opportunity',
      'risk',
      'judgement',
    ]);
    expect(d).toMatchObject({ choice: 'declare-war' });
    expect(
      events.some(
        (e) => e.type === 'war-declared' && e.by === 'red' && e.against.includes(id.faction('blue')),
      ),
    ).toBe(true);
  });

  it('a pledge not aimed at the rival (defence against anyone) is no reason to strike first', () => {
    const events = run(pledge('defence').replace(', against: [blue]', ''));
    expect(decisions(events, 'pre-emption').filter((e) => e.actor === 'rex')).toEqual([]);
  });

  it('no pre-emption before the rival mobilises', () => {
    const events = run(pledge('offence').replace(/ {2}- at: 2h\n.*\n/, ''));
    const mobilised = events.find((e) => e.type === 'precaution-taken' && e.faction === 'blue');
    const first = decisions(events, 'pre-emption').find((e) => e.actor === 'rex');
    if (first) expect(mobilised?.seq ?? Infinity).toBeLessThan(first.seq);
    else expect(first).toBeUndefined();
  });
});

describe('calls to arms', () => {
  const alliance = (kind: string) => `
agreements:
  - { id: pact, name: the Pact, parties: [red, green], provisions: [{ kind: ${kind} }] }
relations:
  - { from: red, to: green, mutual: true, status: allied, affinity: 0.6, trust: { positive: 4 } }
script:
  - at: 1h
    event: { type: war-declared, war: the-war, name: the war on Blue, by: red, against: [blue], casusBelli: a border }
`;

  it('a leader at war calls a bound ally its treaty does not oblige, and the ally may refuse and stay neutral', () => {
    const events = run(alliance('defence'));
    const [d] = decisions(events, 'call-to-arms:the-war');
    expect(d).toMatchObject({ actor: 'rex', choice: 'call-to-arms' });
    expect(termsOf(d, 'call-to-arms')).toEqual([
      'the war goes badly',
      "the ally's strength",
      'widening the war',
      'judgement',
    ]);
    const call = events.find((e) => e.type === 'call-issued');
    expect(call).toMatchObject({
      from: 'red',
      to: 'green',
      conditionsMet: false,
      failing: 'the alliance is defensive, and its partner is not the one attacked',
    });
    // The ally answers through the call questions; a refusal invokes the failing condition.
    const answer = events.find((e) => e.type === 'call-answered');
    expect(answer).toBeDefined();
    if (answer?.type === 'call-answered' && answer.answer === 'reneged')
      expect(answer.invoked).toBe('the alliance is defensive, and its partner is not the one attacked');
  });

  it('where the treaty obliges, the engine calls and the leader does not call again', () => {
    const events = run(alliance('offence'));
    const calls = events.filter((e) => e.type === 'call-issued');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ from: 'red', to: 'green', conditionsMet: true });
    expect(events.some((e) => e.type === 'intent-rejected' && e.rule === 'call.open')).toBe(false);
  });
});

describe('a war plan through a neutral', () => {
  const plan = `
intents:
  - { id: the-plan, faction: red, kind: conquest, text: in a war with Blue march through Gold, target: { faction: gold } }
`;
  const war = `
script:
  - at: 1h
    event: { type: war-declared, war: the-war, name: the war on Blue, by: red, against: [blue], casusBelli: a border }
`;
  const noPassage =
    '[{ id: no-passage, text: No army crosses Gold., forbids: { provisions: [{ kind: passage, giver: self }] } }]';

  it('at war, a leader demands passage of the neutral its plan runs through, and marches when refused', () => {
    const events = runScenario(world(plan + war, 0.9, noPassage), { seed: 1, mode: 'autonomous' }).events;
    const demand = events.find((e) => e.type === 'offer-made' && e.by === 'red' && e.kind === 'demand');
    expect(demand).toMatchObject({ provisions: [{ kind: 'passage', giver: 'gold', receiver: 'red' }] });
    expect(events.find((e) => e.type === 'offer-rejected' && e.by === 'gold')).toMatchObject({
      principle: 'no-passage',
    });
    const march = decisions(events, 'war-plan').find((d) => d.choice === 'march');
    expect(termsOf(march, 'march')).toContain('passage refused');
    expect(
      events.some(
        (e) => e.type === 'war-declared' && e.by === 'red' && e.against.includes(id.faction('gold')),
      ),
    ).toBe(true);
  });

  it('at peace, the plan waits', () => {
    expect(decisions(run(plan), 'war-plan')).toEqual([]);
  });
});

describe('an ultimatum before a war of choice', () => {
  const wronged = (weight: number) => `
relations:
  - from: red
    to: blue
    status: hostile
    affinity: -0.6
    grievances: [{ cause: the raid on the North, weight: ${weight}, since: -1d, halfLife: 3650d }]
`;

  it('a leader with a wrong to redress may demand it, war the alternative; a refusal is answered at once', () => {
    // A cautious, peaceable leader: the demand before the war.
    const events = runScenario(world(wronged(1.5), 0.3, '[]', 0.9), { seed: 1, mode: 'autonomous' }).events;
    const [first] = decisions(events, 'war-by-decision').filter((d) => d.actor === 'rex');
    expect(termsOf(first, 'ultimatum')).toEqual(['grievances', 'redress without war', 'judgement']);
    expect(first).toMatchObject({ choice: 'ultimatum' });
    const demand = events.find((e) => e.type === 'offer-made' && e.by === 'red' && e.kind === 'demand');
    expect(demand).toMatchObject({
      provisions: [
        { kind: 'undertaking', giver: 'blue', act: 'punish those responsible for the raid on the North' },
        { kind: 'undertaking', giver: 'blue' },
      ],
    });
    // The weaker side grants the demand in part: what touches its sovereignty it refuses; and the
    // demand, met in part, is refused and the talks end.
    const reply = events.find((e) => e.type === 'offer-made' && e.by === 'blue');
    expect(reply).toMatchObject({
      kind: 'counter',
      provisions: [
        { kind: 'undertaking', giver: 'blue', act: 'punish those responsible for the raid on the North' },
      ],
    });
    expect(reply?.type === 'offer-made' && reply.provisions).toHaveLength(1);
    expect(events.find((e) => e.type === 'offer-rejected' && e.by === 'red')).toBeDefined();
    // Once refused, the war question comes back at once, with the refusal among its terms.
    const ended = events.find(
      (e) => e.type === 'negotiation-ended' && e.negotiation === 'red-blue-ultimatum',
    );
    expect(ended).toBeDefined();
    const after = decisions(events, 'war-by-decision').find(
      (d) => d.actor === 'rex' && d.seq > (ended?.seq ?? 0),
    );
    expect(ended).toMatchObject({ outcome: 'walk-out' });
    expect(termsOf(after, 'declare-war')).toContain('the demand refused');
    expect(after?.t).toBeLessThan((ended?.t ?? 0) + 24 * 60);
    // The demand is made once.
    expect(termsOf(after, 'ultimatum')).toEqual([]);
  });

  it('no wrong, no demand', () => {
    expect(decisions(run(''), 'war-by-decision').filter((d) => d.actor === 'rex')).toEqual([]);
  });
});

describe('the casus foederis in a war of choice', () => {
  const view = (extra: string) => new FactionView(buildWorld(world(extra).spec), id.faction('red'));
  const defensive = `
agreements:
  - { id: pact, name: the Pact, parties: [red, green], provisions: [{ kind: defence }] }
`;
  const offensive = `
agreements:
  - { id: pact, name: the Pact, parties: [red, green], provisions: [{ kind: offence, by: [green], to: [red], against: [blue] }] }
`;

  it("counts on an ally only where its pledge covers a war we begin; the enemy's pledged allies fight beside it", () => {
    expect(
      pledgeHolding(view(defensive), id.faction('green'), id.faction('red'), id.faction('blue'), true),
    ).toBe(undefined);
    expect(sidesOfAWarOfChoice(view(defensive), id.faction('blue')).friends).toEqual([]);
    const bound = sidesOfAWarOfChoice(view(offensive), id.faction('blue'));
    expect(bound.friends).toEqual(['green']);
    expect(bound.odds).toBeGreaterThan(sidesOfAWarOfChoice(view(defensive), id.faction('blue')).odds);
    // Gold pledged to defend Blue: a war on Blue is a war on Gold too.
    const guarded = sidesOfAWarOfChoice(
      view(`
agreements:
  - { id: guard, name: the Guarantee, parties: [gold, blue], provisions: [{ kind: defence, by: [gold], to: [blue] }] }
`),
      id.faction('blue'),
    );
    expect(guarded.enemies).toEqual(['blue', 'gold']);
  });

  it("joining a war draws in the enemy's allies whose pledges would hold against us", () => {
    const { world: after } = runScenario(
      world(`
agreements:
  - { id: league, name: the League, parties: [gold, blue], provisions: [{ kind: offence, by: [gold], to: [blue], against: [red] }] }
script:
  - at: 1h
    event: { type: war-declared, war: the-war, name: the war on Green, by: blue, against: [green], casusBelli: a border }
`),
      { seed: 1, mode: 'scripted' },
    );
    const red = new FactionView(after, id.faction('red'));
    const war = red.war(id.war('the-war'));
    expect(war && alliesDrawnIn(red, war, [id.faction('blue')])).toEqual(['gold']);
    const green = new FactionView(after, id.faction('green'));
    expect(war && alliesDrawnIn(green, war, [id.faction('blue')])).toEqual([]);
  });

  it('a leader bound by a defensive treaty to the side that struck first hears that the treaty does not oblige it', () => {
    const events = run(`
relations:
  - { from: red, to: green, mutual: true, status: allied, affinity: 0.6, trust: { positive: 4 } }
${defensive}
script:
  - at: 1h
    event: { type: war-declared, war: the-war, name: the war on Blue, by: green, against: [blue], casusBelli: a border }
`);
    const [d] = decisions(events, 'war:the-war').filter((e) => e.actor === 'rex');
    expect(termsOf(d, 'join')).toContain('no casus foederis');
  });

  it('bound by no pledge of arms, a leader may pass the buck to a friend that can hold its own', () => {
    const events = run(`
relations:
  - { from: red, to: green, mutual: true, status: neutral, affinity: 0.6, trust: { positive: 8 } }
script:
  - at: 1h
    event: { type: war-declared, war: the-war, name: the war on Green, by: blue, against: [green], casusBelli: a border }
`);
    const [d] = decisions(events, 'war:the-war').filter((e) => e.actor === 'rex');
    expect(termsOf(d, 'wait')).toEqual(['no commitment', 'buck-passing', 'judgement']);
    expect(termsOf(d, 'join')).not.toContain('no casus foederis');
  });

  it('an agreement that pledges no arms makes its parties partners, not allies', () => {
    const events = run(`
script:
  - at: 1h
    event:
      type: agreement-concluded
      agreement: promise
      parties: [red, blue]
      provisions: [{ kind: undertaking, giver: blue, receiver: red, act: keep the roads open }]
`);
    expect(
      events.some((e) => e.type === 'relation-changed' && e.status === 'allied' && e.from === 'red'),
    ).toBe(false);
  });
});

describe("a guarantor's demand before it fights", () => {
  /** `guarantor` pledged to defend Green, whom `attacker` attacks; a player in the guarantor's seat makes the demand. */
  const guarded = (guarantor: string, attacker: string) =>
    runScenario(
      world(`
agreements:
  - { id: guarantee, name: the Guarantee, parties: [${guarantor}, green], provisions: [{ kind: defence, by: [${guarantor}], to: [green] }] }
script:
  - at: 1h
    event: { type: war-declared, war: the-war, name: the war on Green, by: ${attacker}, against: [green], casusBelli: a border }
`),
      {
        seed: 1,
        mode: 'autonomous',
        players: {
          [id.faction(guarantor)]: {
            choose: (put: QuestionPut) =>
              put.question.startsWith('call:') && put.options.some((o) => o.option === 'demand')
                ? ['demand']
                : null,
          },
        },
      },
    ).events;
  const calls = (events: readonly WorldEvent[], guarantor: string) =>
    events.flatMap((e) =>
      e.type === 'decision-made' &&
      e.actor !== null &&
      e.question?.startsWith('call:') &&
      e.faction === guarantor
        ? [e]
        : [],
    );

  it('called against the attacker of its partner, a guarantor may first demand that it stop; a weak attacker gives way and keeps its word', () => {
    const events = guarded('red', 'blue');
    expect(termsOf(calls(events, 'red')[0], 'demand')).toEqual([
      'obligation',
      'reputation',
      "partner's worth",
      'redress without war',
      'judgement',
    ]);
    const demand = events.find((e) => e.type === 'offer-made' && e.by === 'red' && e.kind === 'demand');
    expect(demand).toMatchObject({
      provisions: [{ kind: 'undertaking', giver: 'blue', receiver: 'red', peaceWith: 'green' }],
    });
    const ended = events.find(
      (e) => e.type === 'negotiation-ended' && e.negotiation === 'red-blue-demand-for-green',
    );
    expect(ended).toMatchObject({ outcome: 'agreed' });
    const [peace] = decisions(events, 'peace:the-war').filter((d) => d.actor === 'bo');
    expect(peace).toMatchObject({ choice: 'make-peace' });
    expect(termsOf(peace, 'make-peace')).toContain('our word');
    expect(events.some((e) => e.type === 'peace-made' && e.faction === 'blue')).toBe(true);
  });

  it('refused by a strong attacker, the demand weighs for honouring the call', () => {
    const events = guarded('gold', 'red');
    const ended = events.find(
      (e) => e.type === 'negotiation-ended' && e.negotiation === 'gold-red-demand-for-green',
    );
    expect(ended).toMatchObject({ outcome: 'walk-out' });
    const after = calls(events, 'gold').find((d) => d.seq > (ended?.seq ?? Infinity));
    expect(termsOf(after, 'honour')).toContain('the demand refused');
    expect(termsOf(after, 'demand')).toEqual([]);
  });
});
