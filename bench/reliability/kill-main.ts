/**
 * `npm run kill-test [-- --kills N] [--seed S]`: the kill test (./kill.ts), 100 SIGKILLs by default;
 * exit 1 when a tick was half written, a run differs from its simulation, or `db check` fails.
 */
import { loadavg } from 'node:os';
import { installNativeSha256 } from '../../src/runner/native-sha256.js';
import { runKillTest } from './kill.js';

installNativeSha256();

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isSafeInteger(value) || value < 1) {
    process.stderr.write(`--${name} needs a positive integer\n`);
    process.exit(2);
  }
  return value;
};

const report = await runKillTest({
  kills: option('kills', 100),
  seed: option('seed', 1),
  onProgress: (done, total) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[Kkill test: ${done}/${total}`);
  },
});
if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
const r = report;
process.stdout.write(
  [
    `Kill test: ${r.kills} SIGKILLs at random moments of stored autonomous runs (a generated world of 30 factions over 20 days; one run takes ${r.runMs} ms unkilled) in ${r.seconds} s`,
    `  kills before a run was stored ${String(r.beforeStore).padStart(4)}`,
    `  kills of a process with a run ${String(r.killedWithRun).padStart(4)}`,
    `  runs that finished first      ${String(r.finishedFirst).padStart(4)}`,
    `  runs in the database          ${String(r.runs).padStart(4)}  (${r.complete} complete, ${r.incomplete} incomplete)`,
    `  half-written ticks            ${String(r.halfWrittenTicks).padStart(4)}`,
    `  runs unlike their simulation  ${String(r.differing).padStart(4)}`,
    `  db check                      ${r.check.ok ? '  ok' : `FAILED: ${r.check.problems.join('; ')}`} (${r.check.events} events)`,
    `node ${process.version}; load average ${loadavg()[0]!.toFixed(2)}`,
    '',
  ].join('\n'),
);
process.exitCode = r.halfWrittenTicks === 0 && r.differing === 0 && r.check.ok ? 0 : 1;
