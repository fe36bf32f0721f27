import { describe, expect, it } from 'vitest';
import { TimeLimitError, spend } from '../common/budget.js';
import { createProgress } from './io.js';
import { commandBudget, parseSeconds } from './limits.js';

/** A terminal that keeps what is written to it, and a clock the test moves. */
function fakeTerminal() {
  const written: string[] = [];
  let ms = 0;
  return {
    output: {
      stream: { isTTY: true, write: (s: string) => written.push(s) > 0 },
      now: () => ms,
      env: {},
    },
    written,
    advance: (by: number) => {
      ms += by;
    },
  };
}

describe('progress and time limits of long commands', () => {
  it('draws nothing in the first second, then progress at most ten times a second, and clears it', () => {
    const term = fakeTerminal();
    const budget = commandBudget('analyze csg', 60, term.output);
    budget.progress(1, 10);
    expect(budget.exhausted()).toBe(false);
    expect(term.written).toEqual([]);
    term.advance(1500);
    budget.progress(5, 10);
    expect(term.written).toEqual(['\r\x1b[Kanalyze csg: 50% · 1 s of 60 s (Ctrl-C stops)']);
    budget.progress(6, 10);
    expect(term.written).toHaveLength(1);
    term.advance(200);
    expect(budget.exhausted()).toBe(false);
    expect(term.written).toHaveLength(2);
    budget.done();
    expect(term.written.at(-1)).toBe('\r\x1b[K');
  });

  it('stays silent when piped or under CI', () => {
    const term = fakeTerminal();
    const piped = { ...term.output, stream: { ...term.output.stream, isTTY: false } };
    const ci = { ...term.output, env: { CI: 'true' } };
    for (const output of [piped, ci]) {
      const budget = commandBudget('x', 60, output);
      const progress = createProgress('y', output);
      term.advance(5000);
      budget.progress(1, 2);
      progress.update(1, 2);
      budget.done();
      progress.done();
    }
    expect(term.written).toEqual([]);
  });

  it('names its limit and how to raise it when an exact computation runs out', () => {
    const term = fakeTerminal();
    const budget = commandBudget('analyze power', 2, term.output);
    term.advance(2500);
    expect(() => spend(budget, 'the exact power indices')).toThrow(TimeLimitError);
    expect(() => spend(budget, 'the exact power indices')).toThrow(
      'the exact power indices did not finish within the time limit of 2 s; raise it with --seconds N, or --seconds none for no limit',
    );
    expect(budget.stopped).toBe(true);
  });

  it('reads --seconds as a number or "none"', () => {
    expect(parseSeconds(undefined, 60)).toBe(60);
    expect(parseSeconds('2.5', 60)).toBe(2.5);
    expect(parseSeconds('none', 60)).toBe(Number.POSITIVE_INFINITY);
    expect(() => parseSeconds('-1', 60)).toThrow('expected a number of seconds ≥ 0 or "none"');
  });
});
