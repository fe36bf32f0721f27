/**
 * Negotiation tournaments: every strategy against every other across domains, with role swapping
 * and repetitions under different seeds (the cartesian tournament of NegMAS; the ANAC setup of
 * GENIUS). A domain with n parties is played once for each assignment of strategies to its n
 * roles (|S|ⁿ assignments, or the assignments without repeated strategies when self-play is off),
 * so that a strategy plays every role against every opponent. All pairings of one domain and one
 * repetition share a seed (common random numbers), so they differ only by their strategies.
 *
 * The plan is pure data; jobs can run in any order and on any thread (see the CLI's parallel
 * runner), and the summary depends only on the job results in plan order.
 *
 * ```yaml
 * domains:
 *   - raiders.yaml                                 # files, relative to the tournament file
 *   - random: {issues: 3, values: 10, count: 5}    # generated linear-additive domains
 * strategies: [aspiration, boulware, {name: conceder, e: 2}, tit-for-tat, hardliner]
 * repetitions: 3      # seeds per pairing (default 1)
 * seed: 1             # default 0
 * deadline: {rounds: 100}   # optional: replaces every domain's deadline
 * selfPlay: true      # default true
 * ```
 */
import { z } from 'zod';
import type { SourceDocument } from '../../common/document.js';
import { at, missing } from '../../common/checked.js';
import { InputError, invariant } from '../../common/errors.js';
import { createRng } from '../../common/random.js';
import { ProblemCollector, parseAndValidate } from '../../common/validate.js';
import { agreementDistances, analyseBargaining, type BargainingAnalysis, welfare } from './analysis.js';
import { MAX_DEADLINE_ROUNDS, type NegotiationDomain, parseDomain, parseStrategySpec } from './domain.js';
import { runNegotiation } from './negotiate.js';
import type { Deadline } from './protocol.js';
import { createRandomDomain } from './random-domain.js';
import { describeStrategy, type StrategySpec } from './strategies.js';

const randomDomainSchema = z.strictObject({
  issues: z.int().min(1).max(64),
  values: z.int().min(1).max(1000),
  parties: z.int().min(2).max(8).optional(),
  count: z.int().min(1).max(100_000).optional(),
  reservation: z.number().min(0).max(1).optional(),
});

export const tournamentSchema = z.strictObject({
  domains: z.array(z.union([z.string().min(1), z.strictObject({ random: randomDomainSchema })])).min(1),
  strategies: z.array(z.unknown()).min(1),
  repetitions: z.int().min(1).optional(),
  seed: z.union([z.int(), z.string()]).optional(),
  deadline: z
    .strictObject({
      rounds: z
        .int()
        .positive()
        .max(MAX_DEADLINE_ROUNDS, {
          message: `at most ${MAX_DEADLINE_ROUNDS.toLocaleString('en-US')} rounds`,
        })
        .optional(),
      time: z.number().positive().optional(),
    })
    .optional(),
  selfPlay: z.boolean().optional(),
});

export type RandomDomainSpec = z.infer<typeof randomDomainSchema>;

/** Where a tournament's domains come from: files (read by the caller) or generated. */
export type DomainSource =
  | { readonly kind: 'file'; readonly name: string; readonly file: string; readonly text: string }
  | {
      readonly kind: 'random';
      readonly name: string;
      readonly spec: RandomDomainSpec;
      readonly seed: string;
    };

/** Everything a tournament needs, as plain data: what is sent to worker threads. */
export interface TournamentInput {
  readonly sources: readonly DomainSource[];
  readonly strategies: readonly StrategySpec[];
  readonly repetitions: number;
  readonly seed: number | string;
  readonly deadline?: Deadline;
  readonly selfPlay: boolean;
}

/** A tournament file, checked: its file domains still to be read (paths as written). */
export interface TournamentConfig {
  readonly files: readonly { readonly path: string; readonly index: number }[];
  readonly doc: SourceDocument;
  /** Builds the input once the caller has read each file domain (same order as `files`). */
  input(texts: readonly { readonly file: string; readonly text: string }[]): TournamentInput;
}

export function parseTournamentConfig(text: string, file: string): TournamentConfig {
  const { value, doc } = parseAndValidate(tournamentSchema, text, file);
  const problems = new ProblemCollector(doc);
  const strategies = value.strategies.map((s, i) => parseStrategySpec(s, ['strategies', i], problems));
  if (value.deadline && value.deadline.rounds === undefined && value.deadline.time === undefined) {
    problems.add(
      ['deadline'],
      'missing-deadline',
      'a deadline needs rounds, time or both',
      'e.g. {rounds: 100}',
    );
  }
  const labels = strategies.map((s) => (s ? describeStrategy(s) : ''));
  labels.forEach((label, i) => {
    if (label && labels.indexOf(label) !== i) {
      problems.add(['strategies', i], 'duplicate', `strategy ${label} is listed twice`);
    }
  });
  const selfPlay = value.selfPlay ?? true;
  problems.throwIfAny();
  // With no problem found, every strategy was parsed.
  const specs = strategies.filter((s) => s !== undefined);
  const files = value.domains.flatMap((d, index) => (typeof d === 'string' ? [{ path: d, index }] : []));
  const seed = value.seed ?? 0;
  return {
    files,
    doc,
    input(texts) {
      invariant(texts.length === files.length, 'one text per domain file');
      const sources: DomainSource[] = [];
      let fileAt = 0;
      value.domains.forEach((d, index) => {
        if (typeof d === 'string') {
          const t = at(texts, fileAt++, 'text of domain file');
          sources.push({ kind: 'file', name: d, file: t.file, text: t.text });
          return;
        }
        const spec = d.random;
        for (let c = 0; c < (spec.count ?? 1); c++) {
          sources.push({
            kind: 'random',
            name: `random-${spec.issues}x${spec.values}#${index}.${c}`,
            spec,
            seed: `${seed}/domain/${index}/${c}`,
          });
        }
      });
      return {
        sources,
        strategies: specs,
        repetitions: value.repetitions ?? 1,
        seed,
        ...(value.deadline ? { deadline: value.deadline } : {}),
        selfPlay,
      };
    },
  };
}

export interface TournamentJob {
  readonly domain: number;
  /** Strategy index for each party, in party order. */
  readonly strategies: readonly number[];
  readonly repetition: number;
}

export interface Tournament {
  readonly input: TournamentInput;
  readonly domains: readonly (NegotiationDomain & { readonly name: string })[];
  readonly jobs: readonly TournamentJob[];
}

/** Most negotiations a tournament plan may hold. */
export const MAX_TOURNAMENT_NEGOTIATIONS = 10_000_000;

/**
 * A plan of more than MAX_TOURNAMENT_NEGOTIATIONS negotiations is refused, counted before the list
 * is built (s strategies for each of a domain's parties, each assignment `repetitions` times), so
 * that it is never allocated.
 */
function refuseOversizedPlan(partiesPerDomain: readonly number[], s: number, repetitions: number): void {
  const planned = partiesPerDomain.reduce((sum, n) => sum + s ** n * repetitions, 0);
  if (planned <= MAX_TOURNAMENT_NEGOTIATIONS) return;
  throw new InputError([
    {
      code: 'too-large',
      path: 'strategies',
      message: `the tournament would run ${planned.toExponential(2)} negotiations; at most ${MAX_TOURNAMENT_NEGOTIATIONS.toLocaleString('en-US')}`,
      hint: 'fewer strategies, domains, parties or repetitions',
    },
  ]);
}

/** Builds the domains and the job list (domains × strategy assignments × repetitions). */
export function planTournament(input: TournamentInput): Tournament {
  const domains = input.sources.map((source) => {
    const domain = source.kind === 'file' ? parseDomain(source.text, source.file) : randomDomain(source);
    return {
      ...domain,
      ...(input.deadline ? { deadline: input.deadline } : {}),
      name: source.name,
    };
  });
  const s = input.strategies.length;
  refuseOversizedPlan(
    domains.map((d) => d.parties.length),
    s,
    input.repetitions,
  );
  const jobs: TournamentJob[] = [];
  domains.forEach((domain, d) => {
    const n = domain.parties.length;
    for (const assignment of assignments(s, n)) {
      if (!input.selfPlay && new Set(assignment).size < n) continue;
      for (let r = 0; r < input.repetitions; r++)
        jobs.push({ domain: d, strategies: assignment, repetition: r });
    }
  });
  return { input, domains, jobs };
}

function randomDomain(source: Extract<DomainSource, { kind: 'random' }>): NegotiationDomain {
  const { space, preferences } = createRandomDomain(source.spec, createRng(source.seed));
  return {
    space,
    parties: preferences.map((p, i) => ({
      name: `party${i}`,
      preferences: p,
      strategy: 'aspiration' as const,
    })),
    deadline: { rounds: 100 },
    protocol: { kind: 'alternating-offers' },
  };
}

/** Every vector of n strategy indices in [0, s), in lexicographic order. */
function* assignments(s: number, n: number): Generator<number[]> {
  const a = new Array<number>(n).fill(0);
  for (;;) {
    yield a.slice();
    let i = n - 1;
    for (; i >= 0; i--) {
      const next = (a[i] ?? missing()) + 1;
      if (next < s) {
        a[i] = next;
        break;
      }
      a[i] = 0;
    }
    if (i < 0) return;
  }
}

export interface JobResult {
  readonly job: number;
  readonly agreement: boolean;
  readonly rounds: number;
  /** Each party's utility of the result (discounted). */
  readonly utilities: readonly number[];
  /** Distances of the agreement to the frontier and to the Nash point; null without agreement. */
  readonly paretoDistance: number | null;
  readonly nashDistance: number | null;
}

/** A cache of analyses per domain, shared by the jobs one thread runs. */
export type AnalysisCache = Map<number, BargainingAnalysis>;

/** Runs one job of a plan. Deterministic: the result depends only on the plan and the job. */
export function runTournamentJob(t: Tournament, index: number, cache: AnalysisCache = new Map()): JobResult {
  const job = at(t.jobs, index, 'job');
  const domain = at(t.domains, job.domain, 'domain');
  const setup = {
    ...domain,
    parties: domain.parties.map((p, i) => ({
      ...p,
      strategy: at(t.input.strategies, at(job.strategies, i), 'strategy'),
    })),
  };
  const result = runNegotiation(setup, {
    seed: `${t.input.seed}/${domain.name}/${job.repetition}`,
    record: false,
  });
  let paretoDistance: number | null = null;
  let nashDistance: number | null = null;
  const agreement = result.agreement;
  if (agreement) {
    let analysis = cache.get(job.domain);
    if (!analysis) {
      analysis = analyseBargaining(
        domain.space,
        domain.parties.map((p) => p.preferences),
      );
      cache.set(job.domain, analysis);
    }
    const utilities = domain.parties.map((p) => p.preferences.utility.utility(agreement));
    const d = agreementDistances(analysis, utilities);
    paretoDistance = d.pareto;
    nashDistance = d.nash;
  }
  return {
    job: index,
    agreement: result.agreement !== null,
    rounds: result.rounds,
    utilities: result.utilities,
    paretoDistance,
    nashDistance,
  };
}

/** Runs jobs [from, to) of a plan in order. */
export function runTournamentJobs(
  t: Tournament,
  from: number,
  to: number,
  cache: AnalysisCache = new Map(),
): JobResult[] {
  const out: JobResult[] = [];
  for (let i = from; i < to; i++) out.push(runTournamentJob(t, i, cache));
  return out;
}

export interface StrategyStanding {
  readonly strategy: string;
  /** Negotiations the strategy took part in (once per role it played). */
  readonly negotiations: number;
  readonly meanUtility: number;
  readonly agreementRate: number;
  readonly meanRounds: number;
  /** Mean distances over its agreements; null when it reached none. */
  readonly meanNashDistance: number | null;
  readonly meanParetoDistance: number | null;
  /** Mean social welfare (sum of every party's utility) of its negotiations. */
  readonly meanWelfare: number;
}

export interface TournamentSummary {
  readonly negotiations: number;
  readonly agreements: number;
  readonly domains: readonly string[];
  /** By decreasing mean utility, then name. */
  readonly standings: readonly StrategyStanding[];
}

export function summariseTournament(t: Tournament, results: readonly JobResult[]): TournamentSummary {
  invariant(results.length === t.jobs.length, 'one result per job');
  const labels = t.input.strategies.map(describeStrategy);
  const acc = labels.map(() => ({
    n: 0,
    utility: 0,
    agreements: 0,
    rounds: 0,
    nash: 0,
    pareto: 0,
    welfare: 0,
  }));
  let agreements = 0;
  results.forEach((r, i) => {
    invariant(r.job === i, 'results are in plan order');
    if (r.agreement) agreements++;
    const w = welfare(r.utilities);
    at(t.jobs, i, 'job').strategies.forEach((s, party) => {
      const a = at(acc, s, 'strategy');
      a.n++;
      a.utility += at(r.utilities, party, 'utility of party');
      a.rounds += r.rounds;
      a.welfare += w;
      if (r.agreement) {
        a.agreements++;
        a.nash += r.nashDistance ?? 0;
        a.pareto += r.paretoDistance ?? 0;
      }
    });
  });
  const standings = acc
    .map((a, s) => ({
      strategy: at(labels, s),
      negotiations: a.n,
      meanUtility: a.n > 0 ? a.utility / a.n : 0,
      agreementRate: a.n > 0 ? a.agreements / a.n : 0,
      meanRounds: a.n > 0 ? a.rounds / a.n : 0,
      meanNashDistance: a.agreements > 0 ? a.nash / a.agreements : null,
      meanParetoDistance: a.agreements > 0 ? a.pareto / a.agreements : null,
      meanWelfare: a.n > 0 ? a.welfare / a.n : 0,
    }))
    .sort((x, y) => y.meanUtility - x.meanUtility || (x.strategy < y.strategy ? -1 : 1));
  return { negotiations: results.length, agreements, domains: t.domains.map((d) => d.name), standings };
}

/** Plans and runs a whole tournament on this thread. */
export function runTournament(input: TournamentInput): TournamentSummary {
  const t = planTournament(input);
  return summariseTournament(t, runTournamentJobs(t, 0, t.jobs.length));
}

/** The results table as text. */
export function renderTournament(summary: TournamentSummary): string {
  const f = (x: number | null, digits = 3) => (x === null ? '—' : x.toFixed(digits));
  const rows = summary.standings.map((s) => [
    s.strategy,
    String(s.negotiations),
    f(s.meanUtility),
    `${(100 * s.agreementRate).toFixed(1)}%`,
    f(s.meanRounds, 1),
    f(s.meanNashDistance),
    f(s.meanParetoDistance),
    f(s.meanWelfare),
  ]);
  const head = [
    'strategy',
    'negotiations',
    'utility',
    'agreements',
    'rounds',
    'to Nash',
    'to Pareto',
    'welfare',
  ];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => at(r, c).length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(at(widths, c)) : cell.padStart(at(widths, c)))).join('  ');
  return [
    `${summary.negotiations} negotiations on ${summary.domains.length} domain${summary.domains.length === 1 ? '' : 's'}, ${summary.agreements} agreements`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}
