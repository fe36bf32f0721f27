/**
 * `npm run fuzz [-- --cases N] [--seed S] [--threads T]`: the loader fuzz (./fuzz.ts), 100,000
 * mutated scenarios by default, with progress and a summary; exit 1 when any case was uncaught or
 * refused without a location.
 */
import { availableParallelism, loadavg } from 'node:os';
import { installNativeSha256 } from '../../src/runner/native-sha256.js';
import { runFuzz } from './fuzz.js';

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

const cases = option('cases', 100_000);
const seed = option('seed', 1);
const threads = option('threads', availableParallelism());
let last = 0;
const report = await runFuzz({
  cases,
  seed,
  threads,
  onProgress: (done, total) => {
    if (process.stderr.isTTY && performance.now() - last > 500) {
      last = performance.now();
      process.stderr.write(`\r\x1b[Kfuzz: ${done}/${total}`);
    }
  },
});
if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
const pct = (n: number) => `${((100 * n) / report.cases).toFixed(1)}%`;
process.stdout.write(
  [
    `Loader fuzz, seed ${report.seed}: ${report.cases.toLocaleString('en-US')} mutated scenarios (delta-quadrant and a generated world) in ${report.seconds} s on ${report.threads} threads`,
    `  loaded            ${report.loaded.toLocaleString('en-US').padStart(9)}  ${pct(report.loaded)}`,
    `  refused, located  ${report.refused.toLocaleString('en-US').padStart(9)}  ${pct(report.refused)}  (${report.problems.toLocaleString('en-US')} problems, every one with file:line:column)`,
    `  refused, unlocated${report.unlocated.toLocaleString('en-US').padStart(9)}`,
    `  uncaught          ${report.uncaught.toLocaleString('en-US').padStart(9)}`,
    `node ${process.version}; load average ${loadavg()[0]!.toFixed(2)}`,
    ...report.failures.map((f) => `case ${f.index} (${f.outcome}): ${f.detail}`),
    '',
  ].join('\n'),
);
process.exitCode = report.uncaught + report.unlocated === 0 ? 0 : 1;
