/**
 * A synthetic scenario of many factions, for measuring how the engine and the leaders scale.
 *
 * The factions sit on a jittered square grid (spacing `SPACING` light-years), each in its own
 * territory; routes are known only between grid neighbours (the eight around each cell) and from
 * each territory to its region's trading hub, so the world has spatial locality as real maps do.
 * Relations are local too: each neighbouring pair is drawn as rivals (hostile, a grievance, bad
 * beliefs), enemies at war, trading partners (friendly, some trust) or strangers. Cultures come in
 * regions; some leaders hold a bias against another culture; some factions hold a principle
 * against giving away technology; a crew group with grievances of its own presses on some leaders.
 *
 * The only forced events are exogenous raids: at random times through the run, a rival or enemy
 * neighbour's squadron strikes a faction's flagship in its territory (damage, casualties). Raids
 * are drawn at about one per faction per `RAID_EVERY_DAYS`, so the work per simulated day grows
 * linearly with the number of factions, and every decision after them is the leaders'.
 *
 * The result is an ordinary scenario, validated by the loader like a file (its `text` is the JSON).
 */
import { inputError } from '../common/errors.js';
import { createRng, type Rng } from '../common/random.js';
import { loadScenario, type Scenario } from './loader.js';
import type { z } from 'zod';
import type { ScenarioInput, scriptStepSchema } from './schema.js';
import type { eventPayloadSchemas } from '../events/index.js';

type ScriptStepInput = z.input<typeof scriptStepSchema>;

export interface GenerateOptions {
  /** Number of factions (default 200). */
  readonly factions?: number;
  /** Simulated days the scenario lasts (default 365). */
  readonly days?: number;
  /** Seed of the generator (the world drawn), not of the runs (default 1). */
  readonly seed?: number;
}

/** Most factions a generated scenario may have (a world of 10,000 takes seconds to draw and minutes to run). */
export const MAX_GENERATED_FACTIONS = 10_000;
/** Most days a generated scenario may last (ten years; raids, and so the script, grow with days). */
export const MAX_GENERATED_DAYS = 3650;

/** Light-years between neighbouring cells of the grid. */
const SPACING = 8;
/** Factions per trading hub (a planet with a conference hall), about a 4 × 4 block of the grid. */
const HUB_BLOCK = 4;
/** Each faction suffers about one raid in this many days. */
const RAID_EVERY_DAYS = 45;

const CULTURES = ['riverfolk', 'hillfolk', 'islanders', 'nomads', 'traders', 'wardens'] as const;
const RESOURCES = ['food', 'medicine', 'clothing', 'antimatter', 'dilithium'] as const;
const DAMAGEABLE = ['shields', 'weapons', 'warp', 'impulse', 'hull', 'sensors', 'communications'] as const;

const pad = (i: number) => String(i + 1).padStart(3, '0');
const round2 = (x: number) => Math.round(x * 100) / 100;
const unit = (rng: Rng, lo = 0, hi = 1) => round2(lo + (hi - lo) * rng.float());

function personality(rng: Rng) {
  return {
    aggression: unit(rng, 0.1, 0.9),
    caution: unit(rng, 0.1, 0.9),
    pride: unit(rng, 0.1, 0.95),
    honour: unit(rng, 0.1, 0.95),
    patience: unit(rng, 0.1, 0.9),
    suspicion: unit(rng, 0.2, 0.9),
  };
}

/** The scenario's input document (before validation). */
export function generateScenarioInput(options: GenerateOptions = {}): ScenarioInput {
  const n = options.factions ?? 200;
  const durationDays = options.days ?? 365;
  if (!Number.isInteger(n) || n < 2 || n > MAX_GENERATED_FACTIONS)
    throw inputError(
      `a generated scenario has 2 to ${MAX_GENERATED_FACTIONS.toLocaleString('en-US')} factions, not ${n}`,
      {
        path: 'factions',
      },
    );
  if (!(durationDays > 0) || durationDays > MAX_GENERATED_DAYS)
    throw inputError(`a generated scenario lasts 1 to ${MAX_GENERATED_DAYS} days, not ${durationDays}`, {
      path: 'days',
    });
  const rng = createRng(`generated-scenario/${options.seed ?? 1}`);
  const side = Math.ceil(Math.sqrt(n));
  const cell = (i: number) => ({ row: Math.floor(i / side), col: i % side });
  const fid = (i: number) => `f-${pad(i)}`;
  const space = (i: number) => `${fid(i)}-space`;
  const hubOf = (i: number) => {
    const { row, col } = cell(i);
    return `hub-${Math.floor(row / HUB_BLOCK)}-${Math.floor(col / HUB_BLOCK)}`;
  };
  const culture = (i: number) => {
    const { row, col } = cell(i);
    const regions = Math.max(1, Math.ceil(side / 6));
    return CULTURES[(Math.floor(row / 6) * regions + Math.floor(col / 6)) % CULTURES.length]!;
  };

  // Positions: grid cells jittered by up to a quarter of the spacing.
  const pos = Array.from({ length: n }, (_, i) => {
    const { row, col } = cell(i);
    return { x: (col + (rng.float() - 0.5) / 2) * SPACING, y: (row + (rng.float() - 0.5) / 2) * SPACING };
  });
  const dist = (a: { x: number; y: number }, b: { x: number; y: number }) =>
    round2(Math.max(0.1, Math.hypot(a.x - b.x, a.y - b.y)));

  const locations: NonNullable<ScenarioInput['locations']> = [];
  const distances: NonNullable<ScenarioInput['distances']> = [];
  const hubs = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    locations.push({ id: space(i), name: `${fid(i)} space`, kind: 'territory', controlledBy: fid(i) });
    const hub = hubOf(i);
    hubs.set(hub, [...(hubs.get(hub) ?? []), i]);
  }
  for (const [hub, members] of [...hubs].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    // The hub lies at its block's centre; the faction nearest it controls the hall.
    const cx = members.reduce((s, i) => s + pos[i]!.x, 0) / members.length;
    const cy = members.reduce((s, i) => s + pos[i]!.y, 0) / members.length;
    const centre = { x: cx, y: cy };
    const host = [...members].sort((a, b) => dist(pos[a]!, centre) - dist(pos[b]!, centre) || a - b)[0]!;
    locations.push({ id: hub, name: `the trading post ${hub}`, kind: 'planet' });
    locations.push({
      id: `${hub}-hall`,
      name: `the meeting hall of ${hub}`,
      kind: 'hall',
      parent: hub,
      controlledBy: fid(host),
    });
    for (const i of members) distances.push({ between: [space(i), hub], lightYears: dist(pos[i]!, centre) });
  }

  // Neighbouring pairs (the eight cells around each), each pair once.
  const neighbours: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const { row, col } = cell(i);
    for (const [dr, dc] of [
      [0, 1],
      [1, -1],
      [1, 0],
      [1, 1],
    ] as const) {
      const r = row + dr;
      const c = col + dc;
      if (r < 0 || c < 0 || c >= side) continue;
      const j = r * side + c;
      if (j < n) neighbours.push([i, j]);
    }
  }
  for (const [i, j] of neighbours)
    distances.push({ between: [space(i), space(j)], lightYears: dist(pos[i]!, pos[j]!) });

  // Each faction's first advisor knows the first advisors of its neighbours (channels need contacts).
  const contacts = Array.from({ length: n }, () => [] as string[]);
  for (const [i, j] of neighbours) {
    contacts[i]!.push(`${fid(j)}-advisor-1`);
    contacts[j]!.push(`${fid(i)}-advisor-1`);
  }

  const factions: NonNullable<ScenarioInput['factions']> = [];
  const persons: NonNullable<ScenarioInput['persons']> = [];
  const ships: NonNullable<ScenarioInput['ships']> = [];
  for (let i = 0; i < n; i++) {
    const id = fid(i);
    const leader = `${id}-leader`;
    const advisors = [`${id}-advisor-1`, `${id}-advisor-2`];
    const engineer = `${id}-engineer`;
    const resources: Record<string, number> = {};
    for (const r of RESOURCES) resources[r] = Math.round(20 + 500 * rng.float());
    const hasCrewGroup = rng.chance(0.4);
    factions.push({
      id,
      name: `the ${culture(i)} faction ${id}`,
      culture: culture(i),
      tags: [culture(i)],
      technology: unit(rng, 0.2, 0.9),
      leader,
      doctrine: rng.pick(['autocratic', 'autocratic', 'council', 'consensus'] as const),
      resources,
      principles: rng.chance(0.3)
        ? [
            {
              id: `${id}-keeps-its-technology`,
              text: 'Our technology is not for others.',
              forbids: { provisions: [{ kind: 'technology-transfer', giver: 'self' }] },
            },
          ]
        : [],
      crews: hasCrewGroup
        ? [
            {
              id: 'restless-crew',
              name: 'crewmen tired of the raids',
              spokesperson: engineer,
              share: unit(rng, 0.1, 0.4),
              morale: unit(rng, 0.3, 0.7),
              dissent: unit(rng, 0.2, 0.6),
              wants: 'make peace with anyone who will have us',
            },
          ]
        : [],
    });
    const others = CULTURES.filter((c) => c !== culture(i));
    persons.push({
      id: leader,
      name: `the leader of ${id}`,
      faction: id,
      role: 'leader',
      tags: [culture(i), 'leader'],
      aboard: `${id}-flagship`,
      personality: personality(rng),
      biases: rng.chance(0.15)
        ? [
            {
              id: 'distrusts-strangers',
              against: { tag: rng.pick(others) },
              strength: unit(rng, 0.3, 1),
              text: 'I will not take terms from their kind.',
            },
          ]
        : [],
    });
    for (const [k, advisor] of advisors.entries()) {
      persons.push({
        id: advisor,
        name: `advisor ${k + 1} of ${id}`,
        faction: id,
        role: 'advisor',
        tags: [culture(i), k === 0 ? 'security' : 'guide'],
        aboard: `${id}-flagship`,
        influence: { [leader]: unit(rng, 0.2, 0.8) },
        contacts: k === 0 ? [...contacts[i]!].sort() : [],
        personality: personality(rng),
      });
    }
    persons.push({
      id: engineer,
      name: `the engineer of ${id}`,
      faction: id,
      role: 'officer',
      tags: [culture(i), 'engineer'],
      aboard: `${id}-flagship`,
    });
    ships.push({
      id: `${id}-flagship`,
      name: `the flagship of ${id}`,
      faction: id,
      class: 'cruiser',
      firepower: unit(rng, 1.5, 6),
      crew: 40 + rng.int(0, 160),
      speeds: { warp: unit(rng, 0.2, 0.5) },
      at: space(i),
    });
    ships.push({
      id: `${id}-squadron`,
      name: `the raiders of ${id}`,
      faction: id,
      class: 'raider',
      count: rng.int(1, 6),
      firepower: unit(rng, 0.8, 2),
      crew: 20 + rng.int(0, 120),
      speeds: { warp: unit(rng, 0.2, 0.4) },
      at: space(i),
    });
  }

  const relations: NonNullable<ScenarioInput['relations']> = [];
  const beliefs: NonNullable<ScenarioInput['beliefs']> = [];
  const hostilePairs: [number, number][] = [];
  for (const [i, j] of neighbours) {
    const roll = rng.float();
    const [a, b] = rng.chance(0.5) ? [i, j] : [j, i];
    if (roll < 0.1) {
      relations.push({
        from: fid(a),
        to: fid(b),
        mutual: true,
        status: 'war',
        affinity: -0.8,
        trust: { negative: 6 },
        grievances: [{ cause: 'an old war over the border', weight: 0.8, since: '-90d', halfLife: '365d' }],
      });
      hostilePairs.push([a, b], [b, a]);
    } else if (roll < 0.4) {
      relations.push({
        from: fid(a),
        to: fid(b),
        status: 'hostile',
        affinity: -0.5,
        trust: { negative: 3 },
        grievances: [{ cause: 'raids on our convoys', weight: 0.5, since: '-20d', halfLife: '60d' }],
      });
      relations.push({ from: fid(b), to: fid(a), status: 'hostile', affinity: -0.4, trust: { negative: 2 } });
      beliefs.push({ holder: fid(a), about: fid(b), intentions: -0.6 });
      hostilePairs.push([b, a]);
    } else if (roll < 0.7) {
      relations.push({
        from: fid(a),
        to: fid(b),
        mutual: true,
        status: 'neutral',
        affinity: 0.4,
        trust: { positive: 3 },
      });
      beliefs.push({ holder: fid(a), about: fid(b), intentions: 0.3 });
    } else {
      relations.push({
        from: fid(a),
        to: fid(b),
        mutual: true,
        status: 'neutral',
        affinity: round2(-0.2 + 0.4 * rng.float()),
      });
    }
  }

  // Exogenous raids: an attacker strikes a defender it is hostile to (or at war with).
  const script: NonNullable<ScenarioInput['script']> = [];
  const raids = hostilePairs.length === 0 ? 0 : Math.round((n * durationDays) / RAID_EVERY_DAYS);
  const raidRng = rng.split('raids');
  const times: { at: number; attacker: number; defender: number }[] = [];
  for (let k = 0; k < raids; k++) {
    const [attacker, defender] = raidRng.pick(hostilePairs);
    times.push({ at: raidRng.int(0, durationDays * 24 - 1), attacker, defender });
  }
  times.sort((a, b) => a.at - b.at || a.attacker - b.attacker || a.defender - b.defender);
  for (const { at, attacker, defender } of times) {
    const target = `${fid(defender)}-flagship`;
    const damage = raidRng
      .shuffle(DAMAGEABLE)
      .slice(0, raidRng.int(1, 3))
      .map((system) => ({ ship: target, system, integrity: unit(raidRng, 0.2, 0.8) }));
    const raid: z.input<(typeof eventPayloadSchemas)['engagement']> = {
      type: 'engagement',
      initiator: fid(attacker),
      attackers: [`${fid(attacker)}-squadron`],
      defenders: [target],
      location: space(defender),
      outcome: 'attackers-withdrew',
      damage,
      casualties: [{ ship: target, injured: raidRng.int(0, 8), killed: raidRng.int(0, 2) }],
      notes: ['a raid across the border'],
    };
    // The script's event union is not narrowed by its discriminant in zod's input type.
    script.push({ at: `${at}h`, event: raid as NonNullable<ScriptStepInput['event']> });
  }

  return {
    version: 1,
    id: `generated-${n}`,
    title: `A generated quadrant of ${n} factions`,
    description: `${n} factions on a ${side} × ${side} grid with local routes and relations, and raids.`,
    tick: '1h',
    duration: `${durationDays}d`,
    seed: options.seed ?? 1,
    resources: [...RESOURCES],
    locations,
    distances,
    factions,
    persons,
    ships,
    relations,
    beliefs,
    script,
  };
}

/** A generated scenario, validated by the loader (its text is the JSON document). */
export function generateScenario(options: GenerateOptions = {}): Scenario {
  const input = generateScenarioInput(options);
  const n = options.factions ?? 200;
  return loadScenario(JSON.stringify(input), `generated-${n}.json`);
}
