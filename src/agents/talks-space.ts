/**
 * Talks in utility space: every offer made in a run's bilateral talks as a point — the utility of
 * its terms to each party — with the Pareto frontier of the talks' agenda and its Nash bargaining
 * point (Nash 1950), as NegMAS and GENIUS plot a negotiation.
 *
 * Each party values the agenda as its negotiator does (./negotiator.ts: the table of the talks
 * from its own view: linear-additive utilities over the provisions, its principles and its
 * leader's demands as red lines), at the moment given by the world passed in — the caller passes
 * the world after the talks' last move, so that every offer is measured with the same yardstick.
 */
import { createRng } from '../common/random.js';
import type { EngineSettings } from '../engine/settings.js';
import {
  analyseBargaining,
  provisionIssueName,
  provisionsOf,
  type UtilityPoint,
} from '../diplomacy/negotiation/index.js';
import type { FactionId, NegotiationId } from '../model/ids.js';
import { describeProvision, type Provision } from '../model/provision.js';
import type { World } from '../model/world.js';
import { tableFor } from './negotiator/table.js';
import { situationOf } from './situation.js';
import { FactionView } from './view.js';

export interface TalksPoint {
  /** Each party's utility, in the order of `TalksSpace.parties`. */
  readonly utilities: readonly [number, number];
  /** The terms, described. */
  readonly terms: readonly string[];
}

export interface TalksOffer extends TalksPoint {
  readonly t: number;
  readonly by: FactionId;
  readonly speaker: string;
  readonly kind: 'offer' | 'counter' | 'demand';
}

export interface TalksSpace {
  readonly negotiation: NegotiationId;
  readonly parties: readonly [FactionId, FactionId];
  readonly status: string;
  /** The agenda: one issue per provision (included or not). */
  readonly issues: readonly string[];
  /** What each party has without an agreement. */
  readonly reservations: readonly [number, number];
  readonly offers: readonly TalksOffer[];
  /** Pareto-optimal outcomes of the agreement space (within both parties' red lines). */
  readonly pareto: readonly TalksPoint[];
  /** The Nash bargaining point: max Π(uᵢ − rᵢ) over the individually rational frontier. */
  readonly nash: TalksPoint | null;
}

/**
 * The talks `negotiation` of `world` in the parties' utility space, or null when they are not
 * bilateral or one side has nothing to negotiate.
 */
export function talksSpace(
  world: World,
  negotiation: NegotiationId,
  settings: EngineSettings,
): TalksSpace | null {
  const n = world.negotiations[negotiation];
  if (!n || n.parties.length !== 2) return null;
  const [a, b] = n.parties as readonly [FactionId, FactionId];
  const tableOf = (me: FactionId, other: FactionId) => {
    const view = new FactionView(world, me);
    // The table depends on the situation's threat assessment only; no draw is made.
    const s = situationOf(view, [], settings, createRng(`talks-space:${negotiation}`));
    return tableFor(view, s, n, other, view.leader());
  };
  const ta = tableOf(a, b);
  const tb = tableOf(b, a);
  if (!ta || !tb) return null;
  const point = (terms: readonly Provision[]): TalksPoint => ({
    utilities: [ta.utility(terms), tb.utility(terms)],
    terms: terms.map(describeProvision),
  });
  // Both parties see the same agenda (it depends on public facts only); the frontier needs it.
  const sameAgenda =
    ta.items.map(provisionIssueName).join('\n') === tb.items.map(provisionIssueName).join('\n');
  const analysis = sameAgenda ? analyseBargaining(ta.agenda.space, [ta.preferences, tb.preferences]) : null;
  const onFrontier = (p: UtilityPoint) => point(provisionsOf(ta.agenda, p.assignment));
  return {
    negotiation,
    parties: [a, b],
    status: n.status,
    issues: ta.items.map(describeProvision),
    reservations: [ta.reservation, tb.reservation],
    offers: n.offers.map((o) => ({
      ...point(o.provisions),
      t: o.t,
      by: o.by,
      speaker: o.speaker,
      kind: o.kind,
    })),
    pareto: analysis ? analysis.pareto.map(onFrontier) : [],
    nash: analysis?.nash ? onFrontier(analysis.nash) : null,
  };
}
