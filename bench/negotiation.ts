/**
 * The NegMAS reference workload (see the shared benchmarks.md): 200 bilateral negotiations under
 * alternating offers with a 100-round deadline, both parties NegMAS-style Aspiration negotiators,
 * on a domain of 3 issues × 10 values with fresh random linear-additive utilities per negotiation
 * (weights uniform in [0, 1] normalised to sum 1, value utilities uniform in [0, 1], reservation 0).
 * NegMAS 0.15.7 takes a median 5.70 s for the 200 (35.1 negotiations/s).
 *
 * A 200-negotiation batch takes milliseconds here, too short to time alone; a run is 50 batches
 * (10,000 negotiations, seeds 1…50), timed after a warm-up batch, and the figure is the median of
 * five runs. Everything runs on this one thread. Also measured: the protocol alone (two parties
 * that never agree, NegMAS ≈ 9,200 rounds/s), and the 10 issues × 10 values case (10¹⁰ outcomes)
 * with its exact Pareto frontier.
 */
import { loadavg } from 'node:os';
import { createRng } from '../src/common/random.js';
import { analyseBargaining } from '../src/diplomacy/negotiation/analysis.js';
import { runNegotiation } from '../src/diplomacy/negotiation/negotiate.js';
import { createPreferences } from '../src/diplomacy/negotiation/preferences.js';
import { randomLinearAdditive, randomSpace } from '../src/diplomacy/negotiation/random-domain.js';
import type { StrategyFactory } from '../src/diplomacy/negotiation/strategy.js';
import type { Benchmark } from './benchmark.js';

/** NegMAS 0.15.7 on this machine kind (shared benchmarks.md). */
export const NEGMAS = {
  seconds: 5.7,
  negotiations: 200,
  roundsPerSecond: 2200,
  protocolRoundsPerSecond: 9200,
};

const BATCH = 200;
const BATCHES = 50;
const RUNS = 5;

interface Tally {
  negotiations: number;
  agreements: number;
  rounds: number;
}

/** One batch of the reference workload: 200 negotiations on fresh utilities drawn from `seed`. */
export function referenceBatch(
  seed: number,
  issues = 3,
  values = 10,
  count = BATCH,
  strategy: 'aspiration' | StrategyFactory = 'aspiration',
): Tally {
  const rng = createRng(`negotiation-bench/${seed}`);
  const space = randomSpace(issues, values);
  const tally: Tally = { negotiations: 0, agreements: 0, rounds: 0 };
  for (let i = 0; i < count; i++) {
    const a = createPreferences(randomLinearAdditive(space, rng));
    const b = createPreferences(randomLinearAdditive(space, rng));
    const result = runNegotiation(
      {
        space,
        parties: [
          { name: 'a', preferences: a, strategy },
          { name: 'b', preferences: b, strategy },
        ],
        deadline: { rounds: 100 },
      },
      { seed: i, record: false },
    );
    tally.negotiations++;
    tally.rounds += result.rounds;
    if (result.agreement) tally.agreements++;
  }
  return tally;
}

/** Wall-clock seconds, and the process's CPU seconds (the fairer figure on a shared machine). */
function timed<T>(f: () => T): { value: T; seconds: number; cpuSeconds: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = f();
  const used = process.cpuUsage(cpu);
  return { value, seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function run(
  batches: number,
  strategy?: StrategyFactory,
): { tally: Tally; seconds: number; cpuSeconds: number } {
  referenceBatch(0, 3, 10, BATCH, strategy);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let tally: Tally = { negotiations: 0, agreements: 0, rounds: 0 };
  for (let r = 0; r < RUNS; r++) {
    const t = timed(() => {
      const total: Tally = { negotiations: 0, agreements: 0, rounds: 0 };
      for (let b = 1; b <= batches; b++) {
        const x = referenceBatch(b, 3, 10, BATCH, strategy);
        total.negotiations += x.negotiations;
        total.agreements += x.agreements;
        total.rounds += x.rounds;
      }
      return total;
    });
    times.push(t.seconds);
    cpuTimes.push(t.cpuSeconds);
    tally = t.value;
  }
  return { tally, seconds: median(times), cpuSeconds: median(cpuTimes) };
}

/** Two parties that never agree: the protocol's own cost (NegMAS's "protocol overhead"). */
const neverAgree: StrategyFactory = (ctx) => {
  const offer = ctx.space.sizes.map(() => 0);
  return { propose: () => offer, respond: () => 'reject' };
};

export interface NegotiationBenchResult {
  readonly negotiations: number;
  readonly seconds: number;
  readonly negotiationsPerSecond: number;
  readonly agreements: number;
  readonly meanRounds: number;
  readonly roundsPerSecond: number;
  /** Median CPU seconds of the process over the same runs, and the throughput they give. */
  readonly cpuSeconds: number;
  readonly negotiationsPerCpuSecond: number;
  /** Load average (1 minute) when the benchmark ended: figures under load are lower. */
  readonly load: number;
  /** Seconds for one batch of 200 (the reference workload), against NegMAS's 5.70 s. */
  readonly referenceSeconds: number;
  readonly speedupOverNegmas: number;
  readonly protocolRoundsPerSecond: number;
  readonly protocolNegotiations: number;
  readonly large: {
    readonly issues: number;
    readonly values: number;
    readonly outcomes: number;
    readonly negotiations: number;
    readonly seconds: number;
    readonly agreements: number;
    readonly meanRounds: number;
    readonly paretoPoints: number;
    readonly paretoSeconds: number;
  };
}

export function runNegotiationBenchmark(): NegotiationBenchResult {
  const main = run(BATCHES);
  const protocol = run(10, neverAgree);
  const largeCount = 20;
  const large = timed(() => referenceBatch(1, 10, 10, largeCount));
  const space = randomSpace(10, 10);
  const rng = createRng('negotiation-bench/pareto');
  const prefs = [0, 1].map(() => createPreferences(randomLinearAdditive(space, rng)));
  const pareto = timed(() => analyseBargaining(space, prefs));
  const perSecond = main.tally.negotiations / main.seconds;
  return {
    negotiations: main.tally.negotiations,
    seconds: main.seconds,
    negotiationsPerSecond: perSecond,
    agreements: main.tally.agreements,
    meanRounds: main.tally.rounds / main.tally.negotiations,
    roundsPerSecond: main.tally.rounds / main.seconds,
    cpuSeconds: main.cpuSeconds,
    negotiationsPerCpuSecond: main.tally.negotiations / main.cpuSeconds,
    load: loadavg()[0]!,
    referenceSeconds: (main.seconds * BATCH) / main.tally.negotiations,
    speedupOverNegmas: perSecond / (NEGMAS.negotiations / NEGMAS.seconds),
    protocolRoundsPerSecond: protocol.tally.rounds / protocol.seconds,
    protocolNegotiations: protocol.tally.negotiations,
    large: {
      issues: 10,
      values: 10,
      outcomes: space.cardinality,
      negotiations: large.value.negotiations,
      seconds: large.seconds,
      agreements: large.value.agreements,
      meanRounds: large.value.rounds / large.value.negotiations,
      paretoPoints: pareto.value.pareto.length,
      paretoSeconds: pareto.seconds,
    },
  };
}

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');

export function renderNegotiationBenchmark(r: NegotiationBenchResult): string {
  const rows = [
    [
      'workload',
      'negotiations',
      'seconds',
      'negotiations/s',
      'rounds/s',
      'agreements',
      'mean rounds',
      'NegMAS 0.15.7',
    ],
    [
      'reference: Aspiration × Aspiration, 3 × 10, 100 rounds',
      n0(r.negotiations),
      r.seconds.toFixed(3),
      n0(r.negotiationsPerSecond),
      n0(r.roundsPerSecond),
      n0(r.agreements),
      r.meanRounds.toFixed(1),
      `35.1/s, 64 rounds (×${n0(r.speedupOverNegmas)})`,
    ],
    [
      'protocol alone (never agree)',
      n0(r.protocolNegotiations),
      '',
      '',
      n0(r.protocolRoundsPerSecond),
      '0',
      '100.0',
      '9,200 rounds/s',
    ],
    [
      '10 issues × 10 values (10¹⁰ outcomes)',
      n0(r.large.negotiations),
      r.large.seconds.toFixed(3),
      n0(r.large.negotiations / r.large.seconds),
      '',
      n0(r.large.agreements),
      r.large.meanRounds.toFixed(1),
      'enumerates the space',
    ],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: readonly string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [
    line(rows[0]!),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.slice(1).map(line),
    '',
    `One batch of 200 (the reference workload): ${(r.referenceSeconds * 1000).toFixed(2)} ms against NegMAS's 5.70 s.`,
    `CPU time: ${r.cpuSeconds.toFixed(3)} s for the ${n0(r.negotiations)} (${n0(r.negotiationsPerCpuSecond)} negotiations per CPU second); load average ${r.load.toFixed(2)}.`,
    `Exact Pareto frontier of a 10 × 10 domain: ${r.large.paretoPoints} points in ${r.large.paretoSeconds.toFixed(3)} s (dynamic programming, no enumeration).`,
  ].join('\n');
}

export const negotiationBenchmark: Benchmark = {
  name: 'negotiation',
  title: 'NegMAS reference workload: Aspiration negotiations, 3 issues × 10 values, 100 rounds (one thread)',
  async run({ json }) {
    const result = runNegotiationBenchmark();
    if (!json) process.stdout.write(`${renderNegotiationBenchmark(result)}\n`);
    return result;
  },
};
