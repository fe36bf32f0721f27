/**
 * The rulebook: which rule handles each kind of intent, and the checks every intent passes first
 * (the actor exists, is alive, and is free to act). To add an intent: its schema in
 * model/intents.ts, its rule in the family module it belongs to (and that module's part of the
 * rulebook); the compiler refuses a type without a rule.
 */

import type { PersonId } from '../../model/ids.js';
import type { Intent, IntentType } from '../../model/intents.js';
import { channelRules } from './channels.js';
import { conferenceRules } from './conferences.js';
import { conflictRules } from './conflict.js';
import { type Rule, type RuleContext, type RuleOutcome, refuse } from './context.js';
import { diplomacyRules } from './diplomacy.js';
import { movementRules } from './movement.js';
import { warRules } from './wars.js';

/** Every intent type's rule: the compiler checks that no type is left without one. */
const rulebook: { readonly [K in IntentType]: Rule<K> } = {
  ...diplomacyRules,
  ...channelRules,
  ...movementRules,
  ...conflictRules,
  ...conferenceRules,
  ...warRules,
};

/** What a detained person may still do: break out, or wait. */
const OPEN_TO_DETAINED: ReadonlySet<IntentType> = new Set(['rescue', 'hold', 'counsel']);

/** What a person on a journey may still do: send word, advise, and decide what needs no presence. */
const OPEN_TO_TRAVELLERS: ReadonlySet<IntentType> = new Set([
  'hold',
  'counsel',
  'send-message',
  'seek-alliance',
  'declare-war',
  'declare-neutrality',
  'answer-call',
  'call-to-arms',
  'make-peace',
]);

/** Checks the actor, then applies the intent's rule. */
export function applyRule(ctx: RuleContext, actorId: PersonId, intent: Intent): RuleOutcome {
  const actor = ctx.world.persons[actorId];
  if (!actor) return refuse('actor.exists', `no person ${actorId}`);
  if (actor.status === 'dead') return refuse('actor.alive', `${actor.name} is dead`);
  if (actor.status === 'detained' && !OPEN_TO_DETAINED.has(intent.type))
    return refuse('actor.free', `${actor.name} is detained`);
  if (actor.journey && !OPEN_TO_TRAVELLERS.has(intent.type))
    return refuse('actor.travelling', `${actor.name} is travelling to ${actor.journey.to}`);
  // A spy opens covert channels for the faction of their true loyalty; everything else is done
  // in the name of the faction served.
  const factionId = intent.type === 'open-covert-channel' ? actor.loyalty : actor.faction;
  const faction = ctx.world.factions[factionId];
  if (!faction) return refuse('actor.faction', `${actor.name} serves no known faction`);
  const rule = rulebook[intent.type] as Rule<IntentType>;
  return rule(ctx, actor, faction, intent as never);
}
