/**
 * The lazy index for linear-additive utilities: outcomes are materialised best first by the merge
 * enumeration (./merge-enumerator.ts), only down to the lowest threshold asked for, and queries are
 * answered by binary search on the materialised prefix. A query that would materialise more than
 * `maxMaterialised` outcomes is answered by meet in the middle instead (./meet-in-the-middle.ts).
 */
import { at, missing } from '../../../common/checked.js';
import type { OutcomePattern, OutcomeSpace } from '../outcome-space.js';
import {
  lexicographicallyBefore,
  nearestOf,
  type RankedOutcome,
  type UtilityIndex,
  type UtilityIndexOptions,
} from './contract.js';
import { MeetInTheMiddle } from './meet-in-the-middle.js';
import { MergeEnumerator } from './merge-enumerator.js';

export class LazyIndex implements UtilityIndex {
  private readonly down: MergeEnumerator;
  private up: MergeEnumerator | undefined;
  private readonly cache: (RankedOutcome | undefined)[] = [];
  private mitm: MeetInTheMiddle | undefined;
  private lowest: RankedOutcome | null | undefined;
  private readonly opts: Required<UtilityIndexOptions>;
  /** The last answer of `lastAtLeast`, where the next search starts. */
  private hint = -1;

  constructor(
    private readonly space: OutcomeSpace,
    private readonly weighted: readonly (readonly number[])[],
    private readonly patterns: readonly OutcomePattern[],
    opts: Required<UtilityIndexOptions>,
  ) {
    this.opts = opts;
    const { ranked, keys } = rankIssues(weighted, 1);
    this.down = new MergeEnumerator(ranked, keys, patterns);
  }

  materialised(): number {
    return this.down.count;
  }

  /** Materialised outcome `position` (positions below `down.count` only). */
  private outcome(position: number): RankedOutcome {
    let r = this.cache[position];
    if (r === undefined) {
      r = { assignment: this.down.decode(position), utility: this.down.keys[position] ?? missing() };
      this.cache[position] = r;
    }
    return r;
  }

  best(): RankedOutcome | null {
    if (this.down.count === 0 && !this.down.next()) return null;
    return this.outcome(0);
  }

  worst(): RankedOutcome | null {
    if (this.lowest !== undefined) return this.lowest;
    if (this.down.exhausted) {
      this.lowest = this.down.count > 0 ? this.outcome(this.down.count - 1) : null;
    } else if (this.patterns.length === 0) {
      // Without red lines the worst outcome takes each issue's worst value (sums in issue order).
      const a: number[] = [];
      let u = 0;
      for (const w of this.weighted) {
        let v = 0;
        let least = w[0] ?? missing();
        for (let x = 1; x < w.length; x++) {
          const wx = w[x] ?? missing();
          if (wx < least) {
            v = x;
            least = wx;
          }
        }
        a.push(v);
        u += least;
      }
      this.lowest = { assignment: a, utility: u };
    } else {
      if (!this.up) {
        const { ranked, keys } = rankIssues(this.weighted, -1);
        this.up = new MergeEnumerator(ranked, keys, this.patterns);
      }
      this.lowest =
        this.up.count === 0 && !this.up.next()
          ? null
          : { assignment: this.up.decode(0), utility: -at(this.up.keys, 0) };
    }
    return this.lowest;
  }

  /**
   * Materialises until the last outcome held is below the threshold (strictly when `strict`),
   * the space is exhausted, or the materialisation limit is reached. True when the materialised
   * prefix answers queries at this threshold.
   */
  private reach(threshold: number, strict: boolean): boolean {
    const d = this.down;
    for (;;) {
      if (d.count > 0) {
        const last = d.keys[d.count - 1] ?? missing();
        if (strict ? last < threshold : last <= threshold) return true;
      }
      if (d.exhausted) return true;
      if (d.count >= this.opts.maxMaterialised) return false;
      d.next();
    }
  }

  /** Largest position whose utility is ≥ threshold, or -1 (the prefix is descending). */
  private lastAtLeast(threshold: number): number {
    const keys = this.down.keys;
    const count = this.down.count;
    // Concession strategies ask for slowly falling thresholds: look near the last answer first.
    let p = this.hint;
    if (p < count && (p < 0 || (keys[p] ?? missing()) >= threshold)) {
      for (let steps = 0; steps < 8; steps++) {
        if (p + 1 >= count || (keys[p + 1] ?? missing()) < threshold) {
          this.hint = p;
          return p;
        }
        p++;
      }
    }
    let lo = 0;
    let hi = count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((keys[mid] ?? missing()) >= threshold) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    this.hint = found;
    return found;
  }

  atLeast(threshold: number): RankedOutcome | null {
    if (!this.reach(threshold, true)) return this.meetInTheMiddle().atLeast(threshold);
    const p = this.lastAtLeast(threshold);
    return p < 0 ? null : this.firstOfTies(p);
  }

  atMost(threshold: number): RankedOutcome | null {
    if (!this.reach(threshold, false)) return this.meetInTheMiddle().atMost(threshold);
    const keys = this.down.keys;
    // The first position at or below the threshold follows the last one strictly above it.
    let p = this.lastAtLeast(threshold);
    if (p < 0 || keys[p] !== threshold) p++;
    if (p >= this.down.count) return null;
    // Its run of equal utilities must be complete before choosing among them.
    if (!this.reach(keys[p] ?? missing(), true)) return this.meetInTheMiddle().atMost(threshold);
    return this.firstOfTies(p);
  }

  /**
   * Among the materialised outcomes of the same utility as position p (a run around p), the first
   * in lexicographic order — the choice NegMAS's presorted inverse makes (a stable ascending sort,
   * then the leftmost match).
   */
  private firstOfTies(p: number): RankedOutcome {
    const keys = this.down.keys;
    const count = this.down.count;
    const u = keys[p];
    const prevEqual = p > 0 && keys[p - 1] === u;
    const nextEqual = p + 1 < count && keys[p + 1] === u;
    if (!prevEqual && !nextEqual) return this.outcome(p);
    let lo = p;
    while (lo > 0 && keys[lo - 1] === u) lo--;
    let best = this.outcome(lo);
    for (let q = lo + 1; q < count && keys[q] === u; q++) {
      const candidate = this.outcome(q);
      if (lexicographicallyBefore(candidate.assignment, best.assignment)) best = candidate;
    }
    return best;
  }

  nearest(target: number): RankedOutcome | null {
    const hi = this.atLeast(target);
    const lo = this.atMost(target);
    return nearestOf(target, hi, lo);
  }

  private meetInTheMiddle(): MeetInTheMiddle {
    if (!this.mitm)
      this.mitm = new MeetInTheMiddle(this.space, this.weighted, this.patterns, this.opts.maxHalf);
    return this.mitm;
  }
}

/**
 * Each issue's values ranked by sign·weighted value, best first (ties by value index): rank →
 * value index, and the keys in rank order. Insertion sort: issues have few values, and a
 * comparator sort of a small array costs more than the sort itself.
 */
function rankIssues(
  weighted: readonly (readonly number[])[],
  sign: 1 | -1,
): { ranked: number[][]; keys: number[][] } {
  const ranked: number[][] = [];
  const keys: number[][] = [];
  for (const w of weighted) {
    const order: number[] = [];
    for (let v = 0; v < w.length; v++) order.push(v);
    if (w.length > 32) {
      order.sort((a, b) => sign * ((w[b] ?? missing()) - (w[a] ?? missing())) || a - b);
    } else {
      for (let x = 1; x < order.length; x++) {
        const v = order[x] ?? missing();
        const key = sign * (w[v] ?? missing());
        let y = x - 1;
        for (; y >= 0; y--) {
          const before = order[y] ?? missing();
          if (!(sign * (w[before] ?? missing()) < key)) break;
          order[y + 1] = before;
        }
        order[y + 1] = v;
      }
    }
    const k: number[] = [];
    for (const v of order) k.push(sign * (w[v] ?? missing()));
    ranked.push(order);
    keys.push(k);
  }
  return { ranked, keys };
}
