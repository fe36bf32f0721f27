/**
 * Rescue: a faction whose people are held sends force to the prison and breaks them out — and with
 * them fellow prisoners of factions it is not at war with.
 *
 * A captive is a goal that persists until it is resolved — the captive free, or dead: while one of
 * ours is held and the faction knows it, the question comes back (once a day, or at once when the
 * faction is where the captive is held) with nothing to forget it by. A faction knows that its
 * people are held, and by whom (the detention is a grievance it holds: no aid goes to the captor,
 * ./readiness.ts), but not where to fetch them: its leader's prison it knows; another's, once it
 * has seen them held there — eyes at the place (a free member of ours there, aboard or ashore) —
 * and from then on by its own memory of having weighed their rescue (its deliberations).
 *
 * Its leader held, the faction goes at once. Another of its people it weighs: the captive's claim
 * on it (by the judge's honour) against the captor's force where they are held (when it outguns
 * ours there, by how much) and, with a captor it is not at war with, the breach a break-out makes.
 */
import type { FactionId, LocationId } from '../../model/ids.js';
import { roleIntegrity } from '../../model/forces.js';
import { days, hours } from '../../model/time.js';
import type { Person } from '../../model/world.js';
import type { Option, Question } from '../deliberation.js';
import type { Situation } from '../situation.js';
import type { FactionView } from '../view.js';
import { actingLeader } from './envoys.js';
import { single } from './talks.js';

/** One of our people held, and where. */
interface Captive {
  readonly person: Person;
  /** Who holds them, when the place has a master. */
  readonly captor: FactionId | null;
  readonly prison: LocationId;
  readonly place: LocationId;
}

export function rescueQuestions(s: Situation): Question[] {
  const { view } = s;
  const commander = actingLeader(view, s.members);
  if (!commander) return [];
  const out: Question[] = [];
  for (const captive of knownCaptives(s)) {
    const leader = captive.person.id === view.self.leader;
    // The first ship of ours at rest there carries the freed away.
    const carrier = view.ownShips().find((sh) => !sh.course && view.place(sh) === captive.place);
    if (!carrier) {
      const ships = view.ownShips().filter((sh) => !sh.course);
      const id = `rescue-voyage:${captive.person.id}`;
      if (ships.length === 0 || !s.due(id, days(1))) continue;
      const acts = ships.map((sh) => ({ intent: { type: 'move' as const, ship: sh.id, to: captive.place } }));
      const label = `go to ${captive.place} to free ${captive.person.name}`;
      out.push(
        leader
          ? single(id, commander, label, acts, [heldTerm(captive, 1)])
          : weighedRescue(s, commander, id, label, acts, captive),
      );
      continue;
    }
    // Everyone held there whose faction is not our enemy comes out with ours.
    const freed = view
      .personsAt(captive.prison)
      .filter(
        (p) =>
          p.status === 'detained' && (p.faction === view.id || view.relation(p.faction)?.status !== 'war'),
      )
      .map((p) => p.id);
    const id = `rescue:${captive.person.id}`;
    if (!leader && !s.due(id, hours(12))) continue;
    const acts = [
      {
        intent: {
          type: 'rescue' as const,
          persons: freed,
          from: captive.prison,
          to: { kind: 'ship' as const, ship: carrier.id },
        },
      },
    ];
    const label = `break ${captive.person.name} out of ${captive.prison}`;
    out.push(
      leader
        ? single(id, commander, label, acts, [{ name: 'if we stay here we will die anyway', value: 1 }])
        : weighedRescue(s, commander, id, label, acts, captive),
    );
  }
  return out;
}

/**
 * Our people held whose detention the faction knows of: its leader; others it sees held (eyes at
 * the place), or whose rescue it has weighed before (the goal it keeps until they are free).
 */
function knownCaptives(s: Situation): Captive[] {
  const { view } = s;
  const out: Captive[] = [];
  for (const person of s.members) {
    // Held at a place (a prison), by another (our own confine those they mistrust).
    if (person.status !== 'detained' || person.position.kind !== 'location') continue;
    const captor = view.captorOf(person);
    if (captor === view.id) continue;
    const prison = person.position.location;
    const place = view.top(prison);
    const known =
      person.id === view.self.leader ||
      s.members.some((m) => (m.status === 'active' || m.status === 'injured') && view.place(m) === place) ||
      s.lastAsked(`rescue:${person.id}`) !== undefined ||
      s.lastAsked(`rescue-voyage:${person.id}`) !== undefined;
    if (known) out.push({ person, captor, prison, place });
  }
  return out;
}

const heldTerm = (c: Captive, value: number) => ({
  name: 'our people are held',
  value,
  note: `${c.person.name} is held${c.captor ? ` by ${c.captor}` : ''} at ${c.prison}`,
});

/** A rescue weighed: the captive's claim, against the captor's force there and the breach. */
function weighedRescue(
  s: Situation,
  commander: Person,
  id: string,
  label: string,
  acts: Option['acts'],
  captive: Captive,
): Question {
  const { view } = s;
  const { captor } = captive;
  const ratio = captor === null ? 0 : captorRatio(view, captor, captive.place);
  const breach = captor !== null && view.relation(captor)?.status !== 'war';
  return {
    id,
    topic: label,
    decider: commander,
    counselled: false,
    options: (judge) => [
      {
        id: 'act',
        label,
        acts,
        terms: [
          heldTerm(captive, 0.4 + 0.6 * judge.personality.honour),
          ...(ratio > 1
            ? [
                {
                  name: "the captor's force",
                  value: -0.3 * Math.min(3, ratio - 1) * (0.5 + judge.personality.caution),
                  note: `${captor} outgun us ${ratio.toFixed(1)} to 1 at ${captive.place}`,
                },
              ]
            : []),
          ...(breach
            ? [{ name: 'a breach with the captor', value: -0.2, note: `${captor} will resent it` }]
            : []),
        ],
        ...(captor === null ? {} : { serves: { against: [captor] } }),
      },
      {
        id: 'wait',
        label: 'wait',
        acts: [],
        terms: [{ name: 'risk', value: 0.3 * judge.personality.caution, note: 'forces and lives at stake' }],
        statusQuo: true,
      },
    ],
  };
}

/** The captor's armed force at the place against ours (what a fight for the captive would face). */
function captorRatio(view: FactionView, captor: FactionId, place: LocationId): number {
  const force = (faction: FactionId) =>
    view
      .shipsSeenAt(place)
      .filter((sh) => sh.faction === faction && !sh.course && !sh.destroyed)
      .reduce((sum, sh) => sum + sh.count * sh.firepower * roleIntegrity(sh, view.physics, 'armament', 1), 0);
  const theirs = force(captor);
  const ours = view
    .ownShips()
    .filter((sh) => !sh.course)
    .reduce((sum, sh) => sum + sh.count * sh.firepower * roleIntegrity(sh, view.physics, 'armament', 1), 0);
  return theirs <= 0 ? 0 : theirs / Math.max(0.01, ours);
}
