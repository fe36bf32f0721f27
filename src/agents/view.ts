/**
 * A faction's view of the world: what its leader may base decisions on. It holds the true world
 * but exposes only what the faction could know — its own people, ships, plans and mail; others'
 * public standing (names, strength, marks, the positions of ships where it has eyes); its own
 * relations and beliefs; the talks, agreements, channels and conferences it takes part in; and the
 * events it could have observed. Leaders never read the world, the script or the milestones
 * directly (issue of fairness: they must act from causes they can see).
 */
import { type Breach, findBreach } from '../engine/principles.js';
import type { WorldEvent } from '../model/events.js';
import type { Provision } from '../model/provision.js';
import type { ConferenceId, FactionId, LocationId, PersonId } from '../model/ids.js';
import type { Minutes } from '../model/time.js';
import {
  type Agreement,
  type Belief,
  beliefKey,
  type Channel,
  type Conference,
  distanceBetween,
  expectedTrust,
  type Faction,
  grievanceWeight,
  type HiddenIntent,
  type Letter,
  type Negotiation,
  type Person,
  personLocation,
  type Relation,
  relationKey,
  type Ship,
  sortedIds,
  topLocation,
  type World,
} from '../model/world.js';

const NEUTRAL_BELIEF = { intentions: 0, suspicions: [], lastContact: null };

export class FactionView {
  readonly id: FactionId;
  readonly self: Faction;
  readonly t: Minutes;
  private readonly world: World;

  /** @param t the current time (the tick being decided); defaults to the time of the last event. */
  constructor(world: World, faction: FactionId, t: Minutes = world.time) {
    this.world = world;
    this.id = faction;
    this.self = world.factions[faction]!;
    this.t = t;
  }

  // ── Own faction ────────────────────────────────────────────────────────────────────────────

  leader(): Person {
    return this.world.persons[this.self.leader]!;
  }

  /** Living members serving this faction, by id. */
  members(): Person[] {
    const out: Person[] = [];
    for (const id of sortedIds(this.world.persons)) {
      const p = this.world.persons[id]!;
      if (p.faction === this.id && p.status !== 'dead') out.push(p);
    }
    return out;
  }

  /** Grievances against others added within `window` (recent harm), summed at their current weight. */
  recentHarm(window: Minutes): number {
    let total = 0;
    for (const f of sortedIds(this.world.factions)) {
      const r = this.relation(f);
      if (!r) continue;
      for (const g of r.grievances) if (this.t - g.since <= window) total += grievanceWeight(g, this.t);
    }
    return total;
  }

  /** How many of the faction's people have died: named members and crew. */
  losses(): number {
    let dead = 0;
    for (const id of sortedIds(this.world.persons)) {
      const p = this.world.persons[id]!;
      if (p.faction === this.id && p.status === 'dead') dead++;
    }
    for (const s of this.ownShips()) dead += s.crew.killed;
    return dead;
  }

  /** Living persons secretly loyal to this faction while serving another (its spies). */
  agents(): Person[] {
    return sortedIds(this.world.persons)
      .map((id) => this.world.persons[id]!)
      .filter((p) => p.loyalty === this.id && p.faction !== this.id && p.status !== 'dead');
  }

  person(id: PersonId): Person | undefined {
    const p = this.world.persons[id];
    // Anyone's name, tags and whereabouts when met are public; we expose the person record.
    return p;
  }

  ownShips(): Ship[] {
    return sortedIds(this.world.ships)
      .map((id) => this.world.ships[id]!)
      .filter((s) => s.faction === this.id && !s.destroyed);
  }

  /** The faction's main ship: its strongest (the one its leader is aboard, when there is one). */
  flagship(): Ship | undefined {
    return this.flagshipOf(this.id);
  }

  /** A faction's main ship (fleets are seen): where its leader is aboard, else its strongest. */
  flagshipOf(faction: FactionId): Ship | undefined {
    const leader = this.world.persons[this.world.factions[faction]!.leader];
    if (leader?.position.kind === 'ship') {
      const s = this.world.ships[leader.position.ship];
      if (s && s.faction === faction && !s.destroyed) return s;
    }
    return sortedIds(this.world.ships)
      .map((id) => this.world.ships[id]!)
      .filter((sh) => sh.faction === faction && !sh.destroyed)
      .sort((a, b) => b.count * b.firepower - a.count * a.firepower)[0];
  }

  ownIntents(): HiddenIntent[] {
    return sortedIds(this.world.intents)
      .map((id) => this.world.intents[id]!)
      .filter((i) => i.faction === this.id);
  }

  /** Hidden intents of others this faction has seen a sign of (it may not know whose they are). */
  suspectedIntents(): HiddenIntent[] {
    return sortedIds(this.world.intents)
      .map((id) => this.world.intents[id]!)
      .filter((i) => i.faction !== this.id && i.suspectedBy.includes(this.id));
  }

  mailbox(): readonly Letter[] {
    return this.world.mailboxes[this.id] ?? [];
  }

  // ── Others ─────────────────────────────────────────────────────────────────────────────────

  factionIds(): FactionId[] {
    return sortedIds(this.world.factions);
  }

  faction(id: FactionId): Faction {
    return this.world.factions[id]!;
  }

  /** How this faction regards another (its own relation). */
  relation(to: FactionId): Relation | undefined {
    return this.world.relations[relationKey(this.id, to)];
  }

  /** The weight of this faction's grievances against another, decayed to now. */
  grievance(to: FactionId): number {
    const r = this.relation(to);
    if (!r) return 0;
    let total = 0;
    for (const g of r.grievances) total += grievanceWeight(g, this.t);
    return total;
  }

  /** Expected trust in another (Beta reputation mean); 0.5 for strangers. */
  trust(to: FactionId): number {
    const r = this.relation(to);
    return r ? expectedTrust(r.trust) : 0.5;
  }

  belief(about: FactionId): Pick<Belief, 'intentions' | 'suspicions' | 'lastContact'> {
    return this.world.beliefs[beliefKey(this.id, about)] ?? NEUTRAL_BELIEF;
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
    return this.world.relations[relationKey(a, b)]?.status ?? 'neutral';
  }

  /** The first principle of this faction that an agreement would breach (see engine/principles.ts). */
  breachOf(provisions: readonly Provision[], partners: readonly FactionId[]): Breach | null {
    return findBreach(this.world, this.self, provisions, partners);
  }

  /** The combat strength of a faction as its ships' firepower (public: fleets are seen). */
  strength(of: FactionId): number {
    let total = 0;
    for (const id of sortedIds(this.world.ships)) {
      const s = this.world.ships[id]!;
      if (s.faction === of && !s.destroyed)
        total += s.count * s.firepower * (0.25 + 0.75 * s.systems.weapons);
    }
    return total;
  }

  /** Light-years from this faction's nearest ship or member to the other's nearest ship. */
  distanceTo(other: FactionId): number {
    const mine = this.places(this.id);
    const theirs = this.places(other);
    let best = Number.POSITIVE_INFINITY;
    for (const a of mine) for (const b of theirs) best = Math.min(best, distanceBetween(this.world, a, b));
    return best;
  }

  /** The top-level places where a faction has ships or free members. */
  places(of: FactionId): LocationId[] {
    const out = new Set<LocationId>();
    for (const id of sortedIds(this.world.ships)) {
      const s = this.world.ships[id]!;
      if (s.faction === of && !s.destroyed)
        out.add(topLocation(this.world, s.course ? s.course.to : s.location));
    }
    if (out.size === 0) {
      for (const id of sortedIds(this.world.persons)) {
        const p = this.world.persons[id]!;
        if (p.faction === of && p.status !== 'dead')
          out.add(topLocation(this.world, personLocation(this.world, p)));
      }
    }
    return [...out].sort();
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

  locationIds(): LocationId[] {
    return sortedIds(this.world.locations);
  }

  distance(a: LocationId, b: LocationId): number {
    return distanceBetween(this.world, a, b);
  }

  top(l: LocationId): LocationId {
    return topLocation(this.world, l);
  }

  /** Ships of others at a place where this faction has eyes (a ship or a free member there). */
  shipsSeenAt(place: LocationId): Ship[] {
    if (!this.places(this.id).includes(place) && !this.members().some((m) => this.place(m) === place))
      return [];
    return sortedIds(this.world.ships)
      .map((id) => this.world.ships[id]!)
      .filter((s) => !s.destroyed && !s.course && topLocation(this.world, s.location) === place);
  }

  /** Persons at an exact location (a room, a bar): visible to whoever is there. */
  personsAt(location: LocationId): Person[] {
    return sortedIds(this.world.persons)
      .map((id) => this.world.persons[id]!)
      .filter(
        (p) => p.status !== 'dead' && p.position.kind === 'location' && p.position.location === location,
      );
  }

  /** Persons aboard a ship of this faction (its crew, guests and prisoners). */
  aboard(ship: Ship): Person[] {
    return sortedIds(this.world.persons)
      .map((id) => this.world.persons[id]!)
      .filter((p) => p.status !== 'dead' && p.position.kind === 'ship' && p.position.ship === ship.id);
  }

  ship(id: string): Ship | undefined {
    return this.world.ships[id as keyof World['ships']];
  }

  // ── Shared business ────────────────────────────────────────────────────────────────────────

  agreements(status: Agreement['status'] = 'active'): Agreement[] {
    return sortedIds(this.world.agreements)
      .map((id) => this.world.agreements[id]!)
      .filter((a) => a.parties.includes(this.id) && a.status === status);
  }

  allies(): FactionId[] {
    const out = new Set<FactionId>();
    for (const a of this.agreements()) {
      if (a.provisions.some((p) => p.kind === 'mutual-defence' || p.kind === 'travel-together')) {
        for (const p of a.parties) if (p !== this.id) out.add(p);
      }
    }
    return [...out].sort();
  }

  negotiations(status: Negotiation['status'] = 'open'): Negotiation[] {
    return sortedIds(this.world.negotiations)
      .map((id) => this.world.negotiations[id]!)
      .filter((n) => n.parties.includes(this.id) && n.status === status);
  }

  agreement(id: string): Agreement | undefined {
    return this.world.agreements[id as keyof World['agreements']];
  }

  /** Factions that accepted our proposal of talks and have not yet come to talk. */
  awaitedVisitors(): FactionId[] {
    const talked = new Set(
      sortedIds(this.world.negotiations)
        .map((id) => this.world.negotiations[id]!)
        .filter((n) => n.parties.includes(this.id))
        .flatMap((n) => n.parties),
    );
    return [
      ...new Set(
        this.mailbox()
          .filter((l) => l.topic === 'acceptance' && !talked.has(l.from))
          .map((l) => l.from),
      ),
    ].sort();
  }

  /** Channels this faction takes part in; a covert one only for its spy's side and its destination. */
  channels(): Channel[] {
    return sortedIds(this.world.channels)
      .map((id) => this.world.channels[id]!)
      .filter((c) => {
        if (c.kind === 'covert') {
          const agent = c.agent ? this.world.persons[c.agent] : undefined;
          return c.to === this.id || agent?.loyalty === this.id;
        }
        return c.from === this.id || c.to === this.id;
      });
  }

  /** Channels whose contact is one of this faction's members. */
  channelsThrough(): Channel[] {
    return sortedIds(this.world.channels)
      .map((id) => this.world.channels[id]!)
      .filter(
        (c) =>
          c.contact !== null && this.world.persons[c.contact]?.faction === this.id && c.kind !== 'covert',
      );
  }

  conferences(): Conference[] {
    return sortedIds(this.world.conferences)
      .map((id) => this.world.conferences[id]!)
      .filter((c) => c.host === this.id || c.sponsors.includes(this.id) || c.invitees.includes(this.id));
  }

  conference(id: ConferenceId): Conference | undefined {
    return this.world.conferences[id];
  }

  /** Whether a hidden intent of ours has been sprung, planned, …; others' only if suspected. */
  intent(id: string): HiddenIntent | undefined {
    const i = this.world.intents[id as keyof World['intents']];
    if (!i) return undefined;
    return i.faction === this.id || i.suspectedBy.includes(this.id) ? i : undefined;
  }

  rendezvousFor(person: PersonId) {
    return this.world.rendezvous.find(
      (r) => r.person === person && this.world.ships[r.ship]?.faction === this.id,
    );
  }

  /** The events of `log[since…]` this faction observed (see `observes`). */
  observed(log: readonly WorldEvent[], since: number): WorldEvent[] {
    const out: WorldEvent[] = [];
    for (let i = since; i < log.length; i++) if (this.observes(log[i]!)) out.push(log[i]!);
    return out;
  }

  /**
   * Whether this faction observes an event: it is party to it, it happened to its people or ships,
   * or it happened where the faction has eyes. Secret events (covert channels, hidden plans) are
   * seen only by those they belong to.
   */
  observes(e: WorldEvent): boolean {
    const me = this.id;
    const mine = (p: PersonId | null | undefined) =>
      p !== null && p !== undefined && this.world.persons[p]?.faction === me;
    const myShip = (s: string) => this.world.ships[s as keyof World['ships']]?.faction === me;
    switch (e.type) {
      case 'run-started':
      case 'run-ended':
      case 'mark-earned':
      case 'conference-proposed':
      case 'world-edited':
        return true;
      case 'intent-planned':
        return e.faction === me;
      case 'channel-opened':
        return e.secret
          ? e.to === me || this.world.persons[e.agent ?? ('' as PersonId)]?.loyalty === me
          : e.from === me || e.to === me || mine(e.contact);
      case 'engagement':
        return (
          e.initiator === me ||
          [...e.attackers, ...e.defenders].some(myShip) ||
          this.places(me).includes(topLocation(this.world, e.location))
        );
      case 'person-detained':
        return e.by === me;
      case 'conference-convened':
      case 'conference-ended':
      case 'ambush-sprung': {
        // What happens at a conference is seen by all who take part in it.
        const c = e.conference ? this.world.conferences[e.conference] : undefined;
        if (c && (c.host === me || c.sponsors.includes(me) || c.invitees.includes(me))) return true;
        return e.type === 'ambush-sprung' && e.faction === me;
      }
      case 'spies-sought':
        // The masters of an exposed spy learn of it.
        return e.faction === me || e.exposed.some((x) => x.loyalty === me);
      case 'message-sent':
        return e.from === me;
      case 'message-delivered':
        return e.to === me;
      case 'decision-made':
      case 'intent-rejected':
        return e.faction === me;
      case 'counsel-given':
        return mine(e.advisor) || mine(e.to);
      default: {
        // Everything else is seen by the factions it names.
        const payload = e as unknown as Record<string, unknown>;
        for (const key of ['faction', 'by', 'from', 'to', 'holder', 'initiator', 'rescuers', 'host']) {
          if (payload[key] === me) return true;
        }
        for (const key of ['parties', 'sponsors', 'invitees']) {
          if (Array.isArray(payload[key]) && (payload[key] as string[]).includes(me)) return true;
        }
        for (const key of ['person', 'actor', 'advisor', 'speaker', 'proposer', 'source']) {
          if (typeof payload[key] === 'string' && mine(payload[key] as PersonId)) return true;
        }
        for (const key of ['persons', 'attendees', 'recipients']) {
          if (Array.isArray(payload[key]) && (payload[key] as PersonId[]).some(mine)) return true;
        }
        if (typeof payload.ship === 'string' && myShip(payload.ship)) return true;
        if (Array.isArray(payload.ships) && (payload.ships as string[]).some(myShip)) return true;
        return false;
      }
    }
  }
}
