/**
 * How factions decide: counsel given, decisions made (with the options weighed and the counsel
 * heard), intents the rules refused, and the decision to seek an alliance.
 */
import { councilRule } from '../model/council.js';
import { z } from 'zod';
import { factionId, personId } from '../model/ids.js';
import { describeProvision, provisionKind, provisionSchema } from '../model/provision.js';
import { counselPosition, counselSchema, optionSchema } from '../model/vocabulary.js';
import { defineEvent } from './definition.js';
import { factionOfPerson } from './observers.js';
import { because, list, naming } from './telling.js';
import { updateFaction } from './updates.js';

const reasons = z.array(z.string()).default([]);

export const deliberationEvents = {
  'counsel-given': defineEvent({
    fields: { advisor: personId, to: personId, question: z.string(), position: counselPosition, reasons },
    apply: (world) => world,
    observers: (world, e) => [...factionOfPerson(world, e.advisor), ...factionOfPerson(world, e.to)],
    tell(e, names) {
      const { n } = naming(names);
      return `${n(e.advisor)} counsels ${n(e.to)} ${e.position === 'neutral' ? 'on' : e.position} ${e.question}${because(e.reasons)}.`;
    },
  }),

  'decision-made': defineEvent({
    fields: {
      actor: personId,
      faction: factionId,
      /** The question deliberated (e.g. `security`), when the decision answers one. */
      question: z.string().nullable().default(null),
      decision: z.string(),
      /** The id of the chosen option among `options` (null when no options were scored). */
      choice: z.string().nullable().default(null),
      summary: z.string(),
      /** What favours the choice over the best other option, strongest first. */
      reasons,
      /** What argued against the choice, strongest first (absent when nothing did). */
      against: z.array(z.string()).optional(),
      options: z.array(optionSchema).default([]),
      counsel: z.array(counselSchema).default([]),
      /** The vote of the faction's council, ballot by ballot, when it decided by majority or unanimity. */
      votes: z
        .strictObject({
          rule: councilRule,
          ballots: z.array(z.strictObject({ voter: personId, option: z.string() })),
        })
        .optional(),
    },
    // The faction remembers when it last deliberated each question, and when its council last
    // voted on it (`vote:QUESTION`): a vote is sat again when something new is learned.
    apply(world, e) {
      const question = e.question;
      if (!question) return world;
      return updateFaction(world, e.faction, (f) => ({
        ...f,
        deliberations: {
          ...f.deliberations,
          [question]: e.t,
          ...(e.votes ? { [sittingKey(question)]: e.t } : {}),
        },
      }));
    },
    observers: (_world, e) => [e.faction],
    // Decisions with effects are told through their effects (see engine/chronicle.ts). Holding is
    // told when it was a real choice: counsel was given, or an option was vetoed.
    tell(e, names) {
      const { n } = naming(names);
      return e.decision === 'hold' &&
        (e.options.length === 0 || e.counsel.length > 0 || e.options.some((o) => o.vetoedBy))
        ? `${n(e.actor)} ${e.summary}${because(e.reasons)}.`
        : null;
    },
  }),

  'intent-rejected': defineEvent({
    fields: {
      actor: personId,
      faction: factionId,
      intent: z.string(),
      rule: z.string(),
      message: z.string(),
    },
    apply: (world) => world,
    observers: (_world, e) => [e.faction],
    tell(e, names) {
      const { n } = naming(names);
      return `${n(e.actor)} cannot ${e.intent.replace(/-/g, ' ')}: ${e.message} [${e.rule}].`;
    },
  }),

  'alliance-sought': defineEvent({
    fields: {
      faction: factionId,
      actor: personId,
      candidates: z.array(factionId).default([]),
      offer: z.array(provisionSchema).default([]),
      excluded: z.array(provisionKind).default([]),
      reasons,
    },
    apply: (world, e) =>
      updateFaction(world, e.faction, (f) => ({
        ...f,
        agenda: {
          ...f.agenda,
          alliance: { since: e.t, candidates: e.candidates, offer: e.offer, exclude: e.excluded },
        },
      })),
    observers: (world, e) => [e.faction, ...factionOfPerson(world, e.actor)],
    tell(e, names) {
      const { n, ns } = naming(names);
      return `${n(e.actor)} decides that ${n(e.faction)} will seek an alliance${e.candidates.length ? ` with ${ns(e.candidates)}` : ''}: offering ${list(e.offer.map(describeProvision))}${e.excluded.length ? `; excluding ${list(e.excluded)}` : ''}.`;
    },
  }),
};

/** Where a faction remembers when its council last voted on a question. */
export const sittingKey = (question: string) => `vote:${question}`;
