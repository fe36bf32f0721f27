/**
 * Rules of conflict and readiness: attacks (Lanchester engagements, ../combat.ts), hidden agendas
 * planned and sprung, precautions, and repairs.
 *
 * An ambush at a convened conference strikes everyone in the room. Persons held ready by a force
 * whose reaching transfer works are taken out; if any attendee's faction had seen an indicator of the plot,
 * the warning spreads through the room and everyone takes cover; otherwise each person present
 * is killed with probability AMBUSH_LETHALITY.
 */
import type { ChannelId, FactionId, PersonId } from '../../model/ids.js';
import { inIdOrder, topLocation, type World } from '../../model/world.js';
import { activeWarBetween, opposite, sideOf } from '../../events/obligations.js';
import { describeActBreach, findActBreach } from '../principles.js';
import { resolveEngagement } from '../combat.js';
import { allow, allThere, type Rule, type RuleContext, refuse, type Rulebook } from './context.js';
import { roleIntegrity, workingTransfer } from '../../model/forces.js';
import { nameOf as physicsName, roleOfPrecaution } from '../../model/physics.js';
import type { Ship } from '../../model/world.js';
import type { EventPayload } from '../../events/index.js';

export const AMBUSH_LETHALITY = 0.6;

export const attack: Rule<'attack'> = (ctx, _actor, faction, intent) => {
  const own = allThere(intent.ships.map((id) => ctx.world.ships[id]));
  const targets = allThere(intent.targets.map((id) => ctx.world.ships[id]));
  if (!own || own.some((s) => s.faction !== faction.id || s.destroyed))
    return refuse('ship.owner', `${faction.id} cannot command all of ${intent.ships.join(', ')}`);
  if (!targets || targets.some((s) => s.destroyed))
    return refuse('target.exists', `a target among ${intent.targets.join(', ')} is not there`);
  if (targets.some((s) => s.faction === faction.id))
    return refuse('target.own', 'a faction does not attack its own ships');
  const [first] = own;
  if (!first) return refuse('ship.owner', 'an attack needs a ship');
  const place = topLocation(ctx.world, first.location);
  if ([...own, ...targets].some((s) => s.course || topLocation(ctx.world, s.location) !== place)) {
    return refuse('engagement.range', 'attackers and targets must be at the same place');
  }
  if (own.every((s) => !armed(ctx, s))) return refuse('ship.weapons', `${faction.id}'s weapons are down`);
  const attacked = [...new Set(targets.map((s) => s.faction))].sort();
  for (const target of attacked) {
    const breach = findActBreach(ctx.world, faction, { kind: 'attack', target });
    if (breach) return refuse(`principle:${breach.principle.id}`, describeActBreach(breach));
    const war = activeWarBetween(ctx.world, faction.id, target);
    if (war?.ceasefireUntil !== null && war?.ceasefireUntil !== undefined && war.ceasefireUntil > ctx.t)
      return refuse('war.ceasefire', `a ceasefire holds in ${war.name}`);
  }
  // Ships of those fighting beside the attacked at the place join the fight on their side.
  const allies = coBelligerents(ctx.world, faction.id, attacked);
  const beside = inIdOrder(ctx.world.ships).filter(
    (s) =>
      allies.includes(s.faction) && !s.destroyed && !s.course && topLocation(ctx.world, s.location) === place,
  );
  return allow(
    resolveEngagement(faction.id, own, [...targets, ...beside], place, ctx.world.physics, ctx.rng),
  );
};

/** Can the force fight: is its armament working? */
const armed = (ctx: RuleContext, ship: Ship) =>
  roleIntegrity(ship, ctx.world.physics, 'armament', 1) >= ctx.settings.operationalIntegrity;

/**
 * The factions fighting beside `attacked` against `attacker`: on the same side as one of them, and
 * opposite the attacker, in an active war.
 */
function coBelligerents(world: World, attacker: FactionId, attacked: readonly FactionId[]): FactionId[] {
  const out = new Set<FactionId>();
  for (const war of inIdOrder(world.wars)) {
    if (war.status !== 'active') continue;
    const theirs = sideOf(war, attacker);
    if (theirs === null) continue;
    const other = opposite(war, theirs);
    if (!attacked.some((f) => other.includes(f) && war.left[f] === undefined)) continue;
    for (const f of other)
      if (war.left[f] === undefined && !attacked.includes(f) && f !== attacker) out.add(f);
  }
  return [...out].sort();
}

export const planIntent: Rule<'plan-intent'> = (ctx, _actor, faction, intent) => {
  if (ctx.world.intents[intent.intent])
    return refuse('intent.unique', `intent ${intent.intent} already exists`);
  return allow({
    type: 'intent-planned',
    intent: intent.intent,
    faction: faction.id,
    kind: intent.kind,
    target: intent.target,
    text: intent.text,
  });
};

export const springAmbush: Rule<'spring-ambush'> = (ctx, _actor, faction, intent) => {
  const plot = ctx.world.intents[intent.intent];
  if (!plot || plot.faction !== faction.id)
    return refuse('intent.own', `${intent.intent} is not a plan of ${faction.id}`);
  if (plot.status !== 'planned') return refuse('intent.planned', `${plot.id} is ${plot.status}`);
  const ship = ctx.world.ships[intent.ship];
  if (!ship || ship.faction !== faction.id || ship.destroyed || ship.course)
    return refuse('ship.available', `${intent.ship} cannot strike`);
  if (!armed(ctx, ship)) return refuse('ship.weapons', `${ship.id}'s weapons are down`);
  const place = topLocation(ctx.world, ship.location);
  const conference = inIdOrder(ctx.world.conferences).find(
    (c) => c.status === 'convened' && topLocation(ctx.world, c.venue) === place,
  );
  if (!conference) return refuse('ambush.target', `no conference is in session at ${place}`);

  const present = inIdOrder(ctx.world.persons).filter(
    (p) => p.status !== 'dead' && p.position.kind === 'location' && p.position.location === conference.venue,
  );
  const events: EventPayload[] = [
    {
      type: 'ambush-sprung',
      intent: plot.id,
      faction: faction.id,
      ship: ship.id,
      location: conference.venue,
      conference: conference.id,
    },
  ];
  // Forces at this place holding persons ready take them out first.
  const rescued = new Set<PersonId>();
  for (const rescuer of inIdOrder(ctx.world.ships)) {
    if (rescuer.destroyed || rescuer.course || topLocation(ctx.world, rescuer.location) !== place) continue;
    if (!workingTransfer(rescuer, ctx.world.physics, ctx.settings.operationalIntegrity, { reach: true }))
      continue;
    const locked = present
      .filter((p) => rescuer.heldReady.includes(p.id) && !rescued.has(p.id))
      .map((p) => p.id);
    if (locked.length === 0) continue;
    for (const p of locked) rescued.add(p);
    events.push({
      type: 'persons-evacuated',
      ship: rescuer.id,
      persons: locked,
      from: conference.venue,
    });
  }
  const remaining = present.filter((p) => !rescued.has(p.id));
  const warned = present.some(
    (p) => plot.suspectedBy.includes(p.faction) || plot.suspectedBy.includes(p.loyalty),
  );
  const killed = warned ? [] : remaining.filter(() => ctx.rng.chance(AMBUSH_LETHALITY)).map((p) => p.id);
  events.push({ type: 'conference-ended', conference: conference.id, outcome: 'attacked', killed });
  return allow(...events);
};

/**
 * A search of the faction's own people: each member loyal to another faction is found with a
 * chance that is higher when he keeps a covert channel open (traffic can be traced). Found spies
 * are confined aboard and their covert channels closed.
 */
export const searchForSpies: Rule<'search-for-spies'> = (ctx, _actor, faction) => {
  const exposed: { person: PersonId; loyalty: FactionId }[] = [];
  const closed: ChannelId[] = [];
  for (const p of inIdOrder(ctx.world.persons)) {
    if (p.faction !== faction.id || p.loyalty === faction.id || p.status === 'dead') continue;
    const lines = inIdOrder(ctx.world.channels)
      .filter((ch) => ch.kind === 'covert' && ch.agent === p.id && ch.status === 'open')
      .map((ch) => ch.id);
    if (!ctx.rng.chance(lines.length > 0 ? SPY_FOUND_WITH_CHANNEL : SPY_FOUND)) continue;
    exposed.push({ person: p.id, loyalty: p.loyalty });
    closed.push(...lines);
  }
  return allow(
    { type: 'spies-sought', faction: faction.id, exposed },
    ...closed.map((channel) => ({
      type: 'channel-closed' as const,
      channel,
      reason: 'its agent was exposed',
    })),
  );
};

/** Chance that a search finds a spy who keeps a covert channel open, and one who does not. */
const SPY_FOUND_WITH_CHANNEL = 0.6;
const SPY_FOUND = 0.2;

export const takePrecaution: Rule<'take-precaution'> = (ctx, _actor, faction, intent) => {
  const physics = ctx.world.physics;
  const precaution = physics.precautions.find((p) => p.id === intent.kind);
  if (!precaution) return refuse('precaution.kind', `this world knows no precaution "${intent.kind}"`);
  if (roleOfPrecaution(physics, intent.kind) === 'hold-ready') {
    const name = physicsName(precaution);
    const ship = intent.ship ? ctx.world.ships[intent.ship] : undefined;
    if (!ship || ship.faction !== faction.id)
      return refuse('ship.owner', `${name} needs a force of one's own`);
    const transfer = workingTransfer(ship, physics, ctx.settings.operationalIntegrity, { reach: true });
    if (!transfer) {
      const down = physics.transfers.find((t) => t.reach)?.needs[0] ?? 'transfer';
      return refuse(`ship.${down}`, `${ship.id}'s ${down} is down`);
    }
    if (intent.persons.length === 0) return refuse('precaution.persons', `${name} is held on persons`);
  }
  return allow({
    type: 'precaution-taken',
    faction: faction.id,
    kind: intent.kind,
    ship: intent.ship,
    persons: intent.persons,
    reasons: [...ctx.reasons],
  });
};

export const repair: Rule<'repair'> = (ctx, actor, faction, intent) => {
  const ship = ctx.world.ships[intent.ship];
  if (!ship || ship.faction !== faction.id || ship.destroyed)
    return refuse('ship.owner', `${faction.id} cannot repair ${intent.ship}`);
  const damaged = intent.systems.filter((s) => (ship.systems[s] ?? 0) < (ship.rated[s] ?? 0));
  if (damaged.length === 0)
    return refuse('repair.needed', `nothing to repair among ${intent.systems.join(', ')}`);
  return allow({ type: 'repair-started', ship: ship.id, systems: damaged, by: actor.id });
};

/** This family's part of the rulebook (./index.ts): the rules of attack, hidden plans, precautions, spies and repair. */
export const conflictRules = {
  attack,
  'plan-intent': planIntent,
  'spring-ambush': springAmbush,
  'take-precaution': takePrecaution,
  'search-for-spies': searchForSpies,
  repair,
} satisfies Rulebook;
