/**
 * Mobilisation and the wars it brings on: the moves a crisis among armed alliances is made of.
 *
 * - **Mobilise** (the world's precaution of role `alert`): when a war breaks out in which a partner
 *   or a protégé fights, or a rival mobilises. A mobilised rival is more of a threat
 *   (../models/threat.ts), so each mobilisation makes the next more likely — the spiral of the
 *   security dilemma (Jervis 1978), which in 1914 ran from Russia's mobilisation to Germany's
 *   (Van Evera 1984, "The Cult of the Offensive"; Clark 2012, ch. 11).
 * - **Strike a mobilised enemy of a partner** (pre-emption): a faction pledged to defend or join a
 *   partner declares war on a rival of that partner that has mobilised, or on a mobilised ally of an
 *   enemy it already fights, before the rival's mobilisation is complete — the "window of
 *   vulnerability" a mobilisation opens for the side that waits (Van Evera 1984; Levy 2011 on
 *   preventive and pre-emptive war).
 */
import { type FactionId, id } from '../../model/ids.js';
import { days } from '../../model/time.js';
import type { Agreement, Person, War } from '../../model/world.js';
import { precautionWithRole } from '../../model/physics.js';
import { opposite, sideOf } from '../../events/obligations.js';
import type { Option, Question } from '../deliberation.js';
import {
  acceptableOdds,
  PEACE_HOLDS,
  peaceMadeWith,
  pledgedTo,
  pledgesOfPeace,
  sidesOfAWarOfChoice,
  threatShare,
} from '../models/war.js';
import type { Term } from '../models/valuation.js';
import type { Situation } from '../situation.js';
import type { FactionView } from '../view.js';

// ── Mobilisation ────────────────────────────────────────────────────────────────────────────────

/** Why a leader might mobilise now: a friend at war, a rival mobilised. */
interface AlarmCauses {
  /** A partner or protégé fighting a war, the most trusted first, and whether it was attacked. */
  readonly friend: { readonly faction: FactionId; readonly attacked: boolean; readonly war: War } | null;
  /** A mobilised rival (hostile to us), the most hostile first. */
  readonly rival: FactionId | null;
}

/**
 * Once a day, while the faction is not mobilised, its leader asks whether to mobilise — only when a
 * war involving a partner or protégé is under way within reach, or a rival has mobilised.
 */
export function mobilisationQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  const alert = precautionWithRole(view.physics, 'alert');
  if (alert === null || leader.status !== 'active' || view.mobilisedAt(view.id) !== null) return [];
  if (!s.due('mobilise', days(1))) return [];
  const causes = alarmCauses(s);
  if (!causes.friend && !causes.rival) return [];
  const { friend, rival } = causes;
  return [
    {
      id: 'mobilise',
      topic: 'mobilisation',
      decider: leader,
      counselled: true,
      doctrine: view.self.doctrine,
      options: (judge) => {
        const p = judge.personality;
        const terms: Term[] = [];
        if (friend)
          terms.push({
            name: friend.attacked ? 'a friend attacked' : 'a friend at war',
            value: (friend.attacked ? 0.6 : 0.3) * view.trust(friend.faction),
            note: `${friend.faction} fights in ${friend.war.name}`,
          });
        if (rival)
          terms.push({
            name: 'a rival mobilised',
            value: 0.6 * view.hostilityOf(rival),
            note: `${rival} has mobilised`,
          });
        terms.push(
          { name: 'danger', value: 0.4 * s.threat.vulnerability, note: 'the threats we face' },
          {
            name: 'escalation',
            // Mobilisation is read as a step to war (Jervis 1978): the peaceable fear to provoke.
            value: -(0.1 + 0.4 * (1 - p.aggression)),
            note: 'others will read it as a step to war',
          },
        );
        const mobilise: Option = {
          id: 'mobilise',
          label: `order ${view.physics.precautions.find((x) => x.id === alert)?.name ?? alert}`,
          acts: [{ intent: { type: 'take-precaution', kind: alert, ship: null, persons: [] } }],
          terms,
        };
        const wait: Option = {
          id: 'wait',
          label: 'do not mobilise yet',
          acts: [],
          terms: [{ name: 'no provocation', value: 0.1 }],
          statusQuo: true,
        };
        return [mobilise, wait];
      },
    },
  ];
}

/** Our partners and protégés: allies by treaty, factions we are allied with, and those we trust well. */
function friendsOf(view: FactionView): FactionId[] {
  const allies = view.allies();
  return view
    .factionIds()
    .filter(
      (f) =>
        f !== view.id &&
        (allies.includes(f) || view.relation(f)?.status === 'allied' || view.trust(f) >= 0.7),
    );
}

function alarmCauses(s: Situation): AlarmCauses {
  const { view } = s;
  const friends = friendsOf(view);
  let friend: AlarmCauses['friend'] = null;
  for (const war of view.wars()) {
    if (sideOf(war, view.id) !== null) continue;
    // A war we have declared our neutrality in, or refused a call to, is not ours to arm for.
    if (war.neutral[view.id] !== undefined || refusedIn(view, war)) continue;
    for (const f of friends) {
      const side = sideOf(war, f);
      if (side === null || neutralInWarsOf(view, view.id, f)) continue;
      // Only a war within reach of our forces is ours to prepare for.
      const enemies = opposite(war, side).filter((e) => war.left[e] === undefined);
      if (!enemies.some((e) => Number.isFinite(view.distanceTo(e)))) continue;
      const candidate = { faction: f, attacked: side === 1, war };
      if (
        !friend ||
        (candidate.attacked && !friend.attacked) ||
        (candidate.attacked === friend.attacked && view.trust(f) > view.trust(friend.faction))
      )
        friend = candidate;
    }
  }
  const rival =
    view
      .factionIds()
      .filter((f) => f !== view.id && view.hostilityOf(f) >= 0.5 && view.mobilisedAt(f) !== null)
      .sort((a, b) => view.hostilityOf(b) - view.hostilityOf(a) || (a < b ? -1 : 1))[0] ?? null;
  return { friend, rival };
}

/**
 * Has `faction` declared its neutrality in a war `belligerent` fights? Having said it stays out of
 * one of that faction's wars, it is neither arming for the next nor a threat in it.
 */
function neutralInWarsOf(view: FactionView, faction: FactionId, belligerent: FactionId): boolean {
  return view.wars().some((w) => w.neutral[faction] !== undefined && sideOf(w, belligerent) !== null);
}

/** Have we refused a call to arms in this war? */
function refusedIn(view: FactionView, war: War): boolean {
  return view.calls().some((c) => c.war === war.id && c.to === view.id && c.status === 'reneged');
}

// ── Pre-emption ─────────────────────────────────────────────────────────────────────────────────

/** A faction we might strike first, and why. */
interface Target {
  readonly enemy: FactionId;
  /** The partner whose enemy it is (our pledge to it), or null when it is the ally of our enemy. */
  readonly partner: FactionId | null;
  readonly pledge: Agreement | null;
  /** The enemy we already fight whose ally it is, when `partner` is null. */
  readonly allyOf: FactionId | null;
}

/**
 * Once a day the leader asks whether to declare war on a mobilised faction that threatens a
 * partner we are pledged to defend or join (an offence or defence pledge holding against it), or
 * that is the ally of an enemy we already fight.
 */
export function preemptionQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  if (leader.status !== 'active' || !s.due('pre-emption', days(1))) return [];
  // A strike at hopeless odds (under half those the leader's temper accepts) is not weighed.
  const accepted = acceptableOdds(leader.personality);
  const target = targets(view, s.t).find(
    (t) => oddsAgainst(view, t.enemy, t.partner, t.allyOf).odds >= accepted / 2,
  );
  return target ? [preemptionQuestion(s, leader, target)] : [];
}

/**
 * Our pledges to a partner made against `enemy` in particular, as (agreement, partner): an offence
 * pledge that holds against it (we promised to join the partner's wars on it), or a defence pledge
 * that names it (the treaty was made against it). A defence pledge against anyone binds us only
 * once the partner is attacked — the engine's call, not a reason to strike first.
 */
function pledgesAgainst(
  view: FactionView,
  enemy: FactionId,
): { agreement: Agreement; partner: FactionId; defensive: boolean }[] {
  const out: { agreement: Agreement; partner: FactionId; defensive: boolean }[] = [];
  for (const a of view.agreements()) {
    for (const p of a.provisions) {
      if (p.kind !== 'defence' && p.kind !== 'offence') continue;
      if (!(p.by ?? a.parties).includes(view.id)) continue;
      const named = Array.isArray(p.against) && p.against.includes(enemy);
      if (!named && !(p.kind === 'offence' && p.against === 'any')) continue;
      for (const partner of p.to ?? a.parties)
        if (partner !== view.id && partner !== enemy && a.parties.includes(partner))
          out.push({ agreement: a, partner, defensive: p.kind === 'defence' });
    }
  }
  return out;
}

/** Are `a` and `b` at war, or hostile, as we can see? */
function rivals(view: FactionView, a: FactionId, b: FactionId): boolean {
  const status = view.statusBetween(a, b);
  return status === 'war' || status === 'hostile';
}

/** Did `f` begin a war it still fights? */
function beganAWar(view: FactionView, f: FactionId): boolean {
  return view.wars().some((w) => w.aggressor === f && sideOf(w, f) !== null);
}

/** Does `f` fight in a war under way? */
function inAWar(view: FactionView, f: FactionId): boolean {
  return view.wars().some((w) => sideOf(w, f) !== null);
}

function targets(view: FactionView, t: number): Target[] {
  const out: Target[] = [];
  const atWarWith = (f: FactionId) => view.relation(f)?.status === 'war';
  const allies = view.allies();
  for (const enemy of view.factionIds()) {
    if (enemy === view.id || atWarWith(enemy) || view.mobilisedAt(enemy) === null) continue;
    // A peace made is kept: the war would be the same war again.
    if (peaceMadeWith(view, enemy, t - PEACE_HOLDS)) continue;
    // Never a partner of ours, whatever side it has taken.
    if (allies.includes(enemy) || view.relation(enemy)?.status === 'allied') continue;
    // The partner is at war (with anyone) and at odds with the mobilised faction.
    // A defensive pledge is for a partner defending itself: not one that began a war it fights.
    const pledge = pledgesAgainst(view, enemy).find(
      ({ partner, defensive }) =>
        rivals(view, partner, enemy) && inAWar(view, partner) && !(defensive && beganAWar(view, partner)),
    );
    if (pledge) {
      out.push({ enemy, partner: pledge.partner, pledge: pledge.agreement, allyOf: null });
      continue;
    }
    // An ally of an enemy we fight, unless it declared its neutrality in a war that enemy fights.
    const allyOf = view
      .factionIds()
      .find(
        (f) =>
          f !== view.id &&
          atWarWith(f) &&
          view.statusBetween(enemy, f) === 'allied' &&
          !neutralInWarsOf(view, enemy, f),
      );
    if (allyOf) out.push({ enemy, partner: null, pledge: null, allyOf });
  }
  return out;
}

/**
 * The odds of a war we would start on `enemy` (../models/war.ts): the allies owed to it fight beside
 * it; beside us, those whose pledges cover a war we begin, those already fighting at our side, and
 * the partner we strike for.
 */
function oddsAgainst(view: FactionView, enemy: FactionId, ...partners: (FactionId | null)[]) {
  const comrades = view.wars().flatMap((w) => {
    const side = sideOf(w, view.id);
    return side === null ? [] : w.sides[side].filter((f) => f !== view.id && w.left[f] === undefined);
  });
  const beside = [...comrades, ...partners.filter((f): f is FactionId => f !== null)];
  return sidesOfAWarOfChoice(view, enemy, beside);
}

function preemptionQuestion(s: Situation, leader: Person, target: Target): Question {
  const { view } = s;
  const { enemy } = target;
  const { odds, risk } = oddsAgainst(view, enemy, target.partner, target.allyOf);
  const threat = s.threat.vulnerability * threatShare(s.threat, [enemy]);
  const pledged = pledgesOfPeace(view, enemy);
  const breach = view.actBreach({ kind: 'declare-war', against: enemy, aggressor: true });
  // The enemy's allies we are not at war with, not allied or pledged to, not pledged to keep peace with.
  const partners = view.factionIds().filter(
    (f) =>
      f !== view.id &&
      f !== enemy &&
      view.statusBetween(enemy, f) === 'allied' &&
      view.relation(f)?.status !== 'war' &&
      view.relation(f)?.status !== 'allied' &&
      !pledgedTo(view, f) &&
      // One that declared its neutrality in a war we fight has said it stays out.
      !view.wars().some((w) => w.neutral[f] !== undefined && sideOf(w, view.id) !== null) &&
      pledgesOfPeace(view, f).length === 0,
  );
  const partnerBreach =
    partners
      .map((f) => view.actBreach({ kind: 'declare-war', against: f, aggressor: true }))
      .find((b) => b !== null) ?? null;
  const why = target.partner
    ? `${enemy} has mobilised against ${target.partner}, whom we are pledged to stand by`
    : `${enemy}, the ally of ${target.allyOf}, has mobilised`;
  return {
    id: 'pre-emption',
    topic: `striking ${enemy} before its mobilisation is complete`,
    decider: leader,
    counselled: true,
    doctrine: view.self.doctrine,
    options: (judge) => {
      const p = judge.personality;
      const accepted = acceptableOdds(p);
      const terms: Term[] = [];
      if (target.partner && target.pledge)
        terms.push({
          name: 'our pledge',
          value: 0.2 + 0.4 * p.honour,
          note: `${target.pledge.name ?? target.pledge.id} binds us to ${target.partner}`,
        });
      else
        terms.push({
          name: "our enemy's ally",
          value: 0.3,
          note: `${enemy} will fight beside ${target.allyOf}`,
        });
      terms.push(
        {
          name: 'their mobilisation',
          // Every day lost lets the mobilising side bring more of its force to bear.
          value: 0.2 + 0.4 * p.aggression,
          note: `strike before ${enemy} is ready`,
        },
        { name: 'threat', value: 0.5 * threat },
        {
          name: 'opportunity',
          value: Math.max(-1.5, Math.min(0.5, 0.5 * Math.log(Math.max(0.01, odds) / accepted))),
          note: `${odds.toFixed(1)} to 1; we would fight at ${accepted.toFixed(1)} to 1`,
        },
        { name: 'risk', value: -p.caution * risk, note: 'forces and lives at stake' },
        ...pledged.map((a) => ({
          name: 'pledge of peace',
          value: -(0.3 + 0.9 * p.honour),
          note: `our pledge in ${a.name ?? a.id}`,
        })),
      );
      const strike: Option = {
        id: 'declare-war',
        label: `declare war on ${enemy}`,
        acts: [{ intent: { type: 'declare-war', against: [enemy], casusBelli: why } }],
        terms,
        veto: breach ? `principle:${breach.principle.id}` : null,
        vetoNote: breach?.principle.text ?? null,
      };
      const options: Option[] = [strike];
      // The war plan's wider strike: the enemy's allies that will fight beside it are struck too,
      // before their mobilisation is complete (one declaration each, the enemy's first).
      if (partners.length > 0)
        options.push({
          id: 'declare-war-on-all',
          label: `declare war on ${enemy} and on ${partners.join(' and ')}`,
          acts: [
            ...strike.acts,
            ...partners.map((f) => ({
              intent: {
                type: 'declare-war' as const,
                against: [f],
                casusBelli: `${f}'s alliance with ${enemy}`,
              },
            })),
          ],
          terms: [
            ...terms,
            {
              name: 'no time for their allies',
              value: 0.05 + 0.2 * p.aggression - 0.2 * p.honour,
              note: `${partners.join(' and ')} would fight beside ${enemy} in any case`,
            },
          ],
          veto: (breach ?? partnerBreach) ? `principle:${(breach ?? partnerBreach)?.principle.id}` : null,
          vetoNote: (breach ?? partnerBreach)?.principle.text ?? null,
        });
      const wait: Option = {
        id: 'keep-peace',
        label: `keep the peace with ${enemy}`,
        acts: [],
        terms: [{ name: 'peace kept', value: 0.3 }],
        statusQuo: true,
      };
      return [...options, wait];
    },
  };
}

// ── A war plan through a neutral ────────────────────────────────────────────────────────────────

/**
 * A hidden intent of kind `conquest` aimed at a faction we are at peace with is a war plan that
 * runs through it: once we are at war with another, the leader first demands passage of it (talks
 * opened with a demand, which it may refuse), and once refused, marches — declares war on it.
 * Asked once a day while the plan stands. The plan weighs more with the aggressive; a pledge of
 * peace with the neutral, and honour, weigh against (Bethmann Hollweg's "necessity knows no law"
 * against the "scrap of paper").
 */
export function warPlanQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  if (leader.status !== 'active' || !s.due('war-plan', days(1))) return [];
  const atWar = view.wars().some((w) => sideOf(w, view.id) !== null);
  if (!atWar) return [];
  for (const plan of view.ownIntents()) {
    const neutral = plan.target.faction;
    if (plan.kind !== 'conquest' || plan.status !== 'planned' || !neutral || neutral === view.id) continue;
    const status = view.relation(neutral)?.status;
    if (status === 'war' || status === 'allied') continue;
    const talks = view
      .negotiations('open')
      .concat(view.negotiations('broken-off'))
      .filter((n) => n.parties.includes(neutral) && n.id === passageTalks(view.id, neutral));
    // Our demand awaits its answer; or other talks with the neutral are open (one at a time).
    if (talks.some((n) => n.status === 'open') || (talks.length === 0 && view.inTalksWith(neutral))) continue;
    const refused = talks.some((n) => n.status === 'broken-off');
    return [warPlanQuestion(s, leader, plan.text, neutral, refused)];
  }
  return [];
}

/** The id of the talks in which `by` demands passage of `of`. */
const passageTalks = (by: FactionId, of: FactionId) => `${by}-${of}-passage`;

function warPlanQuestion(
  s: Situation,
  leader: Person,
  plan: string,
  neutral: FactionId,
  refused: boolean,
): Question {
  const { view } = s;
  const pledged = pledgesOfPeace(view, neutral);
  const breach = view.actBreach({ kind: 'declare-war', against: neutral, aggressor: true });
  const negotiation = id.negotiation(passageTalks(view.id, neutral));
  const { odds, risk } = oddsAgainst(view, neutral);
  // Mobilised, the plan's timetable runs: every day lost is lost to the war it was made for (the
  // "war by timetable" of 1914; Van Evera 1984 on the cult of the offensive).
  const mobilised = view.mobilisedAt(view.id) !== null;
  return {
    id: 'war-plan',
    topic: refused ? `marching through ${neutral}` : `demanding passage through ${neutral}`,
    decider: leader,
    counselled: true,
    doctrine: view.self.doctrine,
    options: (judge) => {
      const p = judge.personality;
      const planTerm: Term = { name: 'our war plan', value: 0.2 + 0.4 * p.aggression, note: plan };
      const act: Option = refused
        ? {
            id: 'march',
            label: `declare war on ${neutral} and march through`,
            acts: [
              {
                intent: {
                  type: 'declare-war',
                  against: [neutral],
                  casusBelli: `${neutral}'s refusal of passage; military necessity`,
                },
              },
            ],
            terms: [
              planTerm,
              { name: 'passage refused', value: 0.2, note: `${neutral} refused our demand` },
              {
                name: 'grievances',
                value: 0.3 * Math.min(3, view.grievance(neutral)),
                note: `what ${neutral} did to us`,
              },
              {
                name: 'opportunity',
                value: Math.max(
                  -1.5,
                  Math.min(0.5, 0.5 * Math.log(Math.max(0.01, odds) / acceptableOdds(p))),
                ),
                note: `${odds.toFixed(1)} to 1`,
              },
              { name: 'risk', value: -p.caution * risk, note: 'forces and lives at stake' },
              ...pledged.map((a) => ({
                name: 'pledge of peace',
                value: -(0.1 + 0.5 * p.honour),
                note: `our pledge in ${a.name ?? a.id}`,
              })),
            ],
            veto: breach ? `principle:${breach.principle.id}` : null,
            vetoNote: breach?.principle.text ?? null,
          }
        : {
            id: 'demand-passage',
            label: `demand passage through ${neutral}`,
            acts: [
              { intent: { type: 'meet', negotiation, with: [neutral], aboard: null, at: null } },
              {
                intent: {
                  type: 'propose',
                  negotiation,
                  kind: 'demand',
                  provisions: [{ kind: 'passage', giver: neutral, receiver: view.id }],
                  exclude: [],
                },
              },
            ],
            terms: [
              planTerm,
              { name: "a neutral's rights", value: -0.2 * p.honour, note: `${neutral} is at peace with us` },
            ],
          };
      const hold: Option = {
        id: 'hold',
        label: refused ? `leave ${neutral} in peace` : `ask nothing of ${neutral}`,
        acts: [],
        terms: mobilised
          ? [{ name: 'the timetable runs', value: 0, note: 'we are mobilised; the plan cannot wait' }]
          : [{ name: 'the plan can wait', value: 0.2 }],
        statusQuo: true,
      };
      return [act, hold];
    },
  };
}
