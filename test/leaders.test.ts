/**
 * The autonomous leaders on the built-in scenario: vetoed options are never chosen whatever the
 * world, explanations add up, runs are deterministic, and each mode keeps its promise.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLeaders } from '../src/agents/leaders.js';
import { type DecisionMaker, simulate } from '../src/engine/simulation.js';
import { id } from '../src/model/ids.js';
import { runScenario } from '../src/agents/run.js';
import { createRng } from '../src/common/random.js';
import { buildWorld } from '../src/engine/initial-world.js';
import { settingsOf } from '../src/engine/settings.js';
import { defaultScenario } from './support.js';
import type { Minutes } from '../src/model/time.js';
import { sortedIds, type World } from '../src/model/world.js';

const scenario = defaultScenario();
const base = buildWorld(scenario.spec);
const settings = settingsOf(scenario.spec);

const unit = fc.double({ min: 0, max: 1, noNaN: true });

/** A random world: the scenario's, with every personality, stock, ship and relation redrawn. */
const randomWorld = fc
  .record({
    traits: fc.array(fc.array(unit, { minLength: 6, maxLength: 6 }), {
      minLength: Object.keys(base.persons).length,
      maxLength: Object.keys(base.persons).length,
    }),
    stocks: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 64, maxLength: 64 }),
    systems: fc.array(unit, { minLength: 128, maxLength: 128 }),
    affinities: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 128, maxLength: 128 }),
    // Leaders review their situation every six hours: every drawn time is a review.
    hour: fc.integer({ min: 0, max: 12 }).map((k) => 6 * k),
  })
  .map(({ traits, stocks, systems, affinities, hour }): { world: World; t: Minutes } => {
    const persons = Object.fromEntries(
      sortedIds(base.persons).map((id, i) => {
        const [aggression, caution, pride, honour, patience, suspicion] = traits[i]!;
        return [
          id,
          {
            ...base.persons[id]!,
            personality: { aggression, caution, pride, honour, patience, suspicion } as never,
          },
        ];
      }),
    );
    let k = 0;
    const factions = Object.fromEntries(
      sortedIds(base.factions).map((id) => {
        const f = base.factions[id]!;
        const resources = Object.fromEntries(
          sortedIds(f.resources).map((r) => [r, stocks[k++ % stocks.length]!]),
        );
        return [id, { ...f, resources }];
      }),
    );
    let s = 0;
    const ships = Object.fromEntries(
      sortedIds(base.ships).map((id) => {
        const ship = base.ships[id]!;
        const sys = Object.fromEntries(
          base.physics.components.map((c) => [c.id, systems[s++ % systems.length]!]),
        );
        return [id, { ...ship, systems: sys }];
      }),
    );
    let a = 0;
    const relations = Object.fromEntries(
      sortedIds(base.relations).map((key) => [
        key,
        { ...base.relations[key]!, affinity: affinities[a++ % affinities.length]! },
      ]),
    );
    return {
      world: { ...base, persons, factions, ships, relations } as unknown as World,
      t: (hour * 60) as Minutes,
    };
  });

describe('autonomous leaders', () => {
  it('never choose a vetoed option, and explain each option with terms that add up to its score (random worlds)', () => {
    const leaders = createLeaders();
    let weighed = 0;
    fc.assert(
      fc.property(randomWorld, fc.integer({ min: 0, max: 1 << 30 }), ({ world, t }, seed) => {
        const decisions = leaders.decide({ world, t, rng: createRng(seed), settings, log: [], since: 0 });
        for (const d of decisions) {
          if (!d.options || d.options.length === 0) continue;
          weighed++;
          const chosen = d.options.find((o) => o.option === d.choice);
          expect(chosen, `${d.actor}: ${d.summary}`).toBeDefined();
          expect(chosen!.vetoedBy).toBeNull();
          for (const o of d.options) {
            const sum = o.terms.reduce((x, term) => x + term.value, 0);
            expect(Math.abs(sum - o.score)).toBeLessThanOrEqual(0.0005 * (o.terms.length + 1));
          }
        }
      }),
      { numRuns: 40 },
    );
    expect(weighed).toBeGreaterThan(40);
  });

  it('are deterministic: the same seed gives the same log, another seed another', () => {
    const a = runScenario(scenario, { seed: 7, mode: 'autonomous' });
    const b = runScenario(scenario, { seed: 7, mode: 'autonomous' });
    const c = runScenario(scenario, { seed: 8, mode: 'autonomous' });
    expect(a.hash).toBe(b.hash);
    expect(c.hash).not.toBe(a.hash);
  });

  it('decide for themselves in autonomous mode: no scripted decision is forced', () => {
    const run = runScenario(scenario, { seed: 3, mode: 'autonomous' });
    const scripted = scenario.spec.script.filter((s) => s.do);
    // Every decision carries the options its leader weighed, or is counsel, talk or a forced rule.
    const decided = run.events.filter((e) => e.type === 'decision-made');
    expect(decided.length).toBeGreaterThan(scripted.length);
    expect(decided.filter((e) => e.type === 'decision-made' && e.options.length > 0).length).toBeGreaterThan(
      10,
    );
    // The first decision of all is the Federation leader's, on the question of security.
    const first = decided.find((e) => e.type === 'decision-made' && e.question === 'security');
    expect(first).toBeDefined();
  });

  it('in mixed mode, follow the script until the given time and decide after it', () => {
    const until = (30 * 60) as Minutes;
    const mixed = runScenario(scenario, { seed: 3, mode: 'mixed', scriptUntil: until });
    const scripted = runScenario(scenario, { seed: 3, mode: 'scripted' });
    const before = (events: typeof mixed.events) => events.filter((e) => e.t <= until);
    expect(before(mixed.events).map((e) => e.type)).toEqual(before(scripted.events).map((e) => e.type));
    expect(mixed.hash).not.toBe(scripted.hash);
  });
});

describe('a custom decision maker (the example of docs/leaders.md)', () => {
  it('decides for its faction beside the built-in leaders, through the same rules', () => {
    const nistrim = id.faction('nistrim');
    const builtIn = createLeaders({ factions: [nistrim] });
    const pliant: DecisionMaker = {
      decide(ctx) {
        return builtIn.decide(ctx).map((d) =>
          d.intent.type === 'counter' && d.intent.kind === 'demand'
            ? {
                actor: d.actor,
                intent: { type: 'accept' as const, negotiation: d.intent.negotiation },
                reasons: ['anything is better than nothing'],
              }
            : d,
        );
      },
    };
    const others = scenario.spec.factions.map((f) => f.id).filter((f) => f !== nistrim);
    const result = simulate(scenario, {
      seed: 1,
      mode: 'autonomous',
      decisionMakers: [pliant, createLeaders({ factions: others })],
    });
    const taken = result.events.findIndex(
      (e) => e.type === 'decision-made' && e.reasons.includes('anything is better than nothing'),
    );
    expect(taken).toBeGreaterThan(0);
    // Its acceptance concludes an agreement at once, through the same rules as any other.
    const concluded = result.events[taken + 1];
    expect(concluded?.type).toBe('agreement-concluded');
    const agreement = concluded?.type === 'agreement-concluded' ? concluded.agreement : undefined;
    expect(concluded?.type === 'agreement-concluded' && concluded.parties).toContain(nistrim);
    // Without the override, the same seed never concludes it.
    const plain = runScenario(scenario, { seed: 1, mode: 'autonomous' });
    expect(plain.events.some((e) => e.type === 'agreement-concluded' && e.agreement === agreement)).toBe(
      false,
    );
  });
});
