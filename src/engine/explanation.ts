/**
 * Explanations of a run's events (`alliances explain RUN SEQ`): for a decision, the question, the
 * options weighed with each score broken into its named terms, the counsel received, the choice and
 * its reasons, and the events it caused; for a rejected intent, the rule that rejected it; for any
 * other event, the decision it followed from, when there is one.
 *
 * An event follows from a decision when it comes after the decision in the same tick with no other
 * decision or rejection between them: the engine emits a decision's events, and their consequences,
 * right after the decision (engine/simulation.ts).
 */
import { formatTime } from '../model/time.js';
import type { WorldEvent } from '../events/index.js';
import { type Names, renderEvent } from '../events/index.js';

type DecisionEvent = Extract<WorldEvent, { type: 'decision-made' }>;
type RejectionEvent = Extract<WorldEvent, { type: 'intent-rejected' }>;

export interface ExplainedOption {
  readonly option: string;
  readonly score: number;
  readonly terms: readonly { name: string; value: number; note?: string }[];
  readonly vetoedBy: string | null;
  readonly chosen: boolean;
}

export interface Explanation {
  readonly seq: number;
  readonly t: number;
  readonly type: string;
  readonly event: WorldEvent;
  /** Set when the event is a decision. */
  readonly decision: {
    readonly actor: string;
    readonly faction: string;
    readonly question: string | null;
    readonly decision: string;
    readonly choice: string | null;
    readonly summary: string;
    readonly reasons: readonly string[];
    /** What argued against the choice. */
    readonly against: readonly string[];
    /** Best first; the chosen option is marked. */
    readonly options: readonly ExplainedOption[];
    readonly counsel: DecisionEvent['counsel'];
    /** The council's vote, when it decided by majority or unanimity. */
    readonly votes?: NonNullable<DecisionEvent['votes']>;
  } | null;
  /** Set when the event is a rejected intent: the rule that rejected it. */
  readonly rejection: {
    readonly actor: string;
    readonly intent: string;
    readonly rule: string;
    readonly message: string;
  } | null;
  /** The decision this event followed from (its seq), if any. */
  readonly causedBy: number | null;
  /** For a decision: the seqs of the events it caused. */
  readonly effects: readonly number[];
}

const OUTSIDE = new Set<string>(['run-started', 'run-ended', 'world-edited']);

const isChoice = (e: WorldEvent): e is DecisionEvent | RejectionEvent =>
  e.type === 'decision-made' || e.type === 'intent-rejected';

/** The explanation of the event at `seq`; undefined when the log has no such event. */
export function explainEvent(events: readonly WorldEvent[], seq: number): Explanation | undefined {
  const event = events[seq];
  if (!event) return undefined;
  let causedBy: number | null = null;
  // Changes made from outside the world (a fork's edits, the run's start and end) have no cause in it.
  if (!isChoice(event) && !OUTSIDE.has(event.type)) {
    for (let i = seq - 1, e = events[i]; e && e.t === event.t; e = events[--i]) {
      if (e.type === 'decision-made') {
        causedBy = i;
        break;
      }
      if (e.type === 'intent-rejected') break;
    }
  }
  const effects: number[] = [];
  if (event.type === 'decision-made') {
    for (let i = seq + 1, e = events[i]; e && e.t === event.t && !isChoice(e); e = events[++i])
      effects.push(i);
  }
  return {
    seq,
    t: event.t,
    type: event.type,
    event,
    decision: event.type === 'decision-made' ? decisionOf(event) : null,
    rejection:
      event.type === 'intent-rejected'
        ? { actor: event.actor, intent: event.intent, rule: event.rule, message: event.message }
        : null,
    causedBy,
    effects,
  };
}

function decisionOf(e: DecisionEvent): NonNullable<Explanation['decision']> {
  const options = e.options
    .map((o) => ({ ...o, chosen: o.option === e.choice }))
    .sort((a, b) => Number(b.chosen) - Number(a.chosen) || b.score - a.score);
  return {
    actor: e.actor,
    faction: e.faction,
    question: e.question,
    decision: e.decision,
    choice: e.choice,
    summary: e.summary,
    reasons: e.reasons,
    against: e.against ?? [],
    options,
    counsel: e.counsel,
    ...(e.votes ? { votes: e.votes } : {}),
  };
}

/** A vote as lines: each option voted for, most votes first, with its voters. */
function tally(ballots: NonNullable<DecisionEvent['votes']>['ballots'], n: (id: string) => string): string[] {
  const by = new Map<string, string[]>();
  for (const b of ballots) by.set(b.option, [...(by.get(b.option) ?? []), n(b.voter)]);
  return [...by.entries()]
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
    .map(([option, voters]) => `    ${option}: ${voters.length} — ${voters.join(', ')}`);
}

/** `security` → "on security"; `talks:x` → "in the talks x". */
const questionPhrase = (q: string) => (q.startsWith('talks:') ? `in the talks ${q.slice(6)}` : `on ${q}`);

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;

/** The explanation as lines for people. */
export function renderExplanation(x: Explanation, events: readonly WorldEvent[], names: Names): string[] {
  const when = `${formatTime(x.t)} (event ${x.seq})`;
  if (x.decision) return renderDecision(x.decision, when, x.effects, events, names);
  if (x.rejection) {
    const r = x.rejection;
    return [
      `${when}: ${names.name(r.actor)} tried to ${r.intent.replace(/-/g, ' ')}, and the rules refused.`,
      `  Rule: ${r.rule}`,
      `  Why: ${r.message}`,
    ];
  }
  return [
    `${when}: ${renderEvent(x.event, names) ?? `${x.type} (bookkeeping)`}`,
    ...renderCause(x, events, names),
  ];
}

/** A decision: who decided what and why, the counsel, the options with their terms, what followed. */
function renderDecision(
  d: NonNullable<Explanation['decision']>,
  when: string,
  effects: readonly number[],
  events: readonly WorldEvent[],
  names: Names,
): string[] {
  const n = (id: string) => names.name(id);
  const lines = [
    `${when}: ${n(d.actor)} (${n(d.faction)}) decides${d.question ? ` ${questionPhrase(d.question)}` : ''}: ${d.summary}.`,
  ];
  if (d.reasons.length > 0) lines.push(`  Because: ${d.reasons.join('; ').replace(/\.$/, '')}.`);
  if (d.against.length > 0) lines.push(`  Against: ${d.against.join('; ').replace(/\.$/, '')}.`);
  if (d.counsel.length > 0) {
    lines.push('', '  Counsel');
    for (const c of d.counsel) {
      lines.push(
        `    ${n(c.advisor)}: ${c.position}${c.option ? ` ${c.option}` : ''}${c.reasons.length ? ` — ${c.reasons.join('; ')}` : ''}`,
      );
    }
  }
  if (d.votes) lines.push('', `  Votes (${d.votes.rule})`, ...tally(d.votes.ballots, n));
  if (d.options.length > 0) {
    lines.push('', '  Options (score = sum of the terms)');
    for (const o of d.options) {
      const mark = o.chosen ? '→' : o.vetoedBy ? '✗' : ' ';
      lines.push(
        `  ${mark} ${o.option}  ${signed(o.score)}${o.vetoedBy ? `  vetoed by ${o.vetoedBy}` : ''}${o.chosen ? '  (chosen)' : ''}`,
      );
      for (const t of o.terms)
        lines.push(`        ${signed(t.value)}  ${t.name}${t.note ? ` — ${t.note}` : ''}`);
    }
  } else {
    lines.push('  (no options were scored: a forced or single-course decision)');
  }
  const followed = effects.flatMap((seq) => {
    const e = events[seq];
    const text = e ? renderEvent(e, names) : null;
    return text ? [`    ${seq}: ${text}`] : [];
  });
  if (effects.length > 0) lines.push('', '  What followed', ...followed);
  return lines;
}

/** What an event other than a decision follows from: the decision that caused it, or nothing. */
function renderCause(x: Explanation, events: readonly WorldEvent[], names: Names): string[] {
  const cause = x.causedBy === null ? undefined : events[x.causedBy];
  if (cause?.type === 'decision-made') {
    return [
      `  It follows from event ${x.causedBy}, a decision of ${names.name(cause.actor)}: ${cause.summary}${cause.reasons.length ? ` — ${cause.reasons.join('; ')}` : ''}.`,
      `  (alliances explain RUN ${x.causedBy} shows that decision in full)`,
    ];
  }
  return [
    x.type === 'world-edited'
      ? '  A change made from outside the world: the edit that starts a fork.'
      : '  No decision caused it: it is an exogenous event, a process of the world, or a consequence.',
  ];
}
