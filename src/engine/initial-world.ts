/**
 * The world at time zero, built from a validated scenario.
 */
import type { FactionId, LocationId, ResourceId } from '../model/ids.js';
import type { Minutes } from '../model/time.js';
import {
  type Belief,
  beliefKey,
  distanceKey,
  type Faction,
  type HiddenIntent,
  type Location,
  type Person,
  type Relation,
  relationKey,
  type Ship,
  type World,
} from '../model/world.js';
import type { ScenarioSpec } from '../scenario/schema.js';
import { SHIP_SYSTEMS, type ShipSystem } from '../model/vocabulary.js';

export function buildWorld(spec: ScenarioSpec): World {
  const locations: Record<string, Location> = {};
  for (const l of spec.locations) {
    locations[l.id] = {
      id: l.id,
      name: l.name,
      kind: l.kind,
      parent: l.parent ?? null,
      controlledBy: l.controlledBy ?? null,
    };
  }

  const distances: Record<string, number> = {};
  for (const d of spec.distances) distances[distanceKey(d.between[0], d.between[1])] = d.lightYears;

  const factions: Record<string, Faction> = {};
  for (const f of spec.factions) {
    const resources: Record<string, number> = {};
    for (const r of Object.keys(f.resources).sort()) resources[r] = f.resources[r as ResourceId]!;
    const marks: Record<string, Minutes> = {};
    for (const m of f.marks) marks[m] = 0 as Minutes;
    factions[f.id] = {
      id: f.id,
      name: f.name,
      culture: f.culture,
      tags: f.tags,
      technology: f.technology,
      leader: f.leader,
      doctrine: f.doctrine,
      principles: f.principles.map((p) => ({
        id: p.id,
        text: p.text,
        forbidsProvisions: p.forbids.provisions,
        forbidsPartnersMarked: p.forbids.partnersMarked,
      })),
      resources,
      marks,
      readiness: {},
      agenda: { alliance: null },
      deliberations: {},
      crews: f.crews.map((c) => ({ ...c, spokesperson: c.spokesperson ?? null })),
    };
  }

  const persons: Record<string, Person> = {};
  for (const p of spec.persons) {
    persons[p.id] = {
      id: p.id,
      name: p.name,
      faction: p.faction,
      loyalty: p.loyalty ?? p.faction,
      role: p.role,
      tags: p.tags,
      personality: p.personality,
      biases: p.biases,
      influence: p.influence,
      debts: p.debts,
      contacts: p.contacts,
      demands: p.demands,
      status: p.status,
      position:
        p.aboard !== undefined
          ? { kind: 'ship', ship: p.aboard }
          : { kind: 'location', location: p.at as LocationId },
    };
  }

  const ships: Record<string, Ship> = {};
  for (const s of spec.ships) {
    const systems = {} as Record<ShipSystem, number>;
    for (const sys of SHIP_SYSTEMS) systems[sys] = s.systems[sys] ?? 1;
    ships[s.id] = {
      id: s.id,
      name: s.name,
      faction: s.faction,
      class: s.class,
      count: s.count,
      firepower: s.firepower,
      crew: { complement: s.crew, injured: 0, killed: 0 },
      systems,
      speeds: s.speeds,
      location: s.at,
      course: null,
      repairs: [],
      transporterLock: [],
      destroyed: false,
    };
  }

  const relations: Record<string, Relation> = {};
  for (const r of spec.relations) {
    const directions: [FactionId, FactionId][] = r.mutual
      ? [
          [r.from, r.to],
          [r.to, r.from],
        ]
      : [[r.from, r.to]];
    for (const [from, to] of directions) {
      relations[relationKey(from, to)] = {
        from,
        to,
        status: r.status,
        affinity: r.affinity,
        trust: { alpha: 1 + r.trust.positive, beta: 1 + r.trust.negative },
        grievances: r.grievances.map((g, i) => ({
          id: g.id ?? `${from}-${to}-${i + 1}`,
          cause: g.cause,
          weight: g.weight,
          since: g.since,
          halfLife: g.halfLife,
        })),
      };
    }
  }

  const beliefs: Record<string, Belief> = {};
  for (const b of spec.beliefs) {
    beliefs[beliefKey(b.holder, b.about)] = {
      holder: b.holder,
      about: b.about,
      intentions: b.intentions,
      suspicions: b.suspicions.map((text) => ({ text, since: 0 as Minutes })),
      lastContact: null,
    };
  }

  const intents: Record<string, HiddenIntent> = {};
  for (const i of spec.intents) {
    intents[i.id] = {
      id: i.id,
      faction: i.faction,
      kind: i.kind,
      target: i.target,
      text: i.text,
      indicators: i.indicators,
      status: i.status,
      suspectedBy: [],
    };
  }

  return {
    scenario: spec.id,
    time: 0 as Minutes,
    factions,
    persons,
    ships,
    locations,
    distances,
    relations,
    agreements: {},
    negotiations: {},
    conferences: {},
    channels: {},
    messages: [],
    intents,
    rendezvous: [],
    mailboxes: {},
    violations: {},
    beliefs,
  };
}
