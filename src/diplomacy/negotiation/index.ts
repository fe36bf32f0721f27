/**
 * Negotiation: multi-issue outcome spaces, preferences with red lines, protocols as state
 * machines, strategies, bargaining analysis and tournaments. Pure: no I/O, no clock; randomness
 * from seeded streams. See docs/negotiation.md.
 */
export * from './acceptance.js';
export * from './alternating-offers.js';
export * from './analysis.js';
export * from './domain.js';
export * from './mediated.js';
export * from './mediators.js';
export * from './negotiate.js';
export * from './outcome-space.js';
export * from './preferences.js';
export * from './protocol.js';
export * from './provisions.js';
export * from './random-domain.js';
export * from './report.js';
export * from './strategies.js';
export * from './strategy.js';
export * from './tournament.js';
export * from './utility-index/index.js';
