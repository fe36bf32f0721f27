/**
 * The rulebook: which rule handles each kind of intent, and the checks every intent passes first
 * (the actor exists, is alive, and is free to act).
 */

import type { PersonId } from '../../model/ids.js';
import type { Intent, IntentType } from '../../model/intents.js';
import * as channels from './channels.js';
import * as conferences from './conferences.js';
import * as conflict from './conflict.js';
import { type Rule, type RuleContext, type RuleOutcome, refuse } from './context.js';
import * as diplomacy from './diplomacy.js';
import * as movement from './movement.js';

const rulebook: { [K in IntentType]: Rule<K> } = {
  counsel: diplomacy.counsel,
  hold: diplomacy.hold,
  'seek-alliance': diplomacy.seekAlliance,
  meet: diplomacy.meet,
  propose: diplomacy.propose,
  counter: diplomacy.counter,
  accept: diplomacy.accept,
  reject: diplomacy.reject,
  'walk-out': diplomacy.walkOut,
  'dissolve-agreement': diplomacy.dissolveAgreement,
  'provide-aid': diplomacy.provideAid,
  'send-message': channels.sendMessage,
  'send-envoy': channels.sendEnvoy,
  'respond-to-envoy': channels.respondToEnvoy,
  'open-covert-channel': channels.openCovertChannel,
  move: movement.move,
  retreat: movement.retreat,
  'await-rendezvous': movement.awaitRendezvous,
  board: movement.board,
  go: movement.go,
  disembark: movement.disembark,
  evacuate: movement.evacuate,
  expel: movement.expel,
  detain: movement.detain,
  rescue: movement.rescue,
  attack: conflict.attack,
  'plan-intent': conflict.planIntent,
  'spring-ambush': conflict.springAmbush,
  'take-precaution': conflict.takePrecaution,
  'search-for-spies': conflict.searchForSpies,
  repair: conflict.repair,
  'propose-conference': conferences.proposeConference,
  'answer-invitation': conferences.answerInvitation,
  'convene-conference': conferences.conveneConference,
};

/** What a detained person may still do: break out, or wait. */
const OPEN_TO_DETAINED: ReadonlySet<IntentType> = new Set(['rescue', 'hold', 'counsel']);

/** Checks the actor, then applies the intent's rule. */
export function applyRule(ctx: RuleContext, actorId: PersonId, intent: Intent): RuleOutcome {
  const actor = ctx.world.persons[actorId];
  if (!actor) return refuse('actor.exists', `no person ${actorId}`);
  if (actor.status === 'dead') return refuse('actor.alive', `${actor.name} is dead`);
  if (actor.status === 'detained' && !OPEN_TO_DETAINED.has(intent.type))
    return refuse('actor.free', `${actor.name} is detained`);
  // A spy opens covert channels for the faction of their true loyalty; everything else is done
  // in the name of the faction served.
  const factionId = intent.type === 'open-covert-channel' ? actor.loyalty : actor.faction;
  const faction = ctx.world.factions[factionId];
  if (!faction) return refuse('actor.faction', `${actor.name} serves no known faction`);
  const rule = rulebook[intent.type] as Rule<IntentType>;
  return rule(ctx, actor, faction, intent as never);
}
