/**
 * Treaty provisions: the typed clauses an agreement is made of. Provisions are valued one by one
 * from each party's side (Freeciv prices every clause in gold; the leaders' evaluator does the same
 * in one currency), and principles and red lines forbid provisions by kind and direction.
 *
 * Obligations are coded as the ATOP data codes alliance treaties (Leeds, Ritter, Mitchell & Long
 * 2002): a kind — defence, offence, neutrality, non-aggression, consultation — owed by some parties
 * to others, with conditions: against whom, where, unless the partner provoked the war, and what
 * support is promised (active military support, aid, or diplomatic support only).
 */
import { z } from 'zod';
import { agreementId, conferenceId, factionId, locationId, resourceId } from './ids.js';

/** The obligations, in ATOP's order; the other kinds are exchanges and undertakings. */
export const OBLIGATION_KINDS = [
  'defence',
  'offence',
  'neutrality',
  'non-aggression',
  'consultation',
] as const;
export const obligationKind = z.enum(OBLIGATION_KINDS);
export type ObligationKind = z.infer<typeof obligationKind>;

export const PROVISION_KINDS = [
  ...OBLIGATION_KINDS,
  'aid',
  'technology-transfer',
  'weapons-transfer',
  'crew-exchange',
  'travel-together',
  'conference-attendance',
  'passage',
  'undertaking',
] as const;
export const provisionKind = z.enum(PROVISION_KINDS);
export type ProvisionKind = z.infer<typeof provisionKind>;

/** When aid is delivered: at once, whenever the receiver asks, or periodically. */
export const aidCondition = z.enum(['immediate', 'on-request', 'when-needed', 'periodic']);
export type AidCondition = z.infer<typeof aidCondition>;

/**
 * Whom an obligation is against: any adversary (`any`), the factions named, or the members of an
 * agreement (a rival league).
 */
export const adversarySchema = z.union([
  z.literal('any'),
  z.array(factionId).min(1),
  z.strictObject({ membersOf: agreementId }),
]);
export type Adversary = z.infer<typeof adversarySchema>;

/** What support an obligation promises: forces in the field, aid (resources), or words only. */
export const supportSchema = z.enum(['active', 'aid', 'diplomatic']);
export type Support = z.infer<typeof supportSchema>;

/**
 * The conditions of an obligation (ATOP). `by` owe it to `to` (by default every party to every
 * other); it holds against `against`, for wars or attacks at the places `where` (anywhere by
 * default); with `unlessProvoked` it is void when the partner struck first; `secret` obligations
 * are known to the parties alone.
 */
const conditions = {
  by: z.array(factionId).optional(),
  to: z.array(factionId).optional(),
  against: adversarySchema.default('any'),
  where: z.array(locationId).optional(),
  unlessProvoked: z.boolean().default(false),
  support: supportSchema.default('active'),
  secret: z.boolean().default(false),
};

/**
 * For one-directional provisions, `giver` and `receiver` may be left out in a proposal: the giver
 * is then the proposing faction and the receiver the counterpart (the engine fills them in).
 */
const direction = {
  giver: factionId.optional(),
  receiver: factionId.optional(),
};

export const provisionSchema = z.discriminatedUnion('kind', [
  /** To come to the aid of a partner attacked. */
  z.strictObject({ kind: z.literal('defence'), ...conditions }),
  /** To join a partner's war on the adversaries named. */
  z.strictObject({ kind: z.literal('offence'), ...conditions }),
  /** Never to join a war against the partner. */
  z.strictObject({ kind: z.literal('neutrality'), ...conditions }),
  /** Never to attack the partner. */
  z.strictObject({ kind: z.literal('non-aggression'), ...conditions }),
  /** To consult with the partner when it is attacked or at war. */
  z.strictObject({ kind: z.literal('consultation'), ...conditions }),
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
  /**
   * The giver lets the receiver's forces cross its territory (or the places `where`): the right of
   * passage, granted to an ally or demanded of a neutral.
   */
  z.strictObject({ kind: z.literal('passage'), ...direction, where: z.array(locationId).optional() }),
  /**
   * The giver promises an act, stated in words (`act`): to suppress a movement, to hold an inquiry.
   * With `sovereignty`, the act lets the receiver's officials or forces act within the giver's own
   * jurisdiction (to sit in its courts, inspect its forces): a concession of sovereignty, which
   * the giver weighs as such.
   */
  z.strictObject({
    kind: z.literal('undertaking'),
    ...direction,
    act: z.string().min(1),
    sovereignty: z.boolean().optional(),
    /** The act is to end the giver's war on this faction. */
    peaceWith: factionId.optional(),
  }),
]);
export type Provision = z.infer<typeof provisionSchema>;
export type ProvisionInput = z.input<typeof provisionSchema>;

/** Provisions that bind their parties to act, or not to act, in wars. */
export type Obligation = Extract<Provision, { kind: ObligationKind }>;

export function isObligation(p: Provision): p is Obligation {
  return (OBLIGATION_KINDS as readonly string[]).includes(p.kind);
}

/** Provisions that move something from a giver to a receiver. */
export type DirectedProvision = Extract<Provision, { giver?: unknown }>;

export function isDirected(p: Provision): p is DirectedProvision {
  return (
    p.kind === 'aid' ||
    p.kind === 'technology-transfer' ||
    p.kind === 'weapons-transfer' ||
    p.kind === 'passage' ||
    p.kind === 'undertaking'
  );
}

/** A short human description: `aid: 100 food (when needed)`. */
export function describeProvision(p: Provision): string {
  switch (p.kind) {
    case 'defence':
    case 'offence':
    case 'neutrality':
    case 'non-aggression':
    case 'consultation':
      return describeObligation(p);
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
    case 'passage':
      return `passage${p.receiver ? ` for ${p.receiver}'s forces` : ''}${p.giver ? ` through ${p.giver}` : ''}${p.where ? ` at ${p.where.join(', ')}` : ''}`;
    case 'undertaking':
      return `${p.giver ? `${p.giver}'s ` : ''}undertaking: ${p.act}${p.sovereignty ? ' (within its jurisdiction)' : ''}`;
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

const OBLIGATION_WORDS: Readonly<Record<ObligationKind, string>> = {
  defence: 'defence',
  offence: 'offence',
  neutrality: 'neutrality',
  'non-aggression': 'non-aggression',
  consultation: 'consultation',
};

/** `defence against germany, at liege (unless provoked; aid only)` — the plain words of an obligation. */
function describeObligation(p: Obligation): string {
  const who = p.by || p.to ? ` (${p.by ? p.by.join(', ') : 'all'} to ${p.to ? p.to.join(', ') : 'all'})` : '';
  const against =
    p.against === 'any'
      ? ''
      : Array.isArray(p.against)
        ? ` against ${p.against.join(', ')}`
        : ` against the members of ${p.against.membersOf}`;
  const where = p.where ? `, at ${p.where.join(', ')}` : '';
  const terms = [
    ...(p.unlessProvoked ? ['unless provoked'] : []),
    ...(p.support === 'aid' ? ['aid only'] : p.support === 'diplomatic' ? ['diplomatic support only'] : []),
    ...(p.secret ? ['secret'] : []),
  ];
  const kind = p.kind === 'defence' && !p.by && !p.to ? 'mutual defence' : OBLIGATION_WORDS[p.kind];
  return `${kind}${who}${against}${where}${terms.length ? ` (${terms.join('; ')})` : ''}`;
}
