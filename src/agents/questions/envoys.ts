/**
 * Envoys and strangers:
 * - an intermediary met by an envoy relays the approach or denies knowing him. His reliability is
 *   what he owes the envoy and his standing with his leader; against it weighs fear — his own
 *   caution times his leader's suspicion of outsiders ("Don't talk about that here. It could mean
 *   my head");
 * - a suspicious faction detains strangers in its territory whose business has been denied;
 * - a faction whose envoy misses the rendezvous goes to look for him where he went;
 * - a freed member aboard another's ship sends word of where he is, and rejoins his own when it comes.
 */
import type { LocationId } from '../../model/ids.js';
import { hours } from '../../model/time.js';
import type { Person, Ship } from '../../model/world.js';
import type { Option, Question } from '../deliberation.js';
import type { Situation } from '../situation.js';
import type { FactionView } from '../view.js';
import { travelSpeed } from '../../model/forces.js';
import { precautionWithRole } from '../../model/physics.js';
import { debt } from './channels.js';
import { ownShipAt, single } from './talks.js';

/** The member who acts for the faction: its leader, or while the leader is held, the senior free member. */
export function actingLeader(view: FactionView, members: readonly Person[]): Person | undefined {
  const leader = view.leader();
  if (leader.status === 'active' || leader.status === 'injured') return leader;
  const rank = (p: Person) =>
    p.role === 'leader' ? 0 : p.role === 'advisor' ? 1 : p.role === 'officer' ? 2 : 3;
  return members
    .filter((m) => m.status === 'active')
    .sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1))[0];
}

export function envoyResponseQuestions(s: Situation): Question[] {
  const { view } = s;
  const out: Question[] = [];
  for (const ch of view.channelsThrough()) {
    if (ch.status !== 'open' || !ch.agent || !ch.contact || s.lastAsked(`envoy:${ch.id}`) !== undefined)
      continue;
    const contact = view.person(ch.contact);
    const envoy = view.person(ch.agent);
    if (!contact || !envoy || contact.status !== 'active' || view.place(envoy) !== view.place(contact))
      continue;
    const leader = view.leader();
    const options = (judge: Person): Option[] => [
      {
        id: 'relay',
        label: `relay ${envoy.name}'s approach to ${leader.name}`,
        acts: [{ intent: { type: 'respond-to-envoy', channel: ch.id, response: 'relay' } }],
        terms: [
          { name: 'favours owed', value: 0.6 * debt(judge, envoy.id), note: `owes ${envoy.name} favours` },
          {
            name: "the leader's ear",
            value: 0.2 * (judge.influence[leader.id] ?? 0),
            note: `has ${leader.name}'s ear`,
          },
          { name: 'our stance towards them', value: -0.3 * view.hostilityOf(ch.from) },
        ],
      },
      {
        id: 'deny',
        label: `deny knowing ${envoy.name}`,
        acts: [{ intent: { type: 'respond-to-envoy', channel: ch.id, response: 'deny' } }],
        terms: [
          {
            name: 'fear',
            value: 0.9 * judge.personality.caution * leader.personality.suspicion,
            note: 'it could mean my head',
          },
          { name: 'outsiders unwelcome', value: 0.2 * leader.personality.suspicion },
        ],
        statusQuo: true,
      },
    ];
    out.push({
      id: `envoy:${ch.id}`,
      topic: `${envoy.name}'s approach`,
      decider: contact,
      options,
      counselled: false,
    });
  }
  return out;
}

/** A prison of the faction at a place, if it has one. */
function prisonAt(view: FactionView, place: LocationId): LocationId | undefined {
  return view
    .locationIds()
    .find(
      (l) =>
        view.top(l) === place &&
        view.location(l)?.kind === 'prison' &&
        view.location(l)?.controlledBy === view.id,
    );
}

export function strangerQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  const out: Question[] = [];
  for (const ch of view.channelsThrough()) {
    if (ch.status !== 'denied' || !ch.agent) continue;
    const stranger = view.person(ch.agent);
    if (!stranger || stranger.status !== 'active' || view.allies().includes(stranger.faction)) continue;
    const place = view.place(stranger);
    const prison = prisonAt(view, place);
    if (!prison || s.lastAsked(`stranger:${stranger.id}`) !== undefined) continue;
    const guard =
      s.members.find(
        (m) => m.status === 'active' && m.id !== leader.id && m.role === 'guard' && view.place(m) === place,
      ) ?? leader;
    const options = (judge: Person): Option[] => [
      {
        id: 'detain',
        label: `detain ${stranger.name}`,
        acts: [{ intent: { type: 'detain', person: stranger.id, at: prison }, actor: guard.id }],
        terms: [
          {
            name: 'suspicion of outsiders',
            value: judge.personality.suspicion * (1 - view.trust(stranger.faction)),
          },
          { name: 'honour', value: -0.3 * judge.personality.honour },
        ],
      },
      {
        id: 'let-be',
        label: `let ${stranger.name} go`,
        acts: [],
        terms: [{ name: 'no trouble wanted', value: 0.15 }],
        statusQuo: true,
      },
    ];
    out.push({
      id: `stranger:${stranger.id}`,
      topic: `the stranger ${stranger.name}`,
      decider: leader,
      options,
      counselled: false,
    });
  }
  return out;
}

/** Waiting for an envoy at the agreed place, and searching for him when he does not come. */
export function rendezvousQuestions(s: Situation): Question[] {
  const leader = actingLeader(s.view, s.members);
  if (!leader) return [];
  return [...toRendezvousQuestions(s, leader), ...searchQuestions(s, leader)];
}

/**
 * Going to the rendezvous agreed with a member of ours, when the ship can be there by the time
 * agreed (a crippled ship waits for its repairs) and nothing keeps it: a ship hosting talks, or
 * whose faction awaits visitors who accepted its proposal, stays.
 */
function toRendezvousQuestions(s: Situation, leader: Person): Question[] {
  const { view } = s;
  const out: Question[] = [];
  const awaited = view.awaitedVisitors().length > 0;
  const busy = (shipId: string) =>
    view.negotiations('open').some((n) => n.aboard === shipId) || (awaited && shipId === view.flagship()?.id);
  for (const member of s.members) {
    const r = view.rendezvousFor(member.id);
    if (!r) continue;
    const ship = view.ship(r.ship);
    if (!ship) continue;
    const speed = travelSpeed(ship, view.physics, s.settings.operationalIntegrity);
    const arrival =
      speed > 0 ? s.t + hours(view.distance(view.place(ship), r.at) / speed) : Number.POSITIVE_INFINITY;
    if (
      !ship.course &&
      view.place(ship) !== view.top(r.at) &&
      !busy(ship.id) &&
      arrival <= r.deadline &&
      s.due(`rendezvous:${member.id}`, hours(6))
    ) {
      out.push(
        single(
          `rendezvous:${member.id}`,
          leader,
          `go to the rendezvous with ${member.name}`,
          [{ intent: { type: 'move', ship: ship.id, to: r.at } }],
          [{ name: 'our envoy is due', value: 1 }],
        ),
      );
    }
  }
  return out;
}

/**
 * After a missed rendezvous, the waiting ship goes on alert (the world's precaution of role `alert`)
 * to where the envoy went (its contact's place), once per missing envoy.
 */
function searchQuestions(s: Situation, leader: Person): Question[] {
  const { view } = s;
  const alert = precautionWithRole(view.physics, 'alert');
  const out: Question[] = [];
  for (const e of s.observed) {
    if (e.type !== 'rendezvous-missed' || s.lastAsked(`search:${e.person}`) !== undefined) continue;
    const missing = view.person(e.person);
    const ship = view.ship(e.ship);
    const channel = view.channels().find((c) => c.agent === e.person && c.from === view.id);
    const contact = channel?.contact ? view.person(channel.contact) : undefined;
    if (!missing || !ship || !contact) continue;
    const target = view.top(view.locationOf(contact));
    out.push(
      single(
        `search:${e.person}`,
        leader,
        `go after ${missing.name} at ${target}`,
        [
          // A ship already under way (most often to the same place) keeps its course.
          ...(ship.course ? [] : [{ intent: { type: 'move' as const, ship: ship.id, to: target } }]),
          ...(alert === null
            ? []
            : [{ intent: { type: 'take-precaution' as const, kind: alert, ship: ship.id, persons: [] } }]),
        ],
        [{ name: 'one of ours is missing', value: 1, note: `${missing.name} has not come back` }],
      ),
    );
  }
  return out;
}

/** A freed member aboard another's ship sends word home, and rejoins his own when it comes near. */
export function guestQuestions(s: Situation): Question[] {
  return [...homecomingQuestions(s), ...fetchQuestions(s)];
}

/**
 * Members of ours aboard another's ship, free and not there for talks (nor our leader, nor with
 * our leader, whose return takes its party home): each boards a ship of ours at rest where it is,
 * or with none there, sends word of where he is, once.
 */
function homecomingQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  const out: Question[] = [];
  for (const m of s.members) {
    const host = guestAboard(view, m);
    if (!host || leader.id === m.id) continue;
    if (leader.status === 'active' && leader.position.kind === 'ship' && leader.position.ship === host.id)
      continue;
    const own = ownShipAt(view, view.place(host));
    if (own) {
      out.push(
        single(
          `rejoin:${m.id}`,
          m,
          `return to ${own.name}`,
          [{ intent: { type: 'board', ship: own.id, persons: [m.id] } }],
          [{ name: 'back with our own', value: 1 }],
        ),
      );
    } else if (s.lastAsked(`word:${m.id}`) === undefined && leader.status === 'active') {
      out.push(sendWord(leader, m, `${m.name} is free, aboard ${host.name} at ${view.place(host)}`));
    }
  }
  return out;
}

/** The ship of another faction an active member of ours is aboard, unless talks are held there. */
function guestAboard(view: FactionView, m: Person): Ship | undefined {
  if (m.status !== 'active' || m.position.kind !== 'ship') return undefined;
  const host = view.ship(m.position.ship);
  if (!host || host.faction === view.id) return undefined;
  return view.negotiations('open').some((n) => n.aboard === host.id) ? undefined : host;
}

function sendWord(leader: Person, m: Person, text: string): Question {
  return single(
    `word:${m.id}`,
    m,
    `send word to ${leader.name}`,
    [{ intent: { type: 'send-message', to: [leader.id], topic: 'whereabouts', text } }],
    [{ name: 'they will be looking for me', value: 1 }],
  );
}

/** A faction told where its missing member is goes there with its flagship, once per letter. */
function fetchQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  const flagship = view.flagship();
  const out: Question[] = [];
  for (const letter of view.mailbox()) {
    if (letter.topic !== 'whereabouts' || !flagship || s.lastAsked(`fetch:${letter.message}`) !== undefined)
      continue;
    const sender = view.person(letter.sender);
    if (!sender || sender.position.kind !== 'ship' || leader.status !== 'active') continue;
    const where = view.ship(sender.position.ship);
    if (!where || view.place(flagship) === view.place(where) || flagship.course) continue;
    out.push(
      single(
        `fetch:${letter.message}`,
        leader,
        `go to fetch ${sender.name}`,
        [{ intent: { type: 'move', ship: flagship.id, to: view.place(where) } }],
        [{ name: 'one of ours is waiting', value: 1 }],
      ),
    );
  }
  return out;
}
