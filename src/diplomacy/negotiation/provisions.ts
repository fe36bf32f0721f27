/**
 * Treaty provisions as negotiation issues: a proposal made of provisions is an outcome of an
 * outcome space, so every protocol, strategy and analysis of this library applies to treaties.
 *
 * An agenda lists the provisions on the table. Each becomes one issue:
 * - `include`: the provision is in the treaty or not (values `no`, `yes`) — a defence pledge, a
 *   crew exchange, a transfer of technology;
 * - `amount`: how much of an aid provision (an integer range; 0 leaves it out) — emergency supplies.
 *
 * Preferences come from the engine's valuation of provisions in one currency from each party's
 * side (as Freeciv prices every clause in gold): the value of the treaty is the sum of the values
 * of its provisions, and utility is that value rescaled to [0, 1] over the agenda — exactly a
 * linear-additive utility. Red lines come from the model's provision patterns (principles).
 */
import { at } from '../../common/checked.js';
import { invariant } from '../../common/errors.js';
import {
  type Provision,
  type ProvisionPattern,
  describeProvision,
  matchesProvisionPattern,
} from '../../model/provision.js';
import {
  type Assignment,
  categoricalIssue,
  createOutcomeSpace,
  integerIssue,
  type Issue,
  type IssueValue,
  type OutcomePattern,
  type OutcomeSpace,
} from './outcome-space.js';
import { createPreferences, LinearAdditiveUtility, type PartyPreferences } from './preferences.js';

export type AgendaItem =
  | { readonly kind: 'include'; readonly provision: Provision; readonly name?: string }
  | {
      readonly kind: 'amount';
      readonly provision: Extract<Provision, { kind: 'aid' }>;
      /** The amounts that may be offered; 0 (when in range) means the aid is left out. */
      readonly amounts: { readonly min: number; readonly max: number; readonly step?: number };
      readonly name?: string;
    };

export interface ProvisionAgenda {
  readonly items: readonly AgendaItem[];
  /** One issue per item, in order. */
  readonly space: OutcomeSpace;
}

/** The default issue name of a provision: its kind, what it concerns and its direction. */
export function provisionIssueName(p: Provision): string {
  let name: string = p.kind;
  if (p.kind === 'aid') name += `:${p.resource}`;
  if (p.kind === 'technology-transfer') name += `:${p.technology}`;
  if (p.kind === 'weapons-transfer') name += `:${p.weapons}`;
  if (p.kind === 'conference-attendance' && p.conference) name += `:${p.conference}`;
  // Each act promised is an issue of its own: a reply may grant one and refuse another.
  if (p.kind === 'undertaking') name += `:${p.act}`;
  if ('giver' in p && (p.giver || p.receiver)) name += `:${p.giver ?? '?'}>${p.receiver ?? '?'}`;
  return name;
}

export function createProvisionAgenda(items: readonly AgendaItem[]): ProvisionAgenda {
  invariant(items.length > 0, 'an agenda needs at least one provision');
  const issues: Issue[] = items.map((item) => {
    const name = item.name ?? provisionIssueName(item.provision);
    if (item.kind === 'include') return categoricalIssue(name, ['no', 'yes']);
    return integerIssue(name, item.amounts.min, item.amounts.max, item.amounts.step ?? 1);
  });
  return { items, space: createOutcomeSpace(issues) };
}

/** The provisions of an outcome: included ones, and aid with the amount chosen (0 leaves it out). */
export function provisionsOf(agenda: ProvisionAgenda, a: Assignment): Provision[] {
  const out: Provision[] = [];
  agenda.items.forEach((item, i) => {
    const value = at(issueOf(agenda, i).values, at(a, i), 'value');
    if (item.kind === 'include') {
      if (value === 'yes') out.push(item.provision);
    } else if (amount(value) > 0) {
      out.push({ ...item.provision, amount: amount(value) });
    }
  });
  return out;
}

function issueOf(agenda: ProvisionAgenda, i: number): Issue {
  return at(agenda.space.issues, i, 'issue of agenda item');
}

/** The amount a value of an amount item's issue (an integer issue) stands for. */
function amount(value: IssueValue): number {
  invariant(typeof value === 'number', () => `an amount is an integer, not ${JSON.stringify(value)}`);
  return value;
}

/** One line per provision of an outcome, for transcripts: `mutual defence; aid of 50 food …`. */
export function describeTreaty(agenda: ProvisionAgenda, a: Assignment): string {
  const provisions = provisionsOf(agenda, a);
  return provisions.length === 0 ? 'nothing' : provisions.map(describeProvision).join('; ');
}

/**
 * The outcome of a list of provisions: an item is `yes` when a provision of its issue name is in
 * the list; an aid amount takes the nearest allowed amount (0 when absent, or the least amount).
 */
export function assignmentOf(agenda: ProvisionAgenda, provisions: readonly Provision[]): number[] {
  return agenda.items.map((item, i) => {
    const key = provisionIssueName(item.provision);
    const found = provisions.find((p) => provisionIssueName(p) === key);
    if (item.kind === 'include') return found ? 1 : 0;
    const wanted = found?.kind === 'aid' ? found.amount : 0;
    let best = 0;
    let bestGap = Number.POSITIVE_INFINITY;
    issueOf(agenda, i).values.forEach((v, k) => {
      const gap = Math.abs(amount(v) - wanted);
      if (gap < bestGap) {
        best = k;
        bestGap = gap;
      }
    });
    return best;
  });
}

/**
 * A party's preferences from its valuation of the agenda, in its own currency: `values[i]` is what
 * including item i is worth to it (for an amount item, what one unit is worth), negative for a
 * cost; `noAgreement` is what no treaty is worth. The treaty's value is the sum of its provisions'
 * values, and utility rescales it from the worst to the best treaty of the agenda:
 *
 *   u(o) = (V(o) − Vmin)/(Vmax − Vmin),  V(o) = Σᵢ cᵢ(oᵢ),
 *
 * i.e. weights wᵢ = (maxᵥ cᵢ − minᵥ cᵢ)/(Vmax − Vmin) and fᵢ(v) = (cᵢ(v) − minᵥ cᵢ)/(maxᵥ cᵢ − minᵥ cᵢ).
 * The reservation value is noAgreement rescaled the same way (clamped to [0, 1]).
 */
export function preferencesFromValues(
  agenda: ProvisionAgenda,
  values: readonly number[],
  noAgreement: number,
  options: Partial<Pick<PartyPreferences, 'redLines' | 'discount' | 'onRedLine'>> = {},
): PartyPreferences {
  invariant(values.length === agenda.items.length, 'one value per agenda item');
  // Per item: what each of its values contributes, the least of them, and their span.
  const columns = agenda.items.map((item, i) => {
    const worth = at(values, i, 'value of agenda item');
    const c = issueOf(agenda, i).values.map((v) =>
      item.kind === 'include' ? (v === 'yes' ? worth : 0) : worth * amount(v),
    );
    const low = Math.min(...c);
    const span = Math.max(...c) - low;
    return { span, low, f: c.map((x) => (span > 0 ? (x - low) / span : 0)) };
  });
  const spans = columns.map((x) => x.span);
  const total = spans.reduce((x, y) => x + y, 0);
  const vmin = columns.reduce((x, y) => x + y.low, 0);
  // Nothing on the agenda matters to this party: every treaty is worth the same (utility 0).
  const weights = total > 0 ? spans : spans.map(() => 1);
  const functions = columns.map((x) => x.f);
  const reservation =
    total > 0 ? Math.min(1, Math.max(0, (noAgreement - vmin) / total)) : noAgreement > vmin ? 1 : 0;
  return createPreferences(new LinearAdditiveUtility(weights, functions), { reservation, ...options });
}

/**
 * Red lines from the model's provision patterns (a faction's principles): including any agenda
 * provision that matches a pattern, from the point of view of faction `self`, is forbidden.
 */
export function redLinesFromPatterns(
  agenda: ProvisionAgenda,
  patterns: readonly ProvisionPattern[],
  self: string,
): OutcomePattern[] {
  const out: OutcomePattern[] = [];
  agenda.items.forEach((item, i) => {
    if (!patterns.some((pattern) => matchesProvisionPattern(item.provision, pattern, self))) return;
    const forbidden =
      item.kind === 'include' ? [1] : issueOf(agenda, i).values.flatMap((v, k) => (amount(v) > 0 ? [k] : []));
    if (forbidden.length > 0) out.push({ terms: [{ issue: i, values: forbidden }] });
  });
  return out;
}
