/**
 * The leaders' tuning numbers, named and explained in one place. They are the same for every
 * scenario: what differs between worlds is data (resources, personalities, principles).
 */
import { days } from '../model/time.js';

/**
 * What a faction counts as recent: harm that makes it take stock of its security
 * (questions/security.ts), and a deed that has just turned another against it
 * (`turnedAgainst`, models/alliances.ts) — two weeks.
 */
export const RECENT = days(14);

/**
 * Hostility (`FactionView.hostilityOf`, on [0, 1]) from which a faction counts another as hostile:
 * the reading of a relation declared hostile. Such a faction's forces are fled when they outgun us,
 * it is not sought out when stronger, offered relief, or counted a partner that could balance a
 * threat.
 */
export const HOSTILE = 0.6;

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

// ── Strategic reasons for an alliance (./models/strategy.ts) ───────────────────────────────────

/**
 * Weight of the balance of threat (Walt 1987): the fall in our chance of prevailing against a rival
 * if the partner's strength went to it. A chance lost in a war to come is worth about as much as
 * the same share of danger removed now (the `vulnerability` term weighs 0.6–1.6), hence 1.5.
 */
export const BALANCE_OF_THREAT = 1.5;

/**
 * How readily a partner could align with a rival, from what the world shows of their relation:
 * neutrals might (an even chance), the hostile hardly, those at war not at all. Allies are aligned
 * already — their strength is the rival's, nothing to keep from it (a partner bound by a pact is
 * passed over before this is read).
 */
export const ALIGNMENT = { allied: 1, neutral: 0.5, hostile: 0.2, war: 0 } as const;

/**
 * What a shared culture adds to the chance that partner and rival align: Walt counts ideology as a
 * weaker cause of alignment than threat, hence a quarter.
 */
export const SHARED_CULTURE = 0.25;

/**
 * Weight of the war all expect: the gain in our chance of prevailing in the war most to be feared,
 * times the chance of that war. The same scale as the balance of threat, since it is the same gain
 * seen from the other side (the partner's strength with us rather than against us).
 */
export const WAR_EXPECTED = 1.5;

/**
 * How much readier for another war a faction is while it fights one: its perceived hostility counts
 * half as much again (wars spread to the belligerents' neighbours before others).
 */
export const WAR_CONTAGION = 0.5;

/**
 * Weight of entrapment in a partner's future wars (Snyder 1984): the force of the factions hostile to
 * the partner, times its record of beginning wars, weighed by caution. Less than the pledge's
 * entanglement in wars under way (0.3 in valuation.ts), since these wars may never come — hence 0.6
 * of a share rather than 1.
 */
export const ENTRAPMENT = 0.6;

/**
 * Weight of the fear of abandonment (Snyder 1984): being left alone in the war expected, the others
 * paired off. At its height (war certain, every other force paired off) half again as much as
 * `isolation` (0.2 in questions/security.ts), which it sharpens as war comes.
 */
export const ABANDONMENT = 0.3;

/**
 * Weight of a partner's record of answering calls: a Beta estimate of its fidelity, (honoured + 1)
 * / (answered + 2), less one half. A partner who has always reneged is worth about a third less than
 * a stranger: 0.6 · 0.5 = 0.3, the size of `reputation` for a public pledge in questions/wars.ts.
 */
export const CALL_RECORD = 0.6;

/** The rivals a leader weighs strategically: the most threatening, so that the work stays bounded. */
export const STRATEGIC_RIVALS = 3;

/**
 * The strategic pull of the best candidate (with the fear of abandonment) from which a faction that
 * is not in danger asks itself, once a day, whether to seek an ally: the largest judgement a judge
 * adds to an option (`JUDGEMENT_BOUND` in deliberation.ts) — weaker reasons could not change the
 * answer more than a different reading of the same world would.
 */
export const STRATEGIC_ALARM = 0.15;

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

// ── Lessons (./models/lessons.ts) ────────────────────────────────────────────────────────────────

/**
 * Weight of a lesson: a wrong of weight 1 recalled by the very same dealing costs this much. A
 * betrayal's grievance weighs 0.6–1, so the lesson it teaches about the same partner is worth
 * about as much as the danger an alliance removes (`vulnerability`, 0.6–1.6 at its highest).
 */
export const LESSON = 0.8;

/**
 * How closely a later dealing resembles the wrong, by what it shares with it (the dimensions of
 * Sabater & Sierra's REGRET reputation model, 2001): the same partner is the wrong itself; the same
 * sponsors vouch again for what failed; the partner's allies are its group; the same kind of offer
 * is the same context with another partner, the weakest likeness.
 */
export const LESSON_LIKENESS = { partner: 1, sponsor: 0.75, ally: 0.5, kind: 0.35 } as const;
