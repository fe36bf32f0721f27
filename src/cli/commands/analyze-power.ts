/** `alliances analyze power FILE`: power indices of simple games, or the Shapley value of a TU game. */
import type { Command } from 'commander';
import { parseCoalitionValues } from '../../analysis/coalitions/coalition-values.js';
import { type Fraction, fractionText, fractionValue } from '../../analysis/power/fraction.js';
import { parseVotingGame } from '../../analysis/power/power-input.js';
import {
  MAX_EXACT_SHAPLEY_PLAYERS,
  type ShapleyEstimate,
  shapleyValue,
} from '../../analysis/power/shapley-value.js';
import {
  MAX_GENERATING_TABLE,
  MAX_SIMPLE_GAME_PLAYERS,
  MAX_WEIGHTED_GAME_PLAYERS,
  type PlayerPower,
  type PowerIndex,
  simpleGamePower,
  weightedGamePower,
} from '../../analysis/power/voting-power.js';
import { InputError, must } from '../../common/errors.js';
import { parseIntegerOption, printJson, readInputFile } from '../io.js';
import { commandBudget, DEFAULT_SECONDS, parseSeconds, secondsHelp } from '../limits.js';
import { formatNumber, table } from './format.js';

interface PowerOptions {
  json?: boolean;
  index: string;
  exactLimit: string;
  samples: string;
  seed: string;
  seconds?: string;
}

const INDICES: readonly PowerIndex[] = ['shapley-shubik', 'banzhaf', 'both'];

export function registerAnalyzePower(analyze: Command): void {
  analyze
    .command('power')
    .description(
      'exact Shapley–Shubik and Banzhaf indices of a weighted voting game or a game given by its minimal ' +
        'winning coalitions; or the Shapley value of a TU game given as one value per coalition',
    )
    .argument(
      '<file>',
      'YAML/JSON game {quota, players: [{name, weight}]} or {players, minimalWinningCoalitions}; or a coalition-value file',
    )
    .option('--json', 'print JSON')
    .option('--index <name>', 'shapley-shubik, banzhaf or both', 'both')
    .option(
      '--exact-limit <n>',
      `TU games: largest n computed exactly (at most ${MAX_EXACT_SHAPLEY_PLAYERS})`,
      String(MAX_EXACT_SHAPLEY_PLAYERS),
    )
    .option('--samples <m>', 'TU games beyond the exact limit: random orders to sample', '10000')
    .option('--seed <n>', 'seed of the sampling', '1')
    .option(
      '--seconds <s>',
      `${secondsHelp('the computation')}: exact indices stop with an error, sampling with the orders drawn so far`,
    )
    .addHelpText(
      'after',
      `
Limits: a weighted game has at most ${MAX_WEIGHTED_GAME_PLAYERS} players and a generating table of at most
${MAX_GENERATING_TABLE.toLocaleString('en-US')} entries ((players + 1) × quota, after dividing by the weights' common divisor);
a game given by minimal winning coalitions at most ${MAX_SIMPLE_GAME_PLAYERS} players; a TU game's exact Shapley value
at most ${MAX_EXACT_SHAPLEY_PLAYERS} players (sampled beyond). 200 players with weights up to 100 take a few seconds.`,
    )
    .action(powerCommand);
}

/** Power indices of the game in `file`, or the Shapley value of the TU game in it. */
function powerCommand(file: string, opts: PowerOptions): void {
  const index = INDICES.find((i) => i === opts.index);
  if (index === undefined) {
    throw new InputError([
      {
        code: 'invalid-option',
        path: '--index',
        message: `unknown index "${opts.index}"`,
        hint: 'valid: "shapley-shubik", "banzhaf", "both"',
      },
    ]);
  }
  const seconds = parseSeconds(opts.seconds, DEFAULT_SECONDS);
  const text = readInputFile(file);
  if (looksLikeCoalitionValues(text)) {
    const input = parseCoalitionValues(text, file);
    const budget = commandBudget('analyze power', seconds);
    const estimate = shapleyValue(input.values, input.agents, {
      exactLimit: parseIntegerOption('--exact-limit', opts.exactLimit, 0),
      samples: parseIntegerOption('--samples', opts.samples, 2),
      seed: parseIntegerOption('--seed', opts.seed, 0),
      budget,
    });
    budget.done();
    if (opts.json) printJson(shapleyJson(estimate));
    else printShapley(estimate);
    return;
  }
  const game = parseVotingGame(text, file);
  const budget = commandBudget('analyze power', seconds);
  let players: PlayerPower[];
  try {
    players =
      game.kind === 'weighted'
        ? weightedGamePower(game.game, index, budget)
        : simpleGamePower(game.game, index, budget);
  } finally {
    budget.done();
  }
  if (opts.json) printJson({ players: players.map(playerJson) });
  else
    printPower(
      players,
      index,
      game.kind === 'weighted' ? `weighted voting game, quota ${game.game.quota}` : 'simple game',
    );
}

/** A coalition-value file starts with a number; a game file with a key or a brace. */
function looksLikeCoalitionValues(text: string): boolean {
  const m = /\S/.exec(text);
  return m !== null && /[-+.\d]/.test(m[0]);
}

function fractionJson(f: Fraction): { exact: string; value: number } {
  return { exact: fractionText(f), value: fractionValue(f) };
}

/** Swing counts as JSON numbers while exact, as strings beyond 2^53. */
function bigJson(x: bigint): number | string {
  return x <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(x) : x.toString();
}

function playerJson(p: PlayerPower): unknown {
  return {
    name: p.name,
    ...(p.shapleyShubik ? { shapleyShubik: fractionJson(p.shapleyShubik) } : {}),
    ...(p.banzhaf
      ? {
          banzhaf: {
            swings: bigJson(p.banzhaf.swings),
            absolute: fractionJson(p.banzhaf.absolute),
            normalized: fractionJson(p.banzhaf.normalized),
          },
        }
      : {}),
  };
}

function printPower(players: readonly PlayerPower[], index: PowerIndex, what: string): void {
  const header = ['player'];
  const align: ('left' | 'right')[] = ['left'];
  if (index !== 'banzhaf') {
    header.push('Shapley–Shubik', 'exact');
    align.push('right', 'right');
  }
  if (index !== 'shapley-shubik') {
    header.push('swings', 'Banzhaf (norm.)', 'Penrose (abs.)', 'exact (norm.)');
    align.push('right', 'right', 'right', 'right');
  }
  const rows = players.map((p) => {
    const row = [p.name];
    if (p.shapleyShubik)
      row.push(fractionValue(p.shapleyShubik).toFixed(6), shorten(fractionText(p.shapleyShubik)));
    if (p.banzhaf) {
      row.push(
        p.banzhaf.swings.toString(),
        fractionValue(p.banzhaf.normalized).toFixed(6),
        fractionValue(p.banzhaf.absolute).toFixed(6),
        shorten(fractionText(p.banzhaf.normalized)),
      );
    }
    return row;
  });
  process.stdout.write(`${players.length} players, ${what}\n\n${table(header, rows, align)}\n`);
}

/** Long exact fractions are elided in the table (the JSON has them whole). */
function shorten(text: string): string {
  return text.length <= 32 ? text : `${text.slice(0, 14)}…${text.slice(-14)}`;
}

/** The half-width of agent `i`'s interval (an estimate has one per agent). */
const halfWidth = (e: ShapleyEstimate, i: number) =>
  must(e.halfWidths[i], () => `the interval of agent ${i}`);

function shapleyJson(e: ShapleyEstimate): unknown {
  return {
    players: Array.from(e.values, (value, i) => ({
      agent: i,
      shapley: value,
      ...(e.exact ? {} : { interval: [value - halfWidth(e, i), value + halfWidth(e, i)] }),
    })),
    exact: e.exact,
    ...(e.exact ? {} : { samples: e.samples, confidence: 0.95 }),
  };
}

function printShapley(e: ShapleyEstimate): void {
  const head = e.exact
    ? `Shapley value of ${e.values.length} agents (exact)`
    : `Shapley value of ${e.values.length} agents (estimate from ${e.samples} random orders, 95% intervals)`;
  const rows = Array.from(e.values, (value, i) =>
    e.exact
      ? [String(i), formatNumber(value)]
      : [String(i), formatNumber(value), `± ${formatNumber(halfWidth(e, i))}`],
  );
  const header = e.exact ? ['agent', 'shapley'] : ['agent', 'shapley', '95% interval'];
  process.stdout.write(`${head}\n\n${table(header, rows, ['right', 'right', 'left'])}\n`);
}
