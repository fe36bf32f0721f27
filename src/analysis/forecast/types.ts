/**
 * The data every forecasting model reads: actors with a capability (power, clout), and per
 * dimension of the issue a position and a salience. This is the common input of Bueno de Mesquita's
 * expected-utility model, KTAB's spatial model of politics and the baselines (DEU III uses the
 * same three quantities per actor and issue).
 *
 * Units follow KTAB's CSV format and the DEU data sets: positions lie on a scale (by default
 * 0–100) and saliences are percentages of attention, 0–100, at most 100 in total per actor.
 */

export interface ForecastActor {
  readonly name: string;
  readonly description?: string;
  /** Capability (power, influence); non-negative, any unit (only ratios matter). */
  readonly capability: number;
  /** One position per dimension, on the issue's scale. */
  readonly positions: readonly number[];
  /** One salience per dimension, 0–100 (percent of the actor's attention). */
  readonly saliences: readonly number[];
}

export interface ForecastIssue {
  readonly name?: string;
  readonly description?: string;
  /** Names of the dimensions (at least one). */
  readonly dimensions: readonly string[];
  readonly actors: readonly ForecastActor[];
  /** The [low, high] ends of the position scale; KTAB and DEU use [0, 100]. */
  readonly scale: readonly [number, number];
}

export const DEFAULT_SCALE: readonly [number, number] = [0, 100];

/** The weight an actor brings to dimension `d`: capability × salience (salience as a fraction). */
export function effectivePower(actor: ForecastActor, d: number): number {
  return actor.capability * ((actor.saliences[d] ?? 0) / 100);
}

/**
 * The actors that take part in dimension `d` of a model: those with positive capability and positive
 * salience there. An actor with no salience has no stake, and one with no capability no influence;
 * every model in this module leaves them out (KTAB refuses them: a zero voting weight or an all-zero
 * salience vector is an error there), so such an actor can never move a forecast.
 */
export function participants(issue: ForecastIssue, d: number): number[] {
  const out: number[] = [];
  issue.actors.forEach((a, i) => {
    if (a.capability > 0 && (a.saliences[d] ?? 0) > 0) out.push(i);
  });
  return out;
}
