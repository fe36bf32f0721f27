/**
 * What a scenario says of a person's temper: personality traits and explicit biases. The schemas
 * are the one definition: the scenario format reads them, the world's types are inferred from them.
 */
import { z } from 'zod';

const unit = z.number().min(0).max(1);

/** Personality traits in [0, 1]; 0.5 is unremarkable. Read by autonomous leaders. */
export const personalitySchema = z.strictObject({
  aggression: unit.default(0.5),
  caution: unit.default(0.5),
  pride: unit.default(0.5),
  honour: unit.default(0.5),
  patience: unit.default(0.5),
  suspicion: unit.default(0.5),
});

/**
 * An explicit bias: the person refuses (or discounts) terms set by counterparts bearing a tag —
 * e.g. a leader who "won't have a woman dictate terms". A named, explainable term, never hidden.
 * `strength`: how strongly terms from such counterparts are discounted, in [0, 1]; 1 refuses them
 * outright.
 */
export const biasSchema = z.strictObject({
  id: z.string().min(1),
  against: z.strictObject({ tag: z.string().min(1) }),
  strength: unit.default(1),
  text: z.string().default(''),
});

export type Personality = Readonly<z.output<typeof personalitySchema>>;
export type Bias = Readonly<Omit<z.output<typeof biasSchema>, 'against'>> & {
  readonly against: Readonly<z.output<typeof biasSchema>['against']>;
};
