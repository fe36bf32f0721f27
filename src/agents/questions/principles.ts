/**
 * Keeping faith with one's principles: an agreement with a partner who has since earned a mark the
 * faction's principles forbid is dissolved — the principle is a veto on keeping it, not a cost to
 * weigh — and the former partner's people are sent off the faction's ships.
 */
import type { Person } from '../../model/world.js';
import type { Option, Question } from '../deliberation.js';
import type { Situation } from '../situation.js';
import { single } from './talks.js';

export function principleQuestions(s: Situation): Question[] {
  const { view } = s;
  const leader = view.leader();
  if (leader.status !== 'active') return [];
  const out: Question[] = [];
  for (const a of view.agreements('active')) {
    const breach = view.breachOf(a.provisions, a.parties);
    if (!breach) continue;
    const options = (judge: Person): Option[] => [
      {
        id: 'dissolve',
        label: `end the agreement with ${a.parties.filter((p) => p !== view.id).join(', ')}`,
        acts: [{ intent: { type: 'dissolve-agreement', agreement: a.id, principle: breach.principle.id } }],
        terms: [
          { name: breach.principle.id, value: 0.5 * judge.personality.honour, note: breach.principle.text },
        ],
      },
      {
        id: 'keep',
        label: 'keep the agreement',
        acts: [],
        terms: [{ name: 'their strength', value: 0.3 }],
        veto: `principle:${breach.principle.id}`,
        vetoNote: breach.principle.text,
        statusQuo: true,
      },
    ];
    out.push({ id: `faith:${a.id}`, topic: 'our principles', decider: leader, options, counselled: false });
  }
  // Guests from a former partner we broke with, or one marked by a deed our principles forbid,
  // go back to their own ships.
  const brokeWith = new Set(view.agreements('dissolved').flatMap((a) => a.parties));
  const talks = new Set(view.negotiations('open').flatMap((n) => (n.aboard ? [n.aboard] : [])));
  for (const ship of view.ownShips()) {
    if (talks.has(ship.id)) continue;
    for (const guest of view.aboard(ship)) {
      if (guest.faction === view.id) continue;
      const marked = view.breachOf([], [view.id, guest.faction]) !== null;
      if (view.allies().includes(guest.faction) && !marked) continue;
      if (!marked && !brokeWith.has(guest.faction)) continue;
      const theirs = view.shipsSeenAt(view.place(ship)).find((sh) => sh.faction === guest.faction);
      if (!theirs) continue;
      out.push(
        single(
          `expel:${guest.id}`,
          leader,
          `send ${guest.name} off ${ship.name}`,
          [{ intent: { type: 'expel', person: guest.id, to: theirs.id } }],
          [{ name: 'no longer welcome', value: 1, note: `${guest.name} abused our good will` }],
        ),
      );
    }
  }
  return out;
}
