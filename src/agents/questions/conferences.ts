/**
 * Conferences: proposing one (for peace — or as the cover of a plot), answering invitations,
 * reconsidering when a sign of a plot is seen, going there (./conference-attendance.ts: travelling,
 * sending the delegation, convening it as host), and springing an ambush planned against it.
 *
 * Attendance weighs the chance of peace (honour), what can be learnt there (suspicion), the risk
 * of being the one who stays away, the host's prestige, distrust of the sponsors and distance —
 * and the lesson of a trap remembered (../models/lessons.ts).
 */
import type { Breach } from '../../engine/principles.js';
import { id, type FactionId, type LocationId, type PersonId } from '../../model/ids.js';
import type { Intent } from '../../model/intents.js';
import { days, hours } from '../../model/time.js';
import type { Conference, HiddenIntent, Person, Ship } from '../../model/world.js';
import type { Option, Question } from '../deliberation.js';
import type { Situation } from '../situation.js';
import type { FactionView } from '../view.js';
import { attendanceQuestions, delegation, holdReady, hostQuestions } from './conference-attendance.js';
import { canReach, roleIntegrity } from '../../model/forces.js';
import { nameOf, precautionWithRole } from '../../model/physics.js';
import { actingLeader } from './envoys.js';
import { lessonTerms } from '../models/lessons.js';
import type { Term } from '../models/valuation.js';

/** Places where a conference can sit: halls, and the factions that control them. */
function halls(view: FactionView): { hall: LocationId; host: FactionId }[] {
  return view.locationIds().flatMap((hall) => {
    const host = view.location(hall)?.kind === 'hall' ? view.location(hall)?.controlledBy : undefined;
    return host ? [{ hall, host }] : [];
  });
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
  const { view } = s;
  const leader = view.leader();
  if (!mayCallConference(s, leader)) return [];
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
  const call = conferenceCall(s, enemies, allies, venue);
  const options = (judge: Person): Option[] => [
    callConference(call, judge),
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

/**
 * One conference at a time, and not another within ten days, nor after a plot was sprung; and
 * only by an active leader.
 */
function mayCallConference(s: Situation, leader: Person): boolean {
  const { view } = s;
  if (leader.status !== 'active' || !s.due('conference', days(10))) return false;
  if (view.ownIntents().some((i) => i.status === 'sprung')) return false;
  return !view.conferences().some((c) => c.status !== 'ended');
}

/** A conference as it would be called: its terms, and what calling it weighs. */
interface ConferenceCall {
  readonly vulnerability: number;
  readonly enemies: readonly FactionId[];
  /** The share of the invitees our allies are at peace with, on average. */
  readonly credibility: number;
  /** The ambush we plan, for which the conference is the cover. */
  readonly plot: HiddenIntent | undefined;
  readonly intent: Extract<Intent, { type: 'propose-conference' }>;
}

/**
 * Our enemies and the hall's host are invited, our allies sponsor it, and it opens when the
 * farthest invitee can be there (six hours at least, a day and a half at most).
 */
function conferenceCall(
  s: Situation,
  enemies: FactionId[],
  allies: FactionId[],
  venue: { hall: LocationId; host: FactionId },
): ConferenceCall {
  const { view } = s;
  const invitees = [...new Set([...enemies, venue.host])].sort();
  const cultures = [...new Set(invitees.map((f) => view.faction(f).culture))];
  const farthest = Math.max(
    ...invitees
      .map((f) => view.distance(view.places(f)[0] ?? venue.hall, venue.hall))
      .filter(Number.isFinite),
    0,
  );
  const called = view.conferences().filter((c) => c.sponsors.includes(view.id)).length;
  return {
    vulnerability: s.threat.vulnerability,
    enemies,
    // An ally at peace with the invitees makes the invitation believable.
    credibility:
      allies.reduce(
        (sum, a) => sum + invitees.filter((f) => view.statusBetween(f, a) !== 'war').length / invitees.length,
        0,
      ) / allies.length,
    plot: view.ownIntents().find((i) => i.status === 'planned' && i.kind === 'ambush'),
    intent: {
      type: 'propose-conference',
      conference: id.conference(`${view.id}-conference-${called + 1}`),
      title: `a peace conference of the ${cultures.length === 1 ? `${cultures[0]} ` : ''}leaders`,
      host: venue.host,
      venue: venue.hall,
      invitees,
      sponsors: allies,
      opensIn: hours(Math.min(36, farthest / 0.25 + 6)),
    },
  };
}

/**
 * Call the conference: peace (for the vulnerable and the honourable), enemies all around, the
 * credibility our allies lend, and the plan if we plot; against it, the risk.
 */
function callConference(call: ConferenceCall, judge: Person): Option {
  const { intent, enemies, plot } = call;
  return {
    id: 'propose-conference',
    label: `call ${intent.invitees.join(', ')} to a conference at ${intent.venue}`,
    acts: [{ intent }],
    terms: [
      {
        name: 'peace',
        value: 0.5 * call.vulnerability + 0.3 * judge.personality.honour,
        note: "an end to violence would be in everyone's interest",
      },
      {
        name: 'enemies all around',
        value: 0.08 * Math.min(enemies.length, 6),
        note: `at war with ${enemies.length} factions at once`,
      },
      { name: 'an ally lends credibility', value: 0.3 * call.credibility },
      ...(plot ? [{ name: 'the plan', value: 0.6, note: plot.text }] : []),
      { name: 'risk', value: -0.2 * judge.personality.caution },
    ],
  };
}

function answered(c: Conference, f: FactionId): boolean {
  return c.answers[f] !== undefined;
}

/** Answering the invitations to conferences not yet answered, every six hours at most. */
function answerQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  if (leader.status !== 'active') return [];
  return view
    .conferences()
    .filter((c) => c.status === 'proposed' && !answered(c, view.id) && s.due(`invitation:${c.id}`, hours(6)))
    .map((c) => invitationQuestion(s, leader, c));
}

/** An invitation as we weigh it: our role, trust in the sponsors, the distance, who else comes. */
interface Invitation {
  readonly c: Conference;
  readonly role: 'host' | 'sponsor' | 'invitee';
  readonly sponsorsTrust: number;
  readonly distance: number;
  /** The world's distance of a neighbour (../../model/physics.ts): the scale of `distance`. */
  readonly neighbourhood: number;
  readonly others: readonly FactionId[];
  /** A principle forbids us to deal with the sponsors. */
  readonly marked: Breach | null;
  /** The lesson of a trap or betrayal the conference recalls (../models/lessons.ts). */
  readonly lesson: readonly Term[];
}

/** Invitees take counsel; hosts and sponsors answer for themselves. */
function invitationQuestion(s: Situation, leader: Person, c: Conference): Question {
  const { view } = s;
  const role = c.host === view.id ? 'host' : c.sponsors.includes(view.id) ? 'sponsor' : 'invitee';
  const invitation: Invitation = {
    c,
    role,
    sponsorsTrust: c.sponsors.length
      ? c.sponsors.reduce((t, f) => t + view.trust(f), 0) / c.sponsors.length
      : 0.5,
    distance: view.distance(view.places(view.id)[0] ?? c.venue, c.venue),
    neighbourhood: view.physics.neighbourhood,
    others: c.invitees.filter((f) => f !== view.id),
    // No conference called by those our principles forbid us to deal with.
    marked: view.breachOf([], [view.id, ...c.sponsors]),
    // A trap remembered weighs on a conference like it: the same host or sponsors, or any.
    lesson:
      role === 'sponsor'
        ? []
        : lessonTerms(view, { kind: 'conference', partner: c.host, sponsors: c.sponsors }),
  };
  return {
    id: `invitation:${c.id}`,
    topic: `attending ${c.title}`,
    decider: leader,
    options: (judge) => [
      attend(invitation, judge),
      {
        id: 'decline',
        label: `decline ${c.title}`,
        acts: [{ intent: { type: 'answer-invitation', conference: c.id, answer: 'decline' } }],
        terms: [{ name: 'pride', value: 0.2 * judge.personality.pride }],
        statusQuo: true,
      },
    ],
    counselled: role === 'invitee',
    doctrine: view.self.doctrine,
  };
}

/**
 * Why a leader attends a conference: a chance of peace (honour), what can be learnt there
 * (suspicion), the risk of being the only one absent, the prestige of hosting or our own
 * initiative; against it, distrust of the sponsors (caution) and the distance.
 */
function attend(
  { c, role, sponsorsTrust, distance, neighbourhood, others, marked, lesson }: Invitation,
  judge: Person,
): Option {
  return {
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
      { name: 'distance', value: Number.isFinite(distance) ? -distance / (6 * neighbourhood) : -0.5 },
      ...lesson,
    ],
  };
}

/**
 * On a sign of a plot against a conference it will attend: go anyway with precautions, or
 * withdraw. Asked once per conference, by an active leader with a flagship.
 */
function reconsiderQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  const flagship = view.flagship();
  if (leader.status !== 'active' || !flagship) return [];
  if (view.suspectedIntents().length === 0) return [];
  return view
    .conferences()
    .filter(
      (c) =>
        c.status === 'proposed' &&
        c.answers[view.id] === 'attend' &&
        s.lastAsked(`reconsider:${c.id}`) === undefined,
    )
    .map((c) => reconsiderQuestion(s, leader, flagship, c));
}

function reconsiderQuestion(s: Situation, leader: Person, flagship: Ship, c: Conference): Question {
  const { view } = s;
  const party = delegation(view, s, flagship.id, c.sponsors.includes(view.id));
  const canLock = canReach(flagship, view.physics, s.settings.operationalIntegrity);
  return {
    id: `reconsider:${c.id}`,
    topic: `attending ${c.title}`,
    decider: leader,
    options: (judge) => [
      attendWithPrecautions(view, c, flagship, canLock ? party : null, judge),
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
    ],
    counselled: true,
    doctrine: view.self.doctrine,
  };
}

/**
 * Attend anyway, watching the forces around, and holding the delegation (`locked`, when the
 * flagship can reach them there) ready to be taken out: stability — not walking away because of a rumour —,
 * prestige or our own initiative, what can be learnt; against it, the danger.
 */
function attendWithPrecautions(
  view: FactionView,
  c: Conference,
  flagship: Ship,
  locked: PersonId[] | null,
  judge: Person,
): Option {
  const watch = precautionWithRole(view.physics, 'watch');
  const hold = locked ? holdReady(view, flagship, locked) : null;
  const holdName = view.physics.precautions.find((p) => p.id === hold?.kind);
  return {
    id: 'attend-with-precautions',
    label: `attend ${c.title}, with precautions`,
    acts: [
      { intent: { type: 'answer-invitation', conference: c.id, answer: 'attend' } },
      ...(watch
        ? [{ intent: { type: 'take-precaution' as const, kind: watch, ship: flagship.id, persons: [] } }]
        : []),
      ...(hold ? [{ intent: hold }] : []),
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
        value: hold ? 0.2 : 0,
        note: `${holdName ? nameOf(holdName) : 'nothing'}, to take them out at the first hint of trouble`,
      },
    ],
  };
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
            roleIntegrity(sh, view.physics, 'armament', 1) >= s.settings.operationalIntegrity &&
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
