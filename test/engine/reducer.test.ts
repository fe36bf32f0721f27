import fc from 'fast-check';
import { runScenario } from '../../src/agents/run.js';
import { describe, expect, it } from 'vitest';
import { worldViolations } from '../../src/model/invariants.js';
import { sortedIds, type World } from '../../src/model/world.js';
import { buildWorld } from '../../src/engine/initial-world.js';
import { defaultScenario } from '../support.js';
import type { EventPayload, WorldEvent } from '../../src/events/index.js';
import { apply, fold } from '../../src/events/index.js';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Arbitrary events that refer only to things that exist in `world` (valid events). */
function eventArbitrary(world: World): fc.Arbitrary<EventPayload> {
  const factions = fc.constantFrom(...sortedIds(world.factions));
  const persons = fc.constantFrom(...sortedIds(world.persons));
  const ships = fc.constantFrom(...sortedIds(world.ships));
  const locations = fc.constantFrom(...sortedIds(world.locations));
  const system = fc.constantFrom(...world.physics.components.map((c) => c.id));
  const unit = fc.integer({ min: 0, max: 100 }).map((x) => x / 100);
  const decimal = (min: number, max: number) =>
    fc.integer({ min: min * 100, max: max * 100 }).map((x) => x / 100);
  const twoFactions = fc.uniqueArray(factions, { minLength: 2, maxLength: 3 });
  const agreementIds = fc.constantFrom('a-1', 'a-2', 'a-3');
  const provisions = fc.constantFrom(
    [
      {
        kind: 'defence' as const,
        against: 'any' as const,
        unlessProvoked: false,
        support: 'active' as const,
        secret: false,
      },
    ],
    [{ kind: 'travel-together' as const }],
    [{ kind: 'crew-exchange' as const, count: 2 }],
  );
  const text = fc.string({ maxLength: 12 });
  return fc.oneof(
    fc.record({
      type: fc.constant('engagement' as const),
      initiator: factions,
      attackers: fc.array(ships, { minLength: 1, maxLength: 2 }),
      defenders: fc.array(ships, { minLength: 1, maxLength: 2 }),
      location: locations,
      outcome: fc.constantFrom(
        'attackers-withdrew' as const,
        'defenders-withdrew' as const,
        'broken-off' as const,
      ),
      damage: fc.array(fc.record({ ship: ships, system, integrity: unit }), { maxLength: 4 }),
      casualties: fc.array(fc.record({ ship: ships, injured: fc.nat(50), killed: fc.nat(10) }), {
        maxLength: 2,
      }),
      losses: fc.array(fc.record({ ship: ships, count: fc.integer({ min: 1, max: 10 }) }), { maxLength: 2 }),
      notes: fc.constant([]),
    }),
    fc.record({ type: fc.constant('person-died' as const), person: persons, cause: text }),
    fc.record({ type: fc.constant('person-injured' as const), person: persons, cause: text }),
    fc.record({
      type: fc.constant('person-detained' as const),
      person: persons,
      by: factions,
      at: locations,
      reason: text,
    }),
    fc.record({
      type: fc.constant('person-moved' as const),
      person: persons,
      to: fc.oneof(
        fc.record({ kind: fc.constant('ship' as const), ship: ships }),
        fc.record({ kind: fc.constant('location' as const), location: locations }),
      ),
      means: fc.constant('on-foot' as const),
    }),
    fc.record({
      type: fc.constant('ship-departed' as const),
      ship: ships,
      from: locations,
      to: locations,
      arrivesAt: fc.nat(10_000),
    }),
    fc.record({ type: fc.constant('ship-arrived' as const), ship: ships, location: locations }),
    fc.record({
      type: fc.constant('systems-repaired' as const),
      ship: ships,
      systems: fc.array(fc.record({ system, integrity: unit }), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      type: fc.constant('repair-started' as const),
      ship: ships,
      systems: fc.array(system, { minLength: 1, maxLength: 3 }),
      by: fc.constant(null),
    }),
    fc.record({
      type: fc.constant('negotiation-opened' as const),
      negotiation: agreementIds,
      parties: twoFactions,
      initiator: factions,
      aboard: fc.constant(null),
      at: fc.constant(null),
      channel: fc.constant(null),
    }),
    fc.record({
      type: fc.constant('offer-made' as const),
      negotiation: agreementIds,
      agreement: agreementIds,
      by: factions,
      speaker: persons,
      kind: fc.constantFrom('offer' as const, 'counter' as const, 'demand' as const),
      provisions,
      excluded: fc.constant([]),
    }),
    fc.record({
      type: fc.constant('agreement-concluded' as const),
      agreement: agreementIds,
      negotiation: fc.constant(null),
      parties: twoFactions,
      provisions,
    }),
    fc.record({
      type: fc.constant('agreement-dissolved' as const),
      agreement: agreementIds,
      by: factions,
      speaker: persons,
      reason: text,
      principle: fc.constant(null),
    }),
    fc.record({
      type: fc.constant('negotiation-ended' as const),
      negotiation: agreementIds,
      outcome: fc.constantFrom('agreed' as const, 'walk-out' as const, 'timeout' as const),
      by: fc.constant(null),
      speaker: fc.constant(null),
      reason: text,
    }),
    fc.record({
      type: fc.constant('resources-transferred' as const),
      from: factions,
      to: factions,
      resource: fc.constantFrom('food', 'medicine', 'antimatter'),
      amount: decimal(0.1, 5000),
      agreement: fc.constant(null),
      purpose: text,
    }),
    fc.record({
      type: fc.constant('relation-changed' as const),
      from: factions,
      to: factions,
      status: fc.constantFrom(null, 'war' as const, 'allied' as const),
      affinityDelta: decimal(-3, 3),
      cause: text,
    }),
    fc.record({
      type: fc.constant('grievance-added' as const),
      from: factions,
      to: factions,
      grievance: text,
      cause: text,
      weight: decimal(0.01, 2),
      halfLife: fc.integer({ min: 1, max: 100_000 }),
    }),
    fc.record({
      type: fc.constant('trust-updated' as const),
      from: factions,
      to: factions,
      positive: fc.nat(5),
      negative: fc.nat(5),
      cause: text,
    }),
    fc.record({ type: fc.constant('mark-earned' as const), faction: factions, mark: text, cause: text }),
    fc.record({
      type: fc.constant('precaution-taken' as const),
      faction: factions,
      kind: fc.constantFrom('transporter-lock' as const, 'diagnostics' as const),
      ship: ships,
      persons: fc.array(persons, { maxLength: 3 }),
      reasons: fc.constant([]),
    }),
    fc.record({
      type: fc.constant('persons-evacuated' as const),
      ship: ships,
      persons: fc.array(persons, { minLength: 1, maxLength: 3 }),
      from: locations,
    }),
    fc.record({
      type: fc.constant('prisoners-escaped' as const),
      persons: fc.array(persons, { minLength: 1, maxLength: 2 }),
      from: locations,
      rescuers: fc.constant(null),
      to: fc.record({ kind: fc.constant('ship' as const), ship: ships }),
    }),
    fc.record({
      type: fc.constant('message-sent' as const),
      message: fc.constantFrom('m-1', 'm-2'),
      from: factions,
      to: factions,
      sender: persons,
      recipients: fc.array(persons, { minLength: 1, maxLength: 2 }),
      channel: fc.constant(null),
      text,
      arrivesAt: fc.nat(10_000),
    }),
  ) as fc.Arbitrary<EventPayload>;
}

describe('the reducer', () => {
  const start = deepFreeze(buildWorld(defaultScenario().spec));

  it('keeps the world invariants over any sequence of valid events, without mutating its input', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(eventArbitrary(start), fc.nat(120)), { maxLength: 60 }), (steps) => {
        let world = start;
        let t = 0;
        steps.forEach(([payload, dt], seq) => {
          t += dt;
          world = deepFreeze(apply(world, { ...payload, seq, t } as WorldEvent));
          const violations = worldViolations(world);
          if (violations.length > 0) throw new Error(`after ${payload.type}: ${violations.join('; ')}`);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('starts from a sound world', () => {
    expect(worldViolations(start)).toEqual([]);
  });

  it('folds a whole run to the world the simulation ends with', () => {
    const result = runScenario(defaultScenario(), { seed: 3 });
    expect(fold(start, result.events)).toEqual(result.world);
  });

  it('applies damage, casualties and losses of an engagement', () => {
    const w = apply(start, {
      type: 'engagement',
      seq: 0,
      t: 0,
      initiator: 'nistrim',
      attackers: ['nistrim-raiders'],
      defenders: ['voyager'],
      location: 'battle-site',
      outcome: 'attackers-withdrew',
      damage: [{ ship: 'voyager', system: 'warp', integrity: 0 }],
      casualties: [{ ship: 'voyager', injured: 5, killed: 1 }],
      losses: [{ ship: 'nistrim-raiders', count: 2 }],
      notes: [],
    } as unknown as WorldEvent);
    expect(w.ships['voyager' as never]).toMatchObject({
      systems: { warp: 0, impulse: 1 },
      crew: { injured: 5, killed: 1 },
    });
    expect(w.ships['nistrim-raiders' as never]).toMatchObject({ count: 0, destroyed: true });
  });
});
