/**
 * `npm run bench [-- NAME…]`: runs the named benchmarks (all when none is named) and prints each
 * one's table. Benchmarks are registered in ./index.ts.
 */
import { installNativeSha256 } from '../src/runner/native-sha256.js';
import { benchmarks } from './index.js';

installNativeSha256();

// `--json` is a flag; any other `--name value` is a numeric parameter (`--runs 50`).
const names: string[] = [];
const params: Record<string, number> = {};
let json = false;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--json') json = true;
  else if (a.startsWith('--')) {
    const value = Number(args[++i]);
    if (!Number.isFinite(value)) {
      process.stderr.write(`${a} needs a number\n`);
      process.exit(2);
    }
    params[a.slice(2)] = value;
  } else names.push(a);
}
const selected = names.length === 0 ? benchmarks : benchmarks.filter((b) => names.includes(b.name));
const unknown = names.filter((n) => !benchmarks.some((b) => b.name === n));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown benchmark ${unknown.join(', ')}; known: ${benchmarks.map((b) => b.name).join(', ')}\n`,
  );
  process.exit(2);
}
for (const bench of selected) {
  if (!json) process.stdout.write(`\n## ${bench.name}: ${bench.title}\n\n`);
  const result = await bench.run({ json, params });
  if (json) process.stdout.write(`${JSON.stringify({ name: bench.name, result })}\n`);
}
