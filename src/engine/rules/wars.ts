/**
 * Rules of war and of treaties' calls: declaring war (for a stated casus belli), joining a war,
 * making a separate peace, declaring neutrality, answering a call to honour a treaty, and asking an
 * ally to join. Only a faction's leader commits it to war or peace; principles may forbid the act
 * (attacking a faction, entering a war as the aggressor, breaking a treaty).
 */
import { activeWarBetween, callsDue, opposite, powerOf, sideOf } from '../../events/obligations.js';
import { id } from '../../model/ids.js';
import { isObligation } from '../../model/provision.js';
import { type Faction, inIdOrder, type Person, relationKey, type War } from '../../model/world.js';
import { describeActBreach, findActBreach } from '../principles.js';
import { allow, type Rule, type RuleContext, type RuleOutcome, refuse, type Rulebook } from './context.js';

/** Only the leader commits a faction to war or peace. */
function leaderOnly(actor: Person, faction: Faction, what: string): RuleOutcome | null {
  return faction.leader === actor.id ? null : refuse('authority.leader', `only ${faction.leader} ${what}`);
}

function activeWar(ctx: RuleContext, warId: War['id']): War | RuleOutcome {
  const war = ctx.world.wars[warId];
  if (!war) return refuse('war.exists', `no war ${warId}`);
  if (war.status !== 'active') return refuse('war.active', `${war.name} is over`);
  return war;
}

const isOutcome = (x: War | RuleOutcome): x is RuleOutcome => 'ok' in x;

export const declareWar: Rule<'declare-war'> = (ctx, actor, faction, intent) => {
  const notLeader = leaderOnly(actor, faction, 'declares war');
  if (notLeader) return notLeader;
  const against = intent.against.filter((f) => f !== faction.id);
  const unknown = against.find((f) => !ctx.world.factions[f]);
  if (unknown !== undefined || against.length === 0)
    return refuse('war.enemy', `no faction ${unknown ?? intent.against.join(', ')} to declare war on`);
  const already = against.find((f) => ctx.world.relations[relationKey(faction.id, f)]?.status === 'war');
  if (already !== undefined) return refuse('war.already', `${faction.id} is already at war with ${already}`);
  for (const enemy of against) {
    // A declaration against a faction already fighting us answers its attack; any other is aggression.
    const aggressor = activeWarBetween(ctx.world, faction.id, enemy) === undefined;
    const breach = findActBreach(ctx.world, faction, { kind: 'declare-war', against: enemy, aggressor });
    if (breach) return refuse(`principle:${breach.principle.id}`, describeActBreach(breach));
  }
  return allow({
    type: 'war-declared',
    war: intent.war ?? id.war(ctx.nextId('war')),
    name: `the war of ${faction.name} on ${against.map((f) => ctx.world.factions[f]?.name ?? f).join(' and ')}`,
    by: faction.id,
    against,
    casusBelli: intent.casusBelli,
    declared: true,
    where: null,
    call: null,
    reasons: [...ctx.reasons],
  });
};

export const joinWar: Rule<'join-war'> = (ctx, actor, faction, intent) => {
  const notLeader = leaderOnly(actor, faction, 'takes the faction to war');
  if (notLeader) return notLeader;
  const war = activeWar(ctx, intent.war);
  if (isOutcome(war)) return war;
  if (sideOf(war, faction.id) !== null)
    return refuse('war.member', `${faction.id} is already in ${war.name}`);
  const side = sideOf(war, intent.side);
  if (side === null) return refuse('war.side', `${intent.side} does not fight in ${war.name}`);
  for (const enemy of opposite(war, side)) {
    const breach = findActBreach(ctx.world, faction, {
      kind: 'declare-war',
      against: enemy,
      aggressor: false,
    });
    if (breach) return refuse(`principle:${breach.principle.id}`, describeActBreach(breach));
  }
  return allow({
    type: 'war-joined',
    war: war.id,
    faction: faction.id,
    side: intent.side,
    call: null,
    reasons: [...ctx.reasons],
  });
};

export const makePeace: Rule<'make-peace'> = (ctx, actor, faction, intent) => {
  const notLeader = leaderOnly(actor, faction, 'makes peace');
  if (notLeader) return notLeader;
  const war = activeWar(ctx, intent.war);
  if (isOutcome(war)) return war;
  if (sideOf(war, faction.id) === null) return refuse('war.member', `${faction.id} is not in ${war.name}`);
  return allow({ type: 'peace-made', war: war.id, faction: faction.id, reasons: [...ctx.reasons] });
};

export const declareNeutrality: Rule<'declare-neutrality'> = (ctx, actor, faction, intent) => {
  const notLeader = leaderOnly(actor, faction, 'declares neutrality');
  if (notLeader) return notLeader;
  const war = activeWar(ctx, intent.war);
  if (isOutcome(war)) return war;
  if (sideOf(war, faction.id) !== null) return refuse('war.member', `${faction.id} fights in ${war.name}`);
  return allow({ type: 'neutrality-declared', faction: faction.id, war: war.id, reasons: [...ctx.reasons] });
};

/** The recorded answer for each answer a leader gives. */
const ANSWERS = { honour: 'honoured', partly: 'partly', renege: 'reneged' } as const;

/**
 * The answer to a call: honouring a pledge of forces enters the war on the caller's side; a pledge
 * of aid is honoured with aid, of words with words (the answer alone); in part is aid only; reneging
 * breaks the treaty (a principle may forbid that).
 */
export const answerCall: Rule<'answer-call'> = (ctx, actor, faction, intent) => {
  const call =
    intent.call !== undefined
      ? ctx.world.calls[intent.call]
      : inIdOrder(ctx.world.calls)
          .filter((c) => c.status === 'open' && c.to === faction.id && c.agreement === intent.agreement)
          .sort((a, b) => a.issuedAt - b.issuedAt)[0];
  const named = intent.call ?? `a call under ${intent.agreement ?? 'no treaty'}`;
  if (!call) return refuse('call.exists', `no open call ${named} to ${faction.id}`);
  if (call.to !== faction.id) return refuse('call.addressee', `${named} is not addressed to ${faction.id}`);
  if (call.status !== 'open') return refuse('call.open', `${named} has been answered`);
  const notLeader = leaderOnly(actor, faction, 'answers for the faction');
  if (notLeader) return notLeader;
  if (intent.answer === 'renege' && call.conditionsMet) {
    const breach = findActBreach(ctx.world, faction, { kind: 'break', agreement: call.agreement });
    if (breach) return refuse(`principle:${breach.principle.id}`, describeActBreach(breach));
  }
  const answer = ANSWERS[intent.answer];
  const answered = {
    type: 'call-answered' as const,
    call: call.id,
    by: faction.id,
    speaker: actor.id,
    answer,
    invoked: intent.invoke,
    reasons: [...ctx.reasons],
  };
  const aid = intent.aid
    ? [
        {
          type: 'resources-transferred' as const,
          from: faction.id,
          to: call.from,
          resource: intent.aid.resource,
          amount: Math.min(intent.aid.amount, faction.resources[intent.aid.resource] ?? 0),
          agreement: call.agreement,
          purpose: 'aid in the war',
        },
      ].filter((t) => t.amount > 0)
    : [];
  if (answer === 'reneged') return allow(answered);
  if (answer === 'partly' || call.support !== 'active' || call.obligation === 'consultation')
    return allow(answered, ...aid);
  const war = ctx.world.wars[call.war];
  // A war already over, or one the faction is already in, needs no one to enter it.
  if (!war || war.status !== 'active' || sideOf(war, faction.id) !== null) return allow(answered, ...aid);
  return allow(answered, {
    type: 'war-joined',
    war: war.id,
    faction: faction.id,
    side: call.from,
    call: call.id,
    reasons: [...ctx.reasons],
  });
};

/**
 * A partner asks an ally to join a war under a treaty. Where the treaty's conditions hold and the
 * engine has not called already, the call is the treaty's; where they do not, it is a request the
 * ally may refuse without breaking its word (the failing condition is named).
 */
export const callToArms: Rule<'call-to-arms'> = (ctx, actor, faction, intent) => {
  const notLeader = leaderOnly(actor, faction, 'calls on allies');
  if (notLeader) return notLeader;
  const agreement = ctx.world.agreements[intent.agreement];
  if (!agreement || agreement.status !== 'active')
    return refuse('agreement.active', `${intent.agreement} is not in force`);
  if (
    !agreement.parties.includes(faction.id) ||
    !agreement.parties.includes(intent.ally) ||
    intent.ally === faction.id
  )
    return refuse(
      'agreement.party',
      `${faction.id} and ${intent.ally} are not both parties to ${intent.agreement}`,
    );
  const war = activeWar(ctx, intent.war);
  if (isOutcome(war)) return war;
  const side = sideOf(war, faction.id);
  if (side === null) return refuse('war.member', `${faction.id} is not in ${war.name}`);
  if (sideOf(war, intent.ally) !== null)
    return refuse('war.member', `${intent.ally} is already in ${war.name}`);
  const enemies = opposite(war, side).filter((f) => war.left[f] === undefined);
  const due = callsDue(ctx.world, war, faction.id, enemies, war.where).find(
    (c) => c.duty.agreement.id === agreement.id && c.duty.by === intent.ally,
  );
  const open = Object.values(ctx.world.calls).some(
    (c) => c.status === 'open' && c.war === war.id && c.to === intent.ally && c.from === faction.id,
  );
  if (open) return refuse('call.open', `${intent.ally} has an open call in ${war.name}`);
  const index = due?.duty.index ?? agreement.provisions.findIndex((p) => isObligation(p));
  const provision = agreement.provisions[index];
  const power = powerOf(ctx.world, agreement, intent.ally);
  return allow({
    type: 'call-issued',
    call: id.call(ctx.nextId('call')),
    agreement: agreement.id,
    provision: Math.max(0, index),
    obligation: provision && isObligation(provision) ? provision.kind : 'consultation',
    support: provision && isObligation(provision) ? provision.support : 'diplomatic',
    from: faction.id,
    to: intent.ally,
    war: war.id,
    against: due ? [...due.against] : enemies,
    conditionsMet: due !== undefined,
    failing: due ? null : failingCondition(agreement.provisions, side),
    powerAtSigning: power.then,
    powerNow: power.now,
  });
};

/** Why a treaty does not oblige an ally: the condition that fails, in words. */
function failingCondition(
  provisions: readonly { kind: string; unlessProvoked?: boolean }[],
  side: 0 | 1,
): string {
  const pledges = provisions.filter((p) => p.kind === 'defence' || p.kind === 'offence');
  if (pledges.length === 0) return 'the treaty pledges no help in war';
  if (side === 0 && pledges.every((p) => p.kind === 'defence'))
    return 'the alliance is defensive, and its partner is not the one attacked';
  if (pledges.some((p) => p.unlessProvoked)) return 'the partner provoked the war';
  return "the war is not one the treaty's conditions cover";
}

/** This family's part of the rulebook (./index.ts): the rules of war and of treaties' calls. */
export const warRules = {
  'declare-war': declareWar,
  'join-war': joinWar,
  'make-peace': makePeace,
  'declare-neutrality': declareNeutrality,
  'answer-call': answerCall,
  'call-to-arms': callToArms,
} satisfies Rulebook;
