/**
 * One entry point over every forecasting model: Bueno de Mesquita's expected-utility model (`eu`),
 * KTAB's spatial model of politics (`smp`) and the baselines (`mean`, `median`, `nbs`,
 * `condorcet`). Each returns one forecast value per dimension of the issue.
 */
import type { Budget } from '../../common/budget.js';
import { baselineForecast } from './baselines.js';
import { type EuParameters, type EuRun, runEuModel } from './eu-model.js';
import { runSmp, type SmpParameters, type SmpRun } from './smp.js';
import type { ForecastIssue } from './types.js';

export const FORECAST_MODELS = ['eu', 'smp', 'mean', 'median', 'nbs', 'condorcet'] as const;
export type ForecastModelName = (typeof FORECAST_MODELS)[number];

export const MODEL_TITLES: Readonly<Record<ForecastModelName, string>> = {
  eu: 'expected-utility model (Bueno de Mesquita; Scholz, Calbert & Smith 2011)',
  smp: "KTAB's spatial model of politics",
  mean: 'capability × salience weighted mean',
  median: 'capability × salience weighted median',
  nbs: 'Nash bargaining solution (weighted)',
  condorcet: 'pairwise Condorcet winner among positions',
};

export interface ForecastOptions {
  readonly eu?: Partial<EuParameters>;
  readonly smp?: Partial<SmpParameters>;
  /** A time limit for the bargaining models: a TimeLimitError when it runs out. */
  readonly budget?: Budget;
}

export interface ModelForecast {
  readonly model: ForecastModelName;
  /** One value per dimension, on the issue's scale. */
  readonly forecast: readonly number[];
  readonly eu?: EuRun;
  readonly smp?: SmpRun;
}

export function forecastWith(
  issue: ForecastIssue,
  model: ForecastModelName,
  options: ForecastOptions = {},
): ModelForecast {
  switch (model) {
    case 'eu': {
      const eu = runEuModel(issue, options.eu, { budget: options.budget });
      return { model, forecast: eu.forecast, eu };
    }
    case 'smp': {
      const smp = runSmp(issue, options.smp, { budget: options.budget });
      return { model, forecast: smp.forecast, smp };
    }
    default:
      return { model, forecast: baselineForecast(issue, model) };
  }
}

/** Forecasts of several models, in the order given. */
export function forecastIssue(
  issue: ForecastIssue,
  models: readonly ForecastModelName[] = FORECAST_MODELS,
  options: ForecastOptions = {},
): ModelForecast[] {
  return models.map((m) => forecastWith(issue, m, options));
}
