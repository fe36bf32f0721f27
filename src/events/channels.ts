/**
 * How factions reach each other: messages sent and delivered, and channels opened (directly,
 * through an envoy or an intermediary, or covertly by a spy), denied and closed.
 */
import { z } from 'zod';
import { channelId, declaredId, factionId, personId } from '../model/ids.js';
import { minutesSchema } from '../model/time.js';
import { channelKind, messageTopic } from '../model/vocabulary.js';
import { defineEvent } from './definition.js';
import { factionOfPerson } from './observers.js';
import { naming } from './telling.js';
import { updateBelief, updateEntry, withEntry } from './updates.js';
import { type Consequence, distrust } from './relations.js';

export const channelEvents = {
  'message-sent': defineEvent({
    fields: {
      message: z.string(),
      from: factionId,
      to: factionId,
      sender: personId,
      recipients: z.array(personId).min(1),
      channel: channelId.nullable().default(null),
      topic: messageTopic.default('text'),
      text: z.string(),
      arrivesAt: minutesSchema,
    },
    apply: (world, e) => ({
      ...world,
      messages: [
        ...world.messages,
        {
          id: e.message,
          from: e.from,
          to: e.to,
          sender: e.sender,
          recipients: e.recipients,
          channel: e.channel,
          sentAt: e.t,
          arrivesAt: e.arrivesAt > e.t ? e.arrivesAt : e.t,
          topic: e.topic,
          text: e.text,
        },
      ],
    }),
    // Until it arrives, a message is known to its sender's side only.
    observers: (_world, e) => [e.from],
    tell(e, names) {
      const { n, ns } = naming(names);
      return `${n(e.sender)} sends a message to ${ns(e.recipients)}: "${e.text}".`;
    },
  }),

  'message-delivered': defineEvent({
    fields: { message: z.string(), to: factionId, recipients: z.array(personId).min(1) },
    apply(world, e) {
      const message = world.messages.find((m) => m.id === e.message);
      world = { ...world, messages: world.messages.filter((m) => m.id !== e.message) };
      if (!message || !world.factions[e.to]) return world;
      const letter = {
        message: message.id,
        from: message.from,
        sender: message.sender,
        recipients: message.recipients,
        topic: message.topic,
        text: message.text,
        at: e.t,
      };
      world = {
        ...world,
        mailboxes: withEntry(world.mailboxes, e.to, [...(world.mailboxes[e.to] ?? []), letter]),
      };
      return updateBelief(world, e.to, message.from, (b) => ({ ...b, lastContact: e.t }));
    },
    observers: (_world, e) => [e.to],
    tell(e, names) {
      const { ns } = naming(names);
      return `The message reaches ${ns(e.recipients)}.`;
    },
  }),

  'channel-opened': defineEvent({
    fields: {
      channel: declaredId(channelId),
      kind: channelKind,
      from: factionId,
      to: factionId,
      agent: personId.nullable().default(null),
      contact: personId.nullable().default(null),
      secret: z.boolean().default(false),
    },
    apply: (world, e) => ({
      ...world,
      channels: withEntry(world.channels, e.channel, {
        id: e.channel,
        kind: e.kind,
        from: e.from,
        to: e.to,
        agent: e.agent,
        contact: e.contact,
        status: 'open',
        secret: e.secret,
      }),
    }),
    // A secret channel is known only to the faction it leads to and its agent's true masters.
    observers(world, e) {
      if (!e.secret) return [e.from, e.to, ...factionOfPerson(world, e.contact)];
      const agent = e.agent === null ? undefined : world.persons[e.agent];
      return agent === undefined ? [e.to] : [e.to, agent.loyalty];
    },
    tell(e, names) {
      const { n } = naming(names);
      return e.kind === 'covert'
        ? `${n(e.agent)} secretly opens a channel to ${n(e.to)} through ${n(e.contact)}.`
        : `${n(e.from)} opens ${e.kind === 'direct' ? 'a direct channel' : `an ${e.kind} channel`} to ${n(e.to)}${e.agent ? ` with ${n(e.agent)} as envoy` : ''}${e.contact ? ` through ${n(e.contact)}` : ''}.`;
    },
  }),

  'channel-denied': defineEvent({
    fields: { channel: channelId, by: personId, reason: z.string() },
    apply: (world, e) => ({
      ...world,
      channels: updateEntry(world.channels, e.channel, (c) => ({ ...c, status: 'denied' })),
    }),
    // No faction observes the denial itself: the envoy's side sees its consequence (a fall in its
    // trust, below) and what befalls its envoy afterwards.
    observers: () => [],
    tell(e, names) {
      const { n } = naming(names);
      return `${n(e.by)} denies the approach: ${e.reason}.`;
    },
    consequences(world, e): Consequence[] {
      const ch = world.channels[e.channel];
      return ch ? [distrust(ch.from, ch.to, 1, `envoy denied by ${world.persons[e.by]?.name ?? e.by}`)] : [];
    },
  }),

  'channel-closed': defineEvent({
    fields: { channel: channelId, reason: z.string() },
    apply: (world, e) => ({
      ...world,
      channels: updateEntry(world.channels, e.channel, (c) => ({ ...c, status: 'closed' })),
    }),
    // Observed by no faction: a closed channel is found closed when next used.
    observers: () => [],
    tell: (e) => `A channel closes: ${e.reason}.`,
  }),
};
