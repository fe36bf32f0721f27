/**
 * The network and the map at any position of a run: the server's timeline (the elements before the
 * first event, then the elements each event changed) folded up to the position. States are kept
 * every CHECKPOINT steps, so any position is reached by at most that many steps from a copy.
 */
import type { ElementView, TimelineView } from './api';

type Part = 'network' | 'map';
export type State = ReadonlyMap<string, ElementView>;

const CHECKPOINT = 64;

export class TimelineStates {
  private readonly seqs: number[];
  private readonly checkpoints: Record<Part, Map<string, ElementView>[]> = { network: [], map: [] };
  /** Every element that appears at some position (for the layout). */
  readonly everything: Record<Part, State>;

  constructor(private readonly timeline: TimelineView) {
    this.seqs = timeline.steps.map((s) => s.seq);
    const everything: Partial<Record<Part, State>> = {};
    for (const part of ['network', 'map'] as const) {
      const state = new Map(Object.entries(timeline.initial[part]));
      const all = new Map(state);
      timeline.steps.forEach((step, k) => {
        if (k % CHECKPOINT === 0) this.checkpoints[part].push(new Map(state));
        for (const [id, e] of Object.entries(step[part] ?? {})) {
          if (e === null) state.delete(id);
          else {
            state.set(id, e);
            // The layout keeps the first form of each element; later forms only change its data.
            if (!all.has(id)) all.set(id, e);
          }
        }
      });
      if (timeline.steps.length % CHECKPOINT === 0) this.checkpoints[part].push(new Map(state));
      everything[part] = all;
    }
    this.everything = everything as Record<Part, State>;
  }

  /** The elements after the event at `position` (its seq). */
  at(part: Part, position: number): State {
    // The number of steps at or before the position.
    let lo = 0;
    let hi = this.seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.seqs[mid]! <= position) lo = mid + 1;
      else hi = mid;
    }
    const c = Math.floor(lo / CHECKPOINT);
    const state = new Map(this.checkpoints[part][c]);
    for (let k = c * CHECKPOINT; k < lo; k++) {
      for (const [id, e] of Object.entries(this.timeline.steps[k]![part] ?? {})) {
        if (e === null) state.delete(id);
        else state.set(id, e);
      }
    }
    return state;
  }
}
