/**
 * Opening talks: answering a proposal received by message, approaching a faction met on the way,
 * hosting talks aboard one's flagship once the other side has come, and going to (and back from)
 * talks held aboard another's ship. What is said in the talks is the negotiator's business
 * (../negotiator.ts).
 */
import { id, type FactionId, type LocationId } from '../../model/ids.js';
import { days, hours, type Minutes } from '../../model/time.js';
import type { Letter, Person, Ship } from '../../model/world.js';
import type { Option, Question } from '../deliberation.js';
import { allianceValue } from '../models/alliances.js';
import type { ThreatAssessment } from '../models/threat.js';
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
  const { view } = s;
  const leader = view.leader();
  if (leader.status !== 'active') return [];
  return view
    .mailbox()
    .filter((letter) => unansweredProposal(s, letter))
    .map((letter) => proposalQuestion(s, leader, letter));
}

/** A proposal of talks not yet answered nor promised, from a faction we have not talked with. */
function unansweredProposal(s: Situation, letter: Letter): boolean {
  return (
    letter.topic === 'proposal' &&
    s.lastAsked(`letter:${letter.message}`) === undefined &&
    s.lastAsked(`promise:${letter.message}`) === undefined &&
    !talkedWith(s.view, letter.from)
  );
}

/** What answering a proposal weighs, the same whoever judges it. */
interface Proposal {
  readonly s: Situation;
  readonly letter: Letter;
  /** Where their leader is, or is going: where we go to talk. */
  readonly theirPlace: LocationId | undefined;
  /** They are among the candidates of the alliance we seek. */
  readonly sought: boolean;
  /** We have proposed talks to them ourselves (by message or envoy) in pursuit of that alliance. */
  readonly approached: boolean;
  /** A conference we attend opens within a day. */
  readonly busy: boolean;
  readonly flagship: Ship | undefined;
  /** Our flagship waits at a rendezvous for one of ours. */
  readonly waiting: boolean;
}

function proposalQuestion(s: Situation, leader: Person, letter: Letter): Question {
  const { view } = s;
  const theirLeader = view.person(view.faction(letter.from).leader);
  const flagship = view.flagship();
  const proposal: Proposal = {
    s,
    letter,
    theirPlace: theirLeader ? whereBound(view, theirLeader) : undefined,
    sought: view.self.agenda.alliance?.candidates.includes(letter.from) ?? false,
    approached: pursued(s).includes(letter.from),
    busy: conferenceDue(s, hours(24)),
    flagship,
    waiting: flagship !== undefined && view.waitingAtRendezvous(flagship),
  };
  return {
    id: `letter:${letter.message}`,
    topic: `talks with ${letter.from}`,
    decider: leader,
    options: (judge) => [
      agreeToTalks(proposal, judge),
      refuseTalks(proposal, judge),
      {
        id: 'ignore',
        label: `ignore ${view.person(letter.sender)?.name ?? letter.from}'s message`,
        acts: [],
        terms: [],
        statusQuo: true,
      },
    ],
    counselled: true,
    doctrine: view.self.doctrine,
  };
}

/** Where a person is, or, aboard a ship under way, where the ship is going. */
function whereBound(view: FactionView, person: Person): LocationId {
  const ship = person.position.kind === 'ship' ? view.ship(person.position.ship) : undefined;
  return ship ? view.top(ship.course?.to ?? ship.location) : view.place(person);
}

/**
 * Agree, and go to them — unless our flagship is under way (it keeps its course) or waits for one
 * of ours (the visit is then promised). Worth the alliance, what we covet of theirs, the ally we
 * seek, our own proposal of the same talks and what we can learn; against it, their grievances and
 * a conference we are expected at.
 */
function agreeToTalks(p: Proposal, judge: Person): Option {
  const { view, threat } = p.s;
  const { letter, flagship, theirPlace } = p;
  const from = letter.from;
  return {
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
      ...(flagship && !flagship.course && !p.waiting && theirPlace && view.place(flagship) !== theirPlace
        ? [{ intent: { type: 'move' as const, ship: flagship.id, to: theirPlace } }]
        : []),
    ],
    ...(p.waiting ? { remember: `promise:${letter.message}` } : {}),
    serves: { sides: [from], interests: ['alliance'] },
    terms: [
      ...allianceValue(view, threat, from, judge),
      ...covet(view, from, judge),
      ...(p.sought
        ? [{ name: 'an ally we seek', value: 0.6, note: `we are looking for an ally among them` }]
        : []),
      // Refusing the talks we asked for ourselves would go back on our word: weighed as a pledge
      // is (0.2 + 0.8·honour, the obligation of a treaty in wars.ts).
      ...(p.approached
        ? [
            {
              name: 'our own proposal',
              value: 0.2 + 0.8 * judge.personality.honour,
              note: `we proposed these talks ourselves`,
            },
          ]
        : []),
      {
        name: 'grievances',
        value: -0.3 * Math.min(2, view.grievance(from)),
        note: `what ${from} has done to us`,
      },
      ...(p.busy ? [{ name: 'a conference to attend', value: -0.6, note: 'we are expected elsewhere' }] : []),
      {
        name: 'curiosity',
        value: 0.1 + 0.1 * judge.personality.suspicion,
        note: 'we can learn what they want',
      },
    ],
  };
}

/**
 * Refuse: pride. The grievances we hold against them are counted once, as the cost of agreeing
 * (`agreeToTalks`): counted on both sides they would weigh half again as much against the talks as
 * the same wrong weighs anywhere else.
 */
function refuseTalks(p: Proposal, judge: Person): Option {
  const { view } = p.s;
  const { letter } = p;
  return {
    id: 'refuse-talks',
    label: `refuse talks with ${letter.from}`,
    serves: { against: [letter.from], interests: ['independence'] },
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
    terms: [{ name: 'pride', value: judge.personality.pride * 0.2 }],
  };
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
    const theirPlace = whereBound(view, theirLeader);
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
    out.push(
      single(
        `host:${letter.from}`,
        leader,
        `open talks with ${letter.from} aboard ${flagship.name}`,
        [
          {
            intent: {
              type: 'meet',
              negotiation: id.negotiation(talksId(view.id, letter.from)),
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

/**
 * Going aboard another's ship for talks held there, and returning to one's own afterwards. A leader
 * going aboard for talks is not also going home: asked both in one tick, it would be carried there
 * and back, and come again the next.
 */
export function visitQuestions(s: Situation): Question[] {
  const leader = s.view.leader();
  if (leader.status !== 'active') return [];
  const boarding = boardingQuestions(s, leader);
  return boarding.length > 0 ? boarding : returnQuestions(s, leader);
}

/**
 * Going aboard for the first open talks, held aboard another's ship at rest where our leader is —
 * one set of talks at a time (a leader already at talks stays there), and none when a conference
 * we attend opens within eight hours or our leader is in a conference's room. The leader takes an
 * advisor along, if one is there.
 */
function boardingQuestions(s: Situation, leader: Person): Question[] {
  const { view } = s;
  const pos = leader.position;
  if (atTalks(view, leader) || conferenceDue(s, hours(8))) return [];
  const n = view.negotiations('open')[0];
  if (!n?.aboard) return [];
  const host = view.ship(n.aboard);
  if (!host || host.faction === view.id || host.course) return [];
  if (pos.kind === 'ship' && pos.ship === n.aboard) return [];
  if (view.place(host) !== view.place(leader)) return [];
  // A leader in a conference stays in the room.
  if (
    view
      .conferences()
      .some((c) => c.status !== 'ended' && pos.kind === 'location' && pos.location === c.venue)
  )
    return [];
  const advisor = s.members.filter(
    (m) => m.id !== leader.id && (m.influence[leader.id] ?? 0) > 0 && view.place(m) === view.place(leader),
  )[0];
  return [
    single(
      `visit:${n.id}`,
      leader,
      `go aboard ${host.name} for the talks`,
      [
        {
          intent: { type: 'board', ship: host.id, persons: advisor ? [leader.id, advisor.id] : [leader.id] },
        },
      ],
      [{ name: 'talks to attend', value: 1 }],
    ),
  ];
}

/** Whether our leader is at open talks: aboard the ship they are held on, or they are held aboard ours. */
function atTalks(view: FactionView, leader: Person): boolean {
  const pos = leader.position;
  return view
    .negotiations('open')
    .some(
      (n) =>
        n.aboard !== null &&
        ((pos.kind === 'ship' && pos.ship === n.aboard) || view.ship(n.aboard)?.faction === view.id),
    );
}

/**
 * Back to a ship of ours at rest where our leader is, with our people aboard, when no talks keep
 * us aboard another's (talks do not keep a leader from a conference about to open) — unless we
 * are going down to a conference with an ally from its ship.
 */
function returnQuestions(s: Situation, leader: Person): Question[] {
  const { view } = s;
  const pos = leader.position;
  if (pos.kind !== 'ship') return [];
  const where = view.ship(pos.ship);
  const open = view.negotiations('open').some((n) => n.aboard === pos.ship);
  const flagship = ownShipAt(view, view.place(leader));
  if (
    !where ||
    where.faction === view.id ||
    (open && !conferenceDue(s, hours(2))) ||
    (goingToConference(view, leader) && view.allies().includes(where.faction)) ||
    !flagship
  )
    return [];
  const party = s.members
    .filter((m) => m.position.kind === 'ship' && m.position.ship === where.id && m.status === 'active')
    .map((m) => m.id);
  return [
    single(
      `return:${where.id}`,
      leader,
      `return to ${flagship.name}`,
      [{ intent: { type: 'board', ship: flagship.id, persons: party } }],
      [
        {
          name: 'nothing keeps us here',
          value: 1,
          note: `our business aboard ${where.name} at ${view.place(where)} is done`,
        },
      ],
    ),
  ];
}

/** A conference sits, or one our leader called and we attend is still to open. */
function goingToConference(view: FactionView, leader: Person): boolean {
  return view
    .conferences()
    .some(
      (c) =>
        c.status === 'convened' ||
        (c.status === 'proposed' && c.answers[view.id] === 'attend' && c.proposer === leader.id),
    );
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
  const { view } = s;
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
  const failures = failuresSoFar(view);
  const here = [...new Set(view.shipsSeenAt(place).map((sh) => sh.faction))]
    .filter((f) => f !== view.id)
    .sort();
  return here
    .filter((other) => approachable(s, other, place))
    .map((other) => encounterQuestion({ view, threat: s.threat, other, flagship, failures }, leader));
}

/** Talks that came to nothing, and approaches of ours denied. */
function failuresSoFar(view: FactionView): number {
  return (
    view.negotiations('broken-off').length +
    view.negotiations('timed-out').length +
    view.channels().filter((c) => c.from === view.id && c.status === 'denied').length
  );
}

/**
 * A faction met is approached once a day at most, if we have not talked with nor approached it,
 * are neither at war nor hostile, and its leader is here to speak for it.
 */
function approachable(s: Situation, other: FactionId, place: LocationId): boolean {
  const { view } = s;
  if (talkedWith(view, other) || pursued(s).includes(other) || !s.due(`encounter:${other}`, days(1)))
    return false;
  if (view.relation(other)?.status === 'war' || view.relation(other)?.status === 'hostile') return false;
  const theirLeader = view.person(view.faction(other).leader);
  return theirLeader !== undefined && theirLeader.status === 'active' && view.place(theirLeader) === place;
}

interface Encounter {
  readonly view: FactionView;
  readonly threat: ThreatAssessment;
  readonly other: FactionId;
  readonly flagship: Ship;
  readonly failures: number;
}

function encounterQuestion(e: Encounter, leader: Person): Question {
  const { view, other } = e;
  return {
    id: `encounter:${other}`,
    topic: `an alliance with ${other}`,
    decider: leader,
    options: (judge) => [
      approach(e, judge),
      {
        id: 'pass-by',
        label: `leave ${other} be`,
        acts: [],
        terms: [{ name: 'caution', value: 0.1 * judge.personality.caution }],
        statusQuo: true,
      },
    ],
    counselled: true,
    doctrine: view.self.doctrine,
  };
}

/**
 * Propose an alliance aboard our flagship: worth the alliance and their goodwill; openness to
 * those who have done us no harm ("people have a capacity to change"); after failing elsewhere,
 * any alliance may be better than none; against it, the risk of uniting their enemies against us.
 */
function approach({ view, threat, other, flagship, failures }: Encounter, judge: Person): Option {
  return {
    id: `approach:${other}`,
    label: `propose an alliance to ${other}`,
    serves: { sides: [other], interests: ['alliance'] },
    acts: [
      {
        intent: {
          type: 'meet',
          negotiation: id.negotiation(talksId(view.id, other)),
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
      ...(view.grievance(other) === 0
        ? [
            {
              name: 'openness',
              value: 0.3 * judge.personality.honour,
              note: 'people have a capacity to change',
            },
          ]
        : []),
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
  };
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
