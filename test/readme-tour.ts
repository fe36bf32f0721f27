/**
 * Runs the `$ alliances …` commands of a Markdown page, in order, from the repository root with a
 * fresh database, and compares what they print with what the page shows. The page's conventions:
 *
 * - a fenced block holds commands (`$ …`), each followed by what it prints;
 * - a line `…` stands for any number of lines; text before and after a `…` inside a line must
 *   appear in that order in the printed line (a line shown cut short ends with `…`);
 * - an answer typed at a prompt (`… > 2`) is given to the command on its standard input;
 * - `echo $?` prints the exit code of the command before it;
 * - timings (`0.223 s`, `"seconds": 0.223`) are not compared.
 *
 * Commands that measure the machine (benchmarks) or take minutes are listed by the caller as
 * skipped; they still appear in the page, so the list says what is not checked.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { binary, projectRoot, tempDir } from './cli-harness.js';

export interface TourStep {
  readonly command: string;
  readonly expected: readonly string[];
  /** Where the command is shown: the page and its line. */
  readonly where: string;
}

/** The commands of a page and what each is shown to print, in page order. */
export function tourOf(page: string): TourStep[] {
  const lines = readFileSync(join(projectRoot, page), 'utf8').split('\n');
  const steps: { command: string; expected: string[]; where: string }[] = [];
  let inBlock = false;
  let current: { command: string; expected: string[]; where: string } | null = null;
  lines.forEach((line, i) => {
    if (/^```/.test(line)) {
      inBlock = !inBlock;
      current = null;
      return;
    }
    if (!inBlock) return;
    const command = /^\$ (.*)$/.exec(line);
    if (command) {
      current = { command: command[1]!, expected: [], where: `${page}:${i + 1}` };
      steps.push(current);
    } else if (current) current.expected.push(line);
  });
  // A blank line before the next command separates; it is not printed.
  for (const step of steps) while (step.expected.at(-1)?.trim() === '') step.expected.pop();
  return steps.filter((s) => /^(alliances |echo \$\?)/.test(s.command));
}

/** Timings vary from run to run and machine to machine: they are not compared. */
const normalise = (line: string) =>
  line
    .trimEnd()
    .replace(/\d+(\.\d+)? s\b/g, 'N s')
    .replace(/"seconds": [\d.]+/g, '"seconds": N');

/** Whether `actual` is the line `expected` shows (pieces around `…` in order, the first a prefix). */
function lineMatches(expected: string, actual: string): boolean {
  const e = normalise(expected);
  const a = normalise(actual);
  if (!e.includes('…')) return e === a;
  const pieces = e.split('…');
  if (!a.startsWith(pieces[0]!)) return false;
  let at = pieces[0]!.length;
  for (const piece of pieces.slice(1)) {
    const found = a.indexOf(piece, at);
    if (found < 0) return false;
    at = found + piece.length;
  }
  return true;
}

/** The first line of `expected` not found where it should be in `actual`, or null when all are. */
export function firstMismatch(expected: readonly string[], actual: readonly string[]): string | null {
  let a = 0;
  let gap = false;
  for (const line of expected) {
    if (line.trim() === '…') {
      gap = true;
      continue;
    }
    if (gap) {
      while (a < actual.length && !lineMatches(line, actual[a]!)) a++;
      if (a === actual.length) return line;
    } else if (a >= actual.length || !lineMatches(line, actual[a]!)) {
      return line;
    }
    a++;
    gap = false;
  }
  return null;
}

export interface TourResult {
  readonly step: TourStep;
  readonly output: string[];
  readonly mismatch: string | null;
}

/**
 * Runs the steps in one shell, in order, from the repository root, with `alliances` the built
 * binary and a fresh database; returns each step's output and its first mismatch.
 */
export function runTour(steps: readonly TourStep[], skip: (command: string) => boolean): TourResult[] {
  const dir = tempDir('alliances-tour-');
  const marker = '@@@tour-step';
  const script = [`alliances() { "${process.execPath}" "${binary}" "$@"; }`, '__s=0'];
  steps.forEach((step, i) => {
    if (skip(step.command)) return;
    // Answers typed at prompts are given on standard input.
    const answers = step.expected.flatMap((l) => {
      const m = /\] > (.*)$/.exec(l);
      return m ? [m[1]!] : [];
    });
    const command = step.command.replace(/\$\?/g, '$__s').replace(/ > ([\w.-]+)(\s*#.*)?$/, ` > "${dir}/$1"`);
    const input = answers.length > 0 ? `printf '%s\\n' ${answers.map((x) => `'${x}'`).join(' ')} | ` : '';
    // A group, so that a pipeline's standard input and error are the group's.
    script.push(
      `echo "${marker} ${i}"`,
      `${input}{ ${command}\n} 2>&1${input ? '' : ' < /dev/null'}`,
      '__s=$?',
    );
  });
  const result = spawnSync('bash', ['-c', script.join('\n')], {
    cwd: projectRoot,
    env: { ...process.env, ALLIANCES_DB: join(dir, 'alliances.db'), CI: 'true', NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const outputs = new Map<number, string[]>();
  let at = -1;
  for (const line of result.stdout.split('\n')) {
    const m = new RegExp(`^${marker} (\\d+)$`).exec(line);
    if (m) {
      at = Number(m[1]);
      outputs.set(at, []);
    } else if (at >= 0) outputs.get(at)!.push(line);
  }
  return steps.flatMap((step, i) => {
    const output = outputs.get(i);
    if (!output) return [];
    return [{ step, output, mismatch: firstMismatch(step.expected, output) }];
  });
}
