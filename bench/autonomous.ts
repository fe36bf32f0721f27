/**
 * Autonomous leaders' speed: the built-in `delta-quadrant` run autonomously over 30 simulated days
 * (its own duration is 6; only the script's exogenous events are forced, the leaders decide the
 * rest), seeds 1…n one after another on this one thread. The scenario is loaded and validated once,
 * outside the timing (load once, run many, as a sweep does). Seeds 1…5 run once untimed first: the
 * JIT compiles the leaders' code over the first runs (with 20 runs the figure is a third lower).
 *
 * The goal is 200 runs per second per core. `alliances bench autonomous --json [--runs N] [--days D]`.
 */
import { loadavg } from 'node:os';
import { runScenario } from '../src/agents/run.js';
import { days, type Minutes } from '../src/model/time.js';
import { resolveScenario } from '../src/runner/builtin-scenarios.js';
import type { Scenario } from '../src/scenario/loader.js';
import type { Benchmark } from './benchmark.js';

export const AUTONOMOUS_GOAL_RUNS_PER_SECOND = 200;
const DEFAULT_RUNS = 50;
const WARM_UP_RUNS = 5;
const DEFAULT_DAYS = 30;

export interface AutonomousBenchOptions {
  readonly runs?: number;
  readonly days?: number;
}

export interface AutonomousBenchResult {
  readonly runs: number;
  readonly runsPerSecond: number;
  readonly eventsPerSecond: number;
  readonly scenario: string;
  readonly days: number;
  readonly seconds: number;
  /** CPU seconds of the process over the timed runs (the fairer figure on a shared machine). */
  readonly cpuSeconds: number;
  readonly runsPerCpuSecond: number;
  readonly msPerRun: number;
  readonly eventsPerRun: number;
  readonly events: number;
  readonly goalRunsPerSecond: number;
  readonly node: string;
  /** Load average (1 minute) when the benchmark ended. */
  readonly load: number;
}

/** `scenario` with its duration replaced. */
export function withDuration(scenario: Scenario, duration: Minutes): Scenario {
  return { ...scenario, spec: { ...scenario.spec, duration } };
}

export function runAutonomousBenchmark(options: AutonomousBenchOptions = {}): AutonomousBenchResult {
  const runs = options.runs ?? DEFAULT_RUNS;
  const simulatedDays = options.days ?? DEFAULT_DAYS;
  const scenario = withDuration(resolveScenario('delta-quadrant'), days(simulatedDays));
  for (let seed = 1; seed <= WARM_UP_RUNS; seed++) runScenario(scenario, { seed, mode: 'autonomous' });
  let events = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let seed = 1; seed <= runs; seed++)
    events += runScenario(scenario, { seed, mode: 'autonomous' }).events.length;
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  return {
    runs,
    runsPerSecond: runs / seconds,
    eventsPerSecond: events / seconds,
    scenario: scenario.spec.id,
    days: simulatedDays,
    seconds,
    cpuSeconds,
    runsPerCpuSecond: runs / cpuSeconds,
    msPerRun: (seconds * 1000) / runs,
    eventsPerRun: events / runs,
    events,
    goalRunsPerSecond: AUTONOMOUS_GOAL_RUNS_PER_SECOND,
    node: process.version,
    load: loadavg()[0]!,
  };
}

export function renderAutonomousBenchmark(r: AutonomousBenchResult): string {
  const rows = [
    ['workload', 'runs', 'seconds', 'runs/s', 'ms/run', 'events/run', 'events/s', 'goal'],
    [
      `${r.scenario}, autonomous, ${r.days} days`,
      String(r.runs),
      r.seconds.toFixed(3),
      r.runsPerSecond.toFixed(1),
      r.msPerRun.toFixed(2),
      r.eventsPerRun.toFixed(0),
      Math.round(r.eventsPerSecond).toLocaleString('en-US'),
      `${r.goalRunsPerSecond} runs/s`,
    ],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: readonly string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [
    line(rows[0]!),
    line(widths.map((w) => '-'.repeat(w))),
    line(rows[1]!),
    '',
    `CPU time ${r.cpuSeconds.toFixed(3)} s (${r.runsPerCpuSecond.toFixed(1)} runs per CPU second); node ${r.node}; load average ${r.load.toFixed(2)}.`,
  ].join('\n');
}

export const autonomousBenchmark: Benchmark = {
  name: 'autonomous',
  title: 'delta-quadrant run autonomously over 30 simulated days, seeds 1…n (one thread)',
  async run({ json, params }) {
    const result = runAutonomousBenchmark({
      ...(params?.runs !== undefined ? { runs: params.runs } : {}),
      ...(params?.days !== undefined ? { days: params.days } : {}),
    });
    if (!json) process.stdout.write(`${renderAutonomousBenchmark(result)}\n`);
    return result;
  },
};
