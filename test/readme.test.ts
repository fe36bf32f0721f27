/**
 * The README and docs/leaders.md can be followed to the letter: their commands, run in order from
 * the repository root on a fresh database, print what the pages show (hashes, counts, run ids).
 * See ./readme-tour.ts for the conventions of the pages.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectRoot, tempDir } from './cli-harness.js';
import { firstMismatch, runTour, tourOf } from './readme-tour.js';

/**
 * A tour runs several minutes of commands in order (two fidelity reports among them); the limit only
 * keeps a hung command from blocking the suite, on a machine shared with other work.
 */
const TOUR_TIMEOUT = 900_000;

/** Commands not run here: they measure the machine, or take minutes (their figures are in BENCHMARKS.md). */
const skipped = (command: string) =>
  /^alliances bench\b/.test(command) ||
  /--benchmark deu3/.test(command) ||
  /^alliances analyze maxcut .*--seconds 10/.test(command);

function check(page: string) {
  const results = runTour(tourOf(page), skipped);
  const failures = results
    .filter((r) => r.mismatch !== null)
    .map(
      (r) =>
        `${r.step.where} $ ${r.step.command}\n  shown:   ${r.mismatch}\n  printed: ${r.output.slice(0, 12).join('\n           ')}`,
    );
  expect(failures).toEqual([]);
  return results;
}

describe('comparing what a page shows with what a command prints', () => {
  it('matches lines exactly, "…" for any lines, pieces around "…" in order, timings aside', () => {
    const printed = ['Run 1: hash abc', 'a', 'b', 'solved in 0.003 s (bnb)', 'Run 2: hash def'];
    expect(firstMismatch(['Run 1: hash abc', '…', 'solved in 0.250 s (bnb)'], printed)).toBeNull();
    expect(firstMismatch(['Run 1: …', 'a', '…', 'Run 2: hash def'], printed)).toBeNull();
    expect(firstMismatch(['Run 1: hash abd'], printed)).toBe('Run 1: hash abd');
    expect(firstMismatch(['Run 1: hash abc', 'b'], printed)).toBe('b');
    expect(firstMismatch(['…', 'Run 3: hash def'], printed)).toBe('Run 3: hash def');
  });
});

describe('the pages can be followed to the letter', () => {
  for (const [page, least] of [
    ['README.md', 15],
    ['docs/leaders.md', 4],
  ] as const) {
    it(
      `${page}: every command prints what the page shows`,
      () => expect(check(page).length).toBeGreaterThan(least),
      TOUR_TIMEOUT,
    );
  }

  it('README.md: the library example reproduces the run of `alliances run --seed 7`', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Using the library'));
    const code = /```ts\n([\s\S]*?)```/.exec(section)![1]!;
    const entry = pathToFileURL(join(projectRoot, 'dist', 'src', 'index.js')).href;
    const file = join(tempDir(), 'example.mjs');
    writeFileSync(file, `${code.replace("from 'alliances'", `from '${entry}'`)}\nconsole.log(hash);\n`);
    const run = spawnSync(process.execPath, [file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    // The hash the README shows for `alliances run --json --seed 7` (checked against the CLI above).
    const shown = /alliances run --json --seed 7[\s\S]*?"hash": "([0-9a-f]{64})"/.exec(readme)![1];
    expect(run.stdout.trim()).toBe(shown);
  });
});
