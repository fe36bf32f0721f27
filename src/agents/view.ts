/**
 * A faction's view of the world: what its leader may base decisions on. It holds the true world
 * but exposes only what the faction could know — its own people, ships, plans and mail; others'
 * public standing (names, strength, marks, the positions of ships where it has eyes); its own
 * relations and beliefs; the talks, agreements, channels and conferences it takes part in; and the
 * events it could have observed. Leaders never read the world, the script or the milestones
 * directly (issue of fairness: they must act from causes they can see).
 */
import { type Act, type ActBreach, type Breach, findActBreach, findBreach } from '../engine/principles.js';
import type { Provision } from '../model/provision.js';
import type { ConferenceId, FactionId, LocationId, PersonId } from '../model/ids.js';
import type { Minutes } from '../model/time.js';
import {
  type Agreement,
  type Belief,
  type Call,
  type Channel,
  type Conference,
  distanceBetween,
  expectedTrust,
  type Faction,
  type Grievance,
  grievanceWeight,
  type HiddenIntent,
  type Letter,
  type Negotiation,
  type Person,
  personLocation,
  placesWithin,
  topLevelPlaceCount,
  type Relation,
  distanceBetweenSets,
  type Ship,
  inIdOrder,
  sortedIds,
  topLocation,
  type War,
  type World,
} from '../model/world.js';
import type { Physics } from '../model/physics.js';
import {
  agreementsWithStatus,
  conferencesOf,
  negotiationsWithStatus,
  beliefsHeldBy,
  beliefsMapOf,
  relationsMapFrom,
  factionsByPlace,
  placesOf,
  liveShipsOf,
  negotiationsOf,
  personsAboard,
  personsByFaction,
  personsByLoyalty,
  personsStandingAt,
  relationsFrom,
  shipsStoppedAt,
  strengthOf,
} from '../model/world-index.js';
import { memoN } from '../model/memo.js';
import { must } from '../common/errors.js';
import { observersOf, type WorldEvent } from '../events/index.js';
import { sideOf } from '../events/obligations.js';
import { MOBILISATION_LASTS } from './tuning.js';
import type { AgreementId, IntentId, ShipId, WarId } from '../model/ids.js';

const NEUTRAL_BELIEF = { intentions: 0, suspicions: [], lastContact: null };

/**
 * How far a faction sees others it has no dealings with (see `FactionView.factionIds`), in the
 * world's neighbourhoods (../model/physics.ts): four neighbours away.
 */
export const SIGHT_IN_NEIGHBOURHOODS = 4;

/** The distance within which a faction sees others in a world. */
export const sightOf = (world: Pick<World, 'physics'>): number =>
  SIGHT_IN_NEIGHBOURHOODS * world.physics.neighbourhood;

/** `awaitedVisitors` by faction, once per state of a mailbox and of the world's negotiations. */
const awaitedTable = memoN(
  (_mailbox: readonly Letter[], _negotiations: World['negotiations']) =>
    new Map<FactionId, readonly FactionId[]>(),
);

/**
 * The factions present within `SIGHT` of any of a list of places, or nowhere at all, by id: once
 * per (interned) list of places and placement of the factions, so while nobody moves it is reused.
 */
const inSight = memoN(
  (
    mine: readonly LocationId[],
    placement: ReturnType<typeof factionsByPlace>,
    distances: World['distances'],
    locations: World['locations'],
    physics: World['physics'],
  ) => {
    const world = { distances, locations };
    const sight = sightOf({ physics });
    const found = new Set<FactionId>(placement.nowhere);
    for (const place of mine)
      for (const near of placesWithin(world, place, sight))
        for (const f of placement.at.get(near) ?? []) found.add(f);
    const list = Object.freeze([...found].sort());
    return { list, set: new Set(list) };
  },
);

/** The last distribution of a log's events to their observers (see `FactionView.observed`). */
const observations = new WeakMap<
  readonly WorldEvent[],
  {
    readonly since: number;
    readonly length: number;
    readonly world: World;
    readonly byFaction: ReadonlyMap<string, WorldEvent[]>;
  }
>();

export class FactionView {
  readonly id: FactionId;
  readonly self: Faction;
  readonly t: Minutes;
  private readonly world: World;
  // Lookups memoised for the life of the view (its world never changes).
  private relations: ReadonlyMap<string, Relation> | undefined;
  private beliefs: ReadonlyMap<string, Belief> | undefined;
  private known: readonly FactionId[] | undefined;
  private alliesOnce: readonly FactionId[] | undefined;
  private conferencesOnce: readonly Conference[] | undefined;
  private ownIntentsOnce: readonly HiddenIntent[] | undefined;
  private allIntents: readonly HiddenIntent[] | undefined;

  /** @param t the current time (the tick being decided); defaults to the time of the last event. */
  constructor(world: World, faction: FactionId, t: Minutes = world.time) {
    this.world = world;
    this.id = faction;
    this.self = must(world.factions[faction], () => `faction ${faction}`);
    this.t = t;
  }

  /** The world's physics and words (everyone knows how the world works). */
  get physics(): Physics {
    return this.world.physics;
  }

  // ── Own faction ────────────────────────────────────────────────────────────────────────────

  leader(): Person {
    return must(this.world.persons[this.self.leader], () => `the leader of ${this.id}`);
  }

  /** Living members serving this faction, by id. */
  members(): Person[] {
    return personsByFaction(this.world, this.id).filter((p) => p.status !== 'dead');
  }

  /** Grievances against others added within `window` (recent harm), summed at their current weight. */
  recentHarm(window: Minutes): number {
    let total = 0;
    // Our relations in the order of the others' ids, as a scan of every faction would visit them.
    for (const r of relationsFrom(this.world, this.id)) {
      if (!this.world.factions[r.to]) continue;
      for (const g of r.grievances) if (this.t - g.since <= window) total += grievanceWeight(g, this.t);
    }
    return total;
  }

  /** How many of the faction's people have died: named members and crew. */
  losses(): number {
    let dead = 0;
    for (const p of personsByFaction(this.world, this.id)) if (p.status === 'dead') dead++;
    for (const s of this.ownShips()) dead += s.crew.killed;
    return dead;
  }

  /**
   * The faction that holds one of our detained people: the owner of the ship they are held aboard,
   * or the faction that controls the place they are held in (or the nearest enclosing place that
   * has a master). A faction knows where its people are held: the detention is a grievance it
   * holds (src/events/movement.ts).
   */
  captorOf(p: Person): FactionId | null {
    if (p.status !== 'detained') return null;
    if (p.position.kind === 'ship') return this.world.ships[p.position.ship]?.faction ?? null;
    for (let l = this.world.locations[p.position.location]; l;) {
      if (l.controlledBy !== null) return l.controlledBy;
      l = l.parent === null ? undefined : this.world.locations[l.parent];
    }
    return null;
  }

  /** Our people another faction holds (its captives of ours), by id. */
  heldBy(other: FactionId): Person[] {
    return this.members().filter((m) => this.captorOf(m) === other);
  }

  /** Living persons secretly loyal to this faction while serving another (its spies). */
  agents(): Person[] {
    return personsByLoyalty(this.world, this.id).filter((p) => p.faction !== this.id && p.status !== 'dead');
  }

  person(id: PersonId): Person | undefined {
    const p = this.world.persons[id];
    // Anyone's name, tags and whereabouts when met are public; we expose the person record.
    return p;
  }

  ownShips(): readonly Ship[] {
    return liveShipsOf(this.world, this.id);
  }

  /** The faction's main ship: its strongest (the one its leader is aboard, when there is one). */
  flagship(): Ship | undefined {
    return this.flagshipOf(this.id);
  }

  /** A faction's main ship (fleets are seen): where its leader is aboard, else its strongest. */
  flagshipOf(faction: FactionId): Ship | undefined {
    const leader = this.world.persons[this.faction(faction).leader];
    if (leader?.position.kind === 'ship') {
      const s = this.world.ships[leader.position.ship];
      if (s && s.faction === faction && !s.destroyed) return s;
    }
    // The strongest; among equals the first by id (what a stable sort, strongest first, puts first).
    let best: Ship | undefined;
    for (const sh of liveShipsOf(this.world, faction))
      if (best === undefined || sh.count * sh.firepower - best.count * best.firepower > 0) best = sh;
    return best;
  }

  ownIntents(): readonly HiddenIntent[] {
    return (this.ownIntentsOnce ??= Object.freeze(this.intents().filter((i) => i.faction === this.id)));
  }

  /** Hidden intents of others this faction has seen a sign of (it may not know whose they are). */
  suspectedIntents(): HiddenIntent[] {
    return this.intents().filter((i) => i.faction !== this.id && i.suspectedBy.includes(this.id));
  }

  /** Every hidden intent in the world, by id (for the filters above; never exposed as such). */
  private intents(): readonly HiddenIntent[] {
    return (this.allIntents ??= inIdOrder(this.world.intents));
  }

  mailbox(): readonly Letter[] {
    return this.world.mailboxes[this.id] ?? [];
  }

  // ── Others ─────────────────────────────────────────────────────────────────────────────────

  /**
   * The factions this one knows of, by id: itself; those with forces or people within sight
   * (`sightOf`) of its own; those it holds a relation with or a belief about, wherever they are;
   * and those with no ships or people anywhere (their whereabouts unknown). A faction with no
   * whereabouts of its own knows of all. Leaders weigh threats and partners among these only: a
   * faction does not fear, court or reckon with powers it has never heard of beyond its horizon —
   * which also keeps the cost of a leader's review independent of the size of the world.
   */
  factionIds(): readonly FactionId[] {
    return (this.known ??= this.knownFactions());
  }

  private knownFactions(): readonly FactionId[] {
    const w = this.world;
    const mine = this.places(this.id);
    if (mine.length === 0) return sortedIds(w.factions);
    // A faction that sees every place from one of its own knows of every faction (a small world).
    const places = topLevelPlaceCount(w.locations);
    const sight = sightOf(w);
    if (mine.some((place) => placesWithin(w, place, sight).length === places)) return sortedIds(w.factions);
    const { list, set } = inSight(mine, factionsByPlace(w), w.distances, w.locations, w.physics);
    let extra: FactionId[] | null = null;
    for (const r of relationsFrom(w, this.id))
      if (w.factions[r.to] && !set.has(r.to)) (extra ??= []).push(r.to);
    for (const b of beliefsHeldBy(w, this.id))
      if (w.factions[b.about] && !set.has(b.about)) (extra ??= []).push(b.about);
    // Sorted as `sortedIds` would list them (code-point order).
    return extra === null ? list : Object.freeze([...new Set([...list, ...extra])].sort());
  }

  faction(id: FactionId): Faction {
    return must(this.world.factions[id], () => `faction ${id}`);
  }

  /** How this faction regards another (its own relation). */
  relation(to: FactionId): Relation | undefined {
    return (this.relations ??= relationsMapFrom(this.world, this.id)).get(to);
  }

  /**
   * How another faction regards this one: its own relation to us, which may differ from ours to it
   * (relations are directed). We know it as we know ours: the changes of its status towards us and
   * the grievances it adds against us are events we observe (../events/relations.ts).
   */
  regardOf(other: FactionId): Relation | undefined {
    return relationsMapFrom(this.world, other).get(this.id);
  }

  /** The weight of this faction's grievances against another, decayed to now. */
  grievance(to: FactionId): number {
    const r = this.relation(to);
    if (!r) return 0;
    let total = 0;
    for (const g of r.grievances) total += grievanceWeight(g, this.t);
    return total;
  }

  /**
   * The lessons this faction's grievances teach (betrayals, traps, broken promises: `Lesson`,
   * ../model/world.ts), with the faction that wronged it and the grievance's weight now, in the
   * order of the others' ids.
   */
  lessons(): readonly { readonly from: FactionId; readonly grievance: Grievance; readonly weight: number }[] {
    const out: { from: FactionId; grievance: Grievance; weight: number }[] = [];
    for (const r of relationsFrom(this.world, this.id)) {
      if (!this.world.factions[r.to]) continue;
      for (const g of r.grievances)
        if (g.lesson) out.push({ from: r.to, grievance: g, weight: grievanceWeight(g, this.t) });
    }
    return out;
  }

  /** Expected trust in another (Beta reputation mean); 0.5 for strangers. */
  trust(to: FactionId): number {
    const r = this.relation(to);
    return r ? expectedTrust(r.trust) : 0.5;
  }

  belief(about: FactionId): Pick<Belief, 'intentions' | 'suspicions' | 'lastContact'> {
    return (this.beliefs ??= beliefsMapOf(this.world, this.id)).get(about) ?? NEUTRAL_BELIEF;
  }

  /**
   * Perceived hostility of another faction in [0, 1] (Walt's "perceived intentions"): from the
   * status of our relation, our belief about its intentions, and what it has done to us.
   */
  hostilityOf(other: FactionId): number {
    const status = this.relation(other)?.status ?? 'neutral';
    const base = status === 'war' ? 0.9 : status === 'hostile' ? 0.6 : status === 'allied' ? 0 : 0.05;
    const belief = Math.max(0, -this.belief(other).intentions);
    return Math.min(1, Math.max(base, belief) + 0.2 * Math.min(1, this.grievance(other)));
  }

  /** The status between two other factions: wars and alliances are public knowledge. */
  statusBetween(a: FactionId, b: FactionId): Relation['status'] {
    return relationsMapFrom(this.world, a).get(b)?.status ?? 'neutral';
  }

  /** The first principle of this faction that an agreement would breach (see engine/principles.ts). */
  breachOf(provisions: readonly Provision[], partners: readonly FactionId[]): Breach | null {
    return findBreach(this.world, this.self, provisions, partners);
  }

  /** The first principle of this faction that forbids an act (attacking, going to war, breaking a treaty). */
  actBreach(act: Act): ActBreach | null {
    return findActBreach(this.world, this.self, act);
  }

  /**
   * When a faction last took a precaution of the world's role `alert` (a mobilisation, a raised
   * alert), if it is still on that footing (`MOBILISATION_LASTS`). A faction-wide alert is seen by
   * all (src/events/intrigue.ts).
   */
  mobilisedAt(of: FactionId): Minutes | null {
    const readiness = this.world.factions[of]?.readiness ?? {};
    let last: Minutes | null = null;
    for (const p of this.world.physics.precautions) {
      const at = p.role === 'alert' ? readiness[p.id] : undefined;
      if (at !== undefined && this.t - at < MOBILISATION_LASTS && (last === null || at > last)) last = at;
    }
    return last;
  }

  /** The combat strength of a faction as its ships' firepower (public: fleets are seen). */
  strength(of: FactionId): number {
    return strengthOf(this.world, of);
  }

  /** The distance from this faction's nearest ship or member to the other's nearest ship. */
  distanceTo(other: FactionId): number {
    // Both lists hold top-level places, so this is the least `distanceBetween` over their pairs.
    return distanceBetweenSets(this.world, this.places(this.id), this.places(other));
  }

  /** The top-level places where a faction has ships or free members, sorted (read-only). */
  places(of: FactionId): readonly LocationId[] {
    return placesOf(this.world, of);
  }

  place(of: Person | Ship): LocationId {
    return 'class' in of
      ? topLocation(this.world, of.location)
      : topLocation(this.world, personLocation(this.world, of));
  }

  locationOf(p: Person): LocationId {
    return personLocation(this.world, p);
  }

  location(id: LocationId) {
    return this.world.locations[id];
  }

  locationIds(): readonly LocationId[] {
    return sortedIds(this.world.locations);
  }

  distance(a: LocationId, b: LocationId): number {
    return distanceBetween(this.world, a, b);
  }

  top(l: LocationId): LocationId {
    return topLocation(this.world, l);
  }

  /** Ships of others at a place where this faction has eyes (a ship or a free member there). */
  shipsSeenAt(place: LocationId): readonly Ship[] {
    if (!this.places(this.id).includes(place) && !this.members().some((m) => this.place(m) === place))
      return [];
    return shipsStoppedAt(this.world, place);
  }

  /** Persons at an exact location (a room, a bar): visible to whoever is there. */
  personsAt(location: LocationId): readonly Person[] {
    return personsStandingAt(this.world, location);
  }

  /** Persons aboard a ship of this faction (its crew, guests and prisoners). */
  aboard(ship: Ship): readonly Person[] {
    return personsAboard(this.world, ship.id);
  }

  ship(id: ShipId): Ship | undefined {
    return this.world.ships[id];
  }

  // ── Shared business ────────────────────────────────────────────────────────────────────────

  agreements(status: Agreement['status'] = 'active'): readonly Agreement[] {
    return agreementsWithStatus(this.world, this.id, status);
  }

  allies(): FactionId[] {
    // A copy: callers put it into intents (`sponsors`), which hold mutable lists.
    return [...(this.alliesOnce ??= this.alliedFactions())];
  }

  private alliedFactions(): readonly FactionId[] {
    const out = new Set<FactionId>();
    for (const a of this.agreements()) {
      if (a.provisions.some((p) => p.kind === 'defence' || p.kind === 'travel-together')) {
        for (const p of a.parties) if (p !== this.id) out.add(p);
      }
    }
    return [...out].sort();
  }

  negotiations(status: Negotiation['status'] = 'open'): readonly Negotiation[] {
    return negotiationsWithStatus(this.world, this.id, status);
  }

  /** Are we in open talks with `other`? Two factions hold one negotiation at a time. */
  inTalksWith(other: FactionId): boolean {
    return this.negotiations('open').some((n) => n.parties.includes(other));
  }

  /**
   * An agreement as this faction knows it: whole if it is a party; a public treaty of others
   * without its secret provisions; a secret treaty of others, not at all.
   */
  agreement(id: AgreementId): Agreement | undefined {
    const a = this.world.agreements[id];
    if (!a || a.parties.includes(this.id)) return a;
    return a.secret ? undefined : withoutSecrets(a);
  }

  /** The treaties in force this faction knows of: its own, and others' public ones (see `agreement`). */
  knownAgreements(): Agreement[] {
    return inIdOrder(this.world.agreements).flatMap((a) => {
      const known = a.status === 'active' ? this.agreement(a.id) : undefined;
      return known ? [known] : [];
    });
  }

  // ── Wars and calls ───────────────────────────────────────────────────────────────────────

  /** Wars under way this faction knows of: declared ones, and hostilities it takes part in. */
  wars(): War[] {
    return inIdOrder(this.world.wars).filter(
      (w) => w.status === 'active' && (w.declared || sideOf(w, this.id) !== null),
    );
  }

  /** Every war this faction has fought in, under way or over, whether it is still in it or not. */
  warsFought(): War[] {
    return inIdOrder(this.world.wars).filter(
      (w) => w.sides[0].includes(this.id) || w.sides[1].includes(this.id),
    );
  }

  /** A war this faction knows of: a declared one, one it fights in, or one it is called to. */
  war(id: WarId): War | undefined {
    const w = this.world.wars[id];
    if (!w) return undefined;
    const called = inIdOrder(this.world.calls).some(
      (c) => c.war === id && (c.to === this.id || c.from === this.id),
    );
    return w.declared || sideOf(w, this.id) !== null || w.left[this.id] !== undefined || called
      ? w
      : undefined;
  }

  /** Calls to honour a treaty addressed to this faction and not yet answered. */
  openCalls(): Call[] {
    return inIdOrder(this.world.calls).filter((c) => c.status === 'open' && c.to === this.id);
  }

  /** Calls this faction made or received, answered or not. */
  calls(): Call[] {
    return inIdOrder(this.world.calls).filter((c) => c.to === this.id || c.from === this.id);
  }

  /**
   * Another faction's record of answering calls to honour its treaties, as far as this faction
   * knows it: answered calls under public treaties, and under any treaty this faction is party to
   * (a secret treaty's calls are known to its parties alone, as `knownTo` in events/calls.ts says).
   */
  callRecordOf(faction: FactionId): {
    readonly honoured: number;
    readonly partly: number;
    readonly reneged: number;
  } {
    let honoured = 0;
    let partly = 0;
    let reneged = 0;
    for (const c of inIdOrder(this.world.calls)) {
      if (c.to !== faction || c.status === 'open' || !this.agreement(c.agreement)) continue;
      if (c.status === 'honoured') honoured++;
      else if (c.status === 'partly') partly++;
      else reneged++;
    }
    return { honoured, partly, reneged };
  }

  /** The declared wars (under way or over) another faction has fought, and how many it began. */
  warRecordOf(faction: FactionId): { readonly fought: number; readonly begun: number } {
    let fought = 0;
    let begun = 0;
    for (const w of inIdOrder(this.world.wars)) {
      const known = w.declared || w.sides.some((side) => side.includes(this.id));
      if (!known || !w.sides.some((side) => side.includes(faction))) continue;
      fought++;
      if (w.aggressor === faction) begun++;
    }
    return { fought, begun };
  }

  /** Factions that accepted our proposal of talks and have not yet come to talk. */
  awaitedVisitors(): readonly FactionId[] {
    const mailbox = this.world.mailboxes[this.id];
    if (mailbox === undefined) return [];
    const table = awaitedTable(mailbox, this.world.negotiations);
    let awaited = table.get(this.id);
    if (awaited === undefined) {
      const talked = new Set(negotiationsOf(this.world, this.id).flatMap((n) => n.parties));
      awaited = [
        ...new Set(mailbox.filter((l) => l.topic === 'acceptance' && !talked.has(l.from)).map((l) => l.from)),
      ].sort();
      table.set(this.id, awaited);
    }
    return awaited;
  }

  /** Channels this faction takes part in; a covert one only for its spy's side and its destination. */
  channels(): Channel[] {
    return inIdOrder(this.world.channels).filter((c) => {
      if (c.kind === 'covert') {
        const agent = c.agent ? this.world.persons[c.agent] : undefined;
        return c.to === this.id || agent?.loyalty === this.id;
      }
      return c.from === this.id || c.to === this.id;
    });
  }

  /** Channels whose contact is one of this faction's members. */
  channelsThrough(): Channel[] {
    return inIdOrder(this.world.channels).filter(
      (c) => c.contact !== null && this.world.persons[c.contact]?.faction === this.id && c.kind !== 'covert',
    );
  }

  conferences(): readonly Conference[] {
    return (this.conferencesOnce ??= conferencesOf(this.world, this.id));
  }

  conference(id: ConferenceId): Conference | undefined {
    return this.world.conferences[id];
  }

  /** Whether a hidden intent of ours has been sprung, planned, …; others' only if suspected. */
  intent(id: IntentId): HiddenIntent | undefined {
    const i = this.world.intents[id];
    if (!i) return undefined;
    return i.faction === this.id || i.suspectedBy.includes(this.id) ? i : undefined;
  }

  /** Whether one of our ships is waiting at a rendezvous for one of our people. */
  waitingAtRendezvous(ship: Ship): boolean {
    return this.world.rendezvous.some((r) => r.ship === ship.id && ship.faction === this.id);
  }

  rendezvousFor(person: PersonId) {
    return this.world.rendezvous.find(
      (r) => r.person === person && this.world.ships[r.ship]?.faction === this.id,
    );
  }

  /** The events of `log[since…]` this faction observed (see `observes`). */
  observed(log: readonly WorldEvent[], since: number): readonly WorldEvent[] {
    // Every faction asks for the same stretch of the log in the same world in a tick: the events
    // are handed out to their observers once (see `observersOf`), not scanned once per faction.
    let shared = observations.get(log);
    if (shared?.since !== since || shared.length !== log.length || shared.world !== this.world) {
      const byFaction = new Map<string, WorldEvent[]>();
      const factions = sortedIds(this.world.factions);
      for (const e of log.slice(since)) {
        const observers = observersOf(this.world, e);
        for (const f of observers === 'all' ? factions : observers) {
          const list = byFaction.get(f);
          // A faction named twice in an event observes it once.
          if (!list) byFaction.set(f, [e]);
          else if (list[list.length - 1] !== e) list.push(e);
        }
      }
      shared = { since, length: log.length, world: this.world, byFaction };
      observations.set(log, shared);
    }
    return shared.byFaction.get(this.id) ?? [];
  }

  /**
   * Whether this faction observes an event: it is among the event's observers (each event type
   * declares them, src/events/) — it is party to it, it happened to its people or ships, or where
   * it has eyes; secret events are observed only by those they belong to.
   */
  observes(e: WorldEvent): boolean {
    const observers = observersOf(this.world, e);
    return observers === 'all' || observers.includes(this.id);
  }
}

/** A treaty as outsiders know it: without the provisions its parties keep secret. */
function withoutSecrets(a: Agreement): Agreement {
  const open = a.provisions.filter((p) => !('secret' in p && p.secret));
  return open.length === a.provisions.length ? a : { ...a, provisions: open };
}
