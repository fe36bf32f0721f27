/**
 * A world whose physics is not a starship's (test/fixtures/physics/sail.yaml): forces move, fight,
 * are repaired and carry persons by what the scenario declares, and the chronicle speaks its words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulation.js';
import { chronicleEntries } from '../../src/engine/chronicle.js';
import { namesOf } from '../../src/events/telling.js';
import { loadScenario } from '../../src/scenario/loader.js';
import { InputError } from '../../src/common/errors.js';
import { projectRoot } from '../cli-harness.js';

const file = join(projectRoot, 'test', 'fixtures', 'physics', 'sail.yaml');
const text = readFileSync(file, 'utf8');
const scenario = loadScenario(text, file);
const result = simulate(scenario, { seed: 1 });
const told = chronicleEntries(result.events, namesOf(result.world))
  .map((e) => e.text)
  .join('\n');

describe('a world of sail', () => {
  it('tells its story in its own words, without a starship’s', () => {
    expect(told).toContain('the frigate Swift: sails 40%, boats 10%');
    expect(told).toContain('Precaution by the Navy: clearing for action.');
    expect(told).not.toMatch(/\b(warp|impulse|beam|transporter|shields|subspace|starship)/i);
  });

  it('carries persons by the first transfer that works: the boats are smashed, so the captain swims', () => {
    expect(told).toContain('the Captain swims to the quay.');
    const moved = result.events.find((e) => e.type === 'person-moved');
    expect(moved).toMatchObject({ person: 'captain', means: 'swim' });
  });

  it('repairs damage up to the rating the scenario set, and never what a force lacks', () => {
    const repaired = result.events.filter((e) => e.type === 'systems-repaired');
    const last = repaired.at(-1);
    expect(last).toMatchObject({ systems: [{ system: 'sails', integrity: 0.8 }] });
    expect(result.world.ships['frigate' as never]?.systems.sails).toBe(0.8);
    const refused = result.events.filter((e) => e.type === 'intent-rejected' && e.actor === 'admiral');
    expect(refused).toMatchObject([{ actor: 'admiral', intent: 'repair', rule: 'repair.needed' }]);
    expect(result.world.ships['frigate' as never]?.systems.horses).toBe(0);
  });

  it('sends messages at the speed of its dispatches: a fixed delay and distance over speed', () => {
    const sent = result.events.find((e) => e.type === 'message-sent');
    // 12 hours, and 50 leagues at 5 an hour: 22 hours after 04:00.
    expect(sent).toMatchObject({ t: 4 * 60, arrivesAt: 26 * 60 });
  });

  it('sends a message by a faster line where one joins both ends, and names an unknown place on it', () => {
    const wired = text.replace(
      'messages: { name: dispatch, speed: 5, delay: 12h }',
      'messages: { name: dispatch, speed: 5, delay: 12h, lines: [{ name: semaphore, speed: 100, delay: 1h, at: [harbour, capital] }] }',
    );
    expect(wired).not.toBe(text);
    const sent = simulate(loadScenario(wired, 'wired.yaml'), { seed: 1 }).events.find(
      (e) => e.type === 'message-sent',
    );
    // 1 hour, and 50 leagues at 100 an hour: 90 minutes after 04:00, not the dispatch's 22 hours.
    expect(sent).toMatchObject({ t: 4 * 60, arrivesAt: 4 * 60 + 90 });
    const astray = wired.replace('at: [harbour, capital]', 'at: [harbour, lighthouse]');
    expect(() => loadScenario(astray, 'astray.yaml')).toThrow(
      /astray\.yaml:\d+:\d+ physics\.messages\.lines\[0\]\.at\[1\]: unknown location "lighthouse"/,
    );
  });

  it('refuses a force naming a component or way its physics does not have, saying where', () => {
    const bad = text.replace('components: { horses: 0, sails: 0.8 }', 'components: { shields: 1 }');
    expect(() => loadScenario(bad, 'bad.yaml')).toThrow(InputError);
    try {
      loadScenario(bad, 'bad.yaml');
    } catch (e) {
      expect(String((e as Error).message)).toMatch(
        /bad\.yaml:\d+:\d+ forces\[0\]\.components\.shields: unknown component "shields"/,
      );
    }
    const badWay = text.replace('class: frigate\n', 'class: frigate\n    speeds: { warp: 9 }\n');
    expect(() => loadScenario(badWay, 'bad.yaml')).toThrow(/unknown way "warp"/);
  });

  it('lets persons travel on their own at the speed of the world’s travel, meeting no one until they arrive', () => {
    expect(told).toContain('the King takes the coach from the capital for the harbour, due D1 11:00.');
    expect(told).toContain('the King arrives at the harbour.');
    const refused = result.events.filter((e) => e.type === 'intent-rejected' && e.actor === 'king');
    expect(refused[0]).toMatchObject({ intent: 'meet', rule: 'actor.travelling' });
    const opened = result.events.find((e) => e.type === 'negotiation-opened');
    expect(opened).toMatchObject({ t: 12 * 60, at: 'harbour', parties: ['crown', 'navy'] });
  });

  it('moves forces only along routes that allow a way they can take: the army has no sails for the sea lane', () => {
    const refused = result.events.filter((e) => e.type === 'intent-rejected' && e.intent === 'move');
    expect(refused).toMatchObject([{ actor: 'king', rule: 'navigation.way' }]);
    const departed = result.events.find((e) => e.type === 'ship-departed');
    // 20 leagues under sail at 2 an hour, the sails repaired to 64 % so far: 15 h 38 min.
    expect(departed).toMatchObject({ ship: 'frigate', to: 'island', t: 13 * 60, arrivesAt: 13 * 60 + 938 });
  });
});
