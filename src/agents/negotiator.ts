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
 * 4. otherwise the mover counters; past its deadline it breaks off.
 *
 * Steps 3 and 4 are the negotiation library's: the agenda becomes an outcome space of provisions
 * (diplomacy/negotiation/provisions.ts), the party's valuation becomes linear-additive preferences
 * with its principles, its leader's demands and the other side's stated red lines as red lines, and
 * a time-dependent strategy (Faratin, Sierra & Jennings 1998) answers and proposes: e small
 * (Boulware) for a proud negotiator, large (Conceder) for a humble one, the deadline T in rounds
 * longer for a patient one. Each tick the strategy is rebuilt from the talks so far, which the
 * library's strategy contract guarantees gives the same decisions as a strategy kept alive.
 */
import type { FactionId } from '../model/ids.js';
import { hours } from '../model/time.js';
import type { Decision } from '../model/intents.js';
import {
  describeProvision,
  isDirected,
  matchesProvisionPattern,
  type Provision,
  type ProvisionKind,
} from '../model/provision.js';
import type { Negotiation, Person } from '../model/world.js';
import { createRng } from '../common/random.js';
import {
  createProvisionAgenda,
  type OutcomePattern,
  preferencesFromValues,
  provisionsOf,
  redLinesFromPatterns,
  timeDependent,
  assignmentOf,
  provisionIssueName,
  createUtilityIndex,
  type PartyPreferences,
  type ProvisionAgenda,
  type Strategy,
  type Turn,
} from '../diplomacy/negotiation/index.js';
import { allianceOffer } from './models/alliances.js';
import { sumTerms, type Term, valueAgreement, valueProvision } from './models/valuation.js';
import { choiceProblem, type QuestionPut } from './players.js';
import type { Situation } from './situation.js';
import type { FactionView } from './view.js';
import type { ScoredOption } from '../model/vocabulary.js';

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Stock below which a party is in need of a resource. */
const NEED = 20;

/** Concession exponent from personality: the proud concede late (Boulware), the humble early. */
export function concessionExponent(p: Person): number {
  return 0.2 + 1.8 * (1 - p.personality.pride);
}

export function deadlineRounds(p: Person): number {
  return 3 + Math.round(6 * p.personality.patience);
}

/**
 * The agenda of talks between `view`'s faction and `other`, as both could see it (it depends only
 * on public facts and the terms already offered).
 */
export function agendaOf(view: FactionView, n: Negotiation, other: FactionId): Provision[] {
  const initiator = n.parties[0]!;
  const a = initiator;
  const b = n.parties.find((p) => p !== a)!;
  const items: Provision[] = [];
  // One issue per provision name (an aid of a resource in one direction is one issue, whatever its amount).
  const add = (p: Provision) => {
    if (!items.some((q) => provisionIssueName(q) === provisionIssueName(p))) items.push(p);
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
      if (need && plenty) {
        // What the other side lacks is needed now: it replaces aid of the same kind promised for later.
        const urgent: Provision = {
          kind: 'aid',
          giver,
          receiver,
          resource: resource as never,
          amount: 40,
          condition: 'immediate',
        };
        const k = items.findIndex((q) => provisionIssueName(q) === provisionIssueName(urgent));
        if (k >= 0) items[k] = urgent;
        else items.push(urgent);
      }
    }
    // Technology is on the table when the poorer side has much to covet.
    if (g.technology - r.technology >= 0.4)
      add({ kind: 'technology-transfer', giver, receiver, technology: 'ship systems' });
  }
  if (!hasHome(view, a) && !hasHome(view, b)) add({ kind: 'travel-together' });
  for (const f of [fa, fb]) {
    const leader = view.person(f.leader);
    if (leader && leader.demands.some((d) => d.kind === 'crew-exchange'))
      add({ kind: 'crew-exchange', count: 10 });
  }
  void other;
  return items;
}

function withDirection(p: Provision, giver: FactionId, receiver: FactionId): Provision {
  return isDirected(p) ? { ...p, giver: p.giver ?? giver, receiver: p.receiver ?? receiver } : p;
}

/** The negotiation table as one party sees it: the agenda as an outcome space, its preferences, its strategy. */
export interface Table {
  readonly agenda: ProvisionAgenda;
  readonly preferences: PartyPreferences;
  readonly items: readonly Provision[];
  readonly me: number;
  readonly them: number;
  readonly deadline: number;
  readonly utility: (terms: readonly Provision[]) => number;
  readonly reservation: number;
  readonly strategy: Strategy;
}

export function tableFor(
  view: FactionView,
  s: Situation,
  n: Negotiation,
  other: FactionId,
  leader: Person,
): Table | null {
  const items = agendaOf(view, n, other).slice(0, MAX_AGENDA);
  if (items.length === 0) return null;
  const agenda = createProvisionAgenda(items.map((provision) => ({ kind: 'include' as const, provision })));
  const values = items.map((p) =>
    valueProvision(view, other, p, s.threat, leader.personality).reduce((sum, t) => sum + t.value, 0),
  );
  // Any treaty with the untrusted carries a cost: no agreement is worth that much more — but never
  // more than the terms the faction itself declared it would offer.
  const declared = openingTerms(view, n, other);
  const declaredValue = declared.reduce((sum, p) => {
    const i = items.findIndex((q) => provisionIssueName(q) === provisionIssueName(p));
    return sum + (i >= 0 ? values[i]! : 0);
  }, 0);
  const distrustCost = 0.15 * (1 - view.trust(other)) * (0.5 + leader.personality.suspicion);
  const noAgreement = declared.length > 0 ? Math.min(distrustCost, declaredValue) : distrustCost;
  const redLines: OutcomePattern[] = [
    // A treaty of nothing is no treaty.
    { terms: items.map((_, issue) => ({ issue, values: [0] })) },
    ...redLinesFromPatterns(
      agenda,
      view.self.principles.flatMap((p) => p.forbidsProvisions),
      view.id,
    ),
    // A demanded provision must be in: leaving it out is a red line.
    ...leader.demands.flatMap((d) => {
      const issues = items.flatMap((p, i) => (matchesProvisionPattern(p, d, view.id) ? [i] : []));
      return issues.length > 0 ? [{ terms: issues.map((issue) => ({ issue, values: [0] })) }] : [];
    }),
    // What the other side refused on principle is not offered again (their stated red lines).
    ...items.flatMap((p, issue) =>
      (n.refused[other] ?? []).includes(p.kind) ? [{ terms: [{ issue, values: [1] }] }] : [],
    ),
  ];
  const preferences = preferencesFromValues(agenda, values, noAgreement, { redLines });
  const me = n.parties.indexOf(view.id);
  const them = n.parties.indexOf(other);
  const deadline = deadlineRounds(leader);
  const strategy = timeDependent({ e: concessionExponent(leader) })({
    party: me,
    name: view.id,
    parties: n.parties,
    space: agenda.space,
    preferences,
    index: createUtilityIndex(agenda.space, preferences),
    deadline: { rounds: deadline },
    rng: createRng(`${n.id}:${view.id}`),
  });
  return {
    agenda,
    preferences,
    items,
    me,
    them,
    deadline,
    utility: (terms) => preferences.utility.utility(assignmentOf(agenda, terms)),
    reservation: preferences.reservation,
    strategy,
  };
}

/** Most provisions on one agenda (the outcome space is 2ⁿ, searched by the library without enumeration). */
const MAX_AGENDA = 12;

/** The moves of `view`'s faction in open talks `n`, if it is its turn and its negotiator is there. */
export function negotiationMoves(
  view: FactionView,
  s: Situation,
  n: Negotiation,
  player?: (put: QuestionPut) => readonly string[] | null,
): Decision[] {
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
  const round = n.offers.filter((o) => o.by === view.id).length;
  const table = tableFor(view, s, n, other, leader);
  const decision = (intent: Decision['intent'], reasons: string[], summary?: string): Decision => ({
    actor: speaker.id,
    intent,
    reasons,
    ...(summary ? { summary } : {}),
    question: `talks:${n.id}`,
  });
  const walkOut = (reasons: string[]) =>
    decision({ type: 'walk-out', negotiation: n.id }, reasons, 'ends the talks');
  // A partner marked by a deed our principles forbid is not one to deal with at all.
  const partnerBreach = view.breachOf([], n.parties);
  if (partnerBreach) return leader.id === speaker.id ? [walkOut([partnerBreach.principle.text])] : [];
  // A conference the faction takes part in comes first: talks elsewhere are broken off before it opens.
  const due = view
    .conferences()
    .find(
      (c) =>
        c.status !== 'ended' &&
        c.answers[view.id] === 'attend' &&
        c.opensAt !== null &&
        c.opensAt - s.t <= hours(3),
    );
  if (due && leader.id === speaker.id) return [walkOut([`${due.title} is about to open`])];
  if (!table) return [walkOut(['nothing to negotiate'])];
  const turn = (phase: 'propose' | 'respond', offer: readonly number[] | null): Turn => ({
    mover: table.me,
    phase,
    offer,
    offeredBy: offer ? table.them : -2,
    round,
    time: round,
    relativeTime: Math.min(1, round / table.deadline),
  });
  const propose = (provisions: readonly Provision[], reasons: string[]) =>
    decision(
      { type: 'propose', negotiation: n.id, provisions: [...provisions], exclude: excludedKinds(view) },
      reasons,
    );
  const worth = (terms: readonly Provision[]) => table.utility(terms).toFixed(2);

  if (!last) {
    // The opener puts its declared terms on the table if it has any, else the strategy's opening.
    const declared = openingTerms(view, n, other);
    if (declared.length > 0 && view.breachOf(declared, n.parties) === null) {
      return [propose(declared, [`${leader.name} sets out the terms`, ...describeExclusions(view)])];
    }
    const opening = table.strategy.propose(turn('propose', null));
    if (!opening) return [walkOut(['nothing we could offer'])];
    return [
      propose(provisionsOf(table.agenda, opening), [
        `worth ${worth(provisionsOf(table.agenda, opening))} to us`,
      ]),
    ];
  }

  const standing = view.agreement(n.agreement ?? '')?.provisions ?? last.provisions;
  // A response weighs three options in the strategy's own currency (the normalised utility of
  // terms): taking their terms, holding out for our next offer (Faratin et al.'s time-dependent
  // tactic with the AC-next acceptance rule: accept what is worth at least our next offer), and no
  // agreement. Red lines, demands and biases veto options; the explanation lists them all.
  const described = (terms: readonly Provision[]) => terms.map(describeProvision).join(', ') || 'nothing';
  const theirValue = table.utility(standing);
  const option = (id: string, terms: Term[], vetoedBy: string | null = null): ScoredOption => ({
    option: id,
    score: round3(sumTerms(terms)),
    terms: terms.map((t) => ({ name: t.name, value: round3(t.value), ...(t.note ? { note: t.note } : {}) })),
    vetoedBy,
  });
  const acceptOption = (vetoedBy: string | null) =>
    option('accept', [{ name: 'their terms', value: theirValue, note: described(standing) }], vetoedBy);
  const counterOption = (terms: readonly Provision[] | null, vetoedBy: string | null = null) =>
    option(
      'counter',
      terms ? [{ name: 'our next offer', value: table.utility(terms), note: described(terms) }] : [],
      vetoedBy,
    );
  const walkOutOption = () =>
    option('walk-out', [
      { name: 'no agreement', value: table.reservation, note: 'what we have without a treaty' },
    ]);
  const explained = (d: Decision, options: ScoredOption[], choice: string): Decision => ({
    ...d,
    options,
    choice,
  });
  const labels: Record<string, string> = {
    accept: `accept their terms: ${described(standing)}`,
    counter: 'make our next offer',
    'walk-out': 'end the talks',
  };
  /**
   * The response: the negotiator's own choice, or — for the leader's seat — the player's answer.
   * `carry` turns a choice among the options into the decisions that carry it out.
   */
  const respond = (
    options: ScoredOption[],
    recommended: string,
    carry: (choice: string) => Decision[],
  ): Decision[] => {
    if (!player || speaker.id !== leader.id) return carry(recommended);
    const put: QuestionPut = {
      question: `talks:${n.id}`,
      topic: `the talks with ${other}: their terms are ${described(standing)}`,
      decider: speaker.id,
      options: options.map((o) => ({ ...o, label: labels[o.option] ?? o.option, exclusive: [] })),
      counsel: [],
      recommended: [recommended],
      pick: 1,
    };
    const answer = player(put);
    if (answer === null) return carry(recommended);
    const problem = choiceProblem(put, answer);
    if (problem) throw new Error(`the answer to "${put.question}" cannot be carried out: ${problem}`);
    const choice = answer[0]!;
    const decisions = carry(choice);
    return choice === recommended
      ? decisions
      : decisions.map((d, i) => (i === 0 ? { ...d, reasons: ['the player chose it', ...d.reasons] } : d));
  };

  // 1. Red lines: rejected on principle; insistence ends the talks.
  const breach = view.breachOf(standing, n.parties);
  if (breach) {
    const offending = breach.provisions;
    const rule = `principle:${breach.principle.id}`;
    const repeats = n.offers.filter(
      (o) => o.by === other && o.provisions.some((p) => offending.includes(p.kind)),
    ).length;
    const insisted =
      (last.kind === 'demand' && last.added.some((p) => offending.includes(p.kind))) ||
      repeats > 1 + Math.round(2 * leader.personality.patience);
    const counter = insisted ? null : table.strategy.propose(turn('propose', null));
    const counterTerms = counter ? provisionsOf(table.agenda, counter) : null;
    const options = [
      acceptOption(rule),
      counterOption(counterTerms, insisted ? 'insistence' : counterTerms ? null : 'no-acceptable-terms'),
      walkOutOption(),
    ];
    const rejection = (choice: string) =>
      explained(
        decision({ type: 'reject', negotiation: n.id }, [
          `${offending.map((k) => k.replace(/-/g, ' ')).join(', ')}: ${breach.principle.text}`,
        ]),
        options,
        choice,
      );
    labels.counter = `offer terms without ${offending.map((k) => k.replace(/-/g, ' ')).join(', ')}`;
    return respond(options, counterTerms ? 'counter' : 'walk-out', (choice) =>
      choice === 'counter' && counterTerms
        ? [
            rejection('counter'),
            propose(counterTerms, [`terms without ${offending.map((k) => k.replace(/-/g, ' ')).join(', ')}`]),
          ]
        : [
            rejection('walk-out'),
            walkOut([insisted ? 'they insist on what we will never agree to' : 'no acceptable terms']),
          ],
    );
  }
  // 2. What our leader demands comes first.
  const missing = leader.demands.filter((d) => !standing.some((p) => matchesProvisionPattern(p, d, view.id)));
  if (missing.length > 0) {
    const add = missing.map(
      (d) =>
        table.items.find((p) => matchesProvisionPattern(p, d, view.id)) ??
        ({ kind: d.kind, count: 10 } as Provision),
    );
    const demanded = [...standing, ...add];
    const insistence = missing.map((d) => d.kind.replace(/-/g, ' ')).join(', ');
    const options = [
      acceptOption(`demand:${missing.map((d) => d.kind).join('+')}`),
      counterOption(demanded),
      walkOutOption(),
    ];
    labels.counter = `demand ${insistence}`;
    return respond(options, 'counter', (choice) => [
      choice === 'counter'
        ? explained(
            decision({ type: 'counter', negotiation: n.id, kind: 'demand', add }, [
              `${leader.name} insists on ${insistence}`,
            ]),
            options,
            'counter',
          )
        : explained(walkOut([`without ${insistence} there is nothing to agree`]), options, 'walk-out'),
    ]);
  }
  // 3. Acceptance, unless a bias forbids taking terms from this speaker.
  const judged = valueAgreement(view, other, standing, s.threat, leader, view.person(last.speaker));
  const biased = judged.veto?.startsWith('bias:') === true;
  const offer = assignmentOf(table.agenda, standing);
  const next = table.strategy.propose(turn('propose', null));
  const nextTerms = next ? provisionsOf(table.agenda, next) : null;
  const atDeadline = round >= table.deadline;
  const options = [
    acceptOption(biased ? judged.veto : null),
    counterOption(nextTerms, atDeadline ? 'deadline' : nextTerms ? null : 'no-acceptable-terms'),
    walkOutOption(),
  ];
  const acceptable = !biased && table.strategy.respond(turn('respond', offer), offer) === 'accept';
  // Only the leader accepts for the faction; another negotiator leaves the terms to the leader.
  if (acceptable && speaker.id !== leader.id) return [];
  // 4. Otherwise a counter-offer, or break off at the deadline.
  if (nextTerms) labels.counter = `counter with ${described(nextTerms)}`;
  const recommended = acceptable ? 'accept' : atDeadline || !nextTerms ? 'walk-out' : 'counter';
  return respond(options, recommended, (choice) => {
    if (choice === 'accept')
      return [
        explained(
          decision({ type: 'accept', negotiation: n.id }, [
            acceptable
              ? `the terms are worth ${worth(standing)} to us, enough at this stage`
              : `the terms are worth ${worth(standing)} to us`,
          ]),
          options,
          'accept',
        ),
      ];
    if (choice === 'counter' && nextTerms)
      return [
        explained(
          propose(nextTerms, [
            biased && judged.vetoNote
              ? judged.vetoNote
              : `their terms are worth ${worth(standing)} to us; ours ${worth(nextTerms)}`,
          ]),
          options,
          'counter',
        ),
      ];
    return [
      explained(
        walkOut(
          atDeadline
            ? ['no agreement in sight', ...(biased && judged.vetoNote ? [judged.vetoNote] : [])]
            : [nextTerms ? 'better no treaty than these terms' : 'no acceptable terms'],
        ),
        options,
        'walk-out',
      ),
    ];
  });
}

/**
 * What the initiator opens with: its declared alliance terms, what the other side lacks (aid it
 * needs at once), and travelling together when neither has a home.
 */
function openingTerms(view: FactionView, n: Negotiation, other: FactionId): Provision[] {
  const declared = view.self.agenda.alliance?.offer.map((p) => withDirection(p, view.id, other)) ?? [];
  if (declared.length === 0) return [];
  const agenda = agendaOf(view, n, other);
  const extras = agenda.filter(
    (p) =>
      (p.kind === 'aid' && p.giver === view.id && p.condition === 'immediate') ||
      (p.kind === 'travel-together' && !hasHome(view, other)),
  );
  // Urgent aid replaces the same aid promised for later.
  const out = declared.map((p) => extras.find((x) => provisionIssueName(x) === provisionIssueName(p)) ?? p);
  for (const p of extras) if (!out.some((q) => provisionIssueName(q) === provisionIssueName(p))) out.push(p);
  return out;
}

function hasHome(view: FactionView, f: FactionId): boolean {
  return view.locationIds().some((l) => view.location(l)?.controlledBy === f);
}

function excludedKinds(view: FactionView): ProvisionKind[] {
  return view.self.agenda.alliance?.exclude.slice() ?? [];
}

function describeExclusions(view: FactionView): string[] {
  const ex = excludedKinds(view);
  return ex.length > 0
    ? [`no ${ex.map((k) => k.replace(/-transfer/, '').replace(/-/g, ' ')).join(' or ')}`]
    : [];
}

/** Who speaks for the faction in these talks: its leader if present, else a present advisor. */
function negotiatorFor(view: FactionView, s: Situation, n: Negotiation): Person | undefined {
  const leader = view.leader();
  if (present(view, n, leader)) return leader;
  return s.members.find(
    (m) => m.status === 'active' && (m.influence[leader.id] ?? 0) > 0 && present(view, n, m),
  );
}

/** Whether a person is at the talks: aboard their ship, or at their place. */
function present(view: FactionView, n: Negotiation, p: Person): boolean {
  if (p.status !== 'active' && p.status !== 'injured') return false;
  if (n.aboard) return p.position.kind === 'ship' && p.position.ship === n.aboard;
  if (n.venue) return view.top(view.locationOf(p)) === view.top(n.venue);
  return true;
}
