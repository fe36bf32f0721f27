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
import type { DecisionContext, DecisionMaker } from '../engine/simulation.js';
import type { FactionId } from '../model/ids.js';
import type { Decision } from '../model/intents.js';
import { hours, type Minutes } from '../model/time.js';
import { sortedIds } from '../model/world.js';
import { conferencesOf } from '../model/world-index.js';
import { deliberate, type Question } from './deliberation.js';
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
import { type Situation, situationOf } from './situation.js';
import { FactionView } from './view.js';

/** The sources of questions, most urgent first. */
export const QUESTION_SOURCES: readonly ((s: Situation) => Question[])[] = [
  principleQuestions,
  callQuestions,
  conferenceQuestions,
  rescueQuestions,
  envoyResponseQuestions,
  strangerQuestions,
  hostingQuestions,
  visitQuestions,
  guestQuestions,
  dutyQuestions,
  reliefQuestions,
  proposalQuestions,
  promisedVisitQuestions,
  securityQuestions,
  friendsWarQuestions,
  callToArmsQuestions,
  peaceQuestions,
  channelQuestions,
  encounterQuestions,
  rendezvousQuestions,
  spyQuestions,
  spyHuntQuestions,
  repairQuestions,
  retreatQuestions,
  precautionQuestions,
  mobilisationQuestions,
  withdrawalQuestions,
  preemptionQuestions,
  warPlanQuestions,
  warByDecisionQuestions,
  campaignQuestions,
  attackQuestions,
];

/** Without news, a leader still reviews the faction's situation this often. */
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
  // Leaders look again when something happened, at each review, and hour by hour as a conference
  // they take part in draws near.
  const review =
    lead && (observed.length > 0 || ctx.t % REVIEW_EVERY === 0 || conferenceImminent(ctx, faction));
  if (!review && talks.length === 0) return [];
  const rng = ctx.rng.split(`${faction}@${ctx.t}`);
  const s = situationOf(view, observed, ctx.settings, rng);
  const out: Decision[] = [];
  // A player takes the questions put to the faction's leader, in talks and out of them; the
  // faction's other members decide for themselves.
  const ask = player
    ? (put: QuestionPut) => player.choose({ ...put, faction, t: ctx.t, view, log: ctx.log })
    : undefined;
  for (const n of talks) out.push(...negotiationMoves(view, s, n, ask));
  if (!review) return out;
  // A ship is given one order a tick: later questions may not move a ship an earlier one moved.
  const claimed = new Set<string>();
  const reconciled = new Set<FactionId>();
  const seat = ask ? actingLeader(view, s.members) : undefined;
  for (const source of QUESTION_SOURCES) {
    for (const q of source(s)) {
      // A faction's council, where it has one, hears every question put to counsel.
      const { decisions } = deliberate(
        q.counselled && view.self.council ? { ...q, council: view.self.council } : q,
        s.members,
        rng.split(q.id),
        q.decider.id === seat?.id ? ask : undefined,
      );
      const moves = decisions.flatMap((d) =>
        d.intent.type === 'move' || d.intent.type === 'retreat' || d.intent.type === 'send-envoy'
          ? [d.intent.ship]
          : [],
      );
      if (moves.some((ship) => claimed.has(ship))) continue;
      // Nor attack a faction it has just made peace with.
      if (targetsOf(view, decisions).some((f) => reconciled.has(f))) continue;
      for (const ship of moves) claimed.add(ship);
      for (const f of peaceWith(view, decisions)) reconciled.add(f);
      out.push(...decisions);
    }
  }
  return out;
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
