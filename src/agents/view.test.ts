import { describe, expect, it } from 'vitest';
import { buildWorld } from '../engine/initial-world.js';
import { defaultScenario } from '../engine/test-support.js';
import { sortedIds } from '../model/world.js';
import { runScenario } from './run.js';
import { FactionView } from './view.js';
import { fold } from '../events/index.js';

describe('who observes what', () => {
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
