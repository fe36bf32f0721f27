/**
 * Outcomes in decreasing key order, key = Σᵢ keysᵢ[rankᵢ] with each issue's keys sorted in
 * non-increasing order by rank (`ranked[i][r]` is the value index of rank r of issue i).
 *
 * The enumeration is built issue by issue, as a chain of lazy sorted merges: level j lists the
 * partial outcomes of issues 0…j in decreasing order of their partial sums; it is the merge of
 * the lists (level j−1) + keysⱼ[r] over the ranks r of issue j, taken with a heap of cursors
 * (one per rank of issue j, so the heap never holds more than the values of one issue). A
 * cursor (r, p) popped at position p of level j−1 is followed by (r, p+1), and (r, 0) by
 * (r+1, 0), which generates each pair once and never a pair before a better one. Level j−1 is
 * extended only as far as a cursor of level j needs it. Sums are formed as (partial of issues
 * 0…j−1) + keyⱼ, i.e. in issue order from 0 — bit-identical to the utility function's own sums.
 *
 * Cost: O(log m) per element produced at each level (m values per issue), and the lower levels
 * produce no more than the levels above consume. Nothing is allocated per element but array
 * growth. Equal sums come out in a fixed order; the index then picks among them by outcome order.
 *
 * Positions and ranks in these loops stay within the lists they index by construction; a read
 * past one fails through `missing()` rather than a non-null assertion (see common/checked.ts).
 */
import { missing } from '../../../common/checked.js';
import { invariant } from '../../../common/errors.js';
import { matchesAny, type OutcomePattern } from '../outcome-space.js';

export class MergeEnumerator {
  private readonly k: number;
  private readonly top: MergeLevel;
  /**
   * Keys of the materialised allowed outcomes, in decreasing order. Without red lines this is the
   * last level's own list (nothing is copied); with red lines, the allowed subsequence.
   */
  readonly keys: number[];
  /** Positions in the last level of the allowed outcomes (null: every outcome is allowed). */
  private readonly nodes: number[] | null;
  exhausted = false;
  /** Next position of the last level to examine for the allowed list. */
  private scanned = 0;

  constructor(
    ranked: readonly (readonly number[])[],
    keys: readonly (readonly number[])[],
    private readonly patterns: readonly OutcomePattern[],
  ) {
    this.k = ranked.length;
    let level: MergeLevel | null = null;
    for (let issue = 0; issue < keys.length; issue++)
      level = new MergeLevel(issue, ranked[issue] ?? missing(), keys[issue] ?? missing(), level);
    invariant(level !== null, 'an outcome space has at least one issue');
    this.top = level;
    this.nodes = patterns.length > 0 ? [] : null;
    this.keys = patterns.length > 0 ? [] : level.keys;
  }

  get count(): number {
    return this.keys.length;
  }

  /** The value-index assignment of materialised outcome i. */
  decode(i: number): number[] {
    return this.decodePosition(this.nodes === null ? i : (this.nodes[i] ?? missing()));
  }

  private decodePosition(position: number): number[] {
    const a = new Array<number>(this.k);
    let pos = position;
    for (let level: MergeLevel | null = this.top; level !== null; level = level.below) {
      a[level.issue] = level.valueAt(pos);
      pos = level.parentOf(pos);
    }
    return a;
  }

  /** Materialises the next allowed outcome; false once every outcome has been produced. */
  next(): boolean {
    const top = this.top;
    if (this.nodes === null) {
      if (top.ensure(top.keys.length + 1)) return true;
      this.exhausted = true;
      return false;
    }
    for (;;) {
      if (this.scanned >= top.keys.length && !top.ensure(this.scanned + 1)) {
        this.exhausted = true;
        return false;
      }
      const position = this.scanned++;
      if (matchesAny(this.patterns, this.decodePosition(position))) continue;
      this.nodes.push(position);
      this.keys.push(top.keys[position] ?? missing());
      return true;
    }
  }
}

/**
 * One level of the merge chain: the partial outcomes of issues 0…j in decreasing order of their
 * partial sums, produced on demand. Level 0 is issue 0's sorted keys (0 + key is the key).
 */
class MergeLevel {
  /** Partial sums produced so far, in decreasing order. */
  readonly keys: number[] = [];
  /** For each, position in the level below · m + rank of this level's issue (m its value count). */
  readonly codes: number[] = [];
  /**
   * Cursor heap: key, position in the level below, rank of this level's issue. Each rank has at
   * most one live cursor, so the heap never holds more than m entries; its arrays are sized once
   * and the heap size kept in `size`.
   */
  private readonly hk: number[] = [];
  private readonly hp: number[] = [];
  private readonly hr: number[] = [];
  private size = 0;
  readonly m: number;

  constructor(
    /** The issue this level adds (level j adds issue j). */
    readonly issue: number,
    /** Rank → value index of the issue. */
    private readonly ranked: readonly number[],
    private readonly issueKeys: readonly number[],
    readonly below: MergeLevel | null,
  ) {
    const m = issueKeys.length;
    this.m = m;
    if (below === null) {
      for (let r = 0; r < m; r++) {
        this.keys.push(issueKeys[r] ?? missing());
        this.codes.push(r);
      }
      return;
    }
    for (let r = 0; r < m; r++) {
      this.hk.push(0.5);
      this.hp.push(0);
      this.hr.push(0);
    }
    below.ensure(1);
    this.push((below.keys[0] ?? missing()) + (issueKeys[0] ?? missing()), 0, 0);
  }

  /** The value index of this level's issue in element `position`. */
  valueAt(position: number): number {
    return this.ranked[(this.codes[position] ?? missing()) % this.m] ?? missing();
  }

  /** The position below of element `position`. */
  parentOf(position: number): number {
    return Math.floor((this.codes[position] ?? missing()) / this.m);
  }

  /** Produces elements until there are `want`; false when the level runs out first. */
  ensure(want: number): boolean {
    const keys = this.keys;
    if (keys.length >= want) return true;
    const below = this.below;
    if (below === null) return false;
    const { hk, hp, hr, codes, m, issueKeys } = this;
    const lower = below.keys;
    while (keys.length < want) {
      if (this.size === 0) return false;
      const key = hk[0] ?? missing();
      const p = hp[0] ?? missing();
      const r = hr[0] ?? missing();
      this.pop();
      keys.push(key);
      codes.push(p * m + r);
      // Successors: the next partial outcome below with the same rank; and the next rank.
      if (p + 1 < lower.length || below.ensure(p + 2))
        this.push((lower[p + 1] ?? missing()) + (issueKeys[r] ?? missing()), p + 1, r);
      if (p === 0 && r + 1 < m)
        this.push((lower[0] ?? missing()) + (issueKeys[r + 1] ?? missing()), 0, r + 1);
    }
    return true;
  }

  /** Heap order: larger key first; on equal keys the earlier position below, then the lower rank. */
  private push(key: number, pos: number, rank: number): void {
    const { hk, hp, hr } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = hk[parent] ?? missing();
      if (pk > key || (pk === key && earlier(hp[parent] ?? missing(), hr[parent] ?? missing(), pos, rank)))
        break;
      this.place(i, pk, hp[parent] ?? missing(), hr[parent] ?? missing());
      i = parent;
    }
    this.place(i, key, pos, rank);
  }

  private pop(): void {
    const { hk, hp, hr } = this;
    const n = --this.size;
    if (n === 0) return;
    const key = hk[n] ?? missing();
    const pos = hp[n] ?? missing();
    const rank = hr[n] ?? missing();
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ck = hk[c] ?? missing();
      if (c + 1 < n) {
        const dk = hk[c + 1] ?? missing();
        if (
          dk > ck ||
          (dk === ck &&
            earlier(hp[c + 1] ?? missing(), hr[c + 1] ?? missing(), hp[c] ?? missing(), hr[c] ?? missing()))
        ) {
          c++;
          ck = dk;
        }
      }
      if (key > ck || (key === ck && earlier(pos, rank, hp[c] ?? missing(), hr[c] ?? missing()))) break;
      this.place(i, ck, hp[c] ?? missing(), hr[c] ?? missing());
      i = c;
    }
    this.place(i, key, pos, rank);
  }

  /** Puts the cursor (key, pos, rank) in heap slot i. */
  private place(i: number, key: number, pos: number, rank: number): void {
    this.hk[i] = key;
    this.hp[i] = pos;
    this.hr[i] = rank;
  }
}

/** The heap's order among cursors of equal key: the earlier position below, then the lower rank. */
function earlier(p1: number, r1: number, p2: number, r2: number): boolean {
  return p1 < p2 || (p1 === p2 && r1 < r2);
}
