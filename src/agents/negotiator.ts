/**
 * The negotiator: conducts a faction's side of open talks, one move per tick, as a bilateral
 * alternating-offers protocol (Rubinstein 1982) over the provisions on the table.
 *
 * The agenda of the talks is the set of provisions either side could want: the initiator's
 * declared terms (or its alliance offer), aid the other side lacks, technology or weapons the
 * poorer side covets, an exchange of crews if either leader values or demands one, and travelling
 * together for those without a home. Each provision is an issue (included or not); a party's
 * utility is the sum of its provisions' values from its own side (models/valuation.ts).
 *
 * A move, in order of precedence:
 * 1. terms on the table that cross the mover's principles are rejected, naming the principle — and
 *    if the other side has made that provision a demand, or offered it twice, the mover walks out;
 * 2. terms lacking what the mover's leader demands are answered with the demand;
 * 3. terms are accepted when worth at least the mover's aspiration — unless its leader's bias
 *    forbids accepting terms from that speaker;
 * 4. otherwise the mover counters with the outcome nearest its aspiration; past its deadline it
 *    breaks off. Aspiration follows Faratin, Sierra & Jennings (1998): from the best outcome down to
 *    the reservation value, a(t) = u_res + (u_max − u_res)(1 − (t/T)^{1/e}), with e small (Boulware)
 *    for a proud negotiator and large (Conceder) for a humble one, and the deadline T longer for a
 *    patient one.
 */
import { canonicalJson } from '../common/canonical-json.js';
import type { FactionId } from '../model/ids.js';
import type { Decision } from '../model/intents.js';
import { isDirected, matchesProvisionPattern, type Provision, type ProvisionKind } from '../model/provision.js';
import type { Negotiation, Person } from '../model/world.js';
import { allianceOffer } from './models/alliances.js';
import { valueAgreement } from './models/valuation.js';
import type { Situation } from './situation.js';
import type { FactionView } from './view.js';

/** Stock below which a party is in need of a resource. */
const NEED = 20;

export function aspiration(uMax: number, uRes: number, round: number, deadline: number, e: number): number {
  const t = Math.min(1, round / Math.max(1, deadline));
  return uRes + (uMax - uRes) * (1 - t ** (1 / e));
}

/** Concession exponent from personality: the proud concede late (Boulware), the humble early. */
export function concessionExponent(p: Person): number {
  return 0.2 + 1.8 * (1 - p.personality.pride);
}

export function deadlineRounds(p: Person): number {
  return 3 + Math.round(6 * p.personality.patience);
}

const key = (p: Provision) => canonicalJson(p);

/**
 * The agenda of talks between `view`'s faction and `other`, as both could see it (it depends only
 * on public facts and the terms already offered).
 */
export function agendaOf(view: FactionView, n: Negotiation, other: FactionId): Provision[] {
  const initiator = n.parties[0]!;
  const a = initiator;
  const b = n.parties.find((p) => p !== a)!;
  const items: Provision[] = [];
  const add = (p: Provision) => {
    if (!items.some((q) => key(q) === key(p))) items.push(p);
  };
  for (const offer of n.offers) for (const p of offer.provisions) add(p);
  const fa = view.faction(a);
  const fb = view.faction(b);
  const terms = fa.agenda.alliance?.offer ?? (a === view.id ? allianceOffer(view) : []);
  for (const p of terms) add(withDirection(p, a, b));
  for (const [giver, receiver] of [
    [a, b],
    [b, a],
  ] as const) {
    const g = view.faction(giver);
    const r = view.faction(receiver);
    for (const resource of Object.keys(r.resources).sort()) {
      const need = (r.resources[resource as never] ?? 0) < NEED;
      const plenty = (g.resources[resource as never] ?? 0) >= 100;
      if (need && plenty) add({ kind: 'aid', giver, receiver, resource: resource as never, amount: 40, condition: 'immediate' });
    }
    if (g.technology - r.technology > 0.2) add({ kind: 'technology-transfer', giver, receiver, technology: 'ship systems' });
  }
  const nomads = [fa, fb].some((f) => !view.locationIds().some((l) => view.location(l)?.controlledBy === f.id));
  if (nomads) add({ kind: 'travel-together' });
  for (const f of [fa, fb]) {
    const leader = view.person(f.leader);
    if (leader && leader.demands.some((d) => d.kind === 'crew-exchange')) add({ kind: 'crew-exchange', count: 10 });
  }
  void other;
  return items;
}

function withDirection(p: Provision, giver: FactionId, receiver: FactionId): Provision {
  return isDirected(p) ? { ...p, giver: p.giver ?? giver, receiver: p.receiver ?? receiver } : p;
}

interface Evaluated {
  readonly terms: Provision[];
  readonly utility: number;
  readonly veto: string | null;
}

/** Every subset of the agenda, valued by `judge` for `view`'s faction (agendas are small: ≤ 2⁸). */
function outcomes(view: FactionView, s: Situation, agenda: readonly Provision[], other: FactionId, judge: Person): Evaluated[] {
  const out: Evaluated[] = [];
  const n = Math.min(agenda.length, 8);
  for (let mask = 1; mask < 1 << n; mask++) {
    const terms = agenda.filter((_, i) => i < n && mask & (1 << i));
    const v = valueAgreement(view, other, terms, s.threat, judge);
    out.push({ terms, utility: v.total, veto: v.veto });
  }
  return out;
}

const sameTerms = (a: readonly Provision[], b: readonly Provision[]) =>
  a.length === b.length && a.map(key).sort().join('|') === b.map(key).sort().join('|');

/** The moves of `view`'s faction in open talks `n`, if it is its turn and its negotiator is there. */
export function negotiationMoves(view: FactionView, s: Situation, n: Negotiation): Decision[] {
  const other = n.parties.find((p) => p !== view.id);
  if (!other || n.parties.length !== 2) return [];
  const last = n.offers[n.offers.length - 1];
  const initiator = n.parties[0]!;
  if (!last && initiator !== view.id) return [];
  if (last && last.by === view.id) return [];
  const speaker = negotiatorFor(view, s, n);
  if (!speaker) return [];
  const theirs = view.person(view.faction(other).leader);
  if (!theirs || !present(view, n, theirs)) return [];

  const leader = view.leader();
  const agenda = agendaOf(view, n, other);
  const all = outcomes(view, s, agenda, other, leader);
  // What the other side has refused on principle is not offered again (their stated red lines).
  const refusedByThem = n.refused[other] ?? [];
  const acceptable = all.filter((o) => o.veto === null && !o.terms.some((p) => refusedByThem.includes(p.kind)));
  const uMax = Math.max(0, ...acceptable.map((o) => o.utility));
  const round = n.offers.filter((o) => o.by === view.id).length;
  const deadline = deadlineRounds(leader);
  const aim = aspiration(uMax, 0, round, deadline, concessionExponent(leader));
  const decision = (intent: Decision['intent'], reasons: string[], summary?: string): Decision => ({
    actor: speaker.id,
    intent,
    reasons,
    ...(summary ? { summary } : {}),
    options: [
      {
        option: 'aspiration',
        score: Math.round(aim * 1000) / 1000,
        terms: [
          { name: 'best attainable', value: Math.round(uMax * 1000) / 1000 },
          { name: 'round', value: round },
          { name: 'deadline', value: deadline },
        ],
        vetoedBy: null,
      },
    ],
    question: `talks:${n.id}`,
  });

  if (!last) {
    // The opener puts its declared terms on the table if it has any, else its best outcome.
    const declared = view.self.agenda.alliance?.offer.map((p) => withDirection(p, view.id, other));
    const opening = declared && declared.length > 0 && view.breachOf(declared, n.parties) === null ? declared : best(acceptable)?.terms;
    if (!opening || opening.length === 0) return [decision({ type: 'walk-out', negotiation: n.id }, ['nothing we could offer'], 'has nothing to offer')];
    return [
      decision({ type: 'propose', negotiation: n.id, provisions: opening, exclude: excludedKinds(view) }, [
        `${leader.name} sets out the terms`,
        ...describeExclusions(view),
      ]),
    ];
  }

  const standing = view.agreement(n.agreement ?? '')?.provisions ?? last.provisions;
  const judged = valueAgreement(view, other, standing, s.threat, leader, view.person(last.speaker));
  // 1. Red lines.
  const breach = view.breachOf(standing, n.parties);
  if (breach) {
    const offending = breach.provisions;
    const rejection = decision({ type: 'reject', negotiation: n.id }, [`${offending.map((k) => k.replace(/-/g, ' ')).join(', ')}: ${breach.principle.text}`]);
    // A demand, or an offence repeated past the mover's patience, ends the talks.
    const repeats = n.offers.filter((o) => o.by === other && o.provisions.some((p) => offending.includes(p.kind))).length;
    const insisted = (last.kind === 'demand' && last.added.some((p) => offending.includes(p.kind))) || repeats > 1 + Math.round(2 * leader.personality.patience);
    const counter = nearest(acceptable, aim);
    if (insisted || !counter) {
      return [rejection, decision({ type: 'walk-out', negotiation: n.id }, [insisted ? 'they insist on what we will never agree to' : 'no acceptable terms'], 'ends the talks')];
    }
    return [rejection, decision({ type: 'propose', negotiation: n.id, provisions: counter.terms, exclude: excludedKinds(view) }, [`terms without ${offending.map((k) => k.replace(/-/g, ' ')).join(', ')}`])];
  }
  // 2. Demands.
  const missing = leader.demands.filter((d) => !standing.some((p) => matchesProvisionPattern(p, d, view.id)));
  if (missing.length > 0) {
    const add = missing.map((d) => agenda.find((p) => p.kind === d.kind) ?? ({ kind: d.kind, count: 10 } as Provision));
    return [decision({ type: 'counter', negotiation: n.id, kind: 'demand', add }, [`${leader.name} insists on ${missing.map((d) => d.kind.replace(/-/g, ' ')).join(', ')}`])];
  }
  // 3. Acceptance.
  const biased = judged.veto?.startsWith('bias:');
  if (!biased && judged.total >= aim && judged.veto === null) {
    if (speaker.id !== leader.id) return [];
    return [decision({ type: 'accept', negotiation: n.id }, [`the terms are worth it (${judged.total.toFixed(2)} ≥ ${aim.toFixed(2)})`])];
  }
  // 4. Counter-offer, or break off at the deadline.
  if (round >= deadline) {
    return [decision({ type: 'walk-out', negotiation: n.id }, ['no agreement in sight', ...(biased && judged.vetoNote ? [judged.vetoNote] : [])], 'breaks off the talks')];
  }
  const counter = nearest(acceptable.filter((o) => !sameTerms(o.terms, standing)), aim);
  if (!counter) return [decision({ type: 'walk-out', negotiation: n.id }, ['no acceptable terms'], 'breaks off the talks')];
  return [
    decision({ type: 'propose', negotiation: n.id, provisions: counter.terms, exclude: excludedKinds(view) }, [
      biased && judged.vetoNote ? judged.vetoNote : `the terms offered are worth too little (${judged.total.toFixed(2)} < ${aim.toFixed(2)})`,
    ]),
  ];
}

function best(outcomes: readonly Evaluated[]): Evaluated | undefined {
  return outcomes.reduce<Evaluated | undefined>((b, o) => (b === undefined || o.utility > b.utility ? o : b), undefined);
}

/** The acceptable outcome whose utility is closest to the aspiration from above (else the best). */
function nearest(outcomes: readonly Evaluated[], aim: number): Evaluated | undefined {
  const above = outcomes.filter((o) => o.utility >= aim).sort((a, b) => a.utility - b.utility || a.terms.length - b.terms.length);
  return above[0] ?? best(outcomes);
}

function excludedKinds(view: FactionView): ProvisionKind[] {
  return view.self.agenda.alliance?.exclude.slice() ?? [];
}

function describeExclusions(view: FactionView): string[] {
  const ex = excludedKinds(view);
  return ex.length > 0 ? [`no ${ex.map((k) => k.replace(/-transfer/, '').replace(/-/g, ' ')).join(' or ')}`] : [];
}

/** Who speaks for the faction in these talks: its leader if present, else a present advisor. */
function negotiatorFor(view: FactionView, s: Situation, n: Negotiation): Person | undefined {
  const leader = view.leader();
  if (present(view, n, leader)) return leader;
  return s.members.find((m) => m.status === 'active' && (m.influence[leader.id] ?? 0) > 0 && present(view, n, m));
}

/** Whether a person is at the talks: aboard their ship, or at their place. */
function present(view: FactionView, n: Negotiation, p: Person): boolean {
  if (p.status !== 'active' && p.status !== 'injured') return false;
  if (n.aboard) return p.position.kind === 'ship' && p.position.ship === n.aboard;
  if (n.venue) return view.top(view.locationOf(p)) === view.top(n.venue);
  return true;
}

