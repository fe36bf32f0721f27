/**
 * A world's physics and words, from its scenario: the parts of a force that damage can reach, the
 * ways forces move and what each needs, how persons pass between a force and the place it is at,
 * how fast messages go, which precautions exist and what they do, what is never given away.
 *
 * The engine and the leaders know only roles (a component that protects, a precaution that holds
 * persons ready to be taken out); the names are the scenario's, so a starship's warp drive, a
 * squadron's sails and an army corps' railway timetable are all data. The defaults describe a
 * plain world of forces that march and fight, with nothing a particular story would add.
 */
import { z } from 'zod';
import { durationSchema } from './time.js';
import { locationId, physicsIdSchema, resourceId } from './ids.js';

/** Ids declared here: plain kebab-case (the declarations themselves are not references). */
const physicsId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'an id is kebab-case' })
  .refine((s) => s !== 'constructor' && s !== 'prototype', {
    message: 'not an id: "constructor", "prototype"',
  });
const componentRef = physicsIdSchema('component');

/**
 * What a component does in a fight or on board: `armament` scales a force's fire, `protection`
 * turns fire away and is hit first, `structure` is the force itself (it is lost when it fails),
 * `signalling` lets persons aboard send messages. A component without a role matters only through
 * the ways of moving and transfers that need it.
 */
export const componentRole = z.enum(['armament', 'protection', 'structure', 'signalling']);
export type ComponentRole = z.infer<typeof componentRole>;

const componentSchema = z.strictObject({
  id: physicsId,
  /** How the chronicle names it (default: the id). */
  name: z.string().min(1).optional(),
  role: componentRole.optional(),
});

const waySchema = z.strictObject({
  id: physicsId,
  name: z.string().min(1).optional(),
  /**
   * Components that must work for a force to move this way; the first is its drive, whose integrity
   * scales the speed.
   */
  needs: z.array(componentRef).default([]),
  /** Distance per hour at full integrity, unless a force says otherwise. */
  speed: z.number().nonnegative().default(1),
});

const transferSchema = z.strictObject({
  id: physicsId,
  /** The verb of the chronicle: "<person> <verb> to <place>". */
  verb: z.string().min(1).default('goes'),
  /** Components of the force that must work for it. */
  needs: z.array(componentRef).default([]),
  /**
   * It reaches persons anywhere at the force's place without their coming to it: a force can take
   * them out of danger, and hold them ready to be taken out (a precaution of role `hold-ready`).
   */
  reach: z.boolean().default(false),
});

/**
 * What a precaution does. `hold-ready`: persons are held ready to be taken out by a transfer that
 * reaches (at the first sign of trouble); `inspection`: the forces are checked over; `drill`:
 * battle drills; `alert`: readiness raised against a threat in sight; `watch`: the movements of
 * others watched. The leaders choose a precaution by its role; the engine records each in the
 * faction's readiness. A precaution without a role is taken only by a script.
 */
export const precautionRole = z.enum(['hold-ready', 'inspection', 'drill', 'alert', 'watch']);
export type PrecautionRole = z.infer<typeof precautionRole>;

const precautionSchema = z.strictObject({
  id: physicsId,
  name: z.string().min(1).optional(),
  role: precautionRole.optional(),
});

const DEFAULT_COMPONENTS = [
  { id: 'drive' },
  { id: 'protection', role: 'protection' as const },
  { id: 'arms', role: 'armament' as const },
  { id: 'signals', role: 'signalling' as const },
  { id: 'structure', role: 'structure' as const },
];
const DEFAULT_WAYS = [{ id: 'march', needs: ['drive'], speed: 1 }];
const DEFAULT_TRANSFERS = [{ id: 'on-foot', verb: 'goes', needs: [], reach: false }];
const DEFAULT_PRECAUTIONS = [
  { id: 'inspection', role: 'inspection' as const },
  { id: 'drills', role: 'drill' as const },
  { id: 'alert', role: 'alert' as const },
  { id: 'watch', role: 'watch' as const },
];

export const physicsSchema = z.strictObject({
  /** The unit of every distance in the scenario (a word for the chronicle and the docs). */
  distanceUnit: z.string().min(1).default('miles'),
  /** The parts of a force that damage lowers and repair restores, in the order fire reaches them. */
  components: z.array(componentSchema).min(1).default(DEFAULT_COMPONENTS),
  /** Ways of moving, in order of preference: a force moves the first way its components allow. */
  ways: z.array(waySchema).min(1).default(DEFAULT_WAYS),
  /** How persons pass between a force and the place it is at, in order of preference. */
  transfers: z.array(transferSchema).min(1).default(DEFAULT_TRANSFERS),
  /** How persons travel between places on their own (not with a force): the chronicle's verb, and distance per hour. */
  travel: z
    .strictObject({
      verb: z.string().min(1).default('sets out'),
      speed: z.number().positive().default(1),
    })
    .prefault({}),
  /**
   * Messages: what they are called, distance per hour, and a fixed delay on top (at least one tick);
   * and the `lines` that carry them faster between some places (a telegraph, a semaphore chain, a
   * post road), each with its own name, speed and delay, between any two of the places it lists (or
   * places within them). A message goes by the fastest means that joins its two ends.
   */
  messages: z
    .strictObject({
      name: z.string().min(1).default('message'),
      speed: z.number().positive().default(2),
      delay: durationSchema.prefault(0),
      lines: z
        .array(
          z.strictObject({
            name: z.string().min(1),
            speed: z.number().positive(),
            delay: durationSchema.prefault(0),
            at: z.array(locationId).min(2),
          }),
        )
        .default([]),
    })
    .prefault({}),
  precautions: z.array(precautionSchema).default(DEFAULT_PRECAUTIONS),
  /**
   * The distance of a neighbour, in the world's unit: a threat this far away counts half as much as
   * one at the door (Walt's proximity, agents/models/threat.ts); a faction knows of the others within
   * four times it without dealings with them; a conference this far away weighs a sixth against going.
   */
  neighbourhood: z.number().positive().default(5),
  /** Resources a faction never gives away, however much it has (its fuel, its gold reserve). */
  neverGiven: z.array(resourceId).default([]),
  /** What a faction more advanced than another can offer it, by name. */
  technology: z.string().min(1).default('technology'),
  /** Words the leaders' reasons use: a faction's forces, and what they defend. */
  words: z
    .strictObject({
      forces: z.string().min(1).default('our forces'),
      home: z.string().min(1).default('our people'),
    })
    .prefault({}),
});
export type PhysicsInput = z.input<typeof physicsSchema>;
export type Physics = z.output<typeof physicsSchema>;

/** The physics of a scenario that declares none. */
export const DEFAULT_PHYSICS: Physics = physicsSchema.parse({});

/** The display name of a component, way or precaution. */
export const nameOf = (entry: { readonly id: string; readonly name?: string | undefined }) =>
  entry.name ?? entry.id;

/** The components with a role, in the physics' order. */
export const componentsWithRole = (physics: Physics, role: ComponentRole): string[] =>
  physics.components.filter((c) => c.role === role).map((c) => c.id);

/** The first precaution with a role, if the world has one. */
export const precautionWithRole = (physics: Physics, role: PrecautionRole): string | null =>
  physics.precautions.find((p) => p.role === role)?.id ?? null;

export const roleOfPrecaution = (physics: Physics, id: string): PrecautionRole | null =>
  physics.precautions.find((p) => p.id === id)?.role ?? null;
