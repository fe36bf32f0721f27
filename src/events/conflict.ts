/**
 * Fighting and its toll: engagements (with the damage, casualties and losses they did), injuries
 * and deaths, repairs, and persons taken out of danger.
 */
import { z } from 'zod';
import { factionId, id, locationId, personId, shipId } from '../model/ids.js';
import type { ShipId } from '../model/ids.js';
import { days } from '../model/time.js';
import { componentId } from '../model/vocabulary.js';
import { factionsByPlace } from '../model/world-index.js';
import { relationKey, topLocation, type World } from '../model/world.js';
import { brokenPledges, type CallPayload } from './calls.js';
import { defineEvent, type EventOf } from './definition.js';
import { atWarWith } from './obligations.js';
import type { WarPayload } from './wars.js';
import { factionOfPerson, factionOfShip, factionsOfPersons, factionsOfShips } from './observers.js';
import { type Consequence, distrust, grievance, relationChange } from './relations.js';
import { nameOf, naming, physicsWord, reachingVerb } from './telling.js';
import { updatePerson, updateShip } from './updates.js';

const MONTH = days(30);
const integrity = z.number().min(0).max(1);

const factionsOf = (world: World, ships: readonly ShipId[]) =>
  new Set(ships.flatMap((s) => factionOfShip(world, s)));

const engagementFields = {
  initiator: factionId,
  attackers: z.array(shipId).min(1),
  defenders: z.array(shipId).min(1),
  location: locationId,
  outcome: z.enum([
    'attackers-withdrew',
    'defenders-withdrew',
    'attackers-destroyed',
    'defenders-destroyed',
    'broken-off',
  ]),
  /** Integrity of each damaged system after the engagement. */
  damage: z.array(z.strictObject({ ship: shipId, system: componentId, integrity })).default([]),
  casualties: z
    .array(
      z.strictObject({
        ship: shipId,
        injured: z.number().int().nonnegative(),
        killed: z.number().int().nonnegative(),
      }),
    )
    .default([]),
  /** Ships of a squadron lost (count reduced). */
  losses: z.array(z.strictObject({ ship: shipId, count: z.number().int().positive() })).default([]),
  notes: z.array(z.string()).default([]),
};

export const conflictEvents = {
  engagement: defineEvent({
    fields: engagementFields,
    apply(world, e) {
      for (const d of e.damage)
        world = updateShip(world, d.ship, (s) => ({
          ...s,
          systems: { ...s.systems, [d.system]: d.integrity },
        }));
      for (const c of e.casualties) {
        world = updateShip(world, c.ship, (s) => ({
          ...s,
          crew: { ...s.crew, injured: s.crew.injured + c.injured, killed: s.crew.killed + c.killed },
        }));
      }
      for (const l of e.losses) {
        world = updateShip(world, l.ship, (s) => {
          const count = Math.max(0, s.count - l.count);
          return { ...s, count, destroyed: count === 0 };
        });
      }
      return world;
    },
    // Those who fought, and everyone with eyes at the place.
    observers: (world, e) => [
      e.initiator,
      ...factionsOfShips(world, [...e.attackers, ...e.defenders]),
      ...(factionsByPlace(world).at.get(topLocation(world, e.location)) ?? []),
    ],
    tell(e, names) {
      const { n, ns } = naming(names);
      const damaged = new Map<string, string[]>();
      for (const d of e.damage) {
        const parts = damaged.get(d.ship) ?? [];
        parts.push(`${physicsWord(names, d.system)} ${Math.round(d.integrity * 100)}%`);
        damaged.set(d.ship, parts);
      }
      const damage = [...damaged].map(([ship, parts]) => `${n(ship)}: ${parts.join(', ')}`);
      const hurt = e.casualties.map(
        (c) => `${n(c.ship)} ${c.injured} injured${c.killed ? `, ${c.killed} killed` : ''}`,
      );
      const lost = e.losses.map((l) => `${n(l.ship)} lost ${l.count}`);
      const details = [...damage, ...e.notes, ...hurt, ...lost];
      return `${n(e.initiator)} (${ns(e.attackers)}) attack ${ns(e.defenders)} at ${n(e.location)}; ${e.outcome.replace('-', ' ')}.${details.length ? ` ${details.join('; ')}.` : ''}`;
    },
    consequences: engagementConsequences,
  }),

  'person-injured': defineEvent({
    fields: { person: personId, cause: z.string() },
    apply: (world, e) =>
      updatePerson(world, e.person, (p) => (p.status === 'dead' ? p : { ...p, status: 'injured' })),
    observers: (world, e) => factionOfPerson(world, e.person),
    tell(e, names) {
      const { n } = naming(names);
      return `${n(e.person)} is injured: ${e.cause}.`;
    },
  }),

  'person-died': defineEvent({
    fields: { person: personId, cause: z.string() },
    apply: (world, e) => updatePerson(world, e.person, (p) => ({ ...p, status: 'dead' })),
    observers: (world, e) => factionOfPerson(world, e.person),
    tell(e, names) {
      const { n } = naming(names);
      return `${n(e.person)} dies: ${e.cause}.`;
    },
  }),

  'repair-started': defineEvent({
    fields: { ship: shipId, systems: z.array(componentId).min(1), by: personId.nullable().default(null) },
    apply: (world, e) =>
      updateShip(world, e.ship, (s) => ({
        ...s,
        repairs: [...new Set([...s.repairs, ...e.systems])].sort(),
      })),
    observers: (world, e) => factionOfShip(world, e.ship),
    tell(e, names) {
      const { n } = naming(names);
      return `Repairs begin on ${n(e.ship)}: ${e.systems.map((c) => physicsWord(names, c)).join(', ')}.`;
    },
  }),

  'systems-repaired': defineEvent({
    fields: {
      ship: shipId,
      systems: z.array(z.strictObject({ system: componentId, integrity })).min(1),
    },
    apply: (world, e) =>
      updateShip(world, e.ship, (s) => {
        const systems = { ...s.systems };
        for (const r of e.systems) systems[r.system] = r.integrity;
        return {
          ...s,
          systems,
          repairs: s.repairs.filter((c) => (systems[c] ?? 0) < (s.rated[c] ?? 0)),
        };
      }),
    observers: (world, e) => factionOfShip(world, e.ship),
    tell(e, names) {
      const { n } = naming(names);
      return `Repair crews on ${n(e.ship)} report ${e.systems.map((s) => `${physicsWord(names, s.system)} ${Math.round(s.integrity * 100)}%`).join(', ')}.`;
    },
  }),

  'persons-evacuated': defineEvent({
    fields: { ship: shipId, persons: z.array(personId).min(1), from: locationId },
    apply(world, e) {
      for (const id of e.persons)
        world = updatePerson(world, id, (p) => ({ ...p, position: { kind: 'ship', ship: e.ship } }));
      return updateShip(world, e.ship, (s) => ({
        ...s,
        heldReady: s.heldReady.filter((p) => !e.persons.includes(p)),
      }));
    },
    observers: (world, e) => [...factionsOfPersons(world, e.persons), ...factionOfShip(world, e.ship)],
    tell(e, names) {
      const { n, ns } = naming(names);
      return `${n(e.ship)} ${reachingVerb(names)} ${ns(e.persons)} out of ${n(e.from)}.`;
    },
  }),
};

/**
 * The attacked resent and distrust the attacker and turn hostile; losses are resented in turn. An
 * attack on factions the attacker is not at war with is aggression: it opens hostilities (an
 * undeclared war, whose consequences make the attacked's defence pledges due), and it breaks any
 * pledge of non-aggression the attacker gave them.
 */
function engagementConsequences(
  world: World,
  e: EventOf<typeof engagementFields>,
): (Consequence | WarPayload | CallPayload)[] {
  const out: (Consequence | WarPayload | CallPayload)[] = [];
  const attackers = factionsOf(world, e.attackers);
  const defenders = factionsOf(world, e.defenders);
  for (const d of [...defenders].sort()) {
    if (d === e.initiator) continue;
    out.push(
      grievance(
        d,
        e.initiator,
        `attacked-${e.seq}`,
        `attacked by ${nameOf(world, e.initiator)} at ${nameOf(world, e.location)}`,
        0.5,
        MONTH,
      ),
    );
    out.push(distrust(d, e.initiator, 1, 'attacked'));
    const status = world.relations[relationKey(d, e.initiator)]?.status ?? 'neutral';
    if (status !== 'war' && status !== 'hostile')
      out.push(relationChange(d, e.initiator, 'hostile', -0.3, 'attacked'));
  }
  for (const a of [...attackers].sort()) {
    for (const d of [...defenders].sort()) {
      if (a !== d && e.losses.some((l) => factionOfShip(world, l.ship).includes(a)))
        out.push(grievance(a, d, `losses-${e.seq}`, `forces lost fighting ${nameOf(world, d)}`, 0.3, MONTH));
    }
  }
  const victims = [...defenders].sort().filter((d) => d !== e.initiator && !atWarWith(world, e.initiator, d));
  for (const victim of victims)
    out.push(
      ...brokenPledges(world, e.initiator, victim, ['non-aggression'], `attacked ${nameOf(world, victim)}`),
    );
  if (victims.length > 0)
    out.push({
      type: 'war-declared',
      war: id.war(`attack-${e.seq}`),
      name: `hostilities of ${e.initiator} against ${victims.join(', ')}`,
      by: e.initiator,
      against: victims,
      casusBelli: 'an attack',
      declared: false,
      where: e.location,
      call: null,
      reasons: [],
    });
  return out;
}
