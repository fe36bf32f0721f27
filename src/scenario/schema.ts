/**
 * The scenario file format (YAML or JSON), as a zod schema. `alliances schema` prints it as JSON
 * Schema; docs/scenario-format.md documents every field. Ids are kebab-case and references between
 * sections are checked after the schema by ./references.ts.
 */
import { councilSchema, stanceSchema } from '../model/council.js';
import { z } from 'zod';
import {
  agreementId,
  conferenceId,
  declaredId,
  factionId,
  id,
  intentId,
  locationId,
  personId,
  physicsIdSchema,
  principleId,
  resourceId,
  shipId,
  warId,
} from '../model/ids.js';
import { intentSchema } from '../model/intents.js';
import { provisionPatternSchema, provisionSchema } from '../model/provision.js';
import { durationSchema } from '../model/time.js';
import { biasSchema, personalitySchema } from '../model/person.js';
import { componentId, forbiddenActSchema, lessonSchema } from '../model/vocabulary.js';
import { physicsSchema } from '../model/physics.js';
import { eventInputSchema } from '../events/index.js';

export const SCENARIO_FORMAT_VERSION = 1;

const unit = z.number().min(0).max(1);
const name = z.string().min(1);

const principleSchema = z
  .strictObject({
    id: principleId,
    text: z.string().min(1),
    forbids: z
      .strictObject({
        provisions: z.array(provisionPatternSchema).default([]),
        /** Partners bearing one of these marks (earned by deeds, e.g. `executioner`). */
        partnersMarked: z.array(z.string().min(1)).default([]),
        /** Acts: attacking some factions, entering a war as the aggressor, breaking an agreement. */
        acts: z.array(forbiddenActSchema).default([]),
      })
      .default({ provisions: [], partnersMarked: [], acts: [] }),
  })
  .refine((p) => p.forbids.provisions.length + p.forbids.partnersMarked.length + p.forbids.acts.length > 0, {
    message: 'a principle forbids something: provisions, partners marked, or acts',
    path: ['forbids'],
  });

const resourceAmounts = z.record(resourceId, z.number().nonnegative());

const factionSchema = z.strictObject({
  id: factionId,
  name,
  culture: z.string().min(1),
  tags: z.array(z.string()).default([]),
  /** Technological sophistication in [0, 1]. */
  technology: unit.default(0.5),
  leader: personId,
  doctrine: z.enum(['autocratic', 'council', 'consensus']).default('autocratic'),
  /** Who sits with the leader on the faction's questions, and the rule they decide by. */
  council: councilSchema.optional(),
  principles: z.array(principleSchema).default([]),
  resources: resourceAmounts.default({}),
  marks: z.array(z.string()).default([]),
  /** Groups within the faction's people whose mood presses on the leader. */
  crews: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        name: z.string().min(1),
        spokesperson: personId.optional(),
        share: unit,
        morale: unit.default(0.6),
        dissent: unit.default(0.3),
        wants: z.string().default(''),
      }),
    )
    .default([]),
});

const personSchema = z
  .strictObject({
    id: personId,
    name,
    faction: factionId,
    /** The faction the person is truly loyal to, when it is not the one served. */
    loyalty: factionId.optional(),
    role: z.string().min(1).default('crew'),
    tags: z.array(z.string()).default([]),
    personality: personalitySchema.default(personalitySchema.parse({})),
    biases: z.array(biasSchema).default([]),
    influence: z.record(personId, unit).default({}),
    debts: z.array(z.strictObject({ to: personId, weight: unit, note: z.string().default('') })).default([]),
    /** Persons this person knows and can reach directly. */
    contacts: z.array(personId).default([]),
    /** Provisions this person insists on in any agreement made for their faction. */
    demands: z.array(provisionPatternSchema).default([]),
    /** What the person argues for or against when counselling or deciding: sides and interests. */
    stances: z.array(stanceSchema).default([]),
    status: z.enum(['active', 'injured', 'detained', 'dead']).default('active'),
    /** Where the person is: with a force (`aboard`) or at a location. */
    aboard: shipId.optional(),
    at: locationId.optional(),
  })
  .refine((p) => (p.aboard === undefined) !== (p.at === undefined), {
    message: 'a person is either `aboard` a force or `at` a location (exactly one)',
  });

/**
 * A force: a ship, a squadron, an army corps — anything that moves and fights as one. Its
 * components and ways of moving are those of the scenario's `physics`.
 */
const forceSchema = z.strictObject({
  id: shipId,
  name,
  faction: factionId,
  class: z.string().default('force'),
  /** A squadron of identical units acting together. */
  count: z.number().int().positive().default(1),
  firepower: z.number().nonnegative().default(1),
  crew: z.number().int().nonnegative().default(0),
  /**
   * Integrity of components in [0, 1], where it is not 1; 0 for one the force lacks. Repair
   * restores damage up to these, never beyond.
   */
  components: z.record(componentId, unit).default({}),
  /** Distance per hour by way of moving, where it differs from the way's own speed. */
  speeds: z.record(physicsIdSchema('way'), z.number().nonnegative()).default({}),
  at: locationId,
});

const locationSchema = z.strictObject({
  id: locationId,
  name,
  kind: z.string().default('place'),
  parent: locationId.optional(),
  controlledBy: factionId.optional(),
});

const distanceSchema = z.strictObject({
  between: z.tuple([locationId, locationId]),
  /** In the physics' `distanceUnit`. */
  distance: z.number().nonnegative(),
  /** The ways of moving this route allows (a sea lane: `[sail]`); every way when not given. */
  ways: z.array(physicsIdSchema('way')).min(1).optional(),
});

const grievanceSchema = z.strictObject({
  id: z.string().min(1).optional(),
  cause: z.string().min(1),
  weight: z.number().positive(),
  since: durationSchema.prefault(0),
  halfLife: durationSchema.prefault('30d'),
  /** What the wrong taught, when it was a betrayal, a trap or a broken promise. */
  lesson: lessonSchema.optional(),
});

const relationSchema = z.strictObject({
  from: factionId,
  to: factionId,
  /** Apply to both directions (`to` regards `from` the same way). */
  mutual: z.boolean().default(false),
  status: z.enum(['war', 'hostile', 'neutral', 'allied']).default('neutral'),
  affinity: z.number().min(-1).max(1).default(0),
  /** Prior observations for the Beta reputation: α = 1 + positive, β = 1 + negative. */
  trust: z
    .strictObject({
      positive: z.number().nonnegative().default(0),
      negative: z.number().nonnegative().default(0),
    })
    .default({ positive: 0, negative: 0 }),
  grievances: z.array(grievanceSchema).default([]),
});

/**
 * A treaty in force when the scenario starts: its parties and provisions (obligations with their
 * conditions: docs/scenario-format.md), when it was signed, and whether it is secret. A league has
 * a leading member.
 */
export const agreementSchema = z.strictObject({
  id: declaredId(agreementId),
  name: z.string().min(1).optional(),
  parties: z
    .array(factionId)
    .min(2)
    .refine((parties) => new Set(parties).size === parties.length, {
      message: 'a faction is named twice among the parties: a treaty binds distinct factions',
    }),
  provisions: z.array(provisionSchema).min(1),
  /** When it was signed; before the start is negative (`-35y`). */
  signed: durationSchema.prefault(0),
  /** Each party's strength when it was signed, where it differs from its strength at the start. */
  powerAtSigning: z.record(factionId, z.number().nonnegative()).default({}),
  secret: z.boolean().default(false),
  leader: factionId.optional(),
  /** When it lapses, if it has a term. */
  expires: durationSchema.optional(),
});

/** A war under way when the scenario starts. */
const warSchema = z.strictObject({
  id: declaredId(warId),
  name: z.string().min(1),
  /** The belligerents of each side; the first side is the aggressor's. */
  sides: z.tuple([z.array(factionId).min(1), z.array(factionId).min(1)]),
  /** Who started it (default: the first of the first side); `null` when it is not known. */
  aggressor: factionId.nullable().optional(),
  casusBelli: z.string().default(''),
  declared: z.boolean().default(true),
  started: durationSchema.prefault(0),
  where: locationId.optional(),
});

const beliefSchema = z.strictObject({
  holder: factionId,
  about: factionId,
  intentions: z.number().min(-1).max(1).default(0),
  suspicions: z.array(z.string()).default([]),
});

const hiddenIntentSchema = z.strictObject({
  id: intentId,
  faction: factionId,
  kind: z.enum(['ambush', 'betrayal', 'espionage', 'leave-early', 'conquest']),
  target: z
    .strictObject({
      faction: factionId.optional(),
      conference: conferenceId.optional(),
      location: locationId.optional(),
    })
    .default({}),
  text: z.string().min(1),
  /** `abandoned`: the plan is given up (it gives no signs and cannot be carried out). */
  status: z.enum(['planned', 'abandoned']).default('planned'),
  /** Signs that give the intent away once its conference is proposed (see docs/scenario-format.md). */
  indicators: z
    .array(
      z.strictObject({
        text: z.string().min(1),
        chance: unit.default(1),
        delay: durationSchema.prefault('0h'),
      }),
    )
    .default([]),
});

/**
 * A script step: at a time, either an actor's forced decision (`do`, checked by the rules like any
 * decision) or an exogenous event (`event`, applied as written).
 */
export const scriptStepSchema = z
  .strictObject({
    /** Names the step, so that a variant can change or remove it (`script.ID`). */
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'a script step id is kebab-case' })
      .optional(),
    at: durationSchema,
    actor: personId.optional(),
    do: intentSchema.optional(),
    summary: z.string().optional(),
    reasons: z.array(z.string()).default([]),
    event: eventInputSchema.optional(),
  })
  .superRefine((step, ctx) => {
    if ((step.do === undefined) === (step.event === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'a script step has exactly one of `do` (with `actor`) or `event`',
      });
    } else if (step.do !== undefined && step.actor === undefined) {
      ctx.addIssue({ code: 'custom', path: ['actor'], message: 'a `do` step needs the `actor` who decides' });
    }
  });

/**
 * A condition on an event field (see docs/scenario-format.md, "Milestones"): a plain value (equal,
 * or contained when the field is a list), or an operator object.
 */
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type MilestoneCondition =
  | z.infer<typeof scalar>
  | { in: z.infer<typeof scalar>[] }
  | { all: z.infer<typeof scalar>[] }
  | { none: z.infer<typeof scalar>[] }
  | { min?: number; max?: number }
  | { exists: boolean }
  | { some: Record<string, MilestoneCondition> }
  | { allOf: MilestoneCondition[] };

export const conditionSchema: z.ZodType<MilestoneCondition> = z.lazy(() =>
  z.union([
    scalar,
    z.strictObject({ in: z.array(scalar).min(1) }),
    z.strictObject({ all: z.array(scalar).min(1) }),
    z.strictObject({ none: z.array(scalar).min(1) }),
    z.strictObject({ min: z.number().optional(), max: z.number().optional() }),
    z.strictObject({ exists: z.boolean() }),
    z.strictObject({ some: z.record(z.string(), conditionSchema) }),
    z.strictObject({ allOf: z.array(conditionSchema).min(1) }),
  ]),
);

/**
 * Fields a step's event must share with the previous step's event: a field name (the same field of
 * both, this event's values all among the previous one's), or `{ field: previousField }` (this
 * event's `field` holds every value of the previous event's `previousField`).
 */
export const sameSchema = z.union([
  z.string().min(1),
  z.record(z.string().min(1), z.string().min(1)).refine((m) => Object.keys(m).length === 1, {
    message: 'a mapped `same` names one field: `{ field: previousField }`',
  }),
]);

export const patternSchema = z.strictObject({
  event: z.string().min(1),
  where: z.record(z.string(), conditionSchema).default({}),
  /** Fields that must agree with the previous step's event. */
  same: z.array(sameSchema).default([]),
});

/**
 * A step of a milestone: a pattern, and patterns that must not match between the previous step's
 * event and this one (each compared with the previous step's event by its own `same`).
 */
export const stepPatternSchema = patternSchema.extend({ without: z.array(patternSchema).default([]) });

/** Patterns that must all match after the previous step, in any order among themselves. */
export const anyOrderSchema = z.strictObject({ anyOrder: z.array(patternSchema).min(2) });

const kebabId = (what: string) =>
  z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: `a ${what} id is kebab-case` });

/** A named pattern over the event log: what milestones and incoherence patterns are made of. */
const logPatternShape = {
  title: z.string().min(1),
  /** Events to find, in this order; an `anyOrder` group matches its patterns in any order. */
  steps: z.array(z.union([stepPatternSchema, anyOrderSchema])).min(1),
  /** The pattern is not matched if one of these happens before its last step. */
  unless: z.array(patternSchema).default([]),
  /** The pattern is matched only if each of these also happened before its last step, in any order. */
  requires: z.array(patternSchema).default([]),
  /** The most simulated time allowed from the first step to the last. */
  within: durationSchema.optional(),
};

/**
 * When a milestone is due (it is reached on time, or late, or not at all): `by` a time from the
 * start of the run, or `within` a duration after another milestone was reached (`after`, one
 * declared earlier). It never changes whether the milestone is reached.
 */
export const dueSchema = z.union([
  z.strictObject({ by: durationSchema }),
  z.strictObject({ after: z.string().min(1), within: durationSchema }),
]);

export const milestoneSchema = z.strictObject({
  id: kebabId('milestone'),
  ...logPatternShape,
  due: dueSchema.optional(),
  /**
   * An outcome rather than a beat of the story: reported for every run (variants are judged by
   * them) but not expected in the scripted replay.
   */
  outcome: z.boolean().default(false),
});

/**
 * A pattern of incoherent conduct (aid to a faction holding our people…), in the milestones'
 * language: `alliances coherence` reports the share of runs that match it.
 */
export const incoherenceSchema = z.strictObject({ id: kebabId('pattern'), ...logPatternShape });

export const variantSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'a variant id is kebab-case' }),
  title: z.string().min(1),
  /** Changes to the scenario: `path: value`, the path in the dotted form of error messages. */
  set: z.record(z.string(), z.unknown()).default({}),
});

export const scenarioSchema = z.strictObject({
  version: z.literal(SCENARIO_FORMAT_VERSION, { message: `version must be ${SCENARIO_FORMAT_VERSION}` }),
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'a scenario id is kebab-case' }),
  title: z.string().min(1),
  description: z.string().default(''),
  /** Simulated time per tick. */
  tick: durationSchema.prefault('1h'),
  /** Simulated time the run lasts. */
  duration: durationSchema,
  /** Seed used when none is given on the command line. */
  seed: z.number().int().nonnegative().default(1),
  /** Grace before a standing agreement with a newly marked partner counts as a principle violation. */
  principleGrace: durationSchema.prefault('12h'),
  /** How long a conference sits before it adjourns, if nothing breaks it up. */
  conferenceLength: durationSchema.prefault('4h'),
  /** How long a call to honour a treaty may go unanswered before it lapses (counted as reneged). */
  callAnswerTime: durationSchema.prefault('1d'),
  /** Hostilities opened by an attack, undeclared and joined by no one, end this long after. */
  hostilitiesLapse: durationSchema.prefault('14d'),
  /** How often repair crews report progress, and how much integrity they restore per hour. */
  repair: z
    .strictObject({ every: durationSchema.prefault('6h'), ratePerHour: z.number().positive().default(0.02) })
    .prefault({}),
  /** The world's physics and words: components, ways of moving, transfers, messages, precautions. */
  physics: physicsSchema.prefault({}),
  resources: z.array(resourceId).default(['food', 'medicine', 'clothing'].map(id.resource)),
  locations: z.array(locationSchema).min(1),
  distances: z.array(distanceSchema).default([]),
  factions: z.array(factionSchema).min(1),
  persons: z.array(personSchema).default([]),
  forces: z.array(forceSchema).default([]),
  relations: z.array(relationSchema).default([]),
  agreements: z.array(agreementSchema).default([]),
  wars: z.array(warSchema).default([]),
  beliefs: z.array(beliefSchema).default([]),
  intents: z.array(hiddenIntentSchema).default([]),
  script: z.array(scriptStepSchema).default([]),
  milestones: z.array(milestoneSchema).default([]),
  incoherence: z.array(incoherenceSchema).default([]),
  variants: z.array(variantSchema).default([]),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioSpec = z.output<typeof scenarioSchema>;
export type ScriptStep = z.output<typeof scriptStepSchema>;
export type MilestoneSpec = z.output<typeof milestoneSchema>;
export type PatternSpec = z.output<typeof patternSchema>;
export type StepPatternSpec = z.output<typeof stepPatternSchema>;
export type SameSpec = z.output<typeof sameSchema>;
export type DueSpec = z.output<typeof dueSchema>;
export type IncoherenceSpec = z.output<typeof incoherenceSchema>;
/** What the matcher reads of a milestone or an incoherence pattern. */
export type LogPatternSpec = IncoherenceSpec & { readonly outcome?: boolean };
export type StepSpec = MilestoneSpec['steps'][number];
export type PersonSpec = z.output<typeof personSchema>;
