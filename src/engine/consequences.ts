/**
 * Consequences: how factions' relations respond to what they observe. Each rule reads one event and
 * the world after it, and returns follow-up events (grievances, trust, status, marks) — so the log
 * explains every change of feeling by the deed that caused it.
 *
 * Models: opinion as named, decaying modifiers (Unciv's DiplomaticModifiers) — here grievances with
 * a half-life; trust as a Beta reputation (Jøsang & Ismail 2002) updated by positive and negative
 * observations; betrayal remembered strongly by the victim and less by witnesses; and "the ally of
 * my enemy" as a grievance against the new ally of a faction one is at war with (Walt 1987:
 * alignment responds to perceived intentions).
 */
import type { EventPayload, WorldEvent } from '../model/events.js';
import type { FactionId } from '../model/ids.js';
import { days, type Minutes } from '../model/time.js';
import { type Relation, relationKey, sortedIds, type World } from '../model/world.js';

const MONTH = days(30);
const YEAR = days(365);

/** Marks the deed of springing an ambush on a peace conference earns in everyone's eyes. */
export const AMBUSH_MARK = 'executioner';

function relation(world: World, from: FactionId, to: FactionId): Relation | undefined {
  return world.relations[relationKey(from, to)];
}

function grievance(
  from: FactionId,
  to: FactionId,
  id: string,
  cause: string,
  weight: number,
  halfLife: Minutes,
): EventPayload {
  return { type: 'grievance-added', from, to, grievance: id, cause, weight, halfLife };
}

const distrust = (from: FactionId, to: FactionId, negative: number, cause: string): EventPayload => ({
  type: 'trust-updated',
  from,
  to,
  positive: 0,
  negative,
  cause,
});

/** Display name of a faction or place, for the causes written into events. */
const nameOf = (world: World, id: string) =>
  world.factions[id as FactionId]?.name ?? world.locations[id as keyof World['locations']]?.name ?? id;

const factionOfShip = (world: World, ship: string) => world.ships[ship as keyof World['ships']]?.faction;

export function consequencesOf(world: World, event: WorldEvent): EventPayload[] {
  const out: EventPayload[] = [];
  switch (event.type) {
    case 'spies-sought': {
      // A spy found among us is a betrayal by the faction that planted him.
      for (const { person, loyalty } of event.exposed) {
        if (!relation(world, event.faction, loyalty)) continue;
        out.push(
          grievance(
            event.faction,
            loyalty,
            `spy-${person}`,
            `${nameOf(world, person)} spied for ${nameOf(world, loyalty)}`,
            0.6,
            YEAR,
          ),
        );
        out.push(distrust(event.faction, loyalty, 2, 'a spy among us'));
      }
      return out;
    }
    case 'engagement': {
      const attackers = new Set(
        event.attackers.map((s) => factionOfShip(world, s)).filter((f) => f !== undefined),
      );
      const defenders = new Set(
        event.defenders.map((s) => factionOfShip(world, s)).filter((f) => f !== undefined),
      );
      for (const d of [...defenders].sort()) {
        if (d === event.initiator) continue;
        out.push(
          grievance(
            d,
            event.initiator,
            `attacked-${event.seq}`,
            `attacked by ${nameOf(world, event.initiator)} at ${nameOf(world, event.location)}`,
            0.5,
            MONTH,
          ),
        );
        out.push(distrust(d, event.initiator, 1, 'attacked'));
        const status = relation(world, d, event.initiator)?.status ?? 'neutral';
        if (status !== 'war' && status !== 'hostile') {
          out.push({
            type: 'relation-changed',
            from: d,
            to: event.initiator,
            status: 'hostile',
            affinityDelta: -0.3,
            cause: 'attacked',
          });
        }
      }
      for (const a of [...attackers].sort()) {
        for (const d of [...defenders].sort()) {
          if (a !== d && event.losses.some((l) => factionOfShip(world, l.ship) === a)) {
            out.push(
              grievance(a, d, `losses-${event.seq}`, `ships lost fighting ${nameOf(world, d)}`, 0.3, MONTH),
            );
          }
        }
      }
      return out;
    }
    case 'person-detained': {
      const p = world.persons[event.person];
      if (p && p.faction !== event.by) {
        out.push(
          grievance(p.faction, event.by, `detained-${event.person}`, `${p.name} detained`, 0.3, MONTH),
        );
        out.push(distrust(p.faction, event.by, 1, `${p.name} detained`));
      }
      return out;
    }
    case 'prisoners-escaped': {
      // Those freed owe their rescuers: their factions' trust and liking grow.
      if (event.rescuers) {
        const freedFactions = [
          ...new Set(
            event.persons
              .map((p) => world.persons[p]?.faction)
              .filter((f): f is FactionId => f !== undefined),
          ),
        ].sort();
        for (const f of freedFactions) {
          if (f === event.rescuers) continue;
          out.push({
            type: 'trust-updated',
            from: f,
            to: event.rescuers,
            positive: 2,
            negative: 0,
            cause: `${nameOf(world, event.rescuers)} freed our people`,
          });
          out.push({
            type: 'relation-changed',
            from: f,
            to: event.rescuers,
            status: null,
            affinityDelta: 0.3,
            cause: 'they freed our people',
          });
        }
      }
      const holder = world.locations[event.from]?.controlledBy;
      if (holder && event.rescuers && holder !== event.rescuers) {
        out.push(
          grievance(
            holder,
            event.rescuers,
            `escape-${event.seq}`,
            `prisoners freed from ${nameOf(world, event.from)}`,
            0.2,
            MONTH,
          ),
        );
      }
      return out;
    }
    case 'channel-denied': {
      const ch = world.channels[event.channel];
      if (ch)
        out.push(distrust(ch.from, ch.to, 1, `envoy denied by ${world.persons[event.by]?.name ?? event.by}`));
      return out;
    }
    case 'negotiation-ended': {
      if (event.outcome !== 'walk-out' || !event.by) return out;
      const n = world.negotiations[event.negotiation];
      for (const other of n?.parties ?? []) {
        if (other === event.by) continue;
        out.push(
          grievance(
            other,
            event.by,
            `walk-out-${event.negotiation}`,
            `${nameOf(world, event.by)} walked out of talks`,
            0.2,
            MONTH,
          ),
        );
        out.push({
          type: 'relation-changed',
          from: event.by,
          to: other,
          status: null,
          affinityDelta: -0.1,
          cause: 'talks failed',
        });
      }
      return out;
    }
    case 'agreement-concluded': {
      const parties = [...event.parties].sort();
      for (const a of parties) {
        for (const b of parties) {
          if (a === b) continue;
          out.push({
            type: 'relation-changed',
            from: a,
            to: b,
            status: 'allied',
            affinityDelta: 0.2,
            cause: `agreement ${event.agreement}`,
          });
          out.push({
            type: 'trust-updated',
            from: a,
            to: b,
            positive: 1,
            negative: 0,
            cause: `agreement ${event.agreement}`,
          });
        }
      }
      // Factions at war with one party now resent its new partners.
      for (const x of sortedIds(world.factions)) {
        if (parties.includes(x)) continue;
        for (const enemy of parties) {
          const r = relation(world, x, enemy);
          if (r?.status !== 'war') continue;
          for (const ally of parties) {
            if (ally === enemy) continue;
            out.push(
              grievance(
                x,
                ally,
                `allied-with-${enemy}-${event.seq}`,
                `${nameOf(world, ally)} allied with ${nameOf(world, enemy)}`,
                0.3,
                MONTH,
              ),
            );
            out.push({
              type: 'belief-updated',
              holder: x,
              about: ally,
              intentions: -0.5,
              suspicion: `allied with ${nameOf(world, enemy)}`,
            });
          }
        }
      }
      return out;
    }
    case 'agreement-dissolved': {
      const a = world.agreements[event.agreement];
      for (const other of a?.parties ?? []) {
        if (other === event.by) continue;
        out.push({
          type: 'relation-changed',
          from: event.by,
          to: other,
          status: 'neutral',
          affinityDelta: -0.3,
          cause: event.reason,
        });
        out.push({
          type: 'relation-changed',
          from: other,
          to: event.by,
          status: 'neutral',
          affinityDelta: -0.2,
          cause: 'agreement ended',
        });
      }
      return out;
    }
    case 'resources-transferred':
      if (event.agreement)
        out.push({
          type: 'trust-updated',
          from: event.to,
          to: event.from,
          positive: 1,
          negative: 0,
          cause: 'aid delivered',
        });
      return out;
    case 'ambush-sprung': {
      out.push({
        type: 'mark-earned',
        faction: event.faction,
        mark: AMBUSH_MARK,
        cause: `ambush at ${nameOf(world, event.location)}`,
      });
      const conference = event.conference ? world.conferences[event.conference] : undefined;
      if (!conference) return out;
      const victims = [
        ...new Set(
          conference.attendees
            .map((p) => world.persons[p]?.faction)
            .filter((f): f is FactionId => f !== undefined),
        ),
      ].sort();
      for (const v of victims) {
        if (v === event.faction) continue;
        const betrayed = conference.sponsors.includes(v);
        // The victim remembers; a sponsor whose good will was used remembers it as betrayal.
        out.push(
          grievance(
            v,
            event.faction,
            `ambush-${conference.id}`,
            `ambush at ${conference.title}`,
            betrayed ? 0.8 : 1,
            YEAR,
          ),
        );
        out.push(
          distrust(
            v,
            event.faction,
            3,
            betrayed ? 'betrayed at the conference' : 'ambushed at the conference',
          ),
        );
        if (!betrayed) {
          out.push({
            type: 'relation-changed',
            from: v,
            to: event.faction,
            status: 'war',
            affinityDelta: -0.5,
            cause: 'ambush',
          });
          // Those who called the conference are held to account by the attacked.
          for (const s of conference.sponsors) {
            if (s === event.faction || s === v) continue;
            out.push(
              grievance(
                v,
                s,
                `lured-${conference.id}`,
                `${nameOf(world, s)} called the conference that was a trap`,
                0.6,
                YEAR,
              ),
            );
            out.push(distrust(v, s, 1, 'lured to an ambush'));
            out.push({
              type: 'relation-changed',
              from: v,
              to: s,
              status: 'hostile',
              affinityDelta: -0.3,
              cause: 'the conference was a trap',
            });
          }
        }
      }
      // Witnesses who were not there remember less.
      for (const w of sortedIds(world.factions)) {
        if (w === event.faction || victims.includes(w)) continue;
        out.push(distrust(w, event.faction, 1, 'ambush at a peace conference'));
      }
      return out;
    }
    default:
      return out;
  }
}
