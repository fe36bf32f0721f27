/**
 * Properties of treaties on generated worlds (leagues, conditional and secret pledges, principles
 * over acts) run autonomously: a pledge whose conditions are met is called and the call answered;
 * no act a principle forbids is taken; a secret pledge never shows in a non-party's view; and
 * removing a treaty by a fork's edit changes who is called.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/agents/run.js';
import { FactionView } from '../../src/agents/view.js';
import { buildWorld } from '../../src/engine/initial-world.js';
import { findActBreach } from '../../src/engine/principles.js';
import { apply, type WorldEvent } from '../../src/events/index.js';
import { activeWarBetween, inForce } from '../../src/events/obligations.js';
import type { FactionId } from '../../src/model/ids.js';
import { isObligation } from '../../src/model/provision.js';
import { inIdOrder, type World } from '../../src/model/world.js';
import { generateScenario } from '../../src/scenario/generate.js';
import { loadScenario, type Scenario } from '../../src/scenario/loader.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { minutes } from '../../src/model/time.js';
import { projectRoot } from '../cli-harness.js';

const worldSeed = fc.integer({ min: 1, max: 10_000 });

/** How many cases the properties checked, over all their runs (a property that checks nothing fails). */
const checked = { pledges: 0, calls: 0, acts: 0, refusals: 0, secrets: 0 };

/** An autonomous run of the generated world `seed` (12 factions, 12 days), with its worlds event by event. */
function generatedRun(seed: number, tempted = false) {
  const generated = generateScenario({ factions: 12, days: 12, seed });
  const scenario = tempted ? withDeclarations(generated) : generated;
  const result = runScenario(
    scenario,
    tempted ? { seed, mode: 'mixed', scriptUntil: minutes(60) } : { seed, mode: 'autonomous' },
  );
  return { scenario, result, start: buildWorld(scenario.spec) };
}

/**
 * The generated world with its principled leaders made to declare war on a neighbour in the first
 * hour (forced decisions, checked by the rules like any other).
 */
function withDeclarations(scenario: Scenario): Scenario {
  const input = JSON.parse(scenario.text) as ScenarioInput;
  const holders = scenario.spec.factions.filter((f) => f.principles.some((p) => p.forbids.acts.length > 0));
  const steps = holders.flatMap((f) => {
    const r = scenario.spec.relations.find((x) => x.from === f.id || x.to === f.id);
    const enemy = r?.from === f.id ? r.to : r?.from;
    return enemy === undefined
      ? []
      : [
          {
            at: '0h',
            actor: f.leader,
            do: { type: 'declare-war' as const, against: [enemy], casusBelli: 'a test of principle' },
          },
        ];
  });
  const text = JSON.stringify({ ...input, script: [...steps, ...(input.script ?? [])] });
  return loadScenario(text, scenario.file);
}

/** Each event with the world just before it. */
function* withWorldBefore(start: World, events: readonly WorldEvent[]): Generator<[World, WorldEvent]> {
  let world = start;
  for (const e of events) {
    yield [world, e];
    world = apply(world, e);
  }
}

describe('treaties on generated worlds (property)', () => {
  it('calls every unconditional defence pledge when its partner is attacked, and answers every call', () => {
    fc.assert(
      fc.property(worldSeed, (seed) => {
        const { scenario, result, start } = generatedRun(seed);
        const events = result.events;
        for (const [before, e] of withWorldBefore(start, events)) {
          if (e.type !== 'war-declared') continue;
          const world = apply(before, e);
          // Oracle written apart from the engine's: pledges of defence against any attacker (or this
          // one by name), anywhere, never void, owed to an attacked party by a faction outside the war.
          for (const victim of e.against) {
            for (const a of inIdOrder(world.agreements)) {
              if (!inForce(a, world.time) || !a.parties.includes(victim)) continue;
              a.provisions.forEach((p, index) => {
                if (!isObligation(p) || p.kind !== 'defence' || p.where || p.unlessProvoked) return;
                if (p.against !== 'any' && !(Array.isArray(p.against) && p.against.includes(e.by))) return;
                const debtors = (p.by ?? a.parties).filter(
                  (f: FactionId) =>
                    f !== victim &&
                    (p.to ?? a.parties).includes(victim) &&
                    f !== e.by &&
                    !e.against.includes(f) &&
                    world.wars[e.war]?.sides.every((side) => !side.includes(f)),
                );
                for (const by of debtors) {
                  checked.pledges++;
                  const call = events.find(
                    (c) =>
                      c.type === 'call-issued' &&
                      c.seq > e.seq &&
                      c.t === e.t &&
                      c.agreement === a.id &&
                      c.provision === index &&
                      c.from === victim &&
                      c.to === by,
                  );
                  expect(call, `seed ${seed}: ${a.id} #${index} owed by ${by} to ${victim}`).toBeDefined();
                }
              });
            }
          }
        }
        // Every call is answered (or lapses) once its answer time has passed before the run ends.
        for (const c of events) {
          if (c.type !== 'call-issued' || c.t + scenario.spec.callAnswerTime > scenario.spec.duration)
            continue;
          checked.calls++;
          const answer = events.find((x) => x.type === 'call-answered' && x.call === c.call);
          expect(answer, `seed ${seed}: call ${c.call}`).toBeDefined();
          expect(answer!.t - c.t).toBeLessThanOrEqual(scenario.spec.callAnswerTime);
        }
      }),
      // Random worlds, and two known to put unconditional pledges to the test (so it never passes vacuously).
      { numRuns: 4, examples: [[10], [26]] },
    );
    expect(checked.pledges).toBeGreaterThan(0);
    expect(checked.calls).toBeGreaterThan(0);
  });

  it('takes no act a principle forbids, even when its leader is made to try', () => {
    fc.assert(
      fc.property(worldSeed, (seed) => {
        const { result, start } = generatedRun(seed, true);
        const refused = result.events.filter(
          (e) => e.type === 'intent-rejected' && e.rule.startsWith('principle:'),
        );
        checked.refusals += refused.length;
        for (const [before, e] of withWorldBefore(start, result.events)) {
          const check = (faction: FactionId, act: Parameters<typeof findActBreach>[2]) => {
            const f = before.factions[faction];
            if (!f || f.principles.every((p) => p.forbidsActs.length === 0)) return;
            checked.acts++;
            expect(findActBreach(before, f, act), `seed ${seed}, event ${e.seq}`).toBeNull();
          };
          if (e.type === 'war-declared' && e.declared)
            for (const x of e.against)
              check(e.by, { kind: 'declare-war', against: x, aggressor: !activeWarBetween(before, e.by, x) });
          if (e.type === 'war-joined') {
            const w = before.wars[e.war];
            const side = w?.sides[0].includes(e.side) ? 1 : 0;
            for (const x of w?.sides[side] ?? [])
              check(e.faction, { kind: 'declare-war', against: x, aggressor: false });
          }
          // The attack is on the faction of the first ship attacked; others who came to its defence
          // (allies present) chose to fight, and are not the attacker's choice.
          const target =
            e.type === 'engagement'
              ? e.defenders[0] === undefined
                ? undefined
                : before.ships[e.defenders[0]]?.faction
              : undefined;
          if (e.type === 'engagement' && target !== undefined) check(e.initiator, { kind: 'attack', target });
          if (e.type === 'call-answered' && e.answer === 'reneged') {
            const call = before.calls[e.call];
            if (call) check(e.by, { kind: 'break', agreement: call.agreement });
          }
        }
      }),
      { numRuns: 4, examples: [[10], [26]] },
    );
    expect(checked.refusals).toBeGreaterThan(0);
    expect(checked.acts).toBeGreaterThan(0);
  });

  it('never shows a secret treaty or pledge to a faction not party to it', () => {
    fc.assert(
      fc.property(worldSeed, (seed) => {
        const { result, start } = generatedRun(seed);
        for (const world of [start, result.world]) {
          const secrets = inIdOrder(world.agreements).filter(
            (a) => a.secret || a.provisions.some((p) => 'secret' in p && p.secret),
          );
          for (const f of inIdOrder(world.factions)) {
            const view = new FactionView(world, f.id);
            for (const a of secrets) {
              if (a.parties.includes(f.id)) continue;
              checked.secrets++;
              const seen = [view.agreement(a.id), view.knownAgreements().find((k) => k.id === a.id)];
              for (const s of seen) {
                if (a.secret) expect(s).toBeUndefined();
                else expect(s?.provisions.some((p) => 'secret' in p && p.secret) ?? false).toBe(false);
              }
            }
          }
        }
      }),
      { numRuns: 4, examples: [[10], [26]] },
    );
    expect(checked.secrets).toBeGreaterThan(0);
  });
});

describe('a fork without a treaty', () => {
  it('removing the league changes who is called to the war', () => {
    const file = join(projectRoot, 'test', 'fixtures', 'treaties.yaml');
    const scenario = loadScenario(readFileSync(file, 'utf8'), file);
    const called = (events: readonly WorldEvent[]) =>
      events.flatMap((e) => (e.type === 'call-issued' ? [`${e.agreement}:${e.to}`] : []));
    let changed = 0;
    for (const seed of [1, 2, 3]) {
      const base = runScenario(scenario, { seed, mode: 'autonomous' });
      const prefix = base.events.slice(0, 1);
      const fork = runScenario(scenario, {
        seed,
        mode: 'autonomous',
        prefix,
        edits: [{ path: 'agreements.northern-league', value: null, reason: 'fork' }],
      });
      expect(called(base.events)).toContain('northern-league:north');
      expect(called(fork.events)).not.toContain('northern-league:north');
      if (called(fork.events).join() !== called(base.events).join()) changed++;
    }
    expect(changed).toBeGreaterThan(0);
  });
});
