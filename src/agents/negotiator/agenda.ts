/**
 * The agenda of talks: the set of provisions either side could want — the initiator's declared
 * terms (or its alliance offer), aid the other side lacks, technology the poorer side covets, an
 * exchange of crews if either leader demands one, and travelling together for those without a home.
 * It depends only on public facts and the terms already offered, so both sides see the same agenda.
 */
import { invariant } from '../../common/errors.js';
import { provisionIssueName } from '../../diplomacy/negotiation/index.js';
import type { FactionId, ResourceId } from '../../model/ids.js';
import { isDirected, type Provision, type ProvisionKind } from '../../model/provision.js';
import type { Negotiation } from '../../model/world.js';
import { allianceOffer } from '../models/alliances.js';
import { CREW_EXCHANGE_COUNT, NEED, PLENTY, TECHNOLOGY_GAP, URGENT_AID } from '../tuning.js';
import type { FactionView } from '../view.js';

const sameIssue = (p: Provision, q: Provision) => provisionIssueName(p) === provisionIssueName(q);

/** The agenda of talks `n`, as `view`'s faction sees it. */
export function agendaOf(view: FactionView, n: Negotiation): Provision[] {
  const [a, b] = partiesInOrder(n);
  const items: Provision[] = [];
  // Talks opened by a demand are about the demand: what was demanded, and what was offered instead.
  const demanded = n.offers[0]?.kind === 'demand';
  // One issue per provision name (an aid of a resource in one direction is one issue, whatever its amount).
  const add = (p: Provision) => {
    if (!items.some((q) => sameIssue(q, p))) items.push(p);
  };
  for (const offer of n.offers) for (const p of offer.provisions) add(p);
  if (demanded) return items;
  const fa = view.faction(a);
  const fb = view.faction(b);
  const terms = fa.agenda.alliance?.offer ?? (a === view.id ? allianceOffer(view) : []);
  for (const p of terms) add(withDirection(p, a, b));
  for (const [giver, receiver] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const urgent of urgentAid(view, giver, receiver)) {
      // What the other side lacks is needed now: it replaces aid of the same kind promised for later.
      const k = items.findIndex((q) => sameIssue(q, urgent));
      if (k >= 0) items[k] = urgent;
      else items.push(urgent);
    }
    // Technology is on the table when the poorer side has much to covet.
    if (view.faction(giver).technology - view.faction(receiver).technology >= TECHNOLOGY_GAP)
      add({ kind: 'technology-transfer', giver, receiver, technology: view.physics.technology });
  }
  if (!hasHome(view, a) && !hasHome(view, b)) add({ kind: 'travel-together' });
  for (const f of [fa, fb]) {
    const leader = view.person(f.leader);
    if (leader && leader.demands.some((d) => d.kind === 'crew-exchange'))
      add({ kind: 'crew-exchange', count: CREW_EXCHANGE_COUNT });
  }
  return items;
}

/** The initiator (the first party) and the other party of two-party talks. */
function partiesInOrder(n: Negotiation): [FactionId, FactionId] {
  const [a] = n.parties;
  const b = n.parties.find((p) => p !== a);
  invariant(a !== undefined && b !== undefined, () => `talks ${n.id} need two parties`);
  return [a, b];
}

/** Aid `giver` could send at once: each resource `receiver` lacks and `giver` has plenty of. */
function urgentAid(view: FactionView, giver: FactionId, receiver: FactionId): Provision[] {
  const g = view.faction(giver).resources;
  const r = view.faction(receiver).resources;
  return (Object.keys(r) as ResourceId[])
    .sort()
    .filter((resource) => (r[resource] ?? 0) < NEED && (g[resource] ?? 0) >= PLENTY)
    .map((resource) => ({
      kind: 'aid',
      giver,
      receiver,
      resource,
      amount: URGENT_AID,
      condition: 'immediate',
    }));
}

export function withDirection(p: Provision, giver: FactionId, receiver: FactionId): Provision {
  return isDirected(p) ? { ...p, giver: p.giver ?? giver, receiver: p.receiver ?? receiver } : p;
}

/**
 * What the initiator opens with: its declared alliance terms, what the other side lacks (aid it
 * needs at once), and travelling together when neither has a home.
 */
export function openingTerms(view: FactionView, n: Negotiation, other: FactionId): Provision[] {
  const declared = view.self.agenda.alliance?.offer.map((p) => withDirection(p, view.id, other)) ?? [];
  if (declared.length === 0) return [];
  const extras = agendaOf(view, n).filter(
    (p) =>
      (p.kind === 'aid' && p.giver === view.id && p.condition === 'immediate') ||
      (p.kind === 'travel-together' && !hasHome(view, other)),
  );
  // Urgent aid replaces the same aid promised for later.
  const out = declared.map((p) => extras.find((x) => sameIssue(x, p)) ?? p);
  for (const p of extras) if (!out.some((q) => sameIssue(q, p))) out.push(p);
  return out;
}

function hasHome(view: FactionView, f: FactionId): boolean {
  return view.locationIds().some((l) => view.location(l)?.controlledBy === f);
}

/** The provision kinds the faction declared it will not offer. */
export function excludedKinds(view: FactionView): ProvisionKind[] {
  return view.self.agenda.alliance?.exclude.slice() ?? [];
}

export function describeExclusions(view: FactionView): string[] {
  const ex = excludedKinds(view);
  return ex.length > 0
    ? [`no ${ex.map((k) => k.replace(/-transfer/, '').replace(/-/g, ' ')).join(' or ')}`]
    : [];
}
