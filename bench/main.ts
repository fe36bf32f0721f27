/**
 * `npm run bench [-- NAME…]`: runs the named benchmarks (all when none is named) and prints each
 * one's table. Benchmarks are registered in ./index.ts.
 */
import { benchmarks } from './index.js';

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const json = process.argv.includes('--json');
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
  const result = await bench.run({ json });
  if (json) process.stdout.write(`${JSON.stringify({ name: bench.name, result })}\n`);
}
