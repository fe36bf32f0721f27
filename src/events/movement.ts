/**
 * Where ships and persons are: voyages, moves between ships and places, detention and escape,
 * rendezvous kept or missed, and ships meeting.
 */
import { z } from 'zod';
import { factionId, locationId, personId, shipId } from '../model/ids.js';
import type { FactionId } from '../model/ids.js';
import { days, formatTime, minutesSchema } from '../model/time.js';
import { meansOfMoving, positionSchema } from '../model/vocabulary.js';
import { defineEvent, type EventOf } from './definition.js';
import { factionOfPerson, factionOfShip, factionsOfPersons, factionsOfShips } from './observers.js';
import { type Consequence, distrust, grievance, relationChange, trust } from './relations.js';
import { nameOf, naming, transferVerb } from './telling.js';
import { DEFAULT_PHYSICS } from '../model/physics.js';
import { updatePerson, updateShip } from './updates.js';

const MONTH = days(30);

const rendezvousFields = { ship: shipId, person: personId, at: locationId };

/** A rendezvous kept or missed: either way it is over, and the ship's and person's sides know. */
function rendezvousOver(tell: (e: EventOf<typeof rendezvousFields>, n: (id: string) => string) => string) {
  return defineEvent({
    fields: rendezvousFields,
    apply: (world, e) => ({
      ...world,
      rendezvous: world.rendezvous.filter(
        (r) => !(r.ship === e.ship && r.person === e.person && r.at === e.at),
      ),
    }),
    observers: (world, e) => [...factionOfPerson(world, e.person), ...factionOfShip(world, e.ship)],
    tell: (e, names) => tell(e, naming(names).n),
  });
}

export const movementEvents = {
  'ship-departed': defineEvent({
    fields: { ship: shipId, from: locationId, to: locationId, arrivesAt: minutesSchema },
    apply: (world, e) =>
      updateShip(world, e.ship, (s) => ({
        ...s,
        course: { from: e.from, to: e.to, departedAt: e.t, arrivesAt: e.arrivesAt > e.t ? e.arrivesAt : e.t },
      })),
    observers: (world, e) => factionOfShip(world, e.ship),
    tell(e, names) {
      const { n } = naming(names);
      return `${n(e.ship)} sets out from ${n(e.from)} for ${n(e.to)}, due ${formatTime(e.arrivesAt)}.`;
    },
  }),

  'ship-arrived': defineEvent({
    fields: { ship: shipId, location: locationId },
    apply: (world, e) => updateShip(world, e.ship, (s) => ({ ...s, location: e.location, course: null })),
    observers: (world, e) => factionOfShip(world, e.ship),
    tell(e, names) {
      const { n } = naming(names);
      return `${n(e.ship)} arrives at ${n(e.location)}.`;
    },
  }),

  'journey-begun': defineEvent({
    fields: { person: personId, from: locationId, to: locationId, arrivesAt: minutesSchema },
    apply: (world, e) =>
      updatePerson(world, e.person, (p) => ({
        ...p,
        journey: { to: e.to, arrivesAt: e.arrivesAt > e.t ? e.arrivesAt : e.t },
      })),
    observers: (world, e) => factionOfPerson(world, e.person),
    tell(e, names) {
      const { n } = naming(names);
      const verb = (names.physics ?? DEFAULT_PHYSICS).travel.verb;
      return `${n(e.person)} ${verb} from ${n(e.from)} for ${n(e.to)}, due ${formatTime(e.arrivesAt)}.`;
    },
  }),

  'person-moved': defineEvent({
    fields: { person: personId, to: positionSchema, means: meansOfMoving },
    apply: (world, e) => updatePerson(world, e.person, (p) => ({ ...p, position: e.to, journey: null })),
    observers: (world, e) => factionOfPerson(world, e.person),
    tell(e, names) {
      const { n } = naming(names);
      if (e.means === 'journey')
        return `${n(e.person)} arrives at ${e.to.kind === 'ship' ? n(e.to.ship) : n(e.to.location)}.`;
      const verb = e.means === 'expulsion' ? 'is sent off' : (transferVerb(names, e.means) ?? 'goes');
      return `${n(e.person)} ${verb} to ${e.to.kind === 'ship' ? n(e.to.ship) : n(e.to.location)}.`;
    },
  }),

  'person-detained': defineEvent({
    fields: { person: personId, by: factionId, at: locationId, reason: z.string() },
    apply: (world, e) =>
      updatePerson(world, e.person, (p) => ({
        ...p,
        status: 'detained',
        position: { kind: 'location', location: e.at },
      })),
    observers: (_world, e) => [e.by],
    tell(e, names) {
      const { n } = naming(names);
      return `${n(e.by)} detain ${n(e.person)} in ${n(e.at)}: ${e.reason}.`;
    },
    consequences(world, e): Consequence[] {
      const p = world.persons[e.person];
      if (!p || p.faction === e.by) return [];
      return [
        grievance(p.faction, e.by, `detained-${e.person}`, `${p.name} detained`, 0.3, MONTH),
        distrust(p.faction, e.by, 1, `${p.name} detained`),
      ];
    },
  }),

  'prisoners-escaped': defineEvent({
    fields: {
      persons: z.array(personId).min(1),
      from: locationId,
      rescuers: factionId.nullable().default(null),
      to: positionSchema,
    },
    apply(world, e) {
      for (const id of e.persons) {
        world = updatePerson(world, id, (p) => ({
          ...p,
          status: p.status === 'detained' ? 'active' : p.status,
          position: e.to,
        }));
      }
      return world;
    },
    observers: (world, e) => [...(e.rescuers ? [e.rescuers] : []), ...factionsOfPersons(world, e.persons)],
    tell(e, names) {
      const { n, ns } = naming(names);
      return `${ns(e.persons)} break out of ${n(e.from)}${e.rescuers ? ` with the help of ${n(e.rescuers)}` : ''}.`;
    },
    // Those freed owe their rescuers: their factions' trust and liking grow. Those who held them
    // resent the rescuers.
    consequences(world, e): Consequence[] {
      const out: Consequence[] = [];
      const rescuers = e.rescuers;
      if (rescuers) {
        const freed = new Set(e.persons.flatMap((p) => factionOfPerson(world, p)));
        for (const f of [...freed].sort()) {
          if (f === rescuers) continue;
          out.push(trust(f, rescuers, 2, `${nameOf(world, rescuers)} freed our people`));
          out.push(relationChange(f, rescuers, null, 0.3, 'they freed our people'));
        }
      }
      const holder: FactionId | null | undefined = world.locations[e.from]?.controlledBy;
      if (holder && rescuers && holder !== rescuers)
        out.push(
          grievance(
            holder,
            rescuers,
            `escape-${e.seq}`,
            `prisoners freed from ${nameOf(world, e.from)}`,
            0.2,
            MONTH,
          ),
        );
      return out;
    },
  }),

  'rendezvous-set': defineEvent({
    fields: { ship: shipId, person: personId, at: locationId, deadline: minutesSchema },
    apply: (world, e) => ({
      ...world,
      rendezvous: [...world.rendezvous, { ship: e.ship, person: e.person, at: e.at, deadline: e.deadline }],
    }),
    observers: (world, e) => [...factionOfPerson(world, e.person), ...factionOfShip(world, e.ship)],
    tell(e, names) {
      const { n } = naming(names);
      return `${n(e.ship)} will wait at ${n(e.at)} for ${n(e.person)} until ${formatTime(e.deadline)}.`;
    },
  }),

  'rendezvous-kept': rendezvousOver((e, n) => `${n(e.person)} makes the rendezvous with ${n(e.ship)}.`),
  'rendezvous-missed': rendezvousOver(
    (e, n) => `${n(e.person)} misses the rendezvous with ${n(e.ship)} at ${n(e.at)}.`,
  ),

  'ships-met': defineEvent({
    fields: { ships: z.array(shipId).min(2), location: locationId },
    apply: (world) => world,
    observers: (world, e) => factionsOfShips(world, e.ships),
    tell(e, names) {
      const { n, ns } = naming(names);
      return `At ${n(e.location)}, ${ns(e.ships)} meet.`;
    },
  }),
};
