/**
 * Conferences: proposing one (for peace — or as the cover of a plot), answering invitations,
 * reconsidering when a sign of a plot is seen, travelling, sending the delegation, convening it as
 * host, and springing an ambush planned against it.
 *
 * Attendance weighs the chance of peace (honour), what can be learnt there (suspicion), the risk
 * of being the one who stays away, the host's prestige, distrust of the sponsors and distance.
 */
import type { ConferenceId, FactionId, LocationId, PersonId, ShipId } from '../../model/ids.js';
import { days, hours, type Minutes } from '../../model/time.js';
import type { Conference, Person } from '../../model/world.js';
import type { Option, Question } from '../deliberation.js';
import type { Situation } from '../situation.js';
import type { FactionView } from '../view.js';
import { actingLeader } from './envoys.js';
import { single } from './talks.js';

/** Places where a conference can sit: halls, and the factions that control them. */
function halls(view: FactionView): { hall: LocationId; host: FactionId }[] {
  return view
    .locationIds()
    .filter((l) => view.location(l)?.kind === 'hall' && view.location(l)?.controlledBy)
    .map((hall) => ({ hall, host: view.location(hall)!.controlledBy! }));
}

/** The delegation a faction sends: its leader and advisors present, and allied guests aboard. */
function delegation(view: FactionView, s: Situation, ship: ShipId, sponsor: boolean): PersonId[] {
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

export function conferenceQuestions(s: Situation): Question[] {
  return [
    ...proposeQuestions(s),
    ...answerQuestions(s),
    ...reconsiderQuestions(s),
    ...attendanceQuestions(s),
    ...hostQuestions(s),
    ...ambushQuestions(s),
  ];
}

/**
 * A faction at war with several others, with an ally whose word they might trust, may call them
 * to a conference: for peace, and — if it nurses a plot against them — as its cover.
 */
function proposeQuestions(s: Situation): Question[] {
  const { view, threat } = s;
  const leader = view.leader();
  // One conference at a time, and not another soon after (nor after a plot was sprung).
  if (leader.status !== 'active' || !s.due('conference', days(10))) return [];
  if (view.ownIntents().some((i) => i.status === 'sprung')) return [];
  if (view.conferences().some((c) => c.status !== 'ended')) return [];
  const enemies = view.factionIds().filter((f) => view.relation(f)?.status === 'war');
  const allies = view.allies();
  if (enemies.length < 2 || allies.length === 0) return [];
  const flagship = view.flagship();
  if (!flagship) return [];
  const here = view.place(flagship);
  const venue = halls(view)
    .filter((h) => h.host !== view.id)
    .sort(
      (a, b) => view.distance(here, a.hall) - view.distance(here, b.hall) || (a.hall < b.hall ? -1 : 1),
    )[0];
  if (!venue) return [];
  const plot = view.ownIntents().find((i) => i.status === 'planned' && i.kind === 'ambush');
  const invitees = [...new Set([...enemies, venue.host])].sort();
  // An ally at peace with the invitees makes the invitation believable.
  const credibility =
    allies.reduce(
      (sum, a) => sum + invitees.filter((f) => view.statusBetween(f, a) !== 'war').length / invitees.length,
      0,
    ) / allies.length;
  const cultures = [...new Set(invitees.map((f) => view.faction(f).culture))];
  const title = `a peace conference of the ${cultures.length === 1 ? `${cultures[0]} ` : ''}leaders`;
  const farthest = Math.max(
    ...invitees
      .map((f) => view.distance(view.places(f)[0] ?? venue.hall, venue.hall))
      .filter(Number.isFinite),
    0,
  );
  const opensIn = Math.round(hours(Math.min(36, farthest / 0.25 + 6))) as Minutes;
  const options = (judge: Person): Option[] => [
    {
      id: 'propose-conference',
      label: `call ${invitees.join(', ')} to a conference at ${venue.hall}`,
      acts: [
        {
          intent: {
            type: 'propose-conference',
            conference:
              `${view.id}-conference-${view.conferences().filter((c) => c.sponsors.includes(view.id)).length + 1}` as ConferenceId,
            title,
            host: venue.host,
            venue: venue.hall,
            invitees,
            sponsors: allies,
            opensIn,
          },
        },
      ],
      terms: [
        {
          name: 'peace',
          value: 0.5 * threat.vulnerability + 0.3 * judge.personality.honour,
          note: "an end to violence would be in everyone's interest",
        },
        {
          name: 'enemies all around',
          value: 0.08 * Math.min(enemies.length, 6),
          note: `at war with ${enemies.length} factions at once`,
        },
        { name: 'an ally lends credibility', value: 0.3 * credibility },
        ...(plot ? [{ name: 'the plan', value: 0.6, note: plot.text }] : []),
        { name: 'risk', value: -0.2 * judge.personality.caution },
      ],
    },
    {
      id: 'no-conference',
      label: 'call no conference',
      acts: [],
      terms: [{ name: 'distrust of them all', value: 0.2 }],
      statusQuo: true,
    },
  ];
  return [{ id: 'conference', topic: 'calling a conference', decider: leader, options, counselled: false }];
}

function answered(c: Conference, f: FactionId): boolean {
  return c.answers[f] !== undefined;
}

function answerQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  if (leader.status !== 'active') return [];
  const out: Question[] = [];
  for (const c of view.conferences()) {
    if (c.status !== 'proposed' || answered(c, view.id) || !s.due(`invitation:${c.id}`, hours(6))) continue;
    const role = c.host === view.id ? 'host' : c.sponsors.includes(view.id) ? 'sponsor' : 'invitee';
    const sponsorsTrust = c.sponsors.length
      ? c.sponsors.reduce((t, f) => t + view.trust(f), 0) / c.sponsors.length
      : 0.5;
    const distance = view.distance(view.places(view.id)[0] ?? c.venue, c.venue);
    const others = c.invitees.filter((f) => f !== view.id);
    // No conference called by those our principles forbid us to deal with.
    const marked = view.breachOf([], [view.id, ...c.sponsors]);
    const options = (judge: Person): Option[] => [
      {
        id: 'attend',
        label: `attend ${c.title}`,
        acts: [{ intent: { type: 'answer-invitation', conference: c.id, answer: 'attend' } }],
        veto: marked ? `principle:${marked.principle.id}` : null,
        vetoNote: marked ? marked.principle.text : null,
        terms: [
          { name: 'peace', value: 0.3 * judge.personality.honour, note: 'a chance of peace' },
          {
            name: 'intelligence',
            value: 0.4 * judge.personality.suspicion,
            note: 'we can learn a great deal there',
          },
          {
            name: 'not the only one absent',
            value: others.length > 1 ? 0.45 : 0,
            note: 'no one can risk being the only one who does not attend',
          },
          ...(role === 'host' ? [{ name: 'prestige of hosting', value: 0.5 }] : []),
          ...(role === 'sponsor' ? [{ name: 'our own initiative', value: 0.5 }] : []),
          {
            name: 'distrust of the sponsors',
            value: role === 'sponsor' ? 0 : -0.6 * (1 - sponsorsTrust) * judge.personality.caution,
          },
          { name: 'distance', value: Number.isFinite(distance) ? -distance / 30 : -0.5 },
        ],
      },
      {
        id: 'decline',
        label: `decline ${c.title}`,
        acts: [{ intent: { type: 'answer-invitation', conference: c.id, answer: 'decline' } }],
        terms: [{ name: 'pride', value: 0.2 * judge.personality.pride }],
        statusQuo: true,
      },
    ];
    out.push({
      id: `invitation:${c.id}`,
      topic: `attending ${c.title}`,
      decider: leader,
      options,
      counselled: role === 'invitee',
      doctrine: view.self.doctrine,
    });
  }
  return out;
}

/** On a sign of a plot against a conference it will attend: go anyway with precautions, or withdraw. */
function reconsiderQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  const flagship = view.flagship();
  if (leader.status !== 'active' || !flagship) return [];
  const suspicions = view.suspectedIntents();
  if (suspicions.length === 0) return [];
  const out: Question[] = [];
  for (const c of view.conferences()) {
    if (
      c.status !== 'proposed' ||
      c.answers[view.id] !== 'attend' ||
      s.lastAsked(`reconsider:${c.id}`) !== undefined
    )
      continue;
    const party = delegation(view, s, flagship.id, c.sponsors.includes(view.id));
    const canLock = flagship.systems.transporter >= s.settings.operationalIntegrity;
    const options = (judge: Person): Option[] => [
      {
        id: 'attend-with-precautions',
        label: `attend ${c.title}, with precautions`,
        acts: [
          { intent: { type: 'answer-invitation', conference: c.id, answer: 'attend' } },
          {
            intent: {
              type: 'take-precaution',
              kind: 'monitor-ship-movements',
              ship: flagship.id,
              persons: [],
            },
          },
          ...(canLock
            ? [
                {
                  intent: {
                    type: 'take-precaution' as const,
                    kind: 'transporter-lock' as const,
                    ship: flagship.id,
                    persons: party,
                  },
                },
              ]
            : []),
        ],
        terms: [
          {
            name: 'stability',
            value: 0.6 * judge.personality.honour,
            note: 'not walking away because of a rumour',
          },
          ...(c.host === view.id ? [{ name: 'prestige of hosting', value: 0.5 }] : []),
          ...(c.sponsors.includes(view.id)
            ? [{ name: 'our own initiative', value: 0.3, note: 'we called for this peace' }]
            : []),
          {
            name: 'intelligence',
            value: 0.4 * judge.personality.suspicion,
            note: 'we can learn a great deal there',
          },
          { name: 'danger', value: -0.3 * judge.personality.caution },
          {
            name: 'precautions',
            value: canLock ? 0.2 : 0,
            note: 'a transporter lock to beam out at the first hint of trouble',
          },
        ],
      },
      {
        id: 'withdraw',
        label: `stay away from ${c.title}`,
        acts: [{ intent: { type: 'answer-invitation', conference: c.id, answer: 'decline' } }],
        terms: [
          {
            name: 'danger',
            value: 0.5 * judge.personality.caution,
            note: 'someone wants to sabotage this conference',
          },
        ],
        statusQuo: true,
      },
    ];
    out.push({
      id: `reconsider:${c.id}`,
      topic: `attending ${c.title}`,
      decider: leader,
      options,
      counselled: true,
      doctrine: view.self.doctrine,
    });
  }
  return out;
}

/** Travelling to the venue in time, and sending the delegation in when the conference is due. */
function attendanceQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = actingLeader(view, s.members);
  const flagship = view.flagship();
  if (!leader || !flagship || leader.id !== view.self.leader) return [];
  const out: Question[] = [];
  for (const c of view.conferences()) {
    if (c.status !== 'proposed' || c.answers[view.id] !== 'attend') continue;
    // A sign of a plot is weighed before anyone goes anywhere.
    if (view.suspectedIntents().length > 0 && s.lastAsked(`reconsider:${c.id}`) === undefined) continue;
    const place = view.top(c.venue);
    const opens = c.opensAt ?? s.t;
    if (view.place(flagship) !== place) {
      if (flagship.course) continue;
      const speed = Math.max(
        0.01,
        flagship.speeds.warp * flagship.systems.warp,
        flagship.speeds.impulse * flagship.systems.impulse,
      );
      const travel = hours(view.distance(view.place(flagship), place) / speed);
      if (opens - s.t <= travel + hours(6) && s.due(`travel:${c.id}`, hours(6))) {
        out.push(
          single(
            `travel:${c.id}`,
            leader,
            `set out for ${c.title}`,
            [{ intent: { type: 'move', ship: flagship.id, to: place } }],
            [{ name: 'expected there', value: 1 }],
          ),
        );
      }
      continue;
    }
    // The host, once there, goes to its hall by its own question (hostQuestions).
    if (c.host === view.id) continue;
    if (s.t < opens - hours(6) || view.personsAt(c.venue).some((p) => p.id === leader.id)) continue;
    // Allied sponsors go down together: the one who called the conference goes with its co-sponsor.
    const wary = view.suspectedIntents().length > 0;
    const proposer = view.members().some((m) => m.id === c.proposer);
    const partner = c.sponsors
      .filter((f) => f !== view.id && view.allies().includes(f))
      .map((f) => view.flagshipOf(f))
      .find(
        (sh) =>
          sh !== undefined &&
          !sh.course &&
          view.place(sh) === place &&
          sh.systems.transporter >= s.settings.operationalIntegrity &&
          proposer,
      );
    if (c.sponsors.includes(view.id) && partner && s.t < opens - hours(1)) {
      if (leader.position.kind !== 'ship' || leader.position.ship !== partner.id) {
        out.push(
          single(
            `join:${c.id}`,
            leader,
            `go aboard ${partner.name} to go down together`,
            [{ intent: { type: 'board', ship: partner.id, persons: [leader.id] } }],
            [{ name: 'allies go together', value: 1 }],
          ),
        );
      }
      continue;
    }
    if (s.t < opens - hours(1)) continue;
    if (leader.position.kind !== 'ship' || leader.position.ship !== flagship.id) continue;
    const party = delegation(view, s, flagship.id, c.sponsors.includes(view.id));
    // A faction that suspects a plot holds its party in a transporter lock as it goes down.
    const lock =
      wary &&
      !party.every((p) => flagship.transporterLock.includes(p)) &&
      flagship.systems.transporter >= s.settings.operationalIntegrity;
    out.push(
      single(
        `delegation:${c.id}`,
        leader,
        `go down to ${c.title}`,
        [
          ...(lock
            ? [
                {
                  intent: {
                    type: 'take-precaution' as const,
                    kind: 'transporter-lock' as const,
                    ship: flagship.id,
                    persons: party,
                  },
                },
              ]
            : []),
          { intent: { type: 'disembark', ship: flagship.id, persons: party, to: c.venue } },
        ],
        [{ name: 'the conference opens', value: 1 }],
      ),
    );
  }
  return out;
}

/** The host goes to the hall and convenes the conference once the delegations are there. */
function hostQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  if (leader.status !== 'active') return [];
  const out: Question[] = [];
  for (const c of view.conferences()) {
    if (c.host !== view.id || c.status !== 'proposed' || c.answers[view.id] !== 'attend') continue;
    const opens = c.opensAt ?? s.t;
    if (s.t < opens - hours(1)) continue;
    const inRoom = view.personsAt(c.venue);
    if (!inRoom.some((p) => p.id === leader.id)) {
      if (leader.position.kind === 'location' && view.top(leader.position.location) === view.top(c.venue)) {
        const aides = s.members.filter(
          (m) =>
            m.status === 'active' &&
            m.id !== leader.id &&
            (m.influence[leader.id] ?? 0) > 0 &&
            view.place(m) === view.top(c.venue),
        );
        out.push(
          single(
            `to-hall:${c.id}`,
            leader,
            `go to ${c.venue}`,
            [
              { intent: { type: 'go', to: c.venue } },
              ...aides.map((a) => ({ intent: { type: 'go' as const, to: c.venue }, actor: a.id })),
            ],
            [{ name: 'host of the conference', value: 1 }],
          ),
        );
      } else if (leader.position.kind === 'ship') {
        // Aboard a ship at the venue's place: the host goes down with the aides aboard.
        const ship = view.ship(leader.position.ship);
        if (ship && !ship.course && view.place(ship) === view.top(c.venue)) {
          const party = view
            .aboard(ship)
            .filter(
              (m) =>
                m.faction === view.id &&
                m.status === 'active' &&
                (m.id === leader.id || (m.influence[leader.id] ?? 0) > 0),
            )
            .map((m) => m.id);
          out.push(
            single(
              `to-hall:${c.id}`,
              leader,
              `go down to ${c.venue}`,
              [{ intent: { type: 'disembark', ship: ship.id, persons: party, to: c.venue } }],
              [{ name: 'host of the conference', value: 1 }],
            ),
          );
        }
      }
      continue;
    }
    const coming = c.invitees.filter((f) => f !== view.id && c.answers[f] === 'attend');
    const present = new Set(inRoom.map((p) => p.faction));
    const arrived = coming.filter((f) => present.has(f)).length;
    const waitedLongEnough = s.t >= opens + hours(4);
    if (s.t < opens || (arrived < coming.length && !waitedLongEnough) || present.size < 2) continue;
    const sides = c.sponsors.length > 0 ? 3 : 2;
    const arrangement = `a ${sides === 3 ? 'triangular' : 'long'} table: ${c.sponsors.length > 0 ? 'the sponsors on one side, ' : ''}the invited on the other${sides === 3 ? ' two' : ''}`;
    out.push(
      single(
        `convene:${c.id}`,
        leader,
        `open ${c.title}`,
        [{ intent: { type: 'convene-conference', conference: c.id, arrangement } }],
        [{ name: 'the delegations are here', value: 1 }],
      ),
    );
  }
  return out;
}

/** A faction with an ambush planned springs it once the conference sits and its ship is in place. */
function ambushQuestions(s: Situation): Question[] {
  const { view } = s;
  const out: Question[] = [];
  for (const plot of view.ownIntents()) {
    if (plot.status !== 'planned' || plot.kind !== 'ambush') continue;
    for (const c of view.conferences()) {
      if (c.status !== 'convened') continue;
      const place = view.top(c.venue);
      const ship = view
        .ownShips()
        .find(
          (sh) =>
            !sh.course &&
            view.place(sh) === place &&
            sh.systems.weapons >= s.settings.operationalIntegrity &&
            sh.count === 1,
        );
      const plotter = actingLeader(view, s.members);
      if (!ship || !plotter) continue;
      const options = (judge: Person): Option[] => [
        {
          id: 'spring-ambush',
          label: `spring the ambush on ${c.title}`,
          acts: [{ intent: { type: 'spring-ambush', intent: plot.id, ship: ship.id } }],
          terms: [
            { name: 'the plan', value: 1, note: plot.text },
            { name: 'honour', value: -0.8 * judge.personality.honour },
          ],
        },
        { id: 'hold-fire', label: 'let the conference be', acts: [], terms: [], statusQuo: true },
      ];
      out.push({ id: `ambush:${c.id}`, topic: 'the plan', decider: plotter, options, counselled: false });
    }
  }
  return out;
}
