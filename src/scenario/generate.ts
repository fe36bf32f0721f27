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
 * Treaties are in force from the start (see `treatiesOf`): leagues with a leading member, alliances
 * with conditional and sometimes secret pledges, pacts of non-aggression and neutrality, signed
 * years ago; the old border wars are under way; some factions hold principles over acts.
 *
 * The only forced events are exogenous raids: at random times through the run, a rival or enemy
 * neighbour's squadron strikes a faction's flagship in its territory (damage, casualties). Raids
 * are drawn at about one per faction per `RAID_EVERY_DAYS`, so the work per simulated day grows
 * linearly with the number of factions, and every decision after them is the leaders'.
 *
 * The result is an ordinary scenario, validated by the loader like a file (its `text` is the JSON).
 */
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
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`a generated scenario needs at least 2 factions`);
  if (!(durationDays > 0)) throw new RangeError('a generated scenario lasts a positive number of days');
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
  /** Each faction's strength at the start, as the engine reckons it (firepower of ships in line). */
  const strength: number[] = [];
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
    const flagship = {
      id: `${id}-flagship`,
      name: `the flagship of ${id}`,
      faction: id,
      class: 'cruiser',
      firepower: unit(rng, 1.5, 6),
      crew: 40 + rng.int(0, 160),
      speeds: { warp: unit(rng, 0.2, 0.5) },
      at: space(i),
    };
    ships.push(flagship);
    const squadron = {
      id: `${id}-squadron`,
      name: `the raiders of ${id}`,
      faction: id,
      class: 'raider',
      count: rng.int(1, 6),
      firepower: unit(rng, 0.8, 2),
      crew: 20 + rng.int(0, 120),
      speeds: { warp: unit(rng, 0.2, 0.4) },
      at: space(i),
    };
    ships.push(squadron);
    strength.push(flagship.firepower + squadron.count * squadron.firepower);
  }

  const relations: NonNullable<ScenarioInput['relations']> = [];
  const beliefs: NonNullable<ScenarioInput['beliefs']> = [];
  const hostilePairs: [number, number][] = [];
  const pairs: Pairs = { war: [], rivals: [], friends: [], strangers: [] };
  for (const [i, j] of neighbours) {
    const roll = rng.float();
    const [a, b] = rng.chance(0.5) ? [i, j] : [j, i];
    pairs[roll < 0.1 ? 'war' : roll < 0.4 ? 'rivals' : roll < 0.7 ? 'friends' : 'strangers'].push([a, b]);
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

  const raiders = new Set(times.map((r) => r.attacker));
  const raided = new Set(times.map((r) => `${r.attacker}>${r.defender}`));
  const treaties = treatiesOf(rng.split('treaties'), {
    n,
    fid,
    space,
    hubs,
    pairs,
    strength,
    raiders,
    raided,
  });
  for (const [i, principle] of treaties.principles) factions[i]?.principles?.push(principle);

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
    agreements: treaties.agreements,
    wars: treaties.wars,
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

/** Neighbouring pairs by how they stand: at war, rivals, friends (trading partners), strangers. */
interface Pairs {
  war: [number, number][];
  rivals: [number, number][];
  friends: [number, number][];
  strangers: [number, number][];
}

interface TreatyWorld {
  readonly n: number;
  readonly fid: (i: number) => string;
  readonly space: (i: number) => string;
  readonly hubs: ReadonlyMap<string, readonly number[]>;
  readonly pairs: Pairs;
  readonly strength: readonly number[];
  /** Factions the script has raid another, and the raids' attacker>defender pairs. */
  readonly raiders: ReadonlySet<number>;
  readonly raided: ReadonlySet<string>;
}

type AgreementInput = NonNullable<ScenarioInput['agreements']>[number];
type ProvisionInput = AgreementInput['provisions'][number];
type PrincipleInput = NonNullable<NonNullable<ScenarioInput['factions']>[number]['principles']>[number];

/**
 * The treaties in force at the start, drawn from their own stream (so the rest of the world is
 * drawn as without them), as ATOP codes alliances (Leeds et al. 2002):
 *
 * - leagues: in each trading region, with chance 0.6, up to four factions none of them rivals or
 *   at war, led by the strongest, pledged to mutual defence (against any attacker, or against the
 *   members of another league) and to consultation;
 * - alliances between trading partners (half of them): defence, conditional with the chances below
 *   — against the pair's named rivals, at their own territories only, void if the partner
 *   provoked the war, aid or words only — sometimes consultation, sometimes offence against the
 *   rivals; a fifth of them secret, some provisions secret;
 * - non-aggression pacts between rivals the script never has raid each other, neutrality pacts
 *   between strangers;
 * - the old border wars as wars under way, and principles over acts for factions the script never
 *   has raid anyone (never strike first, never attack the league's members, keep a named treaty).
 *
 * Each treaty was signed years before the start, when each party's strength was 0.6 to 1.5 times
 * what it is now (`powerAtSigning`), so that calls fall on allies whose power rose, held or fell
 * since signing (Leeds 2003).
 */
function treatiesOf(rng: Rng, w: TreatyWorld) {
  const agreements: AgreementInput[] = [];
  const principles: [number, PrincipleInput][] = [];
  const stand = new Map<string, keyof Pairs>();
  for (const kind of ['war', 'rivals', 'friends', 'strangers'] as const)
    for (const [a, b] of w.pairs[kind]) stand.set(`${Math.min(a, b)}-${Math.max(a, b)}`, kind);
  const standing = (a: number, b: number) => stand.get(`${Math.min(a, b)}-${Math.max(a, b)}`);
  const rivalsOf = (i: number) =>
    [...w.pairs.war, ...w.pairs.rivals].flatMap(([a, b]) => (a === i ? [b] : b === i ? [a] : []));
  const signed = (parties: readonly number[], maxYears: number) => ({
    signed: `-${rng.int(1, maxYears)}y`,
    powerAtSigning: Object.fromEntries(
      parties.map((i) => [w.fid(i), round2((w.strength[i] ?? 0) * unit(rng, 0.6, 1.5))]),
    ),
  });
  const support = (): 'active' | 'aid' | 'diplomatic' => {
    const roll = rng.float();
    return roll < 0.7 ? 'active' : roll < 0.9 ? 'aid' : 'diplomatic';
  };

  // Leagues, one per trading region at most.
  const leagues: { id: string; members: number[] }[] = [];
  for (const [hub, members] of [...w.hubs].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (members.length < 3 || !rng.chance(0.6)) continue;
    const chosen: number[] = [];
    for (const i of rng.shuffle(members)) {
      const fits = chosen.every((j) => {
        const s = standing(i, j);
        return s !== 'war' && s !== 'rivals';
      });
      if (fits && chosen.length < 4) chosen.push(i);
    }
    if (chosen.length < 3) continue;
    chosen.sort((a, b) => a - b);
    leagues.push({ id: `league-${hub}`, members: chosen });
  }
  for (const [k, league] of leagues.entries()) {
    const leader = [...league.members].sort(
      (a, b) => (w.strength[b] ?? 0) - (w.strength[a] ?? 0) || a - b,
    )[0]!;
    const rival = leagues[k + 1] ?? leagues[k - 1];
    const against: ProvisionInput =
      rival && rng.chance(0.4) ? { kind: 'defence', against: { membersOf: rival.id } } : { kind: 'defence' };
    agreements.push({
      id: league.id,
      name: `the league of ${league.id.slice('league-'.length)}`,
      parties: league.members.map(w.fid),
      provisions: [
        against,
        ...(rng.chance(0.5) ? [{ kind: 'consultation', support: 'diplomatic' } as const] : []),
      ],
      leader: w.fid(leader),
      ...signed(league.members, 40),
    });
  }

  // Alliances between trading partners.
  for (const [a, b] of w.pairs.friends) {
    if (!rng.chance(0.5)) continue;
    const rivals = [...new Set([...rivalsOf(a), ...rivalsOf(b)])]
      .filter((x) => x !== a && x !== b)
      .sort((x, y) => x - y);
    const named = rivals.length > 0 && rng.chance(0.4);
    const defence: ProvisionInput = {
      kind: 'defence',
      ...(named ? { against: rivals.map(w.fid) } : {}),
      ...(rng.chance(0.2) ? { where: [w.space(a), w.space(b)] } : {}),
      ...(rng.chance(0.3) ? { unlessProvoked: true } : {}),
      support: support(),
      ...(rng.chance(0.15) ? { secret: true } : {}),
    };
    const provisions: ProvisionInput[] = [defence];
    if (rng.chance(0.25)) provisions.push({ kind: 'consultation', support: 'diplomatic' });
    if (rivals.length > 0 && rng.chance(0.1))
      provisions.push({ kind: 'offence', against: rivals.map(w.fid) });
    const [x, y] = [a, b].sort((p, q) => p - q) as [number, number];
    agreements.push({
      id: `alliance-${w.fid(x)}-${w.fid(y)}`,
      parties: [w.fid(x), w.fid(y)],
      provisions,
      ...(rng.chance(0.2) ? { secret: true } : {}),
      ...signed([x, y], 30),
    });
  }

  // Pacts of non-aggression between rivals who do not raid each other, of neutrality between strangers.
  const pact = (kind: 'non-aggression' | 'neutrality', [a, b]: [number, number], chance: number) => {
    if (!rng.chance(chance)) return;
    const [x, y] = [a, b].sort((p, q) => p - q) as [number, number];
    agreements.push({
      id: `${kind === 'neutrality' ? 'neutrality' : 'truce'}-${w.fid(x)}-${w.fid(y)}`,
      parties: [w.fid(x), w.fid(y)],
      provisions: [{ kind }],
      ...signed([x, y], 10),
    });
  };
  for (const pair of w.pairs.rivals)
    if (!w.raided.has(`${pair[0]}>${pair[1]}`) && !w.raided.has(`${pair[1]}>${pair[0]}`))
      pact('non-aggression', pair, 0.3);
  for (const pair of w.pairs.strangers) pact('neutrality', pair, 0.2);

  // The old border wars, under way.
  const wars = w.pairs.war.map(([a, b]) => ({
    id: `war-${w.fid(a)}-${w.fid(b)}`,
    name: `the border war of ${w.fid(a)} and ${w.fid(b)}`,
    sides: [[w.fid(a)], [w.fid(b)]] as [string[], string[]],
    casusBelli: 'an old war over the border',
    started: '-90d',
    where: w.space(b),
  }));

  // Principles over acts, for factions the script never has raid anyone.
  const leagueOf = new Map(leagues.flatMap((l) => l.members.map((i) => [i, l.id] as const)));
  for (let i = 0; i < w.n; i++) {
    if (w.raiders.has(i) || !rng.chance(0.3)) continue;
    const league = leagueOf.get(i);
    const roll = rng.float();
    const id = w.fid(i);
    principles.push([
      i,
      league !== undefined && roll < 0.35
        ? {
            id: `${id}-keeps-the-league`,
            text: 'We never raise arms against a member of our league.',
            forbids: { acts: [{ attack: { membersOf: league } }] },
          }
        : roll < 0.7
          ? {
              id: `${id}-never-strikes-first`,
              text: 'We never strike first.',
              forbids: { acts: [{ aggression: true }] },
            }
          : {
              id: `${id}-only-defends`,
              text: 'We fight only those already at war with us.',
              forbids: { acts: [{ attack: 'not-at-war' }] },
            },
    ]);
  }
  return { agreements, wars, principles };
}
