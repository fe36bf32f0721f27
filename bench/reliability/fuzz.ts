/**
 * Fuzzing the scenario loader: many mutated scenarios (./mutate.ts) from the built-in scenario and
 * a generated one, each loaded with every variant checked (and, when it loads, its world built).
 * A case ends in one of: loaded; refused with an InputError whose every problem is located (file,
 * line, column); refused with a problem that is not located; or an uncaught exception (anything
 * but an InputError). The goal is none of the last two, and `Object.prototype` untouched.
 *
 * Cases are independent and seeded by their index, so any failure is replayed by its number
 * (`fuzzCase(seed, index)`), and the cases can be spread over worker threads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { InputError } from '../../src/common/errors.js';
import { createRng } from '../../src/common/random.js';
import { createWorkerPool, defaultPoolSize } from '../../src/runner/worker-pool.js';
import { buildWorld } from '../../src/engine/initial-world.js';
import { worldViolations } from '../../src/model/invariants.js';
import { builtinScenarioDir } from '../../src/runner/builtin-scenarios.js';
import { generateScenarioInput } from '../../src/scenario/generate.js';
import { loadScenario } from '../../src/scenario/loader.js';
import { type Base, mutant } from './mutate.js';

/** The scenarios mutants are made from: the built-in scenario and a small generated world. */
export function fuzzBases(): Base[] {
  const builtin = readFileSync(join(builtinScenarioDir(), 'delta-quadrant.yaml'), 'utf8');
  const generated = stringify(generateScenarioInput({ factions: 9, days: 10, seed: 1 }));
  return [
    { name: 'delta-quadrant', text: builtin, value: parse(builtin) as unknown },
    { name: 'generated', text: generated, value: parse(generated) as unknown },
  ];
}

export type CaseOutcome = 'loaded' | 'refused' | 'unlocated' | 'uncaught';

export interface CaseResult {
  readonly index: number;
  readonly outcome: CaseOutcome;
  /** Problems reported (refused cases). */
  readonly problems: number;
  /** For `unlocated` and `uncaught`: what was thrown or reported. */
  readonly detail?: string;
}

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).join(',');
const cleanPrototype = prototypeKeys();

/** Case `index` of the fuzz run seeded `seed`. */
export function fuzzCase(seed: number, index: number, bases: readonly Base[]): CaseResult {
  const rng = createRng(`fuzz/${seed}/${index}`);
  const base = bases[index % bases.length]!;
  const { text, file } = mutant(rng, base);
  let result: CaseResult;
  try {
    const scenario = loadScenario(text, file, { checkVariants: true });
    const violations = worldViolations(buildWorld(scenario.spec));
    result =
      violations.length === 0
        ? { index, outcome: 'loaded', problems: 0 }
        : { index, outcome: 'uncaught', problems: 0, detail: `loaded an unsound world: ${violations[0]}` };
  } catch (err) {
    if (err instanceof InputError) {
      const unlocated = err.problems.find(
        (p) =>
          p.file !== file ||
          !(p.line !== undefined && p.line >= 1) ||
          !(p.column !== undefined && p.column >= 1),
      );
      result = unlocated
        ? { index, outcome: 'unlocated', problems: err.problems.length, detail: JSON.stringify(unlocated) }
        : { index, outcome: 'refused', problems: err.problems.length };
    } else {
      const e = err as Error;
      result = {
        index,
        outcome: 'uncaught',
        problems: 0,
        detail: `${e?.name}: ${e?.message}\n${(e?.stack ?? '').split('\n').slice(1, 4).join('\n')}`,
      };
    }
  }
  if (prototypeKeys() !== cleanPrototype || ({} as Record<string, unknown>).polluted !== undefined) {
    return { index, outcome: 'uncaught', problems: 0, detail: 'Object.prototype was changed' };
  }
  return result;
}

export interface FuzzReport {
  readonly seed: number;
  readonly cases: number;
  readonly loaded: number;
  readonly refused: number;
  readonly unlocated: number;
  readonly uncaught: number;
  /** Problems reported by the refused cases, in all. */
  readonly problems: number;
  readonly seconds: number;
  readonly threads: number;
  /** Up to ten failing cases (unlocated or uncaught), to replay by index. */
  readonly failures: readonly CaseResult[];
}

export interface FuzzOptions {
  readonly cases: number;
  readonly seed?: number;
  /** Worker threads (default: every core; 1 runs on this thread). */
  readonly threads?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Cases per task sent to a worker. */
const BATCH = 250;

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const seed = options.seed ?? 1;
  const threads = Math.max(1, Math.min(options.threads ?? defaultPoolSize(), defaultPoolSize()));
  const start = performance.now();
  const results: CaseResult[][] = [];
  const ranges: [number, number][] = [];
  for (let from = 0; from < options.cases; from += BATCH)
    ranges.push([from, Math.min(options.cases, from + BATCH)]);
  let done = 0;
  if (threads === 1) {
    const bases = fuzzBases();
    for (const [from, to] of ranges) {
      const batch: CaseResult[] = [];
      for (let i = from; i < to; i++) batch.push(fuzzCase(seed, i, bases));
      results.push(batch);
      done += batch.length;
      options.onProgress?.(done, options.cases);
    }
  } else {
    const pool = createWorkerPool<{ seed: number; from: number; to: number }, CaseResult[]>(
      new URL('./fuzz-worker.js', import.meta.url),
      { size: threads },
    );
    try {
      results.push(
        ...(await Promise.all(
          ranges.map(([from, to]) =>
            pool.run({ seed, from, to }).then((batch) => {
              done += batch.length;
              options.onProgress?.(done, options.cases);
              return batch;
            }),
          ),
        )),
      );
    } finally {
      await pool.close();
    }
  }
  const all = results.flat();
  const count = (o: CaseOutcome) => all.filter((r) => r.outcome === o).length;
  return {
    seed,
    cases: all.length,
    loaded: count('loaded'),
    refused: count('refused'),
    unlocated: count('unlocated'),
    uncaught: count('uncaught'),
    problems: all.reduce((s, r) => s + r.problems, 0),
    seconds: Math.round((performance.now() - start) / 100) / 10,
    threads,
    failures: all.filter((r) => r.outcome === 'unlocated' || r.outcome === 'uncaught').slice(0, 10),
  };
}
