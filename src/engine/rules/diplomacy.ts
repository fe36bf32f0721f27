/**
 * Rules of diplomacy: counsel, seeking alliances, talks (open, offer, counter, accept, reject, walk
 * out), dissolving agreements and giving aid. Commitments need the faction's leader; principles veto
 * what a faction would offer or accept (see ../principles.ts).
 */
import { type AgreementId, type FactionId, id, type NegotiationId } from '../../model/ids.js';
import type { Provision } from '../../model/provision.js';
import type { Negotiation, World } from '../../model/world.js';
import { canonicalJson } from '../../common/canonical-json.js';
import { describeBreach, findBreach, resolveProvisions } from '../principles.js';
import { allow, type Rule, type RuleOutcome, refuse, type Rulebook } from './context.js';
import { presentAt } from './movement.js';

export const counsel: Rule<'counsel'> = (ctx, actor, _faction, intent) => {
  const to = ctx.world.persons[intent.to];
  if (!to || to.status === 'dead') return refuse('counsel.recipient', `${intent.to} cannot be counselled`);
  return allow({
    type: 'counsel-given',
    advisor: actor.id,
    to: to.id,
    question: intent.question,
    position: intent.position,
    reasons: [...ctx.reasons],
  });
};

export const hold: Rule<'hold'> = () => allow();

export const seekAlliance: Rule<'seek-alliance'> = (ctx, actor, faction, intent) => {
  if (faction.leader !== actor.id)
    return refuse('authority.leader', `only ${faction.leader} can commit ${faction.id} to seek an alliance`);
  const offer = resolveProvisions(intent.offer, faction.id, [faction.id]);
  const breach = findBreach(ctx.world, faction, offer, intent.candidates);
  if (breach) return refuse(`principle:${breach.principle.id}`, describeBreach(breach));
  return allow({
    type: 'alliance-sought',
    faction: faction.id,
    actor: actor.id,
    candidates: intent.candidates,
    offer,
    excluded: intent.exclude,
    reasons: [...ctx.reasons],
  });
};

export const meet: Rule<'meet'> = (ctx, _actor, faction, intent) => {
  if (ctx.world.negotiations[intent.negotiation])
    return refuse('negotiation.unique', `negotiation ${intent.negotiation} already exists`);
  const parties = [faction.id, ...intent.with.filter((f) => f !== faction.id)];
  for (const p of parties)
    if (!ctx.world.factions[p]) return refuse('negotiation.party', `unknown faction ${p}`);
  const already = Object.values(ctx.world.negotiations).some(
    (n) =>
      n.status === 'open' &&
      parties.every((p) => n.parties.includes(p)) &&
      n.parties.length === parties.length,
  );
  if (already) return refuse('negotiation.open', `talks between ${parties.join(' and ')} are already open`);
  const venue = intent.aboard ? ctx.world.ships[intent.aboard]?.location : (intent.at ?? null);
  if (venue) {
    const absent = parties.filter((p) => !presentAt(ctx.world, p, venue));
    if (absent.length > 0)
      return refuse('negotiation.presence', `${absent.join(', ')} has no one at the venue`);
  }
  return allow({
    type: 'negotiation-opened',
    negotiation: intent.negotiation,
    parties,
    initiator: faction.id,
    aboard: intent.aboard,
    at: intent.at,
    channel: null,
  });
};

function openNegotiation(world: World, id: NegotiationId, faction: FactionId): Negotiation | RuleOutcome {
  const n = world.negotiations[id];
  if (!n) return refuse('negotiation.exists', `no negotiation ${id}`);
  if (n.status !== 'open') return refuse('negotiation.open', `negotiation ${id} is ${n.status}`);
  if (!n.parties.includes(faction)) return refuse('negotiation.party', `${faction} is not a party to ${id}`);
  return n;
}

const isOutcome = (x: Negotiation | RuleOutcome): x is RuleOutcome => 'ok' in x;

export const propose: Rule<'propose'> = (ctx, actor, faction, intent) => {
  const n = openNegotiation(ctx.world, intent.negotiation, faction.id);
  if (isOutcome(n)) return n;
  // What an offer gives is ours by default; what a demand asks is the other side's.
  const others = n.parties.filter((p) => p !== faction.id);
  const giver = intent.kind === 'demand' && others.length === 1 ? others[0]! : faction.id;
  const provisions = resolveProvisions(intent.provisions, giver, n.parties);
  const breach = findBreach(ctx.world, faction, provisions, n.parties);
  if (breach) return refuse(`principle:${breach.principle.id}`, describeBreach(breach));
  // A first offer opens; any later one is a counter-offer replacing the terms on the table. A
  // demand stays a demand, first or not.
  const standing = standingTerms(ctx.world, n);
  return allow({
    type: 'offer-made',
    negotiation: n.id,
    agreement: agreementOf(n),
    by: faction.id,
    speaker: actor.id,
    kind: intent.kind === 'demand' ? 'demand' : n.offers.length === 0 ? 'offer' : 'counter',
    provisions,
    added: provisions.filter((p) => !standing.some((s) => sameProvision(s, p))),
    excluded: intent.exclude,
  });
};

/** The terms on the table in a negotiation (those of its draft agreement). */
function standingTerms(world: World, n: Negotiation): readonly Provision[] {
  return n.agreement ? (world.agreements[n.agreement]?.provisions ?? []) : [];
}

export function sameProvision(a: Provision, b: Provision): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export const counter: Rule<'counter'> = (ctx, actor, faction, intent) => {
  const n = openNegotiation(ctx.world, intent.negotiation, faction.id);
  if (isOutcome(n)) return n;
  const last = n.offers[n.offers.length - 1];
  if (!last || last.by === faction.id)
    return refuse('negotiation.turn', `there is no offer from the other side to counter in ${n.id}`);
  // A demand asks the other side to give; a counter-offer gives.
  const giver = intent.kind === 'demand' ? last.by : faction.id;
  const added = resolveProvisions(intent.add, giver, n.parties);
  const provisions = [...standingTerms(ctx.world, n), ...added];
  const breach = findBreach(ctx.world, faction, provisions, n.parties);
  if (breach) return refuse(`principle:${breach.principle.id}`, describeBreach(breach));
  return allow({
    type: 'offer-made',
    negotiation: n.id,
    agreement: agreementOf(n),
    by: faction.id,
    speaker: actor.id,
    kind: intent.kind,
    provisions,
    added,
    excluded: [],
  });
};

export const accept: Rule<'accept'> = (ctx, actor, faction, intent) => {
  const n = openNegotiation(ctx.world, intent.negotiation, faction.id);
  if (isOutcome(n)) return n;
  if (faction.leader !== actor.id)
    return refuse('authority.leader', `only ${faction.leader} can commit ${faction.id} to an agreement`);
  const last = n.offers[n.offers.length - 1];
  if (!last || last.by === faction.id || !n.agreement)
    return refuse('negotiation.turn', `there is no offer from the other side to accept in ${n.id}`);
  const draft = ctx.world.agreements[n.agreement];
  if (!draft) return refuse('negotiation.turn', `no draft agreement in ${n.id}`);
  const breach = findBreach(ctx.world, faction, draft.provisions, n.parties);
  if (breach) return refuse(`principle:${breach.principle.id}`, describeBreach(breach));
  return allow(
    {
      type: 'agreement-concluded',
      agreement: draft.id,
      negotiation: n.id,
      parties: [...n.parties],
      provisions: [...draft.provisions],
      name: null,
      secret: false,
    },
    {
      type: 'negotiation-ended',
      negotiation: n.id,
      outcome: 'agreed',
      by: faction.id,
      speaker: actor.id,
      reason: 'terms accepted',
    },
  );
};

export const reject: Rule<'reject'> = (ctx, actor, faction, intent) => {
  const n = openNegotiation(ctx.world, intent.negotiation, faction.id);
  if (isOutcome(n)) return n;
  const last = n.offers[n.offers.length - 1];
  if (!last || last.by === faction.id || !n.agreement)
    return refuse('negotiation.turn', `there is no offer from the other side to reject in ${n.id}`);
  const draft = ctx.world.agreements[n.agreement];
  const breach = draft ? findBreach(ctx.world, faction, draft.provisions, n.parties) : null;
  return allow({
    type: 'offer-rejected',
    negotiation: n.id,
    agreement: n.agreement,
    by: faction.id,
    speaker: actor.id,
    reason: ctx.reasons[0] ?? (breach ? describeBreach(breach) : 'terms unacceptable'),
    principle: breach?.principle.id ?? null,
    provisions: breach ? [...breach.provisions] : [],
  });
};

export const walkOut: Rule<'walk-out'> = (ctx, actor, faction, intent) => {
  const n = openNegotiation(ctx.world, intent.negotiation, faction.id);
  if (isOutcome(n)) return n;
  if (faction.leader !== actor.id)
    return refuse('authority.leader', `only ${faction.leader} can break off talks for ${faction.id}`);
  return allow({
    type: 'negotiation-ended',
    negotiation: n.id,
    outcome: 'walk-out',
    by: faction.id,
    speaker: actor.id,
    reason: ctx.reasons[0] ?? 'talks broken off',
  });
};

export const dissolveAgreement: Rule<'dissolve-agreement'> = (ctx, actor, faction, intent) => {
  const a = ctx.world.agreements[intent.agreement];
  if (!a) return refuse('agreement.exists', `no agreement ${intent.agreement}`);
  if (a.status !== 'active') return refuse('agreement.active', `agreement ${a.id} is ${a.status}`);
  if (!a.parties.includes(faction.id))
    return refuse('agreement.party', `${faction.id} is not a party to ${a.id}`);
  if (faction.leader !== actor.id)
    return refuse('authority.leader', `only ${faction.leader} can dissolve ${faction.id}'s agreements`);
  if (intent.principle && !faction.principles.some((p) => p.id === intent.principle)) {
    return refuse('principle.own', `${intent.principle} is not a principle of ${faction.id}`);
  }
  return allow({
    type: 'agreement-dissolved',
    agreement: a.id,
    by: faction.id,
    speaker: actor.id,
    reason: ctx.reasons[0] ?? 'agreement ended',
    principle: intent.principle,
  });
};

export const provideAid: Rule<'provide-aid'> = (ctx, _actor, faction, intent) => {
  if (!ctx.world.factions[intent.to] || intent.to === faction.id)
    return refuse('aid.recipient', `cannot give aid to ${intent.to}`);
  const stock = faction.resources[intent.resource] ?? 0;
  if (stock < intent.amount)
    return refuse(
      'resources.available',
      `${faction.id} has ${stock} ${intent.resource}, not ${intent.amount}`,
    );
  if (intent.agreement) {
    const a = ctx.world.agreements[intent.agreement];
    if (a?.status !== 'active')
      return refuse('agreement.active', `agreement ${intent.agreement} is not in force`);
  }
  return allow({
    type: 'resources-transferred',
    from: faction.id,
    to: intent.to,
    resource: intent.resource,
    amount: intent.amount,
    agreement: intent.agreement,
    purpose: ctx.reasons[0] ?? 'aid',
  });
};

/** This family's part of the rulebook (./index.ts): the rules of counsel, alliances sought, talks, agreements and aid. */
export const diplomacyRules = {
  counsel,
  hold,
  'seek-alliance': seekAlliance,
  meet,
  propose,
  counter,
  accept,
  reject,
  'walk-out': walkOut,
  'dissolve-agreement': dissolveAgreement,
  'provide-aid': provideAid,
} satisfies Rulebook;

/** The draft agreement of talks bears the talks' id. */
function agreementOf(n: Negotiation): AgreementId {
  return id.agreement(n.id);
}
