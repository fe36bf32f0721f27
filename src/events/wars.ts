/**
 * Wars with sides: declared (with a stated casus belli) or opened by an attack on a faction not at
 * war with the attacker (aggression: undeclared, the attacker marked); joined by others, often
 * because a treaty called them; left by a separate peace; suspended by a ceasefire; ended. Who
 * started a war is recorded, so that an obligation void "unless provoked" can be judged
 * (./obligations.ts). A new enemy for a faction makes its partners' pledges due: the calls follow
 * as consequences.
 */
import { z } from 'zod';
import { callId, declaredId, factionId, id, locationId, warId } from '../model/ids.js';
import type { FactionId, LocationId } from '../model/ids.js';
import { type Minutes, minutesSchema } from '../model/time.js';
import { relationKey, type War, type World } from '../model/world.js';
import { brokenPledges, type CallPayload } from './calls.js';
import { defineEvent, type EventOf, type PayloadsOf } from './definition.js';
import { callKey, callsDue, opposite, powerOf } from './obligations.js';
import { type Consequence, relationChange } from './relations.js';
import { because, nameOf, naming } from './telling.js';
import { updateEntry, withEntry } from './updates.js';

/** The mark of a faction that attacked another it was not at war with. */
export const AGGRESSOR_MARK = 'aggressor';

const reasons = z.array(z.string()).default([]);

const declaredFields = {
  war: declaredId(warId),
  name: z.string(),
  by: factionId,
  against: z.array(factionId).min(1),
  casusBelli: z.string(),
  /** False for a war opened by an attack rather than a declaration. */
  declared: z.boolean().default(true),
  /** Where it began, if at a place. */
  where: locationId.nullable().default(null),
  /** The call this declaration honours, if any. */
  call: callId.nullable().default(null),
  reasons,
};

const joinedFields = {
  war: warId,
  faction: factionId,
  /** A member of the side joined. */
  side: factionId,
  call: callId.nullable().default(null),
  reasons,
};

export const warEvents = {
  'war-declared': defineEvent({
    fields: declaredFields,
    apply: (world, e) => ({
      ...world,
      wars: withEntry(world.wars, e.war, {
        id: e.war,
        name: e.name,
        aggressor: e.by,
        casusBelli: e.casusBelli,
        declared: e.declared,
        startedAt: e.t,
        where: e.where,
        sides: [[e.by], e.against.filter((f) => f !== e.by)],
        joined: Object.fromEntries([e.by, ...e.against].map((f) => [f, e.t])),
        left: {},
        neutral: {},
        ceasefireUntil: null,
        status: 'active',
        endedAt: null,
        outcome: null,
      }),
    }),
    // A declaration is public; hostilities opened by an attack are known to those who fought.
    observers: (_world, e) => (e.declared ? 'all' : [e.by, ...e.against]),
    tell(e, names) {
      const { n, ns } = naming(names);
      return e.declared
        ? `${n(e.by)} declare war on ${ns(e.against)}: ${e.casusBelli}${because(e.reasons)}.`
        : null;
    },
    consequences: declaredConsequences,
  }),

  'war-joined': defineEvent({
    fields: joinedFields,
    apply: (world, e) => ({
      ...world,
      wars: updateEntry(world.wars, e.war, (w) => {
        const side = w.sides[0].includes(e.side) ? 0 : 1;
        const sides: War['sides'] =
          side === 0 ? [[...w.sides[0], e.faction], w.sides[1]] : [w.sides[0], [...w.sides[1], e.faction]];
        // Joining is a declaration: the war is no longer mere hostilities.
        return { ...w, sides, declared: true, joined: { ...w.joined, [e.faction]: e.t } };
      }),
    }),
    observers: () => 'all',
    tell(e, names) {
      const { n } = naming(names);
      return `${n(e.faction)} enter the war (${n(e.war)}) on the side of ${n(e.side)}${because(e.reasons)}.`;
    },
    consequences: joinedConsequences,
  }),

  /** A separate peace: the faction leaves the war; the war ends when a side has no one left. */
  'peace-made': defineEvent({
    fields: { war: warId, faction: factionId, reasons },
    apply: (world, e) => ({
      ...world,
      wars: updateEntry(world.wars, e.war, (w) => {
        const left: Record<FactionId, Minutes> = { ...w.left, [e.faction]: e.t };
        const over = w.sides.some((side) => side.every((f) => left[f] !== undefined));
        return over ? { ...w, left, status: 'ended', endedAt: e.t, outcome: 'peace' } : { ...w, left };
      }),
    }),
    observers: () => 'all',
    tell(e, names) {
      const { n } = naming(names);
      return `${n(e.faction)} make peace (${n(e.war)})${because(e.reasons)}.`;
    },
    consequences(world, e): Consequence[] {
      const w = world.wars[e.war];
      if (!w) return [];
      const mine = w.sides[0].includes(e.faction) ? 0 : 1;
      return opposite(w, mine).flatMap((other) => peaceBetween(world, e.faction, other, 'peace made'));
    },
  }),

  'ceasefire-agreed': defineEvent({
    fields: { war: warId, until: minutesSchema, reasons },
    apply: (world, e) => ({
      ...world,
      wars: updateEntry(world.wars, e.war, (w) => ({ ...w, ceasefireUntil: e.until })),
    }),
    observers: () => 'all',
    tell(e, names) {
      const { n } = naming(names);
      return `A ceasefire in ${n(e.war)}${because(e.reasons)}.`;
    },
  }),

  'war-ended': defineEvent({
    fields: { war: warId, outcome: z.enum(['peace', 'victory', 'lapsed']), reasons },
    apply: (world, e) => ({
      ...world,
      wars: updateEntry(world.wars, e.war, (w) => ({
        ...w,
        status: 'ended',
        endedAt: e.t,
        outcome: e.outcome,
      })),
    }),
    observers(world, e) {
      const w = world.wars[e.war];
      return !w || w.declared ? 'all' : [...w.sides[0], ...w.sides[1]];
    },
    tell(e, names) {
      const { n } = naming(names);
      return e.outcome === 'lapsed' ? null : `The war ends (${n(e.war)}): ${e.outcome}${because(e.reasons)}.`;
    },
    consequences(world, e): Consequence[] {
      const w = world.wars[e.war];
      if (!w) return [];
      return w.sides[0].flatMap((a) => w.sides[1].flatMap((b) => peaceBetween(world, a, b, 'the war ended')));
    },
  }),

  /** A faction declares that it stays out of a war. */
  'neutrality-declared': defineEvent({
    fields: { faction: factionId, war: warId, reasons },
    apply: (world, e) => ({
      ...world,
      wars: updateEntry(world.wars, e.war, (w) => ({ ...w, neutral: { ...w.neutral, [e.faction]: e.t } })),
    }),
    observers: () => 'all',
    tell(e, names) {
      const { n } = naming(names);
      return `${n(e.faction)} declare their neutrality (${n(e.war)})${because(e.reasons)}.`;
    },
  }),
};

/** Relations at war between two factions return to hostility. */
function peaceBetween(world: World, a: FactionId, b: FactionId, cause: string): Consequence[] {
  return [
    [a, b],
    [b, a],
  ].flatMap(([x, y]) =>
    x !== undefined && y !== undefined && world.relations[relationKey(x, y)]?.status === 'war'
      ? [relationChange(x, y, 'hostile', 0, cause)]
      : [],
  );
}

/** Relations turn to war between two factions (both ways), where they are not at war already. */
function warBetween(world: World, a: FactionId, b: FactionId, cause: string): Consequence[] {
  return [
    [a, b],
    [b, a],
  ].flatMap(([x, y]) =>
    x !== undefined && y !== undefined && world.relations[relationKey(x, y)]?.status !== 'war'
      ? [relationChange(x, y, 'war', -0.3, cause)]
      : [],
  );
}

/**
 * The calls a new enmity makes due: `partner` now faces `adversaries` in the war; each treaty
 * pledge whose conditions hold becomes a call to the pledged party.
 */
function callsFor(
  world: World,
  war: War,
  partner: FactionId,
  adversaries: readonly FactionId[],
  place: LocationId | null,
  seq: number,
): CallPayload[] {
  return callsDue(world, war, partner, adversaries, place).map(({ duty, against }) => {
    const power = powerOf(world, duty.agreement, duty.by);
    return {
      type: 'call-issued',
      call: id.call(callKey(seq, duty.agreement.id, duty.index, duty.by)),
      agreement: duty.agreement.id,
      provision: duty.index,
      obligation: duty.provision.kind,
      support: duty.provision.support,
      from: partner,
      to: duty.by,
      war: war.id,
      against: [...against],
      conditionsMet: true,
      failing: null,
      powerAtSigning: power.then,
      powerNow: power.now,
    };
  });
}

/**
 * A declared war puts the two sides at war (relations turn to war); hostilities opened by an attack
 * mark the attacker an aggressor (relations are left to the attack's own consequences). Either way
 * the attacked faction's defence pledges, and the attacker's offence pledges, fall due.
 */
function declaredConsequences(
  world: World,
  e: EventOf<typeof declaredFields>,
): (Consequence | CallPayload)[] {
  const war = world.wars[e.war];
  if (!war) return [];
  const out: (Consequence | CallPayload)[] = e.declared
    ? war.sides[1].flatMap((x) => warBetween(world, e.by, x, e.casusBelli))
    : [
        {
          type: 'mark-earned',
          faction: e.by,
          mark: AGGRESSOR_MARK,
          cause: `attack on ${war.sides[1].map((f) => nameOf(world, f)).join(', ')}`,
        },
      ];
  // Declaring war on a partner breaks pledges of neutrality and non-aggression given to it.
  if (e.declared)
    for (const x of war.sides[1])
      out.push(
        ...brokenPledges(
          world,
          e.by,
          x,
          ['non-aggression', 'neutrality'],
          `declared war on ${nameOf(world, x)}`,
        ),
      );
  for (const partner of war.sides[1]) out.push(...callsFor(world, war, partner, [e.by], e.where, e.seq));
  out.push(...callsFor(world, war, e.by, war.sides[1], e.where, e.seq));
  return out;
}

/** The joiner is at war with the other side, whose members' partners now owe them help against it. */
function joinedConsequences(world: World, e: EventOf<typeof joinedFields>): (Consequence | CallPayload)[] {
  const war = world.wars[e.war];
  if (!war) return [];
  const mine = war.sides[0].includes(e.faction) ? 0 : 1;
  const enemies = opposite(war, mine).filter((f) => war.left[f] === undefined);
  return [
    ...enemies.flatMap((x) =>
      warBetween(world, e.faction, x, `${nameOf(world, e.faction)} joined ${war.name}`),
    ),
    ...enemies.flatMap((x) =>
      brokenPledges(
        world,
        e.faction,
        x,
        ['neutrality', 'non-aggression'],
        `joined the war against ${nameOf(world, x)}`,
      ),
    ),
    ...enemies.flatMap((x) => callsFor(world, war, x, [e.faction], war.where, e.seq)),
  ];
}

/** The war events as payloads (what an attack's consequences may emit). */
export type WarPayload = PayloadsOf<typeof warEvents>;
