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
 * Ties between equal utilities are broken by outcome order (first issue most significant), which
 * makes every answer deterministic. Red lines of the party are applied: forbidden outcomes are never
 * returned.
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

const DEFAULTS = { maxMaterialised: 1 << 18, maxEnumerated: 1 << 22, maxHalf: 1 << 22 };

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
 * Outcomes in decreasing key order for key = Σᵢ keysᵢ[rankᵢ], where each issue's keys are sorted in
 * non-increasing order by rank and `ranked[i][r]` is the value index of rank r of issue i.
 *
 * Nodes (rank vectors) live in a pool of plain arrays, and the heap holds node ids: pops read ranks
 * directly, and nothing is allocated per node but array growth. Keys are recomputed from scratch
 * for each node, in issue order, so they equal the utility function's own sums bit for bit. Ties
 * are broken by node id (generation order), which is deterministic.
 */
class BestFirstEnumerator {
  private readonly k: number;
  private readonly sizes: number[];
  /** Ranks of node id at [id·k, id·k + k). */
  private readonly nodeRanks: number[] = [];
  private readonly nodeKeys: number[] = [];
  private nodes = 0;
  private readonly heap: number[] = [];
  /** Materialised allowed outcomes, in decreasing key order: their node ids and keys. */
  readonly outNodes: number[] = [];
  readonly outKeys: number[] = [];
  count = 0;
  exhausted = false;

  constructor(
    private readonly ranked: readonly (readonly number[])[],
    private readonly keys: readonly (readonly number[])[],
    private readonly patterns: readonly OutcomePattern[],
  ) {
    this.k = ranked.length;
    this.sizes = ranked.map((r) => r.length);
    let key = 0;
    for (let i = 0; i < this.k; i++) {
      key += keys[i]![0]!;
      this.nodeRanks.push(0);
    }
    this.nodeKeys.push(key);
    this.nodes = 1;
    this.heap.push(0);
  }

  /** The value-index assignment of a node. */
  decode(node: number): number[] {
    const a: number[] = [];
    const base = node * this.k;
    for (let i = 0; i < this.k; i++) a.push(this.ranked[i]![this.nodeRanks[base + i]!]!);
    return a;
  }

  /** Materialises the next allowed outcome; false once every outcome has been produced. */
  next(): boolean {
    const k = this.k;
    const sizes = this.sizes;
    const keys = this.keys;
    const ranks = this.nodeRanks;
    for (;;) {
      if (this.heap.length === 0) {
        this.exhausted = true;
        return false;
      }
      const node = this.pop();
      const base = node * k;
      let last = 0;
      for (let i = k - 1; i > 0; i--) {
        if (ranks[base + i]! > 0) {
          last = i;
          break;
        }
      }
      // Children: raise the rank of an issue at or after the last raised one.
      for (let i = last; i < k; i++) {
        if (ranks[base + i]! + 1 >= sizes[i]!) continue;
        const child = this.nodes++;
        let key = 0;
        for (let j = 0; j < k; j++) {
          const r = j === i ? ranks[base + j]! + 1 : ranks[base + j]!;
          ranks.push(r);
          key += keys[j]![r]!;
        }
        this.nodeKeys.push(key);
        this.push(child);
      }
      if (this.patterns.length > 0 && matchesAny(this.patterns, this.decode(node))) continue;
      this.outNodes.push(node);
      this.outKeys.push(this.nodeKeys[node]!);
      this.count++;
      return true;
    }
  }

  private push(node: number): void {
    const heap = this.heap;
    const nk = this.nodeKeys;
    const key = nk[node]!;
    let i = heap.length;
    heap.push(node);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      const pk = nk[p]!;
      // Larger key first; on equal keys the older node.
      if (pk > key || (pk === key && p < node)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = node;
  }

  private pop(): number {
    const heap = this.heap;
    const nk = this.nodeKeys;
    const top = heap[0]!;
    const last = heap.pop()!;
    const n = heap.length;
    if (n === 0) return top;
    const key = nk[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let c = heap[child]!;
      let ck = nk[c]!;
      if (child + 1 < n) {
        const d = heap[child + 1]!;
        const dk = nk[d]!;
        if (dk > ck || (dk === ck && d < c)) {
          child++;
          c = d;
          ck = dk;
        }
      }
      if (key > ck || (key === ck && last < c)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}

/**
 * The same enumeration with each rank vector packed into one small integer (bit fields, the last
 * issue in the lowest bits), for spaces whose ranks fit in 30 bits (e.g. 7 issues of 16 values):
 * the heap then holds (key, code) pairs in two plain arrays and a node costs no allocation at all.
 * Ties are broken by the smaller code.
 */
class PackedEnumerator {
  private readonly k: number;
  private readonly shift: number[] = [];
  private readonly mask: number[] = [];
  private readonly sizes: number[];
  private readonly heapKeys: number[] = [];
  private readonly heapCodes: number[] = [];
  readonly outNodes: number[] = [];
  readonly outKeys: number[] = [];
  count = 0;
  exhausted = false;

  /** Whether ranks of these sizes fit in the packed form. */
  static fits(sizes: readonly number[]): boolean {
    let bits = 0;
    for (const m of sizes) bits += bitsFor(m);
    return bits <= 30;
  }

  constructor(
    private readonly ranked: readonly (readonly number[])[],
    private readonly keys: readonly (readonly number[])[],
    private readonly patterns: readonly OutcomePattern[],
  ) {
    this.k = ranked.length;
    this.sizes = ranked.map((r) => r.length);
    let bits = 0;
    for (let i = this.k - 1; i >= 0; i--) {
      this.shift[i] = bits;
      const b = bitsFor(this.sizes[i]!);
      this.mask[i] = (1 << b) - 1;
      bits += b;
    }
    this.shift.length = this.k;
    let key = 0;
    for (let i = 0; i < this.k; i++) key += keys[i]![0]!;
    this.heapKeys.push(key);
    this.heapCodes.push(0);
  }

  decode(code: number): number[] {
    const a: number[] = [];
    for (let i = 0; i < this.k; i++) a.push(this.ranked[i]![(code >> this.shift[i]!) & this.mask[i]!]!);
    return a;
  }

  next(): boolean {
    const k = this.k;
    const sizes = this.sizes;
    const keys = this.keys;
    const shift = this.shift;
    const mask = this.mask;
    const hk = this.heapKeys;
    const hc = this.heapCodes;
    for (;;) {
      if (hk.length === 0) {
        this.exhausted = true;
        return false;
      }
      const key = hk[0]!;
      const code = hc[0]!;
      this.pop();
      // The last issue with a non-zero rank (ranks of later issues sit in lower bits).
      let last = 0;
      for (let i = k - 1; i > 0; i--) {
        if ((code >> shift[i]!) & mask[i]!) {
          last = i;
          break;
        }
      }
      for (let i = last; i < k; i++) {
        const r = (code >> shift[i]!) & mask[i]!;
        if (r + 1 >= sizes[i]!) continue;
        const child = code + (1 << shift[i]!);
        let childKey = 0;
        for (let j = 0; j < k; j++) childKey += keys[j]![(child >> shift[j]!) & mask[j]!]!;
        this.push(childKey, child);
      }
      if (this.patterns.length > 0 && matchesAny(this.patterns, this.decode(code))) continue;
      this.outNodes.push(code);
      this.outKeys.push(key);
      this.count++;
      return true;
    }
  }

  private push(key: number, code: number): void {
    const hk = this.heapKeys;
    const hc = this.heapCodes;
    let i = hk.length;
    hk.push(key);
    hc.push(code);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = hk[parent]!;
      if (pk > key || (pk === key && hc[parent]! < code)) break;
      hk[i] = pk;
      hc[i] = hc[parent]!;
      i = parent;
    }
    hk[i] = key;
    hc[i] = code;
  }

  private pop(): void {
    const hk = this.heapKeys;
    const hc = this.heapCodes;
    const key = hk.pop()!;
    const code = hc.pop()!;
    const n = hk.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let ck = hk[child]!;
      let cc = hc[child]!;
      if (child + 1 < n) {
        const dk = hk[child + 1]!;
        const dc = hc[child + 1]!;
        if (dk > ck || (dk === ck && dc < cc)) {
          child++;
          ck = dk;
          cc = dc;
        }
      }
      if (key > ck || (key === ck && code < cc)) break;
      hk[i] = ck;
      hc[i] = cc;
      i = child;
    }
    hk[i] = key;
    hc[i] = code;
  }
}

function bitsFor(m: number): number {
  let b = 0;
  while (1 << b < m) b++;
  return b;
}

/** Either enumerator: the packed one when the ranks fit in a small integer. */
type Enumerator = BestFirstEnumerator | PackedEnumerator;

function createEnumerator(
  ranked: readonly (readonly number[])[],
  keys: readonly (readonly number[])[],
  patterns: readonly OutcomePattern[],
): Enumerator {
  return PackedEnumerator.fits(ranked.map((r) => r.length))
    ? new PackedEnumerator(ranked, keys, patterns)
    : new BestFirstEnumerator(ranked, keys, patterns);
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
  private readonly down: Enumerator;
  private up: Enumerator | undefined;
  private readonly cache: (RankedOutcome | undefined)[] = [];
  private mitm: MeetInTheMiddle | undefined;
  private lowest: RankedOutcome | null | undefined;
  private readonly opts: Required<UtilityIndexOptions>;

  constructor(
    private readonly space: OutcomeSpace,
    private readonly weighted: readonly (readonly number[])[],
    private readonly patterns: readonly OutcomePattern[],
    opts: Required<UtilityIndexOptions>,
  ) {
    this.opts = opts;
    const { ranked, keys } = rankIssues(weighted, 1);
    this.down = createEnumerator(ranked, keys, patterns);
  }

  materialised(): number {
    return this.down.count;
  }

  private at(position: number): RankedOutcome {
    let r = this.cache[position];
    if (r === undefined) {
      r = {
        assignment: this.down.decode(this.down.outNodes[position]!),
        utility: this.down.outKeys[position]!,
      };
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
        this.up = createEnumerator(ranked, keys, this.patterns);
      }
      this.lowest =
        this.up.count === 0 && !this.up.next()
          ? null
          : { assignment: this.up.decode(this.up.outNodes[0]!), utility: -this.up.outKeys[0]! };
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
        const last = d.outKeys[d.count - 1]!;
        if (strict ? last < threshold : last <= threshold) return true;
      }
      if (d.exhausted) return true;
      if (d.count >= this.opts.maxMaterialised) return false;
      d.next();
    }
  }

  /** Largest position whose utility is ≥ threshold, or -1 (the prefix is descending). */
  private lastAtLeast(threshold: number): number {
    const keys = this.down.outKeys;
    let lo = 0;
    let hi = this.down.count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid]! >= threshold) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  atLeast(threshold: number): RankedOutcome | null {
    if (!this.reach(threshold, true)) return this.meetInTheMiddle().atLeast(threshold);
    const p = this.lastAtLeast(threshold);
    return p < 0 ? null : this.at(p);
  }

  atMost(threshold: number): RankedOutcome | null {
    if (!this.reach(threshold, false)) return this.meetInTheMiddle().atMost(threshold);
    const keys = this.down.outKeys;
    const above = this.lastAtLeast(threshold);
    let p = above;
    if (p >= 0 && keys[p]! === threshold) {
      // Equal utilities: the first of the run of equals is the answer.
      while (p > 0 && keys[p - 1]! === threshold) p--;
      return this.at(p);
    }
    p = above + 1;
    return p < this.down.count ? this.at(p) : null;
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
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => utilities[a]! - utilities[b]! || a - b,
  );
  return {
    issues,
    utilities: Float64Array.from(order, (i) => utilities[i]!),
    values: values.map((col) => Int32Array.from(order, (i) => col[i]!)),
  };
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

  atLeast(threshold: number): RankedOutcome | null {
    const L = this.left.utilities;
    const R = this.right.utilities;
    let best = Number.POSITIVE_INFINITY;
    let bc = -1;
    let bl = -1;
    let br = -1;
    const C = this.combos.utilities;
    for (let c = 0; c < C.length; c++) {
      const x = threshold - C[c]!;
      let j = R.length - 1;
      for (let i = 0; i < L.length; i++) {
        while (j > 0 && L[i]! + R[j - 1]! >= x) j--;
        const s = L[i]! + R[j]!;
        if (s >= x && C[c]! + s < best) {
          best = C[c]! + s;
          bc = c;
          bl = i;
          br = j;
        }
      }
    }
    return bc < 0 ? null : this.assemble(bc, bl, br);
  }

  atMost(threshold: number): RankedOutcome | null {
    const L = this.left.utilities;
    const R = this.right.utilities;
    let best = Number.NEGATIVE_INFINITY;
    let bc = -1;
    let bl = -1;
    let br = -1;
    const C = this.combos.utilities;
    for (let c = 0; c < C.length; c++) {
      const x = threshold - C[c]!;
      let j = R.length - 1;
      for (let i = 0; i < L.length; i++) {
        while (j >= 0 && L[i]! + R[j]! > x) j--;
        if (j < 0) break;
        const s = L[i]! + R[j]!;
        if (C[c]! + s > best) {
          best = C[c]! + s;
          bc = c;
          bl = i;
          br = j;
        }
      }
    }
    return bc < 0 ? null : this.assemble(bc, bl, br);
  }
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
    atLeast(threshold) {
      const p = lastAtLeast(threshold);
      return p < 0 ? null : outcomes[p]!;
    },
    atMost(threshold) {
      let p = lastAtLeast(threshold);
      if (p >= 0 && outcomes[p]!.utility === threshold) {
        while (p > 0 && outcomes[p - 1]!.utility === threshold) p--;
        return outcomes[p]!;
      }
      return outcomes[p + 1] ?? null;
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
