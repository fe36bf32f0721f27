/**
 * The reducer: `apply(world, event)` returns the world after the event. Pure and total — it never
 * draws random numbers or reads a clock (events carry their outcomes) and it never throws for an
 * event about things that do not exist (it leaves the world unchanged), so that a log always folds.
 * Every change to the world goes through here.
 */
import type { WorldEvent } from '../model/events.js';
import type { FactionId } from '../model/ids.js';
import type { Minutes } from '../model/time.js';
import {
  type Agreement,
  type AgreementStatus,
  type Belief,
  beliefKey,
  type Person,
  type Relation,
  relationKey,
  type Ship,
  type World,
} from '../model/world.js';
import { defaultBelief, defaultRelation } from './initial-world.js';

type Rec<T> = Readonly<Record<string, T>>;

function update<T>(record: Rec<T>, key: string, fn: (value: T) => T): Rec<T> {
  const cur = record[key];
  if (cur === undefined) return record;
  return { ...record, [key]: fn(cur) };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function updatePerson(world: World, id: string, fn: (p: Person) => Person): World {
  return { ...world, persons: update(world.persons, id, fn) as World['persons'] };
}

function updateShip(world: World, id: string, fn: (s: Ship) => Ship): World {
  return { ...world, ships: update(world.ships, id, fn) as World['ships'] };
}

function updateRelation(world: World, from: FactionId, to: FactionId, fn: (r: Relation) => Relation): World {
  if (from === to || !world.factions[from] || !world.factions[to]) return world;
  const key = relationKey(from, to);
  const cur = world.relations[key] ?? defaultRelation(from, to);
  return { ...world, relations: { ...world.relations, [key]: fn(cur) } };
}

function updateBelief(world: World, holder: FactionId, about: FactionId, fn: (b: Belief) => Belief): World {
  if (holder === about || !world.factions[holder] || !world.factions[about]) return world;
  const key = beliefKey(holder, about);
  const cur = world.beliefs[key] ?? defaultBelief(holder, about);
  return { ...world, beliefs: { ...world.beliefs, [key]: fn(cur) } };
}

function setAgreementStatus(
  world: World,
  id: string,
  status: AgreementStatus,
  by: FactionId | null,
  reason: string,
  t: Minutes,
): World {
  return {
    ...world,
    agreements: update(world.agreements, id, (a: Agreement) => ({
      ...a,
      status,
      history: [...a.history, { t, status, by, reason }],
    })) as World['agreements'],
  };
}

export function apply(world: World, event: WorldEvent): World {
  const t = event.t as Minutes;
  world = t > world.time ? { ...world, time: t } : world;
  switch (event.type) {
    case 'run-started':
    case 'run-ended':
    case 'counsel-given':
    case 'intent-rejected':
    case 'ships-met':
      return world;
    case 'decision-made':
      if (!event.question) return world;
      return {
        ...world,
        factions: update(world.factions, event.faction, (f) => ({
          ...f,
          deliberations: { ...f.deliberations, [event.question!]: t },
        })) as World['factions'],
      };

    case 'engagement': {
      for (const d of event.damage) {
        world = updateShip(world, d.ship, (s) => ({
          ...s,
          systems: { ...s.systems, [d.system]: d.integrity },
        }));
      }
      for (const c of event.casualties) {
        world = updateShip(world, c.ship, (s) => ({
          ...s,
          crew: { ...s.crew, injured: s.crew.injured + c.injured, killed: s.crew.killed + c.killed },
        }));
      }
      for (const l of event.losses) {
        world = updateShip(world, l.ship, (s) => {
          const count = Math.max(0, s.count - l.count);
          return { ...s, count, destroyed: count === 0 };
        });
      }
      return world;
    }
    case 'person-injured':
      return updatePerson(world, event.person, (p) =>
        p.status === 'dead' ? p : { ...p, status: 'injured' },
      );
    case 'person-died':
      return updatePerson(world, event.person, (p) => ({ ...p, status: 'dead' }));
    case 'repair-started':
      return updateShip(world, event.ship, (s) => ({
        ...s,
        repairs: [...new Set([...s.repairs, ...event.systems])].sort(),
      }));
    case 'systems-repaired':
      return updateShip(world, event.ship, (s) => {
        const systems = { ...s.systems };
        for (const r of event.systems) systems[r.system] = r.integrity;
        return { ...s, systems, repairs: s.repairs.filter((sys) => systems[sys] < 1) };
      });

    case 'message-sent': {
      const message = {
        id: event.message,
        from: event.from,
        to: event.to,
        sender: event.sender,
        recipients: event.recipients,
        channel: event.channel,
        sentAt: t,
        arrivesAt: Math.max(t, event.arrivesAt) as Minutes,
        topic: event.topic,
        text: event.text,
      };
      return { ...world, messages: [...world.messages, message] };
    }
    case 'message-delivered': {
      const message = world.messages.find((m) => m.id === event.message);
      world = { ...world, messages: world.messages.filter((m) => m.id !== event.message) };
      if (!message || !world.factions[event.to]) return world;
      const letter = {
        message: message.id,
        from: message.from,
        sender: message.sender,
        recipients: message.recipients,
        topic: message.topic,
        text: message.text,
        at: t,
      };
      world = {
        ...world,
        mailboxes: { ...world.mailboxes, [event.to]: [...(world.mailboxes[event.to] ?? []), letter] },
      };
      return updateBelief(world, event.to, message.from, (b) => ({ ...b, lastContact: t }));
    }
    case 'channel-opened':
      return {
        ...world,
        channels: {
          ...world.channels,
          [event.channel]: {
            id: event.channel,
            kind: event.kind,
            from: event.from,
            to: event.to,
            agent: event.agent,
            contact: event.contact,
            status: 'open',
            secret: event.secret,
          },
        },
      };
    case 'channel-denied':
      return {
        ...world,
        channels: update(world.channels, event.channel, (c) => ({
          ...c,
          status: 'denied',
        })) as World['channels'],
      };
    case 'channel-closed':
      return {
        ...world,
        channels: update(world.channels, event.channel, (c) => ({
          ...c,
          status: 'closed',
        })) as World['channels'],
      };

    case 'ship-departed':
      return updateShip(world, event.ship, (s) => ({
        ...s,
        course: {
          from: event.from,
          to: event.to,
          departedAt: t,
          arrivesAt: Math.max(t, event.arrivesAt) as Minutes,
        },
      }));
    case 'ship-arrived':
      return updateShip(world, event.ship, (s) => ({ ...s, location: event.location, course: null }));
    case 'person-moved':
      return updatePerson(world, event.person, (p) => ({ ...p, position: event.to }));
    case 'spies-sought':
      // Exposed spies are confined where they are.
      for (const { person } of event.exposed)
        world = updatePerson(world, person, (p) => ({ ...p, status: 'detained' }));
      return world;
    case 'person-detained':
      return updatePerson(world, event.person, (p) => ({
        ...p,
        status: 'detained',
        position: { kind: 'location', location: event.at },
      }));
    case 'prisoners-escaped':
      for (const id of event.persons) {
        world = updatePerson(world, id, (p) => ({
          ...p,
          status: p.status === 'detained' ? 'active' : p.status,
          position: event.to,
        }));
      }
      return world;
    case 'rendezvous-set':
      return {
        ...world,
        rendezvous: [
          ...world.rendezvous,
          { ship: event.ship, person: event.person, at: event.at, deadline: event.deadline as Minutes },
        ],
      };
    case 'rendezvous-kept':
    case 'rendezvous-missed':
      return {
        ...world,
        rendezvous: world.rendezvous.filter(
          (r) => !(r.ship === event.ship && r.person === event.person && r.at === event.at),
        ),
      };

    case 'negotiation-opened':
      if (new Set(event.parties).size < 2) return world;
      return {
        ...world,
        negotiations: {
          ...world.negotiations,
          [event.negotiation]: {
            id: event.negotiation,
            parties: event.parties,
            aboard: event.aboard,
            venue: event.at,
            channel: event.channel,
            agreement: null,
            offers: [],
            refused: {},
            status: 'open',
          },
        },
      };
    case 'offer-made': {
      const negotiation = world.negotiations[event.negotiation];
      if (!negotiation) return world;
      const offer = {
        t,
        by: event.by,
        speaker: event.speaker,
        kind: event.kind,
        provisions: event.provisions,
        added: event.added,
        excluded: event.excluded,
      };
      world = {
        ...world,
        negotiations: {
          ...world.negotiations,
          [negotiation.id]: {
            ...negotiation,
            agreement: event.agreement,
            offers: [...negotiation.offers, offer],
          },
        },
      };
      const existing = world.agreements[event.agreement];
      const provisions = event.provisions;
      const agreement: Agreement = existing
        ? { ...existing, provisions }
        : {
            id: event.agreement,
            parties: negotiation.parties,
            provisions,
            status: 'proposed',
            history: [{ t, status: 'proposed', by: event.by, reason: 'offer made' }],
            negotiation: negotiation.id,
            delivered: {},
          };
      return { ...world, agreements: { ...world.agreements, [agreement.id]: agreement } };
    }
    case 'offer-rejected': {
      if (event.provisions.length === 0) return world;
      return {
        ...world,
        negotiations: update(world.negotiations, event.negotiation, (n) => ({
          ...n,
          refused: {
            ...n.refused,
            [event.by]: [...new Set([...(n.refused[event.by] ?? []), ...event.provisions])].sort(),
          },
        })) as World['negotiations'],
      };
    }
    case 'agreement-concluded': {
      if (new Set(event.parties).size < 2) return world;
      const existing = world.agreements[event.agreement];
      const agreement: Agreement = {
        id: event.agreement,
        parties: event.parties,
        provisions: event.provisions,
        status: 'active',
        history: [...(existing?.history ?? []), { t, status: 'active', by: null, reason: 'concluded' }],
        negotiation: event.negotiation,
        delivered: existing?.delivered ?? {},
      };
      world = { ...world, agreements: { ...world.agreements, [agreement.id]: agreement } };
      // An alliance made ends the search for one.
      if (event.provisions.some((p) => p.kind === 'mutual-defence' || p.kind === 'travel-together')) {
        for (const party of event.parties) {
          world = {
            ...world,
            factions: update(world.factions, party, (f) => ({
              ...f,
              agenda: { ...f.agenda, alliance: null },
            })) as World['factions'],
          };
        }
      }
      if (event.negotiation) {
        world = {
          ...world,
          negotiations: update(world.negotiations, event.negotiation, (n) => ({
            ...n,
            status: 'agreed',
          })) as World['negotiations'],
        };
      }
      return world;
    }
    case 'negotiation-ended': {
      const n = world.negotiations[event.negotiation];
      if (!n) return world;
      const status =
        event.outcome === 'agreed' ? 'agreed' : event.outcome === 'walk-out' ? 'broken-off' : 'timed-out';
      world = { ...world, negotiations: { ...world.negotiations, [n.id]: { ...n, status } } };
      if (n.agreement && world.agreements[n.agreement]?.status === 'proposed') {
        world = setAgreementStatus(world, n.agreement, 'rejected', event.by, event.reason, t);
      }
      return world;
    }
    case 'agreement-dissolved':
      return setAgreementStatus(world, event.agreement, 'dissolved', event.by, event.reason, t);
    case 'resources-transferred': {
      const move = (id: FactionId, delta: number) => {
        world = {
          ...world,
          factions: update(world.factions, id, (f) => ({
            ...f,
            resources: {
              ...f.resources,
              [event.resource]: Math.max(0, (f.resources[event.resource] ?? 0) + delta),
            },
          })) as World['factions'],
        };
      };
      move(event.from, -event.amount);
      move(event.to, event.amount);
      if (event.agreement) {
        const key = `${event.from}>${event.resource}`;
        world = {
          ...world,
          agreements: update(world.agreements, event.agreement, (a) => ({
            ...a,
            delivered: { ...a.delivered, [key]: (a.delivered[key] ?? 0) + event.amount },
          })) as World['agreements'],
        };
      }
      return world;
    }

    case 'conference-proposed':
      return {
        ...world,
        conferences: {
          ...world.conferences,
          [event.conference]: {
            id: event.conference,
            title: event.title,
            proposer: event.proposer,
            host: event.host,
            sponsors: event.sponsors,
            venue: event.venue,
            invitees: event.invitees,
            answers: {},
            attendees: [],
            arrangement: null,
            proposedAt: t,
            opensAt: event.opensAt as Minutes | null,
            convenedAt: null,
            status: 'proposed',
            outcome: null,
          },
        },
      };
    case 'invitation-answered':
      return {
        ...world,
        conferences: update(world.conferences, event.conference, (c) => ({
          ...c,
          answers: { ...c.answers, [event.faction]: event.answer },
        })) as World['conferences'],
      };
    case 'conference-convened':
      return {
        ...world,
        conferences: update(world.conferences, event.conference, (c) => ({
          ...c,
          attendees: event.attendees,
          arrangement: event.arrangement,
          convenedAt: t,
          status: 'convened',
        })) as World['conferences'],
      };
    case 'conference-ended':
      for (const id of event.killed) world = updatePerson(world, id, (p) => ({ ...p, status: 'dead' }));
      return {
        ...world,
        conferences: update(world.conferences, event.conference, (c) => ({
          ...c,
          status: 'ended',
          outcome: event.outcome,
        })) as World['conferences'],
      };

    case 'intent-planned':
      return {
        ...world,
        intents: {
          ...world.intents,
          [event.intent]: {
            id: event.intent,
            faction: event.faction,
            kind: event.kind,
            target: event.target,
            text: event.text,
            indicators: world.intents[event.intent]?.indicators ?? [],
            status: 'planned',
            suspectedBy: [],
          },
        },
      };
    case 'intelligence-received':
      if (event.intent) {
        world = {
          ...world,
          intents: update(world.intents, event.intent, (i) =>
            i.suspectedBy.includes(event.faction)
              ? i
              : { ...i, suspectedBy: [...i.suspectedBy, event.faction].sort() },
          ) as World['intents'],
        };
      }
      if (!event.about) return world;
      return updateBelief(world, event.faction, event.about, (b) => ({
        ...b,
        suspicions: [...b.suspicions, { text: event.indicator, since: t }],
      }));
    case 'precaution-taken': {
      if (event.kind === 'transporter-lock' && event.ship) {
        return updateShip(world, event.ship, (s) => ({
          ...s,
          transporterLock: [...new Set([...s.transporterLock, ...event.persons])].sort(),
        }));
      }
      return {
        ...world,
        factions: update(world.factions, event.faction, (f) => ({
          ...f,
          readiness: { ...f.readiness, [event.kind]: t },
        })) as World['factions'],
      };
    }
    case 'ambush-sprung':
      return {
        ...world,
        intents: update(world.intents, event.intent, (i) => ({ ...i, status: 'sprung' })) as World['intents'],
      };
    case 'persons-evacuated':
      for (const id of event.persons)
        world = updatePerson(world, id, (p) => ({ ...p, position: { kind: 'ship', ship: event.ship } }));
      return updateShip(world, event.ship, (s) => ({
        ...s,
        transporterLock: s.transporterLock.filter((p) => !event.persons.includes(p)),
      }));

    case 'relation-changed':
      return updateRelation(world, event.from, event.to, (r) => ({
        ...r,
        status: event.status ?? r.status,
        affinity: clamp(r.affinity + event.affinityDelta, -1, 1),
      }));
    case 'grievance-added':
      return updateRelation(world, event.from, event.to, (r) => ({
        ...r,
        grievances: [
          ...r.grievances,
          {
            id: event.grievance,
            cause: event.cause,
            weight: event.weight,
            since: t,
            halfLife: event.halfLife as Minutes,
          },
        ],
      }));
    case 'trust-updated':
      return updateRelation(world, event.from, event.to, (r) => ({
        ...r,
        trust: { alpha: r.trust.alpha + event.positive, beta: r.trust.beta + event.negative },
      }));
    case 'mark-earned':
      return {
        ...world,
        factions: update(world.factions, event.faction, (f) =>
          f.marks[event.mark] !== undefined ? f : { ...f, marks: { ...f.marks, [event.mark]: t } },
        ) as World['factions'],
      };
    case 'belief-updated':
      return updateBelief(world, event.holder, event.about, (b) => ({
        ...b,
        intentions: event.intentions ?? b.intentions,
        suspicions: event.suspicion ? [...b.suspicions, { text: event.suspicion, since: t }] : b.suspicions,
        lastContact: t,
      }));
    case 'alliance-sought':
      return {
        ...world,
        factions: update(world.factions, event.faction, (f) => ({
          ...f,
          agenda: {
            ...f.agenda,
            alliance: { since: t, candidates: event.candidates, offer: event.offer, exclude: event.excluded },
          },
        })) as World['factions'],
      };
    case 'world-edited':
      return setAt(world, event.path, event.value);
    case 'principle-violated':
      return {
        ...world,
        violations: { ...world.violations, [`${event.faction}>${event.principle}>${event.agreement}`]: t },
      };
  }
}

/**
 * The world with the value at a dotted path replaced (`persons.warlord.biases`). Path segments name
 * record keys, or, in a list of entries with ids (a faction's principles), the entry with that id.
 * `null` for an entry of a collection removes the entry. A path through anything else leaves the
 * world as it is; callers check paths first (see engine/world-edit.ts).
 */
export function setAt(world: World, path: string, value: unknown): World {
  const keys = path.split('.');
  const set = (node: unknown, i: number): unknown => {
    if (i === keys.length) return value;
    const key = keys[i]!;
    const last = i === keys.length - 1;
    if (Array.isArray(node)) {
      const at = node.findIndex((x) => isRecord(x) && (x as { id?: unknown }).id === key);
      if (at < 0) return node;
      if (last && value === null) return node.filter((_, j) => j !== at);
      return node.map((x, j) => (j === at ? set(x, i + 1) : x));
    }
    if (!isRecord(node)) return node;
    const rec = node as Record<string, unknown>;
    if (!Object.prototype.hasOwnProperty.call(rec, key) && !last) return node;
    if (last && value === null && isRecord(rec[key])) {
      const { [key]: _removed, ...rest } = rec;
      return rest;
    }
    return { ...rec, [key]: set(rec[key], i + 1) };
  };
  return set(world, 0) as World;
}

const isRecord = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The world after a whole log. */
export function fold(world: World, events: readonly WorldEvent[]): World {
  let w = world;
  for (const e of events) w = apply(w, e);
  return w;
}
