/**
 * Choosing channels: a faction seeking an alliance reaches its candidates where it can — by a
 * message to someone it knows there (a direct channel), or by sending an envoy to an intermediary
 * who has the ear of their leader, or, with neither, by hailing their leader where their ships and ours meet. An intermediary's worth is his influence on his leader and what
 * he owes the envoy (debts and favours); a candidate no one can reach is not an option. A cautious
 * leader hedges: up to two channels at once.
 */
import { id, type FactionId, type LocationId, type PersonId } from '../../model/ids.js';
import { hours } from '../../model/time.js';
import type { Person, Ship } from '../../model/world.js';
import { bestSpeed, topSpeed } from '../../model/forces.js';
import type { Option, Question } from '../deliberation.js';
import { allianceValue, total } from '../models/alliances.js';
import type { ThreatAssessment } from '../models/threat.js';
import { HOSTILE } from '../tuning.js';
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

/** What a leader reaching out weighs: the candidates not yet approached, and who can go. */
interface Reach {
  readonly view: FactionView;
  readonly threat: ThreatAssessment;
  readonly candidates: readonly FactionId[];
  readonly leader: Person;
  readonly members: readonly Person[];
  readonly flagship: Ship | undefined;
}

/**
 * How to reach the candidates of the alliance the faction seeks, asked every twelve hours while
 * fewer than `PARALLEL` of them have been approached.
 */
export function channelQuestions(s: Situation): Question[] {
  const { view, threat } = s;
  const aim = view.self.agenda.alliance;
  if (!aim || !s.due('channels', hours(12))) return [];
  const already = pursued(s);
  if (already.length >= PARALLEL) return [];
  const reach: Reach = {
    view,
    threat,
    // Those we are already in talks with need no approach.
    candidates: aim.candidates.filter((c) => !already.includes(c) && !view.inTalksWith(c)),
    leader: view.leader(),
    members: s.members.filter((m) => m.status === 'active'),
    flagship: view.flagship(),
  };
  return [
    {
      id: 'channels',
      topic: 'how to reach the candidates',
      decider: reach.leader,
      options: (judge) => reachOptions(reach, judge),
      counselled: false,
      pick: PARALLEL - already.length,
    },
  ];
}

/**
 * Every way to reach every candidate, through people first (a direct channel, else envoys); a
 * cold approach only when no one can be reached through anyone; and waiting.
 */
function reachOptions(r: Reach, judge: Person): Option[] {
  const out: Option[] = [];
  for (const candidate of r.candidates) out.push(...introductions(r, candidate, judge));
  if (out.length === 0) out.push(...coldApproaches(r, judge));
  out.push({ id: 'wait', label: 'wait before reaching out', acts: [], terms: [], statusQuo: true });
  return out;
}

/** Through people: a message to someone we know there, or without one, envoys to intermediaries. */
function introductions(r: Reach, candidate: FactionId, judge: Person): Option[] {
  const value = total(allianceValue(r.view, r.threat, candidate, judge));
  const met = acquaintance(r, candidate);
  return met ? [directMessage(r, candidate, met, value)] : envoyMissions(r, candidate, value);
}

/**
 * A direct channel needs an acquaintance on both sides: one of ours (the first member who has one)
 * and someone there, alive, who knows him. The message goes to the first contact of his there who
 * knows him back.
 */
function acquaintance(r: Reach, candidate: FactionId): { knower: Person; contact: PersonId } | undefined {
  const knowsBack = (c: PersonId, m: Person) => {
    const p = r.view.person(c);
    return p !== undefined && p.faction === candidate && p.contacts.includes(m.id);
  };
  const knower = r.members.find((m) =>
    m.contacts.some((c) => knowsBack(c, m) && r.view.person(c)?.status !== 'dead'),
  );
  const contact = knower?.contacts.find((c) => knowsBack(c, knower));
  return knower && contact ? { knower, contact } : undefined;
}

/** A message to our acquaintance there, and to their leader, proposing to discuss an alliance. */
function directMessage(
  r: Reach,
  candidate: FactionId,
  { knower, contact }: { knower: Person; contact: PersonId },
  value: number,
): Option {
  const { view } = r;
  const them = view.faction(candidate);
  const recipients = [...new Set([contact, them.leader])];
  return {
    id: `message:${candidate}`,
    label: `send a message to ${recipients.join(' and ')} proposing an alliance`,
    acts: [{ intent: proposalMessage(view, recipients, them.name) }],
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
  };
}

function proposalMessage(view: FactionView, to: PersonId[], theirName: string) {
  return {
    type: 'send-message' as const,
    to,
    topic: 'proposal' as const,
    text: `${view.self.name} proposes to discuss an alliance with ${theirName}`,
  };
}

/**
 * Without a direct channel, envoys: members the leader trusts to speak for the faction (who have
 * his ear), each to every contact of theirs there who has the ear of their leader.
 */
function envoyMissions(r: Reach, candidate: FactionId, value: number): Option[] {
  const out: Option[] = [];
  for (const envoy of r.members) {
    if (envoy.id === r.leader.id || (envoy.influence[r.leader.id] ?? 0) <= 0) continue;
    for (const contact of intermediaries(r.view, envoy, candidate)) {
      const mission = envoyMission(r, candidate, envoy, contact, value);
      if (mission) out.push(mission);
    }
  }
  return out;
}

/** The envoy's contacts among the candidate's people, alive, other than their leader, with his ear. */
function intermediaries(view: FactionView, envoy: Person, candidate: FactionId): Person[] {
  const theirLeader = view.faction(candidate).leader;
  return envoy.contacts
    .map((c) => view.person(c))
    .filter(
      (contact): contact is Person =>
        contact !== undefined &&
        contact.faction === candidate &&
        contact.id !== theirLeader &&
        contact.status !== 'dead' &&
        (contact.influence[theirLeader] ?? 0) > 0,
    );
}

/**
 * An envoy sent aboard a free ship of ours (not the flagship) to the intermediary's place, the
 * flagship waiting for him at a rendezvous nearby. Worth the alliance (a little less than a
 * direct channel) and the intermediary's reliability: his ear times what he owes the envoy.
 */
function envoyMission(
  r: Reach,
  candidate: FactionId,
  envoy: Person,
  contact: Person,
  value: number,
): Option | undefined {
  const { view, flagship } = r;
  const them = view.faction(candidate);
  // An envoy goes through a contact once: a second through the same one adds nothing.
  const channel = id.channel(`${view.id}-${candidate}-through-${contact.id}`);
  if (view.channels().some((ch) => ch.id === channel)) return undefined;
  const place = view.top(view.locationOf(contact));
  const ship = view
    .ownShips()
    .find(
      (sh) => sh.id !== flagship?.id && !sh.course && view.place(sh) === view.place(envoy) && sh.count === 1,
    );
  if (!ship) return undefined;
  const reliability = (contact.influence[them.leader] ?? 0) * (0.5 + debt(contact, envoy.id));
  return {
    id: `envoy:${candidate}:${envoy.id}`,
    label: `send ${envoy.name} to ${place} to sound out ${them.name} through ${contact.name}`,
    acts: [
      {
        intent: {
          type: 'send-envoy',
          channel,
          envoy: envoy.id,
          ship: ship.id,
          to: place,
          contact: contact.id,
          target: candidate,
        },
      },
      ...(flagship ? [{ intent: awaitEnvoy(view, flagship, envoy, ship, place) }] : []),
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
  };
}

/**
 * The flagship waits for the envoy at a rendezvous near his destination, for the round trip at
 * the top speed of the envoy's force and half a day more (two days at most).
 */
function awaitEnvoy(view: FactionView, flagship: Ship, envoy: Person, ship: Ship, place: LocationId) {
  const trip = view.distance(view.place(envoy), place);
  return {
    type: 'await-rendezvous' as const,
    ship: flagship.id,
    person: envoy.id,
    at: rendezvousNear(view, place),
    within: hours(Math.min(48, 2 * (trip / Math.max(0.05, topSpeed(ship))) + 12)),
  };
}

/**
 * With no one to go through, a cold approach to each candidate whose leader is active: a hail
 * where our ships meet theirs, or else a voyage to find them.
 */
function coldApproaches(r: Reach, judge: Person): Option[] {
  const { view } = r;
  const ours = new Set(view.places(view.id));
  const out: Option[] = [];
  for (const candidate of r.candidates) {
    if (view.person(view.faction(candidate).leader)?.status !== 'active') continue;
    const meet = view.places(candidate).some((place) => ours.has(place));
    const approach = meet ? hail(r, candidate, judge) : seekOut(r, candidate, judge);
    if (approach) out.push(approach);
  }
  return out;
}

/** A hail to their leader where our ships meet theirs: no one to vouch for us. */
function hail(r: Reach, candidate: FactionId, judge: Person): Option {
  const { view } = r;
  const them = view.faction(candidate);
  return {
    id: `hail:${candidate}`,
    label: `hail ${them.leader} to propose an alliance`,
    acts: [{ intent: proposalMessage(view, [them.leader], them.name) }],
    terms: [
      {
        name: `alliance with ${candidate}`,
        value: 0.8 * total(allianceValue(view, r.threat, candidate, judge)),
        note: `an alliance with ${them.name} would be worth it`,
      },
      { name: 'a cold approach', value: -0.1, note: 'no one to vouch for us' },
    ],
    // One cold approach at a time: the most valued candidate first.
    exclusive: [candidate, 'hail'],
    remember: `approach:${candidate}`,
  };
}

/**
 * Too far to hail: the flagship goes to find their flagship, if both are at rest, ours is not
 * hosting talks, and the journey takes a day at most.
 */
function seekOut(r: Reach, candidate: FactionId, judge: Person): Option | undefined {
  const { view, flagship } = r;
  const them = view.faction(candidate);
  const theirs = view.flagshipOf(candidate);
  if (!theirs || theirs.course || !flagship || flagship.course) return undefined;
  if (view.negotiations('open').some((n) => n.aboard === flagship.id)) return undefined;
  const place = view.place(theirs);
  // Not into the arms of a hostile force we would flee on arrival (withdrawal, ./readiness.ts).
  if (view.hostilityOf(candidate) >= HOSTILE && view.strength(candidate) > view.strength(view.id))
    return undefined;
  const journey = view.distance(view.place(flagship), place) / cruisingSpeed(view, flagship);
  if (!(journey <= 24)) return undefined;
  return {
    id: `seek-out:${candidate}`,
    label: `go to ${place} to find ${them.name}`,
    acts: [{ intent: { type: 'move', ship: flagship.id, to: place } }],
    terms: [
      {
        name: `alliance with ${candidate}`,
        value: 0.7 * total(allianceValue(view, r.threat, candidate, judge)),
        note: `an alliance with ${them.name} would be worth it`,
      },
      {
        name: 'a journey to find them',
        value: -0.15 - 0.01 * journey,
        note: `${Math.round(journey)} hours to reach them`,
      },
    ],
    exclusive: [candidate, 'hail'],
  };
}

/** Distance per hour a force makes the best way it can, as damaged (a planner's estimate). */
export function cruisingSpeed(view: FactionView, ship: Ship): number {
  return Math.max(0.01, bestSpeed(ship, view.physics));
}
