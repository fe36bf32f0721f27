/**
 * Readiness: repairing damage, taking precautions when danger rises and friends are lost, getting
 * away from a place full of enemies, and delivering the aid an agreement promises.
 */
import { id, type FactionId, type LocationId, type ResourceId } from '../../model/ids.js';
import { days, formatTime, hours } from '../../model/time.js';
import { type Person, type Ship } from '../../model/world.js';
import type { Option, Question } from '../deliberation.js';
import type { Situation } from '../situation.js';
import { HOSTILE, NEED, PLENTY } from '../tuning.js';
import type { FactionView } from '../view.js';
import { actingLeader } from './envoys.js';
import { single } from './talks.js';
import { damagedComponents, roleIntegrity, travelSpeed } from '../../model/forces.js';
import { nameOf, type Physics, precautionWithRole } from '../../model/physics.js';
import { acceptableOdds } from '../models/war.js';
import { lessonTerms } from '../models/lessons.js';
import { alignment } from '../models/strategy.js';
import { outgunningAt, type ThreatAssessment } from '../models/threat.js';

export function repairQuestions(s: Situation): Question[] {
  const { view } = s;
  const out: Question[] = [];
  for (const ship of view.ownShips()) {
    const damaged = damagedComponents(ship, view.physics).filter((c) => !ship.repairs.includes(c));
    if (damaged.length === 0) continue;
    const crew = view.aboard(ship).filter((p) => p.faction === view.id && p.status === 'active');
    const engineer =
      crew.find((p) => p.tags.some((t) => t.includes('engineer'))) ?? actingLeader(view, s.members);
    if (!engineer) continue;
    // The fighting just seen that damaged the force, if any: a repair after it is a new decision.
    const fought = s.observed.findLast(
      (e) => e.type === 'engagement' && e.damage.some((d) => d.ship === ship.id),
    );
    const integrity = (c: string) => Math.round(((ship.systems[c] ?? 0) / (ship.rated[c] || 1)) * 100);
    out.push(
      single(
        `repair:${ship.id}`,
        engineer,
        `repair ${ship.name}`,
        [{ intent: { type: 'repair', ship: ship.id, systems: damaged } }],
        [
          {
            name: 'damage',
            value: 1,
            note: `${damaged.map((c) => `${componentName(view, c)} at ${integrity(c)} %`).join(', ')}${
              fought?.type === 'engagement'
                ? ` after the fighting at ${fought.location}, ${formatTime(fought.t)}`
                : ''
            }`,
          },
        ],
      ),
    );
  }
  return out;
}

/** The display name of a component of the world's physics. */
function componentName(view: FactionView, id: string): string {
  const c = view.physics.components.find((x) => x.id === id);
  return c ? nameOf(c) : id;
}

/** After a betrayal or when alone and in danger: an inspection of the forces and drills (the world's precautions of those roles). */
export function precautionQuestions(s: Situation): Question[] {
  const { view, threat } = s;
  const leader = view.leader();
  if (leader.status !== 'active' || !s.due('readiness', days(2))) return [];
  // After a betrayal, or an ambush witnessed, a faction readies itself for the worst.
  const betrayed =
    s.observed.some((e) => e.type === 'agreement-dissolved' && e.by === view.id) ||
    s.observed.some((e) => e.type === 'ambush-sprung' && e.faction !== view.id);
  if (!betrayed || threat.vulnerability < 0.3) return [];
  const inspection = precautionWithRole(view.physics, 'inspection');
  const drill = precautionWithRole(view.physics, 'drill');
  if (inspection === null && drill === null) return [];
  const inspected = inspection === null ? undefined : view.self.readiness[inspection];
  if (inspected !== undefined && s.t - inspected < days(2)) return [];
  const security = s.members.find((m) => m.status === 'active' && m.tags.includes('security')) ?? leader;
  return [
    single(
      'readiness',
      leader,
      'prepare for an attack',
      [
        ...(inspection === null
          ? []
          : [{ intent: { type: 'take-precaution' as const, kind: inspection, ship: null, persons: [] } }]),
        ...(drill === null
          ? []
          : [
              {
                intent: { type: 'take-precaution' as const, kind: drill, ship: null, persons: [] },
                actor: security.id,
              },
            ]),
      ],
      [{ name: 'more vulnerable than ever', value: 1, note: 'we must be prepared for an attack' }],
    ),
  ];
}

/** Ships that withdrew from an engagement they started go home to lick their wounds. */
export function retreatQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = actingLeader(view, s.members);
  if (!leader) return [];
  // Home is looked for among all locations only when some attack of ours was beaten off.
  if (!s.observed.some((e) => e.type === 'engagement' && e.initiator === view.id)) return [];
  const home = view
    .locationIds()
    .find((l) => view.top(l) === l && view.location(l)?.controlledBy === view.id);
  if (!home) return [];
  const out: Question[] = [];
  for (const e of s.observed) {
    if (e.type !== 'engagement' || e.initiator !== view.id || e.outcome !== 'attackers-withdrew') continue;
    for (const id of e.attackers) {
      const ship = view.ship(id);
      if (!ship || ship.faction !== view.id || ship.course || ship.destroyed || view.place(ship) === home)
        continue;
      out.push(
        single(
          `retreat:${id}`,
          leader,
          `pull ${ship.name} back to ${home}`,
          [{ intent: { type: 'retreat', ship: ship.id, to: home } }],
          [{ name: 'the attack failed', value: 1 }],
        ),
      );
    }
  }
  return out;
}
/** Leaving a place where hostile ships outgun us, when nothing holds us there. */
export function withdrawalQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  const flagship = view.flagship();
  if (!flagship || flagship.course || leader.status !== 'active' || !s.due('withdraw', hours(12))) return [];
  if (leader.position.kind !== 'ship' || leader.position.ship !== flagship.id) return [];
  const place = view.place(flagship);
  // Those who came to talk are not a reason to leave.
  const hostile = outgunningAt(view, place, view.awaitedVisitors());
  if (hostile.length === 0) return [];
  const theirs = hostile.reduce((sum, sh) => sum + sh.count * sh.firepower, 0);
  // A force the threat can overtake does not get away by running: it stays, repairs and, if it must,
  // fights where it is, rather than set out crippled on a journey the pursuer ends when it likes.
  const operational = s.settings.operationalIntegrity;
  const ours = travelSpeed(flagship, view.physics, operational);
  if (ours <= 0 || hostile.some((sh) => travelSpeed(sh, view.physics, operational) > ours)) return [];
  if (
    view.negotiations('open').length > 0 ||
    view
      .conferences()
      .some((c) => c.status === 'convened' || (c.status === 'proposed' && c.answers[view.id] === 'attend'))
  )
    return [];
  const refuge = refugeFrom(view, place, [...new Set(hostile.map((sh) => sh.faction))]);
  if (!refuge) return [];
  return [
    single(
      'withdraw',
      leader,
      `get away from ${place}`,
      [{ intent: { type: 'move', ship: flagship.id, to: refuge } }],
      [
        {
          name: 'outgunned here',
          value: 1,
          note: `${[...new Set(hostile.map((sh) => view.faction(sh.faction).name))].join(' and ')} outgun us ${(theirs / Math.max(view.strength(view.id), 0.1)).toFixed(1)} to 1 at ${place}`,
        },
      ],
    ),
  ];
}

/**
 * Where to withdraw from `place`, outgunned there by `threats`: a place no hostile faction is at,
 * farther from each place the threats hold than `place` is (a retreat towards the enemy's other
 * forces is no retreat) — our own ground first, then the nearest such place; when every way out
 * passes nearer them, the nearest quiet place. Each faction flees its own enemies, so factions
 * fleeing the same place scatter rather than meet again at the nearest point.
 */
export function refugeFrom(
  view: FactionView,
  place: LocationId,
  threats: readonly FactionId[],
): LocationId | undefined {
  const hostile = view.factionIds().filter((f) => f !== view.id && view.hostilityOf(f) >= HOSTILE);
  const quiet = view
    .locationIds()
    .filter(
      (l) =>
        view.top(l) === l &&
        l !== place &&
        Number.isFinite(view.distance(place, l)) &&
        !hostile.some((f) => view.places(f).includes(l)),
    );
  const held = [...new Set([place, ...threats.flatMap((f) => view.places(f))])];
  const away = quiet.filter((l) => held.every((h) => view.distance(l, h) > view.distance(place, h)));
  const byRefuge = (a: LocationId, b: LocationId) =>
    Number(view.location(b)?.controlledBy === view.id) - Number(view.location(a)?.controlledBy === view.id) ||
    view.distance(place, a) - view.distance(place, b) ||
    (a < b ? -1 : 1);
  if (away.length > 0) return [...away].sort(byRefuge)[0];
  return [...quiet].sort((a, b) => view.distance(place, a) - view.distance(place, b) || (a < b ? -1 : 1))[0];
}

/**
 * Humanitarian aid: an honourable leader may give what it has in plenty to a faction at the same
 * place whose people lack it (`NEED`, while we have `PLENTY`): the sick treated in one's sickbay.
 * Who asks matters as much as the need: the need, by the judge's honour; against it, our
 * grievances against them, their hostility toward us, the concern for relative gains (what we give
 * may go to a rival) and the lesson of a betrayal the gift recalls (../models/lessons.ts); for it,
 * our liking for them.
 *
 * Never, whatever the terms, to a faction at war with us or one that holds our people — unless an
 * agreement in force with it binds us to give it aid (a ransom, a treaty's aid: a provision the
 * scenario declares or the parties concluded), which is how a world says that its captors are
 * to be helped all the same. A faction hostile to us, or we to it, is not asked about.
 */
export function reliefQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  const flagship = view.flagship();
  if (leader.status !== 'active' || !flagship || flagship.course || leader.personality.honour < 0.6)
    return [];
  const place = view.place(flagship);
  const out: Question[] = [];
  for (const f of [...new Set(view.shipsSeenAt(place).map((sh) => sh.faction))].sort()) {
    if (f === view.id || view.hostilityOf(f) >= HOSTILE || !mayAid(view, f) || !s.due(`relief:${f}`, days(7)))
      continue;
    for (const resource of Object.keys(view.self.resources).sort().map(id.resource)) {
      const mine = view.self.resources[resource] ?? 0;
      const theirs = view.faction(f).resources[resource] ?? 0;
      if (mine < PLENTY || theirs >= NEED || view.physics.neverGiven.includes(resource)) continue;
      out.push(reliefQuestion(view, s.threat, leader, { to: f, resource, theirs }));
      break;
    }
  }
  return out;
}

/**
 * Whether a faction may give aid to another of its own accord: never to one at war with it (either
 * way), nor to one holding its people, unless an agreement in force binds it to give them aid.
 */
export function mayAid(view: FactionView, to: FactionId): boolean {
  if (view.relation(to)?.status === 'war' || view.statusBetween(to, view.id) === 'war') return false;
  if (view.heldBy(to).length === 0) return true;
  return view
    .agreements('active')
    .some(
      (a) =>
        a.parties.includes(to) &&
        a.provisions.some((p) => p.kind === 'aid' && p.giver === view.id && (p.receiver ?? to) === to),
    );
}

/** Relief for a faction in need: give, or keep our stores. */
function reliefQuestion(
  view: FactionView,
  threat: ThreatAssessment,
  leader: Person,
  need: { readonly to: FactionId; readonly resource: ResourceId; readonly theirs: number },
): Question {
  const { to, resource, theirs } = need;
  const label = `give ${to} ${resource} they lack`;
  const affinity = view.relation(to)?.affinity ?? 0;
  const grievance = view.grievance(to);
  const hostile = view.statusBetween(to, view.id) === 'hostile';
  const lesson = lessonTerms(view, { kind: 'aid', partner: to });
  const gains = relativeGains(view, threat, to);
  return {
    id: `relief:${to}`,
    topic: label,
    decider: leader,
    counselled: false,
    options: (judge) => [
      {
        id: 'give',
        label,
        acts: [{ intent: { type: 'provide-aid', to, resource, amount: RELIEF, agreement: null } }],
        terms: [
          {
            name: 'they are in need',
            value: judge.personality.honour * (0.5 + (0.5 * (NEED - theirs)) / NEED),
            note: `${to} have ${theirs} ${resource}`,
          },
          ...(affinity !== 0
            ? [
                {
                  name: 'relation',
                  value: 0.3 * affinity,
                  note: affinity > 0 ? 'we like them' : 'we dislike them',
                },
              ]
            : []),
          ...(grievance > 0
            ? [{ name: 'grievances', value: -0.5 * Math.min(1.5, grievance), note: `what ${to} did to us` }]
            : []),
          ...(hostile ? [{ name: 'their hostility', value: -0.4, note: `${to} are hostile to us` }] : []),
          ...(gains.value > 0.005 ? [{ name: 'relative gains', value: -gains.value, note: gains.note }] : []),
          ...lesson,
        ],
        serves: { sides: [to] },
      },
      {
        id: 'keep',
        label: `keep our ${resource}`,
        acts: [],
        terms: [{ name: 'our stores', value: 0.2, note: 'we may need it ourselves' }],
        statusQuo: true,
      },
    ],
  };
}

/**
 * The concern for relative gains (Grieco 1988, "Anarchy and the limits of cooperation"): what we
 * give may strengthen those who would turn it against us — a faction that could side with the
 * rival most hostile to us (their relation, a shared culture: `alignment`, ../models/strategy.ts),
 * by that rival's hostility, at half weight.
 */
function relativeGains(
  view: FactionView,
  threat: ThreatAssessment,
  to: FactionId,
): { value: number; note: string } {
  let worst = { value: 0, note: '' };
  for (const { faction: rival } of threat.threats) {
    if (rival === to) continue;
    const value = 0.5 * alignment(view, to, rival) * view.hostilityOf(rival);
    if (value > worst.value) worst = { value, note: `${to} could side with ${rival}` };
  }
  return worst;
}

/** What relief gives at a time, of one resource. */
const RELIEF = 30;

/** Delivering at once the aid an agreement promises to give immediately. */
export function dutyQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  if (leader.status !== 'active') return [];
  const out: Question[] = [];
  for (const a of view.agreements('active')) {
    a.provisions.forEach((p, i) => {
      if (p.kind !== 'aid' || p.giver !== view.id || p.condition !== 'immediate' || !p.receiver) return;
      const given = a.delivered[`${view.id}>${p.resource}`] ?? 0;
      const stock = view.self.resources[p.resource] ?? 0;
      if (given >= p.amount || stock <= 0) return;
      out.push(
        single(
          `duty:${a.id}:${i}`,
          leader,
          `give ${p.amount - given} ${p.resource} to ${p.receiver}, as agreed`,
          [
            {
              intent: {
                type: 'provide-aid',
                to: p.receiver,
                resource: p.resource,
                amount: Math.min(stock, p.amount - given),
                agreement: a.id,
              },
            },
          ],
          [{ name: 'our word', value: 1 }],
        ),
      );
    });
  }
  return out;
}

/** Force at a place, as the engine weighs it: firepower times working weapons (Lanchester). */
function forceOf(ships: readonly Ship[], physics: Physics): number {
  return ships.reduce(
    (sum, sh) => sum + sh.count * sh.firepower * roleIntegrity(sh, physics, 'armament', 1),
    0,
  );
}

/**
 * Attacking an enemy's ships where ours meet them: only factions at war, only with a clear local
 * advantage (Lanchester's square law rewards concentration), never under the truce of a
 * conference either side attends, and weighed by aggression, grievances and caution. One attack
 * is weighed at a time: the first chance, by place and enemy.
 */
export function attackQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = actingLeader(view, s.members);
  if (!leader) return [];
  // Only factions at war are attacked: most factions most of the time have none.
  if (!view.factionIds().some((f) => f !== view.id && view.relation(f)?.status === 'war')) return [];
  const truce = underTruce(view);
  if (truce.includes(view.id)) return [];
  const out: Question[] = [];
  for (const place of placesAtRest(view)) {
    for (const chance of attackChances(s, place, truce, acceptableOdds(leader.personality)))
      out.push(attackQuestion(s, leader, chance));
  }
  return out.slice(0, 1);
}

/** The factions a conference being held or called binds to peace: host, sponsors and invitees. */
function underTruce(view: FactionView): FactionId[] {
  return view
    .conferences()
    .filter((c) => c.status === 'convened' || c.status === 'proposed')
    .flatMap((c) => [c.host, ...c.sponsors, ...c.invitees]);
}

/** The places where ships of ours are at rest, sorted. */
function placesAtRest(view: FactionView): LocationId[] {
  return [
    ...new Set(
      view
        .ownShips()
        .filter((sh) => !sh.course)
        .map((sh) => view.place(sh)),
    ),
  ].sort();
}

/** An enemy our armed ships at a place outgun there, and by how much. */
interface AttackChance {
  readonly enemy: FactionId;
  readonly place: LocationId;
  readonly ours: readonly Ship[];
  readonly targets: readonly Ship[];
  readonly ratio: number;
}

/**
 * The enemies at a place that our ships there with working weapons outgun at the odds the leader's
 * temper accepts (../models/war.ts), counting the enemy's friends at the place (they would join the fight). Only enemies at war
 * with us, under no truce, and not attacked in the last day: ships driven off are left to lick
 * their wounds.
 */
function attackChances(
  s: Situation,
  place: LocationId,
  truce: readonly FactionId[],
  accepted: number,
): AttackChance[] {
  const { view } = s;
  const seen = view.shipsSeenAt(place).filter((sh) => !sh.course && !sh.destroyed);
  const ours = seen.filter(
    (sh) =>
      sh.faction === view.id &&
      roleIntegrity(sh, view.physics, 'armament', 1) >= s.settings.operationalIntegrity,
  );
  if (ours.length === 0) return [];
  const enemies = [...new Set(seen.map((sh) => sh.faction))]
    .filter(
      (f) =>
        f !== view.id &&
        view.relation(f)?.status === 'war' &&
        !truce.includes(f) &&
        s.due(`attack:${f}`, days(1)),
    )
    .sort();
  const out: AttackChance[] = [];
  for (const enemy of enemies) {
    const targets = seen.filter((sh) => sh.faction === enemy);
    const defenders = seen.filter(
      (sh) => sh.faction === enemy || view.statusBetween(sh.faction, enemy) === 'allied',
    );
    const ratio = forceOf(ours, view.physics) / Math.max(0.01, forceOf(defenders, view.physics));
    if (ratio >= accepted) out.push({ enemy, place, ours, targets, ratio });
  }
  return out;
}

function attackQuestion(s: Situation, leader: Person, chance: AttackChance): Question {
  const { view } = s;
  return {
    id: `attack:${chance.enemy}`,
    topic: `attacking ${chance.enemy}`,
    decider: leader,
    options: (judge) => [
      attack(view, chance, judge),
      {
        id: 'hold-fire',
        label: 'hold fire',
        acts: [],
        terms: [{ name: 'no fight sought', value: 0.2 }],
        statusQuo: true,
      },
    ],
    counselled: true,
    doctrine: view.self.doctrine,
  };
}

/** Attack: the advantage (up to three to one beyond even), aggression and grievances, against the risk. */
function attack(
  view: FactionView,
  { enemy, place, ours, targets, ratio }: AttackChance,
  judge: Person,
): Option {
  return {
    id: 'attack',
    label: `attack ${enemy} at ${place}`,
    acts: [
      {
        intent: {
          type: 'attack',
          ships: ours.map((sh) => sh.id),
          targets: targets.map((sh) => sh.id),
        },
      },
    ],
    terms: [
      {
        name: 'advantage',
        value: 0.3 * Math.min(3, ratio - 1),
        note: `we outgun them ${ratio.toFixed(1)} to 1`,
      },
      { name: 'aggression', value: judge.personality.aggression - 0.5 },
      {
        name: 'grievances',
        value: 0.3 * Math.min(2, view.grievance(enemy)),
        note: `what ${enemy} did to us`,
      },
      { name: 'risk', value: -0.5 * judge.personality.caution, note: 'forces and lives at stake' },
    ],
  };
}
