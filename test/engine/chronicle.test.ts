import { runScenario } from '../../src/agents/run.js';
import { describe, expect, it } from 'vitest';
import { chronicleEntries, renderChronicle } from '../../src/engine/chronicle.js';
import { buildWorld } from '../../src/engine/initial-world.js';
import { defaultScenario } from '../support.js';
import { EVENT_TYPES, namesOf } from '../../src/events/index.js';

describe('the chronicle', () => {
  const scenario = defaultScenario();
  const result = runScenario(scenario, { seed: 1 });
  const lines = renderChronicle(result.events, namesOf(buildWorld(scenario.spec)));

  it('tells each moment with its time and names, not ids', () => {
    expect(lines[0]).toBe('D1 00:00  Alliances in the Delta Quadrant begins (scripted, seed 1).');
    expect(lines).toContain('D1 02:00  Kurt Bendera dies: too badly injured for the Doctor to save.');
    expect(lines.some((l) => l.includes('Jal Tersa denies the approach'))).toBe(true);
  });

  it('gives the reasons of decisions', () => {
    const offer = lines.find((l) => l.includes('Culluh (the Kazon-Nistrim) demands exchange of crews'));
    expect(offer).toContain('— Culluh insists on crew exchange');
    const rejection = lines.find((l) => l.includes('rejects the terms'));
    expect(rejection).toContain('[principle no-crew-exchange]');
  });

  it('covers the story from the attack to the end', () => {
    expect(lines.at(-1)).toContain('The chronicle ends');
    const types = new Set(result.events.map((e) => e.type));
    // The story exercises most of the event vocabulary.
    expect(types.size).toBeGreaterThan(EVENT_TYPES.length * 0.7);
  });

  it('as entries: each line with the event it tells and the decision it tells the effect of', () => {
    const entries = chronicleEntries(result.events, namesOf(buildWorld(scenario.spec)));
    expect(entries.length).toBe(lines.length);
    for (const x of entries) {
      expect(result.events[x.seq]!.t).toBe(x.t);
      if (x.decision !== null) {
        const d = result.events[x.decision]!;
        expect(d.type).toBe('decision-made');
        expect(d.seq).toBeLessThan(x.seq);
      }
    }
    const demand = entries.find((x) => x.text.includes('demands exchange of crews'))!;
    expect(result.events[demand.seq]!.type).toBe('offer-made');
    expect(demand.decision).not.toBeNull();
  });
});
