/**
 * The kill test: stored autonomous runs of a generated world (`alliances run FILE --mode autonomous
 * --db …`) killed with SIGKILL at random moments, all into one database; then the database is
 * checked (`alliances db check`: SQLite's integrity check, every run's count, numbering and hash)
 * and every run is compared with a fresh simulation of its seed: a complete run must be the whole
 * log, an incomplete one a prefix of it that ends where a tick ends. A tick is written in one
 * transaction, so a kill can cut a run only between ticks.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScenario } from '../../src/agents/run.js';
import { projectRoot } from '../../src/runner/shared-data.js';
import { canonicalJson } from '../../src/common/canonical-json.js';
import { createRng } from '../../src/common/random.js';
import type { WorldEvent } from '../../src/events/index.js';
import { generateScenarioInput } from '../../src/scenario/generate.js';
import { loadScenario } from '../../src/scenario/loader.js';
import { checkDatabase, type DatabaseCheck } from '../../src/store/check.js';
import { Store } from '../../src/store/store.js';

/** The built command (the test runs what a user runs, from the source tree or from dist/). */
const binary = join(projectRoot, 'dist', 'src', 'cli', 'main.js');

export interface KillOptions {
  readonly kills: number;
  /** Seed of the moments chosen (the world is always the same). */
  readonly seed?: number;
  /** Size of the generated world (default 30 factions over 20 days). */
  readonly factions?: number;
  readonly days?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface KillReport {
  readonly kills: number;
  readonly database: string;
  /** How long one run takes, unkilled (ms, wall clock, process start included). */
  readonly runMs: number;
  /** Kills that came before a run was stored, kills of a process with a stored run, and runs that finished first. */
  readonly beforeStore: number;
  readonly killedWithRun: number;
  readonly finishedFirst: number;
  readonly runs: number;
  readonly complete: number;
  readonly incomplete: number;
  /** Incomplete runs whose stored events end inside a tick: the goal is none. */
  readonly halfWrittenTicks: number;
  /** Runs whose stored events are not (a prefix of) the simulation of their seed: the goal is none. */
  readonly differing: number;
  readonly check: DatabaseCheck;
  readonly seconds: number;
}

/** Spawns one stored run; resolves with its exit code, or the signal that stopped it. */
function startRun(
  file: string,
  database: string,
  seed: number,
): { child: ChildProcess; done: Promise<string> } {
  const child = spawn(
    process.execPath,
    [binary, 'run', file, '--mode', 'autonomous', '--seed', String(seed), '--db', database],
    { stdio: 'ignore', env: { ...process.env, CI: 'true' } },
  );
  const done = new Promise<string>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? String(code))),
  );
  return { child, done };
}

const SEEDS = 5;

export async function runKillTest(options: KillOptions): Promise<KillReport> {
  const start = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'alliances-kill-'));
  const file = join(dir, 'world.json');
  const text = JSON.stringify(
    generateScenarioInput({ factions: options.factions ?? 30, days: options.days ?? 20, seed: 1 }),
  );
  writeFileSync(file, text);
  const database = join(dir, 'kill.db');
  // One run unkilled, to learn how long a run takes.
  const t0 = performance.now();
  const first = startRun(file, database, 1);
  if ((await first.done) !== '0') throw new Error('the unkilled run failed');
  const runMs = performance.now() - t0;

  const rng = createRng(`kill-test/${options.seed ?? 1}`);
  let finishedFirst = 0;
  for (let k = 0; k < options.kills; k++) {
    const seed = 1 + (k % SEEDS);
    const { child, done } = startRun(file, database, seed);
    // Any moment from the start of the process to a little after a run usually ends.
    const delay = rng.float() * runMs * 1.1;
    const outcome = await Promise.race([
      done,
      new Promise<string>((resolve) => setTimeout(() => resolve('pending'), delay)),
    ]);
    if (outcome === 'pending') child.kill('SIGKILL');
    const how = await done;
    if (how === '0') finishedFirst++;
    else if (how !== 'SIGKILL') throw new Error(`a run ended with ${how} before it was killed`);
    options.onProgress?.(k + 1, options.kills);
  }

  // Every run against a fresh simulation of its seed.
  const scenario = loadScenario(text, file);
  const fresh = new Map<number, readonly WorldEvent[]>();
  const logOf = (seed: number) => {
    let log = fresh.get(seed);
    if (!log) fresh.set(seed, (log = runScenario(scenario, { seed, mode: 'autonomous' }).events));
    return log;
  };
  const store = Store.open(database, { readOnly: true });
  let halfWrittenTicks = 0;
  let differing = 0;
  let complete = 0;
  const runs = store.listRuns();
  try {
    for (const run of runs) {
      const stored = store.events(run.id);
      const log = logOf(run.seed);
      const n = stored.length;
      if (!stored.every((e, i) => canonicalJson(e) === canonicalJson(log[i] ?? null))) differing++;
      if (run.status === 'complete') {
        complete++;
        if (n !== log.length) differing++;
      } else if (n > 0 && n < log.length && log[n]!.t === log[n - 1]!.t) halfWrittenTicks++;
    }
  } finally {
    store.close();
  }
  const stored = runs.length - 1;
  return {
    kills: options.kills,
    database,
    runMs: Math.round(runMs),
    beforeStore: options.kills - stored,
    killedWithRun: stored - finishedFirst,
    finishedFirst,
    runs: runs.length,
    complete,
    incomplete: runs.length - complete,
    halfWrittenTicks,
    differing,
    check: checkDatabase(database),
    seconds: Math.round((performance.now() - start) / 100) / 10,
  };
}
