import { describe, expect, it } from 'vitest';
import { type Provision, provisionSchema } from '../../../src/model/provision.js';
import { analyseBargaining } from '../../../src/diplomacy/negotiation/analysis.js';
import { runNegotiation } from '../../../src/diplomacy/negotiation/negotiate.js';
import { toOutcome } from '../../../src/diplomacy/negotiation/outcome-space.js';
import { isForbidden } from '../../../src/diplomacy/negotiation/preferences.js';
import {
  assignmentOf,
  createProvisionAgenda,
  describeTreaty,
  preferencesFromValues,
  provisionIssueName,
  provisionsOf,
  redLinesFromPatterns,
} from '../../../src/diplomacy/negotiation/provisions.js';

const p = (x: unknown): Provision => provisionSchema.parse(x);
const defence = p({ kind: 'defence' });
const aid = p({
  kind: 'aid',
  resource: 'food',
  amount: 0,
  giver: 'federation',
  receiver: 'nistrim',
}) as Extract<Provision, { kind: 'aid' }>;
const technology = p({
  kind: 'technology-transfer',
  technology: 'replicators',
  giver: 'federation',
  receiver: 'nistrim',
});
const crews = p({ kind: 'crew-exchange', count: 2 });

const agenda = createProvisionAgenda([
  { kind: 'include', provision: defence },
  { kind: 'amount', provision: aid, amounts: { min: 0, max: 100, step: 50 } },
  { kind: 'include', provision: technology },
  { kind: 'include', provision: crews },
]);

describe('treaty provisions as issues', () => {
  it('make one issue per provision: included or not, or an amount of aid', () => {
    expect(agenda.space.issues.map((i) => [i.name, i.values])).toEqual([
      ['defence', ['no', 'yes']],
      ['aid:food:federation>nistrim', [0, 50, 100]],
      ['technology-transfer:replicators:federation>nistrim', ['no', 'yes']],
      ['crew-exchange', ['no', 'yes']],
    ]);
    expect(provisionIssueName(p({ kind: 'conference-attendance', conference: 'peace' }))).toBe(
      'conference-attendance:peace',
    );
  });

  it('turn outcomes into treaties and back', () => {
    const treaty = provisionsOf(agenda, [1, 1, 0, 0]);
    expect(treaty).toEqual([defence, { ...aid, amount: 50 }]);
    expect(assignmentOf(agenda, treaty)).toEqual([1, 1, 0, 0]);
    expect(assignmentOf(agenda, [{ ...aid, amount: 70 }, crews])).toEqual([0, 1, 0, 1]);
    expect(provisionsOf(agenda, [0, 0, 0, 0])).toEqual([]);
    expect(describeTreaty(agenda, [1, 2, 0, 0])).toBe(
      'mutual defence; aid of 100 food from federation to nistrim (when needed)',
    );
    expect(describeTreaty(agenda, [0, 0, 0, 0])).toBe('nothing');
  });

  it('value treaties as the sum of their provisions, rescaled to [0, 1]', () => {
    // Defence +30; each unit of food given −0.2; technology −50; crew exchange −100; no treaty −10.
    // Treaty values run from −170 to +30: u = (V + 170)/200.
    const federation = preferencesFromValues(agenda, [30, -0.2, -50, -100], -10);
    expect(federation.utility.utility([1, 0, 0, 0])).toBeCloseTo(1, 12);
    expect(federation.utility.utility([0, 2, 1, 1])).toBeCloseTo(0, 12);
    expect(federation.utility.utility([1, 1, 0, 0])).toBeCloseTo(190 / 200, 12);
    expect(federation.reservation).toBeCloseTo(160 / 200, 12);
    expect(preferencesFromValues(agenda, [0, 0, 0, 0], 5).reservation).toBe(1);
  });

  it('derive red lines from principles, and negotiate a treaty that respects them', () => {
    const redLines = redLinesFromPatterns(
      agenda,
      [
        { kind: 'crew-exchange', giver: 'any' },
        { kind: 'technology-transfer', giver: 'self' },
      ],
      'federation',
    );
    expect(redLines).toEqual([
      { terms: [{ issue: 2, values: [1] }] },
      { terms: [{ issue: 3, values: [1] }] },
    ]);
    // The same principle held by the receiver does not forbid receiving technology.
    expect(redLinesFromPatterns(agenda, [{ kind: 'technology-transfer', giver: 'self' }], 'nistrim')).toEqual(
      [],
    );
    const federation = preferencesFromValues(agenda, [30, -0.2, -50, -100], -10, {
      redLines,
      onRedLine: 'walk-away',
    });
    const nistrim = preferencesFromValues(agenda, [40, 0.5, 60, 50], 0);
    const setup = {
      space: agenda.space,
      parties: [
        { name: 'federation', preferences: federation, strategy: 'aspiration' as const },
        { name: 'nistrim', preferences: nistrim, strategy: 'conceder' as const },
      ],
      deadline: { rounds: 50 },
    };
    const result = runNegotiation(setup, { seed: 1 });
    expect(result.events.length).toBeGreaterThan(0);
    if (result.agreement) {
      expect(isForbidden(federation, result.agreement)).toBe(false);
      expect(provisionsOf(agenda, result.agreement).some((x) => x.kind === 'crew-exchange')).toBe(false);
    }
    const nash = analyseBargaining(agenda.space, [federation, nistrim]).nash!;
    expect(toOutcome(agenda.space, nash.assignment)).toMatchObject({ 'crew-exchange': 'no' });
  });
});
