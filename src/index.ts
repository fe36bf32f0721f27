/**
 * The library API of Alliances. The CLI and the server are thin shells over what is exported here.
 */

/**
 * Forecasting bargaining outcomes (expected-utility model, KTAB's SMP, baselines, DEU III benchmark),
 * as one namespace: `import { forecast } from 'alliances'; forecast.runSmp(issue)`.
 */
export * as forecast from './analysis/forecast/index.js';
export { type Budget, unlimitedBudget, wallClockBudget, workBudget } from './common/budget.js';
export { canonicalJson, sha256Hex } from './common/canonical-json.js';
export * from './common/errors.js';
export { createRng, type Rng } from './common/random.js';
