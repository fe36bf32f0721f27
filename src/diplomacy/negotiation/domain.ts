/**
 * Negotiation domain files (YAML or JSON): the issues, the parties with their preferences and
 * strategies, the deadline and, optionally, the protocol. Every problem is reported at once with
 * its file, line, column and path, and a fix where one can be guessed (`did you mean …`).
 *
 * ```yaml
 * issues:
 *   - name: supplies                # categorical or ordinal values, or {min, max, step}
 *     values: [none, food, food-and-medicine]
 *   - name: crew-exchange
 *     values: [no, yes]
 * parties:
 *   - name: starship
 *     reservation: 0.2              # utility of no agreement, in [0, 1]
 *     weights: {supplies: 0.3, crew-exchange: 0.7}
 *     utilities:                    # value function per issue, each in [0, 1]
 *       supplies: {none: 1, food: 0.6, food-and-medicine: 0.3}
 *       crew-exchange: {no: 1, yes: 0}
 *     forbid: [{crew-exchange: yes}]   # red lines
 *     strategy: boulware            # or {name: conceder, e: 2}
 * deadline: {rounds: 100}
 * ```
 *
 * Optional extras: an issue's `kind: ordinal`; a value function `{linear: [u_first, u_last]}` for
 * ordinal and integer issues; a party's `discount` (δ) and `onRedLine` (`reject`, `walk-away`);
 * `deadline.time` with `roundDuration`; `protocol: {kind: mediated, mediator: NAME, strategy: nash}`.
 * Weights are relative (divided by their sum); every issue needs one (0 to ignore the issue).
 */
import { z } from 'zod';
import { at } from '../../common/checked.js';
import { type DocumentPath, problemAt } from '../../common/document.js';
import { invariant } from '../../common/errors.js';
import { hasOwn } from '../../common/safe-path.js';
import { isRecord } from '../../common/guards.js';
import { ProblemCollector, parseAndValidate, suggestionHint } from '../../common/validate.js';
import type { AcceptanceSpec } from './acceptance.js';
import type { MediatorSpec } from './mediators.js';
import type { NegotiationParty, NegotiationSetup, ProtocolSpec } from './negotiate.js';
import {
  categoricalIssue,
  createOutcomeSpace,
  createPattern,
  type Issue,
  type IssueValue,
  integerIssue,
  MAX_ISSUE_VALUES,
  type Outcome,
  type OutcomePattern,
  type OutcomeSpace,
  ordinalIssue,
  valueIndex,
} from './outcome-space.js';
import { createPreferences, LinearAdditiveUtility } from './preferences.js';
import { STRATEGY_NAMES, type StrategyName, type StrategySpec } from './strategies.js';

const value = z.union([z.string(), z.number(), z.boolean()]);

const issueSchema = z.strictObject({
  name: z.string().min(1),
  kind: z.enum(['categorical', 'ordinal']).optional(),
  values: z.union([
    z.array(value).min(1),
    z.strictObject({ min: z.int(), max: z.int(), step: z.int().positive().optional() }),
  ]),
});

const partySchema = z.strictObject({
  name: z.string().min(1),
  reservation: z.number().min(0).max(1).optional(),
  weights: z.record(z.string(), z.number().min(0)),
  utilities: z.record(z.string(), z.unknown()).optional(),
  forbid: z.array(z.record(z.string(), z.union([value, z.array(value)]))).optional(),
  strategy: z.unknown().optional(),
  discount: z.number().gt(0).max(1).optional(),
  onRedLine: z.enum(['reject', 'walk-away']).optional(),
});

/** Most rounds a negotiation may last (a deadline beyond would only make the transcript unbounded). */
export const MAX_DEADLINE_ROUNDS = 1_000_000;

const deadlineSchema = z.strictObject({
  rounds: z
    .int()
    .positive()
    .max(MAX_DEADLINE_ROUNDS, { message: `at most ${MAX_DEADLINE_ROUNDS.toLocaleString('en-US')} rounds` })
    .optional(),
  time: z.number().positive().optional(),
});

export const domainSchema = z.strictObject({
  issues: z.array(issueSchema).min(1),
  parties: z.array(partySchema).min(1),
  deadline: deadlineSchema,
  roundDuration: z.number().positive().optional(),
  protocol: z.unknown().optional(),
});

export type DomainDocument = z.infer<typeof domainSchema>;

/** A parsed domain: everything needed to run a negotiation on it. */
export interface NegotiationDomain extends NegotiationSetup {
  readonly space: OutcomeSpace;
  readonly parties: readonly (NegotiationParty & { readonly strategy: StrategySpec })[];
  readonly protocol: ProtocolSpec &
    ({ kind: 'alternating-offers' } | { kind: 'mediated'; strategy: MediatorSpec });
}

/** Parses and checks a domain file; throws an InputError listing every problem, located. */
export function parseDomain(text: string, file: string): NegotiationDomain {
  const { value: doc, doc: source } = parseAndValidate(domainSchema, text, file);
  const problems = new ProblemCollector(source);
  const domain = checkDomain(doc, problems, []);
  problems.throwIfAny();
  invariant(domain !== undefined, 'a domain without problems is checked');
  return domain;
}

type DomainParty = NegotiationParty & { readonly strategy: StrategySpec };

/**
 * The semantic checks of a domain already shaped by the schema, reporting into `problems` at
 * paths under `at` (a tournament file embeds domains). Returns undefined when a problem was found.
 */
export function checkDomain(
  doc: DomainDocument,
  problems: ProblemCollector,
  at: DocumentPath,
): NegotiationDomain | undefined {
  const before = problems.problems.length;
  const issues = checkIssues(doc.issues, problems, at);
  if (problems.problems.length > before) return undefined;
  const space = createOutcomeSpace(issues);

  const partyNames = new Set<string>();
  const parties = doc.parties.map((spec, p) => {
    const path = [...at, 'parties', p];
    if (partyNames.has(spec.name))
      problems.add([...path, 'name'], 'duplicate', `party "${spec.name}" is defined twice`);
    partyNames.add(spec.name);
    return checkParty(spec, path, space, problems, before);
  });

  const deadline = doc.deadline;
  checkDeadline(deadline, doc.roundDuration, problems, at);
  const protocol = parseProtocol(doc.protocol, [...at, 'protocol'], problems, space, [...partyNames]);
  if (protocol && protocol.kind === 'alternating-offers' && doc.parties.length < 2) {
    problems.add(
      [...at, 'parties'],
      'too-few-parties',
      'alternating offers needs at least two parties',
      'add a party or use a mediated protocol',
    );
  }
  if (problems.problems.length > before || protocol === undefined) return undefined;
  return {
    space,
    parties: parties.filter((party) => party !== undefined),
    deadline: {
      ...(deadline.rounds !== undefined ? { rounds: deadline.rounds } : {}),
      ...(deadline.time !== undefined ? { time: deadline.time } : {}),
    },
    ...(doc.roundDuration !== undefined ? { roundDuration: doc.roundDuration } : {}),
    protocol,
  };
}

/** A deadline: rounds, time or both, and no more than MAX_DEADLINE_ROUNDS rounds either way. */
function checkDeadline(
  deadline: DomainDocument['deadline'],
  roundDuration: number | undefined,
  problems: ProblemCollector,
  at: DocumentPath,
): void {
  if (deadline.rounds === undefined && deadline.time === undefined) {
    problems.add(
      [...at, 'deadline'],
      'missing-deadline',
      'a deadline needs rounds, time or both',
      'e.g. {rounds: 100}',
    );
  } else if (
    deadline.rounds === undefined &&
    deadline.time !== undefined &&
    deadline.time / (roundDuration ?? 1) > MAX_DEADLINE_ROUNDS
  ) {
    problems.add(
      [...at, 'deadline', 'time'],
      'too-large',
      `a deadline of ${deadline.time} at ${roundDuration ?? 1} per round allows more than ${MAX_DEADLINE_ROUNDS.toLocaleString('en-US')} rounds`,
      'give deadline.rounds as well, or a shorter time or longer rounds',
    );
  }
}

/** The issues of a domain: distinct names, distinct values, integer ranges of bounded size. */
function checkIssues(specs: DomainDocument['issues'], problems: ProblemCollector, at: DocumentPath): Issue[] {
  const issues: Issue[] = [];
  const seenIssues = new Set<string>();
  specs.forEach((spec, i) => {
    const path = [...at, 'issues', i];
    if (seenIssues.has(spec.name))
      problems.add([...path, 'name'], 'duplicate', `issue "${spec.name}" is defined twice`);
    // Issues are named by keys (weights, utilities, red lines), and no key may be `__proto__`.
    if (spec.name === '__proto__')
      problems.add([...path, 'name'], 'invalid', '"__proto__" cannot name an issue', 'choose another name');
    seenIssues.add(spec.name);
    if (Array.isArray(spec.values)) {
      const values = spec.values.map((v) => (typeof v === 'boolean' ? String(v) : v));
      const seen = new Set<string>();
      values.forEach((v, j) => {
        if (seen.has(String(v)))
          problems.add([...path, 'values', j], 'duplicate', `value "${v}" is listed twice`);
        seen.add(String(v));
      });
      issues.push(
        spec.kind === 'ordinal'
          ? ordinalIssue(spec.name, [...new Set(values)])
          : categoricalIssue(spec.name, [...new Set(values)]),
      );
      return;
    }
    const { min, max } = spec.values;
    const step = spec.values.step ?? 1;
    if (max < min) {
      problems.add([...path, 'values', 'max'], 'invalid-range', `max ${max} is below min ${min}`);
      return;
    }
    const count = Math.floor((max - min) / step) + 1;
    if (count > MAX_ISSUE_VALUES) {
      problems.add(
        [...path, 'values'],
        'too-many-values',
        `the range has ${count} values (limit ${MAX_ISSUE_VALUES})`,
        'use a larger step',
      );
      return;
    }
    issues.push(integerIssue(spec.name, min, max, step));
  });
  return issues;
}

type PartySpec = DomainDocument['parties'][number];

/**
 * One party: weights, value functions, red lines and strategy. Undefined when a problem was found
 * since `before` (once the domain has one, no party is built; each is still checked).
 */
function checkParty(
  spec: PartySpec,
  path: DocumentPath,
  space: OutcomeSpace,
  problems: ProblemCollector,
  before: number,
): DomainParty | undefined {
  const issueNames = space.issues.map((i) => i.name);
  const weights = checkWeights(spec.weights, [...path, 'weights'], issueNames, problems);

  // Value functions: every value of every weighted issue, in [0, 1].
  const utilities = spec.utilities ?? {};
  for (const name of Object.keys(utilities))
    knownKey(problems, [...path, 'utilities', name], 'issue', name, issueNames);
  const values = space.issues.map((issue, i) =>
    valueFunction(
      issue,
      hasOwn(utilities, issue.name) ? utilities[issue.name] : undefined,
      at(weights, i) > 0,
      [...path, 'utilities', issue.name],
      problems,
    ),
  );

  const redLines = checkRedLines(spec.forbid ?? [], [...path, 'forbid'], space, problems);
  const strategy = parseStrategySpec(spec.strategy ?? 'aspiration', [...path, 'strategy'], problems);
  if (problems.problems.length > before || strategy === undefined) return undefined;
  const utility = new LinearAdditiveUtility(weights, values);
  const preferences = createPreferences(utility, {
    reservation: spec.reservation ?? 0,
    redLines,
    discount: spec.discount ?? 1,
    onRedLine: spec.onRedLine ?? 'reject',
  });
  return { name: spec.name, preferences, strategy };
}

/** Weights: one per issue, known issue names, not all zero. */
function checkWeights(
  given: PartySpec['weights'],
  path: DocumentPath,
  issueNames: readonly string[],
  problems: ProblemCollector,
): number[] {
  const weights = issueNames.map(() => 0);
  let namedWell = true;
  for (const [name, weight] of Object.entries(given)) {
    if (!knownKey(problems, [...path, name], 'issue', name, issueNames)) {
      namedWell = false;
      continue;
    }
    weights[issueNames.indexOf(name)] = weight;
  }
  for (const name of issueNames) {
    if (!hasOwn(given, name)) {
      problems.add(path, 'missing-weight', `no weight for issue "${name}"`, `add "${name}: 0" to ignore it`);
    }
  }
  // (Not when a misspelt issue name is the reason: that is already reported.)
  if (namedWell && weights.every((w) => w === 0) && Object.keys(given).length > 0) {
    problems.add(path, 'zero-weights', 'at least one weight must be positive');
  }
  return weights;
}

/** Red lines: each names at least one known issue and only values it has. */
function checkRedLines(
  patterns: NonNullable<PartySpec['forbid']>,
  path: DocumentPath,
  space: OutcomeSpace,
  problems: ProblemCollector,
): OutcomePattern[] {
  const issueNames = space.issues.map((i) => i.name);
  const redLines: OutcomePattern[] = [];
  patterns.forEach((pattern, r) => {
    const rpath = [...path, r];
    const terms = Object.entries(pattern);
    if (terms.length === 0) {
      problems.add(
        rpath,
        'empty-red-line',
        'an empty red line forbids every outcome',
        'name at least one issue',
      );
      return;
    }
    let ok = true;
    for (const [name, raw] of terms) {
      if (!knownKey(problems, [...rpath, name], 'issue', name, issueNames)) {
        ok = false;
        continue;
      }
      const issue = issueNames.indexOf(name);
      const list = Array.isArray(raw) ? raw : [raw];
      list.forEach((v, j) => {
        const text = typeof v === 'boolean' ? String(v) : v;
        if (valueIndex(space, issue, text) < 0) {
          ok = false;
          const vpath = Array.isArray(raw) ? [...rpath, name, j] : [...rpath, name];
          unknownValue(problems, vpath, at(space.issues, issue), String(text));
        }
      });
    }
    if (ok) {
      // Own properties whatever the issue is called (an issue may be named `__proto__`).
      const normalised: Record<string, IssueValue | IssueValue[]> = Object.create(null);
      for (const [name, raw] of terms) {
        normalised[name] = Array.isArray(raw)
          ? raw.map((v) => (typeof v === 'boolean' ? String(v) : v))
          : typeof raw === 'boolean'
            ? String(raw)
            : raw;
      }
      redLines.push(createPattern(space, normalised));
    }
  });
  return redLines;
}

/** One issue's value function from its map (value → utility) or `{linear: [first, last]}`. */
function valueFunction(
  issue: Issue,
  raw: unknown,
  required: boolean,
  path: DocumentPath,
  problems: ProblemCollector,
): number[] {
  const zeros = issue.values.map(() => 0);
  if (raw === undefined) {
    if (required) {
      problems.add(
        path,
        'missing-utilities',
        `no value function for issue "${issue.name}"`,
        `give a utility in [0, 1] to each of ${issue.values.map((v) => `"${v}"`).join(', ')}`,
      );
    }
    return zeros;
  }
  if (!isRecord(raw)) {
    problems.add(
      path,
      'invalid-utilities',
      'expected a map from value to utility, or {linear: [first, last]}',
    );
    return zeros;
  }
  if ('linear' in raw && Object.keys(raw).length === 1)
    return linearValueFunction(issue, raw.linear, [...path, 'linear'], problems) ?? zeros;
  return mappedValueFunction(issue, raw, required, path, problems);
}

const isUtility = (x: unknown): x is number => typeof x === 'number' && x >= 0 && x <= 1;

/** `{linear: [first, last]}`: utilities interpolated over an ordered issue's values. */
function linearValueFunction(
  issue: Issue,
  ends: unknown,
  path: DocumentPath,
  problems: ProblemCollector,
): number[] | undefined {
  const invalid = (message: string, hint?: string): undefined => {
    problems.add(path, 'invalid-utilities', message, hint);
    return undefined;
  };
  const [first, last] = Array.isArray(ends) && ends.length === 2 ? ends : [];
  if (!isUtility(first) || !isUtility(last))
    return invalid('expected [utility of the first value, utility of the last value], each in [0, 1]');
  if (issue.kind === 'categorical') {
    return invalid(
      `issue "${issue.name}" is categorical: its values have no order`,
      'give each value its utility, or declare the issue "kind: ordinal"',
    );
  }
  const m = issue.values.length;
  return issue.values.map((_, i) => (m === 1 ? first : first + ((last - first) * i) / (m - 1)));
}

/** A map from each value to its utility. */
function mappedValueFunction(
  issue: Issue,
  map: Record<string, unknown>,
  required: boolean,
  path: DocumentPath,
  problems: ProblemCollector,
): number[] {
  const labels = issue.values.map(String);
  const out = issue.values.map(() => 0);
  const given = new Set<number>();
  for (const [key, u] of Object.entries(map)) {
    const i = labels.indexOf(key);
    if (i < 0) {
      unknownValue(problems, [...path, key], issue, key, true);
      continue;
    }
    given.add(i);
    if (typeof u !== 'number' || !Number.isFinite(u) || u < 0 || u > 1) {
      problems.add([...path, key], 'invalid-utility', `utility of "${key}" must be a number in [0, 1]`);
      continue;
    }
    out[i] = u;
  }
  const missing = labels.filter((_, i) => !given.has(i));
  if (missing.length > 0 && required) {
    problems.add(
      path,
      'missing-utilities',
      `no utility for ${missing.map((v) => `"${v}"`).join(', ')} of issue "${issue.name}"`,
    );
  }
  return out;
}

const STRATEGY_PARAMETERS: Readonly<Record<StrategyName, readonly string[]>> = {
  aspiration: ['curve', 'max', 'tolerance', 'accept'],
  boulware: ['e', 'k', 'accept'],
  linear: ['e', 'k', 'accept'],
  conceder: ['e', 'k', 'accept'],
  'time-dependent': ['e', 'k', 'accept'],
  'tit-for-tat': ['kindness'],
  hardliner: [],
  random: ['pAccept'],
};

const strategyName = (name: string): StrategyName | undefined => STRATEGY_NAMES.find((n) => n === name);

/**
 * A strategy given by name (`boulware`) or by name with parameters (`{name: conceder, e: 2}`),
 * checked with located problems; undefined when invalid.
 */
export function parseStrategySpec(
  raw: unknown,
  path: DocumentPath,
  problems: ProblemCollector,
): StrategySpec | undefined {
  if (typeof raw === 'string') {
    const name = strategyName(raw);
    if (name === undefined) problems.reference(path, 'strategy', raw, STRATEGY_NAMES);
    return name;
  }
  if (!isRecord(raw)) {
    problems.add(
      path,
      'invalid-strategy',
      'expected a strategy name or {name: …, parameters…}',
      'e.g. boulware or {name: conceder, e: 2}',
    );
    return undefined;
  }
  if (typeof raw.name !== 'string') {
    problems.add(
      [...path, 'name'],
      'invalid-strategy',
      'a strategy needs a name',
      `valid: ${STRATEGY_NAMES.join(', ')}`,
    );
    return undefined;
  }
  const name = strategyName(raw.name);
  if (name === undefined) {
    problems.reference([...path, 'name'], 'strategy', raw.name, STRATEGY_NAMES);
    return undefined;
  }
  const allowed = STRATEGY_PARAMETERS[name];
  const before = problems.problems.length;
  for (const [key, v] of Object.entries(raw)) {
    if (key === 'name') continue;
    if (!allowed.includes(key)) {
      problems.problems.push(
        problemAt(
          problems.doc,
          [...path, key],
          'unknown-field',
          `unknown parameter "${key}" of strategy ${name}`,
          allowed.length > 0 ? `valid: ${allowed.join(', ')}` : `${name} takes no parameters`,
          true,
        ),
      );
      continue;
    }
    checkStrategyParameter(key, v, [...path, key], problems);
  }
  // Every parameter the strategy takes has been checked above.
  return problems.problems.length > before ? undefined : (raw as StrategySpec);
}

function checkStrategyParameter(
  key: string,
  v: unknown,
  path: DocumentPath,
  problems: ProblemCollector,
): void {
  switch (key) {
    case 'e':
    case 'max':
      if (typeof v !== 'number' || !(v > 0))
        problems.add(path, 'invalid-parameter', `${key} must be a positive number`);
      break;
    case 'k':
    case 'pAccept':
    case 'tolerance':
      if (typeof v !== 'number' || v < 0 || v > 1)
        problems.add(path, 'invalid-parameter', `${key} must be a number in [0, 1]`);
      break;
    case 'kindness':
      if (typeof v !== 'number' || !Number.isFinite(v))
        problems.add(path, 'invalid-parameter', 'kindness must be a number');
      break;
    case 'curve':
      if (
        !(typeof v === 'number' && v > 0) &&
        !(typeof v === 'string' && ['boulware', 'linear', 'conceder'].includes(v))
      ) {
        problems.add(path, 'invalid-parameter', 'curve is boulware, linear, conceder or a positive exponent');
      }
      break;
    case 'accept':
      checkAcceptance(v, path, problems);
      break;
  }
}

function checkAcceptance(v: unknown, path: DocumentPath, problems: ProblemCollector): v is AcceptanceSpec {
  const hint = 'next, {const: 0.8}, {time: 0.9}, {next: {a: 1, b: 0}} or a list of these';
  if (v === 'next') return true;
  if (Array.isArray(v)) {
    if (v.length === 0)
      problems.add(path, 'invalid-acceptance', 'an empty list of acceptance conditions', hint);
    return v.every((x, i) => checkAcceptance(x, [...path, i], problems));
  }
  if (typeof v === 'object' && v !== null) {
    const [entry, ...more] = Object.entries(v);
    if (entry !== undefined && more.length === 0) {
      const [key, x] = entry;
      if (key === 'const' && typeof x === 'number') return true;
      if (key === 'time' && typeof x === 'number' && x >= 0 && x <= 1) return true;
      if (
        key === 'next' &&
        typeof x === 'object' &&
        x !== null &&
        Object.entries(x).every(([k, y]) => (k === 'a' || k === 'b') && typeof y === 'number')
      )
        return true;
    }
  }
  problems.add(path, 'invalid-acceptance', 'not an acceptance condition', hint);
  return false;
}

const MEDIATOR_NAMES = ['random', 'random-walk', 'nash', 'script'] as const;

type DomainProtocol = ProtocolSpec &
  ({ kind: 'alternating-offers' } | { kind: 'mediated'; strategy: MediatorSpec });

function parseProtocol(
  raw: unknown,
  path: DocumentPath,
  problems: ProblemCollector,
  space: OutcomeSpace,
  parties: readonly string[],
): DomainProtocol | undefined {
  if (raw === undefined || raw === 'alternating-offers') return { kind: 'alternating-offers' };
  if (raw === 'mediated') {
    problems.add(
      path,
      'invalid-protocol',
      'a mediated protocol needs a mediator',
      'e.g. {kind: mediated, mediator: broker, strategy: nash}',
    );
    return undefined;
  }
  if (!isRecord(raw)) {
    problems.add(
      path,
      'invalid-protocol',
      'expected alternating-offers or {kind: mediated, mediator: NAME, strategy: …}',
    );
    return undefined;
  }
  if (raw.kind === 'alternating-offers') {
    for (const key of Object.keys(raw)) if (key !== 'kind') unknownField(problems, [...path, key]);
    return { kind: 'alternating-offers' };
  }
  if (raw.kind !== 'mediated') {
    problems.add([...path, 'kind'], 'invalid-protocol', 'kind is alternating-offers or mediated');
    return undefined;
  }
  return parseMediated(raw, path, problems, space, parties);
}

/** `{kind: mediated, mediator: NAME, strategy: …, texts: […]}`. */
function parseMediated(
  spec: Record<string, unknown>,
  path: DocumentPath,
  problems: ProblemCollector,
  space: OutcomeSpace,
  parties: readonly string[],
): DomainProtocol | undefined {
  const before = problems.problems.length;
  for (const key of Object.keys(spec)) {
    if (!['kind', 'mediator', 'strategy', 'texts'].includes(key)) unknownField(problems, [...path, key]);
  }
  const name = spec.mediator;
  if (typeof name !== 'string' || name.length === 0) {
    problems.add([...path, 'mediator'], 'invalid-protocol', 'the mediator needs a name');
  } else if (parties.includes(name)) {
    problems.add(
      [...path, 'mediator'],
      'invalid-protocol',
      `the mediator "${name}" is also a party`,
      'a mediator proposes; parties vote',
    );
  }
  const mediator = mediatorSpec(spec, path, problems, space);
  if (problems.problems.length > before || typeof name !== 'string' || mediator === undefined)
    return undefined;
  return { kind: 'mediated', mediator: name, strategy: mediator };
}

/** The mediator's strategy, and the texts of a scripted mediator; undefined when invalid. */
function mediatorSpec(
  spec: Record<string, unknown>,
  path: DocumentPath,
  problems: ProblemCollector,
  space: OutcomeSpace,
): MediatorSpec | undefined {
  const strategy = spec.strategy ?? 'nash';
  const known = MEDIATOR_NAMES.find((n) => n === strategy);
  if (known === undefined) {
    problems.reference([...path, 'strategy'], 'mediator strategy', String(strategy), MEDIATOR_NAMES);
    return undefined;
  }
  if (known !== 'script') {
    if (spec.texts !== undefined)
      problems.add([...path, 'texts'], 'unknown-field', 'texts are for the script mediator only');
    return known;
  }
  const texts = spec.texts;
  if (!Array.isArray(texts) || texts.length === 0) {
    problems.add(
      [...path, 'texts'],
      'invalid-protocol',
      'a scripted mediator needs a list of texts (outcomes)',
    );
    return undefined;
  }
  const outcomes = texts.filter((t, i): t is Outcome =>
    checkOutcome(t, [...path, 'texts', i], problems, space),
  );
  return { name: 'script', texts: outcomes };
}

/** Checks a named outcome: a value for every issue, from its list. */
export function checkOutcome(
  raw: unknown,
  path: DocumentPath,
  problems: ProblemCollector,
  space: OutcomeSpace,
): raw is Outcome {
  if (!isRecord(raw)) {
    problems.add(path, 'invalid-outcome', 'expected a map from issue to value');
    return false;
  }
  const outcome = raw;
  let ok = true;
  const names = space.issues.map((i) => i.name);
  for (const key of Object.keys(outcome)) {
    if (!knownKey(problems, [...path, key], 'issue', key, names)) ok = false;
  }
  space.issues.forEach((issue, i) => {
    const v = outcome[issue.name];
    if (v === undefined) {
      problems.add(path, 'invalid-outcome', `no value for issue "${issue.name}"`);
      ok = false;
    } else if (typeof v !== 'string' && typeof v !== 'number') {
      problems.add([...path, issue.name], 'invalid-outcome', 'expected a value of the issue');
      ok = false;
    } else if (valueIndex(space, i, v) < 0) {
      unknownValue(problems, [...path, issue.name], issue, String(v));
      ok = false;
    }
  });
  return ok;
}

/**
 * Checks that a map key names one of `valid`; an unknown one is reported at the key itself (the
 * value is not what is wrong), with the nearest valid name as a hint.
 */
function knownKey(
  problems: ProblemCollector,
  path: DocumentPath,
  kind: string,
  name: string,
  valid: readonly string[],
): boolean {
  if (valid.includes(name)) return true;
  problems.problems.push(
    problemAt(
      problems.doc,
      path,
      'unknown-reference',
      `unknown ${kind} "${name}"`,
      suggestionHint(name, valid),
      true,
    ),
  );
  return false;
}

function unknownField(problems: ProblemCollector, path: DocumentPath): void {
  problems.problems.push(
    problemAt(
      problems.doc,
      path,
      'unknown-field',
      `unknown field "${String(path[path.length - 1])}"`,
      undefined,
      true,
    ),
  );
}

/** Reports a value that is not among an issue's values, with the nearest one as a hint. */
function unknownValue(
  problems: ProblemCollector,
  path: DocumentPath,
  issue: Issue,
  text: string,
  onKey = false,
): void {
  const labels = issue.values.map(String);
  problems.problems.push(
    problemAt(
      problems.doc,
      path,
      'unknown-reference',
      `issue "${issue.name}" has no value "${text}"`,
      suggestionHint(text, labels),
      onKey,
    ),
  );
}
