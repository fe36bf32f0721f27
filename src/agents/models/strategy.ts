/**
 * Strategic reasons for an alliance, beyond the faction's own vulnerability today (./threat.ts).
 * Each is a named term of the alliance's value (./alliances.ts), so `alliances explain` shows it:
 *
 * - **balance of threat** (Walt 1987, *The Origins of Alliances*): states ally to keep strength
 *   from those who threaten them. The term is the fall in our chance of prevailing against a rival
 *   if the partner's strength went to the rival — as far as the partner could align with it (their
 *   relation, a shared culture; a partner bound to the rival by a pact is the rival's already) —
 *   times the rival's perceived hostility (its offensive intentions;
 *   its power and proximity are in the forces). The most threatening rival counts.
 * - **war expected**: an ally is worth more before a war that is coming. The chance of a war with
 *   each rival, from what the world shows (a war under way with it, its hostility, its being at war
 *   with others already; a war under way is today's danger, not an expected one), times the gain in our chance of prevailing in that war with the partner's
 *   forces beside ours, as far as it is trusted. The war most to be feared counts.
 * - **entrapment** (Snyder 1984, "The Security Dilemma in Alliance Politics"): the risk of being
 *   dragged into the partner's future wars — the force of the factions hostile to it (its wars under
 *   way are `… enemies become ours`, ./valuation.ts), as far as they are not our enemies already,
 *   times its record of beginning wars, weighed by caution.
 * - **abandonment** (Snyder 1984): the fear of being left alone — without allies, the others paired
 *   off, as the war expected draws near. A reason to have allies at all rather than the worth of one: the security
 *   question weighs it (../questions/security.ts), not the value of each alliance.
 * - **partner's record**: its answers to the calls to honour its treaties that we know of, as a
 *   Beta estimate of its fidelity (Leeds, Long & Mitchell 2000 measure alliance reliability so;
 *   Jøsang & Ismail 2002 for the estimate).
 *
 * A chance of prevailing follows Lanchester's square law (1916): forces a and b, the share
 * a² / (a² + b²) — a simplification, since the law gives the survivors of a fight rather than a
 * chance, but it grows with strength in the same way.
 */
import type { FactionId } from '../../model/ids.js';
import type { Person } from '../../model/world.js';
import {
  ABANDONMENT,
  ALIGNMENT,
  BALANCE_OF_THREAT,
  CALL_RECORD,
  ENTRAPMENT,
  SHARED_CULTURE,
  STRATEGIC_RIVALS,
  WAR_CONTAGION,
  WAR_EXPECTED,
} from '../tuning.js';
import type { FactionView } from '../view.js';
import { proximity, type ThreatAssessment } from './threat.js';
import type { Term } from './valuation.js';

/** A faction that threatens us, as strategy weighs it. */
interface Rival {
  readonly faction: FactionId;
  /** Its side's force as it bears on us: its own and its allies' strength, by proximity. */
  readonly force: number;
  readonly allies: ReadonlySet<FactionId>;
  /** Perceived hostility: Walt's offensive intentions. */
  readonly hostility: number;
  /** The chance of a war with it, in [0, 1], and what the world shows of it. */
  readonly war: number;
  readonly warNote: string;
}

/** What strategy reads of a faction's situation, the same for every candidate and judge. */
interface Context {
  readonly rivals: readonly Rival[];
  /** Our force: our own and our trusted allies'. */
  readonly defence: number;
  readonly allies: number;
  /** The chance of the war most likely to come. */
  readonly warExpected: number;
}

/** One reading per threat assessment (one per situation): the rivals are the same for every candidate. */
const contexts = new WeakMap<ThreatAssessment, Context>();

function contextOf(view: FactionView, threat: ThreatAssessment): Context {
  let c = contexts.get(threat);
  if (!c) {
    c = readContext(view, threat);
    contexts.set(threat, c);
  }
  return c;
}

const forceOf = (view: FactionView, f: FactionId) =>
  view.strength(f) * proximity(view.distanceTo(f), view.physics.neighbourhood);

function readContext(view: FactionView, threat: ThreatAssessment): Context {
  const fighting = new Set<FactionId>();
  for (const w of view.wars()) for (const side of w.sides) for (const f of side) fighting.add(f);
  // One more than weighed, so that a candidate among them leaves STRATEGIC_RIVALS.
  const rivals = threat.threats.slice(0, STRATEGIC_RIVALS + 1).map(({ faction }): Rival => {
    const allies = new Set(
      view
        .factionIds()
        .filter((f) => f !== faction && f !== view.id && view.statusBetween(faction, f) === 'allied'),
    );
    let force = forceOf(view, faction);
    for (const a of allies) force += forceOf(view, a);
    const hostility = view.hostilityOf(faction);
    // A war under way is not expected: it is the danger of today (the `vulnerability` term).
    const atWar = view.relation(faction)?.status === 'war';
    const war = atWar ? 0 : Math.min(1, hostility * (1 + (fighting.has(faction) ? WAR_CONTAGION : 0)));
    const warNote = fighting.has(faction)
      ? `${faction} is hostile and already at war`
      : `${faction} is hostile`;
    return { faction, force, allies, hostility, war, warNote };
  });
  return {
    rivals,
    defence: threat.defence,
    allies: view.allies().length,
    warExpected: rivals.reduce((m, r) => Math.max(m, r.war), 0),
  };
}

/** Our chance of prevailing with force `ours` against `theirs` (Lanchester's square law). */
export function prevails(ours: number, theirs: number): number {
  const a = ours * ours;
  const b = theirs * theirs;
  return a + b > 0 ? a / (a + b) : 0.5;
}

/** How readily `partner` could align with `rival`: their relation, and a shared culture. */
export function alignment(view: FactionView, partner: FactionId, rival: FactionId): number {
  const status = view.statusBetween(partner, rival);
  const shared = view.faction(partner).culture === view.faction(rival).culture && status !== 'war';
  return Math.min(1, ALIGNMENT[status] + (shared ? SHARED_CULTURE : 0));
}

/**
 * The terms that pull towards an alliance with `partner` whoever judges: the balance of threat and
 * the war expected. Cheap (a few rivals), so a faction in no danger can weigh them for
 * every faction it knows before asking itself whether to seek an ally.
 */
export function strategicPull(view: FactionView, threat: ThreatAssessment, partner: FactionId): Term[] {
  const ctx = contextOf(view, threat);
  const own = forceOf(view, partner);
  const trust = view.trust(partner);
  const counted = own * (0.5 + 0.5 * trust);
  const D = ctx.defence;
  let balance = { value: 0, note: '' };
  let war = { value: 0, note: '' };
  for (const r of ctx.rivals.filter((x) => x.faction !== partner).slice(0, STRATEGIC_RIVALS)) {
    // A partner bound to the rival already is the rival's strength: there is nothing to keep from it.
    if (r.allies.has(partner)) continue;
    const align = alignment(view, partner, r.faction);
    const lost = prevails(D, r.force) - prevails(D, r.force + own * align);
    const b = lost * r.hostility * (0.5 + 0.5 * trust);
    if (b > balance.value) balance = { value: b, note: `keeps ${partner}'s strength from ${r.faction}` };
    const gained = prevails(D + counted, r.force) - prevails(D, r.force);
    const w = gained * r.war;
    if (w > war.value) war = { value: w, note: `${r.warNote}; ${partner} would turn the odds` };
  }
  const terms: Term[] = [];
  if (BALANCE_OF_THREAT * balance.value >= 0.005)
    terms.push({ name: 'balance of threat', value: BALANCE_OF_THREAT * balance.value, note: balance.note });
  if (WAR_EXPECTED * war.value >= 0.005)
    terms.push({ name: 'war expected', value: WAR_EXPECTED * war.value, note: war.note });
  return terms;
}

/**
 * The fear of abandonment, for a faction asking itself whether to seek any ally: being left alone
 * (or with few allies) while the others pair off in defence pacts, as the war expected draws near —
 * Snyder's alliance game, where not allying risks isolation once the others have chosen. A reason
 * to have allies rather than the worth of one, so it is weighed by the security question, beside
 * `isolation`.
 */
export function abandonment(view: FactionView, threat: ThreatAssessment): Term[] {
  const ctx = contextOf(view, threat);
  if (ctx.warExpected <= 0) return [];
  // The others paired off in defence pacts we are not party to, by their force as it bears on us.
  const paired = new Set<FactionId>();
  for (const a of view.knownAgreements())
    if (!a.parties.includes(view.id) && a.provisions.some((p) => p.kind === 'defence'))
      for (const f of a.parties) paired.add(f);
  let all = 0;
  let aligned = 0;
  for (const f of view.factionIds()) {
    if (f === view.id) continue;
    const force = forceOf(view, f);
    all += force;
    if (paired.has(f)) aligned += force;
  }
  const value = all > 0 ? (ABANDONMENT * ctx.warExpected * (aligned / all)) / (1 + ctx.allies) : 0;
  return value >= 0.005
    ? [
        {
          name: 'abandonment',
          value,
          note: `others have paired off (${Math.round((100 * aligned) / all)} % of the force)`,
        },
      ]
    : [];
}

/**
 * Entrapment in the partner's future wars: the factions hostile to it, as far as they are not
 * hostile to us already, times its record of beginning wars (a Beta estimate, one half without a
 * record), weighed by the judge's caution.
 */
function entrapment(view: FactionView, threat: ThreatAssessment, partner: FactionId, judge: Person): Term[] {
  let quarrels = 0;
  let worst: { f: FactionId; force: number } | null = null;
  for (const f of view.factionIds()) {
    if (f === view.id || f === partner || view.statusBetween(partner, f) !== 'hostile') continue;
    const force = forceOf(view, f) * (1 - view.hostilityOf(f));
    quarrels += force;
    if (!worst || force > worst.force) worst = { f, force };
  }
  if (!worst || quarrels <= 0) return [];
  const record = view.warRecordOf(partner);
  const aggressive = (record.begun + 1) / (record.fought + 2);
  const share = quarrels / (quarrels + contextOf(view, threat).defence + 1);
  const value = -ENTRAPMENT * (0.2 + 0.8 * judge.personality.caution) * aggressive * share;
  if (value > -0.005) return [];
  const began = record.fought > 0 ? `; it began ${record.begun} of its ${record.fought} wars` : '';
  return [
    { name: 'entrapment', value, note: `${partner}'s quarrel with ${worst.f} could become ours${began}` },
  ];
}

/** The partner's record of answering calls to honour its treaties, when we know of any. */
function callRecord(view: FactionView, partner: FactionId): Term[] {
  const { honoured, partly, reneged } = view.callRecordOf(partner);
  const answered = honoured + partly + reneged;
  if (answered === 0) return [];
  const fidelity = (honoured + 0.5 * partly + 1) / (answered + 2);
  return [
    {
      name: "partner's record",
      value: CALL_RECORD * (fidelity - 0.5),
      note: `${partner} honoured ${honoured}${partly ? ` (and ${partly} in part)` : ''} of ${answered} calls`,
    },
  ];
}

/** Every strategic term of an alliance with `partner`, as `judge` weighs it. */
export function strategicTerms(
  view: FactionView,
  threat: ThreatAssessment,
  partner: FactionId,
  judge: Person,
): Term[] {
  return [
    ...strategicPull(view, threat, partner),
    ...entrapment(view, threat, partner, judge),
    ...callRecord(view, partner),
  ];
}
