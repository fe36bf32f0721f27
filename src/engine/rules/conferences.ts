/**
 * Rules of conferences: a multilateral meeting proposed by sponsors, hosted by a faction at a venue,
 * to which invitees answer; the host convenes it with whoever is present.
 */
import { later } from '../../model/time.js';
import { inIdOrder } from '../../model/world.js';
import { allow, type Rule, refuse, type Rulebook } from './context.js';

export const proposeConference: Rule<'propose-conference'> = (ctx, actor, faction, intent) => {
  if (ctx.world.conferences[intent.conference])
    return refuse('conference.unique', `conference ${intent.conference} already exists`);
  if (faction.leader !== actor.id)
    return refuse('authority.leader', `only ${faction.leader} can propose a conference for ${faction.id}`);
  const sponsors = [...new Set([faction.id, ...intent.sponsors])].sort();
  return allow({
    type: 'conference-proposed',
    conference: intent.conference,
    title: intent.title,
    proposer: actor.id,
    host: intent.host,
    sponsors,
    venue: intent.venue,
    invitees: [...intent.invitees],
    opensAt: intent.opensIn === undefined ? null : later(ctx.t, intent.opensIn),
  });
};

export const answerInvitation: Rule<'answer-invitation'> = (ctx, actor, faction, intent) => {
  const c = ctx.world.conferences[intent.conference];
  if (c?.status !== 'proposed')
    return refuse('conference.proposed', `conference ${intent.conference} is not awaiting answers`);
  if (!c.invitees.includes(faction.id) && !c.sponsors.includes(faction.id) && c.host !== faction.id) {
    return refuse('conference.invited', `${faction.id} is not invited to ${c.id}`);
  }
  if (faction.leader !== actor.id)
    return refuse('authority.leader', `only ${faction.leader} can answer for ${faction.id}`);
  return allow({
    type: 'invitation-answered',
    conference: c.id,
    faction: faction.id,
    by: actor.id,
    answer: intent.answer,
    reasons: [...ctx.reasons],
  });
};

export const conveneConference: Rule<'convene-conference'> = (ctx, _actor, faction, intent) => {
  const c = ctx.world.conferences[intent.conference];
  if (c?.status !== 'proposed')
    return refuse('conference.proposed', `conference ${intent.conference} cannot be convened`);
  if (c.host !== faction.id) return refuse('conference.host', `only the host ${c.host} convenes ${c.id}`);
  const expected = new Set([c.host, ...c.sponsors, ...c.invitees.filter((f) => c.answers[f] === 'attend')]);
  const attendees = inIdOrder(ctx.world.persons)
    .filter(
      (p) =>
        p.status === 'active' &&
        p.position.kind === 'location' &&
        p.position.location === c.venue &&
        expected.has(p.faction),
    )
    .map((p) => p.id);
  if (attendees.length === 0) return refuse('conference.attendance', `no one has come to ${c.venue}`);
  return allow({ type: 'conference-convened', conference: c.id, attendees, arrangement: intent.arrangement });
};

/** This family's part of the rulebook (./index.ts): the rules of conferences. */
export const conferenceRules = {
  'propose-conference': proposeConference,
  'answer-invitation': answerInvitation,
  'convene-conference': conveneConference,
} satisfies Rulebook;
