/**
 * Loading a scenario: parse (YAML or JSON), validate against the schema, then check what a schema
 * cannot — unique ids, references between sections, milestone patterns against their event types —
 * and report every problem at once, located, with a suggestion for unknown names.
 */
import { type DocumentPath, problemAt, type SourceDocument } from '../common/document.js';
import { InputError, type Problem } from '../common/errors.js';
import {
  nearest,
  ProblemCollector,
  parseAndValidate,
  schemaProblems,
  suggestionHint,
} from '../common/validate.js';
import type { ReferenceKind } from '../model/ids.js';
import { COMMON_MEANS } from '../model/vocabulary.js';
import { formatDuration } from '../model/time.js';
import type { LogPatternSpec, MilestoneCondition, PatternSpec, ScenarioSpec, StepSpec } from './schema.js';
import { scenarioSchema } from './schema.js';
import {
  accepts,
  fieldNames,
  fieldsAt,
  type PathKey,
  referenceKindOf,
  visitReferences,
} from './schema-walk.js';
import { applyVariant } from './variants.js';
import { EVENT_TYPES, type EventType, eventPayloadSchemas, isEventType } from '../events/index.js';

export interface Scenario {
  readonly spec: ScenarioSpec;
  /** The variant applied, if any. */
  readonly variant?: string;
  /** The exact text the scenario was loaded from (stored with every run, so it can be verified). */
  readonly text: string;
  readonly file: string;
}

/** Parses and checks a scenario; throws an InputError listing every problem. */
export interface LoadOptions {
  /** Apply the scenario's counterfactual variant of this id before checking it. */
  readonly variant?: string;
  /** Also apply each variant in turn and check the paths it sets and the scenario it makes (`validate`). */
  readonly checkVariants?: boolean;
  /** Most ticks a run may take (default DEFAULT_MAX_TICKS; Infinity for a stored run, checked when stored). */
  readonly maxTicks?: number;
}

/**
 * Most ticks a run of a scenario may take unless told otherwise (`--max-ticks`): about eleven years
 * of hourly ticks. A run's work grows with its ticks, so a duration of 99999999999d is refused.
 */
export const DEFAULT_MAX_TICKS = 100_000;

export function loadScenario(text: string, file: string, options: LoadOptions = {}): Scenario {
  const { value: base, doc } = parseAndValidate(scenarioSchema, text, file);
  let spec = base;
  if (options.variant !== undefined) {
    const variants = (base.variants ?? []).map((v) => v.id);
    const index = variants.indexOf(options.variant);
    if (index < 0) {
      throw new InputError([
        {
          code: 'unknown-variant',
          file,
          path: 'variants',
          message: `no variant "${options.variant}"`,
          hint: suggestionHint(options.variant, variants) ?? 'this scenario declares no variants',
        },
      ]);
    }
    const { value: raw, problems } = applyVariant(doc, scenarioSchema, index);
    if (problems.length > 0) throw new InputError(problems);
    const result = scenarioSchema.safeParse(raw, { reportInput: true });
    if (!result.success) throw new InputError(schemaProblems(doc, result.error.issues));
    spec = result.data;
  }
  const problems = new ProblemCollector(doc);
  checkSpec(spec, problems);
  checkTicks(spec, options.maxTicks ?? DEFAULT_MAX_TICKS, problems);
  if (options.checkVariants === true && options.variant === undefined)
    problems.problems.push(...variantsProblems(doc, base, problems.problems));
  problems.throwIfAny();
  return { spec, text, file, ...(options.variant !== undefined ? { variant: options.variant } : {}) };
}

/** A tick of at least one minute, a duration of at least none, and at most `maxTicks` ticks. */
function checkTicks(spec: ScenarioSpec, maxTicks: number, problems: ProblemCollector): void {
  if (spec.tick < 1) {
    problems.add(['tick'], 'invalid', 'a tick lasts at least one minute', 'write e.g. tick: 1h or tick: 1m');
    return;
  }
  if (spec.duration < 0) {
    problems.add(['duration'], 'invalid', 'a run cannot last less than nothing', 'write e.g. duration: 5d');
    return;
  }
  const ticks = Math.floor(spec.duration / spec.tick) + 1;
  if (ticks > maxTicks) {
    problems.add(
      ['duration'],
      'too-large',
      `a run would take ${ticks.toLocaleString('en-US')} ticks of ${formatDuration(spec.tick)}; at most ${maxTicks.toLocaleString('en-US')}`,
      'a shorter duration or a longer tick, or raise the limit with --max-ticks N',
    );
  }
}

/** What a schema cannot check: ids, references, structure, milestone patterns. */
function checkSpec(spec: ScenarioSpec, problems: ProblemCollector): void {
  const known = knownIds(spec);
  checkUniqueIds(spec, problems);
  checkReferences(spec, known, problems);
  checkStructure(spec, problems);
  checkMilestones(spec, known, problems);
}

/**
 * Every variant applied in turn: the problems of its paths, and those of the scenario it makes,
 * located at the variant's `set:` (the scenario's own lines hold the values it replaces).
 */
function variantsProblems(doc: SourceDocument, base: ScenarioSpec, own: readonly Problem[]): Problem[] {
  // A problem the scenario has without any variant is reported once, where it is.
  const already = new Set(own.map((p) => `${p.path}\u0000${p.message}`));
  const out: Problem[] = [];
  base.variants.forEach((variant, index) => {
    const { value: raw, problems: pathProblems } = applyVariant(doc, scenarioSchema, index);
    if (pathProblems.length > 0) {
      out.push(...pathProblems);
      return;
    }
    const result = scenarioSchema.safeParse(raw, { reportInput: true });
    let found: Problem[];
    if (!result.success) found = schemaProblems(doc, result.error.issues);
    else {
      const collector = new ProblemCollector(doc);
      checkSpec(result.data, collector);
      found = collector.problems;
    }
    // A variant of one change is located at that change; one of several at its `set:`.
    const [only, ...more] = Object.keys(variant.set);
    const single = only !== undefined && more.length === 0;
    const at: DocumentPath = single ? ['variants', index, 'set', only] : ['variants', index, 'set'];
    for (const p of found) {
      if (already.has(`${p.path}\u0000${p.message}`)) continue;
      const where = problemAt(doc, at, p.code, '', p.hint, single);
      out.push({
        ...where,
        message: `variant "${variant.id}" makes ${p.path || 'the scenario'} invalid: ${p.message}`,
      });
    }
  });
  return out;
}

function checkUniqueIds(spec: ScenarioSpec, problems: ProblemCollector): void {
  const sections: [readonly string[], readonly { id: string }[]][] = [
    [['locations'], spec.locations],
    [['factions'], spec.factions],
    [['persons'], spec.persons],
    [['forces'], spec.forces],
    [['intents'], spec.intents],
    [['milestones'], spec.milestones],
    [['incoherence'], spec.incoherence],
    [['variants'], spec.variants],
    [['physics', 'components'], spec.physics.components],
    [['physics', 'ways'], spec.physics.ways],
    [['physics', 'transfers'], spec.physics.transfers],
    [['physics', 'precautions'], spec.physics.precautions],
  ];
  for (const [section, items] of sections) {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        problems.add(
          [...section, i, 'id'],
          'duplicate-id',
          `duplicate id "${item.id}"`,
          `first used at ${section.join('.')}[${first}]`,
        );
      } else {
        seen.set(item.id, i);
      }
    });
  }
  // Script steps need no id; those named are named once.
  const steps = new Map<string, number>();
  spec.script.forEach((step, i) => {
    if (step.id === undefined) return;
    const first = steps.get(step.id);
    if (first === undefined) steps.set(step.id, i);
    else
      problems.add(
        ['script', i, 'id'],
        'duplicate-id',
        `duplicate id "${step.id}"`,
        `first used at script[${first}]`,
      );
  });
  const principles = new Map<string, string>();
  spec.factions.forEach((f, fi) =>
    f.principles.forEach((p, pi) => {
      const owner = principles.get(p.id);
      if (owner !== undefined) {
        problems.add(
          ['factions', fi, 'principles', pi, 'id'],
          'duplicate-id',
          `duplicate principle id "${p.id}"`,
          `already a principle of ${owner}`,
        );
      } else {
        principles.set(p.id, f.id);
      }
    }),
  );
  const resources = new Set<string>();
  spec.resources.forEach((r, i) => {
    if (resources.has(r)) problems.add(['resources', i], 'duplicate-id', `duplicate resource "${r}"`);
    resources.add(r);
  });
}

/** The ids of each kind that exist: declared in their sections, or declared by a script step. */
function knownIds(spec: ScenarioSpec): Map<ReferenceKind, Set<string>> {
  const known = new Map<ReferenceKind, Set<string>>();
  const add = (kind: ReferenceKind, value: string) => {
    let set = known.get(kind);
    if (!set) known.set(kind, (set = new Set()));
    set.add(value);
  };
  for (const l of spec.locations) add('location', l.id);
  for (const f of spec.factions) {
    add('faction', f.id);
    for (const p of f.principles) add('principle', p.id);
  }
  for (const p of spec.persons) add('person', p.id);
  for (const s of spec.forces) add('ship', s.id);
  for (const c of spec.physics.components) add('component', c.id);
  for (const w of spec.physics.ways) add('way', w.id);
  for (const t of spec.physics.transfers) {
    add('transfer', t.id);
    add('means', t.id);
  }
  for (const m of COMMON_MEANS) add('means', m);
  for (const p of spec.physics.precautions) add('precaution', p.id);
  for (const i of spec.intents) add('intent', i.id);
  for (const r of spec.resources) add('resource', r);
  visitReferences(scenarioSchema, spec, (v) => {
    if (!v.declares) return;
    add(v.kind, v.value);
    // An agreement drafted in a negotiation takes the negotiation's id.
    if (v.kind === 'negotiation') add('agreement', v.value);
  });
  return known;
}

function checkReferences(
  spec: ScenarioSpec,
  known: Map<ReferenceKind, Set<string>>,
  problems: ProblemCollector,
): void {
  visitReferences(scenarioSchema, spec, (v) => {
    if (v.declares) return;
    const valid = known.get(v.kind) ?? new Set<string>();
    if (!valid.has(v.value)) {
      problems.add(
        v.path,
        'unknown-reference',
        `unknown ${v.kind} "${v.value}"`,
        suggestionHint(v.value, [...valid].sort()),
      );
    }
  });
}

function checkStructure(spec: ScenarioSpec, problems: ProblemCollector): void {
  const persons = new Map(spec.persons.map((p) => [p.id, p]));
  spec.factions.forEach((f, i) => {
    const leader = persons.get(f.leader);
    if (leader && leader.faction !== f.id) {
      problems.add(
        ['factions', i, 'leader'],
        'invalid-leader',
        `leader "${f.leader}" serves "${leader.faction}", not "${f.id}"`,
        `set persons.${f.leader}.faction to "${f.id}"`,
      );
    }
  });
  // Location parents must not form a cycle.
  const parent = new Map(spec.locations.map((l) => [l.id, l.parent]));
  spec.locations.forEach((l, i) => {
    const seen = new Set([l.id]);
    let cur = l.parent;
    while (cur !== undefined) {
      if (seen.has(cur)) {
        problems.add(
          ['locations', i, 'parent'],
          'cycle',
          `location "${l.id}" is inside itself through its parents`,
        );
        break;
      }
      seen.add(cur);
      cur = parent.get(cur);
    }
  });
  spec.distances.forEach((d, i) => {
    if (d.between[0] === d.between[1])
      problems.add(['distances', i, 'between'], 'invalid', 'a distance needs two different locations');
  });
  spec.relations.forEach((r, i) => {
    if (r.from === r.to)
      problems.add(['relations', i, 'to'], 'invalid', 'a relation needs two different factions');
  });
  let last = Number.NEGATIVE_INFINITY;
  spec.script.forEach((step, i) => {
    if (step.at < last)
      problems.add(
        ['script', i, 'at'],
        'out-of-order',
        'script steps must be in time order',
        'move this step after the previous one or change its time',
      );
    if (step.at < 0)
      problems.add(['script', i, 'at'], 'invalid', 'a script step cannot happen before the start');
    if (step.at > spec.duration)
      problems.add(
        ['script', i, 'at'],
        'invalid',
        'this step comes after the scenario ends',
        'increase `duration`',
      );
    last = step.at;
  });
}

function checkMilestones(
  spec: ScenarioSpec,
  known: Map<ReferenceKind, Set<string>>,
  problems: ProblemCollector,
): void {
  const section = (name: 'milestones' | 'incoherence', list: readonly LogPatternSpec[]) =>
    list.forEach((m, mi) => {
      let previous: StepSpec | undefined;
      m.steps.forEach((step, si) => {
        const at: PathKey[] = [name, mi, 'steps', si];
        if ('anyOrder' in step) {
          step.anyOrder.forEach((p, pi) => checkPattern(p, [...at, 'anyOrder', pi], known, problems));
        } else {
          checkPattern(step, at, known, problems, previous);
          step.without.forEach((p, wi) => checkPattern(p, [...at, 'without', wi], known, problems, previous));
        }
        previous = step;
      });
      m.unless.forEach((step, si) => checkPattern(step, [name, mi, 'unless', si], known, problems));
      m.requires.forEach((step, si) => checkPattern(step, [name, mi, 'requires', si], known, problems));
    });
  section('milestones', spec.milestones);
  section('incoherence', spec.incoherence);
  // A milestone is due after one declared before it (so that no two wait on each other).
  spec.milestones.forEach((m, mi) => {
    const due = m.due;
    if (due === undefined || !('after' in due)) return;
    const earlier = spec.milestones.slice(0, mi).map((x) => x.id);
    if (!earlier.includes(due.after))
      problems.add(
        ['milestones', mi, 'due', 'after'],
        'unknown-reference',
        due.after === m.id
          ? 'a milestone cannot be due after itself'
          : spec.milestones.some((x) => x.id === due.after)
            ? `milestone "${due.after}" is declared after this one`
            : `unknown milestone "${due.after}"`,
        earlier.length > 0
          ? (suggestionHint(due.after, earlier) ?? `milestones declared before: ${earlier.join(', ')}`)
          : 'the first milestone can only be due `by` a time',
      );
  });
}

/** The fields of the events a step may follow (all of an `anyOrder` group's), for mapped `same`. */
function previousSchemas(previous: StepSpec | undefined) {
  const patterns = previous === undefined ? [] : 'anyOrder' in previous ? previous.anyOrder : [previous];
  return patterns.filter((p) => isEventType(p.event)).map((p) => eventPayloadSchemas[p.event as EventType]);
}

function checkPattern(
  pattern: PatternSpec,
  at: PathKey[],
  known: Map<ReferenceKind, Set<string>>,
  problems: ProblemCollector,
  previous?: StepSpec,
): void {
  if (!isEventType(pattern.event)) {
    problems.add(
      [...at, 'event'],
      'unknown-event-type',
      `unknown event type "${pattern.event}"`,
      suggestionHint(pattern.event, EVENT_TYPES),
    );
    return;
  }
  const schema = eventPayloadSchemas[pattern.event];
  checkConditions(schema, pattern.event, pattern.where, [...at, 'where'], known, problems);
  pattern.same.forEach((same, i) => {
    const pairs = typeof same === 'string' ? [[same, null] as const] : Object.entries(same);
    for (const [field, previousField] of pairs) {
      if (fieldsAt(schema, field.split('.')).length === 0) {
        problems.add(
          typeof same === 'string' ? [...at, 'same', i] : [...at, 'same', i, field],
          'unknown-field',
          `event "${pattern.event}" has no field "${field}"`,
          fieldHint(schema, field),
        );
      }
      if (previousField === null) continue;
      const before = previousSchemas(previous);
      if (before.length === 0)
        problems.add(
          [...at, 'same', i, field],
          'invalid-condition',
          'a mapped `same` compares with the previous step, and this is the first step',
          'move the pattern after the step it refers to',
        );
      else if (!before.some((s) => fieldsAt(s, previousField.split('.')).length > 0))
        problems.add(
          [...at, 'same', i, field],
          'unknown-field',
          `the previous step's event has no field "${previousField}"`,
          before[0] ? fieldHint(before[0], previousField) : undefined,
        );
    }
  });
}

function fieldHint(schema: Parameters<typeof fieldNames>[0], field: string): string | undefined {
  const parentPath = field.split('.');
  const name = parentPath.pop() ?? '';
  const parents = parentPath.length === 0 ? [{ schema }] : fieldsAt(schema, parentPath);
  const names = [...new Set(parents.flatMap((p) => fieldNames(p.schema)))].sort();
  const near = nearest(name, names);
  if (near !== undefined) return `did you mean "${[...parentPath, near].join('.')}"?`;
  return names.length > 0 ? `fields: ${names.join(', ')}` : undefined;
}

type Fields = ReturnType<typeof fieldsAt>;

function checkConditions(
  schema: Parameters<typeof fieldsAt>[0],
  eventType: string,
  where: Record<string, MilestoneCondition>,
  at: PathKey[],
  known: Map<ReferenceKind, Set<string>>,
  problems: ProblemCollector,
): void {
  for (const [field, condition] of Object.entries(where)) {
    const path = [...at, field];
    const fields = fieldsAt(schema, field.split('.'));
    if (fields.length === 0) {
      problems.add(
        path,
        'unknown-field',
        `event "${eventType}" has no field "${field}"`,
        fieldHint(schema, field),
      );
      continue;
    }
    checkCondition(fields, `${eventType}`, field, condition, path, known, problems);
  }
}

/** Checks that a condition could ever hold for a field: values of its type, ids that exist. */
function checkCondition(
  fields: Fields,
  eventType: string,
  field: string,
  condition: MilestoneCondition,
  path: PathKey[],
  known: Map<ReferenceKind, Set<string>>,
  problems: ProblemCollector,
): void {
  const checkValue = (value: unknown, valuePath: PathKey[]) => {
    if (!fields.some((f) => accepts(f.schema, value))) {
      problems.add(
        valuePath,
        'never-matches',
        `field "${field}" of "${eventType}" can never be ${JSON.stringify(value)}`,
        'this pattern would never match: see docs/scenario-format.md',
      );
      return;
    }
    const kind = fields.map((f) => referenceKindOf(f.schema)).find((k) => k !== undefined);
    if (kind !== undefined && typeof value === 'string') {
      const valid = known.get(kind) ?? new Set<string>();
      if (!valid.has(value))
        problems.add(
          valuePath,
          'unknown-reference',
          `unknown ${kind} "${value}"`,
          suggestionHint(value, [...valid].sort()),
        );
    }
  };
  if (condition === null || typeof condition !== 'object') {
    checkValue(condition, path);
    return;
  }
  if ('some' in condition) {
    if (!fields.some((f) => f.throughList)) {
      problems.add(path, 'invalid-condition', `"some" needs a list, but "${field}" is not one`);
      return;
    }
    for (const f of fields)
      checkConditions(f.schema, `${eventType}.${field}`, condition.some, [...path, 'some'], known, problems);
    return;
  }
  if ('allOf' in condition) {
    condition.allOf.forEach((c, i) =>
      checkCondition(fields, eventType, field, c, [...path, 'allOf', i], known, problems),
    );
    return;
  }
  if ('in' in condition) condition.in.forEach((v, i) => checkValue(v, [...path, 'in', i]));
  if ('all' in condition) condition.all.forEach((v, i) => checkValue(v, [...path, 'all', i]));
  if ('none' in condition) condition.none.forEach((v, i) => checkValue(v, [...path, 'none', i]));
  if ('min' in condition || 'max' in condition) {
    if (!fields.some((f) => accepts(f.schema, 0)))
      problems.add(path, 'never-matches', `field "${field}" of "${eventType}" is not a number`);
  }
}
