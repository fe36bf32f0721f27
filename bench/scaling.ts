/**
 * Scaling with the number of factions: a generated scenario (src/scenario/generate.ts) of N
 * factions run autonomously over D simulated days (default 365), for N = 25, 50, 100 and 200.
 * Each size runs in a fresh child process, so that its peak resident memory (`maxRSS`) is its own.
 * Reported per size: wall and CPU time, events, the cost of one tick (wall time / ticks), and peak
 * memory; then the growth exponent k of the per-tick cost, cost ∝ N^k, fitted by least squares on
 * log cost against log N. The requirement is k well below 2 (quadratic).
 *
 * `npm run bench -- scaling [--factions N] [--days D] [--json]`.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runScenario } from '../src/agents/run.js';
import { generateScenario } from '../src/scenario/generate.js';
import type { Benchmark } from './benchmark.js';

export const SCALING_SIZES = [25, 50, 100, 200] as const;
const DEFAULT_DAYS = 365;

export interface ScalingPoint {
  readonly factions: number;
  readonly days: number;
  readonly ticks: number;
  readonly events: number;
  /** Seconds to generate and validate the scenario (not part of the run). */
  readonly loadSeconds: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly msPerTick: number;
  readonly eventsPerSecond: number;
  /** Microseconds of run time per event: the cost of a unit of the world's activity. */
  readonly usPerEvent: number;
  /** Peak resident set size of the process that ran this size alone, in MB. */
  readonly peakRssMB: number;
  /** Heap in use after the run (the log and the final world still held), in MB. */
  readonly heapUsedMB: number;
}

export interface ScalingResult {
  readonly points: readonly ScalingPoint[];
  /** Fitted exponent k of msPerTick ∝ factions^k (null for a single size). */
  readonly exponent: number | null;
  /**
   * The same fit for events per run (how the world's activity grows with its size) and for the
   * cost per event: the per-tick exponent is about their sum.
   */
  readonly eventsExponent: number | null;
  readonly perEventExponent: number | null;
  readonly node: string;
  readonly load: number;
}

/** Runs one size in this process (the child's work). */
export function measureScalingPoint(factions: number, simulatedDays: number): ScalingPoint {
  const t0 = performance.now();
  const scenario = generateScenario({ factions, days: simulatedDays });
  const loadSeconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = runScenario(scenario, { seed: 1, mode: 'autonomous' });
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const ticks = Math.floor(scenario.spec.duration / scenario.spec.tick) + 1;
  return {
    factions,
    days: simulatedDays,
    ticks,
    events: result.events.length,
    loadSeconds,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    msPerTick: (seconds * 1000) / ticks,
    eventsPerSecond: result.events.length / seconds,
    usPerEvent: (seconds * 1e6) / Math.max(1, result.events.length),
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    heapUsedMB: process.memoryUsage().heapUsed / 1e6,
  };
}

/** Least-squares slope of log y against log x. */
export function logLogSlope(points: readonly { x: number; y: number }[]): number | null {
  if (points.length < 2) return null;
  const xs = points.map((p) => Math.log(p.x));
  const ys = points.map((p) => Math.log(p.y));
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den > 0 ? num / den : null;
}

function measureInChild(factions: number, simulatedDays: number): ScalingPoint {
  const child = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), '--child', String(factions), String(simulatedDays)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`scaling run of ${factions} factions failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as ScalingPoint;
}

export function runScalingBenchmark(options: { factions?: number; days?: number } = {}): ScalingResult {
  const sizes = options.factions !== undefined ? [options.factions] : [...SCALING_SIZES];
  const simulatedDays = options.days ?? DEFAULT_DAYS;
  const points = sizes.map((n) => measureInChild(n, simulatedDays));
  return {
    points,
    exponent: logLogSlope(points.map((p) => ({ x: p.factions, y: p.msPerTick }))),
    eventsExponent: logLogSlope(points.map((p) => ({ x: p.factions, y: Math.max(1, p.events) }))),
    perEventExponent: logLogSlope(points.map((p) => ({ x: p.factions, y: p.usPerEvent }))),
    node: process.version,
    load: loadavg()[0]!,
  };
}

export function renderScalingBenchmark(r: ScalingResult): string {
  const rows = [
    [
      'factions',
      'days',
      'events',
      'seconds',
      'CPU s',
      'ms/tick',
      'events/s',
      'µs/event',
      'peak RSS MB',
      'heap MB',
    ],
    ...r.points.map((p) => [
      String(p.factions),
      String(p.days),
      p.events.toLocaleString('en-US'),
      p.seconds.toFixed(2),
      p.cpuSeconds.toFixed(2),
      p.msPerTick.toFixed(3),
      Math.round(p.eventsPerSecond).toLocaleString('en-US'),
      p.usPerEvent.toFixed(0),
      p.peakRssMB.toFixed(0),
      p.heapUsedMB.toFixed(0),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: readonly string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [
    line(rows[0]!),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.slice(1).map(line),
    '',
    r.exponent === null
      ? `node ${r.node}; load average ${r.load.toFixed(2)}.`
      : `Per-tick cost grows as N^${r.exponent.toFixed(2)} (least-squares slope of log ms/tick on log N): events per run as N^${r.eventsExponent?.toFixed(2)}, the cost per event as N^${r.perEventExponent?.toFixed(2)}; node ${r.node}; load average ${r.load.toFixed(2)}.`,
  ].join('\n');
}

export const scalingBenchmark: Benchmark = {
  name: 'scaling',
  title: 'generated worlds of N factions run autonomously (default: 25, 50, 100, 200 over 365 days)',
  async run({ json, params }) {
    const result = runScalingBenchmark({
      ...(params?.factions !== undefined ? { factions: params.factions } : {}),
      ...(params?.days !== undefined ? { days: params.days } : {}),
    });
    if (!json) process.stdout.write(`${renderScalingBenchmark(result)}\n`);
    return result;
  },
};

// The child process: measure one size and print it as JSON.
if (process.argv[2] === '--child' && process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(JSON.stringify(measureScalingPoint(Number(process.argv[3]), Number(process.argv[4]))));
}
