/**
 * The chronicle: the event log told as a narrative — when, who, what, and for decisions the reasons
 * given. Each event type tells itself (its `tell`, src/events/); bookkeeping events (trust and
 * affinity adjustments) are left out; everything a reader needs to follow the story is there.
 */
import { type Names, renderEvent, type WorldEvent } from '../events/index.js';
import { formatTime } from '../model/time.js';

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
      if (!text.includes(pending.reasons[0] ?? ''))
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
