/** Helpers for tests of input parsers: the rendered problems of an InputError, and fuzzing. */
import fc from 'fast-check';
import { expect } from 'vitest';
import { InputError, renderProblem } from '../src/common/errors.js';

/** The `file:line:col path: message (hint)` lines of the InputError that `parse` throws. */
export function renderedProblems(parse: () => unknown): string[] {
  try {
    parse();
  } catch (err) {
    if (err instanceof InputError) return err.problems.map(renderProblem);
    throw err;
  }
  throw new Error('expected an InputError');
}

/** Runs `parse` on arbitrary inputs: it may succeed or throw an InputError, nothing else. */
export function expectOnlyInputErrors<T>(
  inputs: fc.Arbitrary<T>,
  parse: (input: T) => unknown,
  numRuns = 300,
): void {
  fc.assert(
    fc.property(inputs, (input) => {
      try {
        parse(input);
      } catch (err) {
        expect(err).toBeInstanceOf(InputError);
      }
    }),
    { numRuns },
  );
}
