import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/common/random.js';
import type { LocationId } from '../../src/model/ids.js';
import { resolveEngagement } from '../../src/engine/combat.js';
import { buildWorld } from '../../src/engine/initial-world.js';
import { defaultScenario } from '../support.js';

const world = buildWorld(defaultScenario().spec);
const ship = (id: string) => world.ships[id as never]!;
const here = 'sobras' as LocationId;

describe('resolveEngagement (Lanchester square law)', () => {
  it('is deterministic for a seed', () => {
    const a = resolveEngagement(
      ship('ogla-fleet').faction,
      [ship('ogla-fleet')],
      [ship('voyager')],
      here,
      world.physics,
      createRng(5),
    );
    const b = resolveEngagement(
      ship('ogla-fleet').faction,
      [ship('ogla-fleet')],
      [ship('voyager')],
      here,
      world.physics,
      createRng(5),
    );
    expect(a).toEqual(b);
  });

  it('favours the stronger side: eight raiders beat one raider far more often than the reverse', () => {
    let strongWins = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const e = resolveEngagement(
        'ogla' as never,
        [ship('ogla-fleet')],
        [ship('trabe-raider')],
        here,
        world.physics,
        createRng(seed),
      );
      if (e.outcome === 'defenders-withdrew' || e.outcome === 'defenders-destroyed') strongWins++;
    }
    expect(strongWins).toBeGreaterThan(35);
  });

  it('reports only real changes, within bounds', () => {
    const e = resolveEngagement(
      'ogla' as never,
      [ship('ogla-fleet')],
      [ship('voyager')],
      here,
      world.physics,
      createRng(9),
    );
    for (const d of e.damage) {
      expect(d.integrity).toBeGreaterThanOrEqual(0);
      expect(d.integrity).toBeLessThanOrEqual(1);
      expect(d.integrity).not.toBe(ship(d.ship).systems[d.system]);
    }
    for (const l of e.losses) expect(l.count).toBeLessThanOrEqual(ship(l.ship).count);
    expect(e.attackers).toEqual(['ogla-fleet']);
  });
});
