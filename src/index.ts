/**
 * The library API of Alliances. The CLI and the server are thin shells over what is exported here.
 */

export * from './analysis/index.js';
export { type Budget, unlimitedBudget, wallClockBudget, workBudget } from './common/budget.js';
export { canonicalJson, sha256Hex } from './common/canonical-json.js';
export * from './common/errors.js';
export { createRng, type Rng } from './common/random.js';
