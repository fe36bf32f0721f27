/**
 * The world at time zero, built from a validated scenario.
 */
import { must } from '../common/errors.js';
import type { FactionId } from '../model/ids.js';
import { minutes } from '../model/time.js';
import {
  type Belief,
  beliefKey,
  distanceKey,
  type Faction,
  type HiddenIntent,
  type Location,
  type Person,
  type Relation,
  type War,
  type Agreement,
  relationKey,
  type Ship,
  type World,
} from '../model/world.js';
import type { ScenarioSpec } from '../scenario/schema.js';
import { strengthOf } from '../model/world-index.js';
import type { Physics } from '../model/physics.js';

type Spec<K extends keyof ScenarioSpec> = ScenarioSpec[K];

export function buildWorld(spec: ScenarioSpec): World {
  const world: World = {
    scenario: spec.id,
    time: minutes(0),
    factions: factionsOf(spec.factions),
    persons: personsOf(spec.persons),
    physics: spec.physics,
    ships: forcesOf(spec.forces, spec.physics),
    locations: locationsOf(spec.locations),
    distances: distancesOf(spec.distances),
    routeWays: routeWaysOf(spec.distances),
    relations: relationsOf(spec.relations),
    agreements: {},
    negotiations: {},
    conferences: {},
    channels: {},
    messages: [],
    intents: intentsOf(spec.intents),
    rendezvous: [],
    mailboxes: {},
    violations: {},
    beliefs: beliefsOf(spec.beliefs),
    wars: warsOf(spec.wars),
    calls: {},
  };
  return { ...world, agreements: agreementsOf(spec.agreements, world) };
}

/** A record of `items` by their ids, in the order given. */
function byId<K extends string, T, V>(
  items: readonly T[],
  key: (item: T) => K,
  make: (item: T) => V,
): Record<K, V> {
  const out = {} as Record<K, V>;
  for (const item of items) out[key(item)] = make(item);
  return out;
}

function locationsOf(locations: Spec<'locations'>): World['locations'] {
  return byId(
    locations,
    (l) => l.id,
    (l): Location => ({
      id: l.id,
      name: l.name,
      kind: l.kind,
      parent: l.parent ?? null,
      controlledBy: l.controlledBy ?? null,
    }),
  );
}

function distancesOf(distances: Spec<'distances'>): World['distances'] {
  return byId(
    distances,
    (d) => distanceKey(d.between[0], d.between[1]),
    (d) => d.distance,
  );
}

/** The ways of moving each restricted route allows (routes without `ways` allow all). */
function routeWaysOf(distances: Spec<'distances'>): World['routeWays'] {
  const out: Record<string, readonly string[]> = {};
  for (const d of distances) if (d.ways) out[distanceKey(d.between[0], d.between[1])] = [...d.ways].sort();
  return out;
}

function factionsOf(factions: Spec<'factions'>): World['factions'] {
  return byId(
    factions,
    (f) => f.id,
    (f): Faction => ({
      id: f.id,
      name: f.name,
      culture: f.culture,
      tags: f.tags,
      technology: f.technology,
      leader: f.leader,
      doctrine: f.doctrine,
      council: f.council ?? null,
      principles: f.principles.map((p) => ({
        id: p.id,
        text: p.text,
        forbidsProvisions: p.forbids.provisions,
        forbidsPartnersMarked: p.forbids.partnersMarked,
        forbidsActs: p.forbids.acts,
      })),
      // In code-point order of resource, whatever the file's order.
      resources: Object.fromEntries(
        Object.entries(f.resources).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      ),
      marks: Object.fromEntries(f.marks.map((m) => [m, minutes(0)])),
      readiness: {},
      agenda: { alliance: null },
      deliberations: {},
      crews: f.crews.map((c) => ({ ...c, spokesperson: c.spokesperson ?? null })),
    }),
  );
}

function personsOf(persons: Spec<'persons'>): World['persons'] {
  return byId(
    persons,
    (p) => p.id,
    (p): Person => ({
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
      stances: p.stances,
      status: p.status,
      position:
        p.aboard !== undefined
          ? { kind: 'ship', ship: p.aboard }
          : { kind: 'location', location: must(p.at, () => `where ${p.id} is`) },
      journey: null,
    }),
  );
}

function forcesOf(forces: Spec<'forces'>, physics: Physics): World['ships'] {
  return byId(
    forces,
    (s) => s.id,
    (s): Ship => {
      // Every component of the physics, intact unless the scenario says otherwise (0: lacking it).
      const systems = byId(
        physics.components,
        (c) => c.id,
        (c) => s.components[c.id] ?? 1,
      );
      return {
        id: s.id,
        name: s.name,
        faction: s.faction,
        class: s.class,
        count: s.count,
        firepower: s.firepower,
        crew: { complement: s.crew, injured: 0, killed: 0 },
        systems,
        rated: systems,
        speeds: byId(
          physics.ways,
          (w) => w.id,
          (w) => s.speeds[w.id] ?? w.speed,
        ),
        location: s.at,
        course: null,
        repairs: [],
        heldReady: [],
        destroyed: false,
      };
    },
  );
}

/** Relations as the scenario describes them; a mutual one in both directions. */
function relationsOf(relations: Spec<'relations'>): World['relations'] {
  const out: Record<string, Relation> = {};
  for (const r of relations) {
    const directions: [FactionId, FactionId][] = r.mutual
      ? [
          [r.from, r.to],
          [r.to, r.from],
        ]
      : [[r.from, r.to]];
    for (const [from, to] of directions) {
      out[relationKey(from, to)] = {
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
          ...(g.lesson ? { lesson: g.lesson } : {}),
        })),
      };
    }
  }
  return out;
}

function beliefsOf(beliefs: Spec<'beliefs'>): World['beliefs'] {
  return byId(
    beliefs,
    (b) => beliefKey(b.holder, b.about),
    (b): Belief => ({
      holder: b.holder,
      about: b.about,
      intentions: b.intentions,
      suspicions: b.suspicions.map((text) => ({ text, since: minutes(0) })),
      lastContact: null,
    }),
  );
}

function intentsOf(intents: Spec<'intents'>): World['intents'] {
  return byId(
    intents,
    (i) => i.id,
    (i): HiddenIntent => ({
      id: i.id,
      faction: i.faction,
      kind: i.kind,
      target: i.target,
      text: i.text,
      indicators: i.indicators,
      status: i.status,
      suspectedBy: [],
    }),
  );
}

/**
 * The treaties in force at the start. A party's strength when a treaty was signed is the scenario's
 * figure where it gives one, else its strength at the start (no change since).
 */
function agreementsOf(agreements: Spec<'agreements'>, world: World): World['agreements'] {
  return byId(
    agreements,
    (a) => a.id,
    (a) => treatyInForce(a, world),
  );
}

/** A treaty as a scenario (or a fork's edit) gives it, in force in `world`. */
export function treatyInForce(a: Spec<'agreements'>[number], world: World): Agreement {
  return {
    id: a.id,
    name: a.name ?? null,
    parties: a.parties,
    provisions: a.provisions,
    status: 'active',
    history: [{ t: a.signed, status: 'active', by: null, reason: 'in force' }],
    negotiation: null,
    delivered: {},
    signed: a.signed,
    power: Object.fromEntries(a.parties.map((f) => [f, a.powerAtSigning[f] ?? strengthOf(world, f)])),
    secret: a.secret,
    leader: a.leader ?? null,
    expires: a.expires ?? null,
  };
}

/** The wars under way at the start. */
function warsOf(wars: Spec<'wars'>): World['wars'] {
  return byId(
    wars,
    (w) => w.id,
    (w): War => ({
      id: w.id,
      name: w.name,
      aggressor: w.aggressor === undefined ? (w.sides[0][0] ?? null) : w.aggressor,
      casusBelli: w.casusBelli,
      declared: w.declared,
      startedAt: w.started,
      where: w.where ?? null,
      sides: [w.sides[0], w.sides[1]],
      joined: Object.fromEntries([...w.sides[0], ...w.sides[1]].map((f) => [f, w.started])),
      left: {},
      neutral: {},
      ceasefireUntil: null,
      status: 'active',
      endedAt: null,
      outcome: null,
    }),
  );
}
