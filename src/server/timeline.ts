/**
 * A run's alliance network and map over time, as graph elements a browser can draw at any position
 * of the event log: the elements of the world before the first event, then, for each event that
 * changed any, the elements it set (or removed). A client reaches position p by applying the steps
 * up to p, so scrubbing needs no simulation and no fold in the browser.
 *
 * The elements are read from the world, not from the events: whatever event type changes relations,
 * agreements, forces or people shows on the network and the map without a change here. Each element
 * has a `kind` (faction, relation, agreement, war, side; place, route, course) the UI styles by name.
 */
import {
  apply,
  buildWorld,
  describeProvision,
  FactionView,
  type FactionId,
  type LocationId,
  type Person,
  type Ship,
  type Relation,
  type ScenarioSpec,
  type World,
  type WorldEvent,
  sortedIds,
  topLocation,
} from '../index.js';

export interface ElementData {
  readonly kind: string;
  readonly label: string;
  readonly source?: string;
  readonly target?: string;
  readonly [field: string]: unknown;
}

export interface Timeline {
  /** `network` elements are factions and their ties; `map` elements are places and routes. */
  readonly initial: {
    readonly network: Record<string, ElementData>;
    readonly map: Record<string, ElementData>;
  };
  /** For each event that changed an element: its seq, and each changed element (null: removed). */
  readonly steps: readonly {
    readonly seq: number;
    readonly network?: Record<string, ElementData | null>;
    readonly map?: Record<string, ElementData | null>;
  }[];
}

/** Worst first: the status an edge between two factions shows when their views differ. */
const STATUS_ORDER = ['war', 'hostile', 'allied'] as const;

/**
 * Elements already made, by id, with what they were made from: an element whose sources are
 * unchanged (the same records: the world is immutable) is the same object, so a change of state is
 * found by comparing references.
 */
export class ElementCache {
  private readonly made = new Map<string, { key: unknown; key2: unknown; element: ElementData }>();
  element(id: string, key: unknown, key2: unknown, make: () => ElementData): ElementData {
    const old = this.made.get(id);
    if (old && old.key === key && old.key2 === key2) return old.element;
    const element = make();
    this.made.set(id, { key, key2, element });
    return element;
  }
}

type Elements = Record<string, ElementData>;

/** Factions sized by strength. */
function factionNodes(world: World, cache: ElementCache): Elements {
  const out: Elements = {};
  const factions = sortedIds(world.factions);
  const someone = factions[0];
  const view = someone === undefined ? null : new FactionView(world, someone);
  for (const id of factions) {
    const name = world.factions[id]!.name;
    const strength = Math.round((view?.strength(id) ?? 0) * 100) / 100;
    out[`f:${id}`] = cache.element(`f:${id}`, name, strength, () => ({
      kind: 'faction',
      label: name,
      strength,
    }));
  }
  return out;
}

/** A tie per pair of factions whose relation is not neutral (the worse status when their views differ). */
function relationEdges(world: World, cache: ElementCache): Elements {
  const out: Elements = {};
  const pairs = new Map<string, { a: string; b: string; relations: Relation[] }>();
  for (const key of sortedIds(world.relations)) {
    const r = world.relations[key]!;
    const [a, b] = r.from < r.to ? [r.from, r.to] : [r.to, r.from];
    const pair = `${a}|${b}`;
    const entry = pairs.get(pair);
    if (entry) entry.relations.push(r);
    else pairs.set(pair, { a, b, relations: [r] });
  }
  for (const [pair, { a, b, relations }] of pairs) {
    const status = STATUS_ORDER.find((s) => relations.some((r) => r.status === s));
    if (status)
      out[`r:${pair}`] = cache.element(`r:${pair}`, status, null, () => ({
        kind: 'relation',
        status,
        label: status,
        source: `f:${a}`,
        target: `f:${b}`,
      }));
  }
  return out;
}

/** Agreements in force, with their provisions. */
function agreementEdges(world: World, cache: ElementCache): Elements {
  const out: Elements = {};
  for (const id of sortedIds(world.agreements)) {
    const ag = world.agreements[id]!;
    if (ag.status !== 'active') continue;
    const [first, ...rest] = ag.parties;
    for (const other of rest)
      out[`a:${id}:${other}`] = cache.element(`a:${id}:${other}`, ag.provisions, null, () => ({
        kind: 'agreement',
        label: ag.provisions.map(describeProvision).join('; '),
        agreement: id,
        source: `f:${first}`,
        target: `f:${other}`,
      }));
  }
  return out;
}

/** Wars under way, each a node tied to its belligerents by the side they fight on. */
function warElements(world: World, cache: ElementCache): Elements {
  const out: Elements = {};
  for (const id of sortedIds(world.wars)) {
    const war = world.wars[id];
    if (!war || war.status !== 'active') continue;
    out[`w:${id}`] = cache.element(`w:${id}`, war.name, war.declared, () => ({
      kind: 'war',
      label: war.name,
      declared: war.declared,
    }));
    war.sides.forEach((members, side) => {
      for (const f of members) {
        if (war.left[f] !== undefined) continue;
        out[`s:${id}:${f}`] = cache.element(`s:${id}:${f}`, side, null, () => ({
          kind: 'side',
          label: side === 0 ? 'side of the aggressor' : 'side attacked',
          side,
          source: `w:${id}`,
          target: `f:${f}`,
        }));
      }
    });
  }
  return out;
}

/** The map: places with the forces and people there, ships under way, routes. */
export function mapElements(world: World, cache = new ElementCache()): Elements {
  return { ...placeNodes(world, cache), ...routeEdges(world, cache) };
}

/** The network: factions sized by strength; ties by relation status and by agreements in force; wars with their sides. */
export function networkElements(world: World, cache = new ElementCache()): Elements {
  return Object.assign({}, ...PARTS.filter((p) => p.of === 'network').map((p) => p.elements(world, cache)));
}

/**
 * Where a ship or a person is, in words, made once per record (records are immutable) for as long
 * as the places and the factions' names stay the same.
 */
const sayings = new WeakMap<object, WeakMap<object, ReturnType<typeof makeSaying>>>();
function saying(world: World) {
  let byFactions = sayings.get(world.locations);
  if (!byFactions) sayings.set(world.locations, (byFactions = new WeakMap()));
  let s = byFactions.get(world.factions);
  if (!s) byFactions.set(world.factions, (s = makeSaying(world)));
  return s;
}

function makeSaying(world: World) {
  const factionName = (f: FactionId) => world.factions[f]?.name ?? f;
  const ships = new WeakMap<Ship, { place: string; text: string; course?: ElementData }>();
  const persons = new WeakMap<Person, { place: string; text: string }>();
  return {
    ship(s: Ship) {
      let said = ships.get(s);
      if (!said) {
        const name = s.count > 1 ? `${s.name} ×${s.count}` : s.name;
        const place = topLocation(world, s.location);
        said = { place, text: `${name} (${factionName(s.faction)})` };
        if (s.course)
          said.course = {
            kind: 'course',
            label: name,
            faction: factionName(s.faction),
            source: `l:${topLocation(world, s.course.from)}`,
            target: `l:${topLocation(world, s.course.to)}`,
          };
        ships.set(s, said);
      }
      return said;
    },
    person(p: Person) {
      let said = persons.get(p);
      if (!said) {
        const at = p.position.kind === 'location' ? p.position.location : ('' as LocationId);
        const place = topLocation(world, at);
        const where = at === place ? '' : ` in ${world.locations[at]?.name ?? at}`;
        said = { place, text: `${p.name}${p.status === 'detained' ? ' (detained)' : ''}${where}` };
        persons.set(p, said);
      }
      return said;
    },
  };
}

/** Top-level places with the forces stopped there and the people standing there; ships under way. */
function placeNodes(world: World, cache: ElementCache): Elements {
  const out: Elements = {};
  const forces = new Map<string, string[]>();
  const people = new Map<string, string[]>();
  const push = (m: Map<string, string[]>, k: string, v: string) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  const factionName = (f: FactionId) => world.factions[f]?.name ?? f;
  const said = saying(world);
  for (const id of sortedIds(world.ships)) {
    const s = world.ships[id]!;
    if (s.destroyed) continue;
    const where = said.ship(s);
    if (where.course) out[`c:${id}`] = cache.element(`c:${id}`, where.course, null, () => where.course!);
    else push(forces, where.place, where.text);
  }
  for (const id of sortedIds(world.persons)) {
    const p = world.persons[id]!;
    if (p.position.kind !== 'location' || p.status === 'dead') continue;
    const where = said.person(p);
    push(people, where.place, where.text);
  }
  for (const id of sortedIds(world.locations)) {
    const l = world.locations[id]!;
    if (l.parent) continue;
    const f = forces.get(id) ?? [];
    const p = people.get(id) ?? [];
    out[`l:${id}`] = cache.element(`l:${id}`, l, `${f.join('\n')}\n\n${p.join('\n')}`, () => ({
      kind: 'place',
      // The label stays short (the lists are in the data, and in words beside the map).
      label: [
        l.name,
        [
          f.length > 0 ? `${f.length} ${f.length === 1 ? 'force' : 'forces'}` : '',
          p.length > 0 ? `${p.length} ${p.length === 1 ? 'person' : 'people'}` : '',
        ]
          .filter(Boolean)
          .join(', '),
      ]
        .filter(Boolean)
        .join('\n'),
      name: l.name,
      forces: f,
      people: p,
      controlledBy: l.controlledBy ? factionName(l.controlledBy) : null,
    }));
  }
  return out;
}

/** The known routes between top-level places, with their lengths. */
function routeEdges(world: World, cache: ElementCache): Elements {
  const out: Elements = {};
  const routes = sortedIds(world.distances).flatMap((key) => {
    const [a, b] = key.split('|') as [LocationId, LocationId];
    const distance = world.distances[key];
    if (world.locations[a]?.parent || world.locations[b]?.parent || distance === undefined) return [];
    return [{ key, a, b, distance }];
  });
  // Lengths relative to the longest route, so that a map in kilometres lays out like one in leagues.
  const longest = Math.max(1e-9, ...routes.map((r) => r.distance));
  for (const { key, a, b, distance } of routes) {
    out[`d:${key}`] = cache.element(`d:${key}`, distance, null, () => ({
      kind: 'route',
      label: `${distance} ${world.physics.distanceUnit}`,
      distance,
      relative: distance / longest,
      source: `l:${a}`,
      target: `l:${b}`,
    }));
  }
  return out;
}

/** The elements that differ from `before` to `after` (null for removed ones); undefined when none. */
function changes(
  before: Record<string, ElementData>,
  after: Record<string, ElementData>,
): Record<string, ElementData | null> | undefined {
  const out: Record<string, ElementData | null> = {};
  let any = false;
  for (const id in after) {
    if (before[id] !== after[id]) {
      out[id] = after[id]!;
      any = true;
    }
  }
  for (const id in before)
    if (after[id] === undefined) {
      out[id] = null;
      any = true;
    }
  return any ? out : undefined;
}

/**
 * What each part of the picture is read from: a part is recomputed only after an event that
 * replaced one of its collections (the world is immutable: an unchanged collection is the same
 * object), and only its changed elements are kept.
 */
const PARTS: readonly {
  readonly of: 'network' | 'map';
  readonly reads: readonly (keyof World)[];
  readonly elements: (world: World, cache: ElementCache) => Elements;
}[] = [
  { of: 'network', reads: ['factions', 'ships'], elements: factionNodes },
  { of: 'network', reads: ['relations'], elements: relationEdges },
  { of: 'network', reads: ['agreements'], elements: agreementEdges },
  { of: 'network', reads: ['wars'], elements: warElements },
  { of: 'map', reads: ['ships', 'persons', 'locations'], elements: placeNodes },
  { of: 'map', reads: ['locations', 'distances'], elements: routeEdges },
];

/** The timeline of a log: the picture before the first event, then each event's changes to it. */
export function timelineOf(spec: ScenarioSpec, events: readonly WorldEvent[]): Timeline {
  let world = buildWorld(spec);
  const cache = new ElementCache();
  const current = PARTS.map((part) => part.elements(world, cache));
  const initial = { network: {} as Elements, map: {} as Elements };
  PARTS.forEach((part, i) => Object.assign(initial[part.of], current[i]));
  const steps: Timeline['steps'][number][] = [];
  for (const e of events) {
    const before = world;
    world = apply(world, e);
    const step: {
      seq: number;
      network?: Record<string, ElementData | null>;
      map?: Record<string, ElementData | null>;
    } = {
      seq: e.seq,
    };
    PARTS.forEach((part, i) => {
      if (part.reads.every((k) => world[k] === before[k])) return;
      const next = part.elements(world, cache);
      const changed = changes(current[i]!, next);
      current[i] = next;
      if (changed) step[part.of] = { ...step[part.of], ...changed };
    });
    if (step.network || step.map) steps.push(step);
  }
  return { initial, steps };
}
