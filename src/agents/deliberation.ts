/**
 * How a decision is made: a question, the options it offers (each scored as a sum of named terms,
 * with vetoes), the counsel of advisors who weigh the same options from their own personality,
 * and the faction's doctrine for using that counsel.
 *
 * - Scores are sums of named terms, so the explanation is the model (as Unciv shows each opinion
 *   modifier with its text and value): an explained decision's terms add up to its score.
 * - Vetoes (principles, demands, full-strength biases, rules of the engine the leader knows) remove
 *   an option whatever its score; a vetoed option is still listed with the rule that vetoed it.
 * - Judgement is not exact: each judge adds a seeded `judgement` term to each option, so the same
 *   world can be read differently in different runs. It is bounded (`judgementBound`: the steady
 *   stray less than the impulsive), so it breaks near-ties but never overturns a balance of the
 *   substantive terms clearer than `CLEAR_MARGIN`.
 * - Counsel is counted once: an advisor's voice adds its weight to the one option they favour (the
 *   change they argue for, or the status quo when they argue against changing), and an advisor
 *   whose own terms do not clearly favour anything gives no counsel (`neutral`).
 * - Rule (Janis's "groupthink" is the risk; Allison's bureaucratic politics the other model): the
 *   faction's council (../model/council.ts), or its doctrine where it has none, says who sits and
 *   how they decide. `leader` (doctrine `autocratic`) — the leader decides; counsel enters as a
 *   term weighted by each advisor's influence ("this isn't a democracy"); `majority` (doctrine
 *   `council`) — the options are put to a vote of leader and advisors, the leader breaking ties;
 *   `unanimity` (doctrine `consensus`) — a change is made only if no one objects. A vote is
 *   recorded with the decision (`votes`), ballot by ballot.
 * - Stances (../model/council.ts): a judge who argues for or against a side or an interest adds a
 *   named `stance` term to each option that serves it (what an option serves it says: `serves`) —
 *   where an advisor stands depends on where they sit, not only on their temper.
 */
import { canonicalJson } from '../common/canonical-json.js';
import type { Rng } from '../common/random.js';
import type { PersonId } from '../model/ids.js';
import type { Decision, Intent } from '../model/intents.js';
import type { Person } from '../model/world.js';
import { sumTerms, type Term } from './models/valuation.js';
import { choiceProblem, type QuestionPut } from './players.js';
import type { Doctrine, Counsel, ScoredOption } from '../model/vocabulary.js';
import type { Council, CouncilRule, Interest } from '../model/council.js';
import type { FactionId } from '../model/ids.js';
import type { Ballot } from '../model/intents.js';

export interface Option {
  /** Stable id within the question (`seek-alliance`, `hold`, `channel:raiders`). */
  readonly id: string;
  /** What choosing it means, for the chronicle and explanations. */
  readonly label: string;
  /** The intents carried out if chosen, in order; the decider acts unless another actor is named. */
  readonly acts: readonly { readonly intent: Intent; readonly actor?: PersonId; readonly summary?: string }[];
  readonly terms: readonly Term[];
  readonly veto?: string | null;
  readonly vetoNote?: string | null;
  /** The status quo (holding): counsel is for or against the change relative to it. */
  readonly statusQuo?: boolean;
  /** Chosen options are carried out in ascending order (default 0), then by score. */
  readonly order?: number;
  /** When several options may be chosen, at most one per exclusive key (a candidate, a ship…). */
  readonly exclusive?: string | readonly string[];
  /** The question id the faction remembers for this option, when not the question's own. */
  readonly remember?: string;
  /** The sides it favours and opposes and the interests it serves, for the judges' stances. */
  readonly serves?: Serves;
}

/** What an option serves: the factions it sides with or against, and interests. */
export interface Serves {
  readonly sides?: readonly FactionId[];
  readonly against?: readonly FactionId[];
  readonly interests?: readonly Interest[];
}

export interface Question {
  /** Remembered by the faction (`security`, `letter:message-3`): see Faction.deliberations. */
  readonly id: string;
  /** How the question reads in counsel: "seeking an alliance with a raider faction". */
  readonly topic: string;
  /** Who decides. */
  readonly decider: Person;
  /** The options as `judge` scores them (the decider, or an advisor giving counsel). */
  options(judge: Person): readonly Option[];
  /** Ask the decider's advisors first. */
  readonly counselled: boolean;
  /** Choose every option scoring above the status quo, up to this many (default 1). */
  readonly pick?: number;
  readonly doctrine?: Doctrine;
  /** The faction's council, when it has one: who sits, and the rule (else the doctrine's). */
  readonly council?: Council | null;
}

/**
 * The largest judgement any judge adds to an option (the most impulsive: no patience, no caution).
 * Judgement breaks near-ties and gives runs over seeds their variety; the substantive terms of the
 * questions run from about 0.1 to 1.5, so the most a reading can add or take away is a small term.
 */
export const JUDGEMENT_BOUND = 0.15;
/**
 * A balance of substantive terms (all but judgement) clearer than this is never overturned: two
 * options' judgements differ by at most twice the judge's bound. It is also the margin from which
 * an advisor has counsel to give.
 */
export const CLEAR_MARGIN = 2 * JUDGEMENT_BOUND;
/** Below this honour an advisor counsels for options the faction's rules forbid. */
export const BOUND_BY_RULES = 0.5;
/** Weight of one advisor's counsel (times their influence on the decider). */
export const COUNSEL_WEIGHT = 0.35;
/**
 * The influence a seat at the council gives a member who has none of their own on the leader: a
 * middling voice (influence runs from 0 to 1).
 */
export const SEAT_INFLUENCE = 0.5;

/** The rule a doctrine stands for, when the faction names no council. */
const RULE_OF: Readonly<Record<Doctrine, CouncilRule>> = {
  autocratic: 'leader',
  council: 'majority',
  consensus: 'unanimity',
};

/** The named terms a judge's stances add to an option, by what the option serves. */
export function stanceTerms(judge: Person, option: Option): Term[] {
  const serves = option.serves;
  if (!serves || judge.stances.length === 0) return [];
  const terms: Term[] = [];
  for (const st of judge.stances) {
    const sign = st.stance === 'for' ? 1 : -1;
    let value = 0;
    if (st.side !== undefined) {
      if (serves.sides?.includes(st.side)) value += sign * st.weight;
      if (serves.against?.includes(st.side)) value -= sign * st.weight;
    } else if (st.interest !== undefined && serves.interests?.includes(st.interest))
      value += sign * st.weight;
    if (value !== 0)
      terms.push({
        name: 'stance',
        value,
        note: st.text || `${st.stance} ${st.side ?? st.interest ?? ''}`,
      });
  }
  return terms;
}

/** The options as a judge weighs them: the question's terms and the judge's stances. */
const judged = (q: Question, judge: Person): Option[] =>
  q.options(judge).map((o) => {
    const stance = stanceTerms(judge, o);
    return stance.length === 0 ? o : { ...o, terms: [...o.terms, ...stance] };
  });

interface Scored {
  readonly option: Option;
  readonly terms: readonly Term[];
  readonly score: number;
  /** The score without judgement: what the terms themselves say. */
  readonly substance: number;
}

/**
 * How far a judge's reading of an option may stray: a third of `JUDGEMENT_BOUND` for the patient
 * and cautious, all of it for the impatient and reckless (an unremarkable temper, two thirds). The
 * impulsive act on impressions (Kahneman's fast thinking); the steady weigh the same terms again.
 */
export function judgementBound(judge: Person): number {
  const p = judge.personality;
  return (JUDGEMENT_BOUND * (1 + (1 - p.patience) + (1 - p.caution))) / 3;
}

/**
 * The judge's reading of one option: a normal deviate with a spread of half the judge's bound, cut
 * off at the bound (the cut is reached about one time in twenty).
 */
function judgement(rng: Rng, bound: number): number {
  const x = Math.max(-bound, Math.min(bound, rng.normal() * (bound / 2)));
  // Rounded down in magnitude so that the rounded term stays within the bound.
  return (Math.sign(x) * Math.floor(Math.abs(x) * 1000)) / 1000;
}

function score(options: readonly Option[], judge: Person, rng: Rng): Scored[] {
  const bound = judgementBound(judge);
  return options.map((option) => {
    const substance = sumTerms(option.terms);
    const terms = [...option.terms, { name: 'judgement', value: judgement(rng, bound) }];
    return { option, terms, score: sumTerms(terms), substance };
  });
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The best-scoring option. Advisors of little honour may favour one the faction's rules veto
 * (counsel does not bind them); the others weigh only what the faction may do.
 */
const best = (scored: readonly Scored[], includeVetoed = false, by: 'score' | 'substance' = 'score') =>
  scored
    .filter((s) => includeVetoed || !s.option.veto)
    .reduce<Scored | undefined>((b, s) => (b === undefined || s[by] > b[by] ? s : b), undefined);

/** The advisors of a decider: fellow members with influence on them, most influential first. */
export function advisorsOf(decider: Person, members: readonly Person[]): Person[] {
  return members
    .filter(
      (m) =>
        m.id !== decider.id &&
        (m.influence[decider.id] ?? 0) > 0 &&
        m.status !== 'dead' &&
        m.status !== 'detained',
    )
    .sort(
      (a, b) => (b.influence[decider.id] ?? 0) - (a.influence[decider.id] ?? 0) || (a.id < b.id ? -1 : 1),
    );
}

export interface Deliberation {
  /** Advisors' counsel, as decisions of their own (emitted first), and the decider's choices. */
  readonly decisions: readonly Decision[];
}

/** An advisor's counsel, with how strongly they hold it and the option it is about. */
interface Advice {
  readonly advisor: Person;
  readonly counsel: Counsel;
  readonly conviction: number;
  readonly topic: string;
  /** The option the advisor votes for: their favourite. */
  readonly vote: string;
}

/** The members who sit with the decider at the council: present, in the order the council lists them. */
function seated(decider: Person, council: Council, members: readonly Person[]): Person[] {
  return council.members.flatMap((id) => {
    const m = members.find((p) => p.id === id);
    return m && m.id !== decider.id && m.status !== 'dead' && m.status !== 'detained' ? [m] : [];
  });
}

/** The ballots of a vote: each advisor's, then the decider's (their best eligible option). */
function ballotsOf(q: Question, eligible: readonly Scored[], advice: readonly Advice[]): Ballot[] {
  const mine = eligible[0];
  return [
    ...advice.map((c) => ({ voter: c.advisor.id, option: c.vote })),
    ...(mine ? [{ voter: q.decider.id, option: mine.option.id }] : []),
  ];
}

/**
 * Deliberates a question: counsel, scoring, doctrine, choice. Returns the decisions to carry out,
 * the first of each chosen option carrying the whole explanation. A `player` in the decider's seat
 * (./players.ts) is shown the scored options, the counsel and the decider's own choice, and may
 * choose otherwise among the options no veto rules out.
 */
export function deliberate(
  q: Question,
  members: readonly Person[],
  rng: Rng,
  player?: (request: QuestionPut) => readonly string[] | null,
): Deliberation {
  const votes = new Map<string, number>();
  const council = q.council ?? null;
  const advice = q.counselled ? gatherCounsel(q, members, rng, votes) : [];
  const rule = council?.rule ?? RULE_OF[q.doctrine ?? 'autocratic'];
  const scored = score(
    judged(q, q.decider).map((o) => ({
      ...o,
      terms: [...o.terms, ...counselTerms(q.decider, rule, advice, o, council !== null)],
    })),
    q.decider,
    rng.split(`decider:${q.decider.id}`),
  );
  const eligible = scored.filter((s) => !s.option.veto).sort((a, b) => b.score - a.score);
  const recommended = choose(q, rule, eligible, advice, votes);
  const ballots = rule !== 'leader' && advice.length > 0 ? ballotsOf(q, eligible, advice) : null;
  const options = scored.map(asScoredOption);
  const counselGiven = givenCounsel(advice).map((c) => c.counsel);
  // A player in the decider's seat sees what the decider sees and may choose otherwise.
  const played =
    player && eligible.length > 0 ? askPlayer(q, player, scored, options, counselGiven, recommended) : null;
  const chosen = played ?? recommended;
  return {
    decisions: [
      ...counselDecisions(q.decider, givenCounsel(advice)),
      ...choiceDecisions(
        q,
        chosen,
        scored,
        options,
        counselGiven,
        played !== null,
        ballots && { rule, ballots },
      ),
    ],
  };
}

/**
 * Each advisor weighs the options from their own personality and stances, and casts a vote for
 * their favourite. Their counsel is for the change they favour, or against changing at all — when
 * their own terms favour it clearly (`adviceOf`).
 */
function gatherCounsel(
  q: Question,
  members: readonly Person[],
  rng: Rng,
  votes: Map<string, number>,
): Advice[] {
  const advice: Advice[] = [];
  for (const advisor of q.council ? seated(q.decider, q.council, members) : advisorsOf(q.decider, members)) {
    const theirs = score(judged(q, advisor), advisor, rng.split(`counsel:${advisor.id}`));
    const given = adviceOf(advisor, theirs);
    if (!given) continue;
    advice.push(given);
    votes.set(given.vote, (votes.get(given.vote) ?? 0) + 1);
  }
  return advice;
}

/**
 * One advisor's counsel, on changing or not. Advisors of little honour may favour what the
 * faction's rules veto (counsel does not bind them); the others weigh only what the faction may do.
 * An advisor argues only from their own terms — their values, interests and position — so both
 * sides of their counsel are read from the terms alone: the change is the one their terms favour
 * most, and they counsel for it when it beats keeping things as they are by `CLEAR_MARGIN`, against
 * it when keeping things as they are beats it by as much (without a status quo, for the option
 * their terms favour when it beats the next by as much). Short of that, their preference is a
 * passing impression (judgement) and their counsel is `neutral`: not given, not weighed, though
 * they still vote for their favourite. A counsel given is therefore the same whatever the seed.
 */
function adviceOf(advisor: Person, theirs: readonly Scored[]): Advice | undefined {
  const unbound = advisor.personality.honour < BOUND_BY_RULES;
  const favourite = best(theirs, unbound);
  if (!favourite) return undefined;
  const quo = theirs.find((s) => s.option.statusQuo);
  // With nothing to change to, there is nothing to argue: no margin.
  const change =
    best(
      theirs.filter((s) => !s.option.statusQuo),
      unbound,
      'substance',
    ) ?? favourite;
  const other =
    quo ??
    best(
      theirs.filter((s) => s !== change),
      unbound,
      'substance',
    );
  const margin = other && other !== change ? change.substance - other.substance : 0;
  const position: Counsel['position'] =
    margin >= CLEAR_MARGIN ? 'for' : quo && -margin >= CLEAR_MARGIN ? 'against' : 'neutral';
  return {
    advisor,
    conviction: Math.abs(margin),
    topic: change.option.label,
    counsel: {
      advisor: advisor.id,
      position,
      option: change.option.id,
      reasons:
        position === 'for'
          ? contrast(change, other)
          : position === 'against' && quo
            ? contrast(quo, change)
            : [],
    },
    vote: favourite.option.id,
  };
}

/** The counsel actually given: neutral advisors have none to give. */
const givenCounsel = (advice: readonly Advice[]) => advice.filter((c) => c.counsel.position !== 'neutral');

/**
 * When the leader decides, counsel enters the leader's score as a term weighted by influence (a
 * seat at the council gives a voice to a member without influence of their own).
 *
 * Counsel is counted once: an advisor's voice adds its weight to the one option they favour — the
 * change they argue for, or the status quo when they argue against changing — and takes nothing
 * from any other. Were an objection also to take its weight from the change, one objector would
 * move the balance twice as far as one supporter, and two advisors for a change and two against it
 * would leave the change no counsel and give the status quo all of it; counted once, equal voices
 * on either side cancel.
 */
function counselTerms(
  decider: Person,
  rule: CouncilRule,
  advice: readonly Advice[],
  option: Option,
  seats: boolean,
): Term[] {
  if (rule !== 'leader' || advice.length === 0) return [];
  let value = 0;
  for (const c of givenCounsel(advice)) {
    const influence = c.advisor.influence[decider.id] ?? (seats ? SEAT_INFLUENCE : 0);
    const favoured =
      c.counsel.position === 'for' ? c.counsel.option === option.id : option.statusQuo === true;
    if (favoured) value += influence * COUNSEL_WEIGHT;
  }
  return value === 0 ? [] : [{ name: 'counsel', value: round3(value) }];
}

/**
 * The options the doctrine chooses among the eligible (best first): a council's vote (the leader's
 * vote counting one and a half), a consensus that keeps the status quo when anyone objects, or the
 * decider's best — up to `pick` options that beat the status quo, one per exclusive key.
 */
function choose(
  q: Question,
  rule: CouncilRule,
  eligible: readonly Scored[],
  advice: readonly Advice[],
  votes: Map<string, number>,
): Scored[] {
  if (rule === 'majority' && advice.length > 0) {
    const mine = eligible[0];
    if (mine) votes.set(mine.option.id, (votes.get(mine.option.id) ?? 0) + 1.5);
    const winner = [...votes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    return eligible.filter((s) => s.option.id === winner?.[0]).slice(0, 1);
  }
  if (rule === 'unanimity' && advice.some((c) => c.counsel.position === 'against'))
    return eligible.filter((s) => s.option.statusQuo).slice(0, 1);
  const pick = q.pick ?? 1;
  const chosen = pick === 1 ? eligible.slice(0, 1) : severalAboveStatusQuo(eligible, pick);
  const first = eligible[0];
  return chosen.length === 0 && first ? [first] : chosen;
}

/** Up to `pick` options that beat the status quo, at most one per exclusive key. */
function severalAboveStatusQuo(eligible: readonly Scored[], pick: number): Scored[] {
  const quo = eligible.find((s) => s.option.statusQuo);
  const keys = new Set<string>();
  const chosen: Scored[] = [];
  for (const s of eligible) {
    if (chosen.length >= pick || s.option.statusQuo || (quo && s.score <= quo.score)) continue;
    const exclusive = exclusiveKeys(s.option);
    if (exclusive.some((k) => keys.has(k))) continue;
    for (const k of exclusive) keys.add(k);
    chosen.push(s);
  }
  return chosen;
}

const asScoredOption = (s: Scored): ScoredOption => ({
  option: s.option.id,
  score: round3(s.score),
  terms: s.terms.map((t) => ({
    name: t.name,
    value: round3(t.value),
    ...(t.note ? { note: t.note } : {}),
  })),
  vetoedBy: s.option.veto ?? null,
});

/**
 * Puts the question to the player in the decider's seat: the options chosen instead of the
 * recommendation, or null when the player takes it (the same options in another order are the
 * recommendation) or hands the decision back.
 */
function askPlayer(
  q: Question,
  player: (request: QuestionPut) => readonly string[] | null,
  scored: readonly Scored[],
  options: readonly ScoredOption[],
  counselGiven: readonly Counsel[],
  recommended: readonly Scored[],
): Scored[] | null {
  const put: QuestionPut = {
    question: q.id,
    topic: q.topic,
    decider: q.decider.id,
    options: options.map((o, i) => {
      const option = scored[i]?.option;
      return { ...o, label: option?.label ?? o.option, exclusive: option ? exclusiveKeys(option) : [] };
    }),
    counsel: [...counselGiven],
    recommended: recommended.map((c) => c.option.id),
    pick: q.pick ?? 1,
  };
  const answer = player(put);
  if (answer === null) return null;
  const problem = choiceProblem(put, answer);
  if (problem) throw new Error(`the answer to "${q.id}" cannot be carried out: ${problem}`);
  if ([...answer].sort().join('\n') === [...put.recommended].sort().join('\n')) return null;
  return answer.flatMap((id) => scored.filter((s) => s.option.id === id).slice(0, 1));
}

/** Counsel as the advisors' own decisions: supporters first, the most impatient and convinced first. */
function counselDecisions(decider: Person, advice: readonly Advice[]): Decision[] {
  return [...advice]
    .sort((a, b) => {
      if (a.counsel.position !== b.counsel.position) return a.counsel.position === 'for' ? -1 : 1;
      const ia = a.conviction * (1 - a.advisor.personality.patience);
      const ib = b.conviction * (1 - b.advisor.personality.patience);
      return ib - ia || (a.advisor.id < b.advisor.id ? -1 : 1);
    })
    .map((c) => ({
      actor: c.advisor.id,
      intent: { type: 'counsel', to: decider.id, question: c.topic, position: c.counsel.position },
      reasons: c.counsel.reasons,
    }));
}

/**
 * The chosen options carried out, in their order: each act a decision, the first of each option
 * carrying the whole explanation (options, counsel, reasons); an option with no act is a hold.
 */
function choiceDecisions(
  q: Question,
  chosen: readonly Scored[],
  scored: readonly Scored[],
  options: ScoredOption[],
  counselGiven: Counsel[],
  playerChose: boolean,
  votes: Decision['votes'] | null,
): Decision[] {
  const decisions: Decision[] = [];
  for (const choice of [...chosen].sort((a, b) => (a.option.order ?? 0) - (b.option.order ?? 0))) {
    const { because, against } = choiceReasons(choice, scored);
    const explanation = {
      options,
      counsel: counselGiven,
      question: choice.option.remember ?? q.id,
      choice: choice.option.id,
      ...(against.length > 0 ? { against } : {}),
      ...(votes ? { votes } : {}),
    };
    const reasons = playerChose ? ['the player chose it', ...because] : because;
    choice.option.acts.forEach((act, i) => {
      decisions.push({
        actor: act.actor ?? q.decider.id,
        intent: act.intent,
        summary: act.summary ?? (i === 0 ? choice.option.label : undefined),
        reasons: i === 0 ? reasons : [],
        ...(i === 0 ? explanation : {}),
      });
    });
    if (choice.option.acts.length === 0)
      decisions.push({
        actor: q.decider.id,
        intent: { type: 'hold' },
        summary: choice.option.label,
        reasons,
        ...explanation,
      });
  }
  return decisions;
}

const exclusiveKeys = (o: Option): readonly string[] =>
  o.exclusive === undefined ? [] : typeof o.exclusive === 'string' ? [o.exclusive] : o.exclusive;

/** How many considerations a reason list quotes, on either side. */
const QUOTED = 2;

/**
 * The considerations that favour option `a`, strongest first, and those against it: its own terms
 * (but judgement) by their sign. The merits of a change are its own; the case for keeping things as
 * they are (or for the least bad of poor choices) is what the best alternative `b` would cost, so
 * `b`'s terms count too, with their sign turned, when `a` is the status quo or has no merit of its
 * own. When nothing favours `a`, it won on judgement: a close call.
 */
export function reasonsFor(a: Scored, b: Scored | undefined): { because: string[]; against: string[] } {
  const own = a.terms.filter((t) => t.name !== 'judgement');
  const alternative =
    b && (a.option.statusQuo === true || !own.some((t) => t.value > 0))
      ? b.terms.filter((t) => t.name !== 'judgement').map((t) => ({ ...t, value: -t.value }))
      : [];
  const ranked = [...own, ...alternative].sort((x, y) => Math.abs(y.value) - Math.abs(x.value));
  const quote = (sign: number) =>
    [...new Set(ranked.filter((t) => Math.sign(t.value) === sign).map((t) => t.note ?? t.name))].slice(
      0,
      QUOTED,
    );
  const because = quote(1);
  return { because: because.length > 0 ? because : ['a close call'], against: quote(-1) };
}

/**
 * What an advisor argues: the considerations that make their favourite better than the best
 * alternative they weighed, strongest first — each named term (but judgement) counted by how much
 * more it gives the favourite, so what both share equally is no argument, and a cost of the
 * alternative is one.
 */
function contrast(a: Scored, b: Scored | undefined): string[] {
  const net = new Map<string, Term>();
  const add = (t: Term, sign: number) => {
    if (t.name === 'judgement') return;
    const was = net.get(t.name);
    const note = was?.note ?? t.note;
    net.set(t.name, { name: t.name, value: (was?.value ?? 0) + sign * t.value, ...(note ? { note } : {}) });
  };
  for (const t of a.terms) add(t, 1);
  for (const t of b?.terms ?? []) add(t, -1);
  const ranked = [...net.values()].filter((t) => t.value >= 0.0005).sort((x, y) => y.value - x.value);
  return [...new Set(ranked.map((t) => t.note ?? t.name))].slice(0, QUOTED);
}

/**
 * Why the chosen option: what favours it (`reasonsFor`, against the best other option the decider
 * could take) and the vetoes that ruled others out; and what argued against it.
 */
function choiceReasons(choice: Scored, all: readonly Scored[]): { because: string[]; against: string[] } {
  const rival = best(all.filter((s) => s !== choice));
  const { because, against } = reasonsFor(choice, rival);
  for (const s of all) {
    if (s.option.veto) because.push(`not ${s.option.label}: ${s.option.vetoNote ?? s.option.veto}`);
  }
  return { because, against };
}

/**
 * Terms that are not input: the judge's seeded `judgement`, and `counsel`, whose value carries the
 * advisers' own judgement. Every other term (and every veto) is read from the world.
 */
const NOT_INPUT: ReadonlySet<string> = new Set(['judgement', 'counsel']);

/**
 * What a decision was taken on: the options with their vetoes and every term but those that are not
 * input (`NOT_INPUT`). Two decisions with one substance were taken on the same input.
 */
export function decisionSubstance(options: readonly ScoredOption[]): string {
  return canonicalJson(
    options.map((o) => ({
      option: o.option,
      vetoedBy: o.vetoedBy,
      terms: o.terms
        .filter((t) => !NOT_INPUT.has(t.name))
        .map((t) => ({ name: t.name, value: t.value, note: t.note ?? null })),
    })),
  );
}
