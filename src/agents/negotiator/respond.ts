/**
 * The response to the terms on the table, in order of precedence:
 * 1. terms that cross the mover's principles are rejected, naming the principle — and if the other
 *    side has made that provision a demand, or offered it often, the mover walks out;
 * 2. terms lacking what the mover's leader demands are answered with the demand;
 * 3. terms are accepted when the strategy accepts them (worth at least the mover's next offer, the
 *    AC-next rule) — unless the leader's bias forbids taking terms from that speaker;
 * 4. otherwise the mover counters; past its deadline it breaks off.
 * Each response weighs three options in the strategy's own currency (the normalised utility of
 * terms): taking their terms, our next offer, and no agreement. Red lines, demands and biases veto
 * options; the explanation lists them all. In the leader's seat a player may choose among them.
 */
import { assignmentOf, provisionsOf } from '../../diplomacy/negotiation/index.js';
import type { Decision } from '../../model/intents.js';
import {
  describeProvision,
  matchesProvisionPattern,
  type Provision,
  type ProvisionPattern,
} from '../../model/provision.js';
import type { ScoredOption } from '../../model/vocabulary.js';
import type { Offer } from '../../model/world.js';
import { sumTerms, type Term, valueAgreement } from '../models/valuation.js';
import { choiceProblem, type QuestionPut } from '../players.js';
import type { Breach } from '../../engine/principles.js';
import { CREW_EXCHANGE_COUNT } from '../tuning.js';
import { decisionIn, described, propose, type Talks, turn, walkOut, worth } from './talks.js';

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The options of a response, with the terms on the table they answer. */
interface Response {
  readonly t: Talks;
  readonly last: Offer;
  readonly standing: readonly Provision[];
  /** What the player is shown for each option. */
  readonly labels: Record<string, string>;
}

export function response(t: Talks, last: Offer): Decision[] {
  const standing =
    (t.n.agreement ? t.view.agreement(t.n.agreement)?.provisions : undefined) ?? last.provisions;
  const r: Response = {
    t,
    last,
    standing,
    labels: {
      accept: `accept their terms: ${described(standing)}`,
      counter: 'make our next offer',
      'walk-out': 'end the talks',
    },
  };
  const breach = t.view.breachOf(standing, t.n.parties);
  if (breach) return rejectOnPrinciple(r, breach);
  const missing = t.leader.demands.filter(
    (d) => !standing.some((p) => matchesProvisionPattern(p, d, t.view.id)),
  );
  if (missing.length > 0) return demand(r, missing);
  const ours = t.n.offers[0];
  if (ours?.kind === 'demand' && ours.by === t.view.id) {
    const unmet = ours.provisions.filter((p) => !standing.some((q) => sameTerms(p, q)));
    if (unmet.length > 0) return demandRefused(r, unmet);
  }
  return acceptOrCounter(r);
}

const sameTerms = (p: Provision, q: Provision) => describeProvision(p) === describeProvision(q);

/**
 * A demand is not an opening bid: a reply that grants it only in part is a refusal, and the talks
 * end there — the alternative the demand named follows (Schelling 1966 on the ultimatum; George
 * 1991 on coercive diplomacy's "try and see" against the ultimatum proper).
 */
function demandRefused(r: Response, unmet: readonly Provision[]): Decision[] {
  const { t, standing, labels } = r;
  const options = [acceptOption(t, standing, 'demand:unmet'), walkOutOption(t)];
  const why = `they refuse ${described(unmet)}`;
  labels['walk-out'] = 'reject the reply and end the talks';
  return answer(r, options, 'walk-out', (choice) =>
    choice === 'accept'
      ? [
          explained(
            decisionIn(t, { type: 'accept', negotiation: t.n.id }, [
              `the terms are worth ${worth(t, standing)} to us`,
            ]),
            options,
            'accept',
          ),
        ]
      : [
          explained(decisionIn(t, { type: 'reject', negotiation: t.n.id }, [why]), options, 'walk-out'),
          walkOut(t, ['our demand was not met']),
        ],
  );
}

/** 1. Red lines: rejected on principle; insistence ends the talks. */
function rejectOnPrinciple(r: Response, breach: Breach): Decision[] {
  const { t, last, standing, labels } = r;
  const offending = breach.provisions;
  const rule = `principle:${breach.principle.id}`;
  const repeats = t.n.offers.filter(
    (o) => o.by === t.other && o.provisions.some((p) => offending.includes(p.kind)),
  ).length;
  const insisted =
    (last.kind === 'demand' && last.added.some((p) => offending.includes(p.kind))) ||
    repeats > 1 + Math.round(2 * t.leader.personality.patience);
  const counter = insisted ? null : t.table.strategy.propose(turn(t, 'propose', null));
  const counterTerms = counter ? provisionsOf(t.table.agenda, counter) : null;
  const options = [
    acceptOption(t, standing, rule),
    counterOption(t, counterTerms, insisted ? 'insistence' : counterTerms ? null : 'no-acceptable-terms'),
    walkOutOption(t),
  ];
  const without = offending.map((k) => k.replace(/-/g, ' ')).join(', ');
  const rejection = (choice: string) =>
    explained(
      decisionIn(t, { type: 'reject', negotiation: t.n.id }, [`${without}: ${breach.principle.text}`]),
      options,
      choice,
    );
  labels.counter = `offer terms without ${without}`;
  return answer(r, options, counterTerms ? 'counter' : 'walk-out', (choice) =>
    choice === 'counter' && counterTerms
      ? [rejection('counter'), propose(t, counterTerms, [`terms without ${without}`])]
      : [
          rejection('walk-out'),
          walkOut(t, [insisted ? 'they insist on what we will never agree to' : 'no acceptable terms']),
        ],
  );
}

/** 2. What our leader demands comes first. */
function demand(r: Response, missing: readonly ProvisionPattern[]): Decision[] {
  const { t, standing, labels } = r;
  const add = missing.map(
    (d) =>
      t.table.items.find((p) => matchesProvisionPattern(p, d, t.view.id)) ??
      ({ kind: d.kind, count: CREW_EXCHANGE_COUNT } as Provision),
  );
  const insistence = missing.map((d) => d.kind.replace(/-/g, ' ')).join(', ');
  const options = [
    acceptOption(t, standing, `demand:${missing.map((d) => d.kind).join('+')}`),
    counterOption(t, [...standing, ...add]),
    walkOutOption(t),
  ];
  labels.counter = `demand ${insistence}`;
  return answer(r, options, 'counter', (choice) => [
    choice === 'counter'
      ? explained(
          decisionIn(t, { type: 'counter', negotiation: t.n.id, kind: 'demand', add }, [
            `${t.leader.name} insists on ${insistence}`,
          ]),
          options,
          'counter',
        )
      : explained(walkOut(t, [`without ${insistence} there is nothing to agree`]), options, 'walk-out'),
  ]);
}

/** 3 and 4. Acceptance, unless a bias forbids taking terms from this speaker; else a counter-offer, or break off. */
function acceptOrCounter(r: Response): Decision[] {
  const { t, last, standing, labels } = r;
  const judged = valueAgreement(t.view, t.other, standing, t.s.threat, t.leader, t.view.person(last.speaker));
  const biased = judged.veto?.startsWith('bias:') === true;
  const offer = assignmentOf(t.table.agenda, standing);
  const next = t.table.strategy.propose(turn(t, 'propose', null));
  const nextTerms = next ? provisionsOf(t.table.agenda, next) : null;
  const atDeadline = t.round >= t.table.deadline;
  const options = [
    acceptOption(t, standing, biased ? judged.veto : null),
    counterOption(t, nextTerms, atDeadline ? 'deadline' : nextTerms ? null : 'no-acceptable-terms'),
    walkOutOption(t),
  ];
  const acceptable = !biased && t.table.strategy.respond(turn(t, 'respond', offer), offer) === 'accept';
  // Only the leader accepts for the faction; another negotiator leaves the terms to the leader.
  if (acceptable && t.speaker.id !== t.leader.id) return [];
  if (nextTerms) labels.counter = `counter with ${described(nextTerms)}`;
  const vetoNote = biased && judged.vetoNote ? judged.vetoNote : null;
  const recommended = acceptable ? 'accept' : atDeadline || !nextTerms ? 'walk-out' : 'counter';
  return answer(r, options, recommended, (choice) => {
    if (choice === 'accept') {
      const why = `the terms are worth ${worth(t, standing)} to us${acceptable ? ', enough at this stage' : ''}`;
      return [explained(decisionIn(t, { type: 'accept', negotiation: t.n.id }, [why]), options, 'accept')];
    }
    if (choice === 'counter' && nextTerms) {
      const why =
        vetoNote ?? `their terms are worth ${worth(t, standing)} to us; ours ${worth(t, nextTerms)}`;
      return [explained(propose(t, nextTerms, [why]), options, 'counter')];
    }
    const why = atDeadline
      ? ['no agreement in sight', ...(vetoNote ? [vetoNote] : [])]
      : [nextTerms ? 'better no treaty than these terms' : 'no acceptable terms'];
    return [explained(walkOut(t, why), options, 'walk-out')];
  });
}

function scored(id: string, terms: Term[], vetoedBy: string | null = null): ScoredOption {
  return {
    option: id,
    score: round3(sumTerms(terms)),
    terms: terms.map((x) => ({ name: x.name, value: round3(x.value), ...(x.note ? { note: x.note } : {}) })),
    vetoedBy,
  };
}

const acceptOption = (t: Talks, standing: readonly Provision[], vetoedBy: string | null) =>
  scored(
    'accept',
    [{ name: 'their terms', value: t.table.utility(standing), note: described(standing) }],
    vetoedBy,
  );

const counterOption = (t: Talks, terms: readonly Provision[] | null, vetoedBy: string | null = null) =>
  scored(
    'counter',
    terms ? [{ name: 'our next offer', value: t.table.utility(terms), note: described(terms) }] : [],
    vetoedBy,
  );

const walkOutOption = (t: Talks) =>
  scored('walk-out', [
    { name: 'no agreement', value: t.table.reservation, note: 'what we have without a treaty' },
  ]);

const explained = (d: Decision, options: ScoredOption[], choice: string): Decision => ({
  ...d,
  options,
  choice,
});

/**
 * The response: the negotiator's own choice, or — in the leader's seat — the player's answer.
 * `carry` turns a choice among the options into the decisions that carry it out.
 */
function answer(
  { t, standing, labels }: Response,
  options: ScoredOption[],
  recommended: string,
  carry: (choice: string) => Decision[],
): Decision[] {
  if (!t.player || t.speaker.id !== t.leader.id) return carry(recommended);
  const put: QuestionPut = {
    question: `talks:${t.n.id}`,
    topic: `the talks with ${t.other}: their terms are ${described(standing)}`,
    decider: t.speaker.id,
    options: options.map((o) => ({ ...o, label: labels[o.option] ?? o.option, exclusive: [] })),
    counsel: [],
    recommended: [recommended],
    pick: 1,
  };
  const picked = t.player(put);
  if (picked === null) return carry(recommended);
  const problem = choiceProblem(put, picked);
  const [choice] = picked;
  if (problem || choice === undefined)
    throw new Error(`the answer to "${put.question}" cannot be carried out: ${problem ?? 'no choice'}`);
  const decisions = carry(choice);
  return choice === recommended
    ? decisions
    : decisions.map((d, i) => (i === 0 ? { ...d, reasons: ['the player chose it', ...d.reasons] } : d));
}
