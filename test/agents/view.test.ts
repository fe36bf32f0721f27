import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../src/engine/initial-world.js';
import { defaultScenario } from '../support.js';
import { sortedIds } from '../../src/model/world.js';
import { runScenario } from '../../src/../src/agents/run.js';
import { FactionView } from '../../src/../src/agents/view.js';
import { fold } from '../../src/events/index.js';

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
