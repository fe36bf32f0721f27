/**
 * How a faction's people take part in its decisions, as a scenario says: the stances a person argues
 * (for or against a side, for or against an interest), and the council that hears a question and
 * the rule by which it decides. The schemas are the one definition: the scenario format reads them,
 * the world's types are inferred from them.
 *
 * Allison (*Essence of Decision*, 1971), the bureaucratic-politics model: "where you stand depends
 * on where you sit" — an advisor argues from a position as well as a temper; a decision is the
 * outcome of a rule for combining their stands (the leader decides, a majority, or all agree).
 */
import { z } from 'zod';
import { factionId, personId } from './ids.js';

const unit = z.number().min(0).max(1);

/** The interests a person can argue for or against; each option of a question says which it serves. */
export const interest = z.enum(['war', 'peace', 'alliance', 'independence']);
export type Interest = z.infer<typeof interest>;

/**
 * A stance: the person argues for (or against) a side — a faction — or an interest, with a weight
 * (how far it moves their judgement of an option that serves it, in the currency of the options'
 * terms) and words for explanations.
 */
export const stanceSchema = z
  .strictObject({
    stance: z.enum(['for', 'against']).default('for'),
    side: factionId.optional(),
    interest: interest.optional(),
    weight: unit.default(0.5),
    text: z.string().default(''),
  })
  .refine((s) => (s.side === undefined) !== (s.interest === undefined), {
    message: 'a stance names either a `side` (a faction) or an `interest` (exactly one)',
  });
export type Stance = Readonly<z.output<typeof stanceSchema>>;

/** How a council decides: the leader after counsel, a majority of those who sit, or all of them. */
export const councilRule = z.enum(['leader', 'majority', 'unanimity']);
export type CouncilRule = z.infer<typeof councilRule>;

/** The council that hears the faction's questions: who sits (besides the leader), and its rule. */
export const councilSchema = z.strictObject({
  rule: councilRule,
  members: z.array(personId).min(1),
});
export type Council = Readonly<{ rule: CouncilRule; members: readonly z.output<typeof personId>[] }>;
