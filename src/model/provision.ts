/**
 * Treaty provisions: the typed clauses an agreement is made of. Provisions are valued one by one
 * from each party's side (Freeciv prices every clause in gold; the leaders' evaluator does the same
 * in one currency), and principles and red lines forbid provisions by kind and direction.
 */
import { z } from 'zod';
import { conferenceId, factionId, resourceId } from './ids.js';

export const PROVISION_KINDS = [
  'mutual-defence',
  'non-aggression',
  'aid',
  'technology-transfer',
  'weapons-transfer',
  'crew-exchange',
  'travel-together',
  'conference-attendance',
] as const;
export const provisionKind = z.enum(PROVISION_KINDS);
export type ProvisionKind = z.infer<typeof provisionKind>;

/** When aid is delivered: at once, whenever the receiver asks, or periodically. */
export const aidCondition = z.enum(['immediate', 'on-request', 'when-needed', 'periodic']);
export type AidCondition = z.infer<typeof aidCondition>;

/**
 * For one-directional provisions, `giver` and `receiver` may be left out in a proposal: the giver
 * is then the proposing faction and the receiver the counterpart (the engine fills them in).
 */
const direction = {
  giver: factionId.optional(),
  receiver: factionId.optional(),
};

export const provisionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('mutual-defence'),
    /** What the pledge covers; `all` by default. */
    scope: z.enum(['all', 'ships', 'outposts']).default('all'),
  }),
  z.strictObject({ kind: z.literal('non-aggression') }),
  z.strictObject({
    kind: z.literal('aid'),
    ...direction,
    resource: resourceId,
    amount: z.number().nonnegative(),
    condition: aidCondition.default('when-needed'),
  }),
  z.strictObject({ kind: z.literal('technology-transfer'), ...direction, technology: z.string().min(1) }),
  z.strictObject({ kind: z.literal('weapons-transfer'), ...direction, weapons: z.string().min(1) }),
  z.strictObject({
    kind: z.literal('crew-exchange'),
    /** Crew members sent by each side. */
    count: z.number().int().positive().default(1),
  }),
  z.strictObject({ kind: z.literal('travel-together') }),
  z.strictObject({ kind: z.literal('conference-attendance'), conference: conferenceId.optional() }),
]);
export type Provision = z.infer<typeof provisionSchema>;
export type ProvisionInput = z.input<typeof provisionSchema>;

/** Provisions that move something from a giver to a receiver. */
export type DirectedProvision = Extract<Provision, { giver?: unknown }>;

export function isDirected(p: Provision): p is DirectedProvision {
  return p.kind === 'aid' || p.kind === 'technology-transfer' || p.kind === 'weapons-transfer';
}

/** A short human description: `aid: 100 food (when needed)`. */
export function describeProvision(p: Provision): string {
  switch (p.kind) {
    case 'mutual-defence':
      return p.scope === 'all' ? 'mutual defence' : `mutual defence of ${p.scope}`;
    case 'non-aggression':
      return 'non-aggression';
    case 'aid':
      return `aid of ${p.amount} ${p.resource}${p.giver ? ` from ${p.giver}` : ''}${p.receiver ? ` to ${p.receiver}` : ''} (${p.condition.replace('-', ' ')})`;
    case 'technology-transfer':
      return `transfer of technology (${p.technology})${p.giver ? ` from ${p.giver}` : ''}`;
    case 'weapons-transfer':
      return `transfer of weapons (${p.weapons})${p.giver ? ` from ${p.giver}` : ''}`;
    case 'crew-exchange':
      return `exchange of crews (${p.count} each)`;
    case 'travel-together':
      return 'travel together';
    case 'conference-attendance':
      return `attendance at ${p.conference ? `conference ${p.conference}` : 'a conference'}`;
  }
}

/**
 * A pattern over provisions, used by principles and red lines: a kind, and for directed provisions
 * who gives (`self` — the holder of the principle —, `other`, or `any`).
 */
export const provisionPatternSchema = z.strictObject({
  kind: provisionKind,
  giver: z.enum(['self', 'other', 'any']).default('any'),
});
export type ProvisionPattern = z.infer<typeof provisionPatternSchema>;

/** Does provision `p`, in an agreement involving `self`, match `pattern`? */
export function matchesProvisionPattern(p: Provision, pattern: ProvisionPattern, self: string): boolean {
  if (p.kind !== pattern.kind) return false;
  if (pattern.giver === 'any' || !isDirected(p)) return true;
  const giver = p.giver;
  if (giver === undefined) return true; // direction unresolved: treat conservatively as matching
  return pattern.giver === 'self' ? giver === self : giver !== self;
}
