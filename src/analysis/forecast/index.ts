/**
 * Forecasting bargaining outcomes: Bueno de Mesquita's expected-utility model (after Scholz, Calbert
 * & Smith 2011), KTAB's spatial model of politics, baselines, input parsing, and the DEU III
 * benchmark. Pure: no I/O, no clock, no unseeded randomness.
 */
export * from './baselines.js';
export * from './benchmark.js';
export * from './deu3.js';
export * from './eu-model.js';
export * from './forecast.js';
export * from './input.js';
export * from './ktab-format.js';
export * from './ktab-kernel.js';
export * from './ktab-prng.js';
export * from './smp.js';
export * from './types.js';
