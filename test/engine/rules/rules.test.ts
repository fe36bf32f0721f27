import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/common/random.js';
import type { PersonId } from '../../../src/model/ids.js';
import type { Intent } from '../../../src/model/intents.js';
import type { Minutes } from '../../../src/model/time.js';
import type { World } from '../../../src/model/world.js';
import { buildWorld } from '../../../src/engine/initial-world.js';
import { settingsOf } from '../../../src/engine/settings.js';
import { defaultScenario } from '../../support.js';
import type { RuleOutcome } from '../../../src/engine/rules/context.js';
import { applyRule } from '../../../src/engine/rules/index.js';
import { travelSpeed } from '../../../src/model/forces.js';
import type { EventPayload, WorldEvent } from '../../../src/events/index.js';
import { apply } from '../../../src/events/index.js';

const spec = defaultScenario().spec;
const settings = settingsOf(spec);

function attempt(world: World, actor: string, intent: Record<string, unknown>, seed = 1): RuleOutcome {
  let n = 0;
  const ctx = {
    world,
    t: 0 as Minutes,
    rng: createRng(seed),
    settings,
    reasons: [],
    nextId: (p: string) => `${p}-${++n}`,
  };
  return applyRule(ctx, actor as PersonId, intent as unknown as Intent);
}

function withEvents(world: World, ...payloads: Record<string, unknown>[]): World {
  return payloads.reduce<World>(
    (w, p, i) => apply(w, { ...p, seq: i, t: 0 } as unknown as WorldEvent),
    world,
  );
}

const ok = (o: RuleOutcome): readonly EventPayload[] => {
  if (!o.ok) throw new Error(`refused: ${o.rule} ${o.message}`);
  return o.events;
};

describe('rules', () => {
  const start = buildWorld(spec);

  it('moves at the speed damaged drives allow; no deflector, thrusters only', () => {
    const voyager = start.ships['voyager' as never]!;
    expect(travelSpeed(voyager, start.physics, settings.operationalIntegrity)).toBeCloseTo(0.5);
    const crippled = {
      ...voyager,
      systems: { ...voyager.systems, warp: 0, impulse: 0.5, 'navigational-deflector': 0.1, thrusters: 0.5 },
    };
    expect(travelSpeed(crippled, start.physics, settings.operationalIntegrity)).toBeCloseTo(0.001);
    const noDrive = { ...crippled, systems: { ...crippled.systems, thrusters: 0 } };
    expect(travelSpeed(noDrive, start.physics, settings.operationalIntegrity)).toBe(0);
  });

  it('refuses to board those already aboard: boarding is no act for them', () => {
    expect(start.persons['janeway' as never]?.position).toEqual({ kind: 'ship', ship: 'voyager' });
    expect(
      attempt(start, 'janeway', { type: 'board', ship: 'voyager', persons: ['janeway', 'tuvok'] }),
    ).toMatchObject({
      ok: false,
      rule: 'board.aboard',
    });
  });

  it('refuses a voyage without propulsion or without a known route', () => {
    const dead = withEvents(start, {
      type: 'systems-repaired',
      ship: 'voyager',
      systems: [
        { system: 'thrusters', integrity: 0 },
        { system: 'navigational-deflector', integrity: 0 },
      ],
    });
    expect(attempt(dead, 'paris', { type: 'move', ship: 'voyager', to: 'sobras' })).toMatchObject({
      ok: false,
      rule: 'ship.propulsion',
    });
    const uncharted = withEvents(start, {
      type: 'world-edited',
      path: 'distances',
      value: {},
      reason: 'test',
    });
    expect(attempt(uncharted, 'paris', { type: 'move', ship: 'voyager', to: 'sobras' })).toMatchObject({
      ok: false,
      rule: 'navigation.distance',
    });
    // Routes run through known distances: the battle site reaches Ogla space by way of Sobras.
    expect(ok(attempt(start, 'paris', { type: 'move', ship: 'voyager', to: 'ogla-space' }))[0]).toMatchObject(
      {
        type: 'ship-departed',
        arrivesAt: 1320,
      },
    );
    const events = ok(attempt(start, 'paris', { type: 'move', ship: 'voyager', to: 'sobras' }));
    expect(events[0]).toMatchObject({
      type: 'ship-departed',
      from: 'battle-site',
      to: 'sobras',
      arrivesAt: 600,
    });
  });

  it('lets only the living and the free act, and only the leader commit', () => {
    const dead = withEvents(start, { type: 'person-died', person: 'janeway', cause: 'test' });
    expect(attempt(dead, 'janeway', { type: 'hold' })).toMatchObject({ ok: false, rule: 'actor.alive' });
    expect(attempt(start, 'mabus', { type: 'go', to: 'sobras' })).toMatchObject({
      ok: false,
      rule: 'actor.free',
    });
    expect(
      attempt(start, 'chakotay', { type: 'seek-alliance', candidates: [], offer: [], exclude: [] }),
    ).toMatchObject({
      ok: false,
      rule: 'authority.leader',
    });
  });

  it('vetoes an offer its own principles forbid', () => {
    const talks = withEvents(start, {
      type: 'negotiation-opened',
      negotiation: 'n',
      parties: ['federation', 'trabe'],
      initiator: 'federation',
      aboard: null,
      at: null,
      channel: null,
    });
    const offer = {
      type: 'propose',
      negotiation: 'n',
      provisions: [{ kind: 'technology-transfer', technology: 'replicators' }],
      exclude: [],
    };
    expect(attempt(talks, 'janeway', offer)).toMatchObject({
      ok: false,
      rule: 'principle:no-technology-transfer',
    });
    // Receiving technology is not forbidden by a principle about giving it.
    const receive = {
      ...offer,
      provisions: [
        { kind: 'technology-transfer', technology: 'shields', giver: 'trabe', receiver: 'federation' },
      ],
    };
    expect(ok(attempt(talks, 'janeway', receive))[0]).toMatchObject({ type: 'offer-made', by: 'federation' });
  });

  it('refuses to deal with a partner marked by a deed the principles forbid', () => {
    const marked = withEvents(
      start,
      { type: 'mark-earned', faction: 'trabe', mark: 'executioner', cause: 'test' },
      {
        type: 'negotiation-opened',
        negotiation: 'n',
        parties: ['trabe', 'federation'],
        initiator: 'trabe',
        aboard: null,
        at: null,
        channel: null,
      },
      {
        type: 'offer-made',
        negotiation: 'n',
        agreement: 'n',
        by: 'trabe',
        speaker: 'mabus',
        kind: 'offer',
        provisions: [{ kind: 'travel-together' }],
        excluded: [],
      },
    );
    expect(attempt(marked, 'janeway', { type: 'accept', negotiation: 'n' })).toMatchObject({
      ok: false,
      rule: 'principle:no-dealing-with-executioners',
    });
  });

  it('lets an intermediary deny an envoy only once the envoy has arrived', () => {
    const sent = withEvents(start, {
      type: 'channel-opened',
      channel: 'c',
      kind: 'intermediary',
      from: 'federation',
      to: 'pommar',
      agent: 'neelix',
      contact: 'tersa',
      secret: false,
    });
    expect(
      attempt(sent, 'tersa', { type: 'respond-to-envoy', channel: 'c', response: 'deny' }),
    ).toMatchObject({ ok: false, rule: 'envoy.presence' });
    const arrived = withEvents(sent, {
      type: 'person-moved',
      person: 'neelix',
      to: { kind: 'location', location: 'sobras-bar' },
      means: 'shuttle',
    });
    expect(
      ok(attempt(arrived, 'tersa', { type: 'respond-to-envoy', channel: 'c', response: 'deny' }))[0],
    ).toMatchObject({ type: 'channel-denied', by: 'tersa' });
    expect(
      attempt(arrived, 'minnis', { type: 'respond-to-envoy', channel: 'c', response: 'deny' }),
    ).toMatchObject({ ok: false, rule: 'channel.contact' });
  });

  describe('an ambush at a conference', () => {
    /** A convened conference at which Culluh and Janeway sit, a Trabe ship overhead. */
    const convened = (warned: boolean, locked: boolean): World =>
      withEvents(
        start,
        { type: 'ship-arrived', ship: 'trabe-raider', location: 'sobras' },
        { type: 'ship-arrived', ship: 'voyager', location: 'sobras' },
        {
          type: 'conference-proposed',
          conference: 'c',
          title: 'peace',
          proposer: 'mabus',
          host: 'pommar',
          sponsors: ['trabe', 'federation'],
          venue: 'conference-room',
          invitees: ['nistrim'],
        },
        {
          type: 'person-moved',
          person: 'culluh',
          to: { kind: 'location', location: 'conference-room' },
          means: 'transporter',
        },
        {
          type: 'person-moved',
          person: 'janeway',
          to: { kind: 'location', location: 'conference-room' },
          means: 'transporter',
        },
        { type: 'conference-convened', conference: 'c', attendees: ['culluh', 'janeway'], arrangement: null },
        ...(warned
          ? [
              {
                type: 'intelligence-received',
                faction: 'federation',
                source: null,
                about: null,
                intent: 'kazon-leadership-massacre',
                indicator: 'a sketch',
                reliability: 0.5,
              },
            ]
          : []),
        ...(locked
          ? [
              {
                type: 'precaution-taken',
                faction: 'federation',
                kind: 'transporter-lock',
                ship: 'voyager',
                persons: ['janeway'],
                reasons: [],
              },
            ]
          : []),
      );
    const spring = { type: 'spring-ambush', intent: 'kazon-leadership-massacre', ship: 'trabe-raider' };

    it('harms no one when an attendee was warned; the transporter lock beams its persons out', () => {
      const events = ok(attempt(convened(true, true), 'trabe-commander', spring));
      expect(events.map((e) => e.type)).toEqual(['ambush-sprung', 'persons-evacuated', 'conference-ended']);
      expect(events[1]).toMatchObject({ ship: 'voyager', persons: ['janeway'] });
      expect(events[2]).toMatchObject({ outcome: 'attacked', killed: [] });
    });

    it('is deadly when no one was warned (chance decides who dies)', () => {
      const deaths = new Set<string>();
      for (let seed = 1; seed <= 20; seed++) {
        const end = ok(attempt(convened(false, false), 'trabe-commander', spring, seed)).at(-1)!;
        if (end.type === 'conference-ended') for (const p of end.killed) deaths.add(p);
      }
      expect([...deaths].sort()).toEqual(['culluh', 'janeway']);
    });

    it("needs a plan of one's own and a conference in session", () => {
      expect(attempt(convened(true, true), 'culluh', spring)).toMatchObject({
        ok: false,
        rule: 'intent.own',
      });
      expect(attempt(start, 'trabe-commander', spring)).toMatchObject({ ok: false, rule: 'ambush.target' });
    });
  });
});
