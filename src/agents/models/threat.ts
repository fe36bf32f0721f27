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
 */
import type { FactionId } from '../../model/ids.js';
import type { FactionView } from '../view.js';
import { roleIntegrity } from '../../model/forces.js';
import { MOBILISED_THREAT } from '../tuning.js';

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
  // Own defence counts protection as well as armament; allies count as far as they are trusted.
  let own = 0;
  for (const s of view.ownShips())
    own +=
      s.count *
      s.firepower *
      (0.5 * roleIntegrity(s, view.physics, 'armament', 1) +
        0.5 * roleIntegrity(s, view.physics, 'protection', 0));
  let allied = 0;
  for (const a of view.allies())
    allied += view.strength(a) * view.trust(a) * proximity(view.distanceTo(a), view.physics.neighbourhood);
  const defence = own + allied;
  const vulnerability = totalThreat + defence > 0 ? totalThreat / (totalThreat + defence) : 0;
  return { threats, totalThreat, defence, vulnerability };
}
