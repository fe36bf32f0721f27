/**
 * The leaders' tuning numbers, named and explained in one place. They are the same for every
 * scenario: what differs between worlds is data (resources, personalities, principles).
 */

/** Stock of a resource below which a faction is in need of it. */
export const NEED = 20;

/** Stock of a resource from which a faction can spare some. */
export const PLENTY = 100;

/** Aid offered at once to a party in need, per resource. */
export const URGENT_AID = 40;

/** A gap in technology (on [0, 1]) from which the poorer side covets the richer one's. */
export const TECHNOLOGY_GAP = 0.4;

/** Crew members each side sends when a leader demands an exchange of crews. */
export const CREW_EXCHANGE_COUNT = 10;

/** Most provisions on one agenda (the outcome space is 2ⁿ, searched without enumeration). */
export const MAX_AGENDA = 12;

/**
 * What a treaty with the untrusted costs at the most, before the negotiator's suspicion: no
 * agreement is worth up to this much more, times (1 − trust) (see negotiator/table.ts).
 */
export const DISTRUST_COST = 0.15;
