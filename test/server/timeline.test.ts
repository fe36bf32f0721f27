import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/agents/run.js';
import { buildWorld } from '../../src/engine/initial-world.js';
import { fold } from '../../src/events/index.js';
import { defaultScenario } from '../support.js';
import { type ElementData, mapElements, networkElements, timelineOf } from '../../src/server/timeline.js';

describe('the timeline of a run', () => {
  const scenario = defaultScenario();

  for (const mode of ['scripted', 'autonomous'] as const) {
    it(`gives at every position the picture of the world folded to it (${mode})`, () => {
      const { events } = runScenario(scenario, { seed: 1, mode });
      const timeline = timelineOf(scenario.spec, events);
      const network = new Map<string, ElementData>(Object.entries(timeline.initial.network));
      const map = new Map<string, ElementData>(Object.entries(timeline.initial.map));
      let k = 0;
      for (let p = 0; p < events.length; p++) {
        for (; k < timeline.steps.length && timeline.steps[k]!.seq <= p; k++) {
          for (const [part, state] of [
            ['network', network],
            ['map', map],
          ] as const)
            for (const [id, e] of Object.entries(timeline.steps[k]![part] ?? {}))
              if (e === null) state.delete(id);
              else state.set(id, e);
        }
        // Every 17th position (and the last) against a fresh fold: the steps lose nothing.
        if (p % 17 !== 0 && p !== events.length - 1) continue;
        const world = fold(buildWorld(scenario.spec), events.slice(0, p + 1));
        expect(Object.fromEntries(network), `network at ${p}`).toEqual(networkElements(world));
        expect(Object.fromEntries(map), `map at ${p}`).toEqual(mapElements(world));
      }
    });
  }

  it('shows the alliance made and ended, the wars, and ships under way', () => {
    const { events } = runScenario(scenario, { seed: 1 });
    const timeline = timelineOf(scenario.spec, events);
    const changed = timeline.steps.flatMap((s) =>
      Object.entries(s.network ?? {}).concat(Object.entries(s.map ?? {})),
    );
    const agreement = changed.filter(([id]) => id.startsWith('a:'));
    expect(agreement.some(([, e]) => e?.label.includes('mutual defence'))).toBe(true);
    expect(agreement.some(([, e]) => e === null)).toBe(true);
    // The Kazon and the Trabe are at war from the start; relations turn as the story goes.
    const initial = Object.values(timeline.initial.network);
    expect(initial.some((e) => e.kind === 'relation' && e.status === 'war')).toBe(true);
    expect(changed.some(([, e]) => e?.kind === 'relation' && e.status === 'hostile')).toBe(true);
    expect(changed.some(([, e]) => e?.kind === 'course')).toBe(true);
    // The first attack opens hostilities: a war, tied to the attacker and the attacked by their sides.
    const war = changed.find(([id, e]) => id.startsWith('w:') && e?.kind === 'war');
    expect(war).toBeDefined();
    const sides = changed.filter(([id, e]) => id.startsWith(`s:${war?.[0].slice(2)}:`) && e?.kind === 'side');
    expect(sides.map(([, e]) => [e?.target, e?.side])).toEqual(
      expect.arrayContaining([
        ['f:nistrim', 0],
        ['f:federation', 1],
      ]),
    );
  });
});
