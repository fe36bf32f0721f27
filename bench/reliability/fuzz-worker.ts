/** Worker thread of the loader fuzz: runs the cases of the index ranges it is given (./fuzz.ts). */
import { installNativeSha256 } from '../../src/runner/native-sha256.js';
import { serveTasks } from '../../src/runner/worker-pool.js';
import { type CaseResult, fuzzBases, fuzzCase } from './fuzz.js';

installNativeSha256();
const bases = fuzzBases();

serveTasks<{ seed: number; from: number; to: number }, CaseResult[]>(({ seed, from, to }) => {
  const out: CaseResult[] = [];
  for (let i = from; i < to; i++) out.push(fuzzCase(seed, i, bases));
  return out;
});
