/**
 * The invariants every world keeps, whatever events it has been through. Checked by property tests
 * over random event sequences, and available to callers who build worlds by hand.
 */
import { sortedEntries } from './memo.js';
import type { World } from './world.js';

const INTENT_STATUSES: readonly string[] = ['planned', 'sprung', 'abandoned', 'exposed'];

/** Every violated invariant, as a sentence; empty when the world is sound. */
export function worldViolations(world: World): string[] {
  return CHECKS.flatMap((check) => check(world));
}

const unit = (x: number) => Number.isFinite(x) && x >= 0 && x <= 1;

function shipViolations(world: World): string[] {
  const out: string[] = [];
  for (const [id, s] of sortedEntries(world.ships)) {
    for (const [c, integrity] of sortedEntries(s.systems))
      if (!unit(integrity)) out.push(`ship ${id}: ${c} integrity ${integrity} outside [0, 1]`);
    for (const [c, integrity] of sortedEntries(s.systems))
      if (integrity > (s.rated[c] ?? 0)) out.push(`ship ${id}: ${c} integrity ${integrity} above its rating`);
    if (!Number.isInteger(s.count) || s.count < 0) out.push(`ship ${id}: count ${s.count}`);
    if (s.destroyed !== (s.count === 0))
      out.push(`ship ${id}: destroyed is ${s.destroyed} with count ${s.count}`);
    if (s.crew.injured < 0 || s.crew.killed < 0) out.push(`ship ${id}: negative casualties`);
    if (!world.locations[s.location]) out.push(`ship ${id}: at unknown location ${s.location}`);
    if (!world.factions[s.faction]) out.push(`ship ${id}: unknown faction ${s.faction}`);
    if (s.course && s.course.arrivesAt < s.course.departedAt)
      out.push(`ship ${id}: arrives before it departs`);
    for (const p of s.heldReady) if (!world.persons[p]) out.push(`ship ${id}: lock on unknown person ${p}`);
  }
  return out;
}

function personViolations(world: World): string[] {
  const out: string[] = [];
  for (const [id, p] of sortedEntries(world.persons)) {
    if (!world.factions[p.faction]) out.push(`person ${id}: serves unknown faction ${p.faction}`);
    for (const [trait, value] of Object.entries(p.personality).sort(([a], [b]) => (a < b ? -1 : 1)))
      if (!unit(value)) out.push(`person ${id}: ${trait} ${value} outside [0, 1]`);
    if (!world.factions[p.loyalty]) out.push(`person ${id}: loyal to unknown faction ${p.loyalty}`);
    if (p.position.kind === 'ship' && !world.ships[p.position.ship])
      out.push(`person ${id}: aboard unknown ship ${p.position.ship}`);
    if (p.position.kind === 'location' && !world.locations[p.position.location]) {
      out.push(`person ${id}: at unknown location ${p.position.location}`);
    }
  }
  return out;
}

function factionViolations(world: World): string[] {
  const out: string[] = [];
  for (const [id, f] of sortedEntries(world.factions)) {
    for (const [r, amount] of sortedEntries(f.resources))
      if (!(amount >= 0)) out.push(`faction ${id}: ${r} is ${amount}`);
    if (!world.persons[f.leader]) out.push(`faction ${id}: unknown leader ${f.leader}`);
  }
  return out;
}

function relationViolations(world: World): string[] {
  const out: string[] = [];
  for (const [key, r] of sortedEntries(world.relations)) {
    if (!(r.affinity >= -1 && r.affinity <= 1)) out.push(`relation ${key}: affinity ${r.affinity}`);
    if (!(r.trust.alpha >= 1 && r.trust.beta >= 1))
      out.push(`relation ${key}: trust Beta(${r.trust.alpha}, ${r.trust.beta})`);
    if (r.from === r.to) out.push(`relation ${key}: a faction related to itself`);
    for (const g of r.grievances)
      if (!(g.weight > 0)) out.push(`relation ${key}: grievance ${g.id} of weight ${g.weight}`);
  }
  return out;
}

function agreementViolations(world: World): string[] {
  const out: string[] = [];
  for (const [id, a] of sortedEntries(world.agreements)) {
    const last = a.history.at(-1);
    if (!last || last.status !== a.status)
      out.push(`agreement ${id}: status ${a.status} is not the last of its history`);
    for (const [i, change] of a.history.entries()) {
      const previous = a.history[i - 1];
      if (previous && change.t < previous.t) out.push(`agreement ${id}: history goes back in time`);
    }
    if (new Set(a.parties).size < 2) out.push(`agreement ${id}: fewer than two parties`);
  }
  return out;
}

function conferenceViolations(world: World): string[] {
  const out: string[] = [];
  for (const [id, c] of sortedEntries(world.conferences))
    for (const p of c.attendees) if (!world.persons[p]) out.push(`conference ${id}: unknown attendee ${p}`);
  return out;
}

function intentViolations(world: World): string[] {
  return sortedEntries(world.intents)
    .filter(([, { status }]) => !INTENT_STATUSES.includes(status))
    .map(
      ([id, { status }]) => `intent ${id}: status "${status}" is not one of ${INTENT_STATUSES.join(', ')}`,
    );
}

function messageViolations(world: World): string[] {
  return world.messages
    .filter((m) => m.arrivesAt < m.sentAt)
    .map((m) => `message ${m.id}: arrives before it is sent`);
}

/** One check per collection, in the order their sentences are listed. */
const CHECKS: readonly ((world: World) => string[])[] = [
  shipViolations,
  personViolations,
  factionViolations,
  relationViolations,
  agreementViolations,
  conferenceViolations,
  intentViolations,
  messageViolations,
];
