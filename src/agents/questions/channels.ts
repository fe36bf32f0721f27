/**
 * Choosing channels: a faction seeking an alliance reaches its candidates where it can — by a
 * message to someone it knows there (a direct channel), or by sending an envoy to an intermediary
 * who has the ear of their leader, or, with neither, by hailing their leader where their ships and ours meet. An intermediary's worth is his influence on his leader and what
 * he owes the envoy (debts and favours); a candidate no one can reach is not an option. A cautious
 * leader hedges: up to two channels at once.
 */
import type { FactionId, LocationId, PersonId } from '../../model/ids.js';
import { hours, type Minutes } from '../../model/time.js';
import type { Person } from '../../model/world.js';
import type { Option, Question } from '../deliberation.js';
import { allianceValue, total } from '../models/alliances.js';
import type { Situation } from '../situation.js';
import type { FactionView } from '../view.js';

/** A faction pursues at most this many candidates at once. */
const PARALLEL = 2;

/** Candidates this faction has already approached since it began seeking. */
export function pursued(s: Situation): FactionId[] {
  const aim = s.view.self.agenda.alliance;
  if (!aim) return [];
  return aim.candidates.filter((c) => (s.lastAsked(`approach:${c}`) ?? -1) >= aim.since);
}

/** The debt `debtor` owes `creditor`, in [0, 1]. */
export function debt(debtor: Person, creditor: PersonId): number {
  return debtor.debts.filter((d) => d.to === creditor).reduce((sum, d) => sum + d.weight, 0);
}

/** A place to wait for an envoy on his way back: a rendezvous point near his destination, or the destination. */
export function rendezvousNear(view: FactionView, destination: LocationId): LocationId {
  const points = view
    .locationIds()
    .filter((l) => view.location(l)?.kind === 'rendezvous' && view.top(l) === l);
  return (
    points.sort(
      (a, b) => view.distance(a, destination) - view.distance(b, destination) || (a < b ? -1 : 1),
    )[0] ?? destination
  );
}

export function channelQuestions(s: Situation): Question[] {
  const { view, threat } = s;
  const aim = view.self.agenda.alliance;
  if (!aim || !s.due('channels', hours(12))) return [];
  const already = pursued(s);
  if (already.length >= PARALLEL) return [];
  const leader = view.leader();
  const members = s.members.filter((m) => m.status === 'active');
  const flagship = view.flagship();

  const options = (judge: Person): Option[] => {
    const out: Option[] = [];
    for (const candidate of aim.candidates) {
      if (already.includes(candidate)) continue;
      const them = view.faction(candidate);
      const value = total(allianceValue(view, threat, candidate, judge));
      // A direct channel: a message to someone we know there, and to their leader.
      // A direct channel needs an acquaintance on both sides: someone there who knows one of us.
      const knower = members.find((m) =>
        m.contacts.some((c) => {
          const p = view.person(c);
          return (
            p !== undefined && p.faction === candidate && p.status !== 'dead' && p.contacts.includes(m.id)
          );
        }),
      );
      if (knower) {
        const contact = knower.contacts.find(
          (c) => view.person(c)?.faction === candidate && view.person(c)!.contacts.includes(knower.id),
        )!;
        const recipients = [...new Set([contact, them.leader])];
        out.push({
          id: `message:${candidate}`,
          label: `send a message to ${recipients.join(' and ')} proposing an alliance`,
          acts: [
            {
              intent: {
                type: 'send-message',
                to: recipients,
                topic: 'proposal',
                text: `${view.self.name} proposes to discuss an alliance with ${them.name}`,
              },
            },
          ],
          terms: [
            {
              name: `alliance with ${candidate}`,
              value,
              note: `an alliance with ${them.name} would be worth it`,
            },
            {
              name: 'a contact we know',
              value: 0.1,
              note: `${knower.name} knows ${view.person(contact)?.name ?? contact}`,
            },
          ],
          order: 1,
          exclusive: candidate,
          remember: `approach:${candidate}`,
        });
      }
      // An envoy to an intermediary who has the ear of their leader.
      // Without a direct channel, an envoy: one the leader trusts to speak for the faction.
      for (const envoy of knower ? [] : members) {
        if (envoy.id === leader.id || (envoy.influence[leader.id] ?? 0) <= 0) continue;
        for (const c of envoy.contacts) {
          const contact = view.person(c);
          if (
            !contact ||
            contact.faction !== candidate ||
            contact.id === them.leader ||
            contact.status === 'dead'
          )
            continue;
          const ear = contact.influence[them.leader] ?? 0;
          if (ear <= 0) continue;
          // An envoy goes through a contact once: a second through the same one adds nothing.
          const channel = `${view.id}-${candidate}-through-${contact.id}`;
          if (view.channels().some((ch) => ch.id === channel)) continue;
          const place = view.top(view.locationOf(contact));
          const ship = view
            .ownShips()
            .find(
              (sh) =>
                sh.id !== flagship?.id &&
                !sh.course &&
                view.place(sh) === view.place(envoy) &&
                sh.count === 1,
            );
          if (!ship) continue;
          const reliability = ear * (0.5 + debt(contact, envoy.id));
          const rendezvous = rendezvousNear(view, place);
          const trip = view.distance(view.place(envoy), place);
          const within = Math.round(
            hours(Math.min(48, 2 * (trip / Math.max(0.05, ship.speeds.warp)) + 12)),
          ) as Minutes;
          out.push({
            id: `envoy:${candidate}:${envoy.id}`,
            label: `send ${envoy.name} to ${place} to sound out ${them.name} through ${contact.name}`,
            acts: [
              {
                intent: {
                  type: 'send-envoy',
                  channel: channel as never,
                  envoy: envoy.id,
                  ship: ship.id,
                  to: place,
                  contact: contact.id,
                  target: candidate,
                },
              },
              ...(flagship
                ? [
                    {
                      intent: {
                        type: 'await-rendezvous' as const,
                        ship: flagship.id,
                        person: envoy.id,
                        at: rendezvous,
                        within,
                      },
                    },
                  ]
                : []),
            ],
            terms: [
              {
                name: `alliance with ${candidate}`,
                value: value * 0.9,
                note: `${them.name} would be a useful ally`,
              },
              {
                name: 'intermediary',
                value: 0.2 * reliability,
                note: `${contact.name} has ${them.name}'s ear${debt(contact, envoy.id) > 0 ? ` and owes ${envoy.name} favours` : ''}`,
              },
              { name: 'informal, no confrontation', value: 0.05 },
              { name: 'risk of the journey', value: -0.1 },
            ],
            order: 0,
            exclusive: [candidate, `ship:${ship.id}`],
            remember: `approach:${candidate}`,
          });
        }
      }
    }
    // With no one to go through, a hail to their leader when our ships meet theirs: a cold approach.
    if (out.length === 0) {
      const ours = new Set(view.places(view.id));
      for (const candidate of aim.candidates) {
        if (already.includes(candidate)) continue;
        const them = view.faction(candidate);
        if (view.person(them.leader)?.status !== 'active') continue;
        const meet = view.places(candidate).some((place) => ours.has(place));
        if (!meet) {
          // Too far to hail: go and find them, if the flagship is free to sail.
          const theirs = view.flagshipOf(candidate);
          const free =
            flagship && !flagship.course && !view.negotiations('open').some((n) => n.aboard === flagship.id);
          if (!theirs || theirs.course || !free) continue;
          const place = view.place(theirs);
          const speed = Math.max(
            0.01,
            flagship.speeds.warp * flagship.systems.warp,
            flagship.speeds.impulse * flagship.systems.impulse,
          );
          const journey = view.distance(view.place(flagship), place) / speed;
          if (!(journey <= 24)) continue;
          out.push({
            id: `seek-out:${candidate}`,
            label: `go to ${place} to find ${them.name}`,
            acts: [{ intent: { type: 'move', ship: flagship.id, to: place } }],
            terms: [
              {
                name: `alliance with ${candidate}`,
                value: 0.7 * total(allianceValue(view, threat, candidate, judge)),
                note: `an alliance with ${them.name} would be worth it`,
              },
              {
                name: 'a journey to find them',
                value: -0.15 - 0.01 * journey,
                note: `${Math.round(journey)} hours to reach them`,
              },
            ],
            exclusive: [candidate, 'hail'],
          });
          continue;
        }
        out.push({
          id: `hail:${candidate}`,
          label: `hail ${them.leader} to propose an alliance`,
          acts: [
            {
              intent: {
                type: 'send-message',
                to: [them.leader],
                topic: 'proposal',
                text: `${view.self.name} proposes to discuss an alliance with ${them.name}`,
              },
            },
          ],
          terms: [
            {
              name: `alliance with ${candidate}`,
              value: 0.8 * total(allianceValue(view, threat, candidate, judge)),
              note: `an alliance with ${them.name} would be worth it`,
            },
            { name: 'a cold approach', value: -0.1, note: 'no one to vouch for us' },
          ],
          // One cold approach at a time: the most valued candidate first.
          exclusive: [candidate, 'hail'],
          remember: `approach:${candidate}`,
        });
      }
    }
    out.push({ id: 'wait', label: 'wait before reaching out', acts: [], terms: [], statusQuo: true });
    return out;
  };
  return [
    {
      id: 'channels',
      topic: 'how to reach the candidates',
      decider: leader,
      options,
      counselled: false,
      pick: PARALLEL - already.length,
    },
  ];
}
