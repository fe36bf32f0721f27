/**
 * The behaviour guard for performance work: the event-log hashes of a fixed set of runs, computed
 * with a frozen copy of the canonical JSON writer (so that a change to the engine's own writer or
 * hasher cannot hide a change in the log). An optimisation is behaviour-preserving when the hashes
 * are unchanged:
 *
 *   node dist/bench/log-identity.js > before.json      # on the parent commit
 *   node dist/bench/log-identity.js --check before.json  # after the change: exit 1 on any difference
 *   node dist/bench/log-identity.js --check before.json --cli  # also through the binary (`run --json`)
 *
 * Not a benchmark (it is not registered); a developer's tool kept beside them.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { runScenario } from '../src/agents/run.js';
import { days, hours, type Minutes } from '../src/model/time.js';
import { resolveScenario } from '../src/runner/builtin-scenarios.js';
import { generateScenario } from '../src/scenario/generate.js';
import type { Scenario } from '../src/scenario/loader.js';
import type { WorldEvent } from '../src/events/index.js';
import type { RunMode } from '../src/model/vocabulary.js';

/** The canonical JSON writer as it was when the reference hashes were taken (keys sorted). */
function frozenCanonical(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : JSON.stringify(value);
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : frozenCanonical(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${frozenCanonical(obj[k])}`).join(',')}}`;
}

function frozenHash(events: readonly WorldEvent[]): string {
  const h = createHash('sha256');
  for (const e of events) h.update(`${frozenCanonical(e)}\n`, 'utf8');
  return h.digest('hex');
}

function withDuration(scenario: Scenario, duration: Minutes): Scenario {
  return { ...scenario, spec: { ...scenario.spec, duration } };
}

interface Case {
  readonly name: string;
  readonly scenario: () => Scenario;
  readonly seed: number;
  readonly mode: RunMode;
  readonly scriptUntil?: Minutes;
}

function cases(): Case[] {
  const dq = resolveScenario('delta-quadrant');
  const out: Case[] = [{ name: 'scripted', scenario: () => dq, seed: dq.spec.seed, mode: 'scripted' }];
  for (let seed = 1; seed <= 10; seed++)
    out.push({ name: `autonomous/${seed}`, scenario: () => dq, seed, mode: 'autonomous' });
  for (let seed = 1; seed <= 3; seed++)
    out.push({
      name: `autonomous-30d/${seed}`,
      scenario: () => withDuration(dq, days(30)),
      seed,
      mode: 'autonomous',
    });
  out.push({ name: 'mixed-30h', scenario: () => dq, seed: 1, mode: 'mixed', scriptUntil: hours(30) });
  for (const variant of ['no-crew-exchange-demand', 'trabe-sincere', 'no-technology-principle']) {
    const v = resolveScenario('delta-quadrant', { variant });
    out.push({ name: `${variant}/1`, scenario: () => v, seed: 1, mode: 'autonomous' });
  }
  for (const factions of [12, 40]) {
    out.push({
      name: `generated-${factions}/1`,
      scenario: () => withDuration(generateScenario({ factions, seed: 1 }), days(20)),
      seed: 1,
      mode: 'autonomous',
    });
  }
  return out;
}

const results: Record<string, { hash: string; events: number; engineHash: string }> = {};
for (const c of cases()) {
  const r = runScenario(c.scenario(), {
    seed: c.seed,
    mode: c.mode,
    ...(c.scriptUntil !== undefined ? { scriptUntil: c.scriptUntil } : {}),
  });
  results[c.name] = { hash: frozenHash(r.events), events: r.events.length, engineHash: r.hash };
}

// The binary's own hash (`alliances run --no-store --json`) of the delta-quadrant cases.
if (process.argv.includes('--cli')) {
  const main = new URL('../src/cli/main.js', import.meta.url).pathname;
  for (const [name, r] of Object.entries(results)) {
    const m = /^(scripted|autonomous)(?:\/(\d+))?$/.exec(name);
    if (!m) continue;
    const args = ['run', '--no-store', '--json', '--mode', m[1]!, ...(m[2] ? ['--seed', m[2]] : [])];
    const out = JSON.parse(
      execFileSync(process.execPath, [main, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 }),
    ) as {
      hash: string;
    };
    if (out.hash !== r.hash) r.engineHash = `cli:${out.hash}`;
  }
}

const check = process.argv.indexOf('--check');
if (check >= 0) {
  const reference = JSON.parse(readFileSync(process.argv[check + 1]!, 'utf8')) as typeof results;
  let bad = 0;
  for (const [name, r] of Object.entries(results)) {
    const ref = reference[name];
    const same = ref !== undefined && ref.hash === r.hash && r.engineHash === r.hash;
    if (!same) bad++;
    process.stdout.write(`${same ? 'same' : 'DIFF'}  ${name}  ${r.events} events  ${r.hash.slice(0, 16)}\n`);
  }
  process.stdout.write(bad === 0 ? 'all logs identical\n' : `${bad} logs differ\n`);
  process.exit(bad === 0 ? 0 : 1);
} else {
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}
