/** Worker thread of the loader fuzz: runs the cases of the index ranges it is given (./fuzz.ts). */
import { serveTasks } from '../../src/common/worker-pool.js';
import { type CaseResult, fuzzBases, fuzzCase } from './fuzz.js';

const bases = fuzzBases();

serveTasks<{ seed: number; from: number; to: number }, CaseResult[]>(({ seed, from, to }) => {
  const out: CaseResult[] = [];
  for (let i = from; i < to; i++) out.push(fuzzCase(seed, i, bases));
  return out;
});
