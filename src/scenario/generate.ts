/**
 * A synthetic scenario of many factions, for measuring how the engine and the leaders scale.
 *
 * The world is a plain one of land and sea (`PHYSICS`: hosts that march, galleys that sail,
 * couriers that ride, distances in leagues). The factions sit on a jittered square grid (spacing
 * `SPACING` leagues), each in its own territory; routes are known only between grid neighbours (the eight around each cell) and from
 * each territory to its region's trading hub, so the world has spatial locality as real maps do.
 * Relations are local too: each neighbouring pair is drawn as rivals (hostile, a grievance, bad
 * beliefs), enemies at war, trading partners (friendly, some trust) or strangers. Cultures come in
 * regions; some leaders hold a bias against another culture; some factions hold a principle
 * against giving away technology; a crew group with grievances of its own presses on some leaders.
 *
 * Treaties are in force from the start (`treatiesOf`, ./generate-treaties.ts): leagues with a
 * leading member, alliances with conditional and sometimes secret pledges, pacts of non-aggression
 * and neutrality, signed years ago; the old border wars are under way; some factions hold
 * principles over acts.
 *
 * The only forced events are exogenous raids: at random times through the run, a rival or enemy
 * neighbour's galleys strike a faction's host in its territory (damage, casualties). Raids
 * are drawn at about one per faction per `RAID_EVERY_DAYS`, so the work per simulated day grows
 * linearly with the number of factions, and every decision after them is the leaders'.
 *
 * The result is an ordinary scenario, validated by the loader like a file (its `text` is the JSON).
 */
import { inputError, must } from '../common/errors.js';
import { createRng, type Rng } from '../common/random.js';
import { loadScenario, type Scenario } from './loader.js';
import type { z } from 'zod';
import type { ScenarioInput } from './schema.js';
import type { eventPayloadSchemas } from '../events/index.js';
import { type Pairs, treatiesOf } from './generate-treaties.js';

export interface GenerateOptions {
  /** Number of factions (default 200). */
  readonly factions?: number;
  /** Simulated days the scenario lasts (default 365). */
  readonly days?: number;
  /** Seed of the generator (the world drawn), not of the runs (default 1). */
  readonly seed?: number;
}

/** Most factions a generated scenario may have (a world of 10,000 takes seconds to draw and minutes to run). */
export const MAX_GENERATED_FACTIONS = 10_000;
/** Most days a generated scenario may last (ten years; raids, and so the script, grow with days). */
export const MAX_GENERATED_DAYS = 3650;

/** Leagues between neighbouring cells of the grid (two or three days' march). */
const SPACING = 8;
/** Factions per trading hub (a market town with a guildhall), about a 4 × 4 block of the grid. */
const HUB_BLOCK = 4;
/** Each faction suffers about one raid in this many days. */
const RAID_EVERY_DAYS = 45;

const CULTURES = ['riverfolk', 'hillfolk', 'islanders', 'nomads', 'traders', 'wardens'] as const;
const RESOURCES = ['food', 'medicine', 'clothing', 'powder', 'gold'] as const;
/** The components of a host that a raid can reach (a host has no sails). */
const DAMAGEABLE = ['armour', 'arms', 'horses', 'ranks', 'couriers'] as const;

/** A world of land and sea: hosts march on their horses, galleys sail; couriers ride at 1.5 leagues an hour. */
const PHYSICS: NonNullable<ScenarioInput['physics']> = {
  distanceUnit: 'leagues',
  components: [
    { id: 'horses' },
    { id: 'sails' },
    { id: 'armour', role: 'protection' },
    { id: 'arms', role: 'armament' },
    { id: 'couriers', role: 'signalling' },
    { id: 'ranks', role: 'structure' },
  ],
  ways: [
    { id: 'sail', name: 'under sail', needs: ['sails'], speed: 0.3 },
    { id: 'march', name: 'on the march', needs: ['horses'], speed: 0.3 },
  ],
  transfers: [{ id: 'on-foot', verb: 'goes' }],
  messages: { name: 'courier', speed: 1.5 },
  precautions: [
    { id: 'muster', name: 'a muster of the host', role: 'inspection' },
    { id: 'drills', name: 'drills', role: 'drill' },
    { id: 'watch-fires', name: 'watch-fires lit', role: 'alert' },
    { id: 'scouts', name: 'scouts sent out', role: 'watch' },
  ],
  neverGiven: ['powder', 'gold'],
  technology: 'the art of fortification',
  words: { forces: 'our host', home: 'our lands' },
};

const pad = (i: number) => String(i + 1).padStart(3, '0');
const round2 = (x: number) => Math.round(x * 100) / 100;
const unit = (rng: Rng, lo = 0, hi = 1) => round2(lo + (hi - lo) * rng.float());

function personality(rng: Rng) {
  return {
    aggression: unit(rng, 0.1, 0.9),
    caution: unit(rng, 0.1, 0.9),
    pride: unit(rng, 0.1, 0.95),
    honour: unit(rng, 0.1, 0.95),
    patience: unit(rng, 0.1, 0.9),
    suspicion: unit(rng, 0.2, 0.9),
  };
}

/** One faction's cell of the grid: its ids, its region's hub and culture, and its position. */
interface Cell {
  /** Place in the grid, row by row: the order factions are drawn in. */
  readonly index: number;
  /** The faction's id (`f-001`…) and its territory's. */
  readonly id: string;
  readonly space: string;
  /** The trading hub of its block of the grid. */
  readonly hub: string;
  readonly culture: (typeof CULTURES)[number];
  /** Position in leagues: the grid cell jittered by up to a quarter of the spacing. */
  readonly x: number;
  readonly y: number;
}

type Point = { readonly x: number; readonly y: number };
type Locations = NonNullable<ScenarioInput['locations']>;
type Distances = NonNullable<ScenarioInput['distances']>;

const fid = (i: number) => `f-${pad(i)}`;
const dist = (a: Point, b: Point) => round2(Math.max(0.1, Math.hypot(a.x - b.x, a.y - b.y)));

/** The scenario's input document (before validation). */
export function generateScenarioInput(options: GenerateOptions = {}): ScenarioInput {
  const n = options.factions ?? 200;
  const durationDays = options.days ?? 365;
  if (!Number.isInteger(n) || n < 2 || n > MAX_GENERATED_FACTIONS)
    throw inputError(
      `a generated scenario has 2 to ${MAX_GENERATED_FACTIONS.toLocaleString('en-US')} factions, not ${n}`,
      {
        path: 'factions',
      },
    );
  if (!(durationDays > 0) || durationDays > MAX_GENERATED_DAYS)
    throw inputError(`a generated scenario lasts 1 to ${MAX_GENERATED_DAYS} days, not ${durationDays}`, {
      path: 'days',
    });
  // The draws come in a fixed order — positions, factions, relations — then the raids' own stream.
  const rng = createRng(`generated-scenario/${options.seed ?? 1}`);
  const side = Math.ceil(Math.sqrt(n));
  const cells = drawCells(n, side, rng);
  const neighbours = neighbourPairs(cells, side);
  const places = territoriesAndHubs(cells);
  const contacts = advisorContacts(neighbours);
  const factions: NonNullable<ScenarioInput['factions']> = [];
  const persons: NonNullable<ScenarioInput['persons']> = [];
  const forces: NonNullable<ScenarioInput['forces']> = [];
  for (const cell of cells) {
    factions.push(drawFaction(cell, rng));
    persons.push(...drawPersons(cell, contacts.get(cell.index) ?? [], rng));
    forces.push(...drawForces(cell, rng));
  }
  const { relations, beliefs, hostilePairs, pairs } = drawRelations(neighbours, rng);
  const raidCount = hostilePairs.length === 0 ? 0 : Math.round((n * durationDays) / RAID_EVERY_DAYS);
  const raids = drawRaids(hostilePairs, raidCount, durationDays, rng.split('raids'));
  const treaties = treatiesOf(rng.split('treaties'), {
    n,
    fid,
    space: (i) => `${fid(i)}-space`,
    hubs: hubMembers(cells),
    pairs,
    strength: cells.map((c) => strengthOf(forces, c.id)),
    raiders: new Set(raids.map((r) => r.attacker)),
    raided: new Set(raids.map((r) => `${r.attacker}>${r.defender}`)),
  });
  for (const [i, principle] of treaties.principles) factions[i]?.principles?.push(principle);
  return {
    version: 1,
    id: `generated-${n}`,
    title: `A generated land of ${n} factions`,
    description: `${n} factions on a ${side} × ${side} grid with local routes and relations, and raids.`,
    tick: '1h',
    duration: `${durationDays}d`,
    seed: options.seed ?? 1,
    physics: PHYSICS,
    resources: [...RESOURCES],
    locations: places.locations,
    distances: [
      ...places.distances,
      ...neighbours.map(([a, b]): Distances[number] => ({
        between: [a.space, b.space],
        distance: dist(a, b),
      })),
    ],
    factions,
    persons,
    forces,
    relations,
    agreements: treaties.agreements,
    wars: treaties.wars,
    beliefs,
    script: raids.map((r) => r.step),
  };
}

/** The members of each trading hub, by their place in the grid. */
function hubMembers(cells: readonly Cell[]): Map<string, number[]> {
  const hubs = new Map<string, number[]>();
  for (const c of cells) hubs.set(c.hub, [...(hubs.get(c.hub) ?? []), c.index]);
  return hubs;
}

/** A faction's strength at the start, as the engine reckons it (firepower of its forces in line). */
function strengthOf(forces: NonNullable<ScenarioInput['forces']>, faction: string): number {
  return forces
    .filter((s) => s.faction === faction)
    .reduce((sum, s) => sum + (s.count ?? 1) * (s.firepower ?? 1), 0);
}

/** The factions' cells, row by row, each position jittered by up to a quarter of the spacing. */
function drawCells(n: number, side: number, rng: Rng): Cell[] {
  // Cultures come in regions of 6 × 6 cells; trading hubs serve blocks of HUB_BLOCK × HUB_BLOCK.
  const regions = Math.max(1, Math.ceil(side / 6));
  return Array.from({ length: n }, (_, index) => {
    const row = Math.floor(index / side);
    const col = index % side;
    const id = fid(index);
    const region = (Math.floor(row / 6) * regions + Math.floor(col / 6)) % CULTURES.length;
    return {
      index,
      id,
      space: `${id}-space`,
      hub: `hub-${Math.floor(row / HUB_BLOCK)}-${Math.floor(col / HUB_BLOCK)}`,
      culture: must(CULTURES[region], 'culture of a region'),
      x: (col + (rng.float() - 0.5) / 2) * SPACING,
      y: (row + (rng.float() - 0.5) / 2) * SPACING,
    };
  });
}

/** Neighbouring pairs (the eight cells around each), each pair once. */
function neighbourPairs(cells: readonly Cell[], side: number): [Cell, Cell][] {
  const pairs: [Cell, Cell][] = [];
  for (const cell of cells) {
    const row = Math.floor(cell.index / side);
    const col = cell.index % side;
    for (const [dr, dc] of [
      [0, 1],
      [1, -1],
      [1, 0],
      [1, 1],
    ] as const) {
      const r = row + dr;
      const c = col + dc;
      if (r < 0 || c < 0 || c >= side) continue;
      const other = cells[r * side + c];
      if (other) pairs.push([cell, other]);
    }
  }
  return pairs;
}

/**
 * Each faction's territory, then each trading hub (by id) with its meeting hall, controlled by the
 * faction nearest the hub; and the routes from each territory to its hub.
 */
function territoriesAndHubs(cells: readonly Cell[]): { locations: Locations; distances: Distances } {
  const locations: Locations = [];
  const distances: Distances = [];
  const hubs = new Map<string, Cell[]>();
  for (const cell of cells) {
    locations.push({
      id: cell.space,
      name: `the lands of ${cell.id}`,
      kind: 'territory',
      controlledBy: cell.id,
    });
    hubs.set(cell.hub, [...(hubs.get(cell.hub) ?? []), cell]);
  }
  for (const [hub, members] of [...hubs].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    // The hub lies at its block's centre; the faction nearest it controls the hall.
    const centre = {
      x: members.reduce((s, c) => s + c.x, 0) / members.length,
      y: members.reduce((s, c) => s + c.y, 0) / members.length,
    };
    const [host] = [...members].sort((a, b) => dist(a, centre) - dist(b, centre) || a.index - b.index);
    locations.push({ id: hub, name: `the market town ${hub}`, kind: 'town' });
    locations.push({
      id: `${hub}-hall`,
      name: `the guildhall of ${hub}`,
      kind: 'hall',
      parent: hub,
      controlledBy: must(host, 'a member of a hub').id,
    });
    for (const c of members) distances.push({ between: [c.space, hub], distance: dist(c, centre) });
  }
  return { locations, distances };
}

/** Each faction's first advisor knows the first advisors of its neighbours (channels need contacts). */
function advisorContacts(neighbours: readonly [Cell, Cell][]): Map<number, string[]> {
  const contacts = new Map<number, string[]>();
  const add = (cell: Cell, other: Cell) => {
    const list = contacts.get(cell.index);
    if (list) list.push(`${other.id}-advisor-1`);
    else contacts.set(cell.index, [`${other.id}-advisor-1`]);
  };
  for (const [a, b] of neighbours) {
    add(a, b);
    add(b, a);
  }
  return contacts;
}

function drawFaction(cell: Cell, rng: Rng): NonNullable<ScenarioInput['factions']>[number] {
  const { id, culture } = cell;
  const resources: Record<string, number> = {};
  for (const r of RESOURCES) resources[r] = Math.round(20 + 500 * rng.float());
  const hasCrewGroup = rng.chance(0.4);
  return {
    id,
    name: `the ${culture} faction ${id}`,
    culture,
    tags: [culture],
    technology: unit(rng, 0.2, 0.9),
    leader: `${id}-leader`,
    doctrine: rng.pick(['autocratic', 'autocratic', 'council', 'consensus'] as const),
    resources,
    principles: rng.chance(0.3)
      ? [
          {
            id: `${id}-keeps-its-technology`,
            text: 'Our technology is not for others.',
            forbids: { provisions: [{ kind: 'technology-transfer', giver: 'self' }] },
          },
        ]
      : [],
    crews: hasCrewGroup
      ? [
          {
            id: 'restless-crew',
            name: 'crewmen tired of the raids',
            spokesperson: `${id}-engineer`,
            share: unit(rng, 0.1, 0.4),
            morale: unit(rng, 0.3, 0.7),
            dissent: unit(rng, 0.2, 0.6),
            wants: 'make peace with anyone who will have us',
          },
        ]
      : [],
  };
}

/** A faction's leader (some biased against another culture), two advisors and an engineer, aboard its flagship. */
function drawPersons(
  cell: Cell,
  contacts: readonly string[],
  rng: Rng,
): NonNullable<ScenarioInput['persons']> {
  const { id, culture } = cell;
  const leader = `${id}-leader`;
  const aboard = `${id}-flagship`;
  const others = CULTURES.filter((c) => c !== culture);
  const persons: NonNullable<ScenarioInput['persons']> = [];
  persons.push({
    id: leader,
    name: `the leader of ${id}`,
    faction: id,
    role: 'leader',
    tags: [culture, 'leader'],
    aboard,
    personality: personality(rng),
    biases: rng.chance(0.15)
      ? [
          {
            id: 'distrusts-strangers',
            against: { tag: rng.pick(others) },
            strength: unit(rng, 0.3, 1),
            text: 'I will not take terms from their kind.',
          },
        ]
      : [],
  });
  for (const k of [0, 1]) {
    persons.push({
      id: `${id}-advisor-${k + 1}`,
      name: `advisor ${k + 1} of ${id}`,
      faction: id,
      role: 'advisor',
      tags: [culture, k === 0 ? 'security' : 'guide'],
      aboard,
      influence: { [leader]: unit(rng, 0.2, 0.8) },
      contacts: k === 0 ? [...contacts].sort() : [],
      personality: personality(rng),
    });
  }
  persons.push({
    id: `${id}-engineer`,
    name: `the engineer of ${id}`,
    faction: id,
    role: 'officer',
    tags: [culture, 'engineer'],
    aboard,
  });
  return persons;
}

/** A faction's host (its flagship: the leader rides with it) and its galleys, in its territory. */
function drawForces(cell: Cell, rng: Rng): NonNullable<ScenarioInput['forces']> {
  const { id, space } = cell;
  const host = {
    id: `${id}-flagship`,
    name: `the host of ${id}`,
    faction: id,
    class: 'host',
    firepower: unit(rng, 1.5, 6),
    crew: 40 + rng.int(0, 160),
    components: { sails: 0 },
    speeds: { march: unit(rng, 0.2, 0.5) },
    at: space,
  };
  const galleys = {
    id: `${id}-squadron`,
    name: `the galleys of ${id}`,
    faction: id,
    class: 'galleys',
    count: rng.int(1, 6),
    firepower: unit(rng, 0.8, 2),
    crew: 20 + rng.int(0, 120),
    components: { horses: 0 },
    speeds: { sail: unit(rng, 0.2, 0.4) },
    at: space,
  };
  return [host, galleys];
}

/** An attacker and the defender it is hostile to (or at war with). */
type HostilePair = readonly [attacker: Cell, defender: Cell];

/**
 * Each neighbouring pair drawn as enemies at war (one in ten), rivals (three in ten: hostile, a
 * grievance, a bad belief), trading partners (three in ten: friendly, some trust) or strangers.
 */
function drawRelations(neighbours: readonly [Cell, Cell][], rng: Rng) {
  const relations: NonNullable<ScenarioInput['relations']> = [];
  const beliefs: NonNullable<ScenarioInput['beliefs']> = [];
  const hostilePairs: HostilePair[] = [];
  const pairs: Pairs = { war: [], rivals: [], friends: [], strangers: [] };
  for (const [i, j] of neighbours) {
    const roll = rng.float();
    const [a, b] = rng.chance(0.5) ? [i, j] : [j, i];
    pairs[roll < 0.1 ? 'war' : roll < 0.4 ? 'rivals' : roll < 0.7 ? 'friends' : 'strangers'].push([
      a.index,
      b.index,
    ]);
    if (roll < 0.1) {
      relations.push({
        from: a.id,
        to: b.id,
        mutual: true,
        status: 'war',
        affinity: -0.8,
        trust: { negative: 6 },
        grievances: [{ cause: 'an old war over the border', weight: 0.8, since: '-90d', halfLife: '365d' }],
      });
      hostilePairs.push([a, b], [b, a]);
    } else if (roll < 0.4) {
      relations.push({
        from: a.id,
        to: b.id,
        status: 'hostile',
        affinity: -0.5,
        trust: { negative: 3 },
        grievances: [{ cause: 'raids on our convoys', weight: 0.5, since: '-20d', halfLife: '60d' }],
      });
      relations.push({ from: b.id, to: a.id, status: 'hostile', affinity: -0.4, trust: { negative: 2 } });
      beliefs.push({ holder: a.id, about: b.id, intentions: -0.6 });
      hostilePairs.push([b, a]);
    } else if (roll < 0.7) {
      relations.push({
        from: a.id,
        to: b.id,
        mutual: true,
        status: 'neutral',
        affinity: 0.4,
        trust: { positive: 3 },
      });
      beliefs.push({ holder: a.id, about: b.id, intentions: 0.3 });
    } else {
      relations.push({
        from: a.id,
        to: b.id,
        mutual: true,
        status: 'neutral',
        affinity: round2(-0.2 + 0.4 * rng.float()),
      });
    }
  }
  return { relations, beliefs, hostilePairs, pairs };
}

/** Exogenous raids at random hours: an attacker's galleys strike its foe's host (damage, casualties). */
function drawRaids(
  hostilePairs: readonly HostilePair[],
  count: number,
  durationDays: number,
  rng: Rng,
): { step: NonNullable<ScenarioInput['script']>[number]; attacker: number; defender: number }[] {
  const times: { at: number; attacker: Cell; defender: Cell }[] = [];
  for (let k = 0; k < count; k++) {
    const [attacker, defender] = rng.pick(hostilePairs);
    times.push({ at: rng.int(0, durationDays * 24 - 1), attacker, defender });
  }
  times.sort(
    (a, b) => a.at - b.at || a.attacker.index - b.attacker.index || a.defender.index - b.defender.index,
  );
  return times.map(({ at, attacker, defender }) => {
    const target = `${defender.id}-flagship`;
    const damage = rng
      .shuffle(DAMAGEABLE)
      .slice(0, rng.int(1, 3))
      .map((system) => ({ ship: target, system, integrity: unit(rng, 0.2, 0.8) }));
    const raid: z.input<(typeof eventPayloadSchemas)['engagement']> = {
      type: 'engagement',
      initiator: attacker.id,
      attackers: [`${attacker.id}-squadron`],
      defenders: [target],
      location: defender.space,
      outcome: 'attackers-withdrew',
      damage,
      casualties: [{ ship: target, injured: rng.int(0, 8), killed: rng.int(0, 2) }],
      notes: ['a raid across the border'],
    };
    return { step: { at: `${at}h`, event: raid }, attacker: attacker.index, defender: defender.index };
  });
}

/** A generated scenario, validated by the loader (its text is the JSON document). */
export function generateScenario(options: GenerateOptions = {}): Scenario {
  const input = generateScenarioInput(options);
  const n = options.factions ?? 200;
  return loadScenario(JSON.stringify(input), `generated-${n}.json`);
}
