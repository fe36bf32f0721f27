/**
 * The chronicle: the event log told as a narrative — when, who, what, and for decisions the reasons
 * given. Each event type tells itself (its `tell`, src/events/); bookkeeping events (trust and
 * affinity adjustments) are left out; everything a reader needs to follow the story is there.
 */
import { type Names, renderEvent, type WorldEvent } from '../events/index.js';
import { formatTime } from '../model/time.js';

/**
 * The chronicle as lines, each prefixed with its simulated time. A decision is told through its
 * first visible effect, with the decider's reasons appended ("— because …").
 */
export function renderChronicle(
  events: readonly WorldEvent[],
  names: Names,
  options: { readonly seq?: boolean } = {},
): string[] {
  const lines: string[] = [];
  let pending: { t: number; reasons: readonly string[]; seq: number } | null = null;
  for (const e of events) {
    if (e.type === 'decision-made' && e.decision !== 'hold') {
      pending =
        e.reasons.length > 0 && e.decision !== 'counsel' ? { t: e.t, reasons: e.reasons, seq: e.seq } : null;
      continue;
    }
    let text = renderEvent(e, names);
    if (text === null) continue;
    // With event numbers, a decision told through its effect shows the decision's number too.
    const number = options.seq ? `#${e.seq}`.padEnd(6) : '';
    if (pending && pending.t === e.t) {
      if (!text.includes(pending.reasons[0] ?? ''))
        text = `${text.replace(/\.$/, '')} — ${pending.reasons.join('; ').replace(/\.$/, '')}.`;
      if (options.seq) text = `${text} [decision #${pending.seq}]`;
      pending = null;
    }
    lines.push(`${formatTime(e.t).padEnd(9)} ${number}${text}`);
  }
  return lines;
}
