/**
 * The leaders' tuning numbers, named and explained in one place. They are the same for every
 * scenario: what differs between worlds is data (resources, personalities, principles).
 */
import { days } from '../model/time.js';

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

/**
 * How long a faction counts as mobilised after it took a precaution of role `alert`: a mobilised
 * army stays on a war footing for weeks, not days (Van Evera 1984: the window of vulnerability a
 * mobilisation opens lasts until the other side has mobilised too).
 */
export const MOBILISATION_LASTS = days(21);

/**
 * How much more threatening a mobilised rival is than the same rival at peace: its forces are
 * ready to strike (Walt 1987's offensive capability; Jervis 1978: preparations read as intent).
 * One half: mobilisation brings the whole force to bear, it does not create a new one.
 */
export const MOBILISED_THREAT = 0.5;

/**
 * An ally is worth calling to arms when its strength is at least this share of our side's: below
 * a tenth it changes the odds too little to be worth asking (Snyder 1984: allies are sought for the
 * weight they add).
 */
export const ALLY_WORTH_CALLING = 0.1;
