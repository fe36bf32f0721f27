/**
 * Decision makers for the engine:
 *
 * - `createLeaders()` — the autonomous leaders: each tick, for each faction, its leader looks at
 *   what the faction observed, takes stock (its view, the threats it faces), and deliberates the
 *   questions its situation raises, in order of urgency; it also conducts the faction's side of any
 *   open talks. Leaders read only their faction's view (./view.ts), never the script or milestones.
 * - `createNegotiators()` — only the talks: used in scripted mode, where the script forces every
 *   other decision but the talks are negotiated.
 * - `startingAt()` — a maker that begins deciding at a given time (mixed mode).
 *
 * Users can plug in their own `DecisionMaker` (engine/simulation.ts): anything that returns
 * decisions from a `DecisionContext` — see docs/leaders.md.
 */
import { canonicalJson } from '../common/canonical-json.js';
import type { DecisionContext, DecisionMaker } from '../engine/simulation.js';
import type { FactionId } from '../model/ids.js';
import type { Decision } from '../model/intents.js';
import type { WorldEvent } from '../events/index.js';
import { hours, type Minutes } from '../model/time.js';
import { sortedIds } from '../model/world.js';
import { conferencesOf } from '../model/world-index.js';
import { decisionSubstance, deliberate } from './deliberation.js';
import {
  type Heard,
  lastObserved,
  newsAfter,
  type QuestionSource,
  questionSource,
  type Read,
  touches,
} from './reads.js';
import type { Player, QuestionPut } from './players.js';
import { negotiationMoves } from './negotiator/index.js';
import { channelQuestions } from './questions/channels.js';
import { conferenceQuestions } from './questions/conferences.js';
import { rescueQuestions } from './questions/custody.js';
import {
  actingLeader,
  envoyResponseQuestions,
  guestQuestions,
  rendezvousQuestions,
  strangerQuestions,
} from './questions/envoys.js';
import { principleQuestions } from './questions/principles.js';
import {
  attackQuestions,
  dutyQuestions,
  reliefQuestions,
  precautionQuestions,
  repairQuestions,
  retreatQuestions,
  withdrawalQuestions,
} from './questions/readiness.js';
import { securityQuestions } from './questions/security.js';
import { spyHuntQuestions, spyQuestions } from './questions/spies.js';
import {
  encounterQuestions,
  hostingQuestions,
  promisedVisitQuestions,
  proposalQuestions,
  visitQuestions,
} from './questions/talks.js';
import { mobilisationQuestions, preemptionQuestions, warPlanQuestions } from './questions/mobilisation.js';
import {
  callQuestions,
  callToArmsQuestions,
  campaignQuestions,
  friendsWarQuestions,
  peaceQuestions,
  warByDecisionQuestions,
} from './questions/wars.js';
import { type NewsDesk, situationOf } from './situation.js';
import { FactionView } from './view.js';

/** Who stands where with whom: relations, wars, calls and agreements. */
const STANDING: readonly Read[] = ['relations', 'wars', 'calls', 'agreements'];
/** Forces and people: where they are, what befalls them. */
const FORCES: readonly Read[] = ['conflict', 'movement'];

/**
 * The sources of questions, most urgent first, each with what its questions read (./reads.ts): a
 * source is consulted when the faction observes an event it reads, at each review, and — when it
 * reads conferences — hour by hour as a conference draws near; a question is asked again only on
 * news it reads (or, for those that read the clock, once its own cooldown has passed).
 */
export const QUESTION_SOURCES: readonly QuestionSource[] = [
  questionSource(principleQuestions, [...STANDING, 'movement']),
  questionSource(callQuestions, [...STANDING, ...FORCES, 'clock']),
  questionSource(conferenceQuestions, [
    'conferences',
    ...STANDING,
    ...FORCES,
    'intrigue',
    'talks',
    'channels',
    'alliance-sought',
  ]),
  questionSource(rescueQuestions, [...FORCES, ...STANDING]),
  questionSource(envoyResponseQuestions, ['channels', 'relations']),
  questionSource(strangerQuestions, ['movement', 'relations', 'agreements']),
  questionSource(hostingQuestions, ['talks', ...FORCES, 'channels']),
  questionSource(visitQuestions, ['talks', ...FORCES, 'conferences', 'agreements']),
  questionSource(guestQuestions, [...FORCES, 'talks', 'channels']),
  questionSource(dutyQuestions, ['agreements', ...FORCES]),
  questionSource(reliefQuestions, [...STANDING, ...FORCES]),
  questionSource(proposalQuestions, ['channels', 'talks', ...FORCES, 'relations']),
  questionSource(promisedVisitQuestions, ['channels', 'talks', ...FORCES]),
  questionSource(securityQuestions, [...STANDING, ...FORCES, 'intrigue', 'talks', 'alliance-sought']),
  questionSource(friendsWarQuestions, [...STANDING, ...FORCES, 'clock']),
  questionSource(callToArmsQuestions, [...STANDING, ...FORCES, 'clock']),
  questionSource(peaceQuestions, [...STANDING, ...FORCES, 'clock']),
  questionSource(channelQuestions, ['channels', 'talks', ...FORCES, 'relations', 'alliance-sought']),
  questionSource(encounterQuestions, [...FORCES, 'talks', 'relations', 'alliance-sought']),
  questionSource(rendezvousQuestions, [...FORCES, 'channels', 'talks']),
  // A spy with nothing worth reporting reports after a while anyway.
  questionSource(spyQuestions, ['talks', 'agreements', 'channels', 'movement', 'clock']),
  questionSource(spyHuntQuestions, ['intrigue', 'agreements']),
  questionSource(repairQuestions, FORCES),
  questionSource(retreatQuestions, ['conflict']),
  questionSource(precautionQuestions, [...STANDING, ...FORCES, 'intrigue']),
  questionSource(mobilisationQuestions, [...STANDING, ...FORCES, 'intrigue', 'clock']),
  questionSource(withdrawalQuestions, [...FORCES, 'relations', 'talks', 'conferences']),
  questionSource(preemptionQuestions, [...STANDING, ...FORCES, 'intrigue', 'clock']),
  questionSource(warPlanQuestions, [...STANDING, ...FORCES, 'intrigue', 'clock']),
  questionSource(warByDecisionQuestions, [...STANDING, ...FORCES, 'intrigue', 'clock']),
  questionSource(campaignQuestions, [...STANDING, ...FORCES, 'intrigue', 'clock']),
  // An attack is weighed anew when the forces at hand or the standing between the sides change, not
  // on news of others' fights.
  questionSource(attackQuestions, [...STANDING, 'movement', 'systems-repaired', 'conferences']),
];

/**
 * Without news, a leader still reviews the faction's situation this often: the questions whose
 * cooldown has passed since news came, and those that read the clock, are asked then.
 */
export const REVIEW_EVERY: Minutes = hours(6);

export interface LeaderOptions {
  /** Only these factions are led (default: all). */
  readonly factions?: readonly FactionId[];
  /** Players in the seat of these factions' leaders (./players.ts); their factions stay led otherwise. */
  readonly players?: Readonly<Partial<Record<FactionId, Player>>>;
}

export function createLeaders(options: LeaderOptions = {}): DecisionMaker {
  return {
    decide(ctx: DecisionContext): Decision[] {
      const out: Decision[] = [];
      for (const faction of options.factions ?? sortedIds(ctx.world.factions)) {
        out.push(...decideFor(ctx, faction, true, options.players?.[faction]));
      }
      return out;
    },
  };
}

export function createNegotiators(): DecisionMaker {
  return {
    decide(ctx: DecisionContext): Decision[] {
      const out: Decision[] = [];
      for (const faction of sortedIds(ctx.world.factions)) out.push(...decideFor(ctx, faction, false));
      return out;
    },
  };
}

/** A decision maker that stays silent before `from`. */
export function startingAt(maker: DecisionMaker, from: Minutes): DecisionMaker {
  return { decide: (ctx) => (ctx.t > from ? maker.decide(ctx) : []) };
}

function conferenceImminent(ctx: DecisionContext, faction: FactionId): boolean {
  // The conferences it hosts, sponsors or is invited to, by id (an index, not a scan of them all).
  for (const c of conferencesOf(ctx.world, faction)) {
    if (c.status === 'ended' || c.opensAt === null) continue;
    if (c.status === 'convened' || (c.opensAt - ctx.t <= IMMINENT && c.opensAt + IMMINENT >= ctx.t))
      return true;
  }
  return false;
}

/** How long before a conference opens its parties attend to it hour by hour. */
const IMMINENT: Minutes = hours(8);

function decideFor(ctx: DecisionContext, faction: FactionId, lead: boolean, player?: Player): Decision[] {
  const view = new FactionView(ctx.world, faction, ctx.t);
  const talks = view.negotiations('open');
  const observed = lead ? view.observed(ctx.log, ctx.since) : [];
  // The sources a leader consults: at each review all of them; otherwise those the news of this
  // tick touches, and, hour by hour as a conference it takes part in draws near, those reading
  // conferences.
  const sources = lead ? wokenSources(ctx, faction, observed) : [];
  if (sources.length === 0 && talks.length === 0) return [];
  const rng = ctx.rng.split(`${faction}@${ctx.t}`);
  const desk: NewsDesk = { current: () => true };
  const s = situationOf(view, observed, ctx.settings, rng, desk);
  const out: Decision[] = [];
  // A player takes the questions put to the faction's leader, in talks and out of them; the
  // faction's other members decide for themselves.
  const ask = player
    ? (put: QuestionPut) => player.choose({ ...put, faction, t: ctx.t, view, log: ctx.log })
    : undefined;
  for (const n of talks) out.push(...negotiationMoves(view, s, n, ask));
  if (sources.length === 0) return out;
  const heard = lastObserved(ctx.world, ctx.log, faction);
  // A ship is given one order a tick, and a person is moved once: later questions may not move a
  // ship or a person an earlier one moved. A host's ships at its conference's venue stay there.
  const claimed = new Set<string>(hostingShips(view));
  const reconciled = new Set<FactionId>();
  const seat = ask ? actingLeader(view, s.members) : undefined;
  for (const source of sources) {
    desk.current = (since) => newsAfter(source, heard, since);
    for (const q of source.ask(s)) {
      // A faction's council, where it has one, hears every question put to counsel.
      const { decisions } = deliberate(
        q.counselled && view.self.council ? { ...q, council: view.self.council } : q,
        s.members,
        rng.split(q.id),
        q.decider.id === seat?.id ? ask : undefined,
      );
      // To keep things as they are, decided before on the same input, is no new decision.
      if (standsAlready(q.id, decisions, heard)) continue;
      const moves = decisions.flatMap(movedBy);
      // Nor give the same person the same order twice: a later question that would is merged
      // into the earlier one.
      const acts = decisions.flatMap(actOf);
      if (moves.some((m) => claimed.has(m)) || acts.some((a) => claimed.has(a))) continue;
      // Nor attack a faction it has just made peace with.
      if (targetsOf(view, decisions).some((f) => reconciled.has(f))) continue;
      for (const m of [...moves, ...acts]) claimed.add(m);
      for (const f of peaceWith(view, decisions)) reconciled.add(f);
      out.push(...decisions);
    }
  }
  return out;
}

/**
 * Whether the faction has nothing new to decide on the question: it would keep things as they are,
 * and either no other option was open, or the input is what it was when it last decided the question
 * (the same options, vetoes and terms: `decisionSubstance`). Its earlier decision stands: a leader who
 * learns nothing that bears on it does not decide again to wait, nor is counsel given again. An act
 * on the same input is taken: a repair after fresh damage of the same extent, an attack again at the
 * same odds, or a step long weighed and at last taken (a near balance tipped by judgement, as a
 * hesitant ruler at length orders what it put off).
 */
function standsAlready(question: string, decisions: readonly Decision[], heard: Heard): boolean {
  const choice = decisions.find((d) => d.question === question && d.options !== undefined);
  if (!choice?.options || choice.intent.type !== 'hold') return false;
  const open = choice.options.filter((o) => o.vetoedBy === null);
  if (open.length <= 1 && choice.options.length === open.length) return true;
  return heard.decided.get(question)?.substance === decisionSubstance(choice.options);
}

/** The question sources the leader of `faction` consults this tick. */
function wokenSources(
  ctx: DecisionContext,
  faction: FactionId,
  observed: readonly WorldEvent[],
): readonly QuestionSource[] {
  if (ctx.t % REVIEW_EVERY === 0) return QUESTION_SOURCES;
  const imminent = conferenceImminent(ctx, faction);
  return QUESTION_SOURCES.filter(
    (source) => touches(source, observed) || (imminent && source.types.has('conference-convened')),
  );
}

/** Our ships at rest at the place of a conference we host that has not ended: a host stays. */
function hostingShips(view: FactionView): string[] {
  const venues = view
    .conferences()
    .filter((c) => c.host === view.id && c.status !== 'ended')
    .map((c) => view.top(c.venue));
  if (venues.length === 0) return [];
  return view
    .ownShips()
    .filter((sh) => !sh.course && venues.includes(view.place(sh)))
    .map((sh) => `ship:${sh.id}`);
}

/** A decision's act (its actor and intent), unless it is a hold or counsel, which say no order. */
function actOf(d: Decision): string[] {
  return d.intent.type === 'hold' || d.intent.type === 'counsel'
    ? []
    : [`act:${d.actor}:${canonicalJson(d.intent)}`];
}

/** The ships and persons a decision moves ("ship:ID", "person:ID"). */
function movedBy(d: Decision): string[] {
  const i = d.intent;
  switch (i.type) {
    case 'move':
    case 'retreat':
    case 'send-envoy':
      return [`ship:${i.ship}`];
    case 'board':
    case 'disembark':
    case 'evacuate':
    case 'rescue':
      return i.persons.map((p) => `person:${p}`);
    case 'go':
    case 'travel':
      return [`person:${d.actor}`];
    default:
      return [];
  }
}

/** The factions whose ships the decisions attack. */
function targetsOf(view: FactionView, decisions: readonly Decision[]): FactionId[] {
  return decisions.flatMap((d) =>
    d.intent.type === 'attack' ? d.intent.targets.flatMap((t) => view.ship(t)?.faction ?? []) : [],
  );
}

/** The enemies of the wars the decisions make peace in. */
function peaceWith(view: FactionView, decisions: readonly Decision[]): FactionId[] {
  return decisions.flatMap((d) => {
    if (d.intent.type !== 'make-peace') return [];
    const war = view.war(d.intent.war);
    return war ? war.sides.flat().filter((f) => f !== view.id) : [];
  });
}
