/**
 * The security question: a faction in danger and alone asks whether to seek an alliance (and what
 * to offer), to buy safety with what it has, or to stand alone. The terms:
 *
 * - vulnerability (balance of threat, ../models/threat.ts), weighed by the judge's caution;
 * - isolation: no ally at all;
 * - distaste: an honourable judge's reluctance to deal with the untrusted — honour · distrust of
 *   the candidates;
 * - pride: the wish to need no one;
 * - crew pressure: groups whose morale has fallen push for any deal (../models/crew.ts);
 * - the strategic reasons (../models/strategy.ts), on average over the candidates: the balance of
 *   threat, the war expected, entrapment and abandonment, the candidates' record of honouring calls;
 *   and the lesson of a betrayal an alliance with them recalls (../models/lessons.ts).
 *
 * Offering technology is an option too, and a principle against it vetoes it.
 *
 * Two things make a faction without allies take stock: danger and harm together (it cannot defend
 * itself and has just been hurt), every six hours; or, once a day, a strategic reason strong enough
 * on its own (`STRATEGIC_ALARM`) — a secure power facing a rising threat balances before it is hurt
 * (Walt 1987).
 */
import type { Breach } from '../../engine/principles.js';
import type { FactionId } from '../../model/ids.js';
import type { Provision, ProvisionKind } from '../../model/provision.js';
import { days, hours } from '../../model/time.js';
import type { Person } from '../../model/world.js';
import { allianceOffer, allianceValue, forbiddenKinds, total, turnedAgainst } from '../models/alliances.js';
import { lessonTerms } from '../models/lessons.js';
import { abandonment, strategicPull, strategicTerms } from '../models/strategy.js';
import { RECENT, STRATEGIC_ALARM } from '../tuning.js';
import { exposure } from '../models/threat.js';
import { crewPressure, type CrewPressure } from '../models/crew.js';
import type { Term } from '../models/valuation.js';
import type { Option, Question } from '../deliberation.js';
import type { Situation } from '../situation.js';

/** Below this vulnerability a faction does not ask itself whether to seek allies. */
export const ALARM = 0.5;
/** Recent grievances (added within `RECENT`) that make a faction take stock of its security. */
export const RECENT_HARM = 0.4;

export function securityQuestions(s: Situation): Question[] {
  const { view } = s;
  const alarm = alarmed(s);
  if (!alarm) return [];
  const leader = view.leader();
  if (leader.status !== 'active') return [];
  if (alarm === 'strategy' && !strategicallyAlarmed(s)) return [];
  const candidates = allianceCandidates(s, leader);
  if (candidates.length === 0) return [];
  const stakes = securityStakes(s, candidates);
  return [
    {
      id: 'security',
      topic: 'seeking an alliance',
      decider: leader,
      options: (judge) => securityOptions(stakes, judge),
      counselled: true,
      doctrine: view.self.doctrine,
    },
  ];
}

/**
 * Whether the faction takes stock of its security, and why: only when it seeks no alliance yet and
 * has no ally; on danger and harm together — a faction that has recently been hurt and cannot
 * defend itself — every six hours at most; otherwise once a day, for strategic reasons.
 */
function alarmed(s: Situation): 'danger' | 'strategy' | null {
  const { view } = s;
  if (view.self.agenda.alliance || view.allies().length > 0) return null;
  // Not due within six hours is not due within a day either: the threat need not be assessed.
  if (!s.due('security', hours(6))) return null;
  const { threat } = s;
  if (threat.vulnerability >= ALARM && view.recentHarm(RECENT) >= RECENT_HARM)
    return s.due('security', hours(6)) ? 'danger' : null;
  return s.due('security', days(1)) ? 'strategy' : null;
}

/**
 * Whether a faction in no danger has strategic reason enough to seek an ally: the pull of the best
 * faction it could ally with (the balance of threat, the war expected), with the fear of abandonment, reaches
 * `STRATEGIC_ALARM`. Weighs only the few rivals, so it costs little for every faction known.
 */
function strategicallyAlarmed(s: Situation): boolean {
  const { view, threat } = s;
  const alone = total(abandonment(view, threat));
  for (const f of view.factionIds()) {
    if (f === view.id || view.relation(f)?.status === 'war' || turnedAgainst(view, f) !== null) continue;
    if (alone + total(strategicPull(view, threat, f)) >= STRATEGIC_ALARM) return true;
  }
  return false;
}

/**
 * The candidates, as the leader values an alliance with them: the four least bad of the factions
 * we are not at war with, that have not turned against us (`turnedAgainst`: one at war with us, or
 * newly hostile to us, is a threat to ally against, not a partner — Walt 1987), and that our
 * principles let us deal with (mercenaries are hired, not allied with). Distaste for them all is
 * weighed by the question itself.
 */
function allianceCandidates(s: Situation, leader: Person): FactionId[] {
  const { view, threat } = s;
  return view
    .factionIds()
    .filter(
      (f) =>
        f !== view.id &&
        view.relation(f)?.status !== 'war' &&
        turnedAgainst(view, f) === null &&
        !view.faction(f).tags.includes('mercenaries') &&
        view.breachOf([], [view.id, f]) === null,
    )
    .map((f) => ({ f, value: total(allianceValue(view, threat, f, leader)) }))
    .filter((c) => c.value > -0.3)
    .sort((a, b) => b.value - a.value || (a.f < b.f ? -1 : 1))
    .slice(0, 4)
    .map((c) => c.f);
}

/** What the question weighs, the same whoever judges it. */
interface SecurityStakes {
  readonly candidates: FactionId[];
  readonly vulnerability: number;
  /** What vulnerability stands on: the threats against our defence, the state of our forces (../models/threat.ts). */
  readonly exposed: string;
  readonly technology: number;
  /** The crew's groups pushing for a deal, their pressure summed, and their spokesmen. */
  readonly pressure: readonly CrewPressure[];
  readonly pressing: number;
  readonly spokesmen: ReadonlySet<string>;
  /** Kinds our principles forbid us to give. */
  readonly excluded: ProvisionKind[];
  readonly offer: Provision[];
  readonly techOffer: Provision[];
  /** The principle an offer of technology to the candidates would breach, if any. */
  readonly techBreach: Breach | null;
  /** How far the candidates lag behind our technology, on average. */
  readonly covet: number;
  /** Distrust of the candidates, on average. */
  readonly distrust: number;
  /** The strategic terms of an alliance with the candidates, on average, as a judge weighs them. */
  readonly strategy: (judge: Person) => Term[];
  readonly abandonment: readonly Term[];
}

function securityStakes(s: Situation, candidates: FactionId[]): SecurityStakes {
  const { view, threat } = s;
  const pressure = crewPressure(view, threat.vulnerability, view.losses());
  const techOffer = allianceOffer(view, true);
  return {
    candidates,
    vulnerability: threat.vulnerability,
    exposed: exposure(view, threat),
    technology: view.self.technology,
    pressure,
    pressing: pressure.reduce((sum, p) => sum + p.pressure, 0),
    spokesmen: new Set(pressure.map((p) => p.spokesperson).filter((x): x is string => x !== null)),
    excluded: forbiddenKinds(view),
    offer: allianceOffer(view),
    techOffer,
    techBreach: view.breachOf(techOffer, [view.id, ...candidates]),
    covet:
      candidates.reduce((sum, f) => sum + Math.max(0, view.self.technology - view.faction(f).technology), 0) /
      candidates.length,
    distrust: 1 - candidates.reduce((sum, f) => sum + view.trust(f), 0) / candidates.length,
    abandonment: abandonment(view, threat),
    strategy: (judge) =>
      meanTerms(
        candidates.map((f) => [
          ...strategicTerms(view, threat, f, judge),
          ...lessonTerms(view, { kind: 'alliance', partner: f }),
        ]),
      ),
  };
}

/**
 * Terms of several candidates on average, by name (a term a candidate lacks counts zero), each with
 * the note of the candidate for whom it weighs most.
 */
function meanTerms(lists: readonly (readonly Term[])[]): Term[] {
  const byName = new Map<string, { sum: number; strongest: Term }>();
  for (const t of lists.flat()) {
    const entry = byName.get(t.name);
    if (!entry) byName.set(t.name, { sum: t.value, strongest: t });
    else {
      entry.sum += t.value;
      if (Math.abs(t.value) > Math.abs(entry.strongest.value)) entry.strongest = t;
    }
  }
  return [...byName.values()].map(({ sum, strongest }) => ({
    name: strongest.name,
    value: sum / lists.length,
    ...(strongest.note ? { note: strongest.note } : {}),
  }));
}

function securityOptions(st: SecurityStakes, judge: Person): Option[] {
  return [seekAlliance(st, judge), tradeTechnology(st, judge), standAlone(judge)];
}

/** Why seek allies at all: danger and isolation, against distaste for the untrusted and pride. */
function securityTerms(st: SecurityStakes, judge: Person): Term[] {
  const p = judge.personality;
  return [
    {
      name: 'vulnerability',
      value: st.vulnerability * (0.6 + p.caution),
      note: st.exposed,
    },
    { name: 'isolation', value: 0.2, note: 'no ally at all' },
    { name: 'distaste', value: -p.honour * st.distrust * 1.2, note: 'they are not to be trusted' },
    { name: 'pride', value: -p.pride * 0.3 },
    ...st.strategy(judge),
    ...st.abandonment,
  ];
}

/** The crew's groups whose morale has fallen push for any deal. */
function crewTerms(st: SecurityStakes): Term[] {
  return st.pressing > 0
    ? [
        {
          name: 'crew pressure',
          value: st.pressing,
          note: st.pressure
            .map((c) => c.wants)
            .filter(Boolean)
            .join('; '),
        },
      ]
    : [];
}

/** Seek an alliance, offering defence and aid from what we have plenty of. */
function seekAlliance(st: SecurityStakes, judge: Person): Option {
  const { candidates, offer, excluded } = st;
  return {
    id: 'seek-alliance',
    label: `seek an alliance with ${candidates.join(' or ')}`,
    acts: [{ intent: { type: 'seek-alliance', candidates, offer, exclude: excluded } }],
    terms: [...securityTerms(st, judge), ...crewTerms(st)],
    serves: { sides: candidates, interests: ['alliance'] },
  };
}

/**
 * Buy safety with technology: our technology in their hands weighs on the honourable; an offer of
 * what the candidates covet is more likely to be taken up; and the crew's pressure counts double
 * (triple for its spokesman, who feels it most). A principle against it vetoes it.
 */
function tradeTechnology(st: SecurityStakes, judge: Person): Option {
  const p = judge.personality;
  const { techBreach } = st;
  return {
    id: 'trade-technology',
    label: 'buy safety with technology',
    acts: [
      {
        intent: {
          type: 'seek-alliance',
          candidates: st.candidates,
          offer: st.techOffer,
          exclude: st.excluded.filter((k) => k !== 'technology-transfer'),
        },
      },
    ],
    terms: [
      ...securityTerms(st, judge),
      {
        name: 'technology given away',
        value: -st.technology * (0.1 + 0.5 * p.honour),
        note: 'our technology in their hands',
      },
      ...(st.covet > 0
        ? [{ name: 'a tempting offer', value: 0.5 * st.covet, note: 'they want what we have' }]
        : []),
      ...crewTerms(st).map((t) => ({ ...t, value: t.value * (st.spokesmen.has(judge.id) ? 3 : 2) })),
    ],
    veto: techBreach ? `principle:${techBreach.principle.id}` : null,
    vetoNote: techBreach ? techBreach.principle.text : null,
    serves: { sides: st.candidates, interests: ['alliance'] },
  };
}

/** Stand alone: the proud and the honourable hold to their own ways. */
function standAlone(judge: Person): Option {
  const p = judge.personality;
  return {
    id: 'stand-alone',
    label: 'stand alone',
    acts: [],
    terms: [
      { name: 'self-reliance', value: p.pride * 0.3 + p.honour * 0.2, note: 'we hold to our own ways' },
    ],
    statusQuo: true,
    serves: { interests: ['independence'] },
  };
}
