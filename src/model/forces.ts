/**
 * What a force can do with the components it has, as damaged, under its world's physics
 * (./physics.ts): how fast it moves and by which way, whether persons can pass to and from it and
 * how, whether it can signal, how well it fights and is protected. The engine's rules and the
 * leaders' questions both ask here, so that the two never disagree about what a force can do.
 */
import { componentsWithRole, type ComponentRole, type Physics } from './physics.js';
import type { Ship } from './world.js';

/** Does the component work (integrity at least `operational`)? A component the force lacks does not. */
export const works = (ship: Ship, component: string, operational: number): boolean =>
  (ship.systems[component] ?? 0) >= operational;

/**
 * The mean integrity of the force's components with a role, `absent` when the world has none (a
 * world without protection turns no fire away; one without armament fights at full strength).
 */
export function roleIntegrity(ship: Ship, physics: Physics, role: ComponentRole, absent: number): number {
  const ids = componentsWithRole(physics, role);
  if (ids.length === 0) return absent;
  return ids.reduce((sum, id) => sum + (ship.systems[id] ?? 0), 0) / ids.length;
}

/** Distance per hour the force makes by one way of moving, as damaged (0 when the way's needs do not all work). */
export function waySpeed(ship: Ship, way: Physics['ways'][number], operational: number): number {
  if (!way.needs.every((c) => works(ship, c, operational))) return 0;
  const drive = way.needs[0];
  return (ship.speeds[way.id] ?? 0) * (drive === undefined ? 1 : (ship.systems[drive] ?? 0));
}

/** Distance per hour the force makes the first way its components allow (0 when none does). */
export function travelSpeed(ship: Ship, physics: Physics, operational: number): number {
  for (const way of physics.ways)
    if (way.needs.every((c) => works(ship, c, operational))) return waySpeed(ship, way, operational);
  return 0;
}

/** The best speed any way of moving gives the force as damaged, working or not (a planner's estimate). */
export function bestSpeed(ship: Ship, physics: Physics): number {
  let best = 0;
  for (const way of physics.ways) {
    const drive = way.needs[0];
    best = Math.max(
      best,
      (ship.speeds[way.id] ?? 0) * (drive === undefined ? 1 : (ship.systems[drive] ?? 0)),
    );
  }
  return best;
}

/** The force's top speed undamaged. */
export const topSpeed = (ship: Ship): number => Math.max(0, ...Object.values(ship.speeds));

/** The first transfer whose needs work on the force (one that reaches, if asked), or null. */
export function workingTransfer(
  ship: Ship,
  physics: Physics,
  operational: number,
  options: { readonly reach?: boolean } = {},
): Physics['transfers'][number] | null {
  return (
    physics.transfers.find(
      (t) => (!options.reach || t.reach) && t.needs.every((c) => works(ship, c, operational)),
    ) ?? null
  );
}

/** Can persons aboard the force send messages? Yes unless a signalling component it has is down. */
export function canSignal(ship: Ship, physics: Physics, operational: number): boolean {
  return componentsWithRole(physics, 'signalling').every(
    (c) => (ship.rated[c] ?? 0) === 0 || works(ship, c, operational),
  );
}

/** The components the force has that damage has lowered below their rating. */
export const damagedComponents = (ship: Ship, physics: Physics): string[] =>
  physics.components.map((c) => c.id).filter((id) => (ship.systems[id] ?? 0) < (ship.rated[id] ?? 0));

/** Can the force reach persons at its place without their coming to it (a transfer that reaches works)? */
export const canReach = (ship: Ship, physics: Physics, operational: number): boolean =>
  workingTransfer(ship, physics, operational, { reach: true }) !== null;
