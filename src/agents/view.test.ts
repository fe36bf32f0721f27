import { describe, expect, it } from 'vitest';
import { buildWorld } from '../engine/initial-world.js';
import { fold } from '../engine/reducer.js';
import { defaultScenario } from '../engine/test-support.js';
import type { WorldEvent } from '../model/events.js';
import { hours } from '../model/time.js';
import { sortedIds, type World } from '../model/world.js';
import { generateScenario } from '../scenario/generate.js';
import { runScenario } from './run.js';
import { FactionView, observersOf } from './view.js';

/** For every event and faction: the faction observes the event exactly when `observersOf` names it. */
function checkObservers(world: World, events: readonly WorldEvent[]): number {
  let checked = 0;
  for (const e of events) {
    const observers = observersOf(world, e);
    for (const f of sortedIds(world.factions)) {
      const expected = new FactionView(world, f).observes(e);
      expect(observers === 'all' || observers.includes(f), `${f} / ${e.type} #${e.seq}`).toBe(expected);
      checked++;
    }
  }
  return checked;
}

describe('who observes what', () => {
  it('observersOf agrees with observes on every event of autonomous, scripted and mixed runs', () => {
    const dq = defaultScenario();
    for (const [mode, seed] of [
      ['autonomous', 2],
      ['scripted', 1],
      ['mixed', 5],
    ] as const) {
      const { events } = runScenario(dq, { seed, mode, scriptUntil: hours(30) });
      // In the final world and in a world halfway through.
      expect(checkObservers(fold(buildWorld(dq.spec), events), events)).toBeGreaterThan(1000);
      const half = Math.floor(events.length / 2);
      checkObservers(fold(buildWorld(dq.spec), events.slice(0, half)), events);
    }
  });

  it('and in a generated world of many factions', () => {
    const { events, world } = runScenario(generateScenario({ factions: 30, days: 10 }), {
      seed: 1,
      mode: 'autonomous',
    });
    checkObservers(world, events);
  });

  it('observed hands each faction its share of a stretch of the log, in order', () => {
    const dq = defaultScenario();
    const { events } = runScenario(dq, { seed: 4, mode: 'autonomous' });
    const world = fold(buildWorld(dq.spec), events);
    for (const since of [0, 100, events.length - 5]) {
      for (const f of sortedIds(world.factions)) {
        const view = new FactionView(world, f);
        expect(view.observed(events, since)).toEqual(events.slice(since).filter((e) => view.observes(e)));
      }
    }
  });
});
