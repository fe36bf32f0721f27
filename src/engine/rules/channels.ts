/**
 * Rules of communication: messages (at the speed of the world's physics), envoys sent through an intermediary (who may relay
 * the approach or deny knowing the envoy), and covert channels opened by a spy.
 */

import type { LocationId } from '../../model/ids.js';
import { later, type Minutes, minutes } from '../../model/time.js';
import { distanceBetween, type Person, personLocation, topLocation, type World } from '../../model/world.js';
import { allow, allThere, type Rule, type RuleContext, refuse, type Rulebook } from './context.js';
import { voyage } from './movement.js';
import { canSignal } from '../../model/forces.js';
import type { EventPayload } from '../../events/index.js';

/** Can this person transmit? Aboard a force only if its signalling works. */
function canTransmit(ctx: RuleContext, person: Person): boolean {
  if (person.position.kind === 'location') return true;
  const ship = ctx.world.ships[person.position.ship];
  return ship !== undefined && canSignal(ship, ctx.world.physics, ctx.settings.operationalIntegrity);
}

/**
 * How long a message takes between two persons: by the fastest means that joins them — the
 * world's messages, or a line (a telegraph) listing both their places — its fixed delay plus the
 * distance over its speed (a day when no route is known), at least one tick.
 */
export function messageDelay(world: World, from: Person, to: Person, tick: Minutes): Minutes {
  const a = personLocation(world, from);
  const b = personLocation(world, to);
  const d = distanceBetween(world, a, b);
  const { lines, ...messages } = world.physics.messages;
  const joined = lines.filter((line) => onLine(world, line.at, a) && onLine(world, line.at, b));
  const needed = [messages, ...joined].map(
    ({ speed, delay }) => delay + (Number.isFinite(d) ? Math.ceil((d / speed) * 60) : 24 * 60),
  );
  return minutes(Math.max(tick, Math.min(...needed)));
}

/** Is `place`, or a place it lies within, one of a line's places? */
function onLine(world: World, at: readonly LocationId[], place: LocationId): boolean {
  for (let l: LocationId | null = place, guard = 0; l !== null && guard < 64; guard++) {
    if (at.includes(l)) return true;
    l = world.locations[l]?.parent ?? null;
  }
  return false;
}

export const sendMessage: Rule<'send-message'> = (ctx, actor, faction, intent) => {
  const recipients = allThere(intent.to.map((id) => ctx.world.persons[id]));
  const [first] = recipients ?? [];
  if (!recipients || !first || recipients.some((p) => p.status === 'dead'))
    return refuse('message.recipient', 'a recipient cannot receive messages');
  const to = first.faction;
  if (recipients.some((p) => p.faction !== to))
    return refuse('message.recipient', 'all recipients of a message serve one faction');
  if (!canTransmit(ctx, actor))
    return refuse('ship.communications', `${actor.id} has no working communications`);
  const delay = messageDelay(ctx.world, actor, first, ctx.settings.tick);
  return allow({
    type: 'message-sent',
    message: ctx.nextId('message'),
    from: faction.id,
    to,
    sender: actor.id,
    recipients: intent.to,
    channel: null,
    topic: intent.topic,
    text: intent.text,
    arrivesAt: later(ctx.t, delay),
  });
};

export const sendEnvoy: Rule<'send-envoy'> = (ctx, _actor, faction, intent) => {
  if (ctx.world.channels[intent.channel])
    return refuse('channel.unique', `channel ${intent.channel} already exists`);
  const envoy = ctx.world.persons[intent.envoy];
  const contact = ctx.world.persons[intent.contact];
  const ship = ctx.world.ships[intent.ship];
  if (!envoy || envoy.faction !== faction.id || envoy.status !== 'active')
    return refuse('envoy.available', `${intent.envoy} cannot go as ${faction.id}'s envoy`);
  if (!contact || contact.status === 'dead')
    return refuse('envoy.contact', `${intent.contact} cannot be contacted`);
  if (!ship || ship.faction !== faction.id || ship.destroyed || ship.course)
    return refuse('ship.available', `${intent.ship} is not available to ${faction.id}`);
  if (topLocation(ctx.world, personLocation(ctx.world, envoy)) !== topLocation(ctx.world, ship.location)) {
    return refuse('envoy.ship', `${envoy.id} cannot reach ${ship.id}`);
  }
  const target = ctx.world.factions[intent.target];
  if (!target) return refuse('envoy.target', `unknown faction ${intent.target}`);
  const kind = contact.id === target.leader ? 'envoy' : 'intermediary';
  const events: EventPayload[] = [
    {
      type: 'channel-opened',
      channel: intent.channel,
      kind,
      from: faction.id,
      to: target.id,
      agent: envoy.id,
      contact: contact.id,
      secret: false,
    },
  ];
  if (!(envoy.position.kind === 'ship' && envoy.position.ship === ship.id)) {
    events.push({
      type: 'person-moved',
      person: envoy.id,
      to: { kind: 'ship', ship: ship.id },
      means: 'on-foot',
    });
  }
  const travel = voyage(ctx, faction.id, ship.id, intent.to);
  if (!travel.ok) return travel;
  return allow(...events, ...travel.events);
};

export const respondToEnvoy: Rule<'respond-to-envoy'> = (ctx, actor, _faction, intent) => {
  const channel = ctx.world.channels[intent.channel];
  if (channel?.status !== 'open') return refuse('channel.open', `channel ${intent.channel} is not open`);
  if (channel.contact !== actor.id)
    return refuse('channel.contact', `${actor.id} is not the contact of ${channel.id}`);
  const envoy = channel.agent ? ctx.world.persons[channel.agent] : undefined;
  if (!envoy) return refuse('channel.agent', `${channel.id} has no envoy`);
  const here = topLocation(ctx.world, personLocation(ctx.world, actor));
  if (topLocation(ctx.world, personLocation(ctx.world, envoy)) !== here)
    return refuse('envoy.presence', `${envoy.id} has not reached ${actor.id}`);
  if (intent.response === 'deny') {
    return allow({
      type: 'channel-denied',
      channel: channel.id,
      by: actor.id,
      reason: ctx.reasons[0] ?? 'denied knowing the envoy',
    });
  }
  const leaderId = ctx.world.factions[channel.to]?.leader;
  const leader = leaderId ? ctx.world.persons[leaderId] : undefined;
  if (!leader) return refuse('channel.destination', `${channel.to} has no leader to relay to`);
  return allow({
    type: 'message-sent',
    message: ctx.nextId('message'),
    from: channel.from,
    to: channel.to,
    sender: envoy.id,
    recipients: [leader.id],
    channel: channel.id,
    topic: 'proposal',
    text: `${actor.name} relays ${envoy.name}'s approach`,
    // The contact sends word to the leader as any message goes: at once if they are together.
    arrivesAt: later(ctx.t, messageDelay(ctx.world, actor, leader, ctx.settings.tick)),
  });
};

export const openCovertChannel: Rule<'open-covert-channel'> = (ctx, actor, _faction, intent) => {
  if (ctx.world.channels[intent.channel])
    return refuse('channel.unique', `channel ${intent.channel} already exists`);
  if (intent.to === actor.faction)
    return refuse('channel.covert', 'a covert channel leads to another faction');
  const contact = ctx.world.persons[intent.contact];
  if (!contact || contact.faction !== intent.to)
    return refuse('channel.contact', `${intent.contact} does not serve ${intent.to}`);
  if (!canTransmit(ctx, actor))
    return refuse('ship.communications', `${actor.id} has no working communications`);
  return allow({
    type: 'channel-opened',
    channel: intent.channel,
    kind: 'covert',
    from: actor.faction,
    to: intent.to,
    agent: actor.id,
    contact: contact.id,
    secret: true,
  });
};

/** This family's part of the rulebook (./index.ts): the rules of messages, envoys and covert channels. */
export const channelRules = {
  'send-message': sendMessage,
  'send-envoy': sendEnvoy,
  'respond-to-envoy': respondToEnvoy,
  'open-covert-channel': openCovertChannel,
} satisfies Rulebook;
