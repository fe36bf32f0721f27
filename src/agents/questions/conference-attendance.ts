/**
 * Going to a conference: travelling to the venue in time, going down with the delegation when it
 * is due (with an allied co-sponsor, or held ready to be taken out when a plot is suspected), and, as
 * host, going to the hall and convening the conference once the delegations are there.
 */
import type { PersonId, ShipId } from '../../model/ids.js';
import { hours } from '../../model/time.js';
import type { Conference, Person, Ship } from '../../model/world.js';
import type { Question } from '../deliberation.js';
import type { Situation } from '../situation.js';
import type { FactionView } from '../view.js';
import { cruisingSpeed } from './channels.js';
import { canReach } from '../../model/forces.js';
import { precautionWithRole } from '../../model/physics.js';
import { actingLeader } from './envoys.js';
import { single } from './talks.js';

/** The delegation a faction sends: its leader and advisors present, and allied guests aboard. */
export function delegation(view: FactionView, s: Situation, ship: ShipId, sponsor: boolean): PersonId[] {
  const leader = view.leader();
  const advisors = s.members
    .filter(
      (m) =>
        m.id !== leader.id &&
        m.status === 'active' &&
        (m.influence[leader.id] ?? 0) > 0 &&
        m.position.kind === 'ship' &&
        m.position.ship === ship,
    )
    .sort((a, b) => (b.influence[leader.id] ?? 0) - (a.influence[leader.id] ?? 0) || (a.id < b.id ? -1 : 1))
    .slice(0, sponsor ? 2 : 1)
    .map((m) => m.id);
  const hostShip = view.ship(ship);
  const guests = hostShip
    ? view
        .aboard(hostShip)
        .filter((p) => p.faction !== view.id && view.allies().includes(p.faction) && p.status === 'active')
        .map((p) => p.id)
    : [];
  return [leader.id, ...advisors, ...guests];
}

/**
 * The precaution of holding persons ready to be taken back aboard at the first sign of trouble, if
 * the world has one (a precaution of role `hold-ready`).
 */
export function holdReady(view: FactionView, ship: Ship, persons: PersonId[]) {
  const kind = precautionWithRole(view.physics, 'hold-ready');
  return kind === null ? null : { type: 'take-precaution' as const, kind, ship: ship.id, persons };
}

/** Travelling to the venue in time, and sending the delegation in when the conference is due. */
export function attendanceQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = actingLeader(view, s.members);
  const flagship = view.flagship();
  if (!leader || leader.id !== view.self.leader) return [];
  const out: Question[] = [];
  for (const c of view.conferences()) {
    if (c.status !== 'proposed' || c.answers[view.id] !== 'attend') continue;
    // A sign of a plot is weighed before anyone goes anywhere.
    if (view.suspectedIntents().length > 0 && s.lastAsked(`reconsider:${c.id}`) === undefined) continue;
    // A leader ashore goes on their own, by the world's means of travel; one aboard, with the flagship.
    const question =
      leader.position.kind === 'location'
        ? journeyQuestion(s, leader, c)
        : !flagship
          ? undefined
          : view.place(flagship) !== view.top(c.venue)
            ? travelQuestion(s, leader, flagship, c)
            : arrivalQuestion(s, leader, flagship, c);
    if (question) out.push(question);
  }
  return out;
}

/**
 * A leader ashore sets out on their own for the venue's place once the journey (at the world's
 * speed of travel) takes all but six hours of the time left, and once there, goes to the hall in
 * the last hour. The host goes to its hall by its own question (`hostQuestions`).
 */
function journeyQuestion(s: Situation, leader: Person, c: Conference): Question | undefined {
  const { view } = s;
  if (leader.journey) return undefined;
  const here = view.top(view.locationOf(leader));
  const place = view.top(c.venue);
  const opens = c.opensAt ?? s.t;
  if (here !== place) {
    const journey = hours(view.distance(here, place) / view.physics.travel.speed);
    if (!Number.isFinite(journey) || opens - s.t > journey + hours(6) || !s.due(`travel:${c.id}`, hours(6)))
      return undefined;
    return single(
      `travel:${c.id}`,
      leader,
      `set out for ${c.title}`,
      [{ intent: { type: 'travel', to: place } }],
      [{ name: 'expected there', value: 1 }],
    );
  }
  if (c.host === view.id || s.t < opens - hours(1) || view.locationOf(leader) === c.venue) return undefined;
  return single(
    `delegation:${c.id}`,
    leader,
    `go to ${c.title}`,
    [{ intent: { type: 'go', to: c.venue } }],
    [{ name: 'the conference opens', value: 1 }],
  );
}

/** Setting out for the venue, at rest, once the journey takes all but six hours of the time left. */
function travelQuestion(s: Situation, leader: Person, flagship: Ship, c: Conference): Question | undefined {
  const { view } = s;
  if (flagship.course) return undefined;
  const place = view.top(c.venue);
  const travel = hours(view.distance(view.place(flagship), place) / cruisingSpeed(view, flagship));
  if (!((c.opensAt ?? s.t) - s.t <= travel + hours(6) && s.due(`travel:${c.id}`, hours(6)))) return undefined;
  return single(
    `travel:${c.id}`,
    leader,
    `set out for ${c.title}`,
    [{ intent: { type: 'move', ship: flagship.id, to: place } }],
    [{ name: 'expected there', value: 1 }],
  );
}

/**
 * At the venue's place, from six hours before the opening, a guest's leader not yet in the room
 * goes in: a sponsor first goes aboard its allied co-sponsor's ship to go down together; the
 * others go down from the flagship in the last hour. The host goes to its hall by its own
 * question (`hostQuestions`).
 */
function arrivalQuestion(s: Situation, leader: Person, flagship: Ship, c: Conference): Question | undefined {
  const { view } = s;
  if (c.host === view.id) return undefined;
  const opens = c.opensAt ?? s.t;
  if (s.t < opens - hours(6) || view.personsAt(c.venue).some((p) => p.id === leader.id)) return undefined;
  const partner = coSponsorShip(s, c);
  if (c.sponsors.includes(view.id) && partner && s.t < opens - hours(1)) {
    if (leader.position.kind === 'ship' && leader.position.ship === partner.id) return undefined;
    return single(
      `join:${c.id}`,
      leader,
      `go aboard ${partner.name} to go down together`,
      [{ intent: { type: 'board', ship: partner.id, persons: [leader.id] } }],
      [{ name: 'allies go together', value: 1 }],
    );
  }
  if (s.t < opens - hours(1)) return undefined;
  if (leader.position.kind !== 'ship' || leader.position.ship !== flagship.id) return undefined;
  return delegationQuestion(s, leader, flagship, c);
}

/**
 * Allied sponsors go down together: the faction whose member called the conference goes with its
 * co-sponsor, aboard the co-sponsor's flagship at rest at the venue, if it can reach them there.
 */
function coSponsorShip(s: Situation, c: Conference): Ship | undefined {
  const { view } = s;
  const place = view.top(c.venue);
  const proposer = view.members().some((m) => m.id === c.proposer);
  return c.sponsors
    .filter((f) => f !== view.id && view.allies().includes(f))
    .map((f) => view.flagshipOf(f))
    .find(
      (sh) =>
        sh !== undefined &&
        !sh.course &&
        view.place(sh) === place &&
        canReach(sh, view.physics, s.settings.operationalIntegrity) &&
        proposer,
    );
}

/** Going down to the conference; a faction that suspects a plot holds its party ready to be taken out. */
function delegationQuestion(s: Situation, leader: Person, flagship: Ship, c: Conference): Question {
  const { view } = s;
  const wary = view.suspectedIntents().length > 0;
  const party = delegation(view, s, flagship.id, c.sponsors.includes(view.id));
  const hold = holdReady(view, flagship, party);
  const lock =
    hold !== null &&
    wary &&
    !party.every((p) => flagship.heldReady.includes(p)) &&
    canReach(flagship, view.physics, s.settings.operationalIntegrity);
  return single(
    `delegation:${c.id}`,
    leader,
    `go down to ${c.title}`,
    [
      ...(lock ? [{ intent: hold }] : []),
      { intent: { type: 'disembark', ship: flagship.id, persons: party, to: c.venue } },
    ],
    [{ name: 'the conference opens', value: 1 }],
  );
}

/**
 * The host goes to the hall and convenes the conference once the delegations are there, from an
 * hour before the opening.
 */
export function hostQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  if (leader.status !== 'active') return [];
  const out: Question[] = [];
  for (const c of view.conferences()) {
    if (c.host !== view.id || c.status !== 'proposed' || c.answers[view.id] !== 'attend') continue;
    if (s.t < (c.opensAt ?? s.t) - hours(1)) continue;
    const inRoom = view.personsAt(c.venue);
    const question = inRoom.some((p) => p.id === leader.id)
      ? conveneQuestion(s, leader, c, inRoom)
      : toHallQuestion(s, leader, c);
    if (question) out.push(question);
  }
  return out;
}

/**
 * The host's leader goes to the hall: on foot at the venue's place, with the aides there; or down
 * from a ship at rest there, with the aides aboard.
 */
function toHallQuestion(s: Situation, leader: Person, c: Conference): Question | undefined {
  const { view } = s;
  const place = view.top(c.venue);
  if (leader.position.kind === 'location' && view.top(leader.position.location) === place) {
    const aides = s.members.filter(
      (m) =>
        m.status === 'active' &&
        m.id !== leader.id &&
        (m.influence[leader.id] ?? 0) > 0 &&
        view.place(m) === place,
    );
    return single(
      `to-hall:${c.id}`,
      leader,
      `go to ${c.venue}`,
      [
        { intent: { type: 'go', to: c.venue } },
        ...aides.map((a) => ({ intent: { type: 'go' as const, to: c.venue }, actor: a.id })),
      ],
      [{ name: 'host of the conference', value: 1 }],
    );
  }
  if (leader.position.kind !== 'ship') return undefined;
  const ship = view.ship(leader.position.ship);
  if (!ship || ship.course || view.place(ship) !== place) return undefined;
  const party = view
    .aboard(ship)
    .filter(
      (m) =>
        m.faction === view.id &&
        m.status === 'active' &&
        (m.id === leader.id || (m.influence[leader.id] ?? 0) > 0),
    )
    .map((m) => m.id);
  return single(
    `to-hall:${c.id}`,
    leader,
    `go down to ${c.venue}`,
    [{ intent: { type: 'disembark', ship: ship.id, persons: party, to: c.venue } }],
    [{ name: 'host of the conference', value: 1 }],
  );
}

/**
 * The host opens the conference once it has opened by the clock, at least two factions are in the
 * room, and every invitee who said it would come is there — or four hours have passed. The table
 * is triangular with sponsors (they sit on one side), long without.
 */
function conveneQuestion(
  s: Situation,
  leader: Person,
  c: Conference,
  inRoom: readonly Person[],
): Question | undefined {
  const { view } = s;
  const opens = c.opensAt ?? s.t;
  const coming = c.invitees.filter((f) => f !== view.id && c.answers[f] === 'attend');
  const present = new Set(inRoom.map((p) => p.faction));
  const arrived = coming.filter((f) => present.has(f)).length;
  const waitedLongEnough = s.t >= opens + hours(4);
  if (s.t < opens || (arrived < coming.length && !waitedLongEnough) || present.size < 2) return undefined;
  const sides = c.sponsors.length > 0 ? 3 : 2;
  const arrangement = `a ${sides === 3 ? 'triangular' : 'long'} table: ${c.sponsors.length > 0 ? 'the sponsors on one side, ' : ''}the invited on the other${sides === 3 ? ' two' : ''}`;
  return single(
    `convene:${c.id}`,
    leader,
    `open ${c.title}`,
    [{ intent: { type: 'convene-conference', conference: c.id, arrangement } }],
    [{ name: 'the delegations are here', value: 1 }],
  );
}
