/**
 * Inverse utility: "which allowed outcome has the smallest utility at or above θ?" — the query
 * behind every time-dependent offering strategy (NegMAS's `PresortingInverseUtilityFunction`,
 * GENIUS's `getBidNearUtility`). NegMAS enumerates and sorts the whole outcome space up front; that
 * is what dominates its per-negotiation cost and makes large spaces impossible. Here:
 *
 * - **Lazy best-first enumeration** (linear-additive utilities). With each issue's weighted values
 *   sorted in decreasing order, outcomes are generated in decreasing utility by a heap over rank
 *   vectors (the k-best enumeration of a sum of sorted lists): the children of a rank vector p are
 *   p + eᵢ for every issue i at or after the last non-zero rank of p, so every vector has exactly one
 *   parent (decrement its last non-zero rank) and is generated once, and a parent is never worse
 *   than its child, so pops come out in order. Only the outcomes above the lowest threshold asked
 *   for are ever produced: O(K·k·log K) for the top K outcomes of k issues, whatever the size of the
 *   space. Concession strategies ask for thresholds from the top down, so K stays small.
 * - **Meet in the middle** when a query reaches below what may be materialised (large spaces and low
 *   thresholds): the issues are split into two halves whose outcome lists L and R are sorted once
 *   (O(√N log N) for N outcomes); the smallest l + r ≥ θ is found by a two-pointer sweep in
 *   O(|L| + |R|). Issues named by the party's red lines are kept out of the halves and their allowed
 *   combinations enumerated on top, so red lines cost nothing per query. For 10 issues × 10 values
 *   that is two lists of 10⁵ outcomes instead of 10¹⁰.
 * - **Sorted enumeration** for other utility functions on small spaces.
 *
 * Among outcomes of equal utility every implementation answers with the first in lexicographic
 * order (first issue most significant), as NegMAS's presorted inverse does (a stable ascending
 * sort, then the leftmost match): answers are deterministic and agree across implementations.
 * Red lines of the party are applied: forbidden outcomes are never returned.
 */
import { invariant } from '../../common/errors.js';
import {
  type Assignment,
  enumerateAssignments,
  matchesAny,
  type OutcomePattern,
  type OutcomeSpace,
} from './outcome-space.js';
import { asLinearAdditive, type PartyPreferences } from './preferences.js';

export interface RankedOutcome {
  readonly assignment: Assignment;
  readonly utility: number;
}

export interface UtilityIndex {
  /** The allowed outcome of highest utility, or null when red lines forbid every outcome. */
  best(): RankedOutcome | null;
  /** The allowed outcome of lowest utility, or null. */
  worst(): RankedOutcome | null;
  /** The allowed outcome with the smallest utility ≥ threshold, or null when there is none. */
  atLeast(threshold: number): RankedOutcome | null;
  /** The allowed outcome with the largest utility ≤ threshold, or null when there is none. */
  atMost(threshold: number): RankedOutcome | null;
  /** The allowed outcome whose utility is nearest to target (the higher one on a tie). */
  nearest(target: number): RankedOutcome | null;
  /** How many outcomes have been materialised so far (for reports and tests). */
  materialised(): number;
}

export interface UtilityIndexOptions {
  /** Most outcomes the lazy enumeration may hold before switching to meet in the middle. */
  readonly maxMaterialised?: number;
  /** Largest space enumerated outright for a utility that is not linear-additive. */
  readonly maxEnumerated?: number;
  /** Largest half list (and combination list) meet in the middle may build. */
  readonly maxHalf?: number;
}

const DEFAULTS = { maxMaterialised: 1 << 14, maxEnumerated: 1 << 22, maxHalf: 1 << 22 };

export function createUtilityIndex(
  space: OutcomeSpace,
  prefs: Pick<PartyPreferences, 'utility' | 'redLines'>,
  options: UtilityIndexOptions = {},
): UtilityIndex {
  const opts = { ...DEFAULTS, ...options };
  const lin = asLinearAdditive(prefs.utility);
  if (lin) return new LazyIndex(space, lin.weighted, prefs.redLines, opts);
  invariant(
    space.cardinality <= opts.maxEnumerated,
    () =>
      `cannot invert a general utility function over ${space.cardinality} outcomes (limit ${opts.maxEnumerated}); use a linear-additive utility`,
  );
  return enumeratedIndex(space, prefs);
}

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
 */
class MergeEnumerator {
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
    private readonly ranked: readonly (readonly number[])[],
    keys: readonly (readonly number[])[],
    private readonly patterns: readonly OutcomePattern[],
  ) {
    this.k = ranked.length;
    let level = new MergeLevel(keys[0]!, null);
    for (let j = 1; j < this.k; j++) level = new MergeLevel(keys[j]!, level);
    this.top = level;
    this.nodes = patterns.length > 0 ? [] : null;
    this.keys = patterns.length > 0 ? [] : level.keys;
  }

  get count(): number {
    return this.keys.length;
  }

  /** The value-index assignment of materialised outcome i. */
  decode(i: number): number[] {
    return this.decodePosition(this.nodes === null ? i : this.nodes[i]!);
  }

  private decodePosition(position: number): number[] {
    const a = new Array<number>(this.k);
    let pos = position;
    let level: MergeLevel | null = this.top;
    for (let j = this.k - 1; j >= 0; j--) {
      a[j] = this.ranked[j]![level!.rankOf(pos)]!;
      pos = level!.parentOf(pos);
      level = level!.below;
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
      this.keys.push(top.keys[position]!);
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
    private readonly issueKeys: readonly number[],
    readonly below: MergeLevel | null,
  ) {
    const m = issueKeys.length;
    this.m = m;
    if (below === null) {
      for (let r = 0; r < m; r++) {
        this.keys.push(issueKeys[r]!);
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
    this.push(below.keys[0]! + issueKeys[0]!, 0, 0);
  }

  /** The rank of this level's issue in element `position`, and the element's position below. */
  rankOf(position: number): number {
    return this.codes[position]! % this.m;
  }

  parentOf(position: number): number {
    return Math.floor(this.codes[position]! / this.m);
  }

  /** Produces elements until there are `want`; false when the level runs out first. */
  ensure(want: number): boolean {
    const keys = this.keys;
    if (keys.length >= want) return true;
    const below = this.below;
    if (below === null) return false;
    const hk = this.hk;
    const hp = this.hp;
    const hr = this.hr;
    const codes = this.codes;
    const m = this.m;
    const issueKeys = this.issueKeys;
    const lower = below.keys;
    while (keys.length < want) {
      if (this.size === 0) return false;
      const key = hk[0]!;
      const p = hp[0]!;
      const r = hr[0]!;
      this.pop();
      keys.push(key);
      codes.push(p * m + r);
      // Successors: the next partial outcome below with the same rank; and the next rank.
      if (p + 1 < lower.length || below.ensure(p + 2)) this.push(lower[p + 1]! + issueKeys[r]!, p + 1, r);
      if (p === 0 && r + 1 < m) this.push(lower[0]! + issueKeys[r + 1]!, 0, r + 1);
    }
    return true;
  }

  /** Heap order: larger key first; on equal keys the earlier position below, then the lower rank. */
  private push(key: number, pos: number, rank: number): void {
    const hk = this.hk;
    const hp = this.hp;
    const hr = this.hr;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = hk[parent]!;
      if (pk > key || (pk === key && (hp[parent]! < pos || (hp[parent]! === pos && hr[parent]! < rank))))
        break;
      hk[i] = pk;
      hp[i] = hp[parent]!;
      hr[i] = hr[parent]!;
      i = parent;
    }
    hk[i] = key;
    hp[i] = pos;
    hr[i] = rank;
  }

  private pop(): void {
    const hk = this.hk;
    const hp = this.hp;
    const hr = this.hr;
    const n = --this.size;
    if (n === 0) return;
    const key = hk[n]!;
    const pos = hp[n]!;
    const rank = hr[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ck = hk[c]!;
      if (c + 1 < n) {
        const dk = hk[c + 1]!;
        if (
          dk > ck ||
          (dk === ck && (hp[c + 1]! < hp[c]! || (hp[c + 1]! === hp[c]! && hr[c + 1]! < hr[c]!)))
        ) {
          c++;
          ck = dk;
        }
      }
      if (key > ck || (key === ck && (pos < hp[c]! || (pos === hp[c]! && rank < hr[c]!)))) break;
      hk[i] = ck;
      hp[i] = hp[c]!;
      hr[i] = hr[c]!;
      i = c;
    }
    hk[i] = key;
    hp[i] = pos;
    hr[i] = rank;
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
  for (let i = 0; i < weighted.length; i++) {
    const w = weighted[i]!;
    const order: number[] = [];
    for (let v = 0; v < w.length; v++) order.push(v);
    if (w.length > 32) {
      order.sort((a, b) => sign * (w[b]! - w[a]!) || a - b);
    } else {
      for (let x = 1; x < order.length; x++) {
        const v = order[x]!;
        const key = sign * w[v]!;
        let y = x - 1;
        while (y >= 0 && sign * w[order[y]!]! < key) {
          order[y + 1] = order[y]!;
          y--;
        }
        order[y + 1] = v;
      }
    }
    const k: number[] = [];
    for (let r = 0; r < order.length; r++) k.push(sign * w[order[r]!]!);
    ranked.push(order);
    keys.push(k);
  }
  return { ranked, keys };
}

class LazyIndex implements UtilityIndex {
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

  private at(position: number): RankedOutcome {
    let r = this.cache[position];
    if (r === undefined) {
      r = { assignment: this.down.decode(position), utility: this.down.keys[position]! };
      this.cache[position] = r;
    }
    return r;
  }

  best(): RankedOutcome | null {
    if (this.down.count === 0 && !this.down.next()) return null;
    return this.at(0);
  }

  worst(): RankedOutcome | null {
    if (this.lowest !== undefined) return this.lowest;
    if (this.down.exhausted) {
      this.lowest = this.down.count > 0 ? this.at(this.down.count - 1) : null;
    } else if (this.patterns.length === 0) {
      // Without red lines the worst outcome takes each issue's worst value (sums in issue order).
      const a: number[] = [];
      let u = 0;
      for (const w of this.weighted) {
        let v = 0;
        for (let x = 1; x < w.length; x++) if (w[x]! < w[v]!) v = x;
        a.push(v);
        u += w[v]!;
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
          : { assignment: this.up.decode(0), utility: -this.up.keys[0]! };
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
        const last = d.keys[d.count - 1]!;
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
    if (p < count && (p < 0 || keys[p]! >= threshold)) {
      for (let steps = 0; steps < 8; steps++) {
        if (p + 1 >= count || keys[p + 1]! < threshold) {
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
      if (keys[mid]! >= threshold) {
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
    if (p < 0 || keys[p]! !== threshold) p++;
    if (p >= this.down.count) return null;
    // Its run of equal utilities must be complete before choosing among them.
    if (!this.reach(keys[p]!, true)) return this.meetInTheMiddle().atMost(threshold);
    return this.firstOfTies(p);
  }

  /**
   * Among the materialised outcomes of the same utility as position p (a run around p), the first
   * in lexicographic order — the choice NegMAS's presorted inverse makes (a stable ascending sort,
   * then the leftmost match).
   */
  private firstOfTies(p: number): RankedOutcome {
    const keys = this.down.keys;
    const u = keys[p]!;
    const prevEqual = p > 0 && keys[p - 1]! === u;
    const nextEqual = p + 1 < this.down.count && keys[p + 1]! === u;
    if (!prevEqual && !nextEqual) return this.at(p);
    let lo = p;
    while (lo > 0 && keys[lo - 1]! === u) lo--;
    let best = this.at(lo);
    for (let q = lo + 1; q < this.down.count && keys[q]! === u; q++) {
      const candidate = this.at(q);
      if (lexicographicallyBefore(candidate.assignment, best.assignment)) best = candidate;
    }
    return best;
  }

  nearest(target: number): RankedOutcome | null {
    const hi = this.atLeast(target);
    const lo = this.atMost(target);
    if (!hi) return lo;
    if (!lo) return hi;
    return hi.utility - target <= target - lo.utility ? hi : lo;
  }

  private meetInTheMiddle(): MeetInTheMiddle {
    if (!this.mitm)
      this.mitm = new MeetInTheMiddle(this.space, this.weighted, this.patterns, this.opts.maxHalf);
    return this.mitm;
  }
}

/** One side of a split: outcomes of some issues, sorted ascending by partial utility. */
interface HalfList {
  readonly issues: readonly number[];
  readonly utilities: Float64Array;
  /** Partial assignments (value indices of `issues`) in the same order. */
  readonly values: readonly Int32Array[];
}

function enumerateHalf(
  issues: readonly number[],
  space: OutcomeSpace,
  weighted: readonly (readonly number[])[],
  limit: number,
): HalfList {
  let n = 1;
  for (const i of issues) n *= space.sizes[i]!;
  invariant(n <= limit, () => `meet in the middle: a half of ${n} outcomes exceeds the limit ${limit}`);
  const utilities = new Float64Array(n);
  const values = issues.map(() => new Int32Array(n));
  const current = new Array<number>(issues.length).fill(0);
  for (let idx = 0; idx < n; idx++) {
    let u = 0;
    for (let j = 0; j < issues.length; j++) {
      u += weighted[issues[j]!]![current[j]!]!;
      values[j]![idx] = current[j]!;
    }
    utilities[idx] = u;
    for (let j = issues.length - 1; j >= 0; j--) {
      current[j]!++;
      if (current[j]! < space.sizes[issues[j]!]!) break;
      current[j] = 0;
    }
  }
  const order = sortNonNegative(utilities);
  const sortedUtilities = new Float64Array(n);
  for (let i = 0; i < n; i++) sortedUtilities[i] = utilities[order[i]!]!;
  return {
    issues,
    utilities: sortedUtilities,
    values: values.map((col) => {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = col[order[i]!]!;
      return out;
    }),
  };
}

/**
 * The permutation sorting non-negative doubles ascending, stable (ties keep index order). The bit
 * pattern of a non-negative double orders like an unsigned integer, so an LSD radix sort on its
 * four 16-bit digits does it in O(n) — a comparator sort of 10⁵ half-outcomes costs far more.
 */
export function sortNonNegative(keys: Float64Array): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;
  const words = new Uint32Array(keys.buffer, keys.byteOffset, n * 2);
  // Little-endian word order is what every supported platform uses; check rather than assume.
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const lo = littleEndian ? 0 : 1;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : 1 - lo;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((words[2 * order[i]! + word]! >>> shift) & 0xffff) + 1]!++;
    for (let d = 0; d < 65536; d++) counts[d + 1]! += counts[d]!;
    for (let i = 0; i < n; i++) {
      const idx = order[i]!;
      next[counts[(words[2 * idx + word]! >>> shift) & 0xffff]!++] = idx;
    }
    const t = order;
    order = next;
    next = t;
  }
  return order;
}

/**
 * Exact successor and predecessor queries by meet in the middle (Horowitz & Sahni 1974). The
 * issues named by red lines are enumerated as a list of allowed combinations C; the other issues
 * are split into halves L and R of balanced size. A query costs O(|C|·(|L| + |R|)).
 */
class MeetInTheMiddle {
  private readonly combos: HalfList;
  private readonly left: HalfList;
  private readonly right: HalfList;

  constructor(
    private readonly space: OutcomeSpace,
    private readonly weighted: readonly (readonly number[])[],
    patterns: readonly OutcomePattern[],
    limit: number,
  ) {
    const constrained = [...new Set(patterns.flatMap((p) => p.terms.map((t) => t.issue)))].sort(
      (a, b) => a - b,
    );
    const free = space.sizes.map((_, i) => i).filter((i) => !constrained.includes(i));
    const all = enumerateHalf(constrained, space, weighted, limit);
    // Keep only the combinations no red line forbids (a pattern only looks at constrained issues).
    const keep: number[] = [];
    const probe = new Array<number>(space.sizes.length).fill(0);
    for (let idx = 0; idx < all.utilities.length; idx++) {
      constrained.forEach((issue, j) => {
        probe[issue] = all.values[j]![idx]!;
      });
      if (!matchesAny(patterns, probe)) keep.push(idx);
    }
    this.combos = {
      issues: constrained,
      utilities: Float64Array.from(keep, (i) => all.utilities[i]!),
      values: all.values.map((col) => Int32Array.from(keep, (i) => col[i]!)),
    };
    // Balance the halves by the logarithm of their sizes.
    const leftIssues: number[] = [];
    const rightIssues: number[] = [];
    let logLeft = 0;
    let logRight = 0;
    for (const i of free) {
      const l = Math.log(space.sizes[i]!);
      if (logLeft <= logRight) {
        leftIssues.push(i);
        logLeft += l;
      } else {
        rightIssues.push(i);
        logRight += l;
      }
    }
    this.left = enumerateHalf(leftIssues, space, weighted, limit);
    this.right = enumerateHalf(rightIssues, space, weighted, limit);
  }

  private assemble(c: number, l: number, r: number): RankedOutcome {
    const a = new Array<number>(this.space.sizes.length).fill(0);
    const put = (h: HalfList, idx: number) =>
      h.issues.forEach((issue, j) => {
        a[issue] = h.values[j]![idx]!;
      });
    put(this.combos, c);
    put(this.left, l);
    put(this.right, r);
    let u = 0;
    for (let i = 0; i < a.length; i++) u += this.weighted[i]![a[i]!]!;
    return { assignment: a, utility: u };
  }

  /**
   * The smallest approximate sum c + (l + r) ≥ lo (or the largest ≤ hi, when `down`), over every
   * combination and half pair, by a two-pointer sweep per combination; NaN when there is none.
   * Floating-point addition is monotonic, so the sweep is valid on the rounded sums too.
   */
  private extremeApprox(bound: number, down: boolean): number {
    const L = this.left.utilities;
    const R = this.right.utilities;
    const C = this.combos.utilities;
    let best = Number.NaN;
    for (let c = 0; c < C.length; c++) {
      const cu = C[c]!;
      let j = R.length - 1;
      for (let i = 0; i < L.length; i++) {
        if (down) {
          while (j >= 0 && cu + (L[i]! + R[j]!) > bound) j--;
          if (j < 0) break;
          const s = cu + (L[i]! + R[j]!);
          if (!(s <= best)) best = s;
        } else {
          while (j > 0 && cu + (L[i]! + R[j - 1]!) >= bound) j--;
          const s = cu + (L[i]! + R[j]!);
          if (s >= bound && !(s >= best)) best = s;
        }
      }
    }
    return best;
  }

  /** Every outcome whose approximate sum lies in [lo, hi], with its exact (issue-order) utility. */
  private band(lo: number, hi: number): RankedOutcome[] {
    const L = this.left.utilities;
    const R = this.right.utilities;
    const C = this.combos.utilities;
    const out: RankedOutcome[] = [];
    for (let c = 0; c < C.length; c++) {
      const cu = C[c]!;
      let first = R.length; // first j with sum ≥ lo, moving left as i grows
      for (let i = 0; i < L.length; i++) {
        while (first > 0 && cu + (L[i]! + R[first - 1]!) >= lo) first--;
        for (let j = first; j < R.length; j++) {
          const s = cu + (L[i]! + R[j]!);
          if (s > hi) break;
          if (s >= lo) out.push(this.assemble(c, i, j));
        }
      }
    }
    return out;
  }

  /**
   * Exact answers despite rounding. The sums c + (l + r) differ from the utility function's
   * issue-order sums by at most ε (both are sums of k terms of a total ≤ 1). So: find the best
   * approximate sum beyond θ ∓ ε, evaluate exactly every outcome within 2ε of it, and stop once
   * the best exact answer is provably better than anything not yet examined; else move on to the
   * next band. One band suffices unless outcomes crowd within ε of the threshold.
   */
  private exact(threshold: number, down: boolean): RankedOutcome | null {
    const eps = 2.5e-16 * (this.space.sizes.length + 2);
    let bound = down ? threshold + eps : threshold - eps;
    let best: RankedOutcome | null = null;
    for (;;) {
      const approx = this.extremeApprox(bound, down);
      if (Number.isNaN(approx)) return best;
      const lo = down ? approx - 2 * eps : bound;
      const hi = down ? bound : approx + 2 * eps;
      for (const o of this.band(lo, hi)) {
        if (down ? o.utility > threshold : o.utility < threshold) continue;
        if (
          best === null ||
          (down ? o.utility > best.utility : o.utility < best.utility) ||
          (o.utility === best.utility && lexicographicallyBefore(o.assignment, best.assignment))
        ) {
          best = o;
        }
      }
      // Outcomes not yet examined have approximate sums beyond the band, so exact utilities
      // beyond its far edge ∓ ε.
      if (best !== null && (down ? best.utility >= lo + eps : best.utility <= hi - eps)) return best;
      bound = down ? nextDown(lo) : nextUp(hi);
    }
  }

  atLeast(threshold: number): RankedOutcome | null {
    return this.exact(threshold, false);
  }

  atMost(threshold: number): RankedOutcome | null {
    return this.exact(threshold, true);
  }
}

function lexicographicallyBefore(a: Assignment, b: Assignment): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** The next double above / below x (x finite). */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const buf = new Float64Array([x]);
  const bits = new BigInt64Array(buf.buffer);
  bits[0] = bits[0]! + (x > 0 ? 1n : -1n);
  return buf[0]!;
}

function nextDown(x: number): number {
  return -nextUp(-x);
}

/** Every outcome evaluated and sorted: for utilities without linear-additive structure. */
function enumeratedIndex(
  space: OutcomeSpace,
  prefs: Pick<PartyPreferences, 'utility' | 'redLines'>,
): UtilityIndex {
  const outcomes: RankedOutcome[] = [];
  for (const a of enumerateAssignments(space)) {
    if (prefs.redLines.length > 0 && matchesAny(prefs.redLines, a)) continue;
    outcomes.push({ assignment: a, utility: prefs.utility.utility(a) });
  }
  // Descending utility; the enumeration order (lexicographic) breaks ties, as in the lazy index.
  outcomes.sort((x, y) => y.utility - x.utility);
  const lastAtLeast = (threshold: number): number => {
    let lo = 0;
    let hi = outcomes.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (outcomes[mid]!.utility >= threshold) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const index: UtilityIndex = {
    best: () => outcomes[0] ?? null,
    worst: () => outcomes[outcomes.length - 1] ?? null,
    // The stable sort keeps equal utilities in enumeration (lexicographic) order: the first of a
    // run of equals is the lexicographically first, as in the lazy index.
    atLeast(threshold) {
      let p = lastAtLeast(threshold);
      if (p < 0) return null;
      while (p > 0 && outcomes[p - 1]!.utility === outcomes[p]!.utility) p--;
      return outcomes[p]!;
    },
    atMost(threshold) {
      let p = lastAtLeast(threshold);
      if (p < 0 || outcomes[p]!.utility !== threshold) p++;
      if (p >= outcomes.length) return null;
      while (p > 0 && outcomes[p - 1]!.utility === outcomes[p]!.utility) p--;
      return outcomes[p]!;
    },
    nearest(target) {
      const hi = index.atLeast(target);
      const lo = index.atMost(target);
      if (!hi) return lo;
      if (!lo) return hi;
      return hi.utility - target <= target - lo.utility ? hi : lo;
    },
    materialised: () => outcomes.length,
  };
  return index;
}
