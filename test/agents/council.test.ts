/**
 * Councils and stances, on the small world of a secure realm facing a rising threat
 * (test/fixtures/strategy/rising-threat.yaml, made hostile and strong here): the queen asks herself
 * whether to seek an ally, and two ministers who sit at her council argue from their stances.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/agents/run.js';
import { explainEvent, renderExplanation } from '../../src/engine/explanation.js';
import type { WorldEvent } from '../../src/events/index.js';
import { namesOf } from '../../src/events/index.js';
import { buildWorld } from '../../src/engine/initial-world.js';
import { scenarioFrom } from '../support.js';

const base = readFileSync('test/fixtures/strategy/rising-threat.yaml', 'utf8')
  .replace(
    '{ from: realm, to: rival, mutual: true, status: neutral }',
    '{ from: realm, to: rival, mutual: true, status: hostile }',
  )
  .replace('faction: rival, firepower: 4', 'faction: rival, firepower: 12');

/** The realm with a council of two ministers, each with the stances given, deciding by `rule`. */
function withCouncil(rule: string, marshal: string, chancellor: string): string {
  const text = base
    .replace(
      '{ id: realm, name: the Realm, culture: realm, leader: queen }',
      `{ id: realm, name: the Realm, culture: realm, leader: queen, council: { rule: ${rule}, members: [marshal, chancellor] } }`,
    )
    .replace(
      'persons:\n',
      `persons:
  - { id: marshal, name: the Marshal, faction: realm, role: minister, at: realm-capital, stances: [${marshal}] }
  - { id: chancellor, name: the Chancellor, faction: realm, role: minister, at: realm-capital, stances: [${chancellor}] }
`,
    );
  expect(text).toContain('council:');
  return text;
}

const ALLY = '{ side: partner, weight: 1, text: the Partner is our natural friend }';
const ALONE = '{ interest: independence, weight: 1, text: no entangling alliances }';

const securityDecision = (events: readonly WorldEvent[]) =>
  events.find(
    (e): e is Extract<WorldEvent, { type: 'decision-made' }> =>
      e.type === 'decision-made' && e.question === 'security',
  );

describe('stances', () => {
  it('an advisor argues from a stance: their counsel follows it, and gives it as a reason', () => {
    const counselOf = (text: string) =>
      runScenario(scenarioFrom(text), { mode: 'autonomous', seed: 1 }).events.filter(
        (e): e is Extract<WorldEvent, { type: 'counsel-given' }> => e.type === 'counsel-given',
      );
    const argued = counselOf(withCouncil('leader', ALLY, ALONE));
    expect(argued.find((c) => c.advisor === 'marshal')).toMatchObject({ position: 'for' });
    expect(argued.find((c) => c.advisor === 'marshal')?.reasons).toContain(
      'the Partner is our natural friend',
    );
    expect(argued.find((c) => c.advisor === 'chancellor')).toMatchObject({ position: 'against' });
    // Without a stance, the same minister counsels for an ally, as the queen's own reasons would.
    const plain = counselOf(withCouncil('leader', ALLY, ALONE).replace(`stances: [${ALONE}]`, 'stances: []'));
    expect(plain.find((c) => c.advisor === 'chancellor')).toMatchObject({ position: 'for' });
  });

  it("the decider's own stance is a term of the options that serve it", () => {
    const text = withCouncil('leader', ALLY, ALONE).replace(
      '{ id: queen, name: Queen Ada, faction: realm, role: leader, at: realm-capital }',
      `{ id: queen, name: Queen Ada, faction: realm, role: leader, at: realm-capital, stances: [${ALONE}] }`,
    );
    const d = securityDecision(runScenario(scenarioFrom(text), { mode: 'autonomous', seed: 1 }).events);
    const stand = d?.options.find((o) => o.option === 'stand-alone');
    expect(stand?.terms).toContainEqual({ name: 'stance', value: 1, note: 'no entangling alliances' });
    expect(d?.options.find((o) => o.option === 'seek-alliance')?.terms.map((t) => t.name)).not.toContain(
      'stance',
    );
  });

  it('names a side or an interest, not both', () => {
    expect(() => scenarioFrom(withCouncil('leader', '{ side: partner, interest: war }', ALONE))).toThrow(
      /either a `side`.*or an `interest`/,
    );
  });
});

describe('a council decides by its rule', () => {
  it('by majority: the ministers outvote the queen, and the explanation shows the votes', () => {
    const { events } = runScenario(scenarioFrom(withCouncil('majority', ALONE, ALONE)), {
      mode: 'autonomous',
      seed: 1,
    });
    const d = securityDecision(events);
    expect(d?.choice).toBe('stand-alone');
    expect(d?.votes?.rule).toBe('majority');
    expect(d?.votes?.ballots).toEqual([
      { voter: 'marshal', option: 'stand-alone' },
      { voter: 'chancellor', option: 'stand-alone' },
      { voter: 'queen', option: 'seek-alliance' },
    ]);
    // The queen alone would have sought an ally.
    const alone = securityDecision(runScenario(scenarioFrom(base), { mode: 'autonomous', seed: 1 }).events);
    expect(alone?.choice).toBe('seek-alliance');
    const x = explainEvent(events, d?.seq ?? -1);
    const world = buildWorld(scenarioFrom(withCouncil('majority', ALONE, ALONE)).spec);
    const lines = x ? renderExplanation(x, events, namesOf(world)) : [];
    expect(lines).toEqual(
      expect.arrayContaining([
        '  Votes (majority)',
        '    stand-alone: 2 — the Marshal, the Chancellor',
        '    seek-alliance: 1 — Queen Ada',
      ]),
    );
  });

  it('by majority with the queen and one minister for an ally, the realm seeks one', () => {
    const d = securityDecision(
      runScenario(scenarioFrom(withCouncil('majority', ALLY, ALONE)), { mode: 'autonomous', seed: 1 }).events,
    );
    expect(d?.choice).toBe('seek-alliance');
  });

  it('by unanimity: one minister against keeps the realm as it is', () => {
    const d = securityDecision(
      runScenario(scenarioFrom(withCouncil('unanimity', ALLY, ALONE)), { mode: 'autonomous', seed: 1 })
        .events,
    );
    expect(d?.choice).toBe('stand-alone');
    expect(d?.votes?.rule).toBe('unanimity');
  });

  it('the leader decides after counsel: the ministers, without influence of their own, have a voice by their seat', () => {
    const d = securityDecision(
      runScenario(scenarioFrom(withCouncil('leader', ALONE, ALONE)), { mode: 'autonomous', seed: 1 }).events,
    );
    expect(d?.votes).toBeUndefined();
    expect(d?.counsel.map((c) => c.advisor)).toEqual(['marshal', 'chancellor']);
    const stand = d?.options.find((o) => o.option === 'stand-alone');
    expect(stand?.terms.find((t) => t.name === 'counsel')?.value).toBeCloseTo(2 * 0.5 * 0.35, 3);
  });
});

describe('a second sitting', () => {
  const sittings = (text: string) =>
    runScenario(scenarioFrom(text), { mode: 'autonomous', seed: 1 }).events.filter(
      (e) => e.type === 'decision-made' && e.question === 'security' && e.faction === 'realm',
    );
  const news = `script:
  - at: 12h
    event: { type: war-declared, war: border-war, name: the border war, by: rival, against: [third], casusBelli: the border }
`;

  it('a council that voted hears the question again when something new is learned, and not otherwise', () => {
    const text = withCouncil('majority', ALONE, ALONE);
    const quiet = sittings(text);
    const told = sittings(`${text}${news}`);
    expect(quiet[0]?.t).toBe(0);
    expect(told[0]?.t).toBe(0);
    // Without news there is no next sitting; with it, one as soon as the news is heard.
    expect(quiet.map((e) => e.t)).toEqual([0]);
    expect(told[1]?.t).toBeGreaterThanOrEqual(12 * 60);
    expect(told[1]?.t).toBeLessThan(24 * 60);
  });

  it('a leader who decides alone is not asked again before its time', () => {
    const text = `${withCouncil('leader', ALONE, ALONE)}${news}`;
    const asked = sittings(text).map((e) => e.t);
    expect(asked.filter((t) => t > 0 && t < 24 * 60)).toEqual([]);
  });
});
