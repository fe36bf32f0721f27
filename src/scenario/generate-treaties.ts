/**
 * The treaties in force at the start of a generated world (see `treatiesOf`), drawn from their own
 * random stream so the rest of the world is drawn as without them.
 */
import type { Rng } from '../common/random.js';
import type { ScenarioInput } from './schema.js';

const round2 = (x: number) => Math.round(x * 100) / 100;
const unit = (rng: Rng, lo = 0, hi = 1) => round2(lo + (hi - lo) * rng.float());

/** Neighbouring pairs by how they stand: at war, rivals, friends (trading partners), strangers. */
export interface Pairs {
  war: [number, number][];
  rivals: [number, number][];
  friends: [number, number][];
  strangers: [number, number][];
}

export interface TreatyWorld {
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
export function treatiesOf(rng: Rng, w: TreatyWorld) {
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
    )[0];
    if (leader === undefined) continue;
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
    const [x, y] = a < b ? [a, b] : [b, a];
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
    const [x, y] = a < b ? [a, b] : [b, a];
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
    sides: [[w.fid(a)], [w.fid(b)]] satisfies [string[], string[]],
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
