/**
 * The chronicle: the event log told as a narrative — when, who, what, and for decisions the reasons
 * given. Bookkeeping events (trust and affinity adjustments) are left out; everything a reader
 * needs to follow the story is there.
 */
import type { WorldEvent } from '../model/events.js';
import { describeProvision } from '../model/provision.js';
import { formatTime } from '../model/time.js';
import type { World } from '../model/world.js';

/** Display names for ids. */
export interface Names {
  name(id: string): string;
}

export function namesOf(world: World): Names {
  const table = new Map<string, string>();
  for (const f of Object.values(world.factions)) table.set(f.id, f.name);
  for (const p of Object.values(world.persons)) table.set(p.id, p.name);
  for (const s of Object.values(world.ships)) table.set(s.id, s.name);
  for (const l of Object.values(world.locations)) table.set(l.id, l.name);
  return { name: (id) => table.get(id) ?? id };
}

const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

const because = (reasons: readonly string[]) =>
  reasons.length > 0 ? ` — ${reasons.join('; ').replace(/\.$/, '')}` : '';

export function renderEvent(e: WorldEvent, names: Names): string | null {
  const n = (id: string | null | undefined) => (id ? names.name(id) : 'someone');
  const ns = (ids: readonly string[]) => list(ids.map((id) => names.name(id)));
  switch (e.type) {
    case 'run-started':
      return `${e.title} begins (${e.mode}, seed ${e.seed}).`;
    case 'run-ended':
      return `The chronicle ends: ${e.reason}.`;
    case 'engagement': {
      const damaged = new Map<string, string[]>();
      for (const d of e.damage) {
        const parts = damaged.get(d.ship) ?? [];
        parts.push(`${d.system} ${Math.round(d.integrity * 100)}%`);
        damaged.set(d.ship, parts);
      }
      const damage = [...damaged].map(([ship, parts]) => `${n(ship)}: ${parts.join(', ')}`);
      const hurt = e.casualties.map(
        (c) => `${n(c.ship)} ${c.injured} injured${c.killed ? `, ${c.killed} killed` : ''}`,
      );
      const lost = e.losses.map((l) => `${n(l.ship)} lost ${l.count}`);
      const details = [...damage, ...e.notes, ...hurt, ...lost];
      return `${n(e.initiator)} (${ns(e.attackers)}) attack ${ns(e.defenders)} at ${n(e.location)}; ${e.outcome.replace('-', ' ')}.${details.length ? ` ${details.join('; ')}.` : ''}`;
    }
    case 'person-injured':
      return `${n(e.person)} is injured: ${e.cause}.`;
    case 'person-died':
      return `${n(e.person)} dies: ${e.cause}.`;
    case 'repair-started':
      return `Repairs begin on ${n(e.ship)}: ${e.systems.join(', ')}.`;
    case 'systems-repaired':
      return `Repair crews on ${n(e.ship)} report ${e.systems.map((s) => `${s.system} ${Math.round(s.integrity * 100)}%`).join(', ')}.`;
    case 'counsel-given':
      return `${n(e.advisor)} counsels ${n(e.to)} ${e.position === 'neutral' ? 'on' : e.position} ${e.question}${because(e.reasons)}.`;
    case 'decision-made':
      // Decisions with effects are told through their effects (see renderChronicle).
      // Holding is told when it was a real choice: counsel was given, or an option was vetoed.
      return e.decision === 'hold' &&
        (e.options.length === 0 || e.counsel.length > 0 || e.options.some((o) => o.vetoedBy))
        ? `${n(e.actor)} ${e.summary}${because(e.reasons)}.`
        : null;
    case 'intent-rejected':
      return `${n(e.actor)} cannot ${e.intent.replace(/-/g, ' ')}: ${e.message} [${e.rule}].`;
    case 'alliance-sought':
      return `${n(e.actor)} decides that ${n(e.faction)} will seek an alliance${e.candidates.length ? ` with ${ns(e.candidates)}` : ''}: offering ${list(e.offer.map(describeProvision))}${e.excluded.length ? `; excluding ${list(e.excluded)}` : ''}.`;
    case 'message-sent':
      return `${n(e.sender)} sends a message to ${ns(e.recipients)}: "${e.text}".`;
    case 'message-delivered':
      return `The message reaches ${ns(e.recipients)}.`;
    case 'channel-opened':
      return e.kind === 'covert'
        ? `${n(e.agent)} secretly opens a channel to ${n(e.to)} through ${n(e.contact)}.`
        : `${n(e.from)} opens ${e.kind === 'direct' ? 'a direct channel' : `an ${e.kind} channel`} to ${n(e.to)}${e.agent ? ` with ${n(e.agent)} as envoy` : ''}${e.contact ? ` through ${n(e.contact)}` : ''}.`;
    case 'channel-denied':
      return `${n(e.by)} denies the approach: ${e.reason}.`;
    case 'channel-closed':
      return `A channel closes: ${e.reason}.`;
    case 'ship-departed':
      return `${n(e.ship)} sets out from ${n(e.from)} for ${n(e.to)}, due ${formatTime(e.arrivesAt)}.`;
    case 'ship-arrived':
      return `${n(e.ship)} arrives at ${n(e.location)}.`;
    case 'person-moved':
      return `${n(e.person)} ${e.means === 'expulsion' ? 'is sent off to' : e.means === 'transporter' ? 'beams to' : 'goes to'} ${e.to.kind === 'ship' ? n(e.to.ship) : n(e.to.location)}.`;
    case 'person-detained':
      return `${n(e.by)} detain ${n(e.person)} in ${n(e.at)}: ${e.reason}.`;
    case 'prisoners-escaped':
      return `${ns(e.persons)} break out of ${n(e.from)}${e.rescuers ? ` with the help of ${n(e.rescuers)}` : ''}.`;
    case 'rendezvous-set':
      return `${n(e.ship)} will wait at ${n(e.at)} for ${n(e.person)} until ${formatTime(e.deadline)}.`;
    case 'rendezvous-kept':
      return `${n(e.person)} makes the rendezvous with ${n(e.ship)}.`;
    case 'rendezvous-missed':
      return `${n(e.person)} misses the rendezvous with ${n(e.ship)} at ${n(e.at)}.`;
    case 'ships-met':
      return `At ${n(e.location)}, ${ns(e.ships)} meet.`;
    case 'negotiation-opened':
      return `Talks open between ${ns(e.parties)}${e.aboard ? ` aboard ${n(e.aboard)}` : e.at ? ` at ${n(e.at)}` : ''}.`;
    case 'offer-made': {
      const verb = e.kind === 'demand' ? 'demands' : e.kind === 'counter' ? 'counters with' : 'offers';
      const terms = e.kind === 'demand' && e.added.length > 0 ? e.added : e.provisions;
      return `${n(e.speaker)} (${n(e.by)}) ${verb} ${list(terms.map(describeProvision))}${e.excluded.length ? `; not ${list(e.excluded)}` : ''}.`;
    }
    case 'offer-rejected':
      return `${n(e.speaker)} (${n(e.by)}) rejects the terms: ${e.reason}${e.principle ? ` [principle ${e.principle}]` : ''}.`;
    case 'agreement-concluded':
      return `${ns(e.parties)} conclude an agreement: ${list(e.provisions.map(describeProvision))}.`;
    case 'negotiation-ended':
      return e.outcome === 'agreed'
        ? null
        : `${n(e.speaker ?? e.by)} ${e.outcome === 'walk-out' ? 'ends the talks' : 'lets the talks lapse'}: ${e.reason}.`;
    case 'agreement-dissolved':
      return `${n(e.speaker)} ends ${n(e.by)}'s agreement ${e.agreement}: ${e.reason}${e.principle ? ` [principle ${e.principle}]` : ''}.`;
    case 'resources-transferred':
      return `${n(e.from)} gives ${e.amount} ${e.resource} to ${n(e.to)} (${e.purpose}).`;
    case 'conference-proposed':
      return `${n(e.proposer)} proposes ${e.title}, hosted by ${n(e.host)} at ${n(e.venue)}; invitations go to ${ns(e.invitees)}.`;
    case 'invitation-answered':
      return `${n(e.by)} (${n(e.faction)}) will ${e.answer === 'attend' ? 'attend' : 'not attend'}${because(e.reasons)}.`;
    case 'conference-convened':
      return `The conference opens${e.arrangement ? ` (${e.arrangement})` : ''} with ${ns(e.attendees)}.`;
    case 'conference-ended':
      return `The conference ends: ${e.outcome}${e.killed.length ? `; killed: ${ns(e.killed)}` : '; no one in the room is killed'}.`;
    case 'intent-planned':
      return `In secret, ${n(e.faction)} plan to ${e.text}.`;
    case 'intelligence-received':
      return `Intelligence for ${n(e.faction)}${e.source ? ` from ${n(e.source)}` : ''}: ${e.indicator}.`;
    case 'precaution-taken':
      return `Precaution by ${n(e.faction)}: ${e.kind.replace(/-/g, ' ')}${e.persons.length ? ` on ${ns(e.persons)}` : ''}${e.ship ? ` (${n(e.ship)})` : ''}${because(e.reasons)}.`;
    case 'spies-sought':
      return e.exposed.length === 0
        ? `${n(e.faction)} search their ranks for spies and find none.`
        : `${n(e.faction)} search their ranks for spies and expose ${list(e.exposed.map((x) => `${n(x.person)}, loyal to ${n(x.loyalty)}`))}.`;
    case 'ambush-sprung':
      return `${n(e.ship)} of ${n(e.faction)} opens fire on ${n(e.location)}: the conference was a trap.`;
    case 'persons-evacuated':
      return `${n(e.ship)} beams ${ns(e.persons)} out of ${n(e.from)}.`;
    case 'relation-changed':
      return e.status ? `Relation: ${n(e.from)} → ${n(e.to)} is now ${e.status} (${e.cause}).` : null;
    case 'grievance-added':
      return `Grievance: ${n(e.from)} against ${n(e.to)} — ${e.cause}.`;
    case 'mark-earned':
      return `Mark: ${n(e.faction)} — ${e.mark} (${e.cause}).`;
    case 'principle-violated':
      return `Principle violated by ${n(e.faction)}: ${e.principle} (${e.by}).`;
    case 'world-edited':
      return `The world is changed: ${e.path} = ${JSON.stringify(e.value)} (${e.reason}).`;
    case 'trust-updated':
    case 'belief-updated':
      return null;
  }
}

/** One line of the chronicle: the event it tells, and for a decision told through it, the decision. */
export interface ChronicleEntry {
  readonly seq: number;
  readonly t: number;
  readonly text: string;
  /** The decision this line tells the effect of (its reasons are in `text`), if any. */
  readonly decision: number | null;
}

/**
 * The chronicle as entries, one per event worth telling. A decision is told through its first
 * visible effect, with the decider's reasons appended ("— because …").
 */
export function chronicleEntries(events: readonly WorldEvent[], names: Names): ChronicleEntry[] {
  const entries: ChronicleEntry[] = [];
  let pending: { t: number; reasons: readonly string[]; seq: number } | null = null;
  for (const e of events) {
    if (e.type === 'decision-made' && e.decision !== 'hold') {
      pending =
        e.reasons.length > 0 && e.decision !== 'counsel' ? { t: e.t, reasons: e.reasons, seq: e.seq } : null;
      continue;
    }
    let text = renderEvent(e, names);
    if (text === null) continue;
    let decision: number | null = null;
    if (pending && pending.t === e.t) {
      if (!text.includes(pending.reasons[0]!))
        text = `${text.replace(/\.$/, '')} — ${pending.reasons.join('; ').replace(/\.$/, '')}.`;
      decision = pending.seq;
      pending = null;
    }
    entries.push({ seq: e.seq, t: e.t, text, decision });
  }
  return entries;
}

/**
 * The chronicle as lines, each prefixed with its simulated time (and with `seq`, the event's
 * number, and the number of the decision a line tells the effect of).
 */
export function renderChronicle(
  events: readonly WorldEvent[],
  names: Names,
  options: { readonly seq?: boolean } = {},
): string[] {
  return chronicleEntries(events, names).map((x) => {
    // With event numbers, a decision told through its effect shows the decision's number too.
    const number = options.seq ? `#${x.seq}`.padEnd(6) : '';
    const text = options.seq && x.decision !== null ? `${x.text} [decision #${x.decision}]` : x.text;
    return `${formatTime(x.t).padEnd(9)} ${number}${text}`;
  });
}
