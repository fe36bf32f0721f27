/**
 * What happens each tick without anyone deciding it: messages arrive, ships reach their
 * destinations (and meet whoever is there), rendezvous are kept or missed, repair crews report
 * progress, and standing agreements are checked against their parties' principles.
 */
import type { Rng } from '../common/random.js';
import type { FactionId, LocationId, PersonId } from '../model/ids.js';
import { MINUTES_PER_HOUR, type Minutes } from '../model/time.js';
import { inIdOrder, personLocation, sortedIds, topLocation, type World } from '../model/world.js';
import { findBreach } from './principles.js';
import type { EngineSettings } from './settings.js';
import type { EventPayload } from '../events/index.js';

/** Events due at time `t`, in a fixed order. `emit` applies each before the next is computed. */
export function runProcesses(
  getWorld: () => World,
  t: Minutes,
  settings: EngineSettings,
  emit: (e: EventPayload) => void,
  stream: (name: string) => Rng,
): void {
  deliverMessages(getWorld(), t, emit);
  arriveShips(getWorld, t, emit);
  endJourneys(getWorld(), t, emit);
  checkRendezvous(getWorld(), t, emit);
  progressRepairs(getWorld(), t, settings, emit);
  revealIndicators(getWorld(), t, emit, stream);
  adjournConferences(getWorld(), t, settings, emit);
  checkPrinciples(getWorld(), t, settings, emit);
  lapseCalls(getWorld(), t, settings, emit);
  lapseHostilities(getWorld(), t, settings, emit);
}

/** A call left unanswered past the scenario's answer time lapses: silence is reneging. */
function lapseCalls(
  world: World,
  t: Minutes,
  settings: EngineSettings,
  emit: (e: EventPayload) => void,
): void {
  for (const c of inIdOrder(world.calls)) {
    if (c.status === 'open' && t - c.issuedAt >= settings.callAnswerTime)
      emit({
        type: 'call-answered',
        call: c.id,
        by: c.to,
        speaker: null,
        answer: 'lapsed',
        invoked: null,
        reasons: [],
      });
  }
}

/** Hostilities opened by an attack and joined by no one end when the scenario says they fade. */
function lapseHostilities(
  world: World,
  t: Minutes,
  settings: EngineSettings,
  emit: (e: EventPayload) => void,
): void {
  for (const w of inIdOrder(world.wars)) {
    if (w.status === 'active' && !w.declared && t - w.startedAt >= settings.hostilitiesLapse)
      emit({ type: 'war-ended', war: w.id, outcome: 'lapsed', reasons: [] });
  }
}

/**
 * Hidden intents give themselves away. Once a conference proposed or sponsored by a plotting
 * faction has been announced for an indicator's `delay`, every other faction taking part in it
 * (host, sponsor or invitee) with someone at the venue's place — or someone who knows a person
 * there — notices the indicator with the indicator's chance. The draw for each (intent, indicator, faction) comes from its own stream, so it is the
 * same whenever it is made and is made once in effect.
 */
function revealIndicators(
  world: World,
  t: Minutes,
  emit: (e: EventPayload) => void,
  stream: (name: string) => Rng,
): void {
  for (const intent of inIdOrder(world.intents)) {
    const iid = intent.id;
    if (intent.status !== 'planned' || intent.indicators.length === 0) continue;
    for (const c of inIdOrder(world.conferences)) {
      if (c.status === 'ended' || !c.sponsors.includes(intent.faction)) continue;
      const proposedAt = c.proposedAt;
      const place = topLocation(world, c.venue);
      intent.indicators.forEach((indicator, k) => {
        if (t - proposedAt < indicator.delay) return;
        for (const fid of sortedIds(world.factions)) {
          if (fid === intent.faction || intent.suspectedBy.includes(fid)) continue;
          if (fid !== c.host && !c.invitees.includes(fid) && !c.sponsors.includes(fid)) continue;
          const witness = witnessAt(world, fid, place);
          if (!witness) continue;
          if (stream(`indicator:${iid}:${k}:${fid}`).float() >= indicator.chance) continue;
          emit({
            type: 'intelligence-received',
            faction: fid,
            source: witness,
            about: null,
            intent: iid,
            indicator: indicator.text,
            reliability: indicator.chance,
          });
        }
      });
    }
  }
}

/**
 * Who in the faction hears of what happens at a place: first a member who knows someone there (an
 * informant hears what the streets know), else a member who is there.
 */
function witnessAt(world: World, faction: FactionId, place: LocationId): PersonId | null {
  let present: PersonId | null = null;
  for (const p of inIdOrder(world.persons)) {
    if (p.faction !== faction || p.status === 'dead' || p.status === 'detained') continue;
    const informed = p.contacts.some((c) => {
      const contact = world.persons[c];
      return (
        contact !== undefined &&
        contact.status !== 'dead' &&
        topLocation(world, personLocation(world, contact)) === place
      );
    });
    if (informed) return p.id;
    if (present === null && topLocation(world, personLocation(world, p)) === place) present = p.id;
  }
  return present;
}

/** A conference that was not broken up ends after the scenario's conference length. */
function adjournConferences(
  world: World,
  t: Minutes,
  settings: EngineSettings,
  emit: (e: EventPayload) => void,
): void {
  for (const c of inIdOrder(world.conferences)) {
    if (c.status === 'convened' && c.convenedAt !== null && t - c.convenedAt >= settings.conferenceLength) {
      emit({ type: 'conference-ended', conference: c.id, outcome: 'adjourned', killed: [] });
    }
  }
}

function deliverMessages(world: World, t: Minutes, emit: (e: EventPayload) => void): void {
  const due = world.messages
    .filter((m) => m.arrivesAt <= t)
    .sort((a, b) => a.arrivesAt - b.arrivesAt || (a.id < b.id ? -1 : 1));
  for (const m of due)
    emit({ type: 'message-delivered', message: m.id, to: m.to, recipients: [...m.recipients] });
}

/** Travellers whose journey is over arrive where they were going. */
function endJourneys(world: World, t: Minutes, emit: (e: EventPayload) => void): void {
  for (const p of inIdOrder(world.persons)) {
    if (p.journey === null || p.journey.arrivesAt > t || p.status === 'dead') continue;
    emit({
      type: 'person-moved',
      person: p.id,
      to: { kind: 'location', location: p.journey.to },
      means: 'journey',
    });
  }
}

function arriveShips(getWorld: () => World, t: Minutes, emit: (e: EventPayload) => void): void {
  const arriving = inIdOrder(getWorld().ships).flatMap((ship) =>
    ship.course !== null && ship.course.arrivesAt <= t ? [{ ship, to: ship.course.to }] : [],
  );
  for (const { ship, to } of arriving) {
    emit({ type: 'ship-arrived', ship: ship.id, location: to });
    const after = getWorld();
    const place = topLocation(after, to);
    const others = inIdOrder(after.ships)
      .filter(
        (s) =>
          s.id !== ship.id &&
          !s.destroyed &&
          !s.course &&
          s.faction !== ship.faction &&
          topLocation(after, s.location) === place,
      )
      .map((s) => s.id);
    if (others.length > 0) emit({ type: 'ships-met', ships: [ship.id, ...others], location: place });
  }
}

function checkRendezvous(world: World, t: Minutes, emit: (e: EventPayload) => void): void {
  for (const r of world.rendezvous) {
    const person = world.persons[r.person];
    const ship = world.ships[r.ship];
    if (!person || !ship) continue;
    const met =
      (person.position.kind === 'ship' && person.position.ship === r.ship) ||
      (!ship.course &&
        topLocation(world, ship.location) === topLocation(world, r.at) &&
        topLocation(world, personLocation(world, person)) === topLocation(world, r.at));
    if (met) emit({ type: 'rendezvous-kept', ship: r.ship, person: r.person, at: r.at });
    else if (t >= r.deadline) emit({ type: 'rendezvous-missed', ship: r.ship, person: r.person, at: r.at });
  }
}

function progressRepairs(
  world: World,
  t: Minutes,
  settings: EngineSettings,
  emit: (e: EventPayload) => void,
): void {
  if (t === 0 || t % settings.repairEvery !== 0) return;
  const gain = settings.repairRatePerHour * (settings.repairEvery / MINUTES_PER_HOUR);
  for (const ship of inIdOrder(world.ships)) {
    if (ship.destroyed || ship.repairs.length === 0) continue;
    const systems = ship.repairs.map((system) => ({
      system,
      integrity: Math.min(
        ship.rated[system] ?? 0,
        Math.round(((ship.systems[system] ?? 0) + gain) * 1000) / 1000,
      ),
    }));
    emit({ type: 'systems-repaired', ship: ship.id, systems });
  }
}

/**
 * A standing agreement with a partner who has since earned a mark a party's principles forbid is a
 * violation once the grace period has passed without the party ending it. Reported once.
 */
function checkPrinciples(
  world: World,
  t: Minutes,
  settings: EngineSettings,
  emit: (e: EventPayload) => void,
): void {
  for (const a of inIdOrder(world.agreements)) {
    if (a.status !== 'active') continue;
    for (const party of a.parties) {
      const faction = world.factions[party];
      if (!faction) continue;
      const breach = findBreach(world, faction, a.provisions, a.parties);
      if (!breach) continue;
      const since =
        breach.partner && breach.mark ? (world.factions[breach.partner]?.marks[breach.mark] ?? t) : t;
      if (t - since < settings.principleGrace) continue;
      if (world.violations[`${party}>${breach.principle.id}>${a.id}`] !== undefined) continue;
      emit({
        type: 'principle-violated',
        faction: party,
        principle: breach.principle.id,
        agreement: a.id,
        by: breach.mark
          ? `still allied with ${breach.partner}, marked ${breach.mark}`
          : `agreement includes ${breach.provisions.join(', ')}`,
      });
    }
  }
}
