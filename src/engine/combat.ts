/**
 * Engagements by Lanchester's square law (Lanchester 1916), in discrete rounds with seeded noise.
 *
 * Each side's fighting strength is Σ count · firepower · armament integrity over its forces. In a
 * round, each side inflicts damage proportional to its strength (the square law: a side's losses
 * grow with the size of the other side, so concentration wins), scaled by the defender's
 * protection. Damage to a squadron destroys units; damage to a lone unit wears down its components
 * (those of the world's physics, ./model/physics.ts), and crew
 * casualties follow the damage. A side withdraws when its strength falls below half its initial
 * strength, or below half of the other side's.
 */
import type { Rng } from '../common/random.js';
import type { FactionId, LocationId } from '../model/ids.js';
import { type Ship } from '../model/world.js';
import { componentsWithRole, type Physics } from '../model/physics.js';
import { roleIntegrity } from '../model/forces.js';
import type { EventPayloadOf } from '../events/index.js';

/** Damage per unit of strength per round (calibrates how quickly engagements are decided). */
const LETHALITY = 0.12;
const MAX_ROUNDS = 6;
/** Share of incoming fire that full protection turns away. */
const PROTECTION_ABSORPTION = 0.6;

interface Unit {
  ship: Ship;
  count: number;
  systems: Record<string, number>;
  injured: number;
  killed: number;
}

/** A unit as it stands in the fight: its current components, read by role. */
const asFought = (u: Unit): Ship => ({ ...u.ship, systems: u.systems });

const strength = (units: readonly Unit[], physics: Physics) =>
  units.reduce(
    (s, u) => s + u.count * u.ship.firepower * roleIntegrity(asFought(u), physics, 'armament', 1),
    0,
  );

function takeFire(units: Unit[], incoming: number, physics: Physics, rng: Rng): void {
  const total = units.reduce((s, u) => s + u.count, 0);
  if (total === 0) return;
  for (const u of units) {
    if (u.count === 0) continue;
    // Fire is spread over the ships of the side in proportion to their number.
    const share = (incoming * u.count) / total;
    const protection = roleIntegrity(asFought(u), physics, 'protection', 0);
    const effective = share * (1 - PROTECTION_ABSORPTION * protection) * (0.75 + 0.5 * rng.float());
    if (u.ship.count > 1) {
      // A squadron loses whole ships: the expected number, rounded at random.
      const expected = Math.min(u.count, effective / Math.max(0.1, u.ship.firepower));
      const lost = Math.min(
        u.count,
        Math.floor(expected) + (rng.float() < expected - Math.floor(expected) ? 1 : 0),
      );
      u.count -= lost;
      u.killed += Math.round((lost * u.ship.crew.complement) / u.ship.count);
    } else {
      // A lone unit's components wear down; its protection goes first.
      const hit = Math.min(1, effective / Math.max(0.1, u.ship.firepower * 4));
      const shielding = componentsWithRole(physics, 'protection');
      for (const c of physics.components) {
        const exposure = shielding.includes(c.id) ? 2 : 0.5 + rng.float();
        u.systems[c.id] = Math.max(0, round3((u.systems[c.id] ?? 0) * (1 - Math.min(1, hit * exposure))));
      }
      const crew = Math.max(0, u.ship.crew.complement - u.ship.crew.killed - u.killed);
      u.injured += Math.round(crew * hit * 0.2 * rng.float());
      u.killed += rng.float() < hit * 0.5 ? 1 : 0;
      if (roleIntegrity(asFought(u), physics, 'structure', meanIntegrity(u)) <= 0.05) u.count = 0;
    }
  }
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Without a structural component, a unit is lost when its components are all but gone. */
const meanIntegrity = (u: Unit): number => {
  const values = Object.values(u.systems);
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
};

export function resolveEngagement(
  initiator: FactionId,
  attackers: readonly Ship[],
  defenders: readonly Ship[],
  location: LocationId,
  physics: Physics,
  rng: Rng,
): EventPayloadOf<'engagement'> {
  const toUnit = (ship: Ship): Unit => ({
    ship,
    count: ship.count,
    systems: { ...ship.systems },
    injured: 0,
    killed: 0,
  });
  const a = attackers.map(toUnit);
  const d = defenders.map(toUnit);
  const outcome = fight(a, d, physics, rng);
  return {
    type: 'engagement',
    initiator,
    attackers: attackers.map((s) => s.id),
    defenders: defenders.map((s) => s.id),
    location,
    outcome,
    ...tally([...a, ...d], physics),
    notes: [],
  };
}

type Engagement = EventPayloadOf<'engagement'>;

/**
 * Rounds of fire until a side is destroyed or withdraws — when it has lost half its strength, or
 * is outgunned two to one — or the rounds run out and the fight is broken off.
 */
function fight(a: Unit[], d: Unit[], physics: Physics, rng: Rng): Engagement['outcome'] {
  const a0 = strength(a, physics);
  const d0 = strength(d, physics);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const fa = strength(a, physics);
    const fd = strength(d, physics);
    takeFire(d, fa * LETHALITY * 4, physics, rng);
    takeFire(a, fd * LETHALITY * 4, physics, rng);
    const sa = strength(a, physics);
    const sd = strength(d, physics);
    if (a.every((u) => u.count === 0)) return 'attackers-destroyed';
    if (d.every((u) => u.count === 0)) return 'defenders-destroyed';
    if (sa < 0.5 * a0 || sa < 0.5 * sd) return 'attackers-withdrew';
    if (sd < 0.5 * d0 || sd < 0.5 * sa) return 'defenders-withdrew';
  }
  return 'broken-off';
}

/** What the fight did to each unit, ships in id order: systems damaged, casualties, ships lost. */
function tally(
  units: readonly Unit[],
  physics: Physics,
): Pick<Engagement, 'damage' | 'casualties' | 'losses'> {
  const damage: Engagement['damage'] = [];
  const casualties: Engagement['casualties'] = [];
  const losses: Engagement['losses'] = [];
  for (const u of [...units].sort((x, y) => (x.ship.id < y.ship.id ? -1 : 1))) {
    for (const { id } of physics.components) {
      const now = u.systems[id] ?? 0;
      if (now !== (u.ship.systems[id] ?? 0)) damage.push({ ship: u.ship.id, system: id, integrity: now });
    }
    if (u.injured > 0 || u.killed > 0)
      casualties.push({ ship: u.ship.id, injured: u.injured, killed: u.killed });
    if (u.count < u.ship.count) losses.push({ ship: u.ship.id, count: u.ship.count - u.count });
  }
  return { damage, casualties, losses };
}
