/** `alliances analyze landscape FILE` and `alliances analyze maxcut GRAPH`. */
import type { Command } from 'commander';
import { parseGset } from '../../analysis/landscape/gset.js';
import {
  type Alignment,
  allConfigurations,
  DEFAULT_EXACT_LIMIT,
  type LandscapeInstance,
  MAX_BLOCS,
  MAX_ENUMERATED_ACTORS,
  predictAlignment,
} from '../../analysis/landscape/landscape.js';
import { parseLandscape } from '../../analysis/landscape/landscape-input.js';
import { solveMaxCut } from '../../analysis/landscape/max-cut.js';
import { wallClockBudget } from '../../common/budget.js';
import { InputError, must } from '../../common/errors.js';
import { createProgress, parseIntegerOption, parseNumberOption, printJson, readInputFile } from '../io.js';
import { commandBudget, DEFAULT_SECONDS, parseSeconds, RAISE_SECONDS, secondsHelp } from '../limits.js';
import { formatNumber, table } from './format.js';

interface LandscapeOptions {
  json?: boolean;
  all?: boolean;
  localMinima?: boolean;
  blocs: string;
  exactLimit: string;
  seconds?: string;
  seed: string;
}

export function registerAnalyzeLandscape(analyze: Command): void {
  analyze
    .command('landscape')
    .description(
      'alignment by landscape theory (Axelrod & Bennett 1993): the configuration of minimum energy ' +
        'E = Σ_{i≠j} s_i s_j p_ij d_ij, exact by branch and bound up to --exact-limit actors',
    )
    .argument('<file>', 'YAML or JSON file: actors [{name, size}] and propensities [[a, b, p]] or a matrix')
    .option('--json', 'print JSON')
    .option('--all', `list every two-bloc configuration (at most ${MAX_ENUMERATED_ACTORS} actors)`)
    .option('--local-minima', "list only the local minima (the theory's predictions)")
    .option('--blocs <k>', 'number of blocs (k ≥ 2; more than two is solved exactly, for small n)', '2')
    .option(
      '--exact-limit <n>',
      'largest number of actors solved exactly (45 take under a second on random landscapes); the tabu search beyond',
      String(DEFAULT_EXACT_LIMIT),
    )
    .option(
      '--seconds <s>',
      `${secondsHelp('the exact search')}; when it runs out, the best configuration found is reported, marked as such (the heuristic beyond --exact-limit runs a fixed amount of work unless --seconds is given)`,
    )
    .option('--seed <n>', 'seed of the heuristic', '1')
    .addHelpText(
      'after',
      `
Limits: --all and --local-minima list at most ${MAX_ENUMERATED_ACTORS} actors (2^(n−1) configurations); --blocs at most
${MAX_BLOCS}. The exact search is exponential: two blocs of 45 random actors take about a second, more blocs
far longer (the time limit then reports the best configuration found).`,
    )
    .action((file: string, opts: LandscapeOptions) => {
      const blocs = parseIntegerOption('--blocs', opts.blocs, 2);
      if (blocs > MAX_BLOCS) {
        throw new InputError([
          { code: 'invalid-option', path: '--blocs', message: `at most ${MAX_BLOCS} blocs, got ${blocs}` },
        ]);
      }
      const exactLimit = parseIntegerOption('--exact-limit', opts.exactLimit, 0);
      const seed = parseIntegerOption('--seed', opts.seed, 0);
      const seconds = parseSeconds(opts.seconds, DEFAULT_SECONDS);
      const instance = parseLandscape(readInputFile(file), file);
      const n = instance.names.length;
      if (opts.all || opts.localMinima) {
        if (n > MAX_ENUMERATED_ACTORS) {
          throw new InputError([
            {
              code: 'too-large',
              file,
              path: 'actors',
              message: `listing configurations needs at most ${MAX_ENUMERATED_ACTORS} actors; this file has ${n}`,
              hint: 'drop --all/--local-minima to get the minimum-energy configuration',
            },
          ]);
        }
        if (blocs !== 2) {
          throw new InputError([
            {
              code: 'invalid-option',
              path: '--blocs',
              message: '--all and --local-minima list two-bloc configurations only',
            },
          ]);
        }
        printConfigurations(instance, opts.localMinima === true, opts.json === true);
        return;
      }
      // Beyond the exact limit (two blocs), the heuristic does a fixed amount of work unless timed.
      const heuristic = blocs === 2 && n > exactLimit;
      const budget =
        heuristic && opts.seconds === undefined ? undefined : commandBudget('analyze landscape', seconds);
      let alignment: Alignment;
      try {
        alignment = predictAlignment(instance, { blocs, exactLimit, budget, seed });
      } finally {
        budget?.done();
      }
      const stoppedAt = !heuristic && budget?.stopped ? seconds : undefined;
      if (opts.json)
        printJson({ ...alignmentJson(instance, alignment), ...(stoppedAt ? { stoppedAt } : {}) });
      else printAlignment(instance, alignment, blocs, stoppedAt);
    });
}

/** The name of actor `i` (solvers number the actors in the instance's order). */
const actorName = (instance: LandscapeInstance, i: number) => must(instance.names[i], () => `actor ${i}`);

function namesOf(instance: LandscapeInstance, blocs: number[][]): string[][] {
  return blocs.map((b) => b.map((i) => actorName(instance, i)));
}

/** Each actor's value in a list of one per actor. */
const perActor = (list: ArrayLike<number>, i: number) => must(list[i], () => `the value of actor ${i}`);

function frustrationJson(instance: LandscapeInstance, f: Float64Array): Record<string, number> {
  // Own properties whatever the actors are called (an actor may be named `__proto__`).
  return Object.fromEntries(instance.names.map((name, i) => [name, perActor(f, i)]));
}

function alignmentJson(instance: LandscapeInstance, a: Alignment): Record<string, unknown> {
  return {
    energy: a.energy,
    sides: namesOf(instance, a.blocs),
    frustration: frustrationJson(instance, a.frustration),
    exact: a.exact,
  };
}

function printAlignment(instance: LandscapeInstance, a: Alignment, k: number, stoppedAt?: number): void {
  const lines: string[] = [];
  const how = a.exact
    ? 'exact minimum'
    : stoppedAt !== undefined
      ? `best found, not proven minimal: the exact search stopped at its time limit of ${stoppedAt} s (${RAISE_SECONDS})`
      : 'best found (heuristic, not proven minimal)';
  lines.push(`${instance.names.length} actors, ${k === 2 ? 'two blocs' : `at most ${k} blocs`}: ${how}`);
  lines.push(`energy E = ${formatNumber(a.energy)}`);
  namesOf(instance, a.blocs).forEach((names, b) => {
    lines.push(`bloc ${b + 1}: ${names.length > 0 ? names.join(', ') : '(empty)'}`);
  });
  lines.push('');
  lines.push(
    table(
      ['actor', 'bloc', 'frustration'],
      instance.names.map((name, i) => [
        name,
        String(perActor(a.configuration, i) + 1),
        formatNumber(perActor(a.frustration, i)),
      ]),
      ['left', 'right', 'right'],
    ),
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printConfigurations(instance: LandscapeInstance, onlyMinima: boolean, json: boolean): void {
  const list = allConfigurations(instance, onlyMinima);
  if (json) {
    printJson({
      configurations: list.map((c) => ({
        sides: namesOf(instance, c.blocs),
        energy: c.energy,
        frustration: frustrationJson(instance, c.frustration),
        localMinimum: c.localMinimum,
      })),
    });
    return;
  }
  const what = onlyMinima ? 'local minima' : 'configurations';
  process.stdout.write(`${list.length} ${what}, by increasing energy (* local minimum)\n\n`);
  process.stdout.write(
    `${table(
      ['energy', 'min', 'bloc 1', 'bloc 2'],
      list.map((c) => {
        // Two blocs: an empty one is still listed.
        const [a = [], b = []] = namesOf(instance, c.blocs);
        return [
          formatNumber(c.energy),
          c.localMinimum ? '*' : '',
          a.join(', '),
          b.length > 0 ? b.join(', ') : '(empty)',
        ];
      }),
      ['right', 'left', 'left', 'left'],
    )}\n`,
  );
}

interface MaxCutOptions {
  json?: boolean;
  seconds: string;
  seed: string;
  algorithm: string;
  target?: string;
}

export function registerAnalyzeMaxCut(analyze: Command): void {
  analyze
    .command('maxcut')
    .description('weighted Max-Cut of a G-set graph by tabu search (or Breakout Local Search), anytime')
    .argument('<graph>', 'G-set file: "n m", then "u v w" per edge (1-based vertices)')
    .option('--json', 'print JSON')
    .option('--seconds <s>', 'time limit', '10')
    .option('--seed <n>', 'seed', '1')
    .option('--algorithm <name>', 'tabu (default) or breakout', 'tabu')
    .option('--target <cut>', 'stop as soon as a cut of this weight is found')
    .action((file: string, opts: MaxCutOptions) => {
      const seconds = parseNumberOption('--seconds', opts.seconds, 0);
      const seed = parseIntegerOption('--seed', opts.seed, 0);
      const target = opts.target === undefined ? undefined : parseNumberOption('--target', opts.target);
      if (opts.algorithm !== 'tabu' && opts.algorithm !== 'breakout') {
        throw new InputError([
          {
            code: 'invalid-option',
            path: '--algorithm',
            message: `unknown algorithm "${opts.algorithm}"`,
            hint: 'valid: "tabu", "breakout"',
          },
        ]);
      }
      const graph = parseGset(readInputFile(file), file);
      const progress = createProgress('max-cut');
      const result = solveMaxCut(graph, {
        algorithm: opts.algorithm,
        seed,
        budget: wallClockBudget(seconds),
        target,
        onImprove: (cut, elapsed) => progress.update(Math.min(elapsed, seconds), seconds, `best cut ${cut}`),
      });
      progress.done();
      const out = {
        cut: result.cut,
        seconds: round3(result.secondsToBest),
        nodes: graph.nodes,
        edges: graph.edgeCount,
      };
      if (opts.json) printJson(out);
      else {
        process.stdout.write(
          `cut ${formatNumber(out.cut)} found after ${out.seconds} s (${opts.algorithm}, seed ${seed}, ${seconds} s budget)\n` +
            `graph: ${out.nodes} nodes, ${out.edges} edges\n`,
        );
      }
    });
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
