/**
 * Spies: a person serving one faction while loyal to another opens a covert channel to his true
 * masters through someone he knows among them, once the two factions have dealings worth
 * reporting — or, if none come, after a while anyway. Caution holds him back.
 *
 * Counter-intelligence: a suspicious leader who has just seen treachery (an ambush, an ally
 * breaking an agreement) has the faction's own people searched for spies.
 */
import { id } from '../../model/ids.js';
import { days } from '../../model/time.js';
import type { Person } from '../../model/world.js';
import type { Option, Question } from '../deliberation.js';
import type { Situation } from '../situation.js';

export function spyQuestions(s: Situation): Question[] {
  const { view } = s;
  const out: Question[] = [];
  for (const spy of view.agents()) {
    if (spy.status !== 'active' || view.channels().some((c) => c.kind === 'covert' && c.agent === spy.id))
      continue;
    if (!s.due(`spy:${spy.id}`, days(1))) continue;
    const handler = spy.contacts
      .map((c) => view.person(c))
      .find((p) => p && p.faction === view.id && p.status !== 'dead');
    if (!handler) continue;
    const served = spy.faction;
    // Dealings between the two factions make the spy's news worth sending.
    const dealings = view
      .negotiations('broken-off')
      .concat(view.negotiations('open'), view.negotiations('agreed'))
      .some((n) => n.parties.includes(served));
    if (!dealings && s.t < days(3)) continue;
    const options = (judge: Person): Option[] => [
      {
        id: 'open-covert-channel',
        label: `open a covert channel to ${view.id} through ${handler.name}`,
        acts: [
          {
            intent: {
              type: 'open-covert-channel',
              channel: id.channel(`${spy.id}-line`),
              to: view.id,
              contact: handler.id,
            },
            actor: spy.id,
          },
        ],
        terms: [
          { name: 'loyalty', value: 0.5, note: `${handler.name} knows I can be trusted` },
          { name: 'news worth sending', value: dealings ? 0.4 : 0 },
          { name: 'risk of exposure', value: -0.4 * judge.personality.caution },
        ],
      },
      {
        id: 'lie-low',
        label: 'lie low',
        acts: [],
        terms: [{ name: 'patience', value: 0.2 * judge.personality.patience }],
        statusQuo: true,
      },
    ];
    out.push({
      id: `spy:${spy.id}`,
      topic: `reporting to ${view.self.name}`,
      decider: spy,
      options,
      counselled: false,
    });
  }
  return out;
}

/** Below this suspicion a leader does not suspect his own people. */
const SUSPICIOUS = 0.7;

export function spyHuntQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  if (leader.status !== 'active' || leader.personality.suspicion < SUSPICIOUS) return [];
  const treachery = s.observed.find(
    (e) =>
      e.type === 'ambush-sprung' ||
      (e.type === 'conference-ended' && e.outcome === 'attacked') ||
      (e.type === 'agreement-dissolved' && e.by !== view.id) ||
      (e.type === 'spies-sought' && e.faction !== view.id),
  );
  if (!treachery || !s.due('spy-hunt', days(3))) return [];
  const options = (judge: Person): Option[] => [
    {
      id: 'search-for-spies',
      label: 'search our own people for spies',
      acts: [{ intent: { type: 'search-for-spies' } }],
      terms: [
        { name: 'suspicion', value: judge.personality.suspicion - 0.4, note: 'someone may have talked' },
        { name: 'treachery seen', value: 0.2, note: 'treachery is abroad' },
        { name: 'distrust sows dissent', value: -0.2 * (1 - judge.personality.suspicion) },
      ],
    },
    {
      id: 'trust-our-own',
      label: 'trust our own people',
      acts: [],
      terms: [{ name: 'trust in our own', value: 0.1 }],
      statusQuo: true,
    },
  ];
  return [
    {
      id: 'spy-hunt',
      topic: 'searching our people for spies',
      decider: leader,
      options,
      counselled: true,
      doctrine: view.self.doctrine,
    },
  ];
}
