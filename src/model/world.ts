/**
 * The world: plain, JSON-serialisable data. It changes only through events (see ./events.ts),
 * applied by the engine's pure reducer; at any time it is the fold of the event log.
 *
 * Collections are records keyed by id. Code that iterates over them must use `sortedIds` (or
 * another explicit order): insertion order is deterministic in JavaScript, but relying on it would
 * tie a run's outcome to the order in which a scenario file happened to list things.
 */
import type { Council, Stance } from './council.js';
import { id } from './ids.js';
import { memo1, memoN, sortedEntries, sortedKeys, sortedValues } from './memo.js';
import type {
  AgreementId,
  CallId,
  ChannelId,
  ConferenceId,
  FactionId,
  IntentId,
  LocationId,
  NegotiationId,
  PersonId,
  PrincipleId,
  ResourceId,
  ShipId,
  WarId,
} from './ids.js';
import type { ObligationKind, Provision, ProvisionKind, ProvisionPattern, Support } from './provision.js';
import type { Minutes } from './time.js';
import type {
  ChannelKind,
  DealingKind,
  Doctrine,
  ForbiddenAct,
  HiddenIntentKind,
  hiddenIntentTarget,
  InvitationAnswer,
  LessonKind,
  MessageTopic,
  OfferKind,
  PersonStatus,
  Position,
  RelationStatus,
} from './vocabulary.js';
import type { Physics } from './physics.js';
import type { Bias, Personality } from './person.js';
import type { z } from 'zod';

export type { Bias, Personality } from './person.js';

/** A favour one person owes another; weight in [0, 1]. */
export interface Debt {
  readonly to: PersonId;
  readonly weight: number;
  readonly note: string;
}

export interface Person {
  readonly id: PersonId;
  readonly name: string;
  /** The faction the person serves openly. */
  readonly faction: FactionId;
  /** The faction the person is truly loyal to; differs from `faction` for a spy. */
  readonly loyalty: FactionId;
  readonly role: string;
  readonly tags: readonly string[];
  readonly personality: Personality;
  readonly biases: readonly Bias[];
  /** How much this person's counsel weighs with each other person, in [0, 1]. */
  readonly influence: Readonly<Record<PersonId, number>>;
  readonly debts: readonly Debt[];
  /** Persons this person knows and can reach directly (a former shipmate, an old acquaintance). */
  readonly contacts: readonly PersonId[];
  /** Provisions this person insists on in any agreement they make for their faction. */
  readonly demands: readonly ProvisionPattern[];
  /** What the person argues for or against: sides and interests (./council.ts). */
  readonly stances: readonly Stance[];
  readonly status: PersonStatus;
  readonly position: Position;
  /** A journey under way: the person has left `position` for `to` and is nowhere to be met until then. */
  readonly journey: Journey | null;
}

/** A person's journey from one place to another by the world's means of travel (../model/physics.ts). */
export interface Journey {
  readonly to: LocationId;
  readonly arrivesAt: Minutes;
}

/** A principle of a faction: what it will not do, whatever the gain (a veto, not a penalty). */
export interface Principle {
  readonly id: PrincipleId;
  readonly text: string;
  /** Provisions the faction will not agree to. */
  readonly forbidsProvisions: readonly ProvisionPattern[];
  /** The faction will not be party to an agreement with a faction bearing one of these marks. */
  readonly forbidsPartnersMarked: readonly string[];
  /** Acts the faction will not commit (see `ForbiddenAct`). */
  readonly forbidsActs: readonly ForbiddenAct[];
}

export interface Faction {
  readonly id: FactionId;
  readonly name: string;
  /** A broad grouping (e.g. a people) shared by several factions; used by threat and opinion. */
  readonly culture: string;
  readonly tags: readonly string[];
  /** Technological sophistication in [0, 1]: what others may covet. */
  readonly technology: number;
  readonly leader: PersonId;
  readonly doctrine: Doctrine;
  /** Who sits with the leader on the faction's questions and by what rule; null: the doctrine's. */
  readonly council: Council | null;
  readonly principles: readonly Principle[];
  readonly resources: Readonly<Record<ResourceId, number>>;
  /**
   * Marks earned by deeds and seen by all (e.g. `executioner` after springing an ambush at a
   * peace conference), each with the time it was earned. Principles may forbid partners with a mark.
   */
  readonly marks: Readonly<Record<string, Minutes>>;
  /** Readiness measures in force (diagnostics, drills, red alert): names, each with its start. */
  readonly readiness: Readonly<Record<string, Minutes>>;
  /** What the faction is pursuing: an alliance sought, with its terms. */
  readonly agenda: FactionAgenda;
  /** When the faction last deliberated each question (its leaders do not re-open one at once). */
  readonly deliberations: Readonly<Record<string, Minutes>>;
  /** Groups within the crew or people whose mood presses on the leader. */
  readonly crews: readonly CrewGroup[];
}

/**
 * A group within a faction's people (a ship's former rebels, its frightened crewmen). Its pressure
 * on the leader, share · dissent · (1 − morale), grows as morale falls with losses and danger.
 */
export interface CrewGroup {
  readonly id: string;
  readonly name: string;
  /** Who speaks for the group (gives its counsel). */
  readonly spokesperson: PersonId | null;
  /** Share of the faction's people in the group, in [0, 1]. */
  readonly share: number;
  readonly morale: number;
  readonly dissent: number;
  /** What the group wants the leader to do, in words (for the chronicle). */
  readonly wants: string;
}

export interface AllianceAim {
  readonly since: Minutes;
  readonly candidates: readonly FactionId[];
  readonly offer: readonly Provision[];
  readonly exclude: readonly ProvisionKind[];
}

export interface FactionAgenda {
  readonly alliance: AllianceAim | null;
}

export interface ShipCrew {
  readonly complement: number;
  readonly injured: number;
  readonly killed: number;
}

export interface Course {
  readonly from: LocationId;
  readonly to: LocationId;
  readonly departedAt: Minutes;
  readonly arrivesAt: Minutes;
}

/** A ship, or a squadron of `count` identical ships acting together. */
export interface Ship {
  readonly id: ShipId;
  readonly name: string;
  readonly faction: FactionId;
  readonly class: string;
  readonly count: number;
  /** Offensive strength of one ship at full weapons integrity (Lanchester's per-unit effectiveness). */
  readonly firepower: number;
  readonly crew: ShipCrew;
  /**
   * Integrity of each component of the world's physics in [0, 1] (0 for one the force lacks); the
   * log calls components systems.
   */
  readonly systems: Readonly<Record<string, number>>;
  /** The integrity each component had at the start: repair restores damage, never more. */
  readonly rated: Readonly<Record<string, number>>;
  /** Distance per hour by each way of moving, at full integrity of its drive. */
  readonly speeds: Readonly<Record<string, number>>;
  readonly location: LocationId;
  readonly course: Course | null;
  /** Components under repair. */
  readonly repairs: readonly string[];
  /** Persons held ready to be taken out at the first sign of trouble (a precaution of role `hold-ready`). */
  readonly heldReady: readonly PersonId[];
  readonly destroyed: boolean;
}

export interface Location {
  readonly id: LocationId;
  readonly name: string;
  readonly kind: string;
  /** The enclosing location (a bar on a planet); distances are measured between top-level places. */
  readonly parent: LocationId | null;
  readonly controlledBy: FactionId | null;
}

/** Beta reputation (Jøsang & Ismail 2002): α − 1 positive and β − 1 negative observations. */
export interface BetaTrust {
  readonly alpha: number;
  readonly beta: number;
}

/**
 * What a betrayal, a trap or a broken promise teaches the wronged: to beware of dealings like it —
 * with the same partner, its allies, the same kind of offer, the same sponsors (Jervis 1976,
 * *Perception and Misperception in International Politics*, ch. 6: leaders learn from vivid,
 * first-hand wrongs and apply the lesson to the situations that resemble them). The lesson is a
 * grievance's, and fades with it.
 */
export interface Lesson {
  readonly kind: LessonKind;
  readonly dealings: readonly DealingKind[];
  readonly sponsors: readonly FactionId[];
}

/** A remembered wrong, whose weight halves every `halfLife`; a betrayal's also teaches a lesson. */
export interface Grievance {
  readonly id: string;
  readonly cause: string;
  readonly weight: number;
  readonly since: Minutes;
  readonly halfLife: Minutes;
  readonly lesson?: Lesson;
}

/** How `from` regards `to`. Directed: the two directions of a pair may differ. */
export interface Relation {
  readonly from: FactionId;
  readonly to: FactionId;
  readonly status: RelationStatus;
  /** Liking in [−1, 1]. */
  readonly affinity: number;
  readonly trust: BetaTrust;
  readonly grievances: readonly Grievance[];
  /**
   * The last deed that set the status (a `relation-changed` with a status), when and why; absent
   * while the status is the one the relation began with.
   */
  readonly turned?: { readonly t: Minutes; readonly cause: string };
}

export type AgreementStatus = 'proposed' | 'active' | 'rejected' | 'dissolved';

export interface AgreementHistoryEntry {
  readonly t: Minutes;
  readonly status: AgreementStatus;
  readonly by: FactionId | null;
  readonly reason: string;
}

export interface Agreement {
  readonly id: AgreementId;
  /** What the treaty is called (`the Dual Alliance`), when it has a name. */
  readonly name: string | null;
  readonly parties: readonly FactionId[];
  readonly provisions: readonly Provision[];
  /** When it came into force (null while proposed); may be before the scenario starts. */
  readonly signed: Minutes | null;
  /** Each party's strength when it was signed (see `strengthOf`): what Leeds (2003) compares. */
  readonly power: Readonly<Record<FactionId, number>>;
  /** Known to its parties alone (a secret treaty); secret provisions of a public one, likewise. */
  readonly secret: boolean;
  /** The leading member of a league, which calls the others. */
  readonly leader: FactionId | null;
  /** When it lapses, if it has a term. */
  readonly expires: Minutes | null;
  /** Resources delivered under the agreement so far, by giver and resource (`giver>resource`). */
  readonly delivered: Readonly<Record<string, number>>;
  readonly status: AgreementStatus;
  readonly history: readonly AgreementHistoryEntry[];
  readonly negotiation: NegotiationId | null;
}

export interface Channel {
  readonly id: ChannelId;
  readonly kind: ChannelKind;
  readonly from: FactionId;
  readonly to: FactionId;
  /** The person who carries the channel: an envoy, or a spy. */
  readonly agent: PersonId | null;
  /** The contact through whom it passes: an intermediary, or a handler. */
  readonly contact: PersonId | null;
  readonly status: 'open' | 'denied' | 'closed';
  /** Known only to the factions of its agent's loyalty and its destination. */
  readonly secret: boolean;
}

export interface Offer {
  readonly t: Minutes;
  readonly by: FactionId;
  readonly speaker: PersonId;
  readonly kind: OfferKind;
  readonly provisions: readonly Provision[];
  readonly added: readonly Provision[];
  readonly excluded: readonly ProvisionKind[];
}

export interface Negotiation {
  readonly id: NegotiationId;
  readonly parties: readonly FactionId[];
  /** Where the talks take place: aboard a ship, or at a location (neither for talks at a distance). */
  readonly aboard: ShipId | null;
  readonly venue: LocationId | null;
  readonly channel: ChannelId | null;
  readonly agreement: AgreementId | null;
  readonly offers: readonly Offer[];
  /** Provision kinds each party has rejected on principle (its stated red lines). */
  readonly refused: Readonly<Record<FactionId, readonly ProvisionKind[]>>;
  readonly status: 'open' | 'agreed' | 'broken-off' | 'timed-out';
}

export interface Conference {
  readonly id: ConferenceId;
  readonly title: string;
  /** Who called it. */
  readonly proposer: PersonId;
  readonly host: FactionId;
  readonly sponsors: readonly FactionId[];
  readonly venue: LocationId;
  readonly invitees: readonly FactionId[];
  readonly answers: Readonly<Record<FactionId, InvitationAnswer>>;
  readonly attendees: readonly PersonId[];
  readonly arrangement: string | null;
  readonly proposedAt: Minutes;
  /** When the host means to open it (null: whenever the host convenes it). */
  readonly opensAt: Minutes | null;
  /** When it was convened. */
  readonly convenedAt: Minutes | null;
  readonly status: 'proposed' | 'convened' | 'ended';
  readonly outcome: string | null;
}

/** A message travelling between factions; delivered when the simulated clock reaches `arrivesAt`. */
export interface Message {
  readonly id: string;
  readonly from: FactionId;
  readonly to: FactionId;
  readonly sender: PersonId;
  readonly recipients: readonly PersonId[];
  readonly channel: ChannelId | null;
  readonly sentAt: Minutes;
  readonly arrivesAt: Minutes;
  readonly topic: MessageTopic;
  readonly text: string;
}

/** A hidden agenda: known to its faction alone until exposed. */
export interface HiddenIntent {
  readonly id: IntentId;
  readonly faction: FactionId;
  readonly kind: HiddenIntentKind;
  readonly target: Readonly<z.output<typeof hiddenIntentTarget>>;
  readonly text: string;
  /** Signs that may give the intent away to others (see engine/processes.ts). */
  readonly indicators: readonly Indicator[];
  readonly status: 'planned' | 'sprung' | 'abandoned' | 'exposed';
  /** Factions that have seen an indicator of this intent (they may not know whose it is). */
  readonly suspectedBy: readonly FactionId[];
}

/**
 * A sign that betrays a hidden intent aimed at a conference: once the conference is proposed and
 * `delay` has passed, each faction with someone at the venue's place, or a contact there, sees it
 * with probability `chance` (drawn once per faction).
 */
export interface Indicator {
  readonly text: string;
  readonly chance: number;
  readonly delay: Minutes;
}

/** A message as kept in its recipients' faction's mailbox. */
export interface Letter {
  readonly message: string;
  readonly from: FactionId;
  readonly sender: PersonId;
  readonly recipients: readonly PersonId[];
  readonly topic: MessageTopic;
  readonly text: string;
  readonly at: Minutes;
}

/** What one faction believes about another (its view, which may be wrong). */
export interface Belief {
  readonly holder: FactionId;
  readonly about: FactionId;
  /** Perceived intentions in [−1 hostile, 1 friendly] (Walt's "perceived intentions"). */
  readonly intentions: number;
  /** Hidden intents the holder suspects, with the indicators it has seen. */
  readonly suspicions: readonly { readonly text: string; readonly since: Minutes }[];
  readonly lastContact: Minutes | null;
}

/** A ship waiting at a place for a person, until a deadline. */
export interface Rendezvous {
  readonly ship: ShipId;
  readonly person: PersonId;
  readonly at: LocationId;
  readonly deadline: Minutes;
}

export interface World {
  readonly scenario: string;
  readonly time: Minutes;
  readonly factions: Readonly<Record<FactionId, Faction>>;
  readonly persons: Readonly<Record<PersonId, Person>>;
  readonly ships: Readonly<Record<ShipId, Ship>>;
  readonly locations: Readonly<Record<LocationId, Location>>;
  /** The world's physics and words, from the scenario (./physics.ts). */
  readonly physics: Physics;
  /** Distances (in the physics' unit) between top-level locations; key `a|b` with a < b. */
  readonly distances: Readonly<Record<string, number>>;
  /** The ways of moving a route allows, for routes that allow only some (a sea lane, a railway); key as `distances`. */
  readonly routeWays: Readonly<Record<string, readonly string[]>>;
  /** Keyed `from>to`. */
  readonly relations: Readonly<Record<string, Relation>>;
  readonly agreements: Readonly<Record<AgreementId, Agreement>>;
  readonly negotiations: Readonly<Record<NegotiationId, Negotiation>>;
  readonly conferences: Readonly<Record<ConferenceId, Conference>>;
  readonly channels: Readonly<Record<ChannelId, Channel>>;
  readonly messages: readonly Message[];
  readonly intents: Readonly<Record<IntentId, HiddenIntent>>;
  readonly rendezvous: readonly Rendezvous[];
  /** Messages delivered to each faction, oldest first. */
  readonly mailboxes: Readonly<Record<FactionId, readonly Letter[]>>;
  /** Principles already reported violated, keyed `faction>principle>agreement`, so each is reported once. */
  readonly violations: Readonly<Record<string, Minutes>>;
  /** Keyed `holder>about`. */
  readonly beliefs: Readonly<Record<string, Belief>>;
  readonly wars: Readonly<Record<WarId, War>>;
  readonly calls: Readonly<Record<CallId, Call>>;
}

/**
 * A war: two sides, who started it (the faction that declared it or struck first, when known) and
 * why, who joined when, who made a separate peace. A war may be undeclared: an attack on a faction
 * not at war with the attacker is aggression, and opens one (relations turn hostile, not war, so
 * that talks stay possible).
 */
export interface War {
  readonly id: WarId;
  readonly name: string;
  readonly aggressor: FactionId | null;
  readonly casusBelli: string;
  readonly declared: boolean;
  readonly startedAt: Minutes;
  /** Where it began (an attack's place), for obligations limited to places. */
  readonly where: LocationId | null;
  /** The belligerents of each side; the first side is the aggressor's. */
  readonly sides: readonly [readonly FactionId[], readonly FactionId[]];
  /** When each belligerent entered the war. */
  readonly joined: Readonly<Record<FactionId, Minutes>>;
  /** Belligerents who made a separate peace, and when. */
  readonly left: Readonly<Record<FactionId, Minutes>>;
  /** Factions that declared their neutrality in the war, and when (a public declaration). */
  readonly neutral: Readonly<Record<FactionId, Minutes>>;
  readonly ceasefireUntil: Minutes | null;
  readonly status: 'active' | 'ended';
  readonly endedAt: Minutes | null;
  readonly outcome: string | null;
}

export type CallStatus = 'open' | 'honoured' | 'partly' | 'reneged' | 'lapsed';

/**
 * A call to honour an obligation (the casus foederis): `from` asks `to` to join it in war `war`
 * against `against`, under a provision of an agreement. Calls the engine issues have their
 * conditions met; a partner may also ask when they are not (`conditionsMet` false, `failing` names
 * the condition) — such calls do not count in reliability.
 */
export interface Call {
  readonly id: CallId;
  readonly agreement: AgreementId;
  /** The provision's index in the agreement and its kind. */
  readonly provision: number;
  readonly obligation: ObligationKind;
  readonly support: Support;
  readonly from: FactionId;
  readonly to: FactionId;
  readonly war: WarId;
  readonly against: readonly FactionId[];
  readonly conditionsMet: boolean;
  readonly failing: string | null;
  readonly issuedAt: Minutes;
  /** The called party's strength when the agreement was signed and now. */
  readonly powerAtSigning: number;
  readonly powerNow: number;
  readonly status: CallStatus;
  /** The condition the called party invoked in answer, if any. */
  readonly invoked: string | null;
}

/**
 * The ids of a record in code-point order: the one iteration order the core uses. Cached per record
 * (records are never changed in place), hence read-only: copy before sorting or changing it.
 */
export function sortedIds<K extends string>(record: Readonly<Record<K, unknown>>): readonly K[] {
  return sortedKeys(record);
}

/**
 * The entry at a key that is any string (read from a path, a message, a name): own keys only, so
 * `constructor` or `__proto__` find nothing; undefined when there is none. Typed records take any
 * string here without a cast to their branded id.
 */
export function ownEntry<T>(record: { readonly [key: string]: T }, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The entries of a collection in the order of their ids (see `sortedIds`). */
export function inIdOrder<K extends string, T>(record: Readonly<Record<K, T>>): readonly T[] {
  return sortedValues(record);
}

/** What distances are computed from: the places and the known distances between them. */
export type Geography = Pick<World, 'distances' | 'locations'>;

export const relationKey = (from: FactionId, to: FactionId) => `${from}>${to}`;
export const beliefKey = relationKey;
export const distanceKey = (a: LocationId, b: LocationId) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The top-level location enclosing `l` (itself when it has no parent). */
export function topLocation(world: Pick<World, 'locations'>, l: LocationId): LocationId {
  let cur = l;
  for (let guard = 0; guard < 64; guard++) {
    const parent = world.locations[cur]?.parent;
    if (!parent) return cur;
    cur = parent;
  }
  return cur;
}

/**
 * The distance between two locations: 0 within the same top-level place; otherwise the shortest
 * route through the known distances (Floyd–Warshall over the top-level places, computed once per
 * table of distances); Infinity when no route is known.
 */
export function distanceBetween(world: World, a: LocationId, b: LocationId): number {
  const ta = topLocation(world, a);
  const tb = topLocation(world, b);
  if (ta === tb) return 0;
  return routeMatrix(world).get(ta)?.get(tb) ?? Number.POSITIVE_INFINITY;
}

const setDistances = new WeakMap<
  object,
  WeakMap<readonly LocationId[], Map<readonly LocationId[], number>>
>();

/**
 * The least `distanceBetween` any place of `from` and any place of `to`, two lists of top-level
 * places (Infinity if either is empty or no route joins them). Cached per table of distances and
 * pair of lists: with interned lists (see world-index `placesOf`) a pair is computed once for as
 * long as neither side moves.
 */
export function distanceBetweenSets(
  world: World,
  from: readonly LocationId[],
  to: readonly LocationId[],
): number {
  let byFrom = setDistances.get(world.distances);
  if (!byFrom) setDistances.set(world.distances, (byFrom = new WeakMap()));
  let row = byFrom.get(from);
  if (!row) byFrom.set(from, (row = new Map()));
  let best = row.get(to);
  if (best === undefined) {
    best = Number.POSITIVE_INFINITY;
    const matrix = routeMatrix(world);
    for (const a of from) {
      const routes = matrix.get(a);
      for (const b of to) best = Math.min(best, a === b ? 0 : (routes?.get(b) ?? Number.POSITIVE_INFINITY));
    }
    row.set(to, best);
  }
  return best;
}

const wayDistances = new WeakMap<object, Map<string, Readonly<Record<string, number>>>>();

/**
 * The distance between two locations by one way of moving: the shortest route over the routes that
 * allow it (all routes, when none is restricted to some ways).
 */
export function distanceByWay(world: World, a: LocationId, b: LocationId, way: string): number {
  if (Object.keys(world.routeWays).length === 0) return distanceBetween(world, a, b);
  let byWay = wayDistances.get(world.routeWays);
  if (!byWay) wayDistances.set(world.routeWays, (byWay = new Map()));
  let distances = byWay.get(way);
  if (!distances) {
    const allowed: Record<string, number> = {};
    for (const [key, d] of Object.entries(world.distances)) {
      const ways = world.routeWays[key];
      if (ways === undefined || ways.includes(way)) allowed[key] = d;
    }
    byWay.set(way, (distances = allowed));
  }
  return distanceBetween({ ...world, distances }, a, b);
}

const routeMatrices = new WeakMap<Map<string, number>, Map<string, Map<string, number>>>();

/** The route table as a map of maps, both directions: a lookup without building the key string. */
function routeMatrix(world: World): Map<string, Map<string, number>> {
  const table = routeTable(world);
  let matrix = routeMatrices.get(table);
  if (!matrix) {
    matrix = new Map();
    for (const [key, d] of table) {
      const [a, b] = splitDistanceKey(key);
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        let row = matrix.get(x);
        if (!row) matrix.set(x, (row = new Map()));
        row.set(y, d);
      }
    }
    routeMatrices.set(table, matrix);
  }
  return matrix;
}

const routeTables = new WeakMap<object, Map<string, number>>();

function routeTable(world: Geography): Map<string, number> {
  const cached = routeTables.get(world.distances);
  if (cached) return cached;
  const table = new Map<string, number>();
  // Floyd–Warshall over the top-level places: `d[i][j]` the shortest known route from place i to j.
  const rows = topLevelPlaces(world).map((place, i, places) => ({
    place,
    d: places.map((_, j) => (i === j ? 0 : Number.POSITIVE_INFINITY)),
  }));
  const index = new Map(rows.map((row, i) => [row.place, { i, d: row.d }]));
  for (const [key, distance] of Object.entries(world.distances).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [x, y] = splitDistanceKey(key);
    const from = index.get(x);
    const to = index.get(y);
    if (from === undefined || to === undefined) continue;
    from.d[to.i] = to.d[from.i] = Math.min(from.d[to.i] ?? Number.POSITIVE_INFINITY, distance);
  }
  // Rows have one entry per place, so every read below is in range.
  for (const [k, { d: dk }] of rows.entries())
    for (const { d: di } of rows) {
      const dik = di[k] ?? Number.POSITIVE_INFINITY;
      for (const [j, dkj] of dk.entries())
        if (dik + dkj < (di[j] ?? Number.POSITIVE_INFINITY)) di[j] = dik + dkj;
    }
  for (const [i, a] of rows.entries())
    for (const [j, b] of rows.entries()) {
      const dij = a.d[j] ?? Number.POSITIVE_INFINITY;
      if (j > i && Number.isFinite(dij)) table.set(distanceKey(a.place, b.place), dij);
    }
  routeTables.set(world.distances, table);
  return table;
}

/** The top-level places (places with no parent), by id. */
function topLevelPlaces(world: Pick<World, 'locations'>): LocationId[] {
  return sortedEntries(world.locations)
    .filter(([, l]) => !l.parent)
    .map(([place]) => place);
}

/** The two places of a key of `world.distances` (`a|b`, see `distanceKey`). */
function splitDistanceKey(key: string): [LocationId, LocationId] {
  const [a = '', b = ''] = key.split('|');
  return [id.location(a), id.location(b)];
}

/**
 * The top-level places within `radius` (distance units) of a top-level place by known routes (itself
 * included), by id. Built once per table of distances and radius from the route table.
 */
export function placesWithin(world: Geography, place: LocationId, radius: number): readonly LocationId[] {
  const byRadius = nearTables(world.distances, world.locations);
  let near = byRadius.get(radius);
  if (!near) {
    const out = new Map<LocationId, LocationId[]>();
    const add = (a: LocationId, b: LocationId) => {
      const list = out.get(a);
      if (list) list.push(b);
      else out.set(a, [b]);
    };
    for (const l of topLevelPlaces(world)) add(l, l);
    for (const [key, d] of routeTable(world)) {
      if (d > radius) continue;
      const [a, b] = splitDistanceKey(key);
      add(a, b);
      add(b, a);
    }
    for (const list of out.values()) list.sort();
    byRadius.set(radius, (near = out));
  }
  return near.get(place) ?? [place];
}

const nearTables = memoN(
  (_distances: World['distances'], _locations: World['locations']) =>
    new Map<number, ReadonlyMap<LocationId, readonly LocationId[]>>(),
);

/** The number of top-level places (places with no parent). */
export const topLevelPlaceCount = memo1(
  (locations: World['locations']) => Object.values(locations).filter((l) => !l.parent).length,
);

/** The location of a person aboard a ship that does not exist: no place at all. */
const NOWHERE = id.location('');

/** Where a person is, as a location (aboard a ship: the ship's location). */
export function personLocation(world: World, p: Person): LocationId {
  return p.position.kind === 'location'
    ? p.position.location
    : (world.ships[p.position.ship]?.location ?? NOWHERE);
}

/** The persons serving a faction, by id. */
export function membersOf(world: World, faction: FactionId): Person[] {
  return sortedValues(world.persons).filter((p) => p.faction === faction);
}

/** The ships of a faction, by id. */
export function shipsOf(world: World, faction: FactionId): Ship[] {
  return sortedValues(world.ships).filter((s) => s.faction === faction);
}

/** Expected trust E[p] = α / (α + β) of a Beta reputation. */
export function expectedTrust(t: BetaTrust): number {
  return t.alpha / (t.alpha + t.beta);
}

/** A grievance's weight at time `t`: exponential decay with its half-life. */
export function grievanceWeight(g: Grievance, t: Minutes): number {
  const age = Math.max(0, t - g.since);
  return g.halfLife > 0 ? g.weight * 0.5 ** (age / g.halfLife) : g.weight;
}

/** A neutral relation, for pairs a scenario does not describe. */
export function defaultRelation(from: FactionId, to: FactionId): Relation {
  return { from, to, status: 'neutral', affinity: 0, trust: { alpha: 1, beta: 1 }, grievances: [] };
}

/** A neutral belief, for pairs a scenario does not describe. */
export function defaultBelief(holder: FactionId, about: FactionId): Belief {
  return { holder, about, intentions: 0, suspicions: [], lastContact: null };
}
