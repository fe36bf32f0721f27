/**
 * The analytic models over pasted YAML/JSON, as the `analyze` and `forecast` commands run them:
 * landscape theory's blocs, power indices, and a bargaining forecast with each model's rounds.
 * Inputs are parsed by the library's own readers (located errors), and the work is bounded: the
 * landscape search by a time budget, the power indices by the number of players.
 */
import {
  forecast,
  fractionValue,
  InputError,
  parseLandscape,
  parseVotingGame,
  predictAlignment,
  simpleGamePower,
  wallClockBudget,
  weightedGamePower,
} from '../index.js';

/** Most players whose power indices the server computes (exact, with big integers). */
const MAX_PLAYERS = 200;
/** Time the landscape search may take before it answers with the best found. */
const LANDSCAPE_SECONDS = 3;

export function landscape(text: string, file: string) {
  const instance = parseLandscape(text, file);
  const n = instance.names.length;
  const a = predictAlignment(instance, { budget: wallClockBudget(LANDSCAPE_SECONDS) });
  const ties: { a: string; b: string; propensity: number }[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const p = instance.propensity[i * n + j]!;
      if (p !== 0) ties.push({ a: instance.names[i]!, b: instance.names[j]!, propensity: p });
    }
  return {
    energy: a.energy,
    exact: a.exact,
    actors: instance.names.map((name, i) => ({
      name,
      size: instance.sizes[i]!,
      bloc: a.configuration[i]! + 1,
      frustration: a.frustration[i]!,
    })),
    ties,
  };
}

export function power(text: string, file: string) {
  const game = parseVotingGame(text, file);
  const names = game.game.names;
  if (names.length > MAX_PLAYERS)
    throw new InputError([
      {
        code: 'too-large',
        file,
        path: 'players',
        message: `${names.length} players; the server computes indices for at most ${MAX_PLAYERS}`,
        hint: 'use `alliances analyze power`',
      },
    ]);
  const players = game.kind === 'weighted' ? weightedGamePower(game.game) : simpleGamePower(game.game);
  return {
    kind: game.kind,
    quota: game.kind === 'weighted' ? game.game.quota : null,
    players: players.map((p) => ({
      name: p.name,
      shapleyShubik: p.shapleyShubik ? fractionValue(p.shapleyShubik) : null,
      banzhaf: p.banzhaf ? fractionValue(p.banzhaf.normalized) : null,
    })),
  };
}

export function forecastOf(text: string, file: string) {
  const issue = forecast.parseForecastInput(text, file);
  const results = forecast.forecastIssue(issue);
  // Positions per round, per actor and dimension: the expected-utility model's rounds, SMP's turns.
  const rounds: { model: string; dimension: string; round: number; actor: string; position: number }[] = [];
  for (const r of results) {
    for (const d of r.eu?.dimensions ?? [])
      d.rounds.forEach((round, k) =>
        round.positions.forEach((position, i) => {
          if (Number.isFinite(position))
            rounds.push({
              model: 'eu',
              dimension: d.dimension,
              round: k,
              actor: issue.actors[i]!.name,
              position,
            });
        }),
      );
    r.smp?.states.forEach((state, k) =>
      state.positions.forEach((positions, i) =>
        positions.forEach((position, d) =>
          rounds.push({
            model: 'smp',
            dimension: issue.dimensions[d]!,
            round: k,
            actor: issue.actors[r.smp!.actors[i]!]!.name,
            position,
          }),
        ),
      ),
    );
  }
  return {
    name: issue.name ?? null,
    dimensions: issue.dimensions,
    scale: issue.scale,
    actors: issue.actors.map((a) => ({ name: a.name, capability: a.capability, positions: a.positions })),
    forecasts: results.map((r) => ({
      model: r.model,
      title: forecast.MODEL_TITLES[r.model],
      forecast: r.forecast,
    })),
    rounds,
  };
}
