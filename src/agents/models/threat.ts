/**
 * Balance of threat (Walt 1987, "The Origins of Alliances"): states ally against threats, and a
 * threat is the product of aggregate power, proximity, offensive capability and perceived
 * intentions. Here power is a fleet's firepower (its offensive capability included, scaled by
 * weapons integrity), proximity decays with distance, and intentions are the faction's
 * perceived hostility of the other (its beliefs, relation and grievances).
 *
 *   threat(o) = power(o) · proximity(d) · hostility(o) · readiness(o),   proximity(d) = 1 / (1 + d / D)
 *   readiness(o) = 1 + MOBILISED_THREAT while o is mobilised (an alert of the world's physics), else 1
 *   vulnerability = Σ threat / (Σ threat + defence),      defence = own strength + allies' (trusted)
 *   own strength = Σ firepower · (½ armament + ½ protection) · structure, each the integrity of the
 *   force's components of that role (../../model/forces.ts): a damaged force is a weaker defence.
 */
import type { FactionId, LocationId } from '../../model/ids.js';
import type { Ship } from '../../model/world.js';
import type { FactionView } from '../view.js';
import { roleIntegrity } from '../../model/forces.js';
import { nameOf, type ComponentRole } from '../../model/physics.js';
import { HOSTILE, MOBILISED_THREAT } from '../tuning.js';

export interface ThreatAssessment {
  /** Threat from each other faction, largest first. */
  readonly threats: readonly { readonly faction: FactionId; readonly threat: number }[];
  readonly totalThreat: number;
  readonly defence: number;
  /** In [0, 1]: 0 safe, 1 defenceless before the threats it faces. */
  readonly vulnerability: number;
}

/** Proximity in (0, 1]: halved at the world's `neighbourhood` distance (../../model/physics.ts). */
export function proximity(distance: number, neighbourhood: number): number {
  return Number.isFinite(distance) ? 1 / (1 + distance / neighbourhood) : 0.1;
}

export function threatOf(view: FactionView, other: FactionId): number {
  if (other === view.id) return 0;
  // A mobilised rival has its whole force ready to strike: its threat grows (MOBILISED_THREAT).
  const ready = view.mobilisedAt(other) === null ? 1 : 1 + MOBILISED_THREAT;
  return (
    view.strength(other) *
    proximity(view.distanceTo(other), view.physics.neighbourhood) *
    view.hostilityOf(other) *
    ready
  );
}

export function assessThreat(view: FactionView): ThreatAssessment {
  const threats = view
    .factionIds()
    .filter((f) => f !== view.id)
    .map((faction) => ({ faction, threat: threatOf(view, faction) }))
    .filter((t) => t.threat > 0)
    .sort((a, b) => b.threat - a.threat || (a.faction < b.faction ? -1 : 1));
  const totalThreat = threats.reduce((s, t) => s + t.threat, 0);
  // Own defence is the forces' condition: protection as well as armament, and what is left of the
  // force itself (its structure); allies count as far as they are trusted.
  let own = 0;
  for (const s of view.ownShips())
    own +=
      s.count *
      s.firepower *
      (0.5 * roleIntegrity(s, view.physics, 'armament', 1) +
        0.5 * roleIntegrity(s, view.physics, 'protection', 0)) *
      roleIntegrity(s, view.physics, 'structure', 1);
  let allied = 0;
  for (const a of view.allies())
    allied += view.strength(a) * view.trust(a) * proximity(view.distanceTo(a), view.physics.neighbourhood);
  const defence = own + allied;
  const vulnerability = totalThreat + defence > 0 ? totalThreat / (totalThreat + defence) : 0;
  return { threats, totalThreat, defence, vulnerability };
}

/** The roles of the components that make a force's strength in a fight (see `assessThreat`). */
const FIGHTING_ROLES: readonly ComponentRole[] = ['armament', 'protection', 'structure'];

/**
 * What a faction's vulnerability stands on, in words that say what is so: the threats in sight
 * against its defence (the largest first, with the ratio of the two), and the condition of its
 * forces — the fighting components damage has lowered, worst first, or that they are at full
 * strength. "Our forces cannot defend us" is for forces that cannot; undamaged ones facing
 * stronger rivals are outweighed, not defenceless.
 */
export function exposure(view: FactionView, threat: ThreatAssessment): string {
  const rivals = threat.threats.slice(0, 2).map((t) => t.faction);
  const ratio = threat.defence > 0 ? threat.totalThreat / threat.defence : Infinity;
  const balance =
    rivals.length === 0
      ? 'no threat in sight'
      : threat.defence <= 0
        ? `${view.physics.words.forces} cannot defend ${view.physics.words.home} against ${rivals.join(' and ')}`
        : ratio >= 1
          ? `${rivals.join(' and ')} outweigh our defence ${ratio.toFixed(1)} to 1`
          : `our defence outweighs ${rivals.join(' and ')} ${(1 / ratio).toFixed(1)} to 1`;
  return `${balance}; ${forceCondition(view)}`;
}

/** The fighting components of our forces damage has lowered, worst first (three at most). */
export function forceCondition(view: FactionView): string {
  const damaged: { text: string; integrity: number }[] = [];
  for (const ship of view.ownShips())
    for (const c of view.physics.components) {
      if (c.role === undefined || !FIGHTING_ROLES.includes(c.role)) continue;
      const rated = ship.rated[c.id] ?? 0;
      const integrity = ship.systems[c.id] ?? 0;
      if (rated <= 0 || integrity >= rated) continue;
      damaged.push({
        text: `${ship.name}'s ${nameOf(c)} at ${Math.round((100 * integrity) / rated)} %`,
        integrity: integrity / rated,
      });
    }
  if (damaged.length === 0) return `${view.physics.words.forces} at full strength`;
  return damaged
    .sort((a, b) => a.integrity - b.integrity)
    .slice(0, 3)
    .map((d) => d.text)
    .join(', ');
}

/**
 * The hostile forces we see at `place` (but those of the factions `except`) when together they
 * outgun us, else none: a place a leader would withdraw from.
 */
export function outgunningAt(
  view: FactionView,
  place: LocationId,
  except: readonly FactionId[] = [],
): Ship[] {
  const hostile = view
    .shipsSeenAt(place)
    .filter(
      (sh) =>
        sh.faction !== view.id && !except.includes(sh.faction) && view.hostilityOf(sh.faction) >= HOSTILE,
    );
  const theirs = hostile.reduce((sum, sh) => sum + sh.count * sh.firepower, 0);
  return theirs > view.strength(view.id) ? hostile : [];
}
