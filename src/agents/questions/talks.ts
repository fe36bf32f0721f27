/**
 * Opening talks: answering a proposal received by message, approaching a faction met on the way,
 * hosting talks aboard one's flagship once the other side has come, and going to (and back from)
 * talks held aboard another's ship. What is said in the talks is the negotiator's business
 * (../negotiator.ts).
 */
import type { FactionId, LocationId } from '../../model/ids.js';
import { days, hours, type Minutes } from '../../model/time.js';
import type { Letter, Person, Ship } from '../../model/world.js';
import type { Option, Question } from '../deliberation.js';
import { allianceValue } from '../models/alliances.js';
import type { Term } from '../models/valuation.js';
import type { Situation } from '../situation.js';
import type { FactionView } from '../view.js';
import { pursued } from './channels.js';

/** The id the talks between two factions take. */
export function talksId(host: FactionId, guest: FactionId, n = 1): string {
  return n === 1 ? `${host}-${guest}-talks` : `${host}-${guest}-talks-${n}`;
}

/** Whether talks with `other` are open or have been held since `since`. */
function talkedWith(view: FactionView, other: FactionId): boolean {
  return (['open', 'agreed', 'broken-off', 'timed-out'] as const).some((status) =>
    view.negotiations(status).some((n) => n.parties.includes(other)),
  );
}

/** What an opportunist covets in a partner: its technology, to the extent it lacks it. */
function covet(view: FactionView, other: FactionId, judge: Person): Term[] {
  const gap = view.faction(other).technology - view.self.technology;
  return gap > 0.1
    ? [
        {
          name: `${other}'s technology`,
          value: gap * judge.personality.aggression * (1 - judge.personality.honour) * 1.5,
          note: 'they have what we lack',
        },
      ]
    : [];
}

/** A conference this faction will attend that opens within `within` (talks must not keep it away). */
function conferenceDue(s: Situation, within: Minutes): boolean {
  return s.view
    .conferences()
    .some(
      (c) =>
        c.status === 'proposed' &&
        c.answers[s.view.id] === 'attend' &&
        c.opensAt !== null &&
        c.opensAt - s.t <= within,
    );
}

/**
 * Answering a proposal of talks received by message: agree (and go to them), refuse, or ignore.
 * A flagship waiting at a rendezvous for one of ours keeps waiting: the visit is promised and made
 * once it is free (`promisedVisitQuestions`).
 */
export function proposalQuestions(s: Situation): Question[] {
  const { view, threat } = s;
  const leader = view.leader();
  if (leader.status !== 'active') return [];
  const out: Question[] = [];
  for (const letter of view.mailbox()) {
    if (
      letter.topic !== 'proposal' ||
      s.lastAsked(`letter:${letter.message}`) !== undefined ||
      s.lastAsked(`promise:${letter.message}`) !== undefined
    )
      continue;
    if (talkedWith(view, letter.from)) continue;
    const from = letter.from;
    const sender = view.person(letter.sender);
    // Where their leader is, or is going.
    const theirLeader = view.person(view.faction(from).leader);
    const theirShip =
      theirLeader?.position.kind === 'ship' ? view.ship(theirLeader.position.ship) : undefined;
    const theirPlace = theirShip
      ? view.top(theirShip.course?.to ?? theirShip.location)
      : theirLeader
        ? view.place(theirLeader)
        : undefined;
    const sought = view.self.agenda.alliance?.candidates.includes(from) ?? false;
    const busy = conferenceDue(s, hours(24));
    const flagship = view.flagship();
    const waiting = flagship !== undefined && view.waitingAtRendezvous(flagship);
    const options = (judge: Person): Option[] => {
      const value = allianceValue(view, threat, from, judge);
      const grudge = view.grievance(from);
      return [
        {
          id: 'agree-to-talks',
          label: `agree to talks with ${from}`,
          acts: [
            {
              intent: {
                type: 'send-message',
                to: [letter.sender],
                topic: 'acceptance',
                text: `${view.self.name} will talk; we will come to you`,
              },
            },
            // A ship under way keeps its course, and one waiting for our envoy keeps waiting.
            ...(flagship && !flagship.course && !waiting && theirPlace && view.place(flagship) !== theirPlace
              ? [{ intent: { type: 'move' as const, ship: flagship.id, to: theirPlace } }]
              : []),
          ],
          ...(waiting ? { remember: `promise:${letter.message}` } : {}),
          terms: [
            ...value,
            ...covet(view, from, judge),
            ...(sought
              ? [{ name: 'an ally we seek', value: 0.6, note: `we are looking for an ally among them` }]
              : []),
            { name: 'grievances', value: -0.3 * Math.min(2, grudge), note: `what ${from} has done to us` },
            ...(busy
              ? [{ name: 'a conference to attend', value: -0.6, note: 'we are expected elsewhere' }]
              : []),
            {
              name: 'curiosity',
              value: 0.1 + 0.1 * judge.personality.suspicion,
              note: 'we can learn what they want',
            },
          ],
        },
        {
          id: 'refuse-talks',
          label: `refuse talks with ${from}`,
          acts: [
            {
              intent: {
                type: 'send-message',
                to: [letter.sender],
                topic: 'refusal',
                text: `${view.self.name} will not talk`,
              },
            },
          ],
          terms: [
            { name: 'pride', value: judge.personality.pride * 0.2 },
            { name: 'grievances', value: 0.15 * Math.min(2, grudge) },
          ],
        },
        {
          id: 'ignore',
          label: `ignore ${sender?.name ?? from}'s message`,
          acts: [],
          terms: [],
          statusQuo: true,
        },
      ];
    };
    out.push({
      id: `letter:${letter.message}`,
      topic: `talks with ${from}`,
      decider: leader,
      options,
      counselled: true,
      doctrine: view.self.doctrine,
    });
  }
  return out;
}

/** Letters accepting our proposal whose senders' leaders are now where our flagship is. */
function acceptedAndHere(view: FactionView): Letter[] {
  const flagship = view.flagship();
  if (!flagship || flagship.course) return [];
  const place = view.place(flagship);
  return view.mailbox().filter((l) => {
    if (l.topic !== 'acceptance') return false;
    const theirLeader = view.person(view.faction(l.from).leader);
    if (!theirLeader || theirLeader.status !== 'active') return false;
    const aboard = theirLeader.position.kind === 'ship' ? view.ship(theirLeader.position.ship) : undefined;
    return aboard ? !aboard.course && view.place(aboard) === place : view.place(theirLeader) === place;
  });
}

/**
 * Going to the talks promised while the flagship was waiting at a rendezvous, once it is free: the
 * proposal's sender's leader is where we go, as when agreeing (`proposalQuestions`).
 */
export function promisedVisitQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  const flagship = view.flagship();
  if (!flagship || flagship.course || leader.status !== 'active' || view.waitingAtRendezvous(flagship))
    return [];
  const out: Question[] = [];
  for (const letter of view.mailbox()) {
    if (letter.topic !== 'proposal' || s.lastAsked(`promise:${letter.message}`) === undefined) continue;
    if (talkedWith(view, letter.from) || !s.due(`visit-promised:${letter.message}`, hours(12))) continue;
    const theirLeader = view.person(view.faction(letter.from).leader);
    if (!theirLeader || theirLeader.status !== 'active') continue;
    const theirShip = theirLeader.position.kind === 'ship' ? view.ship(theirLeader.position.ship) : undefined;
    const theirPlace = theirShip
      ? view.top(theirShip.course?.to ?? theirShip.location)
      : view.place(theirLeader);
    if (view.place(flagship) === theirPlace) continue;
    out.push(
      single(
        `visit-promised:${letter.message}`,
        leader,
        `go to ${theirPlace} for the talks promised to ${letter.from}`,
        [{ intent: { type: 'move', ship: flagship.id, to: theirPlace } }],
        [{ name: 'a promise to keep', value: 1, note: `we told ${letter.from} we would come` }],
      ),
    );
    break;
  }
  return out;
}

/** Hosting talks aboard the flagship once those who accepted have come. */
export function hostingQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  const flagship = view.flagship();
  if (!flagship || leader.status !== 'active') return [];
  const out: Question[] = [];
  for (const letter of acceptedAndHere(view)) {
    if (talkedWith(view, letter.from)) continue;
    const id = talksId(view.id, letter.from);
    out.push(
      single(
        `host:${letter.from}`,
        leader,
        `open talks with ${letter.from} aboard ${flagship.name}`,
        [
          {
            intent: {
              type: 'meet',
              negotiation: id as never,
              with: [letter.from],
              aboard: flagship.id,
              at: null,
            },
          },
        ],
        [{ name: 'they came', value: 1, note: `${letter.from} have come to talk` }],
      ),
    );
  }
  return out;
}

/** Going aboard another's ship for talks held there, and returning to one's own afterwards. */
export function visitQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  if (leader.status !== 'active') return [];
  const out: Question[] = [];
  const pos = leader.position;
  // One set of talks at a time: a leader already at talks stays there.
  const atTalks = view
    .negotiations('open')
    .some(
      (n) =>
        n.aboard !== null &&
        ((pos.kind === 'ship' && pos.ship === n.aboard) || view.ship(n.aboard)?.faction === view.id),
    );
  const expected = conferenceDue(s, hours(8));
  for (const n of atTalks || expected ? [] : view.negotiations('open').slice(0, 1)) {
    if (!n.aboard) continue;
    const host = view.ship(n.aboard);
    if (!host || host.faction === view.id || host.course) continue;
    if (pos.kind === 'ship' && pos.ship === n.aboard) continue;
    if (view.place(host) !== view.place(leader)) continue;
    // A leader in a conference stays in the room.
    if (
      view
        .conferences()
        .some((c) => c.status !== 'ended' && pos.kind === 'location' && pos.location === c.venue)
    )
      continue;
    const advisor = s.members.filter(
      (m) => m.id !== leader.id && (m.influence[leader.id] ?? 0) > 0 && view.place(m) === view.place(leader),
    )[0];
    out.push(
      single(
        `visit:${n.id}`,
        leader,
        `go aboard ${host.name} for the talks`,
        [
          {
            intent: {
              type: 'board',
              ship: host.id,
              persons: advisor ? [leader.id, advisor.id] : [leader.id],
            },
          },
        ],
        [{ name: 'talks to attend', value: 1 }],
      ),
    );
  }
  // Back to our own ship when no talks keep us aboard another's.
  if (pos.kind === 'ship') {
    const where = view.ship(pos.ship);
    const open = view.negotiations('open').some((n) => n.aboard === pos.ship);
    const flag = view.flagship();
    const flagship =
      flag && !flag.course && view.place(flag) === view.place(leader)
        ? flag
        : view.ownShips().find((sh) => !sh.course && view.place(sh) === view.place(leader));
    // …unless going down to a conference with an ally from its ship.
    const gathering = view
      .conferences()
      .some(
        (c) =>
          c.status === 'convened' ||
          (c.status === 'proposed' && c.answers[view.id] === 'attend' && c.proposer === leader.id),
      );
    if (
      where &&
      where.faction !== view.id &&
      // Talks do not keep a leader from a conference about to open.
      (!open || conferenceDue(s, hours(2))) &&
      !(gathering && view.allies().includes(where.faction)) &&
      flagship
    ) {
      const party = s.members
        .filter((m) => m.position.kind === 'ship' && m.position.ship === where.id && m.status === 'active')
        .map((m) => m.id);
      out.push(
        single(
          `return:${where.id}`,
          leader,
          `return to ${flagship.name}`,
          [{ intent: { type: 'board', ship: flagship.id, persons: party } }],
          [{ name: 'nothing keeps us here', value: 1 }],
        ),
      );
    }
  }
  return out;
}

/** The share of the known world's force at war with `other` (public knowledge). */
function enemiesOf(view: FactionView, other: FactionId): number {
  let enemies = 0;
  let all = 0;
  for (const f of view.factionIds()) {
    if (f === view.id || f === other) continue;
    const strength = view.strength(f);
    all += strength;
    if (view.statusBetween(f, other) === 'war') enemies += strength;
  }
  return all > 0 ? enemies / all : 0;
}

/**
 * A faction seeking an alliance approaches one it meets on its way — at the same place, not its
 * enemy, not yet approached — by proposing talks there and then.
 */
export function encounterQuestions(s: Situation): Question[] {
  const { view, threat } = s;
  const aim = view.self.agenda.alliance;
  const leader = view.leader();
  const flagship = view.flagship();
  if (!aim || !flagship || flagship.course || leader.status !== 'active') return [];
  const place = view.place(flagship);
  // A faction gathered for a conference does not open side talks there.
  if (
    view
      .conferences()
      .some((c) => c.status !== 'ended' && c.answers[view.id] === 'attend' && view.top(c.venue) === place)
  )
    return [];
  // Talks that came to nothing or approaches denied since the search began.
  const failures =
    view.negotiations('broken-off').length +
    view.negotiations('timed-out').length +
    view.channels().filter((c) => c.from === view.id && c.status === 'denied').length;
  const here = [...new Set(view.shipsSeenAt(place).map((sh) => sh.faction))]
    .filter((f) => f !== view.id)
    .sort();
  const out: Question[] = [];
  for (const other of here) {
    if (talkedWith(view, other) || pursued(s).includes(other) || !s.due(`encounter:${other}`, days(1)))
      continue;
    if (view.relation(other)?.status === 'war' || view.relation(other)?.status === 'hostile') continue;
    // Talks need someone who can speak for them here: their leader.
    const theirLeader = view.person(view.faction(other).leader);
    if (!theirLeader || theirLeader.status !== 'active' || view.place(theirLeader) !== place) continue;
    const options = (judge: Person): Option[] => [
      {
        id: `approach:${other}`,
        label: `propose an alliance to ${other}`,
        acts: [
          {
            intent: {
              type: 'meet',
              negotiation: talksId(view.id, other) as never,
              with: [other],
              aboard: flagship.id,
              at: null,
            },
          },
        ],
        terms: [
          ...allianceValue(view, threat, other, judge),
          {
            name: 'goodwill',
            value: (view.trust(other) - 0.5) * 0.8,
            note: `what ${other} have done for us`,
          },
          // Openness to those who have done us no harm ("people have a capacity to change").
          ...(view.grievance(other) === 0
            ? [
                {
                  name: 'openness',
                  value: 0.3 * judge.personality.honour,
                  note: 'people have a capacity to change',
                },
              ]
            : []),
          // After failing elsewhere, any alliance may be better than none.
          ...(failures > 0
            ? [
                {
                  name: 'better than none',
                  value: 0.2 * failures * (1 - judge.personality.honour / 2),
                  note: 'this alliance would be better than none at all',
                },
              ]
            : []),
          {
            name: 'their enemies unite against us',
            value: -0.5 * judge.personality.caution * enemiesOf(view, other),
            note: `we risk uniting ${other}'s enemies against us`,
          },
        ],
        remember: `approach:${other}`,
      },
      {
        id: 'pass-by',
        label: `leave ${other} be`,
        acts: [],
        terms: [{ name: 'caution', value: 0.1 * judge.personality.caution }],
        statusQuo: true,
      },
    ];
    out.push({
      id: `encounter:${other}`,
      topic: `an alliance with ${other}`,
      decider: leader,
      options,
      counselled: true,
      doctrine: view.self.doctrine,
    });
  }
  return out;
}

/** A ship of ours at rest at a place: the flagship if it is there, else the first other. */
export function ownShipAt(view: FactionView, place: LocationId): Ship | undefined {
  const flag = view.flagship();
  return flag && !flag.course && view.place(flag) === place
    ? flag
    : view.ownShips().find((sh) => !sh.course && view.place(sh) === place);
}

/** A question with one way to go (a duty, or a decision already taken): no counsel, no doubt. */
export function single(
  id: string,
  decider: Person,
  label: string,
  acts: Option['acts'],
  terms: Term[],
): Question {
  return {
    id,
    topic: label,
    decider,
    counselled: false,
    options: () => [
      { id: 'act', label, acts, terms },
      {
        id: 'wait',
        label: 'wait',
        acts: [],
        terms: [{ name: 'nothing gained by waiting', value: -1 }],
        statusQuo: true,
      },
    ],
  };
}

export const TALKS_RETRY = hours(12);
