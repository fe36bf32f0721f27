/**
 * A run's alliance network and map over time, as graph elements a browser can draw at any position
 * of the event log: the elements of the world before the first event, then, for each event that
 * changed any, the elements it set (or removed). A client reaches position p by applying the steps
 * up to p, so scrubbing needs no simulation and no fold in the browser.
 *
 * The elements are read from the world, not from the events: whatever event type changes relations,
 * agreements, forces or people shows on the network and the map without a change here. Each element
 * has a `kind` (faction, relation, agreement; place, route, course) the UI styles by name.
 */
import {
  apply,
  buildWorld,
  describeProvision,
  FactionView,
  type FactionId,
  type LocationId,
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

/** Factions sized by strength; ties by relation status (neutral is no tie) and by agreements in force. */
export function networkElements(world: World): Record<string, ElementData> {
  const out: Record<string, ElementData> = {};
  const factions = sortedIds(world.factions);
  const someone = factions[0];
  const view = someone === undefined ? null : new FactionView(world, someone);
  for (const id of factions) {
    const f = world.factions[id]!;
    out[`f:${id}`] = {
      kind: 'faction',
      label: f.name,
      strength: Math.round((view?.strength(id) ?? 0) * 100) / 100,
    };
  }
  const pairs = new Map<string, { a: string; b: string; statuses: string[] }>();
  for (const key of sortedIds(world.relations)) {
    const r = world.relations[key]!;
    const [a, b] = r.from < r.to ? [r.from, r.to] : [r.to, r.from];
    const pair = `${a}|${b}`;
    const entry = pairs.get(pair) ?? { a, b, statuses: [] };
    entry.statuses.push(r.status);
    pairs.set(pair, entry);
  }
  for (const [pair, { a, b, statuses }] of pairs) {
    const status = STATUS_ORDER.find((s) => statuses.includes(s));
    if (status)
      out[`r:${pair}`] = { kind: 'relation', status, label: status, source: `f:${a}`, target: `f:${b}` };
  }
  for (const id of sortedIds(world.agreements)) {
    const ag = world.agreements[id]!;
    if (ag.status !== 'active') continue;
    const label = ag.provisions.map(describeProvision).join('; ');
    const [first, ...rest] = ag.parties;
    for (const other of rest)
      out[`a:${id}:${other}`] = {
        kind: 'agreement',
        label,
        agreement: id,
        source: `f:${first}`,
        target: `f:${other}`,
      };
  }
  return out;
}

/** Top-level places with the forces stopped there and the people standing there; routes; ships under way. */
export function mapElements(world: World): Record<string, ElementData> {
  const out: Record<string, ElementData> = {};
  const forces = new Map<string, string[]>();
  const people = new Map<string, string[]>();
  const push = (m: Map<string, string[]>, k: string, v: string) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  const factionName = (f: FactionId) => world.factions[f]?.name ?? f;
  for (const id of sortedIds(world.ships)) {
    const s = world.ships[id]!;
    if (s.destroyed) continue;
    const name = s.count > 1 ? `${s.name} ×${s.count}` : s.name;
    if (s.course) {
      const from = topLocation(world, s.course.from);
      const to = topLocation(world, s.course.to);
      out[`c:${id}`] = {
        kind: 'course',
        label: name,
        faction: factionName(s.faction),
        source: `l:${from}`,
        target: `l:${to}`,
      };
    } else push(forces, topLocation(world, s.location), `${name} (${factionName(s.faction)})`);
  }
  for (const id of sortedIds(world.persons)) {
    const p = world.persons[id]!;
    if (p.position.kind !== 'location' || p.status === 'dead') continue;
    const at = p.position.location;
    const top = topLocation(world, at);
    const where = at === top ? '' : ` in ${world.locations[at]?.name ?? at}`;
    push(people, top, `${p.name}${p.status === 'detained' ? ' (detained)' : ''}${where}`);
  }
  for (const id of sortedIds(world.locations)) {
    const l = world.locations[id]!;
    if (l.parent) continue;
    const f = forces.get(id) ?? [];
    const p = people.get(id) ?? [];
    out[`l:${id}`] = {
      kind: 'place',
      label: [l.name, ...f, ...p].join('\n'),
      name: l.name,
      forces: f,
      people: p,
      controlledBy: l.controlledBy ? factionName(l.controlledBy) : null,
    };
  }
  for (const key of Object.keys(world.distances).sort()) {
    const [a, b] = key.split('|') as [LocationId, LocationId];
    if (world.locations[a]?.parent || world.locations[b]?.parent) continue;
    out[`d:${key}`] = {
      kind: 'route',
      label: `${world.distances[key]} ly`,
      lightYears: world.distances[key],
      source: `l:${a}`,
      target: `l:${b}`,
    };
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
  for (const id of Object.keys(after)) {
    if (before[id] === undefined || JSON.stringify(before[id]) !== JSON.stringify(after[id])) {
      out[id] = after[id]!;
      any = true;
    }
  }
  for (const id of Object.keys(before))
    if (after[id] === undefined) {
      out[id] = null;
      any = true;
    }
  return any ? out : undefined;
}

/**
 * The timeline of a log. The elements are recomputed only after an event that replaced a
 * collection they are read from (the world is immutable: an unchanged collection is the same object).
 */
export function timelineOf(spec: ScenarioSpec, events: readonly WorldEvent[]): Timeline {
  let world = buildWorld(spec);
  let network = networkElements(world);
  let map = mapElements(world);
  const initial = { network, map };
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
    if (
      world.factions !== before.factions ||
      world.relations !== before.relations ||
      world.agreements !== before.agreements ||
      world.ships !== before.ships
    ) {
      const next = networkElements(world);
      step.network = changes(network, next);
      network = next;
    }
    if (
      world.ships !== before.ships ||
      world.persons !== before.persons ||
      world.locations !== before.locations
    ) {
      const next = mapElements(world);
      step.map = changes(map, next);
      map = next;
    }
    if (step.network || step.map) steps.push(step);
  }
  return { initial, steps };
}
