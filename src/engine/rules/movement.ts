/**
 * Rules of movement and custody: forces travel the first way of moving their damaged components
 * allow (the world's physics, ../../model/physics.ts), persons pass between a force and its place
 * by the first transfer that works, or are taken out of danger by one that reaches; persons are
 * detained, break out, are expelled; a force may wait at a rendezvous.
 */
import type { FactionId, LocationId, ShipId } from '../../model/ids.js';
import { hours, later } from '../../model/time.js';
import {
  distanceBetween,
  distanceByWay,
  personLocation,
  type Ship,
  inIdOrder,
  topLocation,
  type World,
} from '../../model/world.js';
import { waySpeed, workingTransfer } from '../../model/forces.js';
import { allow, type Rule, type RuleContext, type RuleOutcome, refuse, type Rulebook } from './context.js';

/** Does the faction have anyone (an active person, or a ship not under way) at the location's place? */
export function presentAt(world: World, faction: FactionId, location: LocationId): boolean {
  const place = topLocation(world, location);
  for (const s of inIdOrder(world.ships)) {
    if (s.faction === faction && !s.destroyed && !s.course && topLocation(world, s.location) === place)
      return true;
  }
  for (const p of inIdOrder(world.persons)) {
    if (
      p.faction === faction &&
      p.status !== 'dead' &&
      p.status !== 'detained' &&
      p.journey === null &&
      topLocation(world, personLocation(world, p)) === place
    )
      return true;
  }
  return false;
}

function ownShip(ctx: RuleContext, faction: FactionId, shipId: ShipId): Ship | RuleOutcome {
  const ship = ctx.world.ships[shipId];
  if (!ship) return refuse('ship.exists', `no ship ${shipId}`);
  if (ship.faction !== faction) return refuse('ship.owner', `${ship.id} does not belong to ${faction}`);
  if (ship.destroyed) return refuse('ship.destroyed', `${ship.id} is destroyed`);
  return ship;
}

const isOutcome = (x: Ship | RuleOutcome): x is RuleOutcome => 'ok' in x;

export function voyage(ctx: RuleContext, faction: FactionId, shipId: ShipId, to: LocationId): RuleOutcome {
  const ship = ownShip(ctx, faction, shipId);
  if (isOutcome(ship)) return ship;
  if (ship.course) return refuse('ship.under-way', `${ship.id} is already under way to ${ship.course.to}`);
  if (!Number.isFinite(distanceBetween(ctx.world, ship.location, to)))
    return refuse('navigation.distance', `no known route from ${ship.location} to ${to}`);
  if (distanceBetween(ctx.world, ship.location, to) === 0)
    return allow({ type: 'ship-arrived', ship: ship.id, location: to });
  const route = routeFor(ctx, ship, to);
  if (route === null) return refuse('ship.propulsion', `${ship.id} has no working propulsion`);
  if (!Number.isFinite(route.distance))
    return refuse(
      'navigation.way',
      `no route from ${ship.location} to ${to} that ${ship.id} can take as it is`,
    );
  const arrivesAt = later(ctx.t, Math.max(1, Math.ceil(hours(route.distance / route.speed))));
  return allow({ type: 'ship-departed', ship: ship.id, from: ship.location, to, arrivesAt });
}

/**
 * How a force goes to a place: the first way of moving its components allow (../../model/forces.ts)
 * that has a route there, with the route's length; the first working way with an endless distance
 * when none has a route; null when no way works.
 */
function routeFor(ctx: RuleContext, ship: Ship, to: LocationId): { distance: number; speed: number } | null {
  let first: { distance: number; speed: number } | null = null;
  for (const way of ctx.world.physics.ways) {
    const speed = waySpeed(ship, way, ctx.settings.operationalIntegrity);
    if (speed <= 0) continue;
    const distance = distanceByWay(ctx.world, ship.location, to, way.id);
    if (Number.isFinite(distance)) return { distance, speed };
    first ??= { distance, speed };
  }
  return first;
}

export const move: Rule<'move'> = (ctx, _actor, faction, intent) =>
  voyage(ctx, faction.id, intent.ship, intent.to);
export const retreat: Rule<'retreat'> = (ctx, _actor, faction, intent) =>
  voyage(ctx, faction.id, intent.ship, intent.to);

export const awaitRendezvous: Rule<'await-rendezvous'> = (ctx, _actor, faction, intent) => {
  const ship = ownShip(ctx, faction.id, intent.ship);
  if (isOutcome(ship)) return ship;
  return allow({
    type: 'rendezvous-set',
    ship: ship.id,
    person: intent.person,
    at: intent.at,
    deadline: later(ctx.t, intent.within),
  });
};

export const board: Rule<'board'> = (ctx, actor, faction, intent) => {
  const ship = ctx.world.ships[intent.ship];
  if (!ship || ship.destroyed || ship.course)
    return refuse('ship.available', `${intent.ship} cannot take anyone aboard`);
  if (ship.faction !== faction.id) {
    // An enemy is welcome aboard only for talks held there.
    const status = ctx.world.relations[`${ship.faction}>${faction.id}`]?.status;
    const talks = Object.values(ctx.world.negotiations).some(
      (n) =>
        n.status === 'open' &&
        n.aboard === ship.id &&
        n.parties.includes(faction.id) &&
        n.parties.includes(ship.faction),
    );
    if ((status === 'war' || status === 'hostile') && !talks)
      return refuse('board.welcome', `${ship.faction} will not take ${faction.id} aboard`);
  }
  const place = topLocation(ctx.world, ship.location);
  for (const id of intent.persons) {
    const p = ctx.world.persons[id];
    if (!p || p.status === 'dead' || p.status === 'detained')
      return refuse('board.person', `${id} cannot come aboard`);
    if (p.faction !== faction.id && p.id !== actor.id)
      return refuse('board.authority', `${actor.id} cannot send ${id}`);
    if (topLocation(ctx.world, personLocation(ctx.world, p)) !== place)
      return refuse('board.range', `${id} is not at ${place}`);
  }
  // Those already aboard stay where they are: boarding is no act for them.
  const coming = intent.persons.filter((id) => {
    const at = ctx.world.persons[id]?.position;
    return !(at?.kind === 'ship' && at.ship === ship.id);
  });
  if (coming.length === 0)
    return refuse('board.aboard', `${intent.persons.join(', ')} already aboard ${ship.id}`);
  const means = transferFor(ctx, ship);
  if (!means) return refuse('ship.transfer', `no one can pass to ${ship.id} now`);
  return allow(
    ...coming.map((person) => ({
      type: 'person-moved' as const,
      person,
      to: { kind: 'ship' as const, ship: ship.id },
      means,
    })),
  );
};

/** The first transfer that works on the force, by id (the means of moving the log records). */
const transferFor = (ctx: RuleContext, ship: Ship): string | null =>
  workingTransfer(ship, ctx.world.physics, ctx.settings.operationalIntegrity)?.id ?? null;

export const go: Rule<'go'> = (ctx, actor, _faction, intent) => {
  if (actor.position.kind !== 'location')
    return refuse('go.aboard', `${actor.id} is aboard a ship; disembark instead`);
  if (topLocation(ctx.world, actor.position.location) !== topLocation(ctx.world, intent.to))
    return refuse('go.range', `${intent.to} is too far to walk`);
  return allow({
    type: 'person-moved',
    person: actor.id,
    to: { kind: 'location', location: intent.to },
    means: 'on-foot',
  });
};

/**
 * A journey on one's own to another place, at the world's speed of travel over the shortest known
 * route; the traveller is met nowhere until arrival (presence, talks and detention wait for it).
 */
export const travel: Rule<'travel'> = (ctx, actor, _faction, intent) => {
  if (actor.position.kind !== 'location')
    return refuse('travel.aboard', `${actor.id} is with a force; it travels with it`);
  const from = topLocation(ctx.world, actor.position.location);
  const to = topLocation(ctx.world, intent.to);
  if (from === to) return refuse('travel.here', `${actor.id} is already at ${to}; go instead`);
  const distance = distanceBetween(ctx.world, from, to);
  if (!Number.isFinite(distance))
    return refuse('navigation.distance', `no known route from ${from} to ${to}`);
  const arrivesAt = later(ctx.t, Math.max(1, Math.ceil(hours(distance / ctx.world.physics.travel.speed))));
  return allow({
    type: 'journey-begun',
    person: actor.id,
    from: actor.position.location,
    to: intent.to,
    arrivesAt,
  });
};

export const disembark: Rule<'disembark'> = (ctx, _actor, faction, intent) => {
  const ship = ownShip(ctx, faction.id, intent.ship);
  if (isOutcome(ship)) return ship;
  if (ship.course || topLocation(ctx.world, ship.location) !== topLocation(ctx.world, intent.to)) {
    return refuse('ship.location', `${ship.id} is not at ${topLocation(ctx.world, intent.to)}`);
  }
  const away = intent.persons.filter((p) => {
    const pos = ctx.world.persons[p]?.position;
    return !(pos?.kind === 'ship' && pos.ship === ship.id);
  });
  if (away.length > 0) return refuse('person.aboard', `${away.join(', ')} not aboard ${ship.id}`);
  const means = transferFor(ctx, ship);
  if (!means) return refuse('ship.transfer', `no one can leave ${ship.id} now`);
  return allow(
    ...intent.persons.map((person) => ({
      type: 'person-moved' as const,
      person,
      to: { kind: 'location' as const, location: intent.to },
      means,
    })),
  );
};

export const evacuate: Rule<'evacuate'> = (ctx, _actor, faction, intent) => {
  const ship = ownShip(ctx, faction.id, intent.ship);
  if (isOutcome(ship)) return ship;
  if (!workingTransfer(ship, ctx.world.physics, ctx.settings.operationalIntegrity, { reach: true })) {
    const down = ctx.world.physics.transfers.find((t) => t.reach)?.needs[0] ?? 'transfer';
    return refuse(`ship.${down}`, `${ship.id}'s ${down} is down`);
  }
  const place = topLocation(ctx.world, ship.location);
  // Those standing at a location of the ship's place, with where the first of them stands.
  const reachable = intent.persons.flatMap((id) => {
    const p = ctx.world.persons[id];
    return p &&
      p.status !== 'dead' &&
      p.position.kind === 'location' &&
      topLocation(ctx.world, p.position.location) === place
      ? [{ id, at: p.position.location }]
      : [];
  });
  const [first] = reachable;
  if (!first)
    return refuse('transfer.range', `none of ${intent.persons.join(', ')} is within reach of ${ship.id}`);
  return allow({
    type: 'persons-evacuated',
    ship: ship.id,
    persons: reachable.map((r) => r.id),
    from: first.at,
  });
};

export const expel: Rule<'expel'> = (ctx, _actor, faction, intent) => {
  const person = ctx.world.persons[intent.person];
  const target = ctx.world.ships[intent.to];
  if (!person || !target) return refuse('expel.exists', `cannot send ${intent.person} to ${intent.to}`);
  const pos = person.position;
  const from = pos.kind === 'ship' ? ctx.world.ships[pos.ship] : undefined;
  if (!from || from.faction !== faction.id)
    return refuse('expel.aboard', `${person.id} is not aboard a ship of ${faction.id}`);
  if (topLocation(ctx.world, from.location) !== topLocation(ctx.world, target.location)) {
    return refuse('expel.range', `${target.id} is not within range of ${from.id}`);
  }
  return allow({
    type: 'person-moved',
    person: person.id,
    to: { kind: 'ship', ship: target.id },
    means: 'expulsion',
  });
};

export const detain: Rule<'detain'> = (ctx, _actor, faction, intent) => {
  const person = ctx.world.persons[intent.person];
  if (!person || person.status === 'dead')
    return refuse('detain.person', `${intent.person} cannot be detained`);
  const place = topLocation(ctx.world, intent.at);
  const location = ctx.world.locations[intent.at];
  const holder = location?.controlledBy ?? ctx.world.locations[place]?.controlledBy ?? null;
  if (holder !== faction.id) return refuse('detain.control', `${faction.id} does not control ${intent.at}`);
  if (person.journey || topLocation(ctx.world, personLocation(ctx.world, person)) !== place)
    return refuse('detain.presence', `${person.id} is not at ${place}`);
  return allow({
    type: 'person-detained',
    person: person.id,
    by: faction.id,
    at: intent.at,
    reason: ctx.reasons[0] ?? 'detained',
  });
};

export const rescue: Rule<'rescue'> = (ctx, _actor, faction, intent) => {
  const notHeld = intent.persons.filter((id) => {
    const p = ctx.world.persons[id];
    return p?.status !== 'detained' || p.position.kind !== 'location' || p.position.location !== intent.from;
  });
  if (notHeld.length > 0)
    return refuse('rescue.detained', `${notHeld.join(', ')} not held at ${intent.from}`);
  if (!presentAt(ctx.world, faction.id, intent.from))
    return refuse('rescue.presence', `${faction.id} has no free force at ${intent.from}`);
  return allow({
    type: 'prisoners-escaped',
    persons: intent.persons,
    from: intent.from,
    rescuers: faction.id,
    to: intent.to,
  });
};

/** This family's part of the rulebook (./index.ts): the rules of moving ships and persons, detention and rescue. */
export const movementRules = {
  move,
  retreat,
  'await-rendezvous': awaitRendezvous,
  board,
  go,
  travel,
  disembark,
  evacuate,
  expel,
  detain,
  rescue,
} satisfies Rulebook;
