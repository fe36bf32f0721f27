/**
 * The security question: a faction in danger and alone asks whether to seek an alliance (and what
 * to offer), to buy safety with what it has, or to stand alone. The terms:
 *
 * - vulnerability (balance of threat, ../models/threat.ts), weighed by the judge's caution;
 * - isolation: no ally at all;
 * - distaste: an honourable judge's reluctance to deal with the untrusted — honour · distrust of
 *   the candidates;
 * - pride: the wish to need no one;
 * - crew pressure: groups whose morale has fallen push for any deal (../models/crew.ts).
 *
 * Offering technology is an option too, and a principle against it vetoes it.
 */
import { days, hours } from '../../model/time.js';
import type { Person } from '../../model/world.js';
import { allianceOffer, allianceValue, forbiddenKinds, total } from '../models/alliances.js';
import { crewPressure } from '../models/crew.js';
import type { Term } from '../models/valuation.js';
import type { Option, Question } from '../deliberation.js';
import type { Situation } from '../situation.js';

/** Below this vulnerability a faction does not ask itself whether to seek allies. */
export const ALARM = 0.5;
/** Recent grievances (added in the last two weeks) that make a faction take stock of its security. */
export const RECENT_HARM = 0.4;

export function securityQuestions(s: Situation): Question[] {
  const { view, threat } = s;
  if (view.self.agenda.alliance || view.allies().length > 0) return [];
  // Alarm needs danger and harm: a faction that has recently been hurt and cannot defend itself.
  if (threat.vulnerability < ALARM || view.recentHarm(days(14)) < RECENT_HARM || !s.due('security', hours(6)))
    return [];
  const leader = view.leader();
  if (leader.status !== 'active') return [];

  const candidates = view
    .factionIds()
    .filter(
      (f) =>
        f !== view.id &&
        view.relation(f)?.status !== 'war' &&
        // Mercenaries are hired, not allied with.
        !view.faction(f).tags.includes('mercenaries') &&
        view.breachOf([], [view.id, f]) === null,
    )
    .map((f) => ({ f, value: total(allianceValue(view, threat, f, leader)) }))
    // The candidates are the least bad: distaste for them all is weighed by the question itself.
    .filter((c) => c.value > -0.3)
    .sort((a, b) => b.value - a.value || (a.f < b.f ? -1 : 1))
    .slice(0, 4)
    .map((c) => c.f);
  if (candidates.length === 0) return [];
  const pressure = crewPressure(view, threat.vulnerability, view.losses());
  const pressing = pressure.reduce((sum, p) => sum + p.pressure, 0);
  const spokesmen = new Set(pressure.map((p) => p.spokesperson).filter((x): x is string => x !== null));
  const excluded = forbiddenKinds(view);
  const offer = allianceOffer(view);
  const techOffer = allianceOffer(view, true);
  const techBreach = view.breachOf(techOffer, [view.id, ...candidates]);
  const covet =
    candidates.reduce((sum, f) => sum + Math.max(0, view.self.technology - view.faction(f).technology), 0) /
    candidates.length;
  const distrust = 1 - candidates.reduce((sum, f) => sum + view.trust(f), 0) / candidates.length;

  const options = (judge: Person): Option[] => {
    const p = judge.personality;
    const common: Term[] = [
      {
        name: 'vulnerability',
        value: threat.vulnerability * (0.6 + p.caution),
        note: 'the ship cannot defend itself',
      },
      { name: 'isolation', value: 0.2, note: 'no ally at all' },
      { name: 'distaste', value: -p.honour * distrust * 1.2, note: 'they are not to be trusted' },
      { name: 'pride', value: -p.pride * 0.3 },
    ];
    const crew: Term[] =
      pressing > 0
        ? [
            {
              name: 'crew pressure',
              value: pressing,
              note: pressure
                .map((c) => c.wants)
                .filter(Boolean)
                .join('; '),
            },
          ]
        : [];
    return [
      {
        id: 'seek-alliance',
        label: `seek an alliance with ${candidates.join(' or ')}`,
        acts: [{ intent: { type: 'seek-alliance', candidates, offer, exclude: excluded } }],
        terms: [...common, ...crew],
      },
      {
        id: 'trade-technology',
        label: 'buy safety with technology',
        acts: [
          {
            intent: {
              type: 'seek-alliance',
              candidates,
              offer: techOffer,
              exclude: excluded.filter((k) => k !== 'technology-transfer'),
            },
          },
        ],
        terms: [
          ...common,
          {
            name: 'technology given away',
            value: -view.self.technology * (0.1 + 0.5 * p.honour),
            note: 'our technology in their hands',
          },
          // An offer of what the candidates covet is more likely to be taken up.
          ...(covet > 0
            ? [{ name: 'a tempting offer', value: 0.5 * covet, note: 'they want what we have' }]
            : []),
          // The group's spokesman feels its pressure most.
          ...crew.map((t) => ({ ...t, value: t.value * (spokesmen.has(judge.id) ? 3 : 2) })),
        ],
        veto: techBreach ? `principle:${techBreach.principle.id}` : null,
        vetoNote: techBreach ? techBreach.principle.text : null,
      },
      {
        id: 'stand-alone',
        label: 'stand alone',
        acts: [],
        terms: [
          { name: 'self-reliance', value: p.pride * 0.3 + p.honour * 0.2, note: 'we hold to our own ways' },
        ],
        statusQuo: true,
      },
    ];
  };
  return [
    {
      id: 'security',
      topic: 'seeking an alliance',
      decider: leader,
      options,
      counselled: true,
      doctrine: view.self.doctrine,
    },
  ];
}
