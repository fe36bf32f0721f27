/**
 * The questions of war and of treaties' calls.
 *
 * - **A call to honour a treaty** (the casus foederis): honour it, honour it in part (aid only), or
 *   renege — invoking a condition where one fails. This is the alliance security dilemma (Snyder
 *   1984): abandoning a partner costs its trust and our name; standing by it risks entrapment in
 *   its war. The terms: the obligation (weighed by honour), reputation (before all the world for a
 *   public treaty, before the partners for a secret one), the partner's worth (trust in it), the
 *   common enemy (its threat to us, our grievances), the balance of power (a partner overmatched),
 *   entrapment (the enemies' share of the force engaged, weighed by caution), and the change in our
 *   power since the treaty was signed — Leeds (2003): allies whose power changed since signing
 *   break their pledges more often than those whose power held steady.
 * - **A friend's war** we are not called to: join its side, declare our neutrality, or wait.
 * - **War by decision**: declare war on a faction we hold grievances against or fear, at odds the
 *   leader's temper accepts (../models/war.ts), unless a pledge or a principle holds us back.
 * - **Campaigns**: where our forces fight a war we are in — beside a friend, or against the enemy.
 * - **Peace**: leave a war going badly (a separate peace), or fight on.
 */
import type { ActBreach } from '../../engine/principles.js';
import { type FactionId, id, type LocationId, type ResourceId } from '../../model/ids.js';
import { days, hours } from '../../model/time.js';
import type { Agreement, Call, Negotiation, Person, Ship, War } from '../../model/world.js';
import type { Provision } from '../../model/provision.js';
import { roleIntegrity } from '../../model/forces.js';
import type { Option, Question } from '../deliberation.js';
import type { Term } from '../models/valuation.js';
import {
  acceptableOdds,
  alliesDrawnIn,
  oddsOf,
  PEACE_HOLDS,
  peaceMadeWith,
  pledgedTo,
  pledgeHolding,
  pledgesOfPeace,
  sidesOfAWarOfChoice,
  strengthOfSide,
  threatShare,
  worstGrievance,
} from '../models/war.js';
import { opposite, sideOf } from '../../events/obligations.js';
import type { Situation } from '../situation.js';
import { ALLY_WORTH_CALLING, PLENTY, URGENT_AID } from '../tuning.js';
import type { FactionView } from '../view.js';

// ── Calls ───────────────────────────────────────────────────────────────────────────────────────

/** The open calls addressed to us, one question each (the oldest first), asked at most every six hours. */
export function callQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  if (leader.status !== 'active' && leader.status !== 'injured') return [];
  return (
    view
      .openCalls()
      .filter((call) => s.due(`call:${call.id}`, hours(6)))
      // While our demand on the partner's attacker awaits its answer, so does the call — until the
      // call is about to lapse.
      .filter(
        (call) =>
          demandFor(view, call)?.status !== 'open' ||
          s.t - call.issuedAt >= s.settings.callAnswerTime - hours(6),
      )
      .slice(0, 1)
      .map((call) => {
        const stakes = callStakes(s, call);
        return {
          id: `call:${call.id}`,
          topic: `the call of ${call.from} against ${call.against.join(' and ')}`,
          decider: leader,
          options: (judge: Person) => callOptions(stakes, judge),
          counselled: true,
          doctrine: view.self.doctrine,
        };
      })
  );
}

/** What a call puts at stake, the same whoever judges it. */
interface CallStakes {
  readonly call: Call;
  readonly treaty: string;
  readonly public: boolean;
  /** Honouring means entering the war with our forces (not aid or words only). */
  readonly fighting: boolean;
  readonly friends: readonly FactionId[];
  readonly enemies: readonly FactionId[];
  readonly odds: number;
  readonly risk: number;
  readonly threatShare: number;
  readonly grievance: number;
  readonly trust: number;
  /** How far the enemies outweigh the partner's side without us, in [0, 1]. */
  readonly overmatched: number;
  /** |ln(power now / power at signing)|: how far our power moved since the treaty was signed. */
  readonly powerChange: number;
  readonly aid: { readonly resource: ResourceId; readonly amount: number } | null;
  readonly invoke: string | null;
  readonly honourBreach: ActBreach | null;
  readonly renegeBreach: ActBreach | null;
  /** The one who attacked the partner, to whom a demand may be put before we fight. */
  readonly attacker: FactionId | null;
  /** Our demand on the attacker for the partner's sake: not made, open, granted or refused. */
  readonly demand: 'none' | 'open' | 'granted' | 'refused';
  /** Talks with the attacker are open already (one negotiation at a time between two factions). */
  readonly talking: boolean;
}

/** The id of the talks in which `by` demands of `of` that it leave `partner` in peace. */
const demandId = (by: FactionId, of: FactionId, partner: FactionId) => `${by}-${of}-demand-for-${partner}`;

/** Our demand on the attacker of the partner that called us, if we made one. */
function demandFor(view: FactionView, call: Call): Negotiation | undefined {
  const attacker = attackerOf(view.war(call.war), call);
  if (attacker === null) return undefined;
  return talksById(view, demandId(view.id, attacker, call.from));
}

/** The faction that began the war on the partner, if the call is against it. */
function attackerOf(war: War | undefined, call: Call): FactionId | null {
  const by = war?.aggressor ?? null;
  return by !== null && by !== call.from && call.against.includes(by) ? by : null;
}

function callStakes(s: Situation, call: Call): CallStakes {
  const { view } = s;
  const war = view.war(call.war);
  const { friends, enemies } = sidesOfCall(war, call);
  const drawnIn = war ? alliesDrawnIn(view, war, enemies) : [];
  const { odds, risk } = oddsOf(view, friends, [...enemies, ...drawnIn]);
  const alone = oddsOf(view, friends, enemies.concat(view.id));
  const agreement = view.agreement(call.agreement);
  const fighting = call.support === 'active' && call.obligation !== 'consultation';
  const attacker = attackerOf(war, call);
  return {
    call,
    treaty: agreement?.name ?? call.agreement,
    public: agreement?.secret !== true,
    fighting,
    friends,
    enemies,
    odds,
    risk,
    threatShare: s.threat.vulnerability * threatShare(s.threat, enemies),
    grievance: worstGrievance(view, enemies),
    trust: view.trust(call.from),
    overmatched: Math.max(0, Math.min(1, alone.risk * 2 - 1)),
    powerChange: Math.abs(Math.log(Math.max(0.01, call.powerNow) / Math.max(0.01, call.powerAtSigning))),
    aid: spareAid(view),
    invoke: call.failing ?? (war?.aggressor === call.from ? 'provoked' : null),
    honourBreach: fighting ? warBreach(view, enemies, false) : null,
    renegeBreach: call.conditionsMet ? view.actBreach({ kind: 'break', agreement: call.agreement }) : null,
    attacker,
    demand: demandStatus(demandFor(view, call)),
    talking: attacker !== null && view.inTalksWith(attacker),
  };
}

function demandStatus(n: Negotiation | undefined): CallStakes['demand'] {
  if (!n) return 'none';
  return n.status === 'open' ? 'open' : n.status === 'agreed' ? 'granted' : 'refused';
}

/** The partner's side and the enemies, as far as we know the war. */
function sidesOfCall(war: War | undefined, call: Call) {
  if (!war) return { friends: [call.from], enemies: [...call.against] };
  const present = (fs: readonly FactionId[]) => fs.filter((f) => war.left[f] === undefined);
  const mine = war.sides[0].includes(call.from) ? 0 : 1;
  return {
    friends: present(war.sides[mine]),
    enemies: [...new Set([...present(opposite(war, mine)), ...call.against])].sort(),
  };
}

/** Aid we can spare: the resource we have most of, if we have plenty of it. */
function spareAid(view: FactionView): CallStakes['aid'] {
  const stocks = Object.entries(view.self.resources) as [ResourceId, number][];
  const best = stocks
    .filter(([, amount]) => amount >= PLENTY)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return best ? { resource: best[0], amount: URGENT_AID } : null;
}

/** The first principle entering a war against these enemies would breach. */
function warBreach(view: FactionView, enemies: readonly FactionId[], aggressor: boolean): ActBreach | null {
  for (const against of enemies) {
    const breach = view.actBreach({ kind: 'declare-war', against, aggressor });
    if (breach) return breach;
  }
  return null;
}

function callOptions(st: CallStakes, judge: Person): Option[] {
  const options = [honour(st, judge), renege(st, judge)];
  if (st.fighting && st.aid) options.splice(1, 0, honourInPart(st, judge));
  if (st.fighting && st.attacker !== null && st.demand === 'none' && !st.talking)
    options.push(demandOfAttacker(st, st.attacker, judge));
  return options;
}

/**
 * Before entering the partner's war, a demand on its attacker: leave the partner in peace, or we
 * fight — coercive diplomacy (George 1991) in the guarantor's part, as Britain's to Germany in 1914
 * and Britain's and France's in 1939; the call waits for the answer. It acts on the pledge in
 * public, so it keeps faith as honouring does (and engages the audience cost of a threat, Fearon
 * 1994); a cautious leader likes the chance of a war avoided.
 */
function demandOfAttacker(st: CallStakes, attacker: FactionId, judge: Person): Option {
  const { call } = st;
  return {
    id: 'demand',
    label: `demand that ${attacker} leave ${call.from} in peace, or enter the war`,
    acts: demandActs(demandId(call.to, attacker, call.from), attacker, [
      {
        kind: 'undertaking',
        giver: attacker,
        receiver: call.to,
        act: `end its war on ${call.from} and withdraw its forces`,
        peaceWith: call.from,
      },
    ]),
    terms: [
      ...faithTerms(st, judge, 1),
      {
        name: 'redress without war',
        value: 0.1 + 0.3 * judge.personality.caution,
        note: `${attacker} may give way`,
      },
    ],
    serves: { sides: [call.from], against: [attacker], interests: ['alliance', 'peace'] },
  };
}

/** What keeping our word is worth: the pledge, our name, the partner. */
function faithTerms(st: CallStakes, judge: Person, share: number): Term[] {
  const p = judge.personality;
  const { call } = st;
  // A pledge of words is a lesser pledge than one of aid, and that than one of forces.
  const weight =
    call.support === 'active' && call.obligation !== 'consultation' ? 1 : call.support === 'aid' ? 0.75 : 0.5;
  const pledge = (call.conditionsMet ? 1 : 0.4) * weight;
  return [
    {
      name: 'obligation',
      value: share * pledge * (0.2 + 0.8 * p.honour),
      note: `our pledge of ${call.obligation} to ${call.from} (${st.treaty})`,
    },
    {
      name: 'reputation',
      value: share * pledge * (st.public ? 0.3 : 0.1),
      note: st.public ? 'the world knows the treaty' : 'our partners know the treaty',
    },
    { name: "partner's worth", value: share * 0.6 * (st.trust - 0.5), note: `trust in ${call.from}` },
  ];
}

/** Why fight beside the partner: a common enemy, the balance of power; against it, entrapment. */
function warTerms(st: CallStakes, judge: Person): Term[] {
  const p = judge.personality;
  const terms: Term[] = [
    {
      name: 'common enemy',
      value: 0.8 * st.threatShare + 0.2 * Math.min(2, st.grievance),
      note: `${st.enemies.join(' and ')} threaten us too`,
    },
    {
      name: 'balance of power',
      value: 0.4 * st.overmatched,
      note: `${st.call.from} cannot stand alone`,
    },
    {
      name: 'entrapment',
      value: -(0.2 + 0.8 * p.caution) * st.risk,
      note: `their war, at ${st.odds.toFixed(1)} to 1`,
    },
  ];
  if (st.powerChange > 0.05)
    terms.push({
      name: 'power changed since signing',
      value: -Math.min(0.6, 0.8 * st.powerChange),
      note:
        st.call.powerNow > st.call.powerAtSigning
          ? 'we are stronger than when we signed'
          : 'we are weaker than when we signed',
    });
  return terms;
}

/**
 * Aid or words for a partner at war are not free either: the enemy takes note (Snyder 1984 — even
 * a diplomatic commitment entangles). A fraction of the entrapment of fighting: half for aid, less
 * for words.
 */
function enmityTerm(st: CallStakes, judge: Person): Term {
  const share = st.call.support === 'aid' ? 0.5 : 0.3;
  return {
    name: "the enemy's enmity",
    value: -share * (0.2 + 0.8 * judge.personality.caution) * st.risk,
    note: `${st.enemies.join(' and ')} will remember it`,
  };
}

function honour(st: CallStakes, judge: Person): Option {
  const { call } = st;
  return {
    id: 'honour',
    label: st.fighting ? `honour the call of ${call.from}: enter the war` : `honour the call of ${call.from}`,
    acts: [
      {
        intent: {
          type: 'answer-call',
          call: call.id,
          answer: 'honour',
          invoke: null,
          aid: call.support === 'aid' ? st.aid : null,
        },
      },
    ],
    terms: [
      ...faithTerms(st, judge, 1),
      ...(st.fighting ? warTerms(st, judge) : [enmityTerm(st, judge)]),
      ...(st.demand === 'refused'
        ? [
            {
              name: 'the demand refused',
              value: 0.3 + 0.3 * judge.personality.pride,
              note: `${st.attacker ?? 'the attacker'} refused our demand`,
            },
          ]
        : st.demand === 'granted'
          ? [
              {
                name: 'redress granted',
                value: -0.6,
                note: `${st.attacker ?? 'the attacker'} granted our demand`,
              },
            ]
          : []),
    ],
    serves: {
      sides: [call.from],
      against: st.enemies,
      interests: st.fighting ? ['war', 'alliance'] : ['alliance'],
    },
    veto: st.honourBreach ? `principle:${st.honourBreach.principle.id}` : null,
    vetoNote: st.honourBreach?.principle.text ?? null,
  };
}

/** Honour in part: aid, not forces — half the faith kept, no entrapment. */
function honourInPart(st: CallStakes, judge: Person): Option {
  const { call } = st;
  return {
    id: 'partly',
    label: `send ${call.from} aid, not forces`,
    acts: [{ intent: { type: 'answer-call', call: call.id, answer: 'partly', invoke: null, aid: st.aid } }],
    terms: [...faithTerms(st, judge, 0.5), { name: 'aid given', value: -0.05, note: 'from our stores' }],
    serves: { sides: [call.from], interests: ['alliance', 'peace'] },
  };
}

/** Renege: we stay out — with a condition to invoke, if one fails. */
function renege(st: CallStakes, judge: Person): Option {
  const { call } = st;
  const terms: Term[] = [{ name: 'staying out', value: 0.1 + 0.1 * judge.personality.caution }];
  if (call.failing !== null) terms.push({ name: 'a condition fails', value: 0.3, note: call.failing });
  return {
    id: 'renege',
    label: st.invoke ? `refuse the call of ${call.from} (${st.invoke})` : `refuse the call of ${call.from}`,
    acts: [
      { intent: { type: 'answer-call', call: call.id, answer: 'renege', invoke: st.invoke, aid: null } },
    ],
    terms,
    veto: st.renegeBreach ? `principle:${st.renegeBreach.principle.id}` : null,
    vetoNote: st.renegeBreach?.principle.text ?? null,
    statusQuo: true,
    serves: { interests: ['peace', 'independence'] },
  };
}

// ── Calling allies to arms ──────────────────────────────────────────────────────────────────────

/**
 * Every two days of a war we fight, the leader asks whether to call to arms an ally that a treaty
 * binds to us (a defence or offence pledge it gave us) and that stays out: when the war goes badly,
 * or when the ally's strength would weigh in it (`ALLY_WORTH_CALLING`). Where the treaty's
 * conditions hold the engine has called the ally already; a call beyond them is a request the ally
 * may refuse without breaking its word (engine/rules/wars.ts). Snyder (1984): allies are called for
 * the weight they add; the cost of asking is to widen the war.
 */
export function callToArmsQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  if (leader.status !== 'active') return [];
  for (const war of view.wars()) {
    const side = sideOf(war, view.id);
    if (side === null || !s.due(`call-to-arms:${war.id}`, days(2))) continue;
    const friends = war.sides[side].filter((f) => f !== view.id && war.left[f] === undefined);
    const enemies = opposite(war, side).filter((f) => war.left[f] === undefined);
    // Called already in this war, or refused us in any: a refusal is an answer, and asking again
    // only costs face.
    const called = new Set(
      view
        .calls()
        .filter((c) => c.from === view.id && (c.war === war.id || c.status === 'reneged'))
        .map((c) => c.to),
    );
    // A pledge given after the war began was given knowing of it: the partner's signing was its
    // answer to this war, and the casus foederis lies in the wars that come after.
    const ally = boundAllies(view, enemies)
      .filter(({ agreement }) => (agreement.signed ?? -Infinity) <= war.startedAt)
      .filter(
        ({ ally }) =>
          sideOf(war, ally) === null &&
          war.left[ally] === undefined &&
          war.neutral[ally] === undefined &&
          !called.has(ally),
      )
      .filter(({ ally }) => !enemies.includes(ally))[0];
    if (!ally) continue;
    const { odds, risk } = oddsOf(view, friends, enemies);
    const weight = view.strength(ally.ally) / Math.max(0.01, strengthOfSide(view, [view.id, ...friends]));
    if (risk <= 0.5 && weight < ALLY_WORTH_CALLING) continue;
    return [callToArmsQuestion(s, leader, war, ally, { odds, risk, weight, enemies })];
  }
  return [];
}

/**
 * Allies pledged to us by a defence or offence provision of a treaty in force that could hold
 * against one of these enemies (against anyone, or naming one of them), one entry each.
 */
function boundAllies(
  view: FactionView,
  enemies: readonly FactionId[],
): { ally: FactionId; agreement: Agreement }[] {
  const out = new Map<FactionId, Agreement>();
  for (const a of view.agreements())
    for (const p of a.provisions) {
      if (p.kind !== 'defence' && p.kind !== 'offence') continue;
      if (!(p.to ?? a.parties).includes(view.id)) continue;
      if (Array.isArray(p.against) && !p.against.some((x) => enemies.includes(x))) continue;
      for (const ally of p.by ?? a.parties) if (ally !== view.id && !out.has(ally)) out.set(ally, a);
    }
  return [...out].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([ally, agreement]) => ({ ally, agreement }));
}

function callToArmsQuestion(
  s: Situation,
  leader: Person,
  war: War,
  { ally, agreement }: { ally: FactionId; agreement: Agreement },
  st: { odds: number; risk: number; weight: number; enemies: readonly FactionId[] },
): Question {
  const { view } = s;
  const treaty = agreement.name ?? agreement.id;
  return {
    id: `call-to-arms:${war.id}`,
    topic: `calling ${ally} to arms in ${war.name}`,
    decider: leader,
    counselled: true,
    doctrine: view.self.doctrine,
    options: (judge) => {
      const p = judge.personality;
      const call: Option = {
        id: 'call-to-arms',
        label: `call ${ally} to arms under ${treaty}`,
        acts: [{ intent: { type: 'call-to-arms', agreement: agreement.id, ally, war: war.id } }],
        terms: [
          {
            name: 'the war goes badly',
            value: Math.max(0, st.risk - 0.4),
            note: `${st.odds.toFixed(1)} to 1 against ${st.enemies.join(' and ')}`,
          },
          {
            name: "the ally's strength",
            value: Math.min(0.6, 0.8 * st.weight),
            note: `${ally} would add ${Math.round(100 * st.weight)} % to our side`,
          },
          {
            name: 'widening the war',
            value: -0.1 * p.caution,
            note: `${st.enemies.join(' and ')} will count ${ally} an enemy`,
          },
        ],
      };
      const alone: Option = {
        id: 'fight-without',
        label: `fight without ${ally}`,
        acts: [],
        terms: [{ name: 'no call made', value: 0.05 }],
        statusQuo: true,
      };
      return [call, alone];
    },
  };
}

// ── A friend's war ──────────────────────────────────────────────────────────────────────────────

/**
 * A war in which an ally or a trusted faction fights and we do not, with no call to us pending:
 * join its side, declare neutrality (once; we are not asked again), or wait (asked again in three
 * days).
 */
export function friendsWarQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  if (leader.status !== 'active') return [];
  const calledTo = new Set(view.openCalls().map((c) => c.war));
  for (const war of view.wars()) {
    if (war.sides.some((side) => side.includes(view.id)) || calledTo.has(war.id)) continue;
    if (s.lastAsked(`neutral:${war.id}`) !== undefined || !s.due(`war:${war.id}`, days(3))) continue;
    const friend = friendIn(view, war);
    if (friend) return [friendsWarQuestion(s, leader, war, friend)];
  }
  return [];
}

/**
 * The faction in a war we would fight beside: one we are allied with, or have pledged to defend or
 * join, or trust well; the most trusted first. A treaty whose pledges run only to us (a guarantee
 * we receive) does not make us its guarantors' ally in their wars.
 */
function friendIn(view: FactionView, war: War): FactionId | undefined {
  const allies = view.allies().filter((f) => view.relation(f)?.status === 'allied' || pledgedTo(view, f));
  const fighting = war.sides.flat().filter((f) => war.left[f] === undefined);
  return fighting
    .filter((f) => allies.includes(f) || view.trust(f) >= 0.7)
    .sort((a, b) => view.trust(b) - view.trust(a) || (a < b ? -1 : 1))[0];
}

function friendsWarQuestion(s: Situation, leader: Person, war: War, friend: FactionId): Question {
  const { view } = s;
  const mine = war.sides[0].includes(friend) ? 0 : 1;
  const friends = war.sides[mine].filter((f) => war.left[f] === undefined);
  const enemies = opposite(war, mine).filter((f) => war.left[f] === undefined);
  // The odds as they would be once we join: the enemies' allies pledged against us come in too.
  const drawnIn = alliesDrawnIn(view, war, enemies);
  const { odds, risk } = oddsOf(view, friends, [...enemies, ...drawnIn]);
  // The friend's side as it stands without us (our own strength left out).
  const without =
    strengthOfSide(view, friends) / Math.max(0.01, strengthOfSide(view, [...enemies, ...drawnIn]));
  const share = s.threat.vulnerability * threatShare(s.threat, enemies);
  const grievance = worstGrievance(view, enemies);
  const pledged = enemies.flatMap((e) => pledgesOfPeace(view, e));
  const breach = warBreach(view, enemies, false);
  // Bound to the friend by a treaty that does not cover this war (a defensive pledge to the side
  // that struck first, or one against others): fighting would be entrapment in a war the treaty
  // let us stay out of (Snyder 1984).
  const outsideTreaty =
    pledgedTo(view, friend) &&
    !friends.some((f) => enemies.some((e) => pledgeHolding(view, view.id, f, e, mine === 0)));
  // Having refused a call in this war, or the friend's call in another, a leader declares its
  // neutrality rather than leave it in doubt: it has said it will not fight beside them.
  const refused = view
    .calls()
    .some((c) => c.to === view.id && c.status === 'reneged' && (c.war === war.id || c.from === friend));
  // Having declared neutrality in another war the friend fights, a leader keeps to it.
  const neutralElsewhere = view
    .wars()
    .some((w) => w.id !== war.id && w.neutral[view.id] !== undefined && sideOf(w, friend) !== null);
  return {
    id: `war:${war.id}`,
    topic: `${war.name}, where ${friend} fights`,
    decider: leader,
    counselled: true,
    doctrine: view.self.doctrine,
    options: (judge) => {
      const p = judge.personality;
      const join: Option = {
        id: 'join',
        label: `join ${war.name} beside ${friend}`,
        acts: [{ intent: { type: 'join-war', war: war.id, side: friend } }],
        terms: [
          { name: 'friendship', value: 0.5 * view.trust(friend) - 0.2, note: `trust in ${friend}` },
          { name: 'common enemy', value: 0.8 * share + 0.2 * Math.min(2, grievance) },
          { name: 'aggression', value: 0.4 * (p.aggression - 0.5) },
          { name: 'entrapment', value: -(0.3 + 0.8 * p.caution) * risk, note: `at ${odds.toFixed(1)} to 1` },
          ...pledged.map((a) => ({
            name: 'pledge of peace',
            value: -(0.3 + 0.9 * p.honour),
            note: `our pledge in ${a.name ?? a.id}`,
          })),
          ...(outsideTreaty
            ? [
                {
                  name: 'no casus foederis',
                  value: -(0.2 + 0.5 * p.caution),
                  note: `our treaty with ${friend} does not cover this war${mine === 0 ? `, which its side began` : ''}`,
                },
              ]
            : []),
        ],
        veto: breach ? `principle:${breach.principle.id}` : null,
        vetoNote: breach?.principle.text ?? null,
        serves: { sides: [friend], against: enemies, interests: ['war', 'alliance'] },
      };
      const neutral: Option = {
        id: 'neutrality',
        label: `declare neutrality in ${war.name}`,
        acts: [{ intent: { type: 'declare-neutrality', war: war.id } }],
        terms: [
          { name: 'staying out', value: 0.05 + 0.2 * p.caution - 0.1 * view.trust(friend) },
          ...(refused
            ? [
                {
                  name: 'the call refused',
                  value: 0.3,
                  note: 'we have said we will not fight; we say so to all',
                },
              ]
            : neutralElsewhere
              ? [{ name: 'our neutrality', value: 0.3, note: `we stay out of ${friend}'s other wars` }]
              : pledgedTo(view, friend)
                ? [
                    {
                      // An ally's war is answered when the ally calls: neutrality declared unasked
                      // repudiates the alliance in public before the partner has invoked it.
                      name: 'unasked',
                      value: -(0.1 + 0.2 * p.honour),
                      note: `${friend} has not called on us under our treaty`,
                    },
                  ]
                : []),
        ],
        remember: `neutral:${war.id}`,
        serves: { interests: ['peace', 'independence'] },
      };
      const wait: Option = {
        id: 'wait',
        label: 'wait and see',
        acts: [],
        terms: [
          { name: 'no commitment', value: 0.1 },
          // Buck-passing (Christensen & Snyder 1990): bound by no pledge of arms, a leader lets a
          // friend that can hold its own bear the war, the more readily the more cautious.
          ...(pledgedTo(view, friend)
            ? []
            : [
                {
                  name: 'buck-passing',
                  value: (0.1 + 0.3 * p.caution) * Math.min(1, without),
                  note: `no pledge of arms binds us to ${friend}; its side stands at ${without.toFixed(1)} to 1 without us`,
                },
              ]),
        ],
        statusQuo: true,
      };
      return [join, neutral, wait];
    },
  };
}

// ── War by decision ─────────────────────────────────────────────────────────────────────────────

/** Below this grievance or threat share, no faction is a candidate for a war of our choosing. */
const CAUSE = 0.5;

/**
 * Once a week the leader asks whether to go to war with the faction it has most cause against — a
 * grievance or a threat — among those it is not at war with.
 */
export function warByDecisionQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  if (leader.status !== 'active') return [];
  // A demand of ours just refused is answered at once: the war was its stated alternative.
  const refusedNow = s.observed.some(
    (e) => e.type === 'negotiation-ended' && e.outcome !== 'agreed' && isUltimatum(view, e.negotiation),
  );
  if (!refusedNow && !s.due('war-by-decision', days(7))) return [];
  const target = view
    .factionIds()
    .filter(
      (f) =>
        f !== view.id &&
        view.relation(f)?.status !== 'war' &&
        !atWarIn(view, f) &&
        !peaceMadeWith(view, f, s.t - PEACE_HOLDS) &&
        ultimatumTo(view, f)?.status !== 'open',
    )
    .map((f) => ({
      f,
      cause: Math.max(view.grievance(f), s.threat.vulnerability * threatShare(s.threat, [f])),
    }))
    .filter((c) => c.cause >= CAUSE)
    .sort((a, b) => b.cause - a.cause || (a.f < b.f ? -1 : 1))[0];
  if (!target) return [];
  return [warByDecisionQuestion(s, leader, target.f)];
}

/** The id of the talks in which `by` puts its demand to `to`. */
const ultimatumId = (by: FactionId, to: FactionId) => `${by}-${to}-ultimatum`;

/** Our demand put to `to`, if we made one. */
function ultimatumTo(view: FactionView, to: FactionId): Negotiation | undefined {
  return talksById(view, ultimatumId(view.id, to));
}

/** Talks of ours by their id, whatever became of them. */
function talksById(view: FactionView, talks: string): Negotiation | undefined {
  return (['open', 'agreed', 'broken-off', 'timed-out'] as const)
    .flatMap((status) => view.negotiations(status))
    .find((n) => n.id === talks);
}

/** The acts of a demand: talks opened with `to` (by message), and the demand put in them. */
function demandActs(talks: string, to: FactionId, provisions: Provision[]): Option['acts'] {
  const negotiation = id.negotiation(talks);
  return [
    { intent: { type: 'meet', negotiation, with: [to], aboard: null, at: null } },
    { intent: { type: 'propose', negotiation, kind: 'demand', provisions, exclude: [] } },
  ];
}

const isUltimatum = (view: FactionView, n: string) => n.startsWith(`${view.id}-`) && n.endsWith('-ultimatum');

/** Are we fighting `f` in a war we know of? */
function atWarIn(view: FactionView, f: FactionId): boolean {
  return view.wars().some((w) => {
    const a = w.sides[0].includes(view.id) ? 0 : w.sides[1].includes(view.id) ? 1 : null;
    return a !== null && opposite(w, a).includes(f) && w.left[view.id] === undefined;
  });
}

/** What a war of our choosing puts at stake, the same whoever judges it. */
interface WarStakes {
  readonly enemy: FactionId;
  /** Our demand of redress to the enemy, if we made one: granted or refused (or still unanswered). */
  readonly demand: 'granted' | 'refused' | null;
  readonly odds: number;
  readonly risk: number;
  readonly threat: number;
  readonly grievance: number;
  readonly casusBelli: string;
  readonly pledged: readonly Agreement[];
  readonly breach: ActBreach | null;
}

function warByDecisionQuestion(s: Situation, leader: Person, enemy: FactionId): Question {
  const { view } = s;
  // The enemy's allies would fight beside it; ours only where their pledges cover a war we start.
  // A war of our choosing is a war apart from those we fight: they go on beside it.
  const sides = sidesOfAWarOfChoice(view, enemy, [], true);
  const threat = s.threat.vulnerability * threatShare(s.threat, [enemy]);
  const grievance = view.grievance(enemy);
  const demand = ultimatumTo(view, enemy);
  // A threat of war is credible at odds the leader would fight at, counting the same sides.
  const credible = sides.odds >= acceptableOdds(leader.personality);
  const st: WarStakes = {
    enemy,
    demand: demand === undefined ? null : demand.status === 'agreed' ? 'granted' : 'refused',
    odds: sides.odds,
    risk: sides.risk,
    threat,
    grievance,
    casusBelli:
      demand?.status === 'broken-off' || demand?.status === 'timed-out'
        ? `${enemy}'s refusal of our demand: ${worstWrong(view, enemy)}`
        : grievance >= threat
          ? worstWrong(view, enemy)
          : `the threat ${enemy} poses`,
    pledged: pledgesOfPeace(view, enemy),
    breach: warBreach(view, [enemy], true),
  };
  return {
    id: 'war-by-decision',
    topic: `going to war with ${enemy}`,
    decider: leader,
    counselled: true,
    doctrine: view.self.doctrine,
    options: (judge) => [
      declareWar(st, judge),
      // A demand first, with the war as its alternative: only for a wrong to redress, once, and
      // only with a credible threat — odds the leader would fight at (George 1991) — and not while
      // other talks with the wrongdoer are open.
      ...(demand === undefined && grievance >= threat && credible && !view.inTalksWith(enemy)
        ? [ultimatum(view, st, judge)]
        : []),
      {
        id: 'keep-peace',
        label: `keep the peace with ${enemy}`,
        acts: [],
        terms: [{ name: 'peace kept', value: 0.3 }],
        statusQuo: true,
        serves: { interests: ['peace'] },
      },
    ],
  };
}

/** Declare war: grievances, threat, the opportunity the odds give, aggression; risk and pledges against. */
function declareWar(st: WarStakes, judge: Person): Option {
  const p = judge.personality;
  const accepted = acceptableOdds(p);
  return {
    id: 'declare-war',
    label: `declare war on ${st.enemy}`,
    acts: [{ intent: { type: 'declare-war', against: [st.enemy], casusBelli: st.casusBelli } }],
    serves: { against: [st.enemy], interests: ['war'] },
    terms: [
      { name: 'grievances', value: 0.3 * Math.min(3, st.grievance), note: `what ${st.enemy} did to us` },
      { name: 'threat', value: 0.5 * st.threat, note: 'strike before they do' },
      {
        name: 'opportunity',
        // Log-odds: twice the odds the leader wants is as good as half of them is bad.
        value: Math.max(-1.5, Math.min(0.5, 0.5 * Math.log(Math.max(0.01, st.odds) / accepted))),
        note: `${st.odds.toFixed(1)} to 1; we would fight at ${accepted.toFixed(1)} to 1`,
      },
      { name: 'aggression', value: p.aggression - 0.5 },
      { name: 'risk', value: -p.caution * st.risk, note: 'forces and lives at stake' },
      ...st.pledged.map((a) => ({
        name: 'pledge of peace',
        value: -(0.3 + 0.9 * p.honour),
        note: `our pledge in ${a.name ?? a.id}`,
      })),
      ...(st.demand === 'refused'
        ? [{ name: 'the demand refused', value: 0.3 + 0.3 * p.pride, note: `${st.enemy} refused our demand` }]
        : st.demand === 'granted'
          ? [{ name: 'redress granted', value: -0.6, note: `${st.enemy} granted what we demanded` }]
          : []),
    ],
    veto: st.breach ? `principle:${st.breach.principle.id}` : null,
    vetoNote: st.breach?.principle.text ?? null,
  };
}

/**
 * An ultimatum: redress demanded, with the war as its alternative — coercive diplomacy (Schelling
 * 1966; George 1991) gets what a war would, without its cost, when the other side gives way. The
 * demand asks the wrongdoer to punish those responsible, and to let us take part in the inquiry —
 * the term a sovereign is least willing to grant. Weighed by the wrong and by caution.
 */
function ultimatum(view: FactionView, st: WarStakes, judge: Person): Option {
  const p = judge.personality;
  const wrong = worstWrong(view, st.enemy);
  return {
    id: 'ultimatum',
    label: `demand redress of ${st.enemy}, or war`,
    acts: demandActs(ultimatumId(view.id, st.enemy), st.enemy, [
      {
        kind: 'undertaking',
        giver: st.enemy,
        receiver: view.id,
        act: `punish those responsible for ${wrong}`,
      },
      {
        kind: 'undertaking',
        giver: st.enemy,
        receiver: view.id,
        act: `let our officials take part in the inquiry into ${wrong}`,
        sovereignty: true,
      },
    ]),
    terms: [
      { name: 'grievances', value: 0.3 * Math.min(3, st.grievance), note: `what ${st.enemy} did to us` },
      { name: 'redress without war', value: 0.1 + 0.3 * p.caution, note: 'they may give way' },
    ],
  };
}

/** The heaviest wrong we hold against a faction, as its casus belli. */
function worstWrong(view: FactionView, enemy: FactionId): string {
  const wrongs = [...(view.relation(enemy)?.grievances ?? [])].sort((a, b) => b.weight - a.weight);
  return wrongs[0]?.cause ?? `what ${enemy} did to us`;
}

// ── Campaigns ───────────────────────────────────────────────────────────────────────────────────

/**
 * Every two days of a war we fight, the leader asks where our forces should be: a war is fought
 * where the enemy is. When no armed ship of ours faces an enemy, it may send them to a friend on
 * our side that does (relief), or march on the enemy itself at odds its temper accepts; or keep them
 * home, against the other threats it faces.
 */
export function campaignQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  if (leader.status !== 'active') return [];
  const armed = view
    .ownShips()
    .filter(
      (sh) =>
        !sh.course &&
        !sh.destroyed &&
        roleIntegrity(sh, view.physics, 'armament', 1) >= s.settings.operationalIntegrity,
    );
  if (armed.length === 0) return [];
  const ourPlaces = [...new Set(armed.map((sh) => view.place(sh)))];
  for (const war of view.wars()) {
    const side = war.sides[0].includes(view.id) ? 0 : war.sides[1].includes(view.id) ? 1 : null;
    if (side === null || war.left[view.id] !== undefined || !s.due(`campaign:${war.id}`, days(2))) continue;
    const friends = war.sides[side].filter((f) => f !== view.id && war.left[f] === undefined);
    const enemies = opposite(war, side).filter((f) => war.left[f] === undefined);
    const enemyPlaces = new Set(enemies.flatMap((e) => view.places(e)));
    if (ourPlaces.some((p) => enemyPlaces.has(p))) continue;
    const front = frontOf(view, friends, enemies, enemyPlaces, ourPlaces);
    if (!front) continue;
    // A march on the enemy at hopeless odds (under half those the leader accepts) is not weighed.
    const { odds } = oddsOf(view, [], [front.enemy]);
    if (front.friend === null && odds < acceptableOdds(leader.personality) / 2) continue;
    return [campaignQuestion(s, leader, war, armed, front, enemies)];
  }
  return [];
}

interface Front {
  readonly place: LocationId;
  /** The friend we would relieve there, or null when we march on the enemy alone. */
  readonly friend: FactionId | null;
  readonly enemy: FactionId;
}

/** Where to fight: beside the first friend that faces an enemy, else at the nearest enemy's first place. */
function frontOf(
  view: FactionView,
  friends: readonly FactionId[],
  enemies: readonly FactionId[],
  enemyPlaces: ReadonlySet<LocationId>,
  from: readonly LocationId[],
): Front | null {
  // Only places our forces can reach.
  const reachable = (p: LocationId) => from.some((f) => Number.isFinite(view.distance(f, p)));
  for (const friend of friends) {
    const place = view.places(friend).find((p) => enemyPlaces.has(p) && reachable(p));
    const enemy = place && enemies.find((e) => view.places(e).includes(place));
    if (place && enemy) return { place, friend, enemy };
  }
  const nearest = [...enemies]
    .filter((e) => view.places(e).some(reachable))
    .sort((a, b) => view.distanceTo(a) - view.distanceTo(b) || (a < b ? -1 : 1))[0];
  const place = nearest && view.places(nearest).find(reachable);
  return nearest && place ? { place, friend: null, enemy: nearest } : null;
}

function campaignQuestion(
  s: Situation,
  leader: Person,
  war: War,
  armed: readonly Ship[],
  front: Front,
  enemies: readonly FactionId[],
): Question {
  const { view } = s;
  const to = front.place;
  const { odds } = oddsOf(view, front.friend ? [front.friend] : [], [front.enemy]);
  const called =
    war.joined[view.id] !== undefined && view.calls().some((c) => c.war === war.id && c.to === view.id);
  const grievance = worstGrievance(view, enemies);
  return {
    id: `campaign:${war.id}`,
    topic: `where to fight ${war.name}`,
    decider: leader,
    counselled: true,
    doctrine: view.self.doctrine,
    options: (judge) => {
      const p = judge.personality;
      const accepted = acceptableOdds(p);
      const march: Option = {
        id: 'march',
        label: front.friend
          ? `send our forces to ${front.friend} at ${to}`
          : `march on ${front.enemy} at ${to}`,
        acts: armed.map((sh) => ({ intent: { type: 'move' as const, ship: sh.id, to } })),
        terms: [
          {
            name: 'odds',
            value: Math.max(-1.5, Math.min(0.5, 0.5 * Math.log(Math.max(0.01, odds) / accepted))),
            note: `${odds.toFixed(1)} to 1 there`,
          },
          ...(front.friend
            ? [
                {
                  name: 'relief',
                  value: 0.3 + (called ? 0.3 * p.honour : 0),
                  note: `${front.friend} fight there`,
                },
              ]
            : []),
          { name: 'aggression', value: 0.4 * (p.aggression - 0.5) + 0.1 * Math.min(2, grievance) },
          { name: 'home undefended', value: -0.6 * p.caution * s.threat.vulnerability },
        ],
      };
      const hold: Option = {
        id: 'hold-ground',
        label: 'keep our forces home',
        acts: [],
        terms: [{ name: 'forces kept', value: 0.1 }],
        statusQuo: true,
      };
      return [march, hold];
    },
  };
}

// ── Peace ───────────────────────────────────────────────────────────────────────────────────────

/**
 * Every five days of a war we fight, once it is a week old, the leader asks whether to make a
 * separate peace: only when the war goes against us (the enemies hold the greater force).
 */
export function peaceQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  if (leader.status !== 'active') return [];
  for (const war of view.wars()) {
    const side = war.sides[0].includes(view.id) ? 0 : war.sides[1].includes(view.id) ? 1 : null;
    const joined = war.joined[view.id];
    if (side === null || war.left[view.id] !== undefined || joined === undefined) continue;
    const friends = war.sides[side].filter((f) => f !== view.id && war.left[f] === undefined);
    const enemies = opposite(war, side).filter((f) => war.left[f] === undefined);
    // Our word given to end this war (a demand we granted) is kept at once.
    const promised = promisedPeace(view, enemies);
    if (promised === null && (s.t - joined < days(7) || !s.due(`peace:${war.id}`, days(5)))) continue;
    if (promised !== null && !s.due(`peace:${war.id}`, hours(6))) continue;
    const { odds, risk } = oddsOf(view, friends, enemies);
    if (risk <= 0.5 && promised === null) continue;
    return [peaceQuestion(s, leader, war, { friends, enemies, odds, risk, promised })];
  }
  return [];
}

/** An agreement in force by which we undertook to end our war on one of these enemies. */
function promisedPeace(view: FactionView, enemies: readonly FactionId[]): Agreement | null {
  return (
    view
      .agreements()
      .find((a) =>
        a.provisions.some(
          (p) =>
            p.kind === 'undertaking' &&
            p.giver === view.id &&
            p.peaceWith !== undefined &&
            enemies.includes(p.peaceWith),
        ),
      ) ?? null
  );
}

function peaceQuestion(
  s: Situation,
  leader: Person,
  war: War,
  st: {
    friends: readonly FactionId[];
    enemies: readonly FactionId[];
    odds: number;
    risk: number;
    promised: Agreement | null;
  },
): Question {
  const { view } = s;
  const weeks = (s.t - (war.joined[view.id] ?? s.t)) / days(7);
  const grievance = worstGrievance(view, st.enemies);
  return {
    id: `peace:${war.id}`,
    topic: `making peace in ${war.name}`,
    decider: leader,
    counselled: true,
    doctrine: view.self.doctrine,
    options: (judge) => {
      const p = judge.personality;
      const peace: Option = {
        id: 'make-peace',
        label: `make a separate peace in ${war.name}`,
        acts: [{ intent: { type: 'make-peace', war: war.id } }],
        terms: [
          {
            name: 'the war goes badly',
            value: (0.4 + 0.6 * p.caution) * (st.risk - 0.5) * 2,
            note: `${st.odds.toFixed(1)} to 1`,
          },
          { name: 'war weariness', value: Math.min(0.4, 0.05 * weeks) * (1 - p.patience) },
          { name: 'losses', value: Math.min(0.4, 0.2 * view.losses()) },
          ...(st.promised
            ? [
                {
                  name: 'our word',
                  value: 0.3 + 0.6 * p.honour,
                  note: `we undertook to end this war (${st.promised.name ?? st.promised.id})`,
                },
              ]
            : []),
        ],
        serves: { against: st.friends, interests: ['peace'] },
      };
      const fightOn: Option = {
        id: 'fight-on',
        label: 'fight on',
        acts: [],
        terms: [
          { name: 'pride', value: 0.3 * p.pride },
          { name: 'grievances', value: 0.2 * Math.min(2, grievance) },
          ...(st.friends.length > 0
            ? [{ name: 'our allies', value: 0.3 * p.honour, note: `${st.friends.join(' and ')} fight on` }]
            : []),
        ],
        statusQuo: true,
        serves: { sides: st.friends, interests: ['war'] },
      };
      return [peace, fightOn];
    },
  };
}
