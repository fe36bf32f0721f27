/**
 * Drives from the world's state and the faction's memory, on small worlds written here:
 *
 * - relief is never given to a faction that holds our people, nor to one at war with us — unless an
 *   agreement in force binds us to give it aid (src/agents/questions/readiness.ts);
 * - a betrayal leaves a lesson on the next dealing like it, which `alliances explain` shows
 *   (src/agents/models/lessons.ts);
 * - a faction that has newly turned hostile towards us is no candidate of the alliance we seek,
 *   and talks of an alliance with it end (src/agents/models/alliances.ts, `turnedAgainst`);
 * - vulnerability reads the condition of the forces, and its note says what is so
 *   (src/agents/models/threat.ts);
 * - a member seen held is a rescue goal, weighed again on news until they are free (questions/custody.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/agents/run.js';
import { turnedAgainst } from '../../src/agents/models/alliances.js';
import { lessonTerms } from '../../src/agents/models/lessons.js';
import { assessThreat, exposure } from '../../src/agents/models/threat.js';
import { mayAid } from '../../src/agents/questions/readiness.js';
import { FactionView } from '../../src/agents/view.js';
import { buildWorld } from '../../src/engine/initial-world.js';
import type { WorldEvent } from '../../src/events/index.js';
import { id } from '../../src/model/ids.js';
import type { World } from '../../src/model/world.js';
import { runCli, tempDir } from '../cli-harness.js';
import { scenarioFrom } from '../support.js';

// ── Aid and custody ─────────────────────────────────────────────────────────────────────────────

/** Healers, rich in medicine, share an isle with wardens who have none; `scout` stands as given. */
const isle = (scout: string, extra = '') => `
version: 1
id: isle
title: Healers and wardens on an isle
duration: 3d
locations:
  - { id: isle, name: the Isle, controlledBy: wardens }
  - { id: cells, name: the cells, kind: prison, parent: isle, controlledBy: wardens }
factions:
  - { id: healers, name: the Healers, culture: healers, leader: hana, resources: { medicine: 500 } }
  - { id: wardens, name: the Wardens, culture: wardens, leader: wim, resources: { medicine: 0 } }
persons:
  - { id: hana, name: Hana, faction: healers, role: leader, aboard: mercy, personality: { honour: 0.9, caution: 0.9, aggression: 0.1 } }
  - { id: sam, name: Sam, faction: healers, role: crew, ${scout} }
  - { id: wim, name: Wim, faction: wardens, role: leader, aboard: warden-ship, personality: { caution: 0.9, aggression: 0.1 } }
forces:
  - { id: mercy, name: the Mercy, faction: healers, at: isle }
  - { id: warden-ship, name: the Warden, faction: wardens, firepower: 10, at: isle }
${extra}`;

const HELD = 'at: cells, status: detained';
const FREE = 'aboard: mercy';

const run = (text: string): readonly WorldEvent[] =>
  runScenario(scenarioFrom(text), { seed: 1, mode: 'autonomous' }).events;

/** Aid from the healers to the wardens, and whether Sam was held when it was given. */
function aidToWardens(events: readonly WorldEvent[]): { whileHeld: number; after: number } {
  let held = events.length > 0;
  let whileHeld = 0;
  let after = 0;
  for (const e of events) {
    if (e.type === 'prisoners-escaped' && e.persons.includes(id.person('sam'))) held = false;
    if (e.type === 'resources-transferred' && e.from === 'healers' && e.to === 'wardens') {
      if (held) whileHeld++;
      else after++;
    }
  }
  return { whileHeld, after };
}

/** Whether the healers may give the wardens aid of their own accord, at the start. */
const healersMayAidWardens = (text: string) =>
  mayAid(new FactionView(buildWorld(scenarioFrom(text).spec), id.faction('healers')), id.faction('wardens'));

describe('aid weighed by who asks', () => {
  it('the healers give the wardens medicine they lack, for their need', () => {
    const events = run(isle(FREE));
    const gift = events.find((e) => e.type === 'decision-made' && e.question === 'relief:wardens');
    expect(gift).toMatchObject({ choice: 'give' });
    const give = gift?.type === 'decision-made' ? gift.options.find((o) => o.option === 'give') : undefined;
    expect(give?.terms.map((t) => t.name)).toEqual(['they are in need', 'judgement']);
    expect(give?.terms[0]?.note).toBe('wardens have 0 medicine');
    expect(events.some((e) => e.type === 'resources-transferred' && e.to === 'wardens')).toBe(true);
  });

  it('never to a faction that holds our people', () => {
    const held = `${HELD}`;
    const events = run(isle(held));
    expect(aidToWardens(events).whileHeld).toBe(0);
    expect(healersMayAidWardens(isle(held))).toBe(false);
  });

  it('unless an agreement in force binds us to give them aid (the scenario says so)', () => {
    const ransom = `
agreements:
  - id: ransom
    parties: [healers, wardens]
    provisions:
      - { kind: aid, giver: healers, receiver: wardens, resource: medicine, amount: 60, condition: when-needed }
`;
    const text = isle(HELD, ransom);
    expect(healersMayAidWardens(text)).toBe(true);
    expect(aidToWardens(run(text)).whileHeld).toBeGreaterThan(0);
  });

  it('never to a faction at war with us, even when we do not count ourselves at war with it', () => {
    const war = `
relations:
  - { from: wardens, to: healers, status: war }
`;
    const text = isle(FREE, war);
    expect(healersMayAidWardens(text)).toBe(false);
    expect(aidToWardens(run(text))).toEqual({ whileHeld: 0, after: 0 });
  });
});

// ── Custody: a rescue goal ─────────────────────────────────────────────────────────────────────

describe('a member held is a goal until freed', () => {
  it('seen held, Sam is weighed for rescue again on news while held, and the captor’s force is a term', () => {
    // A day in, the healers count the wardens as enemies: news that bears on the rescue (no breach
    // with them to fear any more).
    const news = `
script:
  - at: 1d
    event: { type: relation-changed, from: healers, to: wardens, status: war, cause: the council outlaws the wardens }
`;
    const events = run(isle(HELD, news));
    const asked = events.filter(
      (e): e is Extract<WorldEvent, { type: 'decision-made' }> =>
        e.type === 'decision-made' && e.question === 'rescue:sam',
    );
    expect(asked.length).toBeGreaterThan(1);
    expect(asked.some((d) => d.t >= 24 * 60)).toBe(true);
    const act = asked[0]?.options.find((o) => o.option === 'act');
    expect(act?.terms.map((t) => t.name)).toContain("the captor's force");
    expect(act?.terms.find((t) => t.name === 'our people are held')?.note).toBe(
      'Sam is held by wardens at cells',
    );
    // Freed, the goal is resolved: no more rescue questions after the escape.
    const escaped = events.find((e) => e.type === 'prisoners-escaped');
    if (escaped) expect(asked.every((d) => d.seq <= escaped.seq)).toBe(true);
  });
});

// ── Lessons ─────────────────────────────────────────────────────────────────────────────────────

/**
 * A realm alone and hurt, beside a strong hostile rival, with two it could ally with: `friend`,
 * and `ally`, bound to `friend` by a pact of non-aggression… and in the betrayal variant, `friend`
 * breaks a pledge of non-aggression to the realm at the start.
 */
const realm = (betrayal: boolean) => `
version: 1
id: realm
title: A realm betrayed
duration: 2d
tick: 1h
locations:
  - { id: plain, name: the plain }
factions:
  - { id: realm, name: the Realm, culture: realm, leader: queen }
  - { id: rival, name: the Rival, culture: rival, leader: warlord }
  - { id: friend, name: the Friend, culture: friend, leader: prince }
  - { id: other, name: the Other, culture: other, leader: doge }
persons:
  - { id: queen, name: Queen Ada, faction: realm, role: leader, at: plain, personality: { caution: 0.9, pride: 0.1, honour: 0.3 } }
  - { id: warlord, name: the Warlord, faction: rival, role: leader, at: plain, personality: { aggression: 0.1, caution: 0.9 } }
  - { id: prince, name: Prince Otto, faction: friend, role: leader, at: plain, personality: { caution: 0.9 } }
  - { id: doge, name: the Doge, faction: other, role: leader, at: plain, personality: { caution: 0.9 } }
forces:
  - { id: realm-army, name: the realm's army, faction: realm, firepower: 2, at: plain }
  - { id: rival-army, name: the rival's army, faction: rival, firepower: 12, at: plain }
  - { id: friend-army, name: the friend's army, faction: friend, firepower: 4, at: plain }
  - { id: other-army, name: the other's army, faction: other, firepower: 4, at: plain }
relations:
  - { from: realm, to: rival, mutual: true, status: hostile, grievances: [{ cause: a raid, weight: 0.6, since: -1d }] }
agreements:
  - id: pact
    parties: [realm, friend]
    provisions: [{ kind: non-aggression }]
${
  betrayal
    ? `script:
  - at: 0h
    event: { type: obligation-broken, agreement: pact, provision: 0, obligation: non-aggression, by: friend, to: realm, act: its raiders crossed into the realm }
`
    : ''
}`;

describe('a betrayal leaves a lesson on the dealings like it', () => {
  const lessonOf = (events: readonly WorldEvent[]) =>
    events
      .filter(
        (e): e is Extract<WorldEvent, { type: 'decision-made' }> =>
          e.type === 'decision-made' && e.faction === 'realm' && e.question === 'security',
      )
      .flatMap((d) => d.options.find((o) => o.option === 'seek-alliance')?.terms ?? [])
      .find((t) => t.name === 'lesson');

  it('the broken pledge is a grievance that carries its lesson', () => {
    const events = run(realm(true));
    const g = events.find((e) => e.type === 'grievance-added' && e.from === 'realm' && e.to === 'friend');
    expect(g).toMatchObject({ lesson: { kind: 'broken-promise', dealings: ['alliance'], sponsors: [] } });
  });

  it('the next alliance weighed bears a lesson term — none without the betrayal', () => {
    expect(lessonOf(run(realm(false)))).toBeUndefined();
    const lesson = lessonOf(run(realm(true)));
    expect(lesson?.value).toBeLessThan(0);
    expect(lesson?.note).toMatch(/^the Friend broke its pledge of non-aggression: /);
  });

  it('weighs most on the same partner, then the same kind of offer, not on another kind, and fades', () => {
    const { world } = runScenario(scenarioFrom(realm(true)), { seed: 1, mode: 'autonomous' });
    const view = new FactionView(world, id.faction('realm'));
    const value = (v: FactionView, partner: string, kind: 'alliance' | 'conference' = 'alliance') =>
      lessonTerms(v, { kind, partner: id.faction(partner) })[0]?.value ?? 0;
    expect(value(view, 'friend')).toBeLessThan(value(view, 'other'));
    expect(value(view, 'other')).toBeLessThan(0);
    expect(value(view, 'other', 'conference')).toBe(0);
    // The Other allied with the Friend: the lesson reaches it as the Friend's ally.
    const key = 'other>friend';
    const allied = new FactionView(
      { ...world, relations: { ...world.relations, [key]: { ...world.relations[key]!, status: 'allied' } } },
      id.faction('realm'),
    );
    expect(value(allied, 'other')).toBeLessThan(value(view, 'other'));
    // Two years on, the lesson has faded (the grievance's half-life).
    const later = new FactionView(
      world,
      id.faction('realm'),
      (world.time + 2 * 365 * 24 * 60) as World['time'],
    );
    expect(value(later, 'friend')).toBeGreaterThan(value(view, 'friend'));
  });

  it('alliances explain shows the lesson', () => {
    const dir = tempDir();
    const file = join(dir, 'realm.yaml');
    writeFileSync(file, realm(true));
    const db = join(dir, 'runs.db');
    const r = runCli(['run', file, '--mode', 'autonomous', '--seed', '1', '--db', db, '--json']);
    expect(r.status).toBe(0);
    const events = (JSON.parse(r.stdout) as { events: WorldEvent[] }).events;
    const decision = events.find(
      (e) =>
        e.type === 'decision-made' &&
        e.question === 'security' &&
        e.options.some((o) => o.terms.some((t) => t.name === 'lesson')),
    );
    expect(decision).toBeDefined();
    const explained = runCli(['explain', '1', String(decision!.seq), '--db', db]);
    expect(explained.status).toBe(0);
    expect(explained.stdout).toMatch(
      /[−-]\d\.\d{3} {2}lesson — the Friend broke its pledge of non-aggression: another alliance/,
    );
  });
});

// ── A faction turned against us ─────────────────────────────────────────────────────────────────

/**
 * The realm alone and hurt beside its rival, as above, where the Friend regards the realm as given:
 * `start` is the Friend's relation to the realm when the story begins, `turn` a step of the script
 * that changes it.
 */
const estranged = (start: string, turn: string) =>
  realm(false).replace('relations:\n', `relations:\n${start}`) +
  (turn ? `script:\n  - at: 0h\n    event: ${turn}\n` : '');

const TURNS_HOSTILE = `{ type: relation-changed, from: friend, to: realm, status: hostile, cause: the realm's envoy insulted the prince }`;

/** The candidates of the realm's first alliance sought. */
const soughtBy = (events: readonly WorldEvent[]) =>
  events.find(
    (e): e is Extract<WorldEvent, { type: 'alliance-sought' }> =>
      e.type === 'alliance-sought' && e.faction === 'realm',
  )?.candidates;

describe('a faction that has turned against us is no partner to seek', () => {
  it('the Friend, newly hostile towards the realm, is not among the candidates — as it was before', () => {
    expect(soughtBy(run(estranged('', '')))).toContain('friend');
    const sought = soughtBy(run(estranged('', TURNS_HOSTILE)));
    expect(sought).toBeDefined();
    expect(sought).not.toContain('friend');
    expect(sought).toContain('other');
  });

  it('an old enmity stays the alliance’s to weigh: hostile from the start, the Friend is still a candidate', () => {
    const old = '  - { from: friend, to: realm, status: hostile, affinity: -0.3 }\n';
    expect(soughtBy(run(estranged(old, '')))).toContain('friend');
  });

  it('talks of an alliance with the Friend end when it has turned hostile, saying why', () => {
    const talks = `{ type: negotiation-opened, negotiation: pact-talks, parties: [realm, friend], initiator: realm, at: plain }`;
    const ended = (events: readonly WorldEvent[]) =>
      events.find((e) => e.type === 'negotiation-ended' && e.negotiation === 'pact-talks');
    const calm = run(estranged('', talks));
    const offered = (events: readonly WorldEvent[]) =>
      events.some((e) => e.type === 'offer-made' && e.negotiation === 'pact-talks');
    expect(offered(calm)).toBe(true);
    const turned = run(estranged('', talks) + `  - at: 0h\n    event: ${TURNS_HOSTILE}\n`);
    expect(offered(turned)).toBe(false);
    expect(ended(turned)).toMatchObject({
      outcome: 'walk-out',
      by: 'realm',
      reason: "friend has turned hostile: the realm's envoy insulted the prince",
    });
  });

  it('reads the Friend’s relation to us, not ours to it; says why; lasts two weeks; war always', () => {
    const { world } = runScenario(scenarioFrom(estranged('', TURNS_HOSTILE)), {
      seed: 1,
      mode: 'autonomous',
    });
    const friend = id.faction('friend');
    const realmView = new FactionView(world, id.faction('realm'));
    expect(realmView.regardOf(friend)?.status).toBe('hostile');
    expect(realmView.relation(friend)?.status ?? 'neutral').toBe('neutral');
    expect(turnedAgainst(realmView, friend)).toBe(
      "friend has turned hostile: the realm's envoy insulted the prince",
    );
    // The Friend itself has no new enemy: the realm has not turned against it.
    expect(turnedAgainst(new FactionView(world, friend), id.faction('realm'))).toBeNull();
    const t = world.relations['friend>realm']!.turned!.t;
    const later = (days: number) =>
      new FactionView(world, id.faction('realm'), (t + days * 24 * 60) as World['time']);
    expect(turnedAgainst(later(13), friend)).not.toBeNull();
    expect(turnedAgainst(later(15), friend)).toBeNull();
    const atWar = {
      ...world,
      relations: {
        ...world.relations,
        'friend>realm': { ...world.relations['friend>realm']!, status: 'war' as const },
      },
    };
    expect(turnedAgainst(new FactionView(atWar, id.faction('realm'), later(60).t), friend)).toBe(
      'friend is at war with us',
    );
  });
});

// ── Vulnerability ───────────────────────────────────────────────────────────────────────────────

describe('vulnerability reads the forces and the threats in sight', () => {
  const text = realm(false);
  const view = (edit: (w: World) => World = (w) => w) =>
    new FactionView(edit(buildWorld(scenarioFrom(text).spec)), id.faction('realm'));
  const damaged = (w: World): World => {
    const army = w.ships[id.ship('realm-army')]!;
    const systems = Object.fromEntries(Object.keys(army.systems).map((c) => [c, 0.25]));
    return { ...w, ships: { ...w.ships, [army.id]: { ...army, systems } } };
  };

  it('a damaged force is more vulnerable, and the note names the damage', () => {
    const whole = view();
    const hurt = view(damaged);
    expect(assessThreat(hurt).vulnerability).toBeGreaterThan(assessThreat(whole).vulnerability);
    expect(exposure(whole, assessThreat(whole))).toMatch(
      /rival and \w+ outweigh our defence [\d.]+ to 1; our forces at full strength/,
    );
    expect(exposure(hurt, assessThreat(hurt))).toMatch(/the realm's army's \w+ at 25 %/);
  });

  it('an undamaged faction with no one hostile in sight is not told it cannot defend itself', () => {
    const calm = new FactionView(
      buildWorld(
        scenarioFrom(
          text.replace(
            'status: hostile, grievances: [{ cause: a raid, weight: 0.6, since: -1d }]',
            'status: neutral',
          ),
        ).spec,
      ),
      id.faction('realm'),
    );
    const threat = assessThreat(calm);
    expect(threat.vulnerability).toBeLessThan(0.5);
    expect(exposure(calm, threat)).not.toMatch(/cannot defend/);
    expect(exposure(calm, threat)).toMatch(/our forces at full strength$/);
  });
});
